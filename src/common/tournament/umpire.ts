/**
 * What the umpire's phone sends, one entry at a time: how the match starts (who serves first, who
 * is at the umpire's left, for doubles who stands in each right court), a rally won, an undo. The
 * phone and the server both replay the same list into a rally log (rally.ts) and so agree on the
 * score; each entry has the id the phone made and its number in the match, so one sent twice is
 * recognised and kept once.
 */
import type { Bilingual, ScoringRule } from './scoring.ts';
import { RallyError, type RallyLog, type RallyState, scoreRallies, type Side } from './rally.ts';

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

/** The rally log the entries make, in order; refuses an entry the Laws (or the screen's order) don't allow. */
export function replayOps(rule: ScoringRule, players: RallyLog['players'], ops: readonly UmpireOp[]): RallyLog {
  const log: RallyLog = { rule, players, starts: [], rallies: [], leftEndAtStart: 0 };
  let started = false;
  const rallies: Side[] = [];
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
      log.starts = [{ server: op.start.server, rightCourt: op.start.rightCourt }];
      log.leftEndAtStart = op.start.leftEnd;
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
      continue;
    }
    rallies.push(op.side);
    try {
      scoreRallies({ ...log, rallies });
    } catch (err) {
      if (err instanceof RallyError) throw new UmpireOpError(i, err.reason);
      throw err;
    }
  }
  return { ...log, rallies };
}

/** The score the entries make; null before the match's start is set. */
export function umpireState(
  rule: ScoringRule,
  players: RallyLog['players'],
  ops: readonly UmpireOp[],
): RallyState | null {
  if (!ops.some((o) => o.kind === 'start')) return null;
  return scoreRallies(replayOps(rule, players, ops));
}

/** What the public pages show of a match being scored: games finished, the game in play (null between games), the side serving. */
export type LiveScore = { games: [number, number][]; score: [number, number] | null; serving: Side | null };
export const liveScoreOf = (state: RallyState): LiveScore => ({
  games: state.games,
  score: state.gameOver ? null : state.score,
  serving: state.server?.side ?? null,
});
