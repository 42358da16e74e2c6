import { describe, expect, it } from 'vitest';
import { RallyError, type RallyLog, type Side, scoreRallies } from './rally.ts';
import { scoringRules } from './scoring.ts';

const rule = scoringRules['bo3-21'];
const singles = (rallies: Side[]): RallyLog => ({
  rule,
  players: [['An'], ['Bình']],
  starts: [{ server: 0 }],
  rallies,
  leftEndAtStart: 0,
});
const times = (side: Side, n: number): Side[] => new Array(n).fill(side);
const alternate = (n: number): Side[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : 1));

describe('rally by rally', () => {
  it('serves from the right court on an even score and the left on an odd one', () => {
    expect(scoreRallies(singles([])).server).toEqual({ side: 0, player: 'An', court: 'right' });
    expect(scoreRallies(singles([0])).server).toEqual({ side: 0, player: 'An', court: 'left' });
    const s = scoreRallies(singles([0, 1]));
    expect(s.score).toEqual([1, 1]);
    expect(s.server).toEqual({ side: 1, player: 'Bình', court: 'left' });
    expect(s.receiver).toBe('An');
  });

  it('follows the doubles service order of Law 11', () => {
    const log: RallyLog = {
      rule,
      players: [
        ['A', 'B'],
        ['C', 'D'],
      ],
      starts: [{ server: 0, rightCourt: ['A', 'C'] }],
      rallies: [],
      leftEndAtStart: 0,
    };
    const at = (rallies: Side[]) => {
      const s = scoreRallies({ ...log, rallies });
      return `${s.score.join('-')} ${s.server!.player} ${s.server!.court} → ${s.receiver}`;
    };
    expect(at([])).toBe('0-0 A right → C');
    expect(at([0])).toBe('1-0 A left → D');
    expect(at([0, 1])).toBe('1-1 D left → A');
    expect(at([0, 1, 0])).toBe('2-1 B right → C');
    expect(at([0, 1, 0, 0])).toBe('3-1 B left → D');
  });

  it('announces the interval at 11 and changes ends at 11 only in the deciding game', () => {
    const first = scoreRallies(singles([...times(0, 10), 1, 0]));
    expect(first.score).toEqual([11, 1]);
    expect(first.interval).toBe(true);
    expect(first.changeEnds).toBe(false);
    // Games one each, then 11 in the third.
    const toThird = [...times(0, 21), ...times(1, 21)];
    const third = scoreRallies(singles([...toThird, ...times(1, 11)]));
    expect(third.game).toBe(3);
    expect(third.interval).toBe(true);
    expect(third.changeEnds).toBe(true);
    // Ends: changed after game 1, after game 2, and at 11 in game 3: back where they were, then changed.
    expect(third.leftEnd).toBe(1);
  });

  it('ends a game by Law 7 and lets the winner serve the next', () => {
    const afterOne = scoreRallies(singles([...times(1, 20), ...times(0, 20), 1, 0, 1, 1]));
    expect(afterOne.games).toEqual([[21, 23]]);
    expect(afterOne.gameOver).toBe(true);
    expect(afterOne.changeEnds).toBe(true);
    const next = scoreRallies(singles([...times(1, 20), ...times(0, 20), 1, 0, 1, 1, 0]));
    expect(next.game).toBe(2);
    expect(next.score).toEqual([1, 0]);
    // Side 1 won game one and served first; side 0 won the rally and serves now.
    expect(next.server!.side).toBe(0);
  });

  it('caps a game at 30 and refuses points after the match', () => {
    const capped = scoreRallies(singles([...times(0, 20), ...times(1, 20), ...alternate(18), 0]));
    expect(capped.games[0]).toEqual([30, 29]);
    const match = [...times(0, 21), ...times(0, 21)];
    expect(scoreRallies(singles(match)).winner).toBe(0);
    expect(() => scoreRallies(singles([...match, 1]))).toThrow(RallyError);
  });
});
