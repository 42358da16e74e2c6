import { type RankedGroup, rankGroup } from '../../../common/tournament/groupRanking.ts';
import { knockoutFromGroups } from '../../../common/tournament/groups.ts';
import { isScoringId, type Outcome, scoringRules } from '../../../common/tournament/scoring.ts';
import { rankTeams, type TeamTie, type TieFormat } from '../../../common/tournament/teams.ts';
import { rubberScores, tieFormatOf, tieStateOf } from './tieView.ts';
import { type Actor, recordAudit } from '../../platform/audit/record.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertMatches, type KnockoutDrawn } from './draws.ts';
import { scheduleTournament } from './orderOfPlay.ts';

/**
 * Groups then knockout as one event (issue 14): the groups are played first; when the last group
 * match has its result, the first places of every group (GCR 16.2, results of a player who retired,
 * gave a walkover or was disqualified deleted and ranked last, never going on) are drawn into the
 * knockout: group winners seeded in group order, the others kept away from their own group's
 * entries (the runner-up in the other half from its winner) — knockoutFromGroups, with lots from
 * the draw's random seed, so anyone can re-run it. A correction of a group result before any
 * knockout match has a result makes the knockout again if the qualifiers changed; after that, the
 * correction is refused (results.ts), as for any result the next round depends on. The knockout's
 * matches are put on the courts when it is made (scheduleTournament with only them): after their
 * players' group matches and the rest, around every match already on the order of play.
 */
type Tx = Platform['db'];

type MatchRow = {
  stage: string;
  group_no: number | null;
  entry_a: string | null;
  entry_b: string | null;
  games_json: string | null;
  outcome: string | null;
  winner_side: number | null;
  tie_json: string | null;
};

/** A team event's ties as the ranking takes them: the rubbers, or a team's walkover or disqualification. */
export const teamTiesOf = (rows: readonly MatchRow[], format: TieFormat): TeamTie[] =>
  rows.map((r) => ({
    a: r.entry_a!,
    b: r.entry_b!,
    rubbers: rubberScores(tieStateOf(r.tie_json, format)),
    ...(r.outcome === 'walkover' || r.outcome === 'disqualified'
      ? { outcome: r.outcome, winner: r.winner_side as 0 | 1 }
      : {}),
  }));

/** Each group's table by GCR 16.2 over its recorded matches; lots from the draw's seed and the group. */
export function rankGroups(
  groups: readonly string[][],
  rows: readonly MatchRow[],
  scoring: string,
  randomSeed: string,
  team: TieFormat | null = null,
): RankedGroup[] {
  if (team) {
    // Team ties (ADR 35): ties won, then rubbers, games and points difference, head-to-head between two.
    const rule = scoringRules[isScoringId(scoring) ? scoring : 'bo3-21'];
    return groups.map((members, g) =>
      rankTeams(
        members,
        teamTiesOf(
          rows.filter((x) => x.stage === 'group' && x.group_no === g + 1 && x.winner_side !== null),
          team,
        ),
        rule,
        team,
        `${randomSeed}:group-${g + 1}`,
      ),
    );
  }
  return groups.map((members, g) =>
    rankGroup({
      entries: members,
      scoring,
      matches: rows
        .filter((x) => x.stage === 'group' && x.group_no === g + 1 && x.winner_side !== null)
        .map((r) => ({
          a: r.entry_a!,
          b: r.entry_b!,
          games: JSON.parse(r.games_json ?? '[]') as [number, number][],
          outcome: (r.outcome as Outcome | null) ?? undefined,
          winner: r.winner_side === 0 ? r.entry_a! : r.entry_b!,
        })),
      randomSeed: `${randomSeed}:group-${g + 1}`,
    }),
  );
}

/** Who goes on from each group: its first `perGroup`, never an entry whose results were deleted. */
export const qualifiersOf = (ranked: readonly RankedGroup[], perGroup: number): string[][] =>
  ranked.map((r) => {
    const deleted = new Set(r.deleted);
    return r.ranking.filter((id) => !deleted.has(id)).slice(0, perGroup);
  });

/**
 * After a group result: when every group match has one, draws the knockout from the groups'
 * rankings (or draws it again when a correction changed who goes on and no knockout match has a
 * result yet). Returns whether a knockout was made. In the caller's transaction, audited there.
 */
export async function knockoutAfterGroups(tx: Tx, actor: Actor, eventId: string, now: Date): Promise<boolean> {
  const event = await tx
    .selectFrom('tournament_events')
    .select([
      'tournament_id',
      'format',
      'scoring',
      'group_scoring',
      'qualifiers_per_group',
      'third_place',
      'tie_format_json',
    ])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  if (event.format !== 'groups_knockout') return false;
  const draw = await tx
    .selectFrom('tournament_draws')
    .select(['id', 'random_seed', 'positions_json', 'knockout_json'])
    .where('event_id', '=', eventId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  if (!draw) return false;
  const rows = await tx
    .selectFrom('tournament_matches')
    .select(['stage', 'group_no', 'entry_a', 'entry_b', 'games_json', 'outcome', 'winner_side', 'tie_json'])
    .where('event_id', '=', eventId)
    .execute();
  if (rows.some((r) => r.stage === 'group' && r.winner_side === null)) return false;
  if (rows.some((r) => r.stage === 'knockout' && r.winner_side !== null)) return false;
  const groups = JSON.parse(draw.positions_json) as string[][];
  const perGroup = event.qualifiers_per_group ?? 1;
  const qualifiers = qualifiersOf(
    rankGroups(
      groups,
      rows,
      event.group_scoring ?? event.scoring,
      draw.random_seed,
      tieFormatOf(event.tie_format_json),
    ),
    perGroup,
  );
  const before = draw.knockout_json ? (JSON.parse(draw.knockout_json) as KnockoutDrawn) : null;
  if (before && JSON.stringify(before.qualifiers) === JSON.stringify(qualifiers)) return false;
  if (qualifiers.flat().length < 2) return false;
  const d = knockoutFromGroups(qualifiers, perGroup, `${draw.random_seed}:knockout`);
  await tx.deleteFrom('tournament_matches').where('event_id', '=', eventId).where('stage', '=', 'knockout').execute();
  await insertMatches(tx, eventId, { positions: d.positions }, event.third_place === 'playoff');
  // Its matches go on the courts at once, after the group matches and around everything else
  // already on the order of play (orderOfPlay.ts), as the first stage's matches did.
  const knockoutIds = await tx
    .selectFrom('tournament_matches')
    .select('id')
    .where('event_id', '=', eventId)
    .where('stage', '=', 'knockout')
    .execute();
  const scheduled = await scheduleTournament(tx, event.tournament_id, now, new Set(knockoutIds.map((m) => m.id)));
  const made: KnockoutDrawn = {
    positions: d.positions,
    log: d.log,
    qualifiers,
    madeAt: now.toISOString(),
    madeBy: actor.userId,
    madeByName: actor.name,
  };
  await tx
    .updateTable('tournament_draws')
    .set({ knockout_json: JSON.stringify(made) })
    .where('id', '=', draw.id)
    .execute();
  await recordAudit(
    tx,
    actor,
    {
      action: before ? 'tournament_draw.knockout_redraw' : 'tournament_draw.knockout',
      entityType: 'tournament_event',
      entityId: eventId,
      before: before ? { qualifiers: before.qualifiers } : undefined,
      after: { qualifiers, randomSeed: `${draw.random_seed}:knockout`, size: d.size, ...scheduled },
    },
    now,
  );
  return true;
}
