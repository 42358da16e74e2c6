import { describe, expect, it } from 'vitest';
import { scoringRules } from './scoring.ts';
import {
  lineupProblems,
  rankTeams,
  rosterProblems,
  rubberLabel,
  type RosterPlayer,
  teamTallies,
  type TieFormat,
  tieFormatProblems,
  tieResult,
} from './teams.ts';

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

  it('ranks a team that gave a walkover last, its ties deleted', () => {
    const r = rankTeams(
      ['X', 'Y', 'Z'],
      [
        { a: 'X', b: 'Y', rubbers: [win, win, win, null, null] },
        { a: 'Y', b: 'Z', rubbers: [], outcome: 'walkover', winner: 0 },
        { a: 'Z', b: 'X', rubbers: [win, win, win, null, null] },
      ],
      rule,
      format,
      'teams',
    );
    expect(r.deleted).toEqual(['Z']);
    expect(r.ranking).toEqual(['X', 'Y', 'Z']);
  });

  it('counts each team’s ties, rubbers, games and points for the table', () => {
    const t = teamTallies(['X', 'Y'], [{ a: 'X', b: 'Y', rubbers: [win, lose, win, win, null] }], rule, format);
    expect(t.get('X')).toEqual({ ties: [1, 0], rubbers: [3, 1], games: [6, 2], points: [146, 102] });
    expect(t.get('Y')!.ties).toEqual([0, 1]);
  });

  it('refuses an even number of rubbers and a roster too small for the rubbers', () => {
    expect(tieFormatProblems({ rubbers: ['MS', 'MD'] }).map((p) => p.path)).toEqual(['rubbers']);
    expect(
      tieFormatProblems({ rubbers: ['MS', 'WS', 'MD', 'XD', 'MS'], playerRubbers: 'one', rosterMax: 6 })[0].message.en,
    ).toBe('A team needs at least 7 players to fill every rubber of a tie.');
    expect(tieFormatProblems({ rubbers: ['MS', 'WS', 'MD', 'XD', 'MS'], rosterMin: 4, rosterMax: 8 })).toEqual([]);
    expect(rosterProblems({ rubbers: ['MS'], rosterMin: 4, rosterMax: 8 }, 3)[0].en).toBe(
      'A team needs at least 4 players.',
    );
    expect(rosterProblems({ rubbers: ['MS'], rosterMin: 4, rosterMax: 8 }, 9)[0].vi).toBe(
      'Đội có tối đa 8 vận động viên.',
    );
  });

  it('checks a line-up: the roster, the discipline and one singles and one doubles a player', () => {
    const roster: RosterPlayer[] = [
      { personId: 'm1', name: 'An', gender: 'male' },
      { personId: 'm2', name: 'Bình', gender: 'male' },
      { personId: 'm3', name: 'Cường', gender: 'male' },
      { personId: 'f1', name: 'Dung', gender: 'female' },
    ];
    const fmt: TieFormat = { rubbers: ['MS', 'WS', 'MD', 'XD', 'MS'] };
    expect(lineupProblems(fmt, roster, [['m1'], ['f1'], ['m2', 'm3'], ['m1', 'f1'], ['m2']])).toEqual([]);
    const messages = (l: string[][], f = fmt) => lineupProblems(f, roster, l).map((p) => p.message.en);
    expect(messages([['m1'], ['m2'], ['m2', 'm3'], ['m1', 'f1'], ['m3']])).toEqual([
      "Women's singles: the players’ genders do not fit the discipline.",
    ]);
    expect(messages([['m1'], ['f1'], ['m2', 'm3'], ['m1', 'f1'], ['m1']])).toEqual([
      'An may play at most one singles and one doubles in a tie.',
    ]);
    expect(messages([['m1'], ['f1'], ['m2', 'x'], ['m1', 'f1'], ['m3']])).toEqual([
      "Men's doubles: a player is not on the team’s roster.",
    ]);
    expect(messages([['m1'], ['f1'], ['m2', 'm3'], ['m1', 'f1'], ['m3']], { ...fmt, playerRubbers: 'one' })).toEqual([
      'An may play only one rubber of a tie.',
      'Dung may play only one rubber of a tie.',
      'Cường may play only one rubber of a tie.',
    ]);
    expect(messages([['m1']])).toEqual(['All 5 rubbers of the tie need players.']);
  });
});
