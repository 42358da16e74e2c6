import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { ancestorIds, enclosingGroupOf, groupMembersWithin, subtreeOf } from '../organisation/index.ts';
import type { Aggregation } from '../../../common/reportValues.ts';
import { decompose, memberPeriods, rollUpPeriods } from './periods.ts';
import type { Indicator, Template } from './model.ts';

/**
 * Live totals (ADR 11). `report_totals` holds, for every unit U, period P (the template's periods
 * and every longer period containing them), indicator and breakdown cell, the sum and count of
 * what U's subtree reported and what counts (submitted or approved, per template). It is kept in
 * the transaction of every change, by difference: the reporting unit's contribution to each
 * period it rolls up to is computed before and after the change from its own values (a few
 * dozen rows), and the difference is added to the unit and every ancestor. No rebuild step
 * exists, so a total is never stale; a moved subtree carries its totals from its old ancestors
 * to its new ones (`moveTotals`). A test holds the totals equal to a GROUP BY over the raw
 * values after every kind of change.
 *
 * What a unit contributes to P: `sum` and `average` add its values in P (sum and count);
 * `last` takes its latest value in P (count 1); `none` (dates, text) is not totalled.
 */
type Db = Kysely<Database>;
type Contribution = Map<string, { sum: number; count: number }>;
const key = (indicatorId: string, breakdown: string, period: string) =>
  `${indicatorId}\u0000${breakdown}\u0000${period}`;

export type TotalsScope = {
  template: Pick<Template, 'id' | 'periodType'>;
  indicators: Map<string, Pick<Indicator, 'id' | 'aggregation'>>;
};

async function contributionOf(db: Db, scope: TotalsScope, unitId: string, periodId: string): Promise<Contribution> {
  const out: Contribution = new Map();
  const aggregates = rollUpPeriods(scope.template, periodId);
  const members = new Map(aggregates.map((a) => [a, new Set(memberPeriods(scope.template, a))]));
  const all = [...new Set([...members.values()].flatMap((s) => [...s]))];
  const rows = await db
    .selectFrom('report_values as v')
    .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .select(['v.indicator_id', 'v.breakdown_key', 'v.period_id', 'v.num_value'])
    .where('s.template_id', '=', scope.template.id)
    .where('s.unit_id', '=', unitId)
    .where('s.counted', '=', 1)
    .where('s.period_id', 'in', all)
    .where('v.num_value', 'is not', null)
    .execute();
  const latest = new Map<string, string>();
  for (const r of rows) {
    const agg: Aggregation | undefined = scope.indicators.get(r.indicator_id)?.aggregation;
    if (!agg || agg === 'none') continue;
    for (const [a, inside] of members) {
      if (!inside.has(r.period_id)) continue;
      const k = key(r.indicator_id, r.breakdown_key, a);
      const v = Number(r.num_value);
      if (agg === 'last') {
        if ((latest.get(k) ?? '') > r.period_id) continue;
        latest.set(k, r.period_id);
        out.set(k, { sum: v, count: 1 });
      } else {
        const c = out.get(k) ?? { sum: 0, count: 0 };
        out.set(k, { sum: c.sum + v, count: c.count + 1 });
      }
    }
  }
  return out;
}

async function addToTotals(
  db: Db,
  templateId: string,
  unitIds: string[],
  deltas: { indicatorId: string; breakdown: string; period: string; sum: number; count: number }[],
) {
  const rows = unitIds.flatMap((unitId) =>
    deltas.map((d) => ({
      template_id: templateId,
      indicator_id: d.indicatorId,
      breakdown_key: d.breakdown,
      unit_id: unitId,
      period_id: d.period,
      sum: d.sum,
      count: d.count,
    })),
  );
  // bounded statements: 7 parameters a row, well under SQLite's and PostgreSQL's limits
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('report_totals')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['template_id', 'unit_id', 'period_id', 'indicator_id', 'breakdown_key']).doUpdateSet((eb) => ({
          sum: eb('report_totals.sum', '+', eb.ref('excluded.sum')),
          count: eb('report_totals.count', '+', eb.ref('excluded.count')),
        })),
      )
      .execute();
  }
}

