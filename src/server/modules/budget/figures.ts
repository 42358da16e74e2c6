import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Platform } from '../../platform/platform.ts';
import { planBrief } from '../plans/index.ts';
import { type Caller, planNotFound, requireBudget } from './access.ts';
import { fundingSources, type OverviewOut, type SourceFigures } from './schema.ts';
import type { FundingSource, SponsorKind } from './tables.ts';

/**
 * A plan's budget in figures (ADR 25), per funding source, per activity and per line: the approved
 * estimate, the funds (the Bloc's budget: its approved lines; social mobilisation and units'
 * contributions: what was received, money or the value in kind), what was spent, the variance
 * (estimate − spent) and the balance (funds − spent); beside them the funding side (ADR 41): what
 * sponsors pledged and the funding variance (funds − estimate: below zero, money still to raise), so
 * a sponsor's payment earmarked to an activity moves that activity's variance at once. The
 * overview, the settlement and the plan's status all read these.
 */
export const sourceOfSponsor = (kind: SponsorKind): FundingSource => (kind === 'unit' ? 'units' : 'mobilised');

export function sourceFigures(
  lines: { source: FundingSource; amount: number; spent: number }[],
  received: Map<FundingSource, number> | null,
  pledges: Map<FundingSource, number> | null = null,
): SourceFigures[] {
  return fundingSources.map((source) => {
    const mine = lines.filter((l) => l.source === source);
    const estimate = mine.reduce((s, l) => s + l.amount, 0);
    const spent = mine.reduce((s, l) => s + l.spent, 0);
    const funds = source === 'bloc' ? estimate : (received?.get(source) ?? 0);
    const pledged = source === 'bloc' ? estimate : (pledges?.get(source) ?? 0);
    return {
      source,
      estimate,
      pledged,
      funds,
      spent,
      variance: estimate - spent,
      fundingVariance: funds - estimate,
      balance: funds - spent,
    };
  });
}

const figureKeys = ['estimate', 'pledged', 'funds', 'spent', 'variance', 'fundingVariance', 'balance'] as const;
type Figures = Record<(typeof figureKeys)[number], number>;

const sum = (xs: Figures[]): Figures => {
  const t: Figures = { estimate: 0, pledged: 0, funds: 0, spent: 0, variance: 0, fundingVariance: 0, balance: 0 };
  for (const x of xs) for (const k of figureKeys) t[k] += x[k];
  return t;
};

type Db = Kysely<Database>;

/** The estimates of a plan with their approved lines and the spending against each line. */
export async function planLines(db: Db, planId: string) {
  const estimates = await db
    .selectFrom('budget_estimates')
    .selectAll()
    .where('plan_id', '=', planId)
    .limit(5000)
    .execute();
  const ids = estimates.map((e) => e.id);
  const versions = ids.length
    ? await db.selectFrom('budget_versions').selectAll().where('estimate_id', 'in', ids).orderBy('number').execute()
    : [];
  const approved = versions.filter((v) => v.status === 'approved');
  const lines = approved.length
    ? await db
        .selectFrom('budget_lines')
        .selectAll()
        .where(
          'version_id',
          'in',
          approved.map((v) => v.id),
        )
        .orderBy('position')
        .execute()
    : [];
  const spending = ids.length
    ? await db
        .selectFrom('budget_spending')
        .select(['estimate_id', 'line_key', 'amount'])
        .where('estimate_id', 'in', ids)
        .limit(200_000)
        .execute()
    : [];
  const spent = new Map<string, number>();
  for (const s of spending)
    spent.set(`${s.estimate_id}:${s.line_key}`, (spent.get(`${s.estimate_id}:${s.line_key}`) ?? 0) + s.amount);
  const versionEstimate = new Map(approved.map((v) => [v.id, v.estimate_id]));
  return {
    estimates: estimates.map((e) => {
      const vs = versions.filter((v) => v.estimate_id === e.id);
      const current = vs[vs.length - 1];
      const inForce = vs.find((v) => v.status === 'approved') ?? null;
      return { ...e, current, approved: inForce };
    }),
    lines: lines.map((l) => {
      const estimateId = versionEstimate.get(l.version_id)!;
      return { ...l, estimateId, spent: spent.get(`${estimateId}:${l.line_key}`) ?? 0 };
    }),
  };
}

