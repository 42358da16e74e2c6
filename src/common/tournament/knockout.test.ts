import { describe, expect, it } from 'vitest';
import { makeDraw } from './draw.ts';
import { dependents, knockoutMatches, medals, resolveKnockout, roundName, THIRD_PLACE } from './knockout.ts';

describe('the knockout bracket', () => {
  const positions = ['A', null, 'B', 'C', 'D', 'E', null, 'F'];

  it('passes an entry through a bye and pairs winners round by round', () => {
    const matches = knockoutMatches(positions, { thirdPlace: false });
    expect(matches.map((m) => m.id)).toEqual(['R1-1', 'R1-2', 'R1-3', 'R1-4', 'R2-1', 'R2-2', 'R3-1']);
    expect(matches.filter((m) => m.walkThrough).map((m) => m.id)).toEqual(['R1-1', 'R1-4']);
    const r = resolveKnockout(matches, { 'R1-2': 1, 'R1-3': 0 });
    expect(r.get('R2-1')!.players).toEqual(['A', 'C']);
    expect(r.get('R2-2')!.players).toEqual(['D', 'F']);
    expect(r.get('R3-1')!.players).toEqual([null, null]);
  });

  it('gives gold, silver and a shared bronze, or the play-off’s winner', () => {
    const results = { 'R1-2': 1, 'R1-3': 0, 'R2-1': 0, 'R2-2': 1, 'R3-1': 1 } as const;
    const shared = knockoutMatches(positions, { thirdPlace: false });
    expect(medals(shared, resolveKnockout(shared, results))).toEqual({ gold: 'F', silver: 'A', bronze: ['C', 'D'] });
    const playOff = knockoutMatches(positions, { thirdPlace: true });
    const withThird = resolveKnockout(playOff, { ...results, [THIRD_PLACE]: 1 });
    expect(withThird.get(THIRD_PLACE)!.players).toEqual(['C', 'D']);
    expect(medals(playOff, withThird)).toEqual({ gold: 'F', silver: 'A', bronze: ['D'] });
  });

  it('names what depends on a result, so a correction comes before it is played', () => {
    const matches = knockoutMatches(positions, { thirdPlace: true });
    expect(dependents(matches, 'R2-1').map((m) => m.id)).toEqual(['R3-1', THIRD_PLACE]);
  });

  it('names the rounds as they are printed', () => {
    expect(roundName(5, 5).vi).toBe('Chung kết');
    expect(roundName(4, 5).vi).toBe('Bán kết');
    expect(roundName(3, 5).vi).toBe('Tứ kết');
    expect(roundName(2, 5)).toEqual({ vi: 'Vòng 1/8', en: 'Round of 16' });
  });

  it('works over a real draw of 33', () => {
    const d = makeDraw(
      Array.from({ length: 33 }, (_, i) => ({ id: `E${i}`, seed: i < 8 ? i + 1 : null })),
      'ko',
    );
    const matches = knockoutMatches(d.positions, { thirdPlace: false });
    expect(matches.filter((m) => m.round === 1 && !m.walkThrough)).toHaveLength(1);
    expect(matches).toHaveLength(63);
  });
});
