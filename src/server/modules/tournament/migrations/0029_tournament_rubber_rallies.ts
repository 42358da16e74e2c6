import { type Kysely, sql } from 'kysely';

/**
 * The umpire's phone scores a team event's rubbers point by point (ADR 35): a rally log is kept
 * per (match, rubber), `rubber` 0 being the match itself and 1–9 a tie's rubber. The key of
 * `tournament_rallies` grows by that column, so the table is made again (SQLite cannot change a
 * primary key in place) and the logs already there are copied as rubber 0.
 */
const columns = ['match_id', 'seq', 'client_id', 'kind', 'side', 'start_json', 'entered_by', 'entered_at'];

async function remake(db: Kysely<any>, withRubber: boolean): Promise<void> {
  let table = db.schema
    .createTable('tournament_rallies_next')
    .addColumn('match_id', 'text', (c) => c.notNull().references('tournament_matches.id'));
  if (withRubber) table = table.addColumn('rubber', 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('side', 'integer')
    .addColumn('start_json', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(
      withRubber ? 'tournament_rallies_rubber_pk' : 'tournament_rallies_match_pk',
      (withRubber ? ['match_id', 'rubber', 'seq'] : ['match_id', 'seq']) as ['match_id', 'seq'],
    )
    .execute();
  const list = sql.join(columns.map((c) => sql.ref(c)));
  // Going back keeps the matches' logs only: a rubber's entries have no place in the old key.
  const from = withRubber
    ? sql`select ${list} from tournament_rallies`
    : sql`select ${list} from tournament_rallies where rubber = 0`;
  await sql`insert into tournament_rallies_next (${list}) ${from}`.execute(db);
  await db.schema.dropTable('tournament_rallies').execute();
  await db.schema.alterTable('tournament_rallies_next').renameTo('tournament_rallies').execute();
  await db.schema
    .createIndex(withRubber ? 'tournament_rallies_rubber_client' : 'tournament_rallies_client')
    .on('tournament_rallies')
    .columns(withRubber ? ['match_id', 'rubber', 'client_id'] : ['match_id', 'client_id'])
    .unique()
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await remake(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await remake(db, false);
}
