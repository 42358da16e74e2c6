import { registerFileOwner, type FileOwner } from '../../platform/files/store.ts';
import { reportsSeenBy, seenActivity } from './activities.ts';

/**
 * Files attached to progress reports (minutes, photos, documents): whoever may read the report
 * (ADR 8, 21: who sees the activity, and the report is their units' own or made for no unit) may
 * open its files. Registered at start by the plans descriptor's `setup`.
 */
export const REPORT_FILES = 'plan_report';

const reportFiles: FileOwner = {
  type: REPORT_FILES,
  label: { vi: 'Tệp đính kèm báo cáo tiến độ', en: 'Progress report attachment' },
  async mayRead(platform, reader, reportId) {
    const report = await platform.db
      .selectFrom('plan_reports')
      .select('activity_id')
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!report) return false;
    const { vis } = await seenActivity(platform, reader, report.activity_id);
    if (vis.all) return true;
    const seen = await platform.db
      .selectFrom('plan_reports')
      .select('id')
      .where('id', '=', reportId)
      .where((eb) => reportsSeenBy(eb, vis.unitIds))
      .executeTakeFirst();
    return seen !== undefined;
  },
};

export function registerReportFiles(): void {
  registerFileOwner(reportFiles);
}
