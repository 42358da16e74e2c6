import { formatDmy } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's "report templates for grassroots units and software that aggregates their reports"
 * (II.2) takes its progress from this module: half way when a template is issued, done on the
 * day the first unit's report on an issued template arrived.
 */
export const reportTemplatesSource: ActivityStatusSource = {
  key: 'reporting.templates',
  label: {
    vi: 'Biểu mẫu báo cáo và tổng hợp báo cáo (phân hệ báo cáo định kỳ)',
    en: 'Report templates and aggregation (periodic reporting)',
  },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn ?? '0000-01-01';
    const templates = await platform.db
      .selectFrom('report_templates')
      .select(['id', 'created_at'])
      .where('is_active', '=', 1)
      .execute();
    const issued = templates.filter((t) => t.created_at.slice(0, 10) <= today);
    if (!issued.length)
      return {
        doneOn: null,
        percent: 0,
        figure: 0,
        note: { vi: 'Chưa ban hành biểu mẫu báo cáo nào.', en: 'No report template issued yet.' },
      };
    const first = await platform.db
      .selectFrom('report_submissions')
      .select((eb) => eb.fn.min('submitted_on').as('first'))
      .where(
        'template_id',
        'in',
        issued.map((t) => t.id),
      )
      .where('status', 'in', ['submitted', 'approved'])
      .where('submitted_on', '>=', from)
      .where('submitted_on', '<=', today)
      .executeTakeFirst();
    const firstOn = (first?.first as string | null | undefined) ?? null;
    return {
      doneOn: firstOn,
      percent: firstOn ? 100 : 50,
      figure: issued.length,
      note: firstOn
        ? {
            vi: `${issued.length} biểu mẫu báo cáo đang dùng; báo cáo đầu tiên nhận ngày ${formatDmy(firstOn)}.`,
            en: `${issued.length} report template(s) in use; the first report arrived on ${formatDmy(firstOn)}.`,
          }
        : {
            vi: `${issued.length} biểu mẫu đã ban hành, chưa có đơn vị gửi báo cáo.`,
            en: `${issued.length} template(s) issued; no unit has reported yet.`,
          },
    };
  },
};
