import type { Kysely } from 'kysely';
import { vietnamHour } from '../../../common/dates.ts';
import type { Database } from '../../platform/db/tables.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import { newId } from '../../platform/db/ids.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import type { Platform } from '../../platform/platform.ts';
import { progressOf, statusOf } from './activities.ts';
import { addDays, vietnamDay } from './status.ts';
import { EMAIL_JOB, emailChannel, sendNotificationEmail } from './emailChannel.ts';

/**
 * Reminders before a deadline and when overdue, through the job queue. Once a day a sweep job
 * enqueues one job per plan (dedupe key: plan and day, so every process may enqueue it); a plan's
 * job writes an in-app notification to each user who reports for a lead unit of an activity due
 * within `REMIND_DAYS_BEFORE` days, or overdue. A notification's dedupe key (kind, activity,
 * user) makes it once only, however often the job runs.
 *
 * Delivery beyond the in-app list goes through `NotificationChannel`s: e-mail (emailChannel.ts)
 * is one, and sends only when SMTP is configured.
 */
export const REMIND_DAYS_BEFORE = 3;
export const SWEEP_JOB = 'plans.reminders.sweep';
export const PLAN_JOB = 'plans.reminders.plan';

export type NotificationMessage = {
  userId: string;
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link: string | null;
  entityType: string;
  entityId: string;
  dedupeKey: string;
};

export interface NotificationChannel {
  name: string;
  send(platform: Platform, message: NotificationMessage): Promise<void>;
}

const channels: NotificationChannel[] = [];
/** The extension point: a channel is registered once per process and decides per platform whether it sends. */
export function registerNotificationChannel(channel: NotificationChannel): void {
  if (!channels.some((c) => c.name === channel.name)) channels.push(channel);
}

