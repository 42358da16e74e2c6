import { describe, expect, it } from 'vitest';
import { formatMilli, formatVnd, lineAmount, roundUpTo } from './money.ts';

describe('money', () => {
  it('groups đồng the Vietnamese way', () => {
    expect(formatVnd(1_234_567)).toBe('1.234.567 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(999)).toBe('999 đ');
    expect(formatVnd(-45_000)).toBe('-45.000 đ');
    expect(formatVnd(2_340_000, false)).toBe('2.340.000');
  });
  it('writes thousandths with a decimal comma', () => {
    expect([formatMilli(300), formatMilli(600), formatMilli(1500), formatMilli(2000), formatMilli(125)]).toEqual([
      '0,3',
      '0,6',
      '1,5',
      '2',
      '0,125',
    ]);
  });
  it('computes a line and rounds award money up to tens of thousands', () => {
    expect(lineAmount(2500, 120_000)).toBe(300_000);
    expect(lineAmount(1000, 1_490_000)).toBe(1_490_000);
    expect(lineAmount(333, 1000)).toBe(333);
    expect(roundUpTo(447_000, 10_000)).toBe(450_000);
    expect(roundUpTo(450_000, 10_000)).toBe(450_000);
    expect(roundUpTo(702_000, 10_000)).toBe(710_000);
  });
});
