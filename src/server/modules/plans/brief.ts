import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

/**
 * A plan and its activities in brief — id, number, section, title, dates — for modules that hang
 * their own records off a plan's activities (the budget's estimates). No visibility rule applies
 * here: the caller's module decides who may see what it shows.
 */
export type PlanBrief = {
  id: string;
  title: string;
  number: string | null;
  activities: { id: string; ref: string; section: string; title: string; start: string | null; due: string | null }[];
};

export async function planBrief(platform: { db: Kysely<Database> }, planId: string): Promise<PlanBrief | null> {
  const plan = await platform.db
    .selectFrom('plans')
    .select(['id', 'title', 'number', 'symbol_suffix'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) return null;
  const rows = await platform.db
    .selectFrom('plan_activities')
    .select(['id', 'ref', 'section', 'title', 'start_on', 'due_on'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .limit(5000)
    .execute();
  return {
    id: plan.id,
    title: plan.title,
    number: plan.number ? `${plan.number}-KH/${plan.symbol_suffix ?? ''}` : null,
    activities: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      section: r.section,
      title: r.title,
      start: r.start_on,
      due: r.due_on,
    })),
  };
}

/** The plans that have an activity with this id (one at most), for a record that names only the activity. */
export async function planOfActivity(platform: { db: Kysely<Database> }, activityId: string) {
  const row = await platform.db
    .selectFrom('plan_activities')
    .select(['id', 'plan_id'])
    .where('id', '=', activityId)
    .executeTakeFirst();
  return row?.plan_id ?? null;
}
