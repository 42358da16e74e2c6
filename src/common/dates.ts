/**
 * Calendar dates as Vietnamese readers write them. Dates travel as ISO `YYYY-MM-DD` text; these
 * helpers turn them into the forms people see and back:
 *  - `formatDmy('2019-09-06')` → "06/09/2019" (the interface's dd/mm/yyyy);
 *  - `shortDmy('2019-09-06')` → "06/9/2019" (the form running text of a Party document uses);
 *  - `dateWords('2019-09-05')` → "ngày 05 tháng 9 năm 2019" (the date line of a document);
 *  - `officialDate('2019-06-10', 'Thái Bình')` → "Thái Bình, ngày 10 tháng 6 năm 2019".
 * Only calendar dates, never times: no time zone ever shifts a day.
 */

export type IsoDate = string;

export type DateParts = { year: number; month: number; day: number };

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The parts of an ISO date, or null when it is not a real calendar date ("2019-02-30"). */
export function parseIsoDate(iso: string): DateParts | null {
  const m = isoPattern.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validParts(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function partsOf(iso: IsoDate): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`not a calendar date in YYYY-MM-DD form: "${iso}"`);
  return parts;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function toIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "2019-06-10" → "10/06/2019". */
export function formatDmy(iso: IsoDate): string {
  const { year, month, day } = partsOf(iso);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * "2019-09-06" → "06/9/2019": the day always in two digits, the month as the rule for the date
 * line has it (a leading zero only for January and February), as the seed plan writes its dates.
 */
export function shortDmy(iso: IsoDate): string {
  const { year, month, day } = partsOf(iso);
  return `${pad2(day)}/${officialMonth(month)}/${year}`;
}

/**
 * Reads a date typed as d/m/yyyy (also with "-" or "." between, and one- or two-digit day and
 * month): "6/9/2019", "06/09/2019", "06-9-2019" → "2019-09-06". Null for anything else,
 * including dates that do not exist ("31/4/2019") and two-digit years.
 */
export function parseDmy(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return validParts(year, month, day) ? toIsoDate({ year, month, day }) : null;
}

/** Day numbers below 10 take a leading zero: 5 → "05", 10 → "10". */
export function officialDay(day: number): string {
  return pad2(day);
}

/** Months 1 and 2 take a leading zero ("01", "02") so they cannot be extended by hand; 3–12 do not. */
export function officialMonth(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

/** "2019-09-05" → "ngày 05 tháng 9 năm 2019". */
export function dateWords(iso: IsoDate): string {
  const { year, month, day } = partsOf(iso);
  return `ngày ${officialDay(day)} tháng ${officialMonth(month)} năm ${year}`;
}

/**
 * The place-and-date line of an official document:
 * `officialDate('2019-06-10', 'Thái Bình')` → "Thái Bình, ngày 10 tháng 6 năm 2019".
 * Without a place, just the date words. A null date leaves the day and month blank to be filled
 * in by hand when the document is signed: "Thái Bình, ngày      tháng      năm 2019".
 */
export function officialDate(iso: IsoDate | null, place?: string, blankYear?: number): string {
  const words = iso === null ? `ngày ${blank} tháng ${blank} năm ${blankYear ?? ''}`.trimEnd() : dateWords(iso);
  const where = place?.trim();
  return where ? `${where}, ${words}` : words;
}

/** The gap left in a number or date for a hand to fill in (non-breaking, so it never collapses). */
export const blank = '\u00a0'.repeat(6);

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// en-CA formats as YYYY-MM-DD; one formatter per zone, made once (a request asks for today often).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

// Việt Nam has kept UTC+7, without summer time, since 13 June 1975: from 1976 on its day is
// worked out by arithmetic (Intl's formatter costs a few µs, and a request may ask twice).
const VIETNAM_FIXED_FROM = Date.UTC(1976, 0, 1);
const VIETNAM_OFFSET_MS = 7 * 3600_000;
let lastVietnamDay = { index: Number.NaN, iso: '' };

/** Today's date (in the given time zone, Vietnam's by default) as ISO text. */
export function todayIso(now: Date = new Date(), timeZone = VIETNAM_TIME_ZONE): IsoDate {
  const t = now.getTime();
  if (timeZone === VIETNAM_TIME_ZONE && t >= VIETNAM_FIXED_FROM) {
    const index = Math.floor((t + VIETNAM_OFFSET_MS) / 86_400_000);
    if (index !== lastVietnamDay.index) {
      lastVietnamDay = { index, iso: new Date(index * 86_400_000).toISOString().slice(0, 10) };
    }
    return lastVietnamDay.iso;
  }
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The calendar day in Việt Nam at this instant, as YYYY-MM-DD (todayIso under the plans' name). */
export const vietnamDay = (instant: Date): IsoDate => todayIso(instant);

/** Days from `today` to `due` (negative once past), by calendar days. */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The instant of `hour` o'clock on a Việt Nam day (UTC+7, no daylight saving), e.g. when the day's reminders go out. */
export function vietnamHour(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000);
}
