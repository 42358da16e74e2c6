import { registerFileOwner, type FileOwner } from '../../platform/files/store.ts';
import { seenActivity } from './activities.ts';

/**
 * Files attached to progress reports (minutes, photos, documents): whoever may see the activity
 * may open its reports' files. Registered at start by the plans descriptor's `setup`.
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
    await seenActivity(platform, reader, report.activity_id);
    return true;
  },
};

export function registerReportFiles(): void {
  registerFileOwner(reportFiles);
}
