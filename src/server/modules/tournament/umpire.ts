import { compareVi } from '../../../common/text.ts';
import type { RallyLog, RallyState } from '../../../common/tournament/rally.ts';
import { isScoringId, type ScoringRule, scoringRules } from '../../../common/tournament/scoring.ts';
import { tieResult } from '../../../common/tournament/teams.ts';
import {
  advanceProgress,
  liveScoreOf,
  progressState,
  replayProgress,
  type UmpireOp,
  UmpireOpError,
  type UmpireProgress,
  umpireState,
} from '../../../common/tournament/umpire.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, matchNotFound, mayScore, requireManage } from './access.ts';
import { describeEntries } from './entries.ts';
import { entryLabels, eventMatches } from './draws.ts';
import { publishTournament } from './live.ts';
import { recordResult } from './results.ts';
import { noSuchRubber, notATie, openRubber, recordRubber, refuseIfTieDecided } from './ties.ts';
import { lineupNames, rubberScores, tieFormatOf, tieStateOf, tieView } from './tieView.ts';
import type { MatchOut } from './schema.ts';
import { findTournament } from './tournaments.ts';
import type { RalliesInput, UmpireMatchOut } from './umpireSchema.ts';

/**
 * The umpire's phone at courtside: a match, or a rubber of a team event's tie (ADR 35), scored
 * rally by rally (umpire.ts, rally.ts), stored as the log the phone sent under the key (match,
 * rubber) — rubber 0 being the match itself. Entries are numbered by the phone; one already stored
 * (same id, same number) is skipped, so a batch sent again after a lost answer changes nothing; a
 * number taken by another entry (a second phone) or a gap is refused, and the phone reads the log
 * again. Only the umpire assigned and the organisers score; when the log decides the match (or the
 * rubber), finishing it records the result through recordResult (recordRubber), with its checks.
 */
type Tx = Platform['db'];

async function matchRow(db: Tx, tournamentId: string, matchId: string) {
  const m = await db
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
    .leftJoin('tournament_courts as c', 'c.id', 'm.court_id')
    .selectAll('m')
    .select(['ev.scoring', 'ev.group_scoring', 'ev.name as event_name', 'c.name as court_name', 'ev.tie_format_json'])
    .where('m.id', '=', matchId)
    .where('ev.tournament_id', '=', tournamentId)
    .executeTakeFirst();
  if (!m) throw matchNotFound();
  const scoring = m.stage === 'group' && m.group_scoring ? m.group_scoring : m.scoring;
  if (!isScoringId(scoring)) throw new Error(`unknown scoring ${scoring}`);
  return { ...m, scoringId: scoring, rule: scoringRules[scoring], format: tieFormatOf(m.tie_format_json) };
}
type MatchRow = Awaited<ReturnType<typeof matchRow>>;

type RallyRow = { seq: number; client_id: string; kind: string; side: number | null; start_json: string | null };
export const opOf = (r: RallyRow): UmpireOp =>
  r.kind === 'start'
    ? { id: r.client_id, seq: r.seq, kind: 'start', start: JSON.parse(r.start_json ?? '{}') }
    : r.kind === 'point'
      ? { id: r.client_id, seq: r.seq, kind: 'point', side: r.side === 1 ? 1 : 0 }
      : { id: r.client_id, seq: r.seq, kind: 'undo' };

/** The log of a match (rubber 0) or of a tie's rubber, in order. */
export async function storedOps(db: Tx, matchId: string, rubber = 0): Promise<UmpireOp[]> {
  const rows = await db
    .selectFrom('tournament_rallies')
    .select(['seq', 'client_id', 'kind', 'side', 'start_json'])
    .where('match_id', '=', matchId)
    .where('rubber', '=', rubber)
    .orderBy('seq')
    .execute();
  return rows.map(opOf);
}

type Sides = UmpireMatchOut['sides'];

/**
 * The two sides as the phone shows them: a match's entries with their players; a rubber's players
 * from the captains' line-ups, with their team's unit (none before both line-ups are in).
 */
