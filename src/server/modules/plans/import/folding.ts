/**
 * Folding that keeps every character in place, so a match found in the folded text points at
 * the same span of the original: "Trước ngày" → "truoc ngay". Unlike `fold` in src/common/text.ts
 * it does not collapse spaces. The input must be NFC (every Vietnamese letter one code unit).
 */
export function foldInPlace(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === 'đ' || ch === 'Đ') {
      out += 'd';
      continue;
    }
    const base = ch.normalize('NFD')[0];
    out += base.length === ch.length ? base.toLowerCase() : ch.toLowerCase();
  }
  return out;
}

/** Syllables of a folded phrase: "Ban Tuyên giáo, ĐUK" → ["ban", "tuyen", "giao", "duk"]. */
export function syllables(value: string): string[] {
  return foldInPlace(value.normalize('NFC'))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Upper-case the first letter, keep the rest as written. */
export function capitalise(value: string): string {
  return value ? value[0].toLocaleUpperCase('vi') + value.slice(1) : value;
}

/** Whitespace collapsed; leading dashes and trailing separators removed. */
export function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/\s*\.\/\.\s*$/, '')
    .replace(/^[\s\-–—•+*]+/, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
}
