import type { Kysely, Selectable } from 'kysely';
import { displayNames } from '../../platform/auth/users.ts';
import { deadlinesOf, isLocked, timeliness, type PeriodDeadlines } from '../../../common/periods.ts';
import { checkForm, isNumericType, type FormValue } from '../../../common/reportValues.ts';
import { todayIso } from '../../../common/dates.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { ReportSubmissionsTable } from './tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { mayApprove, mayManage, maySubmit, reportNotFound, requireManage, requireRead, type Caller } from './access.ts';
import { isExpected, levelOf } from './assignment.ts';
import { indicatorsByIds } from './indicators.ts';
import { indicatorIdsOf, type Indicator, type Template } from './model.ts';
import { isTemplatePeriod, periodRef } from './periods.ts';
import type { SaveInput } from './schema.ts';
import { findTemplate } from './templates.ts';
import { withLiveTotals, type TotalsScope } from './totals.ts';

/**
 * A unit's report for one template and period: saved as a draft (values checked by type as they
 * come), submitted (complete: compulsory fields and rules), approved or returned with a reason by
 * the level above, reopened by an administrator after the period locks. Every value change is
 * kept (who, when, old → new); every change of state carries its effect into the live totals in
 * the same transaction (totals.ts), and is in the audit log.
 */
type Db = Kysely<Database>;
type SubmissionRow = Selectable<ReportSubmissionsTable>;
export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

const conflict = (code: string, vi: string, en: string) => fail.conflict(code, { vi, en });

export async function scopeOf(
  platform: Pick<Platform, 'db'>,
  template: Template,
): Promise<{ scope: TotalsScope; indicators: Map<string, Indicator> }> {
  const indicators = await indicatorsByIds(platform, indicatorIdsOf(template));
  return { scope: { template, indicators }, indicators };
}

/** The deadlines of a period and the unit's own due date, on-time limit and lock. */
export async function unitDeadlines(db: Db, template: Template, unitId: string, periodId: string) {
  const d: PeriodDeadlines = deadlinesOf(periodRef(template, periodId), template.regime, template.schedule);
  const level = await levelOf(db, unitId);
  const own = d.levels.find((l) => l.level === level) ?? d.levels.at(-1)!;
  return { window: d.window, level, due: own.due, onTimeBy: own.onTimeBy, lockOn: d.lockOn, levels: d.levels };
}

/** Why the report cannot be edited now, or null when it can. */
function lockReason(
  row: SubmissionRow | undefined,
  lockOn: string,
  today: string,
): { code: string; vi: string; en: string } | null {
  if (row?.status === 'approved')
    return {
      code: 'REPORT_APPROVED',
      vi: 'Báo cáo đã được duyệt nên đã khóa.',
      en: 'The report is approved and therefore locked.',
    };
  if (row?.status === 'submitted')
    return {
      code: 'REPORT_SUBMITTED',
      vi: 'Báo cáo đã gửi, đang chờ cấp trên duyệt; chỉ sửa được khi bị trả lại.',
      en: 'The report is submitted and awaits approval; it can be edited only if returned.',
    };
  const reopened = row?.reopened_until && row.reopened_until >= today;
  if (isLocked(today, lockOn) && !reopened) {
    return {
      code: 'PERIOD_LOCKED',
      vi: `Kỳ báo cáo đã khóa sổ từ ngày ${lockOn.split('-').reverse().join('/')}; chỉ quản trị mới mở lại được.`,
      en: `The period locked on ${lockOn.split('-').reverse().join('/')}; only an administrator can reopen it.`,
    };
  }
  return null;
}