/**
 * Runs `change` (which writes a submission's values or status) and carries its effect into the
 * totals of the unit and its ancestors, all in the caller's transaction.
 */
export async function withLiveTotals<T>(
  db: Db,
  scope: TotalsScope,
  unitId: string,
  periodId: string,
  change: () => Promise<T>,
): Promise<T> {
  const before = await contributionOf(db, scope, unitId, periodId);
  const result = await change();
  const after = await contributionOf(db, scope, unitId, periodId);
  const deltas: { indicatorId: string; breakdown: string; period: string; sum: number; count: number }[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k) ?? { sum: 0, count: 0 };
    const a = after.get(k) ?? { sum: 0, count: 0 };
    if (a.sum === b.sum && a.count === b.count) continue;
    const [indicatorId, breakdown, period] = k.split('\u0000');
    deltas.push({ indicatorId, breakdown, period, sum: a.sum - b.sum, count: a.count - b.count });
  }
  if (deltas.length) {
    await addToTotals(db, scope.template.id, await ancestorIds(db, unitId), deltas);
  }
  return result;
}

/**
 * A subtree moved (organisation module, in its transaction): the moved unit's own totals are
 * everything its subtree reported, so they leave the ancestors it no longer has and join the new.
 */
export async function moveTotals(
  db: Db,
  unitId: string,
  oldAncestors: string[],
  newAncestors: string[],
): Promise<void> {
  const leaving = oldAncestors.filter((a) => a !== unitId && !newAncestors.includes(a));
  const joining = newAncestors.filter((a) => a !== unitId && !oldAncestors.includes(a));
  if (!leaving.length && !joining.length) return;
  const own = await db
    .selectFrom('report_totals')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('count', '!=', 0)
    .execute();
  const byTemplate = new Map<string, typeof own>();
  for (const r of own) byTemplate.set(r.template_id, [...(byTemplate.get(r.template_id) ?? []), r]);
  for (const [templateId, rows] of byTemplate) {
    const deltas = (sign: number) =>
      rows.map((r) => ({
        indicatorId: r.indicator_id,
        breakdown: r.breakdown_key,
        period: r.period_id,
        sum: sign * Number(r.sum),
        count: sign * Number(r.count),
      }));
    if (leaving.length) await addToTotals(db, templateId, leaving, deltas(-1));
    if (joining.length) await addToTotals(db, templateId, joining, deltas(1));
  }
}

export type TotalLine = { indicatorId: string; breakdownKey: string; sum: number; count: number; value: number | null };

/**
 * The totals of `unitId`'s subtree over the periods `from` … `to` (of the template's type): the
 * live path, a few rows per indicator whatever the number of units below.
 */
export async function subtreeTotals(
  db: Db,
  scope: TotalsScope,
  unitId: string,
  from: string,
  to: string,
  indicatorIds?: string[],
): Promise<TotalLine[]> {
  const pieces = decompose(scope.template, from, to);
  if (!pieces.length) return [];
  return combinePieces(scope, pieces, await pieceRows(db, scope, unitId, pieces, indicatorIds));
}

/** A unit's own total rows for the aligned pieces of a range: one indexed read. */
function pieceRows(db: Db, scope: TotalsScope, unitId: string, pieces: string[], indicatorIds?: string[]) {
  let q = db
    .selectFrom('report_totals')
    .select(['indicator_id', 'breakdown_key', 'period_id', 'sum', 'count'])
    .where('template_id', '=', scope.template.id)
    .where('unit_id', '=', unitId)
    .where('period_id', 'in', pieces)
    .where('count', '!=', 0);
  if (indicatorIds?.length) q = q.where('indicator_id', 'in', indicatorIds);
  return q.execute();
}

type PieceRow = {
  indicator_id: string;
  breakdown_key: string;
  period_id: string;
  sum: number | string;
  count: number | string;
};