async function sidesOf(platform: Platform, m: MatchRow, rubber: number): Promise<Sides> {
  const rows = await platform.db
    .selectFrom('tournament_entries')
    .selectAll()
    .where('id', 'in', [m.entry_a ?? '', m.entry_b ?? ''])
    .execute();
  const described = await describeEntries(platform, rows);
  const lineups = m.format ? tieStateOf(m.tie_json, m.format).lineups : null;
  const bothIn = lineups !== null && lineups[0] !== null && lineups[1] !== null;
  const names = bothIn && rubber > 0 ? await lineupNames(platform, [m]) : new Map<string, string>();
  return [m.entry_a, m.entry_b].map((id, s) => {
    const e = described.find((d) => d.id === id);
    const players = !lineups
      ? (e?.players ?? [])
      : bothIn && rubber > 0
        ? (lineups[s]?.[rubber - 1] ?? []).map((p) => ({ id: p, name: names.get(p) ?? '' }))
        : [];
    const unit = e ? (e.unit.shortName ?? e.unit.name) : '';
    return {
      label: e ? (players.length > 0 ? `${players.map((p) => p.name).join(' / ')} (${unit})` : unit) : '',
      players,
    };
  });
}

const playersOf = (sides: { players: { id: string }[] }[]): RallyLog['players'] => [
  sides[0].players.map((p) => p.id),
  sides[1].players.map((p) => p.id),
];

/**
 * What the match row keeps of a rally log (rally_json, ADR 28): how many entries the log holds,
 * the two entries and their sides as read when scoring began, and where the log has brought the
 * match. Written with every batch of entries, in the same transaction. A tie keeps one per rubber
 * (`{ rubbers: { "2": … } }`).
 */
type PointState = { entries: number; sideIds: [string | null, string | null]; sides: Sides; progress: UmpireProgress };
type KeptRow = { entry_a: string | null; entry_b: string | null; rally_json: string | null };

const pointStateOf = (m: KeptRow, rubber = 0): PointState | null => {
  if (!m.rally_json) return null;
  const all = JSON.parse(m.rally_json);
  const kept = (rubber === 0 ? all : all.rubbers?.[rubber]) as PointState | undefined;
  return kept?.sideIds && kept.sideIds[0] === m.entry_a && kept.sideIds[1] === m.entry_b ? kept : null;
};

const keptJson = (m: KeptRow, rubber: number, keep: PointState): string =>
  JSON.stringify(
    rubber === 0 ? keep : { rubbers: { ...(m.rally_json ? JSON.parse(m.rally_json).rubbers : {}), [rubber]: keep } },
  );

/**
 * The score kept on a match row for the sides it now has (null before the start); undefined when
 * nothing is kept for them (never scored here, or the sides changed since): then the log is replayed.
 */
export function keptState(rule: ScoringRule, m: KeptRow): RallyState | null | undefined {
  const kept = pointStateOf(m);
  if (!kept) return undefined;
  return progressState(rule, playersOf(kept.sides), kept.progress);
}

/** A tie's state as the phone shows it: every rubber's status and score, the one scored here open or not. */
function tieOf(m: MatchRow, rubber: number, names: ReadonlyMap<string, string>) {
  if (!m.format)
    return { tie: null, open: m.winner_side === null && m.walk_through === 0, done: m.winner_side !== null };
  const tie = tieView(m, m.format, m.scoring, names);
  const r = rubber > 0 ? tie.rubbers[rubber - 1] : undefined;
  return {
    tie,
    open: r?.status === 'ready' && m.walk_through === 0,
    done: r ? r.status === 'finished' : m.winner_side !== null || m.outcome !== null,
  };
}

function viewOf(
  caller: Caller,
  m: MatchRow,
  rubber: number,
  sides: Sides,
  ops: UmpireOp[],
  state: RallyState | null,
): UmpireMatchOut {
  const names = new Map(sides.flatMap((s) => s.players.map((p) => [p.id, p.name] as const)));
  const { tie, open, done } = tieOf(m, rubber, names);
  return {
    matchId: m.id,
    tournamentId: '',
    eventId: m.event_id,
    event: m.event_name,
    code: m.code,
    scoring: m.scoringId,
    court: m.court_name ?? null,
    rubber: rubber > 0 ? rubber : null,
    tie,
    sides,
    ops,
    state,
    finished: done || m.walk_through === 1,
    mayScore: mayScore(caller, m.umpire_user_id) && open && (rubber > 0 || !m.format),
  };
}

/** The rubber a tie's phone opens on: the first one ready to play (both line-ups in, not yet played, still needed). */
function nextRubber(m: MatchRow): number {
  if (!m.format) return 0;
  const ready = tieView(m, m.format, m.scoring, new Map()).rubbers.find((r) => r.status === 'ready');
  return ready?.number ?? 0;
}