async function loadContext(platform: Platform, caller: Caller, templateId: string, unitId: string, periodId: string) {
  const template = await findTemplate(platform, templateId);
  if (!isTemplatePeriod(template, periodId)) {
    throw fail.field(
      'periodId',
      'wrong_period',
      'Kỳ báo cáo không khớp với biểu mẫu (tháng, quý, 6 tháng, năm hay đợt).',
      'The period does not match the template (month, quarter, half-year, year or campaign).',
    );
  }
  await requireRead(platform, caller, unitId);
  const unit = (await unitRefs(platform, [unitId])).get(unitId);
  if (!unit) throw reportNotFound();
  const deadlines = await unitDeadlines(platform.db, template, unitId, periodId);
  return { template, unit, deadlines };
}

async function valuesOf(db: Db, submissionId: string) {
  return db.selectFrom('report_values').selectAll().where('submission_id', '=', submissionId).execute();
}

/** The form of a unit for a period: the template, the values so far, the state, the deadlines, what the caller may do. */
export async function getForm(
  platform: Platform,
  caller: Caller,
  templateId: string,
  unitId: string,
  periodId: string,
) {
  const { template, unit, deadlines } = await loadContext(platform, caller, templateId, unitId, periodId);
  const { indicators } = await scopeOf(platform, template);
  const today = todayIso(platform.clock());
  const row = await platform.db
    .selectFrom('report_submissions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('unit_id', '=', unitId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  const values = row ? await valuesOf(platform.db, row.id) : [];
  const locked = lockReason(row, deadlines.lockOn, today);
  const expected = await isExpected(platform.db, template, deadlines.window, unitId);
  const submitter = await maySubmit(platform, caller, unitId);
  const approver = await mayApprove(platform, caller, unitId);
  return {
    template: {
      id: template.id,
      code: template.code,
      name: template.name,
      periodType: template.periodType,
      regime: template.regime,
      sections: template.sections,
      rules: template.rules,
      countsOn: template.countsOn,
    },
    indicators: indicatorIdsOf(template)
      .map((id) => indicators.get(id)!)
      .filter(Boolean),
    unit: { id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind },
    periodId,
    deadlines: { ...deadlines, today },
    expected,
    submission: row
      ? {
          id: row.id,
          status: row.status as SubmissionStatus,
          version: row.version,
          submittedAt: row.submitted_at,
          submittedOn: row.submitted_on,
          timeliness: row.submitted_on ? timeliness(row.submitted_on, deadlines.onTimeBy) : null,
          decidedAt: row.decided_at,
          returnReason: row.return_reason,
          reopenedUntil: row.reopened_until,
          counted: row.counted === 1,
        }
      : null,
    values: values.map((v) => ({
      indicatorId: v.indicator_id,
      breakdownKey: v.breakdown_key,
      value: valueOut(indicators.get(v.indicator_id), v),
      comment: v.comment,
    })),
    locked: locked ? { code: locked.code, messages: { vi: locked.vi, en: locked.en } } : null,
    may: {
      edit: submitter && expected && !locked,
      submit: submitter && expected && !locked,
      approve: approver && row?.status === 'submitted',
      return: approver && row?.status === 'submitted',
      reopen: mayManage(caller) && row !== undefined && (row.status === 'approved' || locked?.code === 'PERIOD_LOCKED'),
    },
  };
}

function valueOut(indicator: Indicator | undefined, v: { num_value: number | null; text_value: string | null }) {
  if (!indicator) return null;
  return isNumericType(indicator.valueType) ? (v.num_value === null ? null : Number(v.num_value)) : v.text_value;
}

const asText = (v: number | string | null | undefined) =>
  v === null || v === undefined || v === '' ? null : String(v);

/** Writes the values of a draft (creating the submission on first save), with a history row per changed cell. */
async function writeValues(
  tx: Db,
  caller: Caller,
  row: SubmissionRow,
  indicators: Map<string, Indicator>,
  values: FormValue[],
  now: Date,
) {
  const existing = new Map((await valuesOf(tx, row.id)).map((v) => [`${v.indicator_id}|${v.breakdown_key}`, v]));
  let changed = 0;
  for (const v of values) {
    const indicator = indicators.get(v.indicatorId)!;
    const numeric = isNumericType(indicator.valueType);
    const empty = v.value === null || v.value === '';
    const next = {
      num_value: numeric && !empty ? Number(v.value) : null,
      text_value: !numeric && !empty ? String(v.value).normalize('NFC') : null,
      comment: v.comment?.trim() ? v.comment.trim() : null,
    };
    const k = `${v.indicatorId}|${v.breakdownKey}`;
    const before = existing.get(k);
    const oldText = before ? asText(before.num_value ?? before.text_value) : null;
    const newText = asText(next.num_value ?? next.text_value);
    if (before && oldText === newText && (before.comment ?? null) === next.comment) continue;
    if (!before && newText === null && next.comment === null) continue;
    changed++;
    if (before) {
      await tx
        .updateTable('report_values')
        .set(next)
        .where('submission_id', '=', row.id)
        .where('indicator_id', '=', v.indicatorId)
        .where('breakdown_key', '=', v.breakdownKey)
        .execute();
    } else {
      await tx
        .insertInto('report_values')
        .values({
          submission_id: row.id,
          template_id: row.template_id,
          unit_id: row.unit_id,
          period_id: row.period_id,
          indicator_id: v.indicatorId,
          breakdown_key: v.breakdownKey,
          ...next,
        })
        .execute();
    }
    if (oldText !== newText) {
      await tx
        .insertInto('report_value_history')
        .values({
          id: newId(now.getTime()),
          submission_id: row.id,
          indicator_id: v.indicatorId,
          breakdown_key: v.breakdownKey,
          old_value: oldText,
          new_value: newText,
          changed_by: caller.actor.userId,
          changer_name: caller.actor.name,
          changed_at: now.toISOString(),
        })
        .execute();
    }
  }
  return changed;
}

function toProblems(problems: ReturnType<typeof checkForm>, indicators: Map<string, Indicator>): AppError {
  return fail.validation(
    problems.map((p) => ({
      in: 'body',
      path: p.breakdownKey === null ? `values.${p.indicatorId}` : `values.${p.indicatorId}.${p.breakdownKey || '_'}`,
      code: p.code,
      messages: {
        vi: `${indicators.get(p.indicatorId)?.name ?? ''}: ${p.messages.vi}`,
        en: `${indicators.get(p.indicatorId)?.name ?? ''}: ${p.messages.en}`,
      },
    })),
  );
}

/**
 * Saves a draft; with `submit`, also checks it complete and submits it. Returns the form afresh.
 * `demoEnteredAt` is for the demo loader only (with `isDemo`): the past moment the report is
 * entered at, so that 2019's reports can be loaded today — the lock is checked against it and the
 * submission's dates and value history carry it; the audit row keeps the real time.
 */
export async function saveReport(
  platform: Platform,
  caller: Caller,
  input: SaveInput,
  options: { submit?: boolean; isDemo?: boolean; demoEnteredAt?: Date } = {},
) {
  const { template, deadlines } = await loadContext(platform, caller, input.templateId, input.unitId, input.periodId);
  if (!(await maySubmit(platform, caller, input.unitId))) throw fail.forbidden();
  if (!template.isActive)
    throw conflict('TEMPLATE_INACTIVE', 'Biểu mẫu đã ngừng sử dụng.', 'The template is no longer in use.');
  if (!(await isExpected(platform.db, template, deadlines.window, input.unitId))) {
    throw fail.field(
      'unitId',
      'not_expected',
      'Đơn vị này không thuộc diện báo cáo theo biểu mẫu này.',
      'This unit is not asked to report on this template.',
    );
  }
  const { scope, indicators } = await scopeOf(platform, template);
  const auditNow = platform.clock();
  const now = options.isDemo && options.demoEnteredAt ? options.demoEnteredAt : auditNow;
  const today = todayIso(now);
  const items = template.sections.flatMap((s) => s.items);
  const values: FormValue[] = input.values.map((v) => ({
    indicatorId: v.indicatorId,
    breakdownKey: v.breakdownKey,
    value: v.value,
    comment: v.comment ?? null,
  }));
  const typed = checkForm([...indicators.values()], items, template.rules, values, { complete: false });
  if (typed.length) throw toProblems(typed, indicators);
  await platform.db.transaction().execute(async (tx) => {
    let row = await tx
      .selectFrom('report_submissions')
      .selectAll()
      .where('template_id', '=', template.id)
      .where('unit_id', '=', input.unitId)
      .where('period_id', '=', input.periodId)
      .executeTakeFirst();
    const locked = lockReason(row, deadlines.lockOn, today);
    if (locked) throw conflict(locked.code, locked.vi, locked.en);
    if (row && input.version !== undefined && input.version !== row.version) {
      throw conflict(
        'REPORT_CHANGED',
        'Báo cáo vừa được người khác sửa; hãy tải lại để xem bản mới nhất.',
        'Someone else has just changed the report; reload to see the latest.',
      );
    }
    if (!row) {
      row = {
        id: newId(now.getTime()),
        template_id: template.id,
        unit_id: input.unitId,
        period_id: input.periodId,
        status: 'draft',
        counted: 0,
        version: 0,
        submitted_at: null,
        submitted_on: null,
        submitted_by: null,
        decided_at: null,
        decided_by: null,
        return_reason: null,
        reopened_until: null,
        is_demo: options.isDemo ? 1 : 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await tx.insertInto('report_submissions').values(row).execute();
    }
    const current = row;
    await withLiveTotals(tx, scope, input.unitId, input.periodId, async () => {
      const changed = await writeValues(tx, caller, current, indicators, values, now);
      let status = current.status;
      if (options.submit) {
        const all = (await valuesOf(tx, current.id)).map((v) => ({
          indicatorId: v.indicator_id,
          breakdownKey: v.breakdown_key,
          value: valueOut(indicators.get(v.indicator_id), v),
        }));
        const problems = checkForm([...indicators.values()], items, template.rules, all, { complete: true });
        if (problems.length) throw toProblems(problems, indicators);
        status = 'submitted';
      }
      const patch = {
        status,
        counted: status === 'submitted' && template.countsOn === 'submitted' ? 1 : 0,
        version: current.version + 1,
        updated_at: now.toISOString(),
        ...(options.submit
          ? {
              submitted_at: now.toISOString(),
              submitted_on: today,
              submitted_by: caller.actor.userId,
              return_reason: null,
              reopened_until: null,
            }
          : {}),
      };
      await tx.updateTable('report_submissions').set(patch).where('id', '=', current.id).execute();
      await recordAudit(
        tx,
        caller.actor,
        {
          action: options.submit ? 'report.submit' : 'report.save',
          entityType: 'report_submission',
          entityId: current.id,
          before: { status: current.status, version: current.version },
          after: {
            ...patch,
            changedValues: changed,
            templateId: template.id,
            unitId: input.unitId,
            periodId: input.periodId,
          },
        },
        auditNow,
      );
    });
  });
  publishReporting(platform, input.templateId, input.unitId, input.periodId, options.submit ? 'submitted' : 'saved');
  return getForm(platform, caller, input.templateId, input.unitId, input.periodId);
}

async function decide(
  platform: Platform,
  caller: Caller,
  submissionId: string,
  action: 'approve' | 'return' | 'reopen',
  reason: string | null,
  days = 7,
) {
  const row0 = await platform.db
    .selectFrom('report_submissions')
    .selectAll()
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (!row0) throw reportNotFound();
  await requireRead(platform, caller, row0.unit_id);
  const template = await findTemplate(platform, row0.template_id);
  const { scope } = await scopeOf(platform, template);
  if (action === 'reopen') requireManage(caller);
  else if (!(await mayApprove(platform, caller, row0.unit_id))) {
    throw new AppError(403, 'NOT_LEVEL_ABOVE', {
      vi: 'Chỉ cấp trên trực tiếp hoặc Khối mới duyệt hay trả lại được báo cáo này.',
      en: 'Only the level above may approve or return this report.',
    });
  }
  const now = platform.clock();
  const today = todayIso(now);
  await platform.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('report_submissions')
      .selectAll()
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow();
    if (action !== 'reopen' && row.status !== 'submitted') {
      throw conflict(
        'REPORT_NOT_SUBMITTED',
        'Báo cáo không ở trạng thái chờ duyệt.',
        'The report is not awaiting approval.',
      );
    }
    if (action === 'reopen') {
      const { lockOn } = await unitDeadlines(tx, template, row.unit_id, row.period_id);
      if (row.status !== 'approved' && !isLocked(today, lockOn)) {
        throw conflict(
          'NOT_LOCKED',
          'Kỳ báo cáo chưa khóa và báo cáo chưa được duyệt: không cần mở lại.',
          'The period is not locked and the report is not approved: nothing to reopen.',
        );
      }
    }
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const patch =
      action === 'approve'
        ? { status: 'approved', counted: 1 }
        : action === 'return'
          ? { status: 'returned', counted: 0, return_reason: reason }
          : { status: 'draft', counted: 0, return_reason: reason, reopened_until: until };
    await withLiveTotals(tx, scope, row.unit_id, row.period_id, async () => {
      await tx
        .updateTable('report_submissions')
        .set({
          ...patch,
          decided_at: now.toISOString(),
          decided_by: caller.actor.userId,
          version: row.version + 1,
          updated_at: now.toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
    });
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `report.${action}`,
        entityType: 'report_submission',
        entityId: row.id,
        before: { status: row.status },
        after: { ...patch, templateId: row.template_id, unitId: row.unit_id, periodId: row.period_id },
      },
      now,
    );
  });
  publishReporting(platform, row0.template_id, row0.unit_id, row0.period_id, action);
  return getForm(platform, caller, row0.template_id, row0.unit_id, row0.period_id);
}

