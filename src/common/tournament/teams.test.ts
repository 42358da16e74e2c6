import { describe, expect, it } from 'vitest';
import { scoringRules } from './scoring.ts';
import { rankTeams, rubberLabel, type TieFormat, tieResult } from './teams.ts';

const rule = scoringRules['bo3-21'];
const format: TieFormat = { rubbers: ['MS', 'MS', 'MD', 'WS', 'XD'] };
const win = {
  games: [
    [21, 10],
    [21, 10],
  ] as [number, number][],
};
const lose = {
  games: [
    [10, 21],
    [10, 21],
  ] as [number, number][],
};

describe('team ties', () => {
  it('are won by the team that takes most rubbers; the rest need not be played', () => {
    expect(tieResult(rule, format, [win, win, win, null, null])).toEqual({
      winner: 0,
      rubbers: [3, 0],
      games: [6, 0],
      points: [126, 60],
    });
    expect(tieResult(rule, format, [win, lose, null, null, null]).winner).toBeNull();
  });

  it('rank by ties won, then rubbers, games and points difference', () => {
    const r = rankTeams(
      ['X', 'Y', 'Z'],
      [
        { a: 'X', b: 'Y', rubbers: [win, win, win, null, null] },
        { a: 'Y', b: 'Z', rubbers: [win, win, lose, win, null] },
        { a: 'Z', b: 'X', rubbers: [win, win, lose, win, null] },
      ],
      rule,
      format,
      'teams',
    );
    // Rubbers difference: X +3 −2 = +1, Y −3 +2 = −1, Z −2 +2 = 0.
    expect(r.ranking).toEqual(['X', 'Z', 'Y']);
  });

  it('names the rubbers as printed', () => {
    expect(rubberLabel(format, 1).vi).toBe('Đơn nam 2');
    expect(rubberLabel(format, 2).vi).toBe('Đôi nam');
  });
});
