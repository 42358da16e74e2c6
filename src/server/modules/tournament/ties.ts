import { vietnamDay } from '../../../common/dates.ts';
import { isScoringId, scoringRules } from '../../../common/tournament/scoring.ts';
import { lineupProblems, rubbersToWin, type TieFormat, tieResult } from '../../../common/tournament/teams.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { workersOf } from '../organisation/index.ts';
import { type Caller, mayManage, mayScore, requireEnter } from './access.ts';
import { entryLabels, eventMatches } from './draws.ts';
import { publishTournament } from './live.ts';
import { carryOn, checkScore, findMatch, refuseIfDependedOn } from './results.ts';
import type { LineupInput, MatchOut, ResultInput } from './schema.ts';
import { rubberScores, tieFormatOf, type TieState, tieStateOf } from './tieView.ts';

/**
 * A team event's ties (ADR 35). A tie is a match row between two teams; beside it (`tie_json`)
 * each captain's line-up — per rubber, players from the team's confirmed roster, of the rubber's
 * discipline, a player in at most one singles and one doubles (or one rubber, as the format says) —
 * and each rubber's result, checked by the event's scoring rule like any match. The tie is decided
 * when a team has won the rubbers needed (3 of 5); the rubbers left are then not played unless the
 * format says so. Its winner goes on through the knockout and the group tables as a match's does.
 * A whole tie's walkover or disqualification is recorded on the tie (results.ts).
 */
type Tx = Platform['db'];

export const notATie = () =>
  fail.conflict('NOT_A_TIE', {
    vi: 'Đây không phải lượt trận đồng đội.',
    en: 'This is not a tie of a team event.',
  });

export const noSuchRubber = (format: TieFormat) =>
  fail.notFound({
    vi: `Lượt trận chỉ có ${format.rubbers.length} trận.`,
    en: `The tie has only ${format.rubbers.length} rubbers.`,
  });

type TieRow = {
  tie_format_json: string | null;
  tie_json: string | null;
  walk_through: number;
  entry_a: string | null;
  entry_b: string | null;
  outcome: string | null;
};

/**
 * What a rubber needs before anything is recorded on it (its result, or the umpire's points): a
 * tie with both teams known, the rubber there, no walkover of the whole tie, both line-ups in.
 */
export function openRubber(m: TieRow, rubber: number): { format: TieFormat; state: TieState } {
  const format = tieFormatOf(m.tie_format_json);
  if (!format) throw notATie();
  if (m.walk_through === 1 || m.entry_a === null || m.entry_b === null)
    throw fail.conflict('MATCH_NOT_READY', {
      vi: 'Lượt trận chưa đủ hai đội: chưa ghi được kết quả.',
      en: 'Both teams of the tie are not known yet: no result can be recorded.',
    });
  if (rubber > format.rubbers.length) throw noSuchRubber(format);
  if (m.outcome !== null)
    throw fail.conflict('TIE_WALKOVER', {
      vi: 'Lượt trận đã được xử thắng cho một đội (bỏ cuộc, truất quyền).',
      en: 'The tie has been awarded to a team (walkover or disqualification).',
    });
  const state = tieStateOf(m.tie_json, format);
  if (state.lineups[0] === null || state.lineups[1] === null)
    throw fail.conflict('LINEUP_MISSING', {
      vi: 'Cần đội hình của cả hai đội trước khi ghi kết quả.',
      en: 'Both teams’ line-ups are needed before a rubber’s result.',
    });
  return { format, state };
}

/** A rubber not yet played once the tie is decided is refused, unless the format plays them all. */
export function refuseIfTieDecided(format: TieFormat, decided: ReturnType<typeof tieResult>): void {
  if (decided.winner !== null && !format.playAll)
    throw fail.conflict('TIE_DECIDED', {
      vi: `Lượt trận đã phân thắng bại (${decided.rubbers[0]}–${decided.rubbers[1]}): các trận còn lại không thi đấu.`,
      en: `The tie is decided (${decided.rubbers[0]}–${decided.rubbers[1]}): the remaining rubbers are not played.`,
    });
}

async function matchOut(platform: Platform, eventId: string, matchId: string): Promise<MatchOut> {
  const labels = await entryLabels(platform, eventId);
  return (await eventMatches(platform, eventId, labels)).find((x) => x.id === matchId)!;
}

