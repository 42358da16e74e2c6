import { describe, expect, it } from 'vitest';
import { checkMatch, finishedGameProblem, gameState, MatchScoreError, scoringRules } from './scoring.ts';

const bo3 = scoringRules['bo3-21'];
const won = (a: number, b: number) => finishedGameProblem(bo3, [a, b]) === null;

describe('Law 7: a game to 21', () => {
  it('is won at 21 with two clear points', () => {
    expect(won(21, 0)).toBe(true);
    expect(won(21, 19)).toBe(true);
    expect(won(19, 21)).toBe(true);
    expect(won(21, 20)).toBe(false);
  });
  it('goes on from 20-all until a side leads by two', () => {
    expect(won(22, 20)).toBe(true);
    expect(won(28, 26)).toBe(true);
    expect(won(22, 21)).toBe(false);
    expect(gameState(bo3, [22, 21])).toEqual({ kind: 'in-play' });
    expect(gameState(bo3, [20, 20])).toEqual({ kind: 'in-play' });
  });
  it('is won by the 30th point at 29-all, and never goes beyond 30', () => {
    expect(won(30, 29)).toBe(true);
    expect(won(30, 28)).toBe(true);
    expect(won(29, 30)).toBe(true);
    expect(gameState(bo3, [29, 29])).toEqual({ kind: 'in-play' });
    expect(won(31, 29)).toBe(false);
    expect(finishedGameProblem(bo3, [31, 29])!.vi).toContain('29-29');
    expect(won(30, 27)).toBe(false);
  });
  it('refuses scores the game would have ended before', () => {
    expect(gameState(bo3, [23, 20]).kind).toBe('impossible');
    expect(gameState(bo3, [25, 10]).kind).toBe('impossible');
    expect(gameState(bo3, [-1, 3]).kind).toBe('impossible');
    expect(gameState(bo3, [2.5, 3]).kind).toBe('impossible');
  });
  it('explains a refusal in Vietnamese and in English', () => {
    const why = finishedGameProblem(bo3, [22, 21])!;
    expect(why.vi).toMatch(/chưa kết thúc/);
    expect(why.en).toMatch(/does not finish/);
  });
});

describe('the shorter formats', () => {
  it('one game to 31, three to 15 (21 at 20-all), five to 11 (15 at 14-all)', () => {
    expect(finishedGameProblem(scoringRules['bo1-31'], [31, 29])).toBeNull();
    expect(finishedGameProblem(scoringRules['bo1-31'], [31, 30])).not.toBeNull();
    expect(finishedGameProblem(scoringRules['bo3-15'], [15, 13])).toBeNull();
    expect(finishedGameProblem(scoringRules['bo3-15'], [21, 20])).toBeNull();
    expect(finishedGameProblem(scoringRules['bo3-15'], [22, 20])).not.toBeNull();
    expect(finishedGameProblem(scoringRules['bo5-11'], [15, 14])).toBeNull();
    expect(finishedGameProblem(scoringRules['bo5-11'], [16, 14])).not.toBeNull();
  });
});

describe('a match', () => {
  it('is decided by its games, and holds none after the deciding one', () => {
    expect(
      checkMatch(bo3, {
        games: [
          [21, 15],
          [19, 21],
          [21, 18],
        ],
      }),
    ).toEqual({
      winner: 0,
      outcome: null,
      games: [2, 1],
      points: [61, 54],
    });
    expect(() =>
      checkMatch(bo3, {
        games: [
          [21, 15],
          [21, 18],
          [21, 3],
        ],
      }),
    ).toThrow(MatchScoreError);
    try {
      checkMatch(bo3, {
        games: [
          [21, 15],
          [21, 18],
          [21, 3],
        ],
      });
    } catch (err) {
      expect((err as MatchScoreError).game).toBe(3);
    }
  });
  it('left unfinished without an outcome is refused', () => {
    expect(() => checkMatch(bo3, { games: [[21, 15]] })).toThrow(/unfinished/);
    expect(() =>
      checkMatch(bo3, {
        games: [
          [21, 15],
          [5, 3],
        ],
      }),
    ).toThrow(MatchScoreError);
  });
  it('keeps the score at the moment of a retirement, and a walkover has none', () => {
    expect(
      checkMatch(bo3, {
        games: [
          [21, 10],
          [5, 3],
        ],
        outcome: 'retired',
        winner: 0,
      }),
    ).toMatchObject({
      winner: 0,
      games: [1, 0],
      points: [26, 13],
    });
    expect(checkMatch(bo3, { games: [], outcome: 'walkover', winner: 1 }).winner).toBe(1);
    expect(() => checkMatch(bo3, { games: [[21, 3]], outcome: 'walkover', winner: 1 })).toThrow(MatchScoreError);
    expect(() => checkMatch(bo3, { games: [], outcome: 'retired' })).toThrow(/winner/);
  });
});
