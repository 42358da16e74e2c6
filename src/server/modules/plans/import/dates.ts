import { foldInPlace } from './folding.ts';
import { toIsoDate } from '../../../../common/dates.ts';

/**
 * Date phrases of Vietnamese plans → ISO dates (YYYY-MM-DD) or null.
 *
 *   "trước ngày 30/7/2019"            due 2019-07-30
 *   "từ 15/6/2019 đến hết 30/8/2019"  start 2019-06-15, due 2019-08-30
 *   "dự kiến ngày 04/9/2019"          on 2019-09-04, tentative
 *   "trong tháng 8/2019"              2019-08-01 … 2019-08-31
 *   "quý III/2019"                    2019-07-01 … 2019-09-30
 *   "6 tháng đầu năm 2019"            2019-01-01 … 2019-06-30
 *   "hằng tháng"                      recurring monthly, no single date
 *
 * A date without a year takes the plan's year; two-digit years are 20xx (19xx from 70).
 * An impossible date (31/2/2019) gives no date and is reported as invalid.
 */

export type DateKind =
  | 'deadline'
  | 'range'
  | 'from'
  | 'day'
  | 'month'
  | 'quarter'
  | 'months-of-year'
  | 'year'
  | 'recurring';

export type Recurrence = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'continuous';

export type DateFinding = {
  kind: DateKind;
  start: string | null;
  due: string | null;
  /** "dự kiến": planned, not fixed */
  tentative: boolean;
  recurrence: Recurrence | null;
  /** the words as written */
  text: string;
  index: number;
  end: number;
  /** the date of a document cited ("Đề án 09-ĐA/TU, ngày 28/12/2018"), not a date of the work */
  reference: boolean;
  /** the phrase names a date that does not exist (31/2/2019) or lacks a year with none to inherit */
  problem: 'invalid_date' | 'no_year' | null;
};

