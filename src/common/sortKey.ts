/**
 * Stored sort keys that order text the way Intl.Collator('vi', { numeric: true }) does, so a
 * database can page through a list in Vietnamese order with a plain ORDER BY. The key holds only
 * [0-9a-z], which every collation (SQLite's binary one, PostgreSQL's "C" or a locale's) orders
 * the same way.
 *
 * Layout: the primary weights of every character (2 base-36 digits each: punctuation < digits <
 * letters, with ă â after a, đ after d, ê after e, ô ơ after o, ư after u), then "00", then one
 * tone digit per character (none, grave, hook, tilde, acute, dot below — the order of the
 * Vietnamese alphabet), then one case digit per character (lower before upper).
 */

const punctuation = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const letters = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const letterRank = new Map(letters.map((l, i) => [l, 200 + i]));
const tones: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
// Marks that make a different letter of the alphabet rather than a tone.
const letterMarks: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

const two = (n: number) => n.toString(36).padStart(2, '0');

type Parts = { primary: string; secondary: string; tertiary: string };

export function sortKeyParts(value: string): Parts {
  const decomposed = value.normalize('NFD').replace(/\s+/g, ' ').trim();
  let primary = '';
  let secondary = '';
  let tertiary = '';
  let i = 0;
  while (i < decomposed.length) {
    const ch = decomposed[i];
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < decomposed.length && /[0-9]/.test(decomposed[j])) j++;
      const digits = decomposed.slice(i, j).replace(/^0+(?=\d)/, '');
      primary += two(100) + two(Math.min(digits.length, 1295));
      for (const d of digits) primary += two(100 + Number(d));
      secondary += '0'.repeat(digits.length + 2);
      tertiary += '0'.repeat(digits.length + 2);
      i = j;
      continue;
    }
    i++;
    let base = ch.toLowerCase();
    const upper = base !== ch ? 1 : 0;
    let tone = 0;
    while (i < decomposed.length && /[\u0300-\u036f]/.test(decomposed[i])) {
      const mark = decomposed[i];
      if (tones[mark] !== undefined) tone = tones[mark];
      else if (letterMarks[mark]?.[base]) base = letterMarks[mark][base];
      i++;
    }
    if (base === 'đ' || ch === 'Đ') base = 'đ';
    let rank: number;
    const p = punctuation.indexOf(base);
    if (letterRank.has(base)) rank = letterRank.get(base)!;
    else if (p >= 0) rank = 1 + p;
    else rank = 300 + (base.codePointAt(0)! % 900);
    primary += two(rank);
    secondary += String(tone);
    tertiary += String(upper);
  }
  return { primary, secondary, tertiary };
}

/** The key of one text: orders like compareVi, with tone and case breaking ties. */
export function viSortKey(value: string): string {
  const p = sortKeyParts(value);
  return `${p.primary}00${p.secondary}${p.tertiary}`;
}

/** The given name: the last word of a Vietnamese full name ("Trần Hữu Nam" → "Nam"). */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** How Vietnamese lists of people are ordered: by given name, then by the whole name. */
export function personSortKey(fullName: string): string {
  const g = sortKeyParts(givenName(fullName));
  const f = sortKeyParts(fullName);
  return `${g.primary}00${f.primary}00${g.secondary}${f.secondary}${g.tertiary}${f.tertiary}`;
}
