import {
  parsePeriodId,
  periodLabel,
  periodOfDate,
  periodsBetween,
  previous,
  type CalendarPeriodType,
} from '../../../common/periods.ts';
import type { Template } from './api.ts';

/**
 * A template's periods as the screens offer them: the one running today (by the template's
 * regime: under the 15→14 cut-off 27/11 is already December's), the one before it (reports are
 * due after a window closes), and runs of them for the period pickers.
 */
type PeriodSource = Pick<Template, 'periodType' | 'regime' | 'campaign' | 'campaignPeriodId'>;

/** How many periods back the pickers reach: two years of months, of quarters, of halves; five years. */
const reach: Record<CalendarPeriodType, number> = { monthly: 24, quarterly: 8, half_yearly: 4, yearly: 5 };

export function currentPeriod(t: PeriodSource, today: string): string {
  if (t.periodType === 'campaign') return t.campaignPeriodId ?? '';
  return periodOfDate(t.periodType, today, t.regime);
}

/** The periods a unit is most likely reporting on today: the one just closed, then the running one. */
export function duePeriods(t: PeriodSource, today: string): string[] {
  const now = currentPeriod(t, today);
  if (t.periodType === 'campaign') return now ? [now] : [];
  return [previous(now), now];
}

/** The last period whose window has closed: the one a completeness check is usually about. */
export function lastClosedPeriod(t: PeriodSource, today: string): string {
  const now = currentPeriod(t, today);
  return t.periodType === 'campaign' ? now : previous(now);
}

/** The periods of the template up to the running one, newest first, plus any asked for. */
export function periodChoices(t: PeriodSource, today: string, extra: (string | undefined)[] = []): string[] {
  const now = currentPeriod(t, today);
  if (t.periodType === 'campaign') return now ? [now] : [];
  let ids = periodsBetween(shiftBack(now, reach[t.periodType] - 1), now);
  const mine = extra.filter((p): p is string => !!p && parsePeriodId(p)?.type === t.periodType);
  for (const p of mine) if (!ids.includes(p)) ids = [...ids, p];
  return ids.sort().reverse();
}

/** The first period of the year the running one is in: the start of a dashboard's default range. */
export function startOfYear(t: PeriodSource, today: string): string {
  const now = currentPeriod(t, today);
  if (t.periodType === 'campaign') return now;
  let p = now;
  const year = parsePeriodId(now)!.year;
  while (parsePeriodId(previous(p))!.year === year) p = previous(p);
  return p;
}

function shiftBack(id: string, steps: number): string {
  let p = id;
  for (let i = 0; i < steps; i++) p = previous(p);
  return p;
}

/** "Tháng 8/2019", "Quý III/2019"; a campaign by its dates when known. */
export function periodName(periodId: string, lang: string, campaign?: { start: string; end: string } | null): string {
  const l = lang === 'en' ? 'en' : 'vi';
  if (parsePeriodId(periodId)) return periodLabel(periodId, l);
  if (campaign) return periodLabel({ id: periodId, start: campaign.start, end: campaign.end }, l);
  return periodId.replace(/^campaign:/, '');
}

/** The periods from `from` to `to`, or just one for a campaign; [] when the range is backwards or of the wrong type. */
export function periodRun(t: PeriodSource, from: string, to: string): string[] {
  if (t.periodType === 'campaign') return from === to ? [from] : [];
  const a = parsePeriodId(from);
  const b = parsePeriodId(to);
  if (!a || !b || a.type !== t.periodType || b.type !== t.periodType) return [];
  return periodsBetween(from, to);
}

/** A period in a few characters, for a chart's axis: 8/19, Q3/19, H1/19, 2019. */
export function shortPeriodName(periodId: string): string {
  const p = parsePeriodId(periodId);
  if (!p) return periodId.replace(/^campaign:/, '');
  const yy = String(p.year).slice(2);
  switch (p.type) {
    case 'monthly':
      return `${p.index}/${yy}`;
    case 'quarterly':
      return `Q${p.index}/${yy}`;
    case 'half_yearly':
      return `H${p.index}/${yy}`;
    case 'yearly':
      return String(p.year);
  }
}
