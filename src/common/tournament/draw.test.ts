import { describe, expect, it } from 'vitest';
import { DrawError, type DrawEntry, makeDraw, seedLineGroups } from './draw.ts';

const entriesOf = (n: number, options: { seeds?: number; units?: (i: number) => string | null } = {}): DrawEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `E${i + 1}`,
    seed: i < (options.seeds ?? 0) ? i + 1 : null,
    unit: options.units?.(i) ?? null,
  }));

/** How many of `lines` fall in each segment of the given length. */
const perSegment = (size: number, segment: number, lines: number[]) => {
  const counts = new Array(size / segment).fill(0);
  for (const l of lines) counts[Math.floor(l / segment)]++;
  return counts;
};

const byeLines = (positions: (string | null)[]) => positions.flatMap((p, i) => (p === null ? [i] : []));

function expectByesBalanced(positions: (string | null)[]) {
  const size = positions.length;
  const byes = byeLines(positions);
  for (let l = 0; l < size; l += 2) expect(positions[l] === null && positions[l + 1] === null).toBe(false);
  for (let segment = size; segment > 2; segment /= 2) {
    const counts = perSegment(size, segment / 2, byes);
    for (let s = 0; s < counts.length; s += 2) expect(Math.abs(counts[s] - counts[s + 1])).toBeLessThanOrEqual(1);
  }
}

describe('seed lines', () => {
  it('follow the federation: 1 top, 2 bottom, 3–4 in the other quarters, 5–8 in the other eighths', () => {
    expect(seedLineGroups(32)).toEqual([
      [0],
      [31],
      [8, 23],
      [4, 12, 19, 27],
      [2, 6, 10, 14, 17, 21, 25, 29],
      [1, 3, 5, 7, 9, 11, 13, 15, 16, 18, 20, 22, 24, 26, 28, 30],
    ]);
  });
});

describe('the draw', () => {
  for (const n of [5, 16, 17, 31, 33, 128]) {
    it(`places ${n} entries on the smallest power of two with byes spread evenly`, () => {
      const seeds = Math.min(8, Math.floor(n / 4));
      const d = makeDraw(entriesOf(n, { seeds }), `sizes-${n}`);
      expect(d.size).toBe(2 ** Math.ceil(Math.log2(n)));
      expect(d.positions).toHaveLength(d.size);
      expect(d.positions.filter((p) => p !== null).sort()).toEqual(
        entriesOf(n)
          .map((e) => e.id)
          .sort(),
      );
      expect(byeLines(d.positions)).toHaveLength(d.size - n);
      expect(d.positions[0]).toBe('E1');
      if (seeds >= 2) expect(d.positions[d.size - 1]).toBe('E2');
      // Byes go to the seeds in seed order.
      const byes = d.size - n;
      for (let s = 1; s <= Math.min(seeds, byes); s++) {
        const line = d.positions.indexOf(`E${s}`);
        expect(d.positions[line ^ 1]).toBeNull();
      }
      expectByesBalanced(d.positions);
    });
  }

  it('draws seeds 3–4 into quarters 2 and 3 by lot, and 5–8 into the free eighths', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const d = makeDraw(entriesOf(32, { seeds: 8 }), `lot-${k}`);
      const q = (id: string) => Math.floor(d.positions.indexOf(id) / 8);
      expect([q('E3'), q('E4')].sort()).toEqual([1, 2]);
      const eighths = ['E5', 'E6', 'E7', 'E8'].map((id) => Math.floor(d.positions.indexOf(id) / 4)).sort();
      expect(eighths).toEqual([1, 3, 4, 6]);
      seen.add(`${d.positions.indexOf('E3')}`);
    }
    expect(seen.size).toBe(2);
  });

  it('is the same draw for the same random seed, and another for another', () => {
    const entries = entriesOf(27, { seeds: 4, units: (i) => `U${i % 5}` });
    expect(makeDraw(entries, 'thai-binh-2019')).toEqual(makeDraw(entries, 'thai-binh-2019'));
    expect(makeDraw(entries, 'thai-binh-2019').positions).not.toEqual(makeDraw(entries, 'thai-binh-2020').positions);
  });

  it('keeps a unit apart: two in different halves, four in different quarters', () => {
    for (let k = 0; k < 30; k++) {
      const entries = entriesOf(29, {
        seeds: 4,
        units: (i) => (i >= 4 && i < 8 ? 'A' : i >= 8 && i < 10 ? 'B' : null),
      });
      const d = makeDraw(entries, `units-${k}`);
      const at = (id: string) => d.positions.indexOf(id);
      const quarters = ['E5', 'E6', 'E7', 'E8'].map((id) => Math.floor(at(id) / 8)).sort();
      expect(quarters).toEqual([0, 1, 2, 3]);
      expect(Math.floor(at('E9') / 16)).not.toBe(Math.floor(at('E10') / 16));
    }
  });

  it('counts a seeded member where the seed stands', () => {
    for (let k = 0; k < 20; k++) {
      const entries = entriesOf(16, { seeds: 1, units: (i) => (i === 0 || i === 5 ? 'A' : null) });
      const d = makeDraw(entries, `seeded-unit-${k}`);
      expect(d.positions.indexOf('E6')).toBeGreaterThanOrEqual(8);
    }
  });

  it('spreads a unit as far as the draw allows when it has more entries than quarters', () => {
    const entries = entriesOf(16, { units: (i) => (i < 9 ? 'A' : `B${i}`) });
    const d = makeDraw(entries, 'crowded');
    const lines = entries.slice(0, 9).map((e) => d.positions.indexOf(e.id));
    const quarters = perSegment(16, 4, lines);
    expect(Math.max(...quarters) - Math.min(...quarters)).toBeLessThanOrEqual(1);
  });

  it('records every lot, with lines as printed on the sheet', () => {
    const d = makeDraw(entriesOf(6, { seeds: 1, units: (i) => (i < 2 ? 'X' : null) }), 'log');
    expect(d.log[0]).toMatchObject({ step: 'seed', entry: 'E1', line: 1 });
    expect(d.log.filter((l) => l.step === 'bye')).toHaveLength(2);
    const placed = d.log.flatMap((l) => ('entry' in l ? [l.entry] : []));
    expect(placed.sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
  });

  it('refuses too many seeds, repeated seeds and repeated ids', () => {
    expect(() => makeDraw(entriesOf(7, { seeds: 2 }), 's')).toThrow(DrawError);
    // the count in words: 7 entries allow one seed, not "1 seeds"
    expect(() => makeDraw(entriesOf(7, { seeds: 2 }), 's')).toThrow('7 entries allow 1 seed, 2 given.');
    expect(() => makeDraw(entriesOf(9, { seeds: 3 }), 's')).toThrow('9 entries allow 2 seeds, 3 given.');
    expect(() => makeDraw([{ id: 'A', seed: 1 }, { id: 'B', seed: 1 }, ...entriesOf(6)], 's')).toThrow(/both seed 1/);
    expect(() => makeDraw([{ id: 'A' }, { id: 'A' }], 's')).toThrow(/twice/);
    expect(() => makeDraw([], 's')).toThrow(DrawError);
  });
});
