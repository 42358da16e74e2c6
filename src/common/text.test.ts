import { describe, expect, it } from 'vitest';
import { compareVi, fold, likeContains, nfc } from './text.ts';

describe('Vietnamese text helpers', () => {
  it('folds names to a diacritic-free search key', () => {
    expect(fold('Tuyên giáo')).toBe('tuyen giao');
    expect(fold('Đảng ủy Khối')).toBe('dang uy khoi');
    expect(fold('Nguyễn Thị Hương')).toBe('nguyen thi huong');
    expect(fold('ĐOÀN THANH NIÊN')).toBe('doan thanh nien');
    expect(fold('  Ban   Tổ chức \t ')).toBe('ban to chuc');
    // NFC and NFD spellings fold the same.
    expect(fold('Hương'.normalize('NFD'))).toBe(fold('Hương'.normalize('NFC')));
    expect(fold('Ưu tú, Ơn, Ă, Â')).toBe('uu tu, on, a, a');
  });

  it('stores NFC', () => {
    const nfd = 'Thái Bình'.normalize('NFD');
    expect(nfd).not.toBe('Thái Bình'.normalize('NFC'));
    expect(nfc(nfd)).toBe('Thái Bình'.normalize('NFC'));
  });

  it('orders names the way a Vietnamese reader does', () => {
    const names = ['Êm', 'Đức', 'Bình', 'Ánh', 'Em', 'Dũng', 'An', 'Ân', 'Ăn', 'Yến', 'Ơn', 'Ô', 'Ở'];
    const sorted = [...names].sort(compareVi);
    const pos = (n: string) => sorted.indexOf(n);
    expect(pos('Ánh')).toBeLessThan(pos('Bình'));
    expect(pos('Bình')).toBeLessThan(pos('Đức'));
    expect(pos('Đức')).toBeLessThan(pos('Êm'));
    // Đ comes after D, Ê after E, and the letters A < Ă < Â, O < Ô < Ơ.
    expect(pos('Dũng')).toBeLessThan(pos('Đức'));
    expect(pos('Em')).toBeLessThan(pos('Êm'));
    expect(pos('An')).toBeLessThan(pos('Ăn'));
    expect(pos('Ăn')).toBeLessThan(pos('Ân'));
    expect(pos('Ô')).toBeLessThan(pos('Ơn'));
    expect(sorted[sorted.length - 1]).toBe('Yến');
    expect(compareVi('Chi bộ 2', 'Chi bộ 10')).toBeLessThan(0);
    expect(compareVi('bình', 'Bình')).toBe(0);
  });

  it('escapes LIKE wildcards in a search term', () => {
    expect(likeContains('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(likeContains('tuyen')).toBe('%tuyen%');
  });
});
