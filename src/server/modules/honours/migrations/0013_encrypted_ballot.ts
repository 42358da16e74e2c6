import { sql, type Kysely } from 'kysely';

/**
 * The encrypted ballot (ADR 12). The plaintext running counts (`honour_tallies`) go: a round now
 * keeps only encrypted running totals and the sorted list of ballot receipts (`box_json`), added to
 * homomorphically; only the Council's chair, on their own device, can decrypt the totals, and does
 * so once the ballot box is closed (the round's status passes through "counting"). The session keeps
 * the chair's public key (`ballot_key`). A round still open when this runs has plaintext counters
 * that cannot be encrypted after the fact; the migration refuses rather than carry them over.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const open = await sql<{ n: number }>`select count(*) as n from honour_rounds where status = 'open'`.execute(db);
  if (Number(open.rows[0]?.n ?? 0) > 0)
    throw new Error('Close the open Council rounds before upgrading: their plaintext counters cannot be encrypted.');
  await db.schema.alterTable('honour_sessions').addColumn('ballot_key', 'text').execute();
  await db.schema.alterTable('honour_rounds').addColumn('box_json', 'text').execute();
  await db.schema.dropTable('honour_tallies').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('honour_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_tallies_pk', ['round_id', 'nomination_id', 'choice'])
    .execute();
  await db.schema.alterTable('honour_rounds').dropColumn('box_json').execute();
  await db.schema.alterTable('honour_sessions').dropColumn('ballot_key').execute();
}