export const approveReport = (platform: Platform, caller: Caller, id: string) =>
  decide(platform, caller, id, 'approve', null);
export const returnReport = (platform: Platform, caller: Caller, id: string, reason: string) =>
  decide(platform, caller, id, 'return', reason);
export const reopenReport = (platform: Platform, caller: Caller, id: string, reason: string, days: number) =>
  decide(platform, caller, id, 'reopen', reason, days);

/** Every value change of a report: who, when, old → new. */
export async function reportHistory(
  platform: Platform,
  caller: Caller,
  submissionId: string,
  query: { page: number; pageSize: number },
) {
  const row = await platform.db
    .selectFrom('report_submissions')
    .select(['unit_id', 'template_id'])
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (!row) throw reportNotFound();
  await requireRead(platform, caller, row.unit_id);
  const base = platform.db.selectFrom('report_value_history').where('submission_id', '=', submissionId);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const indicators = await indicatorsByIds(platform, [...new Set(rows.map((r) => r.indicator_id))]);
  // the history names people, not their usernames (a removed account keeps the stored name)
  const names = await displayNames(
    platform.db,
    rows.map((r) => r.changed_by),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      indicatorId: r.indicator_id,
      indicatorName: indicators.get(r.indicator_id)?.name ?? '',
      breakdownKey: r.breakdown_key,
      oldValue: r.old_value,
      newValue: r.new_value,
      changedBy: (r.changed_by && names.get(r.changed_by)) || r.changer_name,
      changedAt: r.changed_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function publishReporting(
  platform: Platform,
  templateId: string,
  unitId: string,
  periodId: string,
  change: string,
) {
  // A unit's reporting is told to those who read that unit (or the whole Bloc's reports), ADR 21.
  const scope = { unitIds: [unitId], everywhere: ['reporting.overview'] };
  void platform.events.publish('reporting', { templateId, unitId, periodId, change, scope }).catch(() => {});
}
