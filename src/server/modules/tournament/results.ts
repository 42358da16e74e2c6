import {
  dependents,
  type KnockoutMatch,
  medals,
  resolveKnockout,
  type SideSource,
  type Winner,
} from '../../../common/tournament/knockout.ts';
import { checkMatch, isScoringId, MatchScoreError, scoringRules } from '../../../common/tournament/scoring.ts';
import { type Actor, recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, mayManage, matchNotFound } from './access.ts';
import { entryLabels, eventMatches } from './draws.ts';
import type { MatchOut, ResultInput } from './schema.ts';
import { publishTournament } from './live.ts';
import { findEvent } from './tournaments.ts';
import { knockoutAfterGroups, rankGroups, teamTiesOf } from './stages.ts';
import { tieFormatOf } from './tieView.ts';
import { teamTallies } from '../../../common/tournament/teams.ts';
import { hasGroups } from './schema.ts';

/**
 * Results: a match's score checked against its event's scoring rule (a score the Laws cannot
 * produce is refused, naming the game), or a walkover, retirement or disqualification with its
 * winner. The organisers may correct a result until a match that takes a side from it has one; the
 * knockout's later rounds are worked out again from the results after every change. An umpire
 * scores only the matches assigned to them.
 */
type Tx = Platform['db'];

export async function findMatch(db: Tx, tournamentId: string, matchId: string) {
  const row = await db
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
    .selectAll('m')
    .select(['ev.scoring', 'ev.group_scoring', 'ev.format', 'ev.tie_format_json'])
    .where('m.id', '=', matchId)
    .where('ev.tournament_id', '=', tournamentId)
    .executeTakeFirst();
  if (!row) throw matchNotFound();
  return row;
}

const knockoutOf = (rows: { code: string; round: number; idx: number; sources_json: string; walk_through: number }[]) =>
  rows.map(
    (r): KnockoutMatch => ({
      id: r.code,
      round: r.round,
      index: r.idx,
      sides: JSON.parse(r.sources_json) as [SideSource, SideSource],
      walkThrough: r.walk_through === 1,
      thirdPlace: r.code === 'R3P',
    }),
  );

/**
 * After a match's winner changed: who plays in the knockout's later rounds, and for a group
 * match of groups then knockout, the knockout drawn once the last group result is in (stages.ts),
 * then its own first rounds carried on too.
 */
export async function carryOn(tx: Tx, actor: Actor, m: { event_id: string; stage: string }, now: Date): Promise<void> {
  await propagate(tx, m.event_id);
  if (m.stage === 'group' && (await knockoutAfterGroups(tx, actor, m.event_id, now))) await propagate(tx, m.event_id);
}

/** Who plays in the knockout's later rounds, from the results now recorded. */
export async function propagate(tx: Tx, eventId: string): Promise<void> {
  const rows = await tx
    .selectFrom('tournament_matches')
    .select(['id', 'code', 'round', 'idx', 'sources_json', 'walk_through', 'winner_side', 'entry_a', 'entry_b'])
    .where('event_id', '=', eventId)
    .where('stage', '=', 'knockout')
    .orderBy('round')
    .orderBy('idx')
    .execute();
  const results: Record<string, Winner> = {};
  for (const r of rows) if (r.winner_side === 0 || r.winner_side === 1) results[r.code] = r.winner_side;
  const resolved = resolveKnockout(knockoutOf(rows), results);
  for (const r of rows) {
    const [a, b] = resolved.get(r.code)!.players;
    if (a !== r.entry_a || b !== r.entry_b)
      await tx.updateTable('tournament_matches').set({ entry_a: a, entry_b: b }).where('id', '=', r.id).execute();
  }
}

type FoundMatch = Awaited<ReturnType<typeof findMatch>>;

/** A correction is refused once a match that takes a side from this one has a result (or, after groups, the knockout has one). */
export async function refuseIfDependedOn(tx: Tx, m: FoundMatch): Promise<void> {
  const all = await tx
    .selectFrom('tournament_matches')
    .select(['code', 'round', 'idx', 'sources_json', 'walk_through', 'winner_side'])
    .where('event_id', '=', m.event_id)
    .where('stage', '=', 'knockout')
    .execute();
  const played = dependents(knockoutOf(all), m.code).filter(
    (d) => all.find((x) => x.code === d.id)?.winner_side !== null,
  );
  // Groups then knockout: the knockout takes its sides from the groups' results.
  const knockoutPlayed =
    m.stage === 'group' && m.format === 'groups_knockout' && all.some((x) => x.winner_side !== null);
  if (played.length > 0 || knockoutPlayed)
    throw fail.conflict('RESULT_DEPENDED_ON', {
      vi: 'Trận tiếp theo đã có kết quả: không sửa được kết quả này.',
      en: 'The next match already has a result: this one can no longer be corrected.',
    });
}

