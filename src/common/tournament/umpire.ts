/**
 * What the umpire's phone sends, one entry at a time: how the match starts (who serves first, who
 * is at the umpire's left, for doubles who stands in each right court), a rally won, an undo. The
 * phone and the server both replay the same list into a rally log (rally.ts) and so agree on the
 * score; each entry has the id the phone made and its number in the match, so one sent twice is
 * recognised and kept once.
 */
import type { Bilingual, ScoringRule } from './scoring.ts';
import {
  type GameStart,
  RallyError,
  type RallyCursor,
  type RallyLog,
  type RallyState,
  rallyState,
  type Side,
  startCursor,
  stepRally,
} from './rally.ts';

export type UmpireStart = { server: Side; leftEnd: Side; rightCourt?: [string, string] };

export type UmpireOp =
  | { id: string; seq: number; kind: 'start'; start: UmpireStart }
  | { id: string; seq: number; kind: 'point'; side: Side }
  | { id: string; seq: number; kind: 'undo' };

export class UmpireOpError extends Error {
  constructor(
    /** The 0-based place of the refused entry in the list. */
    readonly index: number,
    readonly reason: Bilingual,
  ) {
    super(reason.en);
  }
}

/**
 * Where the entries have brought the match: how it started and the cursor after its rallies
 * (rally.ts). Plain data, kept beside the match by the server so that a new point is checked
 * against it and scored without replaying the log (ADR 28); null before the start is set.
 */
export type UmpireProgress = {
  starts: Partial<GameStart>[];
  leftEndAtStart: Side;
  cursor: RallyCursor;
} | null;

const refuse = (i: number, err: unknown): never => {
  if (err instanceof RallyError) throw new UmpireOpError(i, err.reason);
  throw err;
};

/**
 * Replays every entry from the start, each checked once (a stack of cursors, so an undo is a
 * pop): the rally log they make and where it stands. Refuses an entry the Laws (or the screen's
 * order) don't allow, naming its place.
 */
function replay(
  rule: ScoringRule,
  players: RallyLog['players'],
  ops: readonly UmpireOp[],
): { log: RallyLog; progress: UmpireProgress } {
  const head: Omit<RallyLog, 'rallies'> = { rule, players, starts: [], leftEndAtStart: 0 };
  let started = false;
  const rallies: Side[] = [];
  let cursors: RallyCursor[] = [];
  for (const [i, op] of ops.entries()) {
    if (op.kind === 'start') {
      if (rallies.length > 0)
        throw new UmpireOpError(i, {
          vi: 'Trận đã bắt đầu: không đặt lại bên giao cầu.',
          en: 'The match has started: the first server can no longer be set.',
        });
      const sides = [players[0], players[1]];
      if (op.start.rightCourt && !op.start.rightCourt.every((p, s) => sides[s].includes(p)))
        throw new UmpireOpError(i, {
          vi: 'Người đứng ô phải không thuộc bên đó.',
          en: 'The player in the right court is not on that side.',
        });
      head.starts = [{ server: op.start.server, rightCourt: op.start.rightCourt }];
      head.leftEndAtStart = op.start.leftEnd;
      cursors = [startCursor(head)];
      started = true;
      continue;
    }
    if (!started)
      throw new UmpireOpError(i, {
        vi: 'Chưa chọn bên giao cầu trước và bên đứng bên trái trọng tài.',
        en: 'Choose who serves first and who is at the umpire’s left first.',
      });
    if (op.kind === 'undo') {
      if (rallies.length === 0)
        throw new UmpireOpError(i, { vi: 'Không có điểm nào để hoàn tác.', en: 'There is no point to undo.' });
      rallies.pop();
      cursors.pop();
      continue;
    }
    try {
      cursors.push(stepRally(head, cursors[cursors.length - 1], op.side));
    } catch (err) {
      refuse(i, err);
    }
    rallies.push(op.side);
  }
  return {
    log: { ...head, rallies },
    progress: started
      ? {
          starts: head.starts as Partial<GameStart>[],
          leftEndAtStart: head.leftEndAtStart,
          cursor: cursors[cursors.length - 1],
        }
      : null,
  };
}

/** The rally log the entries make, in order; refuses an entry the Laws (or the screen's order) don't allow. */
export function replayOps(rule: ScoringRule, players: RallyLog['players'], ops: readonly UmpireOp[]): RallyLog {
  return replay(rule, players, ops).log;
}

/** Where the entries bring the match, replayed from the first (the same checks as replayOps). */
export function replayProgress(
  rule: ScoringRule,
  players: RallyLog['players'],
  ops: readonly UmpireOp[],
): UmpireProgress {
  return replay(rule, players, ops).progress;
}

/**
 * Moves a kept progress on by new entries that are all points, each checked by the Laws as a
 * replay would (errors name the entry's place, counting from `firstIndex`); null when an entry
 * is not a point (a start, an undo) or nothing is kept: then the caller replays the whole log.
 */
export function advanceProgress(
  rule: ScoringRule,
  players: RallyLog['players'],
  from: UmpireProgress,
  ops: readonly UmpireOp[],
  firstIndex = 0,
): UmpireProgress | null {
  if (from === null || ops.some((o) => o.kind !== 'point')) return null;
  const head: Omit<RallyLog, 'rallies'> = { rule, players, starts: from.starts, leftEndAtStart: from.leftEndAtStart };
  let cursor = from.cursor;
  for (const [i, op] of ops.entries()) {
    try {
      cursor = stepRally(head, cursor, (op as { side: Side }).side);
    } catch (err) {
      refuse(firstIndex + i, err);
    }
  }
  return { ...from, cursor };
}

/** The score at a progress; null before the start. */
export function progressState(rule: ScoringRule, players: RallyLog['players'], p: UmpireProgress): RallyState | null {
  if (p === null) return null;
  return rallyState({ rule, players, starts: p.starts, leftEndAtStart: p.leftEndAtStart }, p.cursor);
}

/** The score the entries make; null before the match's start is set. */
export function umpireState(
  rule: ScoringRule,
  players: RallyLog['players'],
  ops: readonly UmpireOp[],
): RallyState | null {
  if (!ops.some((o) => o.kind === 'start')) return null;
  return progressState(rule, players, replayProgress(rule, players, ops));
}

/** What the public pages show of a match being scored: games finished, the game in play (null between games), the side serving. */
export type LiveScore = { games: [number, number][]; score: [number, number] | null; serving: Side | null };
export const liveScoreOf = (state: RallyState): LiveScore => ({
  games: state.games,
  score: state.gameOver ? null : state.score,
  serving: state.server?.side ?? null,
});
