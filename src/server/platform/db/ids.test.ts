import { describe, expect, it } from 'vitest';
import { idPattern, newId } from './ids.ts';

describe('newId', () => {
  it('makes UUIDv7 ids that sort in the order they were made, also within one millisecond', () => {
    const t = Date.UTC(2019, 5, 10, 8, 0, 0);
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      ids.push(newId(t));
      // Ids for other times in between (the real clock, a neighbouring millisecond) do not disturb the order.
      newId();
      newId(t + 1 + (i % 3));
    }
    expect(ids.every((id) => idPattern.test(id))).toBe(true);
    expect(ids.every((id) => id[14] === '7' && '89ab'.includes(id[19]))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the time it was made for in its first 48 bits', () => {
    const t = Date.UTC(2019, 8, 4, 19, 30);
    expect(parseInt(newId(t).replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    expect(newId(t) < newId(t + 1)).toBe(true);
  });
});
