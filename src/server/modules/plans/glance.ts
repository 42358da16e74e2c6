import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { visibilityOf } from './access.ts';
import { activityViews, visibleActivities } from './activities.ts';
import type { Section } from './schema.ts';
import { addDays, daysUntil, type ActivityStatus } from './status.ts';

/**
 * The plan at a glance, for the leader's home page (ADR 30): the plan in force on `today` (a
 * top-level plan whose period holds the day, else the latest one), its sections (content and the
 * organisation's duties, the smallest listed) with
 * their activities by status and a status of their own, what is overdue and who leads it, what
 * starts or falls due in the coming week, and the day of the activity another module reports as
 * the ceremony (`ceremony.held`). Only for callers who see the whole plan.
 */
export async function planGlance(platform: Platform, caller: Caller, today: string) {
  const vis = await visibilityOf(platform, caller);
  if (!vis.all) return null;
  const db = platform.db;
  const inForce = await db
    .selectFrom('plans')
    .selectAll()
    .where('parent_plan_id', 'is', null)
    .where((w) => w.or([w('period_start', 'is', null), w('period_start', '<=', today)]))
    .where((w) => w.or([w('period_due', 'is', null), w('period_due', '>=', today)]))
    .orderBy('period_due', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const plan =
    inForce ??
    (await db
      .selectFrom('plans')
      .selectAll()
      .where('parent_plan_id', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst());
  if (!plan) return null;
  const views = await activityViews(platform, plan, await visibleActivities(db, plan, vis), today);
  // The content and the organisation's duties; a section whose subsections are listed gives way
  // to them (keeping only the activities written directly under it).
  const sections = (JSON.parse(plan.sections_json) as Section[]).filter(
    (s) => s.role === 'content' || s.role === 'organisation',
  );
  const count = (list: typeof views) => {
    const c: Record<ActivityStatus, number> = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
    for (const a of list) c[a.status]++;
    return c;
  };
  const statusOfSection = (c: Record<ActivityStatus, number>, total: number) =>
    total === 0
      ? ('empty' as const)
      : c.overdue > 0
        ? ('overdue' as const)
        : c.in_progress > 0
          ? ('in_progress' as const)
          : ('done' as const);
  const sectionList = sections
    .map((s) => {
      const split = sections.some((c) => c.path.startsWith(`${s.path}.`));
      const mine = views.filter((a) => a.section === s.path || (!split && a.section.startsWith(`${s.path}.`)));
      const counts = count(mine);
      return {
        path: s.path,
        marker: s.marker,
        // a numbered paragraph of duties has no heading of its own: its first activity names it
        title: s.title || mine[0]?.title || '',
        total: mine.length,
        counts,
        status: statusOfSection(counts, mine.length),
      };
    })
    .filter((s) => s.total > 0);
  const lead = (a: (typeof views)[number]) => ({
    names: a.lead.map((u) => u.shortName ?? u.name),
    count: a.leadCount,
  });
  const overdue = views
    .filter((a) => a.status === 'overdue')
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
    .map((a) => ({
      id: a.id,
      ref: a.ref,
      title: a.title,
      due: a.due,
      daysOverdue: a.due ? -daysUntil(a.due, today) : 0,
      lead: lead(a),
    }));
  const weekEnd = addDays(today, 6);
  const within = (d: string | null) => d !== null && d >= today && d <= weekEnd;
  const thisWeek = views
    .filter((a) => a.doneOn === null && (within(a.start) || within(a.due)))
    .map((a) => ({
      id: a.id,
      ref: a.ref,
      title: a.title,
      start: a.start,
      due: a.due,
      lead: lead(a),
    }))
    .sort((a, b) =>
      ((within(a.start) ? a.start : a.due) ?? '').localeCompare((within(b.start) ? b.start : b.due) ?? ''),
    );
  const ceremonyActivity = views.find((a) => a.statusSources.includes('ceremony.held'));
  const ceremonyOn = ceremonyActivity ? (ceremonyActivity.start ?? ceremonyActivity.due) : null;
  return {
    plan: { id: plan.id, title: plan.title, number: plan.number, symbolSuffix: plan.symbol_suffix },
    counts: count(views),
    total: views.length,
    sections: sectionList,
    overdue,
    thisWeek,
    ceremony: ceremonyActivity
      ? {
          activityId: ceremonyActivity.id,
          title: ceremonyActivity.title,
          on: ceremonyOn,
          daysLeft: ceremonyOn ? daysUntil(ceremonyOn, today) : null,
        }
      : null,
  };
}
