import { describe, expect, it } from 'vitest';
import { medalTable } from './medalTable.ts';

describe('the medal table', () => {
  it('orders units by gold, silver, bronze, sharing a place when level', () => {
    const unitOf = (e: string) => e.split(':')[0];
    const names: Record<string, string> = { u1: 'Điện lực', u2: 'Bảo Việt', u3: 'Agribank', u4: 'Cấp nước' };
    const t = medalTable(
      [
        { gold: ['u1:a'], silver: ['u2:b'], bronze: ['u3:c', 'u4:d'] },
        { gold: ['u2:e'], silver: ['u1:f'], bronze: ['u3:g', 'u4:h'] },
      ],
      unitOf,
      (u) => names[u],
    );
    expect(t.map((r) => [r.name, r.place])).toEqual([
      ['Bảo Việt', 1],
      ['Điện lực', 1],
      ['Agribank', 3],
      ['Cấp nước', 3],
    ]);
  });
});
