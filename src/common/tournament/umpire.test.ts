import { describe, expect, it } from 'vitest';
import { scoringRules } from './scoring.ts';
import { type UmpireOp, UmpireOpError, replayOps, umpireState } from './umpire.ts';

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