export type DateContext = { year?: number | null };

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return toIsoDate({ year, month, day });
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(written: string | undefined): number | null {
  if (!written) return null;
  const n = Number(written);
  if (written.length === 4) return n;
  if (written.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return null;
}

const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

// ── the building blocks, over folded text ("trước ngày" → "truoc ngay") ──────────────────────
const YEAR = String.raw`(\d{4}|\d{2})`;
/** 30/7/2019, 30/7/19, 30/7, 30.7.2019, 30-7-2019 */
const SLASH = String.raw`(?<![\d/.])(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*${YEAR})?(?![\d/])`;
const DOTTED = String.raw`(?<![\d/.])(\d{1,2})[.\-](\d{1,2})[.\-](\d{4})(?![\d.])`;
/** ngày 05 tháng 9 năm 2019, ngày 5 tháng 9 */
const WORDS = String.raw`ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam|\/)\s*(\d{4}))?(?!\d)`;
const DAY = `(?:${WORDS}|(?:ngay\\s+)?(?:${SLASH}|${DOTTED}))`;
const MONTH = String.raw`thang\s+(\d{1,2})(?:\s*\/\s*${YEAR}|\s+nam\s+(\d{4}))?(?![\d/])`;

type DayParts = { d: number; m: number; y: number | null; text: string };

/** Reads the first day expression inside a matched span. */
function readDays(span: string): DayParts[] {
  const out: DayParts[] = [];
  const re = new RegExp(DAY, 'g');
  for (const m of span.matchAll(re)) {
    if (m[1]) out.push({ d: +m[1], m: +m[2], y: m[3] ? +m[3] : null, text: m[0] });
    else if (m[4]) out.push({ d: +m[4], m: +m[5], y: fullYear(m[6]), text: m[0] });
    else out.push({ d: +m[7], m: +m[8], y: +m[9], text: m[0] });
  }
  return out;
}

type Rule = {
  kind: DateKind;
  re: RegExp;
  priority: number;
  build: (
    m: RegExpExecArray,
    ctx: DateContext,
  ) => Omit<DateFinding, 'text' | 'index' | 'end' | 'reference' | 'kind'> & { kind?: DateKind };
};

function dayIso(p: DayParts | undefined, fallbackYear: number | null | undefined) {
  if (!p) return { iso: null, problem: 'invalid_date' as const };
  const y = p.y ?? fallbackYear ?? null;
  if (y == null) return { iso: null, problem: 'no_year' as const };
  const iso = isoDate(y, p.m, p.d);
  return { iso, problem: iso ? null : ('invalid_date' as const) };
}

function monthSpan(month: number, year: number | null | undefined) {
  if (year == null) return { start: null, due: null, problem: 'no_year' as const };
  const start = isoDate(year, month, 1);
  if (!start) return { start: null, due: null, problem: 'invalid_date' as const };
  return { start, due: isoDate(year, month, daysInMonth(year, month)), problem: null };
}

const none = { start: null, due: null, tentative: false, recurrence: null, problem: null } as const;

const rules: Rule[] = [
  {
    // từ 15/6/2019 đến hết 30/8/2019 · 15/6 - 30/8/2019 · từ ngày 01/7 đến ngày 15/7/2019
    kind: 'range',
    priority: 9,
    re: new RegExp(
      String.raw`(?:(?:bat dau\s+)?tu\s+)?${DAY}\s*(?:(?:,\s*)?den(?:\s+het)?|-|–|—)\s*(?:ngay\s+)?${DAY}`,
      'g',
    ),
    build: (m, ctx) => {
      const [a, b] = readDays(m[0]);
      const end = dayIso(b, ctx.year);
      const start = dayIso(a, b?.y ?? ctx.year);
      const iso = start.iso && end.iso && start.iso <= end.iso;
      return {
        ...none,
        start: iso ? start.iso : null,
        due: iso ? end.iso : null,
        problem: start.problem ?? end.problem ?? (iso ? null : 'invalid_date'),
      };
    },
  },
  {
    // từ tháng 6 đến tháng 8/2019
    kind: 'range',
    priority: 8,
    re: new RegExp(
      String.raw`(?:tu\s+)?thang\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*(?:den(?:\s+het)?|-|–)\s*${MONTH}`,
      'g',
    ),
    build: (m, ctx) => {
      const endYear = fullYear(m[4]) ?? (m[5] ? +m[5] : null) ?? ctx.year;
      const first = monthSpan(+m[1], m[2] ? +m[2] : endYear);
      const last = monthSpan(+m[3], endYear);
      const ok = first.start && last.due && first.start <= last.due;
      return {
        ...none,
        start: ok ? first.start : null,
        due: ok ? last.due : null,
        problem: first.problem ?? last.problem ?? (ok ? null : 'invalid_date'),
      };
    },
  },
  {
    // trước ngày 30/7/2019 · chậm nhất ngày · hạn chót · đến hết ngày · không quá ngày
    kind: 'deadline',
    priority: 7,
    re: new RegExp(
      String.raw`(?:(?:hoan thanh|xong|nop|gui)\s+)?(?:truoc|cham nhat(?:\s+la)?|han chot(?:\s+la)?|thoi han|han|khong qua|khong muon hon|den het|den)\s*(?:la\s+)?(?:ngay\s+)?${DAY}`,
      'g',
    ),
    build: (m, ctx) => {
      const due = dayIso(readDays(m[0])[0], ctx.year);
      return { ...none, due: due.iso, problem: due.problem };
    },
  },
  {
    // trước tháng 9/2019 → by the last day of August
    kind: 'deadline',
    priority: 7,
    re: new RegExp(String.raw`(?:truoc|cham nhat(?:\s+la)?)\s+${MONTH}`, 'g'),
    build: (m, ctx) => {
      const year = fullYear(m[2]) ?? (m[3] ? +m[3] : null) ?? ctx.year;
      const month = +m[1];
      if (year == null) return { ...none, problem: 'no_year' };
      if (month < 1 || month > 12) return { ...none, problem: 'invalid_date' };
      const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
      return { ...none, due: isoDate(prev.y, prev.m, daysInMonth(prev.y, prev.m)) };
    },
  },
  {
    // từ ngày 15/6/2019 (no end)
    kind: 'from',
    priority: 6,
    re: new RegExp(String.raw`(?:bat dau\s+(?:tu\s+)?|ke tu\s+|tu\s+)${DAY}`, 'g'),
    build: (m, ctx) => {
      const start = dayIso(readDays(m[0])[0], ctx.year);
      return { ...none, start: start.iso, problem: start.problem };
    },
  },
  {
    // dự kiến ngày 04/9/2019 · dịp 19/8/2019 · vào ngày 05 tháng 9 năm 2019 · 10/6/2019
    kind: 'day',
    priority: 5,
    re: new RegExp(String.raw`(?:du kien\s+(?:to chuc\s+)?(?:vao\s+)?|(?:nhan\s+)?dip\s+|vao\s+)?${DAY}`, 'g'),
    build: (m, ctx) => {
      const day = dayIso(readDays(m[0])[0], ctx.year);
      return { ...none, start: day.iso, due: day.iso, tentative: m[0].startsWith('du kien'), problem: day.problem };
    },
  },
  {
    // quý III/2019 · quý 3 năm 2019
    kind: 'quarter',
    priority: 4,
    re: new RegExp(
      String.raw`(?:trong\s+)?quy\s+(iv|i{1,3}|[1-4])(?![a-z0-9])(?:\s*\/\s*${YEAR}|\s+nam\s+(\d{4}))?`,
      'g',
    ),
    build: (m, ctx) => {
      const q = roman[m[1]] ?? Number(m[1]);
      const year = fullYear(m[2]) ?? (m[3] ? +m[3] : null) ?? ctx.year;
      if (year == null) return { ...none, problem: 'no_year' };
      const first = (q - 1) * 3 + 1;
      return { ...none, start: isoDate(year, first, 1), due: isoDate(year, first + 2, daysInMonth(year, first + 2)) };
    },
  },
  {
    // 6 tháng đầu năm 2019 · 6 tháng cuối năm · 9 tháng đầu năm 2019
    kind: 'months-of-year',
    priority: 4,
    re: /(?:trong\s+)?(\d{1,2}|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?/g,
    build: (m, ctx) => {
      const n = m[1] === 'sau' ? 6 : Number(m[1]);
      const year = m[3] ? +m[3] : ctx.year;
      if (year == null) return { ...none, problem: 'no_year' };
      if (n < 1 || n > 12) return { ...none, problem: 'invalid_date' };
      return m[2] === 'dau'
        ? { ...none, start: isoDate(year, 1, 1), due: isoDate(year, n, daysInMonth(year, n)) }
        : { ...none, start: isoDate(year, 13 - n, 1), due: isoDate(year, 12, 31) };
    },
  },
  {
    // trong tháng 8/2019 · tháng 8 năm 2019 · tháng 8
    kind: 'month',
    priority: 3,
    re: new RegExp(String.raw`(?:(?:du kien\s+)?(?:trong|vao|cuoi|dau|giua)\s+)?${MONTH}`, 'g'),
    build: (m, ctx) => {
      const span = monthSpan(+m[1], fullYear(m[2]) ?? (m[3] ? +m[3] : null) ?? ctx.year);
      return {
        ...none,
        start: span.start,
        due: span.due,
        problem: span.problem,
        tentative: m[0].startsWith('du kien'),
      };
    },
  },
  {
    // năm 2019 · trong năm 2019
    kind: 'year',
    priority: 2,
    re: /(?:trong\s+)?nam\s+(\d{4})(?!\d)/g,
    build: (m) => ({ ...none, start: isoDate(+m[1], 1, 1), due: isoDate(+m[1], 12, 31) }),
  },
  {
    // hằng tháng · hàng quý · định kỳ hằng năm · thường xuyên
    kind: 'recurring',
    priority: 1,
    re: /(?:dinh ky\s+)?(?:hang|moi)\s+(ngay|tuan|thang|quy|nam)(?![a-z])|dinh ky\s+(6 thang|sau thang)|thuong xuyen|lien tuc/g,
    build: (m) => {
      const word = m[1] ?? (m[2] ? 'half' : 'continuous');
      const recurrence = (
        {
          ngay: 'daily',
          tuan: 'weekly',
          thang: 'monthly',
          quy: 'quarterly',
          nam: 'yearly',
          half: 'half-yearly',
          continuous: 'continuous',
        } as const
      )[word as 'ngay'];
      return { ...none, recurrence };
    },
  },
];

/** A document number and symbol just before a date: "09-ĐA/TU, ngày 28/12/2018", "số 35-NQ/TW ngày". */
const citedDocumentBefore = /\d+\s*[-–]\s*[A-ZĐ]{1,6}\/[A-ZĐ0-9\-–]{1,12}\s*(?:,\s*)?(?:ban hành\s+)?$/u;

/** Every date phrase in a sentence, left to right, without overlaps (the longest wins). */
export function findDatePhrases(text: string, ctx: DateContext = {}): DateFinding[] {
  const source = text.normalize('NFC');
  const folded = foldInPlace(source);
  type Hit = { rule: Rule; m: RegExpExecArray };
  const hits: Hit[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(folded))) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      // phrases start at word boundaries: "quy" must not be the end of "tiêu quy"…
      const before = folded[m.index - 1];
      if (before && /[a-z0-9/-]/.test(before)) continue;
      hits.push({ rule, m });
    }
  }
  hits.sort((a, b) => a.m.index - b.m.index || b.m[0].length - a.m[0].length || b.rule.priority - a.rule.priority);
  const chosen: Hit[] = [];
  for (const hit of hits) {
    const last = chosen[chosen.length - 1];
    const end = hit.m.index + hit.m[0].length;
    if (last && hit.m.index < last.m.index + last.m[0].length) {
      const lastEnd = last.m.index + last.m[0].length;
      // an overlapping longer phrase replaces the shorter one that started at the same place or earlier
      if (end - hit.m.index > lastEnd - last.m.index && hit.m.index <= last.m.index) chosen[chosen.length - 1] = hit;
      continue;
    }
    chosen.push(hit);
  }
  return chosen.map(({ rule, m }) => {
    const built = rule.build(m, ctx);
    const index = m.index;
    const end = index + m[0].replace(/\s+$/, '').length;
    const written = source.slice(index, end);
    const tentative =
      built.tentative || /du kien\s*(?:to chuc\s*)?(?:vao\s*)?$/.test(folded.slice(Math.max(0, index - 20), index));
    return {
      kind: built.kind ?? rule.kind,
      start: built.start,
      due: built.due,
      tentative,
      recurrence: built.recurrence,
      text: written,
      index,
      end,
      reference: citedDocumentBefore.test(source.slice(Math.max(0, index - 40), index)),
      problem: built.problem,
    };
  });
}

