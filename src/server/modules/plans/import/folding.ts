/**
 * Folding that keeps every character in place, so a match found in the folded text points at
 * the same span of the original: "Trước ngày" → "truoc ngay". Unlike `fold` in src/common/text.ts
 * it does not collapse spaces. The input must be NFC (every Vietnamese letter one code unit).
 */
const folded = new Map<string, string>();

function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD')[0].toLowerCase();
    f = base.length === ch.length ? base : ch.toLowerCase();
    folded.set(ch, f);
  }
  return f;
}

export function foldInPlace(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x41) out += value[i];
    else if (code < 0x80) out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : value[i];
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      out += value.slice(i, i + 2).toLowerCase();
      i++;
    } else out += foldChar(value[i]);
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

/**
 * A paragraph of running text as the plan wrote it: whitespace collapsed, a leading dash removed,
 * its own punctuation kept ("…với các nội dung sau:").
 */
export function prose(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—•+*]+/, '')
    .trim();
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
