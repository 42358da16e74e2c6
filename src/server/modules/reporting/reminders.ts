import { todayIso, vietnamHour } from '../../../common/dates.ts';
import {
  daysUntil,
  deadlinesOf,
  isLocked,
  periodLabel,
  periodOfDate,
  previous,
  type CalendarPeriodType,
} from '../../../common/periods.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import type { Platform } from '../../platform/platform.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import { notify } from '../plans/index.ts';
import { expectedUnits, levelOfKinds } from './assignment.ts';
import { templateOf } from './model.ts';
import { campaignId, periodRef } from './periods.ts';

/**
 * Reminders to report: once a day, for every active template's current and previous period, each
 * expected unit that has not submitted is reminded when its own deadline is at most three days
 * away, and again once it is overdue (until the period locks). The notification goes to the
 * accounts that report for exactly that unit, once (dedupe key per kind, template, period, unit
 * and user), in the app and by e-mail where configured (plans' notification channels).
 */
export const REPORTING_SWEEP_JOB = 'reporting.reminders.sweep';
export const REMIND_DAYS_BEFORE = 3;
const submitters = () => rolesHolding('reporting.submit').filter((r) => r !== 'system_admin');

export async function remindReporters(platform: Platform): Promise<number> {
  const today = todayIso(platform.clock());
  const templates = (
    await platform.db.selectFrom('report_templates').selectAll().where('is_active', '=', 1).limit(500).execute()
  ).map(templateOf);
  let sent = 0;
  for (const template of templates) {
    const periods =
      template.periodType === 'campaign'
        ? [campaignId(template)]
        : (() => {
            const current = periodOfDate(template.periodType as CalendarPeriodType, today, template.regime);
            return [previous(current), current];
          })();
    for (const periodId of periods) {
      const ref = periodRef(template, periodId);
      const probe = deadlinesOf(ref, template.regime, template.schedule);
      if (isLocked(today, probe.lockOn)) continue;
      const label = { vi: periodLabel(ref, 'vi'), en: periodLabel(ref, 'en') };
      const missing = await expectedUnits(platform.db, template, probe.window, null)
        .leftJoin('report_submissions as s', (j) =>
          j.onRef('s.unit_id', '=', 'u.id').on('s.template_id', '=', template.id).on('s.period_id', '=', periodId),
        )
        .select(['u.id', 'u.name', 'u.kind', 'u.parent_kind as parentKind'])
        .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.status', 'in', ['draft', 'returned'])]))
        .limit(20_000)
        .execute();
      for (const unit of missing) {
        const level = levelOfKinds(unit.kind, unit.parentKind);
        const { due } = probe.levels.find((l) => l.level === level) ?? probe.levels.at(-1)!;
        const left = daysUntil(due, today);
        if (left > REMIND_DAYS_BEFORE) continue;
        const kind = left < 0 ? 'reporting.overdue' : 'reporting.due_soon';
        const users = new Set(
          (await activeRoleHolders(platform.db, { roles: submitters(), unitId: unit.id })).map((g) => g.userId),
        );
        const dmy = due.split('-').reverse().join('/');
        for (const userId of users) {
          const fresh = await notify(platform, {
            userId,
            kind,
            title:
              kind === 'reporting.overdue'
                ? {
                    vi: `Quá hạn nộp báo cáo: ${template.name} (${label.vi})`,
                    en: `Report overdue: ${template.name} (${label.en})`,
                  }
                : {
                    vi: `Sắp đến hạn nộp báo cáo (${dmy}): ${template.name} (${label.vi})`,
                    en: `Report due soon (${dmy}): ${template.name} (${label.en})`,
                  },
            body:
              kind === 'reporting.overdue'
                ? {
                    vi: `${unit.name} chưa gửi báo cáo; hạn nộp là ngày ${dmy}.`,
                    en: `${unit.name} has not submitted its report; it was due on ${dmy}.`,
                  }
                : {
                    vi: `${unit.name} cần gửi báo cáo trước hết ngày ${dmy}.`,
                    en: `${unit.name} must submit its report by the end of ${dmy}.`,
                  },
            link: `/reporting/form?templateId=${template.id}&unitId=${unit.id}&periodId=${encodeURIComponent(periodId)}`,
            entityType: 'report_template',
            entityId: template.id,
            dedupeKey: `${kind}:${template.id}:${periodId}:${unit.id}:${userId}`,
          });
          if (fresh) sent++;
        }
      }
    }
  }
  return sent;
}

/** Today's sweep at the reminders' hour in Việt Nam (07:00 unless set); each run enqueues the next day's. */
export async function scheduleReportingReminders(platform: Platform, day = todayIso(platform.clock())): Promise<void> {
  await platform.jobs.enqueue(
    REPORTING_SWEEP_JOB,
    {},
    {
      dedupeKey: `${REPORTING_SWEEP_JOB}:${day}`,
      runAt: vietnamHour(day, platform.config.reminderHour),
      maxAttempts: 3,
    },
  );
}

export function registerReportingReminders(platform: Platform): void {
  platform.jobs.register(REPORTING_SWEEP_JOB, async (_payload, { logger }) => {
    const sent = await remindReporters(platform);
    logger.info('reporting reminders', { sent });
    const tomorrow = new Date(Date.parse(`${todayIso(platform.clock())}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await scheduleReportingReminders(platform, tomorrow);
  });
}