export type DateSummary = {
  start: string | null;
  due: string | null;
  tentative: boolean;
  recurrence: Recurrence | null;
  kind: DateKind | null;
  text: string | null;
  problems: DateFinding[];
};

/**
 * The dates of one piece of work from its sentence: the first usable phrase, with a start-only
 * phrase completed by a later deadline ("từ ngày 01/7/2019 … hoàn thành trước ngày 30/7/2019").
 * Dates of cited documents are ignored.
 */
export function summariseDates(findings: DateFinding[]): DateSummary {
  const usable = findings.filter((f) => !f.reference && !f.problem);
  const problems = findings.filter((f) => !f.reference && f.problem);
  const empty: DateSummary = {
    start: null,
    due: null,
    tentative: false,
    recurrence: null,
    kind: null,
    text: null,
    problems,
  };
  const dated = usable.filter((f) => f.start || f.due);
  const recurring = usable.find((f) => f.recurrence);
  if (!dated.length)
    return recurring ? { ...empty, recurrence: recurring.recurrence, kind: 'recurring', text: recurring.text } : empty;
  const from = dated.find((f) => f.kind === 'from');
  const until =
    from &&
    dated.find(
      (f) => f.index > from.index && f.due && f.due >= from.start! && (f.kind === 'deadline' || f.kind === 'day'),
    );
  if (from && until) {
    return {
      start: from.start,
      due: until.due,
      tentative: from.tentative || until.tentative,
      recurrence: recurring?.recurrence ?? null,
      kind: 'range',
      text: `${from.text} … ${until.text}`,
      problems,
    };
  }
  // the most telling phrase wins: a deadline or a span over "năm 2019" said in passing
  const rank: Record<DateKind, number> = {
    range: 0,
    deadline: 1,
    day: 2,
    from: 3,
    month: 4,
    quarter: 5,
    'months-of-year': 6,
    year: 7,
    recurring: 8,
  };
  const first = [...dated].sort((a, b) => rank[a.kind] - rank[b.kind] || a.index - b.index)[0];
  const start = first.start;
  let due = first.due;
  let text = first.text;
  if (!due) {
    const later = dated.find((f) => f !== first && f.index > first.index && f.due && (!start || f.due >= start));
    if (later) {
      due = later.due;
      text = `${first.text} … ${later.text}`;
    }
  }
  return {
    start,
    due,
    tentative: first.tentative,
    recurrence: recurring?.recurrence ?? null,
    kind: first.kind,
    text,
    problems,
  };
}

/** Shorthand for tests and callers with one phrase: the summary of everything found in it. */
export function parseDatePhrase(text: string, ctx: DateContext = {}): DateSummary {
  return summariseDates(findDatePhrases(text, ctx));
}