/** The score checked by the event's rule (the group's own in the groups): the winner, or the game that cannot be. */
export function checkScore(
  m: { stage: string; scoring: string; group_scoring: string | null },
  input: ResultInput,
  path = 'games',
): Winner {
  const scoringId = m.stage === 'group' && m.group_scoring ? m.group_scoring : m.scoring;
  if (!isScoringId(scoringId)) throw new Error(`unknown scoring ${scoringId}`);
  try {
    return checkMatch(scoringRules[scoringId], {
      games: input.games,
      outcome: input.outcome ?? undefined,
      winner: input.winner === null ? undefined : input.winner === 'a' ? 0 : 1,
    }).winner;
  } catch (err) {
    if (!(err instanceof MatchScoreError)) throw err;
    throw fail.validation([
      {
        in: 'body',
        path: err.game === null ? path : `${path}.${err.game - 1}`,
        code: 'impossible_score',
        messages: {
          vi: err.game === null ? `${err.reason.vi}.` : `Ván ${err.game}: ${err.reason.vi}.`,
          en: err.game === null ? `${err.reason.en}.` : `Game ${err.game}: ${err.reason.en}.`,
        },
      },
    ]);
  }
}

export async function recordResult(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  input: ResultInput,
): Promise<MatchOut> {
  const now = platform.clock();
  let eventId = '';
  await platform.db.transaction().execute(async (tx) => {
    const m = await findMatch(tx, tournamentId, matchId);
    eventId = m.event_id;
    const assigned = m.umpire_user_id !== null && m.umpire_user_id === caller.actor.userId;
    if (!mayManage(caller) && !(assigned && holdsAnywhere(caller.grants, 'tournament.score'))) throw fail.forbidden();
    if (m.walk_through === 1 || m.entry_a === null || m.entry_b === null)
      throw fail.conflict('MATCH_NOT_READY', {
        vi: 'Trận chưa đủ hai bên: chưa ghi được kết quả.',
        en: 'Both sides of the match are not known yet: no result can be recorded.',
      });
    if (m.winner_side !== null) {
      if (!mayManage(caller))
        throw fail.conflict('RESULT_RECORDED', {
          vi: 'Trận đã có kết quả: chỉ ban tổ chức được sửa.',
          en: 'The match has a result: only the organisers may correct it.',
        });
      await refuseIfDependedOn(tx, m);
    }
    // A team event's tie is played rubber by rubber (ties.ts); only a walkover or disqualification of a team is recorded on it.
    if (m.tie_format_json && (input.games.length > 0 || input.outcome === null || input.outcome === 'retired'))
      throw fail.conflict('TIE_BY_RUBBERS', {
        vi: 'Lượt trận đồng đội được ghi theo từng trận; ở đây chỉ ghi một đội bỏ cuộc hoặc bị truất quyền.',
        en: 'A tie is scored rubber by rubber; here only a team’s walkover or disqualification is recorded.',
      });
    const winner = checkScore(m, input);
    const after = {
      games_json: m.tie_format_json ? JSON.stringify([]) : JSON.stringify(input.games),
      outcome: input.outcome,
      winner_side: winner,
      status: 'finished',
      finished_at: now.toISOString(),
      version: m.version + 1,
    };
    await tx.updateTable('tournament_matches').set(after).where('id', '=', matchId).execute();
    await carryOn(tx, caller.actor, m, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: m.winner_side === null ? 'tournament_match.result' : 'tournament_match.correct',
        entityType: 'tournament_match',
        entityId: matchId,
        before: { games: m.games_json, outcome: m.outcome, winner: m.winner_side },
        after: { games: input.games, outcome: input.outcome, winner },
      },
      now,
    );
  });
  publishTournament(platform, 'result', { tournamentId, eventId, matchId });
  const labels = await entryLabels(platform, eventId);
  return (await eventMatches(platform, eventId, labels)).find((x) => x.id === matchId)!;
}

/** Group tables by GCR 16.2 (lots from the draw's seed and the group), and the medals: the knockout's, or a single group's top three once it is played. */
export async function standings(platform: Platform, tournamentId: string, eventId: string) {
  const { medalEntries: _ids, ...answer } = await eventStandings(platform, tournamentId, eventId);
  return answer;
}

