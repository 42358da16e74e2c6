import { describe, expect, it } from 'vitest';
import { type GroupMatch, rankEncounters, rankGroup, RankingError } from './groupRanking.ts';
import { lotsFrom } from './lots.ts';

const g = (a: string, b: string, ...games: [number, number][]): GroupMatch => ({ a, b, games });
const rank = (entries: string[], matches: GroupMatch[], randomSeed = 'seed') =>
  rankGroup({ entries, scoring: 'bo3-21', matches, randomSeed });

describe('group ranking (GCR 16.2)', () => {
  it('ranks by matches won', () => {
    const r = rank(
      ['A', 'B', 'C'],
      [g('A', 'B', [21, 10], [21, 10]), g('A', 'C', [21, 5], [21, 5]), g('C', 'B', [21, 19], [21, 19])],
    );
    expect(r).toEqual({ ranking: ['A', 'C', 'B'], lots: [], deleted: [] });
  });

  it('puts the winner of their match first when two are level', () => {
    // A and B both win two; B beat A, though A has the better games and points.
    const r = rank(
      ['A', 'B', 'C', 'D'],
      [
        g('A', 'B', [19, 21], [21, 23]),
        g('A', 'C', [21, 0], [21, 0]),
        g('A', 'D', [21, 0], [21, 0]),
        g('B', 'C', [21, 19], [19, 21], [22, 20]),
        g('B', 'D', [19, 21], [21, 19], [21, 19]),
        g('C', 'D', [21, 1], [21, 1]),
      ],
    );
    expect(r.ranking).toEqual(['B', 'A', 'C', 'D']);
  });

  it('separates three level by games difference, then back to their match when two remain', () => {
    // A beats B, B beats C, C beats A; all beat D. Games: A +3, B +1, C +1 → A, then B, who beat
    // C, although C has the better points difference.
    const r = rank(
      ['A', 'B', 'C', 'D'],
      [
        g('A', 'B', [21, 10], [21, 10]),
        g('B', 'C', [21, 19], [19, 21], [21, 19]),
        g('C', 'A', [21, 10], [10, 21], [21, 10]),
        g('A', 'D', [21, 10], [21, 10]),
        g('B', 'D', [21, 19], [21, 19]),
        g('C', 'D', [21, 0], [19, 21], [21, 0]),
      ],
    );
    expect(r.ranking).toEqual(['A', 'B', 'C', 'D']);
    expect(r.lots).toEqual([]);
  });

  it('goes to points difference when games are level too, and to lots when points are', () => {
    const cycle = (pa: number, pb: number, pc: number) => [
      g('A', 'B', [21, pb], [21, pb]),
      g('B', 'C', [21, pc], [21, pc]),
      g('C', 'A', [21, pa], [21, pa]),
    ];
    // Points difference: A 2·15 − 2·5 = +20, B 2·5 − 0 = +10, C 0 − 2·15 = −30.
    expect(rank(['A', 'B', 'C'], cycle(15, 5, 0)).ranking).toEqual(['A', 'B', 'C']);
    const tied = rank(['A', 'B', 'C'], cycle(10, 10, 10), 'lots-1');
    expect(tied.lots).toHaveLength(1);
    expect(tied.lots[0]).toEqual(tied.ranking);
    expect(rank(['A', 'B', 'C'], cycle(10, 10, 10), 'lots-1')).toEqual(tied);
  });

  it('counts games and points over all group matches, not only those among the tied', () => {
    // A, B, C each win one against each other and beat D, by different margins against D.
    const r = rank(
      ['A', 'B', 'C', 'D'],
      [
        g('A', 'B', [21, 10], [21, 10]),
        g('B', 'C', [21, 10], [21, 10]),
        g('C', 'A', [21, 10], [21, 10]),
        g('A', 'D', [21, 19], [21, 19]),
        g('B', 'D', [21, 0], [21, 0]),
        g('C', 'D', [21, 10], [21, 10]),
      ],
    );
    expect(r.ranking).toEqual(['B', 'C', 'A', 'D']);
  });

  it('deletes the results of a player who retires, and lists them last', () => {
    const r = rank(
      ['A', 'B', 'C', 'D'],
      [
        g('A', 'B', [21, 10], [21, 10]),
        {
          a: 'A',
          b: 'D',
          games: [
            [21, 10],
            [5, 3],
          ],
          outcome: 'retired',
          winner: 'A',
        },
        g('B', 'C', [21, 10], [21, 10]),
        g('D', 'C', [21, 10], [21, 10]),
        { a: 'C', b: 'A', outcome: 'walkover', winner: 'C' },
      ],
    );
    // D retired and A gave a walkover: both deleted. B beat C.
    expect(r.ranking).toEqual(['B', 'C', 'A', 'D']);
    expect(r.deleted).toEqual(['A', 'D']);
  });

  it('refuses a score the rule cannot produce, naming both sides and the game', () => {
    expect(() => rank(['A', 'B'], [g('A', 'B', [21, 15], [22, 21])])).toThrow('A v B, game 2');
    try {
      rank(['A', 'B'], [g('A', 'B', [21, 15], [31, 29])]);
    } catch (err) {
      expect(err).toBeInstanceOf(RankingError);
      expect((err as RankingError).reason.vi).toContain('A – B, ván 2');
    }
    expect(() => rank(['A', 'B'], [g('A', 'B', [21, 15])])).toThrow(/A v B.*unfinished/);
    expect(() => rank(['A', 'B'], [g('A', 'X', [21, 15], [21, 15])])).toThrow(RankingError);
    expect(() => rankGroup({ entries: ['A'], scoring: 'bo9', matches: [] })).toThrow(/no scoring/);
  });
});

describe('team ties', () => {
  it('rank by ties won, then matches, games and points difference, with head-to-head for two', () => {
    // X, Y, Z each win one tie; matches difference decides.
    const r = rankEncounters(
      ['X', 'Y', 'Z'],
      [
        { a: 'X', b: 'Y', winner: 'X', forA: [3, 6, 130], forB: [0, 1, 90] },
        { a: 'Y', b: 'Z', winner: 'Y', forA: [3, 6, 120], forB: [2, 4, 110] },
        { a: 'Z', b: 'X', winner: 'Z', forA: [3, 6, 120], forB: [2, 5, 118] },
      ],
      new Set(),
      lotsFrom('teams'),
    );
    // Matches difference: X +3−1 = +2, Y −3+1 = −2, Z −1+1 = 0.
    expect(r.ranking).toEqual(['X', 'Z', 'Y']);
  });
});
