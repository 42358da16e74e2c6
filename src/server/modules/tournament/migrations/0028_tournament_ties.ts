import type { Kysely } from 'kysely';

/**
 * Team events (issue 14, ADR 35): a tie between two teams is a row of tournament_matches like any
 * match, so the draw, the groups, the knockout, the order of play and the medals take it as they
 * are. What only a tie has is kept beside it in `tie_json`: each captain's line-up (per rubber, the
 * players from the team's roster) and each rubber's result (games, outcome, winner). The tie's own
 * `games_json` holds the rubbers won by each side ([[3, 1]]) and its `winner_side` is set when one
 * team reaches the rubbers needed. The event's `tie_format_json` (there since 0009) holds the format.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournament_matches').addColumn('tie_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournament_matches').dropColumn('tie_json').execute();
}