/** Rows of aligned pieces (per indicator, cell and piece) → one line per indicator and cell over the whole range. */
function combinePieces(scope: TotalsScope, pieces: string[], rows: PieceRow[]): TotalLine[] {
  const order = new Map(pieces.map((p, i) => [p, i]));
  const acc = new Map<
    string,
    { indicatorId: string; breakdownKey: string; sum: number; count: number; lastPiece: number }
  >();
  for (const r of rows) {
    const agg = scope.indicators.get(r.indicator_id)?.aggregation;
    if (!agg || agg === 'none') continue;
    const k = `${r.indicator_id}\u0000${r.breakdown_key}`;
    const c = acc.get(k) ?? {
      indicatorId: r.indicator_id,
      breakdownKey: r.breakdown_key,
      sum: 0,
      count: 0,
      lastPiece: -1,
    };
    const piece = order.get(r.period_id)!;
    if (agg === 'last') {
      // over several pieces, the latest piece any unit reported in (exact for one period)
      if (piece > c.lastPiece) acc.set(k, { ...c, sum: Number(r.sum), count: Number(r.count), lastPiece: piece });
      else if (piece === c.lastPiece)
        acc.set(k, { ...c, sum: c.sum + Number(r.sum), count: c.count + Number(r.count) }); // several rows of one piece (a group's units) add up
    } else acc.set(k, { ...c, sum: c.sum + Number(r.sum), count: c.count + Number(r.count) });
  }
  return [...acc.values()]
    .filter((c) => c.count !== 0)
    .map((c) => {
      const agg = scope.indicators.get(c.indicatorId)!.aggregation;
      return {
        indicatorId: c.indicatorId,
        breakdownKey: c.breakdownKey,
        sum: c.sum,
        count: c.count,
        value: agg === 'average' ? (c.count ? c.sum / c.count : null) : c.sum,
      };
    });
}

/** One group of a group set within a subtree, and its totals; `groupId` null: the units in no group of the set. */
export type GroupTotals = { groupId: string | null; unitCount: number | null; lines: TotalLine[] };

/**
 * The totals of `unitId`'s subtree broken down by a group set (ownership, sector…). A value
 * belongs to the group of its unit's nearest grouped ancestor (or the unit itself): an
 * enterprise's Party committee and the enterprise are both "state-owned", and a cell under it is
 * too. From the live totals: each grouped unit adds its subtree's total to its group and takes it
 * away from the group of its nearest grouped ancestor inside the subtree; what the subtree's total
 * holds beyond every group belongs to the group of the subtree's own nearest grouped ancestor
 * above it, else to no group. The groups and the rest add up to the whole. The cost grows with
 * the number of grouped units in the subtree (index reads of their total rows, summed in SQL a
 * thousand units at a time), not with the number of values. The subtree's own total comes back
 * too (`whole`), read once.
 */