/** Stores the notification once (by its dedupe key); returns whether it is new. */
export async function notify(platform: Platform, message: NotificationMessage): Promise<boolean> {
  const inserted = await platform.db
    .insertInto('notifications')
    .values({
      id: newId(platform.clock().getTime()),
      user_id: message.userId,
      kind: message.kind,
      title_vi: message.title.vi,
      title_en: message.title.en,
      body_vi: message.body.vi,
      body_en: message.body.en,
      link: message.link,
      entity_type: message.entityType,
      entity_id: message.entityId,
      dedupe_key: message.dedupeKey,
      created_at: platform.clock().toISOString(),
      read_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  for (const c of channels) {
    await c
      .send(platform, message)
      .catch((err) => platform.logger.warn('notification channel failed', { channel: c.name, err }));
  }
  return true;
}

const reportingRoles = () => rolesHolding('plans.report').filter((r) => r !== 'system_admin');

/** Users who report for the unit: a grant carrying plans.report on the unit or above it (not the everywhere grants). */
async function reportersOf(
  platform: Platform,
  db: Kysely<Database>,
  unitId: string,
  grants: { userId: string; unitId: string | null }[],
) {
  const users: string[] = [];
  for (const g of grants) if (g.unitId && (await platform.unitScope.isWithin(unitId, g.unitId))) users.push(g.userId);
  void db;
  return [...new Set(users)];
}

export async function remindPlan(platform: Platform, planId: string): Promise<number> {
  const db = platform.db;
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return 0;
  const today = vietnamDay(platform.clock());
  const horizon = addDays(today, REMIND_DAYS_BEFORE);
  const rows = await db
    .selectFrom('plan_activities')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('due_on', 'is not', null)
    .where('due_on', '<=', horizon)
    .limit(2000)
    .execute();
  const progress = await progressOf(platform, plan, rows, today);
  const grants = await activeRoleHolders(db, { roles: reportingRoles(), limit: 50_000 });
  let sent = 0;
  for (const a of rows) {
    const status = statusOf(a, progress.get(a.id)!, today);
    if (status !== 'in_progress' && status !== 'overdue') continue;
    const kind = status === 'overdue' ? 'plan.overdue' : 'plan.due_soon';
    const leads = await db
      .selectFrom('plan_activity_units')
      .select(['unit_id', 'done_on'])
      .where('activity_id', '=', a.id)
      .where('role', '=', 'lead')
      .limit(20_000)
      .execute();
    for (const lead of leads) {
      if (lead.done_on) continue;
      for (const userId of await reportersOf(platform, db, lead.unit_id, grants)) {
        const due = a.due_on!.split('-').reverse().join('/');
        const fresh = await notify(platform, {
          userId,
          kind,
          title:
            status === 'overdue'
              ? { vi: `Quá hạn: ${a.title}`, en: `Overdue: ${a.title}` }
              : { vi: `Sắp đến hạn (${due}): ${a.title}`, en: `Due soon (${due}): ${a.title}` },
          body:
            status === 'overdue'
              ? {
                  vi: `Nhiệm vụ hết hạn ngày ${due} nhưng đơn vị chưa báo cáo hoàn thành.`,
                  en: `The activity was due on ${due} and your unit has not reported it done.`,
                }
              : {
                  vi: `Nhiệm vụ cần hoàn thành trước hết ngày ${due}.`,
                  en: `The activity must be done by the end of ${due}.`,
                },
          link: `/plans/${plan.id}/activities/${a.id}`,
          entityType: 'plan_activity',
          entityId: a.id,
          dedupeKey: `${kind}:${a.id}:${userId}`,
        });
        if (fresh) sent++;
      }
    }
  }
  return sent;
}

/** Enqueues today's job for every plan with something due, and tomorrow's sweep. */
export async function sweepReminders(platform: Platform): Promise<void> {
  const today = vietnamDay(platform.clock());
  const plans = await platform.db
    .selectFrom('plans')
    .select('id')
    .where((w) =>
      w.exists(
        w
          .selectFrom('plan_activities as a')
          .select('a.id')
          .whereRef('a.plan_id', '=', 'plans.id')
          .where('a.done_on', 'is', null)
          .where('a.due_on', 'is not', null),
      ),
    )
    .limit(10_000)
    .execute();
  for (const p of plans)
    await platform.jobs.enqueue(
      PLAN_JOB,
      { planId: p.id },
      { dedupeKey: `${PLAN_JOB}:${p.id}:${today}`, maxAttempts: 3 },
    );
  await scheduleReminders(platform, addDays(today, 1));
}

/** The sweep of `day` at the reminders' hour in Việt Nam (KYNIEM_REMINDER_HOUR: 07:00, 00:00 UTC). */
export async function scheduleReminders(platform: Platform, day = vietnamDay(platform.clock())): Promise<void> {
  await platform.jobs.enqueue(
    SWEEP_JOB,
    {},
    { dedupeKey: `${SWEEP_JOB}:${day}`, runAt: vietnamHour(day, platform.config.reminderHour), maxAttempts: 3 },
  );
}

export function registerReminderJobs(platform: Platform): void {
  platform.jobs.register(SWEEP_JOB, async () => sweepReminders(platform));
  platform.jobs.register(PLAN_JOB, async (payload: { planId: string }, { logger }) => {
    const sent = await remindPlan(platform, payload.planId);
    logger.info('plan reminders', { planId: payload.planId, sent });
  });
  registerNotificationChannel(emailChannel);
  platform.jobs.register(EMAIL_JOB, async (payload: { dedupeKey: string }, { logger }) => {
    const outcome = await sendNotificationEmail(platform, payload.dedupeKey);
    logger.info('notification e-mail', { dedupeKey: payload.dedupeKey, outcome });
  });
}

export async function listNotifications(
  platform: Platform,
  userId: string,
  query: { page: number; pageSize: number; unread?: boolean },
) {
  let base = platform.db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread) base = base.where('read_at', 'is', null);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { vi: r.title_vi, en: r.title_en },
      body: { vi: r.body_vi, en: r.body_en },
      link: r.link,
      entityType: r.entity_type,
      entityId: r.entity_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function markRead(platform: Platform, userId: string, id: string): Promise<boolean> {
  const r = await platform.db
    .updateTable('notifications')
    .set({ read_at: platform.clock().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) return true;
  return (
    (await platform.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()) !== undefined
  );
}
