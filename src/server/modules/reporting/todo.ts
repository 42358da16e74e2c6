import { daysUntil, periodLabel, periodOfDate, previous } from '../../../common/periods.ts';
import type { TodoItem, TodoSource } from '../../platform/modules.ts';
import { reach } from '../../platform/policy/policy.ts';
import { subtreeOf, unitRefs, unitView } from '../organisation/index.ts';
import { isExpected } from './assignment.ts';
import { templateOf, type Template } from './model.ts';
import { campaignId, periodRef } from './periods.ts';
import { unitDeadlines } from './submissions.ts';

/**
 * Reporting's part of the home page's to-do list (ADR 30):
 * - for each unit whose own reports the caller enters (a unit-scoped `reporting.submit` grant),
 *   the active templates' period just closed and the running one when its report is due within
 *   `SOON_DAYS` or overdue and not yet sent, and any returned report;
 * - for a caller who approves within a subtree (`reporting.approve`), the reports sent by units
 *   below theirs and waiting for approval, one line per template and period.
 * A few queries: the active templates, the caller's units, their submissions, one count.
 */
const SOON_DAYS = 14;

const formPath = (templateId: string, unitId: string, periodId: string) =>
  `/reporting/form?templateId=${templateId}&unitId=${unitId}&periodId=${encodeURIComponent(periodId)}`;

function duePeriods(t: Template, today: string): string[] {
  if (t.periodType === 'campaign') return t.campaign ? [campaignId(t)] : [];
  const now = periodOfDate(t.periodType, today, t.regime);
  return [previous(now), now];
}

const labelOf = (t: Template, periodId: string, lang: 'vi' | 'en') => periodLabel(periodRef(t, periodId), lang);

export const reportingTodo: TodoSource = async (platform, caller, today) => {
  const items: TodoItem[] = [];
  const submitRoots = reach(caller.grants, 'reporting.submit') ?? [];
  const approveRoots = reach(caller.grants, 'reporting.approve') ?? [];
  if (submitRoots.length === 0 && approveRoots.length === 0) return items;
  const templates = (
    await platform.db.selectFrom('report_templates').selectAll().where('is_active', '=', 1).limit(200).execute()
  ).map(templateOf);
  const byId = new Map(templates.map((t) => [t.id, t]));
  const units = submitRoots.length
    ? await unitView(platform.db)
        .where('un.id', 'in', [...new Set(submitRoots)])
        .execute()
    : [];

  for (const unit of units) {
    const wanted = templates.flatMap((t) => duePeriods(t, today).map((periodId) => ({ t, periodId })));
    if (wanted.length === 0) continue;
    const subs = await platform.db
      .selectFrom('report_submissions')
      .select(['template_id', 'period_id', 'status', 'return_reason'])
      .where('unit_id', '=', unit.id)
      .where(
        'template_id',
        'in',
        templates.map((t) => t.id),
      )
      .where(
        'period_id',
        'in',
        wanted.map((w) => w.periodId),
      )
      .execute();
    const state = new Map(subs.map((s) => [`${s.template_id}|${s.period_id}`, s]));
    for (const { t, periodId } of wanted) {
      const sub = state.get(`${t.id}|${periodId}`);
      if (sub?.status === 'submitted' || sub?.status === 'approved') continue;
      const d = await unitDeadlines(platform.db, t, unit.id, periodId);
      if (today < d.window.start) continue;
      const returned = sub?.status === 'returned';
      if (!returned && (daysUntil(d.due, today) > SOON_DAYS || today >= d.lockOn)) continue;
      if (!(await isExpected(platform.db, t, d.window, unit.id))) continue;
      const period = { vi: labelOf(t, periodId, 'vi'), en: labelOf(t, periodId, 'en') };
      items.push({
        kind: returned ? 'report.returned' : 'report.due',
        title: returned
          ? { vi: `Sửa báo cáo bị trả lại: ${t.name}`, en: `Fix the returned report: ${t.name}` }
          : { vi: `Nộp báo cáo: ${t.name}`, en: `Send the report: ${t.name}` },
        detail: returned
          ? {
              vi: `${period.vi}${sub?.return_reason ? ` — ${sub.return_reason}` : ''}`,
              en: `${period.en}${sub?.return_reason ? ` — ${sub.return_reason}` : ''}`,
            }
          : period,
        due: d.due,
        path: formPath(t.id, unit.id, periodId),
        unit: { id: unit.id, name: unit.name },
      });
    }
  }

  if (approveRoots.length) {
    // Reports sent up by the units strictly below the caller's, waiting for them.
    const waiting = await platform.db
      .selectFrom('report_submissions as s')
      .innerJoin(subtreeOf(platform.db, approveRoots, { min: 1 }).as('c'), 'c.unit_id', 's.unit_id')
      .select(['s.template_id', 's.period_id', 'c.root_id'])
      .select((eb) => eb.fn.count<number>('s.id').distinct().as('n'))
      .where('s.status', '=', 'submitted')
      .groupBy(['s.template_id', 's.period_id', 'c.root_id'])
      .limit(50)
      .execute();
    const roots = await unitRefs(
      platform,
      waiting.map((w) => w.root_id),
    );
    for (const w of waiting) {
      const t = byId.get(w.template_id);
      if (!t) continue;
      const n = Number(w.n);
      const d = await unitDeadlines(platform.db, t, w.root_id, w.period_id);
      items.push({
        kind: 'report.approve',
        title: { vi: `Duyệt ${n} báo cáo: ${t.name}`, en: `Approve ${n} report${n === 1 ? '' : 's'}: ${t.name}` },
        detail: { vi: labelOf(t, w.period_id, 'vi'), en: labelOf(t, w.period_id, 'en') },
        due: d.due,
        path: `/reporting/completeness?templateId=${t.id}&unitId=${w.root_id}&periodId=${encodeURIComponent(w.period_id)}`,
        unit: { id: w.root_id, name: roots.get(w.root_id)?.name ?? '' },
      });
    }
  }
  return items;
};