/** Receipts (or, with `pledges`, pledges) of a plan's sponsors, by activity (null: the plan as a whole) and source. */
export async function planReceipts(
  db: Db,
  planId: string,
  table: 'budget_receipts' | 'budget_pledges' = 'budget_receipts',
) {
  const rows =
    table === 'budget_receipts'
      ? await db
          .selectFrom('budget_receipts as r')
          .innerJoin('budget_sponsors as s', 's.id', 'r.sponsor_id')
          .select(['r.activity_id', 'r.amount', 's.kind as sponsor_kind'])
          .where('s.plan_id', '=', planId)
          .limit(200_000)
          .execute()
      : await db
          .selectFrom('budget_pledges as r')
          .innerJoin('budget_sponsors as s', 's.id', 'r.sponsor_id')
          .select(['r.activity_id', 'r.amount', 's.kind as sponsor_kind'])
          .where('s.plan_id', '=', planId)
          .limit(200_000)
          .execute();
  const byActivity = new Map<string | null, Map<FundingSource, number>>();
  for (const r of rows) {
    const m = byActivity.get(r.activity_id) ?? new Map<FundingSource, number>();
    const source = sourceOfSponsor(r.sponsor_kind);
    m.set(source, (m.get(source) ?? 0) + r.amount);
    byActivity.set(r.activity_id, m);
  }
  return byActivity;
}

export async function settlementOf(db: Db, planId: string) {
  const row = await db.selectFrom('budget_settlements').selectAll().where('plan_id', '=', planId).executeTakeFirst();
  return row ? { closedOn: row.closed_on, note: row.note } : null;
}

export async function planOverview(platform: Platform, caller: Caller, planId: string): Promise<OverviewOut> {
  await requireBudget(platform, caller, 'budget.read');
  return overviewOf(platform, planId);
}

export async function overviewOf(platform: Pick<Platform, 'db'>, planId: string): Promise<OverviewOut> {
  const brief = await planBrief(platform, planId);
  if (!brief) throw planNotFound();
  const { estimates, lines } = await planLines(platform.db, planId);
  const receipts = await planReceipts(platform.db, planId);
  const pledges = await planReceipts(platform.db, planId, 'budget_pledges');
  const activities = brief.activities.map((a) => {
    const e = estimates.find((x) => x.activity_id === a.id) ?? null;
    const mine = e ? lines.filter((l) => l.estimateId === e.id) : [];
    const bySource = sourceFigures(mine, receipts.get(a.id) ?? null, pledges.get(a.id) ?? null);
    return {
      id: a.id,
      ref: a.ref,
      section: a.section,
      title: a.title,
      estimateId: e?.id ?? null,
      status: e?.current.status ?? null,
      versionNumber: e?.current.number ?? null,
      ...sum(bySource),
      bySource,
    };
  });
  const unassigned = receipts.get(null) ?? new Map<FundingSource, number>();
  const unpledged = pledges.get(null) ?? new Map<FundingSource, number>();
  const bySource = fundingSources.map((source) => {
    const parts = activities.map((a) => a.bySource.find((s) => s.source === source)!);
    const t = sum(parts);
    const extra = unassigned.get(source) ?? 0;
    return {
      source,
      ...t,
      pledged: t.pledged + (unpledged.get(source) ?? 0),
      funds: t.funds + extra,
      fundingVariance: t.fundingVariance + extra,
      balance: t.balance + extra,
    };
  });
  return {
    plan: { id: brief.id, title: brief.title, number: brief.number },
    settlement: await settlementOf(platform.db, planId),
    bySource,
    unassigned: {
      funds: [...unassigned.values()].reduce((s, x) => s + x, 0),
      pledged: [...unpledged.values()].reduce((s, x) => s + x, 0),
    },
    activities,
    totals: sum(bySource),
  };
}
