/**
 * Reporting periods and their cut-offs: the arithmetic of periodic reporting and of the emulation
 * drive, pure and the same on both sides (no database, no clock, no time zone).
 *
 * A period is named by a stable id:
 *  - `2019-08` a month, `2019Q3` a quarter, `2019H1` / `2019H2` a half-year, `2019` a year
 *    (four-digit years 1000–9999);
 *  - a campaign (the emulation drive 15/6–30/8/2019) is one period with explicit dates and an id
 *    the caller chooses: a `Campaign` object, never parsed from its id.
 *
 * The days a period's data covers (its window) depend on the regime:
 *  - `calendar`: a month is its 1st to its last day; a quarter, a half, a year likewise;
 *  - `vn_cutoff`: the Vietnamese statistical reporting regime, where data is cut off on the 14th:
 *    month M runs from the 15th of M−1 to the 14th of M (January: 15/12 of the year before to
 *    14/01); a quarter, a half-year or a year from the 15th of the month before its first month to
 *    the 14th of its last month (Q1: 15/12 → 14/03; H1: 15/12 → 14/06; H2: 15/06 → 14/12; the
 *    year: 15/12 → 14/12). So 20/12/2019 belongs to January 2020 and to the year 2020.
 *
 * Windows are inclusive at both ends. Dates are ISO `YYYY-MM-DD` calendar days; a day is a day.
 * Functions given a malformed id or date throw a RangeError (a bug in the caller); only
 * `parsePeriodId` answers null, so it is the one to validate input with.
 */
import { formatDmy, parseIsoDate, shortDmy, toIsoDate, type DateParts, type IsoDate } from './dates.ts';

export const periodTypes = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'campaign'] as const;
export type PeriodType = (typeof periodTypes)[number];

/** The period types named by their id alone (every type but the campaign). */
export const calendarPeriodTypes = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type CalendarPeriodType = (typeof calendarPeriodTypes)[number];

export const regimes = ['calendar', 'vn_cutoff'] as const;
export type Regime = (typeof regimes)[number];

/** A parsed period id. `index`: month 1–12, quarter 1–4, half 1–2, year always 1. */
export type ParsedPeriod = { type: CalendarPeriodType; year: number; index: number };

/** One period with explicit dates (inclusive), e.g. `{ id: 'thi-dua-2019', start: '2019-06-15', end: '2019-08-30' }`. */
export type Campaign = { id: string; start: IsoDate; end: IsoDate };

/** A calendar period id, or a campaign. */
export type PeriodRef = string | Campaign;

/** The days a period's data covers, both ends included. */
export type PeriodWindow = { start: IsoDate; end: IsoDate };

/** The first and the last year a period id may name. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** Under `vn_cutoff` a window opens on this day of a month and closes on the day before it. */
export const CUTOFF_DAY = 15;

/** `periodsBetween` refuses ranges longer than this (a century of months). */
export const MAX_PERIODS_BETWEEN = 1200;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (integers only; no Date, so no year-0–99 or time zone surprises)

/** Gregorian leap years: every 4th, except centuries not divisible by 400 (1900 no, 2000 yes). */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDayOf(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1];
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function partsOf(date: IsoDate, what = 'date'): DateParts {
  const parts = typeof date === 'string' ? parseIsoDate(date) : null;
  if (!parts) throw new RangeError(`${what} is not a calendar date in YYYY-MM-DD form: "${String(date)}"`);
  return parts;
}

function plusDays(date: IsoDate, days: number): IsoDate {
  const parts = fromDayNumber(dayNumber(partsOf(date)) + days);
  if (parts.year < 1 || parts.year > 9999) throw new RangeError(`${date} + ${days} days is outside years 0001–9999`);
  return toIsoDate(parts);
}

/** Calendar days from `today` to `date`: positive before it, 0 on it, negative once past (the argument order of plans/status.ts `daysUntil`). */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return dayNumber(partsOf(date)) - dayNumber(partsOf(today, 'today'));
}

/** Whether `date` lies in the window (both ends included). */
export function inWindow(date: IsoDate, { start, end }: PeriodWindow): boolean {
  partsOf(date);
  partsOf(start, 'window start');
  partsOf(end, 'window end');
  return start <= date && date <= end;
}

// ---------------------------------------------------------------------------------------------
// Period ids

/** Months in one period of each type. */
const span: Record<CalendarPeriodType, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

const idPatterns: [CalendarPeriodType, RegExp][] = [
  ['monthly', /^([1-9]\d{3})-(0[1-9]|1[0-2])$/],
  ['quarterly', /^([1-9]\d{3})Q([1-4])$/],
  ['half_yearly', /^([1-9]\d{3})H([12])$/],
  ['yearly', /^([1-9]\d{3})$/],
];

