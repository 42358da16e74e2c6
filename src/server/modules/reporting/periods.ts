import {
  campaign as campaignRef,
  contains,
  monthsOf,
  parentsOf,
  parsePeriodId,
  periodId,
  type PeriodRef,
} from '../../../common/periods.ts';
import type { Template } from './model.ts';

/**
 * How a template's periods roll up: a monthly report counts in its month, quarter, half-year and
 * year; a quarterly one in its quarter, half and year; a campaign's one period only. A range of
 * periods is answered from the fewest aligned pieces (Jan–Jun 2019 is 2019H1, Feb–Aug is
 * 02, 03, Q2, 07, 08), so a year costs one row per indicator, not twelve.
 */
export function isTemplatePeriod(template: Pick<Template, 'periodType' | 'code'>, id: string): boolean {
  if (template.periodType === 'campaign') return id === campaignId(template);
  const p = parsePeriodId(id);
  return p !== null && p.type === template.periodType;
}

export const campaignId = (template: Pick<Template, 'code'>) => `campaign:${template.code}`;

export function periodRef(template: Pick<Template, 'periodType' | 'code' | 'campaign'>, id: string): PeriodRef {
  return template.periodType === 'campaign' && template.campaign
    ? campaignRef(id, template.campaign.start, template.campaign.end)
    : id;
}

/** The periods a report of `id` counts in: itself and every longer period containing it. */
export function rollUpPeriods(template: Pick<Template, 'periodType'>, id: string): string[] {
  return template.periodType === 'campaign' ? [id] : [id, ...parentsOf(id)];
}

/** The template's own periods inside an aggregate period (e.g. the three months of a quarter). */
export function memberPeriods(template: Pick<Template, 'periodType'>, aggregate: string): string[] {
  if (template.periodType === 'campaign') return [aggregate];
  const p = parsePeriodId(aggregate);
  if (!p) return [];
  if (p.type === template.periodType) return [aggregate];
  const own = (m: string) =>
    template.periodType === 'monthly' ? m : parentsOf(m).find((x) => parsePeriodId(x)?.type === template.periodType);
  const ids = new Set<string>();
  for (const m of monthsOf(aggregate)) {
    const q = own(m);
    if (q && contains(aggregate, q)) ids.add(q);
  }
  return [...ids];
}

/** The fewest aligned periods that exactly cover `from` … `to` (both of the template's type). */
export function decompose(template: Pick<Template, 'periodType'>, from: string, to: string): string[] {
  if (template.periodType === 'campaign') return from === to ? [from] : [];
  const a = parsePeriodId(from);
  const b = parsePeriodId(to);
  if (!a || !b || a.type !== template.periodType || b.type !== template.periodType) return [];
  const months = (id: string) => monthsOf(id);
  const firstMonth = months(from)[0];
  const lastMonth = months(to).at(-1)!;
  if (firstMonth > lastMonth) return [];
  const pieces: string[] = [];
  let cursor = firstMonth;
  const order: ['yearly' | 'half_yearly' | 'quarterly' | 'monthly', number][] = [
    ['yearly', 12],
    ['half_yearly', 6],
    ['quarterly', 3],
    ['monthly', 1],
  ];
  const rank = { monthly: 0, quarterly: 1, half_yearly: 2, yearly: 3 } as const;
  while (cursor <= lastMonth) {
    const [y, m] = cursor.split('-').map(Number);
    let chosen: string | null = null;
    for (const [type, size] of order) {
      if (rank[type] < rank[template.periodType as keyof typeof rank]) continue;
      if ((m - 1) % size !== 0) continue;
      const id = type === 'monthly' ? cursor : periodId(type, y, (m - 1) / size + 1);
      const ms = months(id);
      if (ms.at(-1)! <= lastMonth) {
        chosen = id;
        break;
      }
    }
    if (!chosen) return [];
    pieces.push(chosen);
    const last = months(chosen).at(-1)!;
    const [ly, lm] = last.split('-').map(Number);
    cursor = lm === 12 ? `${ly + 1}-01` : `${ly}-${String(lm + 1).padStart(2, '0')}`;
  }
  return pieces;
}