/**
 * The match (or the tie's rubber) as the umpire's phone shows it: sides and players, the log, the
 * score it makes. A tie without a rubber named opens on the next one to play; with none to play
 * (line-ups missing, the tie decided), it shows the tie alone.
 */
export async function umpireMatch(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  rubberAsked: number | null = null,
): Promise<UmpireMatchOut> {
  const m = await matchRow(platform.db, tournamentId, matchId);
  const rubber = logKey(m, rubberAsked, false);
  const kept = pointStateOf(m, rubber);
  const ops = m.format && rubber === 0 ? [] : await storedOps(platform.db, matchId, rubber);
  if (kept && kept.entries === ops.length)
    return {
      ...viewOf(caller, m, rubber, kept.sides, ops, progressState(m.rule, playersOf(kept.sides), kept.progress)),
      tournamentId,
    };
  const sides = await sidesOf(platform, m, rubber);
  const state = sides.every((s) => s.players.length > 0) ? umpireState(m.rule, playersOf(sides), ops) : null;
  return { ...viewOf(caller, m, rubber, sides, ops, state), tournamentId };
}

const chooseRubber = () =>
  fail.conflict('TIE_BY_RUBBERS', {
    vi: 'Lượt trận đồng đội được ghi điểm theo từng trận: hãy chọn trận.',
    en: 'A tie is scored rubber by rubber: choose the rubber.',
  });

/**
 * The rubber whose log is meant: 0 for a match; for a tie the one asked, else (reading) the next
 * to play. Scoring a tie needs its rubber named; a rubber on a match is refused.
 */
function logKey(m: MatchRow, rubber: number | null, scoring: boolean): number {
  if (!m.format) {
    if (rubber !== null) throw notATie();
    return 0;
  }
  if (rubber !== null) {
    if (rubber > m.format.rubbers.length) throw noSuchRubber(m.format);
    return rubber;
  }
  if (scoring) throw chooseRubber();
  return nextRubber(m);
}

type Stored = { added: number; eventId: string; state: RallyState | null; view: UmpireMatchOut };

const isUniqueViolation = (err: unknown) =>
  err instanceof Error && /unique|duplicate key|PRIMARY KEY/i.test(`${err.message} ${(err as { code?: string }).code}`);

/** Counts what a batch of entries cost (the bench and the tests read it): replays of the whole log, points moved on from the kept state. */
export const pointCost = { replays: 0, advanced: 0 };

/**
 * Stores the phone's entries in order: skips those already stored, refuses a taken number, a gap,
 * or an entry the Laws don't allow (naming it), and announces the new score.
 */
export async function sendRallies(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  input: RalliesInput,
  rubber: number | null = null,
): Promise<UmpireMatchOut> {
  let stored: Stored | null = null;
  // Two copies of one batch arriving together: the second meets the first's rows, and then skips them.
  for (let attempt = 0; ; attempt++) {
    try {
      stored = await storeRallies(platform, caller, tournamentId, matchId, rubber, input.ops as UmpireOp[]);
      break;
    } catch (err) {
      if (attempt < 2 && !(err instanceof AppError) && isUniqueViolation(err)) continue;
      throw err;
    }
  }
  // Announced as soon as it is stored, before the phone's answer is read. A rubber's points are
  // not: the live score is the tie's (its rubbers won), announced when a rubber ends.
  if (stored.added > 0 && stored.state && stored.view.rubber === null)
    publishTournament(platform, 'score', {
      tournamentId,
      eventId: stored.eventId,
      matchId,
      live: liveScoreOf(stored.state),
    });
  return stored.view;
}

/**
 * One transaction: the match row (with its kept state) and the log's entries are read, the new
 * entries checked and written, the kept state written again, the change audited. A batch of points
 * on a kept state that agrees with the log moves it on point by point; anything else (an undo, a
 * start, no kept state, sides that changed) replays the whole log once.
 */
