import type { Kysely } from 'kysely';

/**
 * Three things stored rows must say about themselves (issue 14, ADR 28):
 * - `tournament_matches.rally_json`: where the umpire's rally log has brought the match (how
 *   many entries it holds, the sides as they were read when scoring began, the replayed cursor),
 *   written in the same transaction as the entries it sums up. A new point is checked against it
 *   and scored without replaying the log; an undo, a new start, or a row that does not agree with
 *   the log (its count, its sides) replays the whole log and writes it again.
 * - `tournament_draws.algorithm`: the version of the draw's algorithm that made the draw, so an
 *   old draw is re-run with the algorithm that made it. Draws made before this were made by the
 *   first version.
 * - `tournament_draws.knockout_json`: for groups then knockout, the knockout drawn from the groups'
 *   rankings when the last group match has its result ({ positions, log, qualifiers, madeAt }).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournament_matches').addColumn('rally_json', 'text').execute();
  await db.schema
    .alterTable('tournament_draws')
    .addColumn('algorithm', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('tournament_draws').addColumn('knockout_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournament_draws').dropColumn('knockout_json').execute();
  await db.schema.alterTable('tournament_draws').dropColumn('algorithm').execute();
  await db.schema.alterTable('tournament_matches').dropColumn('rally_json').execute();
}
