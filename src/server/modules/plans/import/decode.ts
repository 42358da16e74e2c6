import { importFail } from './errors.ts';

/**
 * Bytes of a plain-text plan → a JavaScript string, NFC. Accepts UTF-8 (with or without BOM) and
 * UTF-16 (LE/BE with BOM, or without BOM when the zero bytes give it away). Refuses the old
 * Vietnamese encodings (Windows-1258, TCVN3/ABC, VNI) and text already garbled by one of them,
 * rather than drafting a plan out of mojibake.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw importFail.empty();
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = utf8(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = utf16(bytes.subarray(2), 'le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = utf16(bytes.subarray(2), 'be');
  else {
    const bomless = utf16WithoutBom(bytes);
    if (bomless) text = utf16(bytes, bomless);
    else {
      if (looksBinary(bytes)) throw importFail.binary();
      text = utf8(bytes);
    }
  }
  text = text.normalize('NFC');
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 4096)) && controlShare(text) > 0.01) throw importFail.binary();
  const garbled = legacyMojibake(text);
  if (garbled) throw importFail.mojibake(garbled);
  return text;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const hex = at >= 0 ? bytes[at].toString(16).toUpperCase().padStart(2, '0') : '';
    throw importFail.encoding(
      at >= 0
        ? {
            vi: `: byte 0x${hex} ở vị trí ${at} không hợp lệ trong UTF-8`,
            en: `: byte 0x${hex} at offset ${at} is not valid UTF-8`,
          }
        : { vi: '', en: '' },
    );
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  if (bytes.length % 2 === 1)
    throw importFail.encoding({ vi: ': UTF-16 có số byte lẻ', en: ': UTF-16 with an odd number of bytes' });
  const copy = new Uint8Array(bytes);
  if (order === 'be') for (let i = 0; i + 1 < copy.length; i += 2) [copy[i], copy[i + 1]] = [copy[i + 1], copy[i]];
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(copy);
  } catch {
    throw importFail.encoding({ vi: ': UTF-16 hỏng', en: ': broken UTF-16' });
  }
}

/** Text in UTF-16 without a BOM has a zero byte in every other position for Latin text. */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 2000);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.02;
}

function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return control / Math.max(1, sample.length);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Letters Vietnamese never uses, which TCVN3 and VNI text shows when it was decoded as Latin-1 or
 * Windows-1252 and saved again as UTF-8: "KÕ ho¹ch" (TCVN3), "Keá hoaïch" (VNI).
 */
const legacyLetters =
  /[\u0080-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE-\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/g;
const vietnameseLetters = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/g;

function legacyMojibake(text: string): string | null {
  const sample = text.slice(0, 20000);
  const legacy = sample.match(legacyLetters)?.length ?? 0;
  if (legacy < 5) return null;
  const vietnamese = sample.match(vietnameseLetters)?.length ?? 0;
  if (legacy <= vietnamese) return null;
  const one = new RegExp(legacyLetters.source);
  const word = sample.match(/\S*[\u0080-\u00FF]\S*/g)?.find((w) => one.test(w)) ?? '';
  return word.slice(0, 30);
}
