import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { attachFiles } from '../../platform/files/store.ts';
import { REPORT_FILES } from './attachments.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { activityNotFound, inTransaction, mayManage, mayReportFor, publishPlans, type Caller } from './access.ts';
import { getActivity } from './activities.ts';
import type { ReportInput } from './schema.ts';
import { vietnamDay } from './status.ts';

/**
 * A progress report: text, percent, a figure against the target, who and when. A unit reports on
 * an activity it leads or coordinates (or one of its own sub-plan); its report updates its own
 * line, and the activity's progress follows its lead units (done when every lead unit is done,
 * on the last of their days). A report without a unit, by a manager, speaks for the activity as
 * a whole. Files uploaded beforehand are attached to it. Kept in one transaction with the audit row.
 */
export async function addReport(platform: Platform, caller: Caller, activityId: string, input: ReportInput) {
  const now = platform.clock();
  const today = vietnamDay(now);
  if (input.doneOn && input.doneOn > today) {
    throw fail.validation([
      {
        in: 'body',
        path: 'doneOn',
        code: 'future_date',
        messages: { vi: 'Ngày hoàn thành không được sau hôm nay.', en: 'The day done cannot be after today.' },
      },
    ]);
  }
  const doneOn = input.percent === 100 ? (input.doneOn ?? today) : null;
  const saved = await inTransaction(platform, async (tx) => {
    const activity = await tx.selectFrom('plan_activities').selectAll().where('id', '=', activityId).executeTakeFirst();
    if (!activity) throw activityNotFound();
    const plan = await tx
      .selectFrom('plans')
      .select(['id', 'unit_id'])
      .where('id', '=', activity.plan_id)
      .executeTakeFirstOrThrow();
    const lines = await tx
      .selectFrom('plan_activity_units')
      .select(['unit_id', 'role'])
      .where('activity_id', '=', activityId)
      .limit(20_000)
      .execute();
    let unitId = input.unitId ?? null;
    if (unitId === null && !mayManage(caller)) {
      // the caller's own unit on the activity
      for (const l of lines)
        if (await mayReportFor(platform, caller, l.unit_id)) {
          unitId = l.unit_id;
          break;
        }
      if (unitId === null && plan.unit_id && (await mayReportFor(platform, caller, plan.unit_id)))
        unitId = plan.unit_id;
      if (unitId === null) throw activityNotFound();
    }
    if (unitId !== null) {
      const onIt = lines.some((l) => l.unit_id === unitId) || plan.unit_id === unitId;
      if (!onIt) {
        throw fail.validation([
          {
            in: 'body',
            path: 'unitId',
            code: 'not_on_activity',
            messages: {
              vi: 'Đơn vị không chủ trì hay phối hợp nhiệm vụ này.',
              en: 'The unit neither leads nor coordinates this activity.',
            },
          },
        ]);
      }
      if (!(await mayReportFor(platform, caller, unitId))) throw fail.forbidden();
    }
    const row = {
      id: newId(now.getTime()),
      plan_id: activity.plan_id,
      activity_id: activityId,
      unit_id: unitId,
      text: input.text,
      percent: input.percent,
      figure: input.figure ?? null,
      done_on: doneOn,
      reported_by: caller.actor.userId,
      reporter_name: caller.actor.name,
      reported_at: now.toISOString(),
    };
    await tx.insertInto('plan_reports').values(row).execute();
    const attachments = await attachFiles(tx, caller.actor, input.attachmentIds ?? [], {
      type: REPORT_FILES,
      id: row.id,
    });
    let progress = { progress_percent: input.percent, progress_figure: input.figure ?? null, done_on: doneOn };
    if (unitId !== null && lines.some((l) => l.unit_id === unitId)) {
      await tx
        .updateTable('plan_activity_units')
        .set({ percent: input.percent, done_on: doneOn })
        .where('activity_id', '=', activityId)
        .where('unit_id', '=', unitId)
        .execute();
      const lead = await tx
        .selectFrom('plan_activity_units')
        .select([
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.count<number>('done_on').as('done'),
          (eb) => eb.fn.max('done_on').as('last'),
          (eb) => eb.fn.sum<number>('percent').as('sum'),
        ])
        .where('activity_id', '=', activityId)
        .where('role', '=', 'lead')
        .executeTakeFirstOrThrow();
      const n = Number(lead.n);
      if (n > 0 && lines.some((l) => l.unit_id === unitId && l.role === 'lead')) {
        progress = {
          progress_percent: Math.round(Number(lead.sum ?? 0) / n),
          progress_figure: input.figure ?? activity.progress_figure,
          done_on: Number(lead.done) === n ? (lead.last as string) : null,
        };
      } else if (n > 0) {
        // a coordinating unit's report does not move the activity's own progress
        progress = {
          progress_percent: activity.progress_percent ?? 0,
          progress_figure: activity.progress_figure,
          done_on: activity.done_on,
        };
      }
    }
    await tx
      .updateTable('plan_activities')
      .set({ ...progress, last_report_at: row.reported_at, updated_at: row.reported_at })
      .where('id', '=', activityId)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan_report.create',
        entityType: 'plan_report',
        entityId: row.id,
        after: { ...row, attachments: attachments.map((f) => ({ id: f.id, name: f.name, size: f.size })) },
      },
      now,
    );
    return { id: row.id, unitId };
  });
  // A unit's report is told only to those who may read it (ADR 8, 21); a report for no unit to all.
  publishPlans(platform, {
    entity: 'report',
    id: saved.id,
    change: 'created',
    ...(saved.unitId ? { scope: { unitIds: [saved.unitId], everywhere: ['plans.overview', 'plans.manage'] } } : {}),
  });
  return getActivity(platform, caller, activityId);
}
