import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { planNotFound, visibilityOf, type Caller } from './access.ts';
import { activityViews, maySeePlan, progressOf, requirePlan, statusOf, visibleActivities } from './activities.ts';
import { countByStatus, milestonesOf, planHeader } from './plans.ts';
import { activityStatus, vietnamDay, type ActivityStatus } from './status.ts';

async function seen(platform: Platform, caller: Caller, planId: string) {
  const plan = await requirePlan(platform.db, planId);
  const vis = await visibilityOf(platform, caller);
  if (!(await maySeePlan(platform.db, plan, vis))) throw planNotFound();
  return { plan, vis };
}

/** Counts by status of what the caller sees of the plan. */
export async function planDashboard(platform: Platform, caller: Caller, planId: string) {
  const { plan, vis } = await seen(platform, caller, planId);
  const today = vietnamDay(platform.clock());
  const rows = await visibleActivities(platform.db, plan, vis);
  const progress = await progressOf(platform, plan, rows, today);
  const statuses = rows.map((a) => statusOf(a, progress.get(a.id)!, today));
  return { plan: planHeader(plan), today, total: rows.length, counts: countByStatus(statuses) };
}

/**
 * What each unit owes and what is late, one page of units at a time. The page of units comes
 * from the index on (plan_id, unit_id), so a page costs the same at 200 units as at 10,000; the
 * status of each (unit, activity) line is then computed by status.ts. `lateOnly` filters in SQL
 * with the same rule (not done, due before today) — see status.test.ts.
 */
export async function unitDashboard(
  platform: Platform,
  caller: Caller,
  planId: string,
  query: { page: number; pageSize: number; lateOnly?: boolean },
) {
  const { plan, vis } = await seen(platform, caller, planId);
  const today = vietnamDay(platform.clock());
  let units = platform.db.selectFrom('plan_activity_units as u').select('u.unit_id').where('u.plan_id', '=', plan.id);
  if (!vis.all) units = units.where('u.unit_id', 'in', vis.unitIds.length ? vis.unitIds.slice(0, 5000) : ['-']);
  if (query.lateOnly) {
    units = units
      .innerJoin('plan_activities as a', 'a.id', 'u.activity_id')
      .where('a.due_on', '<', today)
      .where('u.done_on', 'is', null)
      .where('a.done_on', 'is', null)
      .where('a.status_source', 'is', null);
  }
  const page = await units
    .groupBy('u.unit_id')
    .orderBy('u.unit_id')
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const hasMore = page.length > query.pageSize;
  const unitIds = page.slice(0, query.pageSize).map((r) => r.unit_id);
  const lines = unitIds.length
    ? await platform.db
        .selectFrom('plan_activity_units as u')
        .innerJoin('plan_activities as a', 'a.id', 'u.activity_id')
        .select([
          'u.unit_id',
          'u.role',
          'u.done_on as unit_done',
          'u.percent',
          'a.id',
          'a.ref',
          'a.title',
          'a.due_on',
          'a.done_on',
          'a.status_source',
        ])
        .where('u.plan_id', '=', plan.id)
        .where('u.unit_id', 'in', unitIds)
        .orderBy('a.position')
        .execute()
    : [];
  const sourced = await progressOf(
    platform,
    plan,
    await visibleActivities(platform.db, plan, { all: true }).then((r) => r.filter((a) => a.status_source !== null)),
    today,
  );
  const refs = await unitRefs(platform, unitIds);
  const items = unitIds.map((unitId) => {
    const mine = lines.filter((l) => l.unit_id === unitId);
    const statuses: ActivityStatus[] = [];
    const late: { id: string; ref: string; title: string; due: string | null }[] = [];
    for (const l of mine) {
      const doneOn = sourced.get(l.id)?.doneOn ?? l.unit_done ?? l.done_on;
      const s = activityStatus({ due: l.due_on, doneOn }, today);
      statuses.push(s);
      if (s === 'overdue') late.push({ id: l.id, ref: l.ref, title: l.title, due: l.due_on });
    }
    const u = refs.get(unitId);
    return {
      unit: { id: unitId, name: u?.name ?? '', shortName: u?.shortName ?? null, kind: u?.kind ?? null },
      lead: mine.filter((l) => l.role === 'lead').length,
      coordinating: mine.filter((l) => l.role === 'coordinating').length,
      counts: countByStatus(statuses),
      late,
    };
  });
  return { items, page: query.page, pageSize: query.pageSize, hasMore, today };
}

/** Activities with start, due and status, and the milestones: what a Gantt chart draws. */
export async function timeline(platform: Platform, caller: Caller, planId: string) {
  const { plan, vis } = await seen(platform, caller, planId);
  const today = vietnamDay(platform.clock());
  const views = await activityViews(platform, plan, await visibleActivities(platform.db, plan, vis), today);
  return {
    plan: planHeader(plan),
    today,
    activities: views.map((a) => ({
      id: a.id,
      ref: a.ref,
      section: a.section,
      title: a.title,
      start: a.start ?? a.due,
      due: a.due,
      tentative: a.tentative,
      status: a.status,
      statusLabel: a.statusLabel,
      percent: a.percent,
      doneOn: a.doneOn,
      lead: a.lead.map((u) => u.shortName ?? u.name),
      leadCount: a.leadCount,
    })),
    milestones: await milestonesOf(platform.db, plan.id),
  };
}

/** Deadlines (activities due and milestones) of one month, by day. */
export async function calendar(platform: Platform, caller: Caller, planId: string, month: string) {
  const { plan, vis } = await seen(platform, caller, planId);
  const today = vietnamDay(platform.clock());
  const rows = (await visibleActivities(platform.db, plan, vis)).filter((a) => a.due_on?.startsWith(month));
  const progress = await progressOf(platform, plan, rows, today);
  const milestones = (await milestonesOf(platform.db, plan.id)).filter((m) => m.due?.startsWith(month));
  const days = new Map<
    string,
    {
      date: string;
      activities: { id: string; ref: string; title: string; status: ActivityStatus }[];
      milestones: { id: string; title: string; tentative: boolean }[];
    }
  >();
  const at = (d: string) => days.get(d) ?? days.set(d, { date: d, activities: [], milestones: [] }).get(d)!;
  for (const a of rows)
    at(a.due_on!).activities.push({
      id: a.id,
      ref: a.ref,
      title: a.title,
      status: statusOf(a, progress.get(a.id)!, today),
    });
  for (const m of milestones) at(m.due!).milestones.push({ id: m.id, title: m.title, tentative: m.tentative });
  return { month, today, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}