async function storeRallies(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  rubberAsked: number | null,
  ops: UmpireOp[],
): Promise<Stored> {
  const now = platform.clock();
  return platform.db.transaction().execute(async (tx) => {
    const m = await matchRow(tx, tournamentId, matchId);
    if (!mayScore(caller, m.umpire_user_id)) throw fail.forbidden();
    // A tie is scored rubber by rubber (ADR 35), each rubber with a rubber's checks (ties.ts).
    const rubber = logKey(m, rubberAsked, true);
    const tie = rubber > 0 ? openRubber(m, rubber) : null;
    if (m.walk_through === 1 || m.entry_a === null || m.entry_b === null)
      throw fail.conflict('MATCH_NOT_READY', {
        vi: 'Trận chưa đủ hai bên: chưa ghi điểm được.',
        en: 'Both sides of the match are not known yet: it cannot be scored.',
      });
    const stored = await storedOps(tx, matchId, rubber);
    const bySeq = new Map(stored.map((o) => [o.seq, o]));
    const ids = new Set(stored.map((o) => o.id));
    const fresh: UmpireOp[] = [];
    let next = stored.length + 1;
    let firstFresh = -1;
    for (const [i, op] of ops.entries()) {
      const there = bySeq.get(op.seq);
      if (there?.id === op.id || (!there && ids.has(op.id))) continue;
      if (there)
        throw fail.conflict('SEQUENCE_TAKEN', {
          vi: `Điểm thứ ${op.seq} của trận đã được ghi từ một máy khác: hãy tải lại trận.`,
          en: `Entry ${op.seq} of the match was recorded from another device: load the match again.`,
        });
      if (op.seq !== next)
        throw fail.conflict('SEQUENCE_GAP', {
          vi: `Thiếu điểm trước điểm thứ ${op.seq} (máy chủ đang chờ điểm thứ ${next}): hãy gửi lại theo thứ tự.`,
          en: `Entries are missing before ${op.seq} (the server expects ${next}): send them again in order.`,
        });
      if (firstFresh < 0) firstFresh = i;
      fresh.push(op);
      next++;
    }
    const kept = pointStateOf(m, rubber);
    const agrees = kept !== null && kept.entries === stored.length;
    if (fresh.length === 0) {
      const sides = agrees ? kept.sides : await sidesOf({ ...platform, db: tx }, m, rubber);
      const state = agrees
        ? progressState(m.rule, playersOf(sides), kept.progress)
        : umpireState(m.rule, playersOf(sides), stored);
      return {
        added: 0,
        eventId: m.event_id,
        state: null,
        view: { ...viewOf(caller, m, rubber, sides, stored, state), tournamentId },
      };
    }
    if (tie ? tie.state.rubbers[rubber - 1] !== null : m.winner_side !== null)
      throw fail.conflict('RESULT_RECORDED', {
        vi: 'Trận đã có kết quả: không ghi thêm điểm.',
        en: 'The match has a result: no more points can be recorded.',
      });
    if (tie) refuseIfTieDecided(tie.format, tieResult(m.rule, tie.format, rubberScores(tie.state)));
    const all = [...stored, ...fresh];
    // The sides as kept when scoring began; read again (in this transaction) when nothing is kept.
    const sides = agrees ? kept.sides : await sidesOf({ ...platform, db: tx }, m, rubber);
    const players = playersOf(sides);
    let progress: UmpireProgress;
    try {
      const moved = agrees ? advanceProgress(m.rule, players, kept.progress, fresh, stored.length) : null;
      if (moved) pointCost.advanced += fresh.length;
      else pointCost.replays++;
      progress = moved ?? replayProgress(m.rule, players, all);
    } catch (err) {
      if (!(err instanceof UmpireOpError)) throw err;
      const at = ops.indexOf(all[err.index]);
      throw fail.validation([
        {
          in: 'body',
          path: `ops.${Math.max(at, 0, firstFresh)}`,
          code: 'not_allowed',
          messages: { vi: err.reason.vi, en: err.reason.en },
        },
      ]);
    }
    await tx
      .insertInto('tournament_rallies')
      .values(
        fresh.map((o) => ({
          match_id: matchId,
          rubber,
          seq: o.seq,
          client_id: o.id,
          kind: o.kind,
          side: o.kind === 'point' ? o.side : null,
          start_json: o.kind === 'start' ? JSON.stringify(o.start) : null,
          entered_by: caller.actor.userId,
          entered_at: now.toISOString(),
        })),
      )
      .execute();
    const keep: PointState = { entries: all.length, sideIds: [m.entry_a, m.entry_b], sides, progress };
    await tx
      .updateTable('tournament_matches')
      .set({ rally_json: keptJson(m, rubber, keep), started_at: m.started_at ?? now.toISOString() })
      .where('id', '=', matchId)
      .execute();
    const state = progressState(m.rule, players, progress);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'tournament_match.score',
        entityType: 'tournament_match',
        entityId: matchId,
        before: { ...(rubber > 0 ? { rubber } : {}), entries: stored.length },
        after: {
          ...(rubber > 0 ? { rubber } : {}),
          entries: all.length,
          added: fresh.map((o) => (o.kind === 'point' ? `${o.seq}:${o.side === 0 ? 'a' : 'b'}` : `${o.seq}:${o.kind}`)),
          games: state?.games ?? [],
          score: state?.score ?? [0, 0],
        },
      },
      now,
    );
    const view = viewOf(caller, { ...m, started_at: m.started_at ?? now.toISOString() }, rubber, sides, all, state);
    return { added: fresh.length, eventId: m.event_id, state, view: { ...view, tournamentId } };
  });
}

