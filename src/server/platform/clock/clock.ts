import { isIsoDate, vietnamDay } from '../../../common/dates.ts';

/**
 * The system's one clock (ADR 30). Every "today" — a deadline's days left, an activity's status, a
 * reminder, a countdown — is read from `platform.clock()`, never from `new Date()`. With
 * `KYNIEM_DEMO_DATE` set, the clock starts on that day and runs on from it, the time of day kept:
 * the wall clock moved by a whole number of days. The wall clock itself (`platform.wallClock`)
 * stays for what must be real: sessions, sign-in throttling, logs.
 */
export type Clock = () => Date;

const DAY_MS = 86_400_000;

/** Whole days from the wall clock's Việt Nam day to `demoDate` (negative for a day in the past). */
export function demoOffsetDays(demoDate: string, wall: Date): number {
  if (!isIsoDate(demoDate)) throw new Error(`not a date: ${demoDate}`);
  const realDay = vietnamDay(wall);
  return Math.round((Date.parse(`${demoDate}T00:00:00Z`) - Date.parse(`${realDay}T00:00:00Z`)) / DAY_MS);
}

/**
 * The wall clock moved so that, at the moment this is called, its Việt Nam day is `demoDate`; it
 * runs on from there (tomorrow it reads the day after), with the time of day kept.
 */
export function demoClock(demoDate: string, wall: Clock = () => new Date()): Clock {
  const offset = demoOffsetDays(demoDate, wall()) * DAY_MS;
  return () => new Date(wall().getTime() + offset);
}

/** The system's clock for a configuration: the wall clock, or the demo clock when a demo date is set. */
export function systemClock(demoDate: string | undefined, wall: Clock): Clock {
  return demoDate ? demoClock(demoDate, wall) : wall;
}

/** The system's today (Việt Nam's calendar day) by its clock. */
export const todayOf = (clock: Clock): string => vietnamDay(clock());

/**
 * The first instant after Việt Nam's calendar day `day`, as ISO UTC text: a stored timestamp at or
 * after it happened after that day ("as of today" questions compare against it).
 */
export function endOfDay(day: string): string {
  if (!isIsoDate(day)) throw new Error(`not a date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + DAY_MS).toISOString();
}
