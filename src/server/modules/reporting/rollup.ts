import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireRead, type Caller } from './access.ts';
import { indicatorIdsOf } from './model.ts';
import { decompose, isTemplatePeriod } from './periods.ts';
import { scopeOf } from './submissions.ts';
import { findTemplate } from './templates.ts';
import { childUnits, listGroupSets } from '../organisation/index.ts';
import { groupSetTotals, subtreeTotals, type TotalLine } from './totals.ts';

/**
 * Reading the live totals: a unit's subtree over a range of periods, and the drill-down to its
 * child units for one period (a page of children, one indexed query).
 */
const wrongRange = () =>
  fail.validation([
    {
      in: 'query',
      path: 'to',
      code: 'wrong_range',
      messages: {
        vi: 'Khoảng kỳ báo cáo không hợp lệ: hai kỳ phải cùng loại với biểu mẫu, kỳ đầu không sau kỳ cuối.',
        en: "Not a valid range: both periods must be of the template's type, the first not after the last.",
      },
    },
  ]);

/** An indicator's figure from its lines (every breakdown cell): the sum, or the mean for an average; null when nothing counts. */
const valueOf = (lines: TotalLine[], indicatorId: string, aggregation: string | undefined): number | null => {
  const mine = lines.filter((l) => l.indicatorId === indicatorId);
  const sum = mine.reduce((a, l) => a + l.sum, 0);
  const count = mine.reduce((a, l) => a + l.count, 0);
  if (!count) return null;
  return aggregation === 'average' ? sum / count : sum;
};

export async function totalsOf(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; from: string; to: string; indicatorIds?: string[] },
) {
  const template = await findTemplate(platform, q.templateId);
  await requireRead(platform, caller, q.unitId);
  if (!isTemplatePeriod(template, q.from) || !isTemplatePeriod(template, q.to)) throw wrongRange();
  const pieces = decompose(template, q.from, q.to);
  if (!pieces.length) throw wrongRange();
  const { scope, indicators } = await scopeOf(platform, template);
  const lines = await subtreeTotals(platform.db, scope, q.unitId, q.from, q.to, q.indicatorIds);
  const ids = q.indicatorIds?.length ? q.indicatorIds : indicatorIdsOf(template);
  return {
    templateId: template.id,
    unitId: q.unitId,
    from: q.from,
    to: q.to,
    pieces,
    indicators: ids.map((id) => {
      const ind = indicators.get(id);
      const mine = lines.filter((l) => l.indicatorId === id);
      const count = mine.reduce((a, l) => a + l.count, 0);
      return {
        id,
        code: ind?.code ?? '',
        name: ind?.name ?? '',
        unit: ind?.unit ?? null,
        aggregation: ind?.aggregation ?? 'none',
        value: valueOf(mine, id, ind?.aggregation),
        count,
        breakdown: mine
          .filter((l) => l.breakdownKey !== '')
          .map((l) => ({ key: l.breakdownKey, value: l.value, count: l.count })),
      };
    }),
  };
}

/**
 * The subtree's totals over a range broken down by a group set (by ownership, by sector): one
 * line per group in the set's order, with the number of its units in the subtree, then the units
 * in no group, then the whole. The lines add up to the whole for sums.
 */
export async function groupTotalsOf(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; from: string; to: string; groupSetId: string; indicatorIds?: string[] },
) {
  const template = await findTemplate(platform, q.templateId);
  await requireRead(platform, caller, q.unitId);
  if (
    !isTemplatePeriod(template, q.from) ||
    !isTemplatePeriod(template, q.to) ||
    !decompose(template, q.from, q.to).length
  )
    throw wrongRange();
  const set = (await listGroupSets(platform)).items.find((x) => x.id === q.groupSetId);
  if (!set) throw fail.notFound({ vi: 'Không tìm thấy bộ nhóm đơn vị.', en: 'Group set not found.' });
  const { scope, indicators } = await scopeOf(platform, template);
  const ids = q.indicatorIds?.length
    ? indicatorIdsOf(template).filter((id) => q.indicatorIds!.includes(id))
    : indicatorIdsOf(template);
  const totalled = ids.filter((id) => (indicators.get(id)?.aggregation ?? 'none') !== 'none');
  const { groups, whole } = await groupSetTotals(platform.db, scope, q.unitId, set.id, q.from, q.to, totalled);
  const valuesOf = (lines: TotalLine[]) =>
    Object.fromEntries(totalled.map((id) => [id, valueOf(lines, id, indicators.get(id)?.aggregation)]));
  const rest = groups.find((g) => g.groupId === null);
  return {
    templateId: template.id,
    unitId: q.unitId,
    from: q.from,
    to: q.to,
    groupSet: { id: set.id, code: set.code, name: set.name },
    indicators: totalled.map((id) => {
      const ind = indicators.get(id)!;
      return { id, code: ind.code, name: ind.name, unit: ind.unit, aggregation: ind.aggregation };
    }),
    groups: set.groups.map((g) => {
      const mine = groups.find((x) => x.groupId === g.id);
      return {
        id: g.id,
        code: g.code,
        name: g.name,
        unitCount: mine?.unitCount ?? 0,
        values: valuesOf(mine?.lines ?? []),
      };
    }),
    ungrouped: { values: valuesOf(rest?.lines ?? []) },
    total: { values: valuesOf(whole) },
  };
}