/**
 * The log has decided the match (or the rubber): its games become the result, through
 * recordResult (recordRubber for a rubber: the same checks, audit and live result as entered by hand).
 */
export async function finishFromRallies(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  matchId: string,
  rubber: number | null = null,
): Promise<MatchOut> {
  const view = await umpireMatch(platform, caller, tournamentId, matchId, rubber);
  if (view.tie && view.rubber === null) throw chooseRubber();
  if (!view.state || view.state.winner === null)
    throw fail.conflict('MATCH_NOT_OVER', {
      vi: 'Trận chưa kết thúc theo điểm đã ghi: chưa ghi kết quả được.',
      en: 'The points recorded do not finish the match yet: no result can be recorded.',
    });
  const result = { games: view.state.games, outcome: null, winner: null };
  return view.rubber === null
    ? recordResult(platform, caller, tournamentId, matchId, result)
    : recordRubber(platform, caller, tournamentId, matchId, view.rubber, result);
}

/** The referee's board: every match with its court, time and umpire, and who may umpire. */
export async function umpireBoard(platform: Platform, caller: Caller, tournamentId: string) {
  requireManage(caller);
  await findTournament(platform.db, tournamentId);
  const holders = await activeRoleHolders(platform.db, { roles: rolesHolding('tournament.score') });
  const names = new Map<string, string>();
  for (const h of holders) names.set(h.userId, h.displayName);
  const umpires = [...names].map(([userId, name]) => ({ userId, name })).sort((a, b) => compareVi(a.name, b.name));
  const events = await platform.db
    .selectFrom('tournament_events')
    .select(['id', 'name'])
    .where('tournament_id', '=', tournamentId)
    .orderBy('position')
    .execute();
  const courts = new Map(
    (
      await platform.db
        .selectFrom('tournament_courts')
        .select(['id', 'name'])
        .where('tournament_id', '=', tournamentId)
        .execute()
    ).map((c) => [c.id, c.name]),
  );
  const started = new Set(
    (
      await platform.db
        .selectFrom('tournament_matches as m')
        .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
        .select('m.id')
        .where('ev.tournament_id', '=', tournamentId)
        .where('m.started_at', 'is not', null)
        .execute()
    ).map((r) => r.id),
  );
  const rows = await platform.db
    .selectFrom('tournament_matches')
    .select(['id', 'planned_start', 'court_id'])
    .where('event_id', 'in', events.map((e) => e.id).concat(['']))
    .execute();
  const planned = new Map(rows.map((r) => [r.id, r]));
  const matches = [];
  for (const ev of events) {
    for (const m of await eventMatches(platform, ev.id, await entryLabels(platform, ev.id))) {
      if (m.walkThrough) continue;
      const p = planned.get(m.id);
      matches.push({
        matchId: m.id,
        code: m.code,
        event: ev.name,
        round: m.roundName,
        sides: m.sides.map((s) => s.label),
        court: p?.court_id ? (courts.get(p.court_id) ?? null) : null,
        start: p?.planned_start ?? null,
        status:
          m.status === 'ready' && started.has(m.id)
            ? ('playing' as const)
            : (m.status as 'waiting' | 'ready' | 'finished'),
        umpireUserId: m.umpireUserId,
        umpire: m.umpireUserId ? (names.get(m.umpireUserId) ?? null) : null,
      });
    }
  }
  matches.sort((a, b) => (a.start ?? '9').localeCompare(b.start ?? '9') || a.code.localeCompare(b.code));
  return { umpires, matches };
}
