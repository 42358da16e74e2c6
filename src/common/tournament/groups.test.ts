import { describe, expect, it } from 'vitest';
import { drawGroups, knockoutFromGroups, roundRobin } from './groups.ts';

describe('groups', () => {
  it('puts one seed in each group and keeps a unit apart', () => {
    const entries = Array.from({ length: 16 }, (_, i) => ({
      id: `E${i + 1}`,
      seed: i < 4 ? i + 1 : null,
      unit: i >= 4 && i < 8 ? 'A' : null,
    }));
    const groups = drawGroups(entries, 4, 'groups');
    expect(groups.map((g) => g[0])).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(groups.every((g) => g.length === 4)).toBe(true);
    for (const g of groups) expect(g.filter((id) => ['E5', 'E6', 'E7', 'E8'].includes(id))).toHaveLength(1);
    expect(drawGroups(entries, 4, 'groups')).toEqual(groups);
  });

  it('plays everyone once, nobody twice in a round', () => {
    for (const n of [3, 4, 5, 6]) {
      const ids = Array.from({ length: n }, (_, i) => `P${i}`);
      const rounds = roundRobin(ids);
      const pairs = rounds.flat().map((p) => [...p].sort().join('-'));
      expect(new Set(pairs).size).toBe((n * (n - 1)) / 2);
      for (const r of rounds) expect(new Set(r.flat()).size).toBe(r.length * 2);
    }
  });

  it('seeds the group winners and sends the runners-up to the other half', () => {
    const rankings = Array.from({ length: 8 }, (_, g) => [`W${g}`, `R${g}`, `T${g}`]);
    for (let k = 0; k < 10; k++) {
      const d = knockoutFromGroups(rankings, 2, `ko-${k}`);
      expect(d.size).toBe(16);
      expect(d.positions[0]).toBe('W0');
      expect(d.positions[15]).toBe('W1');
      for (let g = 0; g < 8; g++) {
        const half = (id: string) => Math.floor(d.positions.indexOf(id) / 8);
        expect(half(`R${g}`)).not.toBe(half(`W${g}`));
      }
    }
  });
});
