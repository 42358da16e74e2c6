import { describe, expect, it } from 'vitest';
import { scoringIds, scoringRules } from './scoring.ts';
import {
  advanceProgress,
  progressState,
  replayOps,
  replayProgress,
  type UmpireOp,
  UmpireOpError,
  type UmpireProgress,
  umpireState,
} from './umpire.ts';

const rule = scoringRules['bo3-21'];
const singles: [string[], string[]] = [['A'], ['B']];
let n = 0;
const start = (server: 0 | 1, leftEnd: 0 | 1): UmpireOp => ({
  id: `s${++n}`,
  seq: n,
  kind: 'start',
  start: { server, leftEnd },
});
const point = (side: 0 | 1): UmpireOp => ({ id: `p${++n}`, seq: n, kind: 'point', side });
const undo = (): UmpireOp => ({ id: `u${++n}`, seq: n, kind: 'undo' });

describe('the umpire’s entries', () => {
  it('replays a start, points and undos into the rally log', () => {
    const log = replayOps(rule, singles, [start(1, 0), point(1), point(0), undo(), point(1)]);
    expect(log.rallies).toEqual([1, 1]);
    expect(log.starts[0]?.server).toBe(1);
    const state = umpireState(rule, singles, [start(1, 0), point(1), point(1)]);
    expect(state?.score).toEqual([0, 2]);
    expect(state?.server).toEqual({ side: 1, player: 'B', court: 'right' });
    expect(umpireState(rule, singles, [])).toBeNull();
  });

  it('refuses a point before the start, an undo with nothing to undo, a new start after play, a point after the match', () => {
    const refused = (ops: UmpireOp[]) => {
      try {
        replayOps(rule, singles, ops);
      } catch (err) {
        if (err instanceof UmpireOpError) return err.index;
      }
      return null;
    };
    expect(refused([point(0)])).toBe(0);
    expect(refused([start(0, 0), undo()])).toBe(1);
    expect(refused([start(0, 0), point(0), start(1, 1)])).toBe(2);
    const match = Array.from({ length: 42 }, () => point(0));
    expect(refused([start(0, 0), ...match])).toBeNull();
    expect(refused([start(0, 0), ...match, point(1)])).toBe(43);
    // Undo after the match's last point reopens it.
    expect(refused([start(0, 0), ...match, undo(), point(1)])).toBeNull();
  });
});

describe('the kept progress', () => {
  it('moves on point by point to where a replay of the whole log comes, and refuses what the replay refuses', () => {
    // A pseudo-random walk of points and undos over doubles and the other scorings.
    let x = 7;
    const random = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const doubles: [string[], string[]] = [
      ['A', 'B'],
      ['C', 'D'],
    ];
    for (const id of scoringIds) {
      const r = scoringRules[id];
      const ops: UmpireOp[] = [
        { id: 'start', seq: 1, kind: 'start', start: { server: 1, leftEnd: 1, rightCourt: ['B', 'C'] } },
      ];
      let kept = replayProgress(r, doubles, ops);
      for (let i = 0; i < 400; i++) {
        const op: UmpireOp =
          random() < 0.08
            ? { id: `u${i}`, seq: ops.length + 1, kind: 'undo' }
            : { id: `p${i}`, seq: ops.length + 1, kind: 'point', side: random() < 0.55 ? 0 : 1 };
        const replayed = (() => {
          try {
            return replayProgress(r, doubles, [...ops, op]);
          } catch (err) {
            if (err instanceof UmpireOpError) return err;
            throw err;
          }
        })();
        const moved = (() => {
          try {
            return advanceProgress(r, doubles, kept, [op], ops.length);
          } catch (err) {
            if (err instanceof UmpireOpError) return err;
            throw err;
          }
        })();
        if (op.kind === 'undo') expect(moved).toBeNull();
        else if (replayed instanceof UmpireOpError) {
          expect(moved).toBeInstanceOf(UmpireOpError);
          expect((moved as UmpireOpError).index).toBe(replayed.index);
          continue;
        } else expect(progressState(r, doubles, moved as UmpireProgress)).toEqual(progressState(r, doubles, replayed));
        if (replayed instanceof UmpireOpError) continue;
        ops.push(op);
        kept = replayed;
      }
      expect(progressState(r, doubles, kept)).toEqual(umpireState(r, doubles, ops));
    }
  });

  it('is null before the start, and leaves a start or an undo to a replay', () => {
    expect(replayProgress(rule, singles, [])).toBeNull();
    expect(advanceProgress(rule, singles, null, [point(0)])).toBeNull();
    const kept = replayProgress(rule, singles, [start(0, 0), point(0)]);
    expect(advanceProgress(rule, singles, kept, [undo()])).toBeNull();
    expect(advanceProgress(rule, singles, kept, [point(0), start(1, 1)])).toBeNull();
    expect(progressState(rule, singles, advanceProgress(rule, singles, kept, [point(1)]))?.score).toEqual([1, 1]);
  });
});