export async function groupSetTotals(
  db: Db,
  scope: TotalsScope,
  unitId: string,
  setId: string,
  from: string,
  to: string,
  indicatorIds?: string[],
): Promise<{ groups: GroupTotals[]; whole: TotalLine[] }> {
  const pieces = decompose(scope.template, from, to);
  if (!pieces.length) return { groups: [], whole: [] };
  const members = await groupMembersWithin(db, unitId, setId);
  const plus = new Map<string, string[]>();
  const minus = new Map<string, string[]>();
  const unitCount = new Map<string, number>();
  for (const m of members) {
    plus.set(m.groupId, [...(plus.get(m.groupId) ?? []), m.unitId]);
    const above = m.enclosingGroupId;
    if (above) minus.set(above, [...(minus.get(above) ?? []), m.unitId]);
    // a unit inside another of its own group (the enterprise under its Party committee) is not counted again
    if (above !== m.groupId) unitCount.set(m.groupId, (unitCount.get(m.groupId) ?? 0) + 1);
  }
  /** The summed total rows of some units, per indicator, cell and piece. */
  const summed = async (ids: string[], sign: 1 | -1) => {
    const out: PieceRow[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      let q = db
        .selectFrom('report_totals')
        .select([
          'indicator_id',
          'breakdown_key',
          'period_id',
          (eb) => eb.fn.sum<number>('sum').as('sum'),
          (eb) => eb.fn.sum<number>('count').as('count'),
        ])
        .where('template_id', '=', scope.template.id)
        .where('unit_id', 'in', ids.slice(i, i + 1000))
        .where('period_id', 'in', pieces)
        .where('count', '!=', 0);
      if (indicatorIds?.length) q = q.where('indicator_id', 'in', indicatorIds);
      for (const r of await q.groupBy(['indicator_id', 'breakdown_key', 'period_id']).execute())
        out.push({ ...r, sum: sign * Number(r.sum), count: sign * Number(r.count) });
    }
    return out;
  };
  const byGroup = new Map<string, PieceRow[]>();
  for (const groupId of new Set([...plus.keys(), ...minus.keys()])) {
    byGroup.set(groupId, [
      ...(await summed(plus.get(groupId) ?? [], 1)),
      ...(await summed(minus.get(groupId) ?? [], -1)),
    ]);
  }
  // What no group inside holds: the subtree's rows less every group's, piece by piece.
  const wholeRows = await pieceRows(db, scope, unitId, pieces, indicatorIds);
  const rest = new Map(
    wholeRows.map((r) => [
      key(r.indicator_id, r.breakdown_key, r.period_id),
      { ...r, sum: Number(r.sum), count: Number(r.count) },
    ]),
  );
  for (const rows of byGroup.values()) {
    for (const g of rows) {
      const k = key(g.indicator_id, g.breakdown_key, g.period_id);
      const r = rest.get(k);
      if (r) rest.set(k, { ...r, sum: r.sum - Number(g.sum), count: r.count - Number(g.count) });
    }
  }
  const restRows = [...rest.values()].filter((r) => r.count !== 0);
  const outer = await enclosingGroupOf(db, unitId, setId);
  if (outer) byGroup.set(outer, [...(byGroup.get(outer) ?? []), ...restRows]);
  const out: GroupTotals[] = [...new Set([...unitCount.keys(), ...byGroup.keys()])].map((groupId) => ({
    groupId,
    unitCount: unitCount.get(groupId) ?? 0,
    lines: combinePieces(scope, pieces, byGroup.get(groupId) ?? []),
  }));
  out.push({ groupId: null, unitCount: null, lines: outer ? [] : combinePieces(scope, pieces, restRows) });
  return { groups: out, whole: combinePieces(scope, pieces, wholeRows) };
}

/**
 * The same answer from the raw values with a plain GROUP BY over the subtree (what a system
 * without live totals does on every question): the reference the tests and the benchmark hold
 * the live totals to. Sum and count per indicator and cell.
 */
export async function subtreeTotalsFromValues(
  db: Db,
  templateId: string,
  unitId: string,
  periodIds: string[],
  indicatorIds?: string[],
) {
  if (!periodIds.length) return [];
  let q = db
    .selectFrom('report_values as v')
    .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .innerJoin(subtreeOf(db, unitId).as('c'), 'c.unit_id', 'v.unit_id')
    .select([
      'v.indicator_id',
      'v.breakdown_key',
      (eb) => eb.fn.sum<number>('v.num_value').as('sum'),
      (eb) => eb.fn.count<number>('v.num_value').as('count'),
    ])
    .where('v.template_id', '=', templateId)
    .where('v.period_id', 'in', periodIds)
    .where('s.counted', '=', 1)
    .where('v.num_value', 'is not', null);
  if (indicatorIds?.length) q = q.where('v.indicator_id', 'in', indicatorIds);
  const rows = await q.groupBy(['v.indicator_id', 'v.breakdown_key']).execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    breakdownKey: r.breakdown_key,
    sum: Number(r.sum),
    count: Number(r.count),
  }));
}