/** The standings with the medallists' entry ids beside their labels (the documents and the medal table by unit need the entries). */
export async function eventStandings(platform: Platform, tournamentId: string, eventId: string) {
  const event = await findEvent(platform.db, tournamentId, eventId);
  const draw = await platform.db
    .selectFrom('tournament_draws')
    .select(['random_seed', 'positions_json'])
    .where('event_id', '=', eventId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  const labels = await entryLabels(platform, eventId);
  const rows = await platform.db.selectFrom('tournament_matches').selectAll().where('event_id', '=', eventId).execute();
  const groupScoring = event.group_scoring ?? event.scoring;
  const team = tieFormatOf(event.tie_format_json);
  const groups =
    hasGroups(event.format) && draw
      ? // The group's own rule over its recorded matches (GCR 16.2), lots from the draw's seed.
        rankGroups(JSON.parse(draw.positions_json) as string[][], rows, groupScoring, draw.random_seed, team).map(
          (ranked, g) => {
            const deleted = new Set(ranked.deleted);
            const tallies = team
              ? teamTallies(
                  ranked.ranking,
                  teamTiesOf(
                    rows.filter((x) => x.stage === 'group' && x.group_no === g + 1 && x.winner_side !== null),
                    team,
                  ),
                  scoringRules[isScoringId(groupScoring) ? groupScoring : 'bo3-21'],
                  team,
                )
              : null;
            return {
              group: g + 1,
              ranking: ranked.ranking.map((id) => ({
                entryId: id,
                label: labels.get(id) ?? '',
                deleted: deleted.has(id),
                team: tallies?.get(id) ?? null,
              })),
              lots: ranked.lots.map((l) => l.map((id) => labels.get(id) ?? id)),
            };
          },
        )
      : [];
  const ko = rows.filter((r) => r.stage === 'knockout');
  const results: Record<string, Winner> = {};
  for (const r of ko) if (r.winner_side === 0 || r.winner_side === 1) results[r.code] = r.winner_side;
  const m = ko.length > 0 ? medals(knockoutOf(ko), resolveKnockout(knockoutOf(ko), results)) : null;
  const label = (id: string | null) => (id ? (labels.get(id) ?? id) : null);
  // A single round-robin group decides the medals itself once every match in it has a result.
  const groupDone = rows.length > 0 && rows.every((r) => r.stage !== 'group' || r.winner_side !== null);
  const podium = event.format === 'groups' && groups.length === 1 && groupDone ? groups[0].ranking : null;
  const medalEntries = podium
    ? {
        gold: podium[0]?.entryId ?? null,
        silver: podium[1]?.entryId ?? null,
        bronze: podium[2] && !podium[2].deleted ? [podium[2].entryId] : [],
      }
    : { gold: m?.gold ?? null, silver: m?.silver ?? null, bronze: m?.bronze ?? [] };
  return {
    eventId,
    groups,
    medals: {
      gold: label(medalEntries.gold),
      silver: label(medalEntries.silver),
      bronze: medalEntries.bronze.map((id) => labels.get(id) ?? id),
    },
    medalEntries,
  };
}

/** The organisers assign an umpire (an account holding tournament.score) to a match. */
export async function assignUmpire(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  userId: string | null,
): Promise<MatchOut> {
  if (!mayManage(caller)) throw fail.forbidden();
  const now = platform.clock();
  let eventId = '';
  await platform.db.transaction().execute(async (tx) => {
    const m = await findMatch(tx, tournamentId, matchId);
    eventId = m.event_id;
    if (userId !== null) {
      const holders = await activeRoleHolders(tx, { roles: rolesHolding('tournament.score'), userIds: [userId] });
      if (holders.length === 0)
        throw fail.validation([
          {
            in: 'body',
            path: 'userId',
            code: 'not_umpire',
            messages: { vi: 'Tài khoản này không có quyền trọng tài.', en: 'This account may not umpire.' },
          },
        ]);
    }
    await tx.updateTable('tournament_matches').set({ umpire_user_id: userId }).where('id', '=', matchId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'tournament_match.umpire',
        entityType: 'tournament_match',
        entityId: matchId,
        before: { umpire: m.umpire_user_id },
        after: { umpire: userId },
      },
      now,
    );
  });
  const labels = await entryLabels(platform, eventId);
  return (await eventMatches(platform, eventId, labels)).find((x) => x.id === matchId)!;
}
