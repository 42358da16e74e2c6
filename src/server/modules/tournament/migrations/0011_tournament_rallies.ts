import type { Kysely } from 'kysely';

/**
 * The umpire's rally log (issue 14): what the umpire's phone sent for a match, in order — how the
 * match started (who serves, who is at the umpire's left), each rally won, each undo. Every entry
 * carries the id the phone made and its place in the match's sequence, so an entry sent twice
 * (a flaky connection, a retry) is stored once; the score is always worked out from the log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tournament_rallies')
    .addColumn('match_id', 'text', (c) => c.notNull().references('tournament_matches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    /** start | point | undo */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The side that won the rally (point), else null. */
    .addColumn('side', 'integer')
    /** JSON for a start: { server, leftEnd, rightCourt? }. */
    .addColumn('start_json', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tournament_rallies_pk', ['match_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('tournament_rallies_client')
    .on('tournament_rallies')
    .columns(['match_id', 'client_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tournament_rallies').execute();
}