/** A captain's line-up for one side of a tie: by the team's unit or the organisers, before the tie's first rubber. */
export async function setLineup(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  input: LineupInput,
): Promise<MatchOut> {
  const side = input.side === 'a' ? 0 : 1;
  const first = await findMatch(platform.db, tournamentId, matchId);
  const format = tieFormatOf(first.tie_format_json);
  if (!format) throw notATie();
  const entryId = side === 0 ? first.entry_a : first.entry_b;
  if (entryId === null || first.walk_through === 1)
    throw fail.conflict('MATCH_NOT_READY', {
      vi: 'Lượt trận chưa rõ đội này: chưa xếp được đội hình.',
      en: 'This side of the tie is not known yet: no line-up can be given.',
    });
  const entry = await platform.db
    .selectFrom('tournament_entries')
    .select(['id', 'unit_id'])
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  await requireEnter(platform, caller, entry.unit_id);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const m = await findMatch(tx, tournamentId, matchId);
    if ((side === 0 ? m.entry_a : m.entry_b) !== entryId)
      throw fail.conflict('TIE_CHANGED', {
        vi: 'Lượt trận vừa thay đổi: tải lại.',
        en: 'The tie just changed: reload.',
      });
    const state = tieStateOf(m.tie_json, format);
    if (m.winner_side !== null || state.rubbers.some((r) => r !== null))
      throw fail.conflict('TIE_STARTED', {
        vi: 'Lượt trận đã bắt đầu: không đổi được đội hình.',
        en: 'The tie has started: the line-up can no longer change.',
      });
    const rosterIds = (
      await tx
        .selectFrom('tournament_entry_players')
        .select('person_id')
        .where('entry_id', '=', entryId)
        .orderBy('position')
        .execute()
    ).map((p) => p.person_id);
    const workers = await workersOf({ db: tx }, entry.unit_id, rosterIds, vietnamDay(now));
    const problems = lineupProblems(
      format,
      rosterIds.map((id) => ({
        personId: id,
        name: workers.get(id)?.name ?? '',
        gender: workers.get(id)?.gender ?? null,
      })),
      input.rubbers,
    );
    if (problems.length > 0)
      throw fail.validation(
        problems.map((p) => ({
          in: 'body' as const,
          path: p.rubber === null ? 'rubbers' : `rubbers.${p.rubber}`,
          code: 'lineup_refused',
          messages: p.message,
        })),
      );
    const before = state.lineups[side];
    state.lineups[side] = input.rubbers.map((r) => [...r]);
    await tx
      .updateTable('tournament_matches')
      .set({ tie_json: JSON.stringify(state), version: m.version + 1 })
      .where('id', '=', matchId)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'tournament_tie.lineup',
        entityType: 'tournament_match',
        entityId: matchId,
        before: { side: input.side, lineup: before },
        after: { side: input.side, lineup: state.lineups[side] },
      },
      now,
    );
  });
  publishTournament(platform, 'result', { tournamentId, eventId: first.event_id, matchId });
  return matchOut(platform, first.event_id, matchId);
}

/**
 * A rubber's result, checked by the event's rule: by the tie's umpire or the organisers, once both
 * line-ups are in. The tie is decided when a team reaches the rubbers needed; a correction by the
 * organisers is refused once the next round depends on the tie.
 */
export async function recordRubber(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  rubber: number,
  input: ResultInput,
): Promise<MatchOut> {
  const now = platform.clock();
  let eventId = '';
  await platform.db.transaction().execute(async (tx: Tx) => {
    const m = await findMatch(tx, tournamentId, matchId);
    eventId = m.event_id;
    if (!mayScore(caller, m.umpire_user_id)) throw fail.forbidden();
    const { format, state } = openRubber(m, rubber);
    const rule = scoringRules[isScoringId(m.scoring) ? m.scoring : 'bo3-21'];
    const beforeResult = tieResult(rule, format, rubberScores(state));
    const previous = state.rubbers[rubber - 1];
    if (previous) {
      if (!mayManage(caller))
        throw fail.conflict('RESULT_RECORDED', {
          vi: 'Trận đã có kết quả: chỉ ban tổ chức được sửa.',
          en: 'The rubber has a result: only the organisers may correct it.',
        });
    } else refuseIfTieDecided(format, beforeResult);
    const winner = checkScore(m, input);
    state.rubbers[rubber - 1] = { games: input.games.map((g) => [g[0], g[1]]), outcome: input.outcome, winner };
    const after = tieResult(rule, format, rubberScores(state));
    if (previous && after.winner !== beforeResult.winner && m.winner_side !== null) await refuseIfDependedOn(tx, m);
    if (previous && !format.playAll && after.winner !== null) {
      // A correction must leave a tie that could have been played: no rubber after the deciding one.
      let count: [number, number] = [0, 0];
      for (const [i, r] of state.rubbers.entries()) {
        if (!r) continue;
        if (count[0] >= rubbersToWin(format) || count[1] >= rubbersToWin(format))
          throw fail.conflict('TIE_DECIDED', {
            vi: `Sau khi sửa, lượt trận đã phân thắng bại trước trận ${i + 1}: xoá bớt kết quả không được, hãy sửa trận khác.`,
            en: `After this correction the tie was decided before rubber ${i + 1}: correct another rubber instead.`,
          });
        count = r.winner === 0 ? [count[0] + 1, count[1]] : [count[0], count[1] + 1];
      }
    }
    await tx
      .updateTable('tournament_matches')
      .set({
        tie_json: JSON.stringify(state),
        games_json: JSON.stringify([after.rubbers]),
        winner_side: after.winner,
        status: after.winner === null ? 'scheduled' : 'finished',
        finished_at: after.winner === null ? null : (m.finished_at ?? now.toISOString()),
        version: m.version + 1,
      })
      .where('id', '=', matchId)
      .execute();
    if (after.winner !== beforeResult.winner) {
      await carryOn(tx, caller.actor, m, now);
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: previous ? 'tournament_tie.rubber_correct' : 'tournament_tie.rubber',
        entityType: 'tournament_match',
        entityId: matchId,
        before: { rubber, result: previous, tie: beforeResult.rubbers, winner: beforeResult.winner },
        after: { rubber, result: state.rubbers[rubber - 1], tie: after.rubbers, winner: after.winner },
      },
      now,
    );
  });
  publishTournament(platform, 'result', { tournamentId, eventId, matchId });
  return matchOut(platform, eventId, matchId);
}