export async function childTotals(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string; page: number; pageSize: number },
) {
  const template = await findTemplate(platform, q.templateId);
  await requireRead(platform, caller, q.unitId);
  if (!isTemplatePeriod(template, q.periodId) && !decompose(template, q.periodId, q.periodId).length)
    throw wrongRange();
  const { indicators } = await scopeOf(platform, template);
  const children = await childUnits(platform.db, q.unitId, {
    limit: q.pageSize + 1,
    offset: (q.page - 1) * q.pageSize,
  });
  const page = children.slice(0, q.pageSize);
  const rows = page.length
    ? await platform.db
        .selectFrom('report_totals')
        .select(['unit_id', 'indicator_id', 'breakdown_key', 'sum', 'count'])
        .where('template_id', '=', template.id)
        .where('period_id', '=', q.periodId)
        .where(
          'unit_id',
          'in',
          page.map((c) => c.id),
        )
        .where('count', '!=', 0)
        .execute()
    : [];
  return {
    periodId: q.periodId,
    items: page.map((c) => ({
      unit: { id: c.id, name: c.name, shortName: c.shortName, kind: c.kind },
      values: Object.fromEntries(
        indicatorIdsOf(template).map((id) => {
          const mine = rows.filter((r) => r.unit_id === c.id && r.indicator_id === id);
          const sum = mine.reduce((a, r) => a + Number(r.sum), 0);
          const count = mine.reduce((a, r) => a + Number(r.count), 0);
          return [id, count ? (indicators.get(id)?.aggregation === 'average' ? sum / count : sum) : null];
        }),
      ),
    })),
    page: q.page,
    pageSize: q.pageSize,
    hasMore: children.length > q.pageSize,
  };
}

/**
 * For other modules (the emulation drive's ranking, honours): each unit's own subtree total per
 * indicator for one period of a template, from the live totals. The caller checks who may see it.
 */
export async function totalsForUnits(
  platform: Pick<Platform, 'db'>,
  templateId: string,
  periodId: string,
  unitIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!unitIds.length) return out;
  const template = await findTemplate(platform, templateId);
  const { indicators } = await scopeOf(platform, template);
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await platform.db
      .selectFrom('report_totals')
      .select(['unit_id', 'indicator_id', 'sum', 'count'])
      .where('template_id', '=', templateId)
      .where('period_id', '=', periodId)
      .where('unit_id', 'in', unitIds.slice(i, i + 500))
      .where('count', '!=', 0)
      .execute();
    const acc = new Map<string, { sum: number; count: number }>();
    for (const r of rows) {
      const k = `${r.unit_id}\u0000${r.indicator_id}`;
      const c = acc.get(k) ?? { sum: 0, count: 0 };
      acc.set(k, { sum: c.sum + Number(r.sum), count: c.count + Number(r.count) });
    }
    for (const [k, c] of acc) {
      const [unitId, indicatorId] = k.split('\u0000');
      const agg = indicators.get(indicatorId)?.aggregation;
      if (!agg || agg === 'none') continue;
      const m = out.get(unitId) ?? new Map<string, number>();
      m.set(indicatorId, agg === 'average' ? c.sum / c.count : c.sum);
      out.set(unitId, m);
    }
  }
  return out;
}