/** `'2019-08'` → `{ type: 'monthly', year: 2019, index: 8 }`; null for anything malformed (`2019-13`, `2019Q5`, `2019-8`, `19`). */
export function parsePeriodId(id: string): ParsedPeriod | null {
  if (typeof id !== 'string') return null;
  for (const [type, pattern] of idPatterns) {
    const m = pattern.exec(id);
    if (m) return { type, year: Number(m[1]), index: m[2] === undefined ? 1 : Number(m[2]) };
  }
  return null;
}

/** `periodId('quarterly', 2019, 3)` → `'2019Q3'`; a year's index is 1 and may be left out. */
export function periodId(type: CalendarPeriodType, year: number, index = 1): string {
  const months = span[type];
  if (months === undefined) throw new RangeError(`not a calendar period type: "${String(type)}"`);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}: ${year}`);
  }
  if (!Number.isInteger(index) || index < 1 || index > 12 / months) {
    throw new RangeError(`index of a ${type} period must be from 1 to ${12 / months}: ${index}`);
  }
  switch (type) {
    case 'monthly':
      return `${year}-${String(index).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}Q${index}`;
    case 'half_yearly':
      return `${year}H${index}`;
    case 'yearly':
      return String(year);
  }
}

function parsed(id: string): ParsedPeriod {
  const p = parsePeriodId(id);
  if (!p) throw new RangeError(`not a period id: "${String(id)}"`);
  return p;
}

/** Months counted from year 0: year * 12 + (month − 1). */
type MonthOrdinal = number;

function monthRange({ type, year, index }: ParsedPeriod): [MonthOrdinal, MonthOrdinal] {
  const first = year * 12 + (index - 1) * span[type];
  return [first, first + span[type] - 1];
}

const monthIdOf = (ordinal: MonthOrdinal) => periodId('monthly', Math.floor(ordinal / 12), (ordinal % 12) + 1);

/** The period of `type` that contains the month. */
function periodOfMonth(type: CalendarPeriodType, ordinal: MonthOrdinal): string {
  const year = Math.floor(ordinal / 12);
  return periodId(type, year, Math.floor((ordinal % 12) / span[type]) + 1);
}

/** The period `steps` periods after (or before, when negative) this one. */
function shift(id: string, steps: number): string {
  const p = parsed(id);
  const perYear = 12 / span[p.type];
  const ordinal = p.year * perYear + p.index - 1 + steps;
  const year = Math.floor(ordinal / perYear);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`${id} ${steps >= 0 ? '+' : '−'} ${Math.abs(steps)} is outside years ${MIN_YEAR}–${MAX_YEAR}`);
  return periodId(p.type, year, (ordinal % perYear) + 1);
}

/** The period just before, of the same type: `2019-01` → `2018-12`, `2019Q1` → `2018Q4`. */
export function previous(id: string): string {
  return shift(id, -1);
}

/** The period just after, of the same type: `2019-12` → `2020-01`, `2019H2` → `2020H1`. */
export function next(id: string): string {
  return shift(id, 1);
}

/**
 * Every period from `fromId` to `toId`, both included, in order; both of the same type. Empty when
 * `toId` comes before `fromId`; refuses more than `MAX_PERIODS_BETWEEN` periods.
 */
export function periodsBetween(fromId: string, toId: string): string[] {
  const from = parsed(fromId);
  const to = parsed(toId);
  if (from.type !== to.type) throw new RangeError(`periods of different types: "${fromId}" and "${toId}"`);
  const perYear = 12 / span[from.type];
  const count = (to.year - from.year) * perYear + (to.index - from.index) + 1;
  if (count > MAX_PERIODS_BETWEEN)
    throw new RangeError(`${count} periods from ${fromId} to ${toId}: at most ${MAX_PERIODS_BETWEEN}`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => shift(fromId, i));
}

/** The month ids a period contains, in order (a month contains itself). */
export function monthsOf(id: string): string[] {
  const [first, last] = monthRange(parsed(id));
  return Array.from({ length: last - first + 1 }, (_, i) => monthIdOf(first + i));
}

/**
 * The larger periods that contain this one, smallest first: a month's quarter, half and year
 * (`2019-08` → `['2019Q3', '2019H2', '2019']`); a quarter's half and year; a half's year; a year none.
 */
export function parentsOf(id: string): string[] {
  const p = parsed(id);
  const [first] = monthRange(p);
  return calendarPeriodTypes.filter((t) => span[t] > span[p.type]).map((t) => periodOfMonth(t, first));
}

/** Whether every month of `innerId` is in `outerId` (a period contains itself). */
export function contains(outerId: string, innerId: string): boolean {
  const [outerFirst, outerLast] = monthRange(parsed(outerId));
  const [innerFirst, innerLast] = monthRange(parsed(innerId));
  return outerFirst <= innerFirst && innerLast <= outerLast;
}

// ---------------------------------------------------------------------------------------------
// Windows

function checkedCampaign(c: Campaign): Campaign {
  if (typeof c.id !== 'string' || c.id.trim() === '') throw new RangeError('a campaign needs an id');
  if (parsePeriodId(c.id)) throw new RangeError(`a campaign id must not be a calendar period id: "${c.id}"`);
  partsOf(c.start, 'campaign start');
  partsOf(c.end, 'campaign end');
  if (c.start > c.end) throw new RangeError(`campaign "${c.id}" ends (${c.end}) before it starts (${c.start})`);
  return c;
}

/** A campaign period, checked: a non-empty id that is not a calendar id, real dates, start ≤ end. */
export function campaign(id: string, start: IsoDate, end: IsoDate): Campaign {
  return checkedCampaign({ id, start, end });
}

/** The days a period's data covers, inclusive, under the regime (a campaign: its own dates, whatever the regime). */
export function periodWindow(period: PeriodRef, regime: Regime): PeriodWindow {
  if (typeof period !== 'string') {
    const { start, end } = checkedCampaign(period);
    return { start, end };
  }
  const [first, last] = monthRange(parsed(period));
  const at = (ordinal: MonthOrdinal, day: number | 'last') => {
    const year = Math.floor(ordinal / 12);
    const month = (ordinal % 12) + 1;
    return toIsoDate({ year, month, day: day === 'last' ? lastDayOf(year, month) : day });
  };
  switch (regime) {
    case 'calendar':
      return { start: at(first, 1), end: at(last, 'last') };
    case 'vn_cutoff':
      return { start: at(first - 1, CUTOFF_DAY), end: at(last, CUTOFF_DAY - 1) };
    default:
      throw new RangeError(`not a reporting regime: "${String(regime)}"`);
  }
}

/**
 * The period of `type` a day's data belongs to under the regime: 2019-12-20 is in `2019-12` by the
 * calendar, but in `2020-01` (and the year `2020`) under `vn_cutoff`.
 */
export function periodOfDate(type: CalendarPeriodType, date: IsoDate, regime: Regime): string {
  if (span[type] === undefined) throw new RangeError(`not a calendar period type: "${String(type)}"`);
  const { year, month, day } = partsOf(date);
  let ordinal = year * 12 + month - 1;
  if (regime === 'vn_cutoff') {
    if (day >= CUTOFF_DAY) ordinal += 1;
  } else if (regime !== 'calendar') {
    throw new RangeError(`not a reporting regime: "${String(regime)}"`);
  }
  return periodOfMonth(type, ordinal);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/** The level that reports (cell → grassroots → bloc); other levels may be named as plain strings. */
export type ReportLevel = 'cell' | 'grassroots' | 'bloc' | (string & {});

/**
 * When each level must report, counted in days after the end of the period's window:
 *  - `levels[].daysAfterEnd`: the level's due date is the window's end + these days;
 *  - `onTimeDays`: grace: a report still counts as on time up to the due date + these days (0: by the due date);
 *  - `lockDays`: the period locks (no more reports or changes) on the window's end + these days,
 *    which must come after every level's last on-time day.
 * All whole numbers from 0 to 3660 (about ten years); anything else is refused with a RangeError.
 */
export type DeadlineSchedule = {
  levels: readonly { level: ReportLevel; daysAfterEnd: number }[];
  onTimeDays: number;
  lockDays: number;
};

/** One level's dates: `due` as scheduled, `onTimeBy` the last day a report counts as on time. */
export type LevelDeadline = { level: ReportLevel; due: IsoDate; onTimeBy: IsoDate };

/** A period's deadlines: its window, each level's dates in the schedule's order, and the first locked day. */
export type PeriodDeadlines = { window: PeriodWindow; levels: LevelDeadline[]; lockOn: IsoDate };

function checkDays(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 3660)
    throw new RangeError(`${what} must be a whole number of days from 0 to 3660: ${value}`);
  return value;
}

/** The due date of each level and the lock date of a period, under the regime. */
export function deadlinesOf(period: PeriodRef, regime: Regime, schedule: DeadlineSchedule): PeriodDeadlines {
  const win = periodWindow(period, regime);
  const onTimeDays = checkDays(schedule.onTimeDays, 'onTimeDays');
  const lockDays = checkDays(schedule.lockDays, 'lockDays');
  const seen = new Set<string>();
  const levels = schedule.levels.map(({ level, daysAfterEnd }) => {
    if (typeof level !== 'string' || level.trim() === '') throw new RangeError('a schedule level needs a name');
    if (seen.has(level)) throw new RangeError(`level "${level}" is scheduled twice`);
    seen.add(level);
    checkDays(daysAfterEnd, `daysAfterEnd of "${level}"`);
    if (daysAfterEnd + onTimeDays >= lockDays) {
      throw new RangeError(
        `the period locks (${lockDays} days after its end) before "${level}" is out of time (${daysAfterEnd} + ${onTimeDays} days)`,
      );
    }
    const due = plusDays(win.end, daysAfterEnd);
    return { level, due, onTimeBy: plusDays(due, onTimeDays) };
  });
  return { window: win, levels, lockOn: plusDays(win.end, lockDays) };
}

export type Timeliness = 'on_time' | 'late';

/** On time when submitted on or before `due` (pass a level's `onTimeBy` to allow its grace days). */
export function timeliness(submittedOn: IsoDate, due: IsoDate): Timeliness {
  partsOf(submittedOn, 'submittedOn');
  partsOf(due, 'due');
  return submittedOn <= due ? 'on_time' : 'late';
}

/** Locked on `lockOn` and every day after it. */
export function isLocked(today: IsoDate, lockOn: IsoDate): boolean {
  partsOf(today, 'today');
  partsOf(lockOn, 'lockOn');
  return today >= lockOn;
}

// ---------------------------------------------------------------------------------------------
// Words

export type Lang = 'vi' | 'en';

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const roman = ['I', 'II', 'III', 'IV'];

/**
 * The name of a period in the interface: "Tháng 8/2019" / "August 2019", "Quý III/2019" / "Q3 2019",
 * "6 tháng đầu năm 2019" / "First half of 2019", "6 tháng cuối năm 2019" / "Second half of 2019",
 * "Năm 2019" / "Year 2019"; a campaign by its dates, "15/06/2019 – 30/08/2019".
 */
export function periodLabel(period: PeriodRef, lang: Lang): string {
  if (typeof period !== 'string') {
    const { start, end } = checkedCampaign(period);
    return `${formatDmy(start)} – ${formatDmy(end)}`;
  }
  const { type, year, index } = parsed(period);
  const vi = lang !== 'en';
  switch (type) {
    case 'monthly':
      return vi ? `Tháng ${index}/${year}` : `${englishMonths[index - 1]} ${year}`;
    case 'quarterly':
      return vi ? `Quý ${roman[index - 1]}/${year}` : `Q${index} ${year}`;
    case 'half_yearly':
      return vi
        ? `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`
        : `${index === 1 ? 'First' : 'Second'} half of ${year}`;
    case 'yearly':
      return vi ? `Năm ${year}` : `Year ${year}`;
  }
}

/**
 * The period as running text of a Vietnamese report names it, lower case: "tháng 8 năm 2019",
 * "quý III năm 2019", "6 tháng đầu năm 2019", "năm 2019"; a campaign "từ ngày 15/6/2019 đến ngày 30/8/2019".
 * A narrative report's title is "BÁO CÁO kết quả công tác " + this.
 */
export function periodPhrase(period: PeriodRef): string {
  if (typeof period !== 'string') {
    const { start, end } = checkedCampaign(period);
    return `từ ngày ${shortDmy(start)} đến ngày ${shortDmy(end)}`;
  }
  const { type, year, index } = parsed(period);
  switch (type) {
    case 'monthly':
      return `tháng ${index} năm ${year}`;
    case 'quarterly':
      return `quý ${roman[index - 1]} năm ${year}`;
    case 'half_yearly':
    case 'yearly':
      return periodLabel(period, 'vi').replace(/^N/, 'n');
  }
}

const reportWords: Record<PeriodType, { vi: string; en: string }> = {
  monthly: { vi: 'tháng', en: 'monthly' },
  quarterly: { vi: 'quý', en: 'quarterly' },
  half_yearly: { vi: '6 tháng', en: 'half-yearly' },
  yearly: { vi: 'năm', en: 'annual' },
  campaign: { vi: 'đợt', en: 'campaign' },
};

/**
 * The word naming a kind of report by its period, as in "BÁO CÁO … tháng" (a monthly report):
 * 'tháng', 'quý', '6 tháng', 'năm', 'đợt' (vi, the default); 'monthly', 'quarterly',
 * 'half-yearly', 'annual', 'campaign' (en). For one period's title use `periodPhrase`.
 */
export function reportTitle(type: PeriodType, lang: Lang = 'vi'): string {
  const words = reportWords[type];
  if (!words) throw new RangeError(`not a period type: "${String(type)}"`);
  return words[lang === 'en' ? 'en' : 'vi'];
}
