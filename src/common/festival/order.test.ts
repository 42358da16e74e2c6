import { describe, expect, it } from 'vitest';
import { drawPerformanceOrder } from './order.ts';

describe('the performance order by lot', () => {
  const ids = ['e5', 'e1', 'e3', 'e2', 'e4', 'e6', 'e7', 'e8'];
  it('is the same for the same seed whatever order the entries come in, and a permutation of them', () => {
    const a = drawPerformanceOrder(ids, 'LH2019');
    expect(drawPerformanceOrder([...ids].reverse(), 'LH2019')).toEqual(a);
    expect([...a].sort()).toEqual([...ids].sort());
  });
  it('differs for another seed', () => {
    const orders = new Set(['a', 'b', 'c', 'd'].map((s) => drawPerformanceOrder(ids, s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
