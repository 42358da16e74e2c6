import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0005 from './migrations/0005_reporting.ts';
import { reportingDemo } from './demo.ts';
import { registerReportingReminders, scheduleReportingReminders } from './reminders.ts';
import { registerReportingRoutes } from './routes.ts';
import { registerReportingTotals } from './setup.ts';

/** Periodic reporting: indicators, templates, submissions, live totals, reminders (ADR 11). */
export const reporting = defineModule({
  name: 'reporting',
  permissions: {
    'reporting.read': {
      vi: 'Xem báo cáo định kỳ và số liệu tổng hợp của đơn vị mình và cấp dưới',
      en: "Read periodic reports and totals of one's units and below",
    },
    'reporting.overview': {
      vi: 'Theo dõi báo cáo của mọi đơn vị trong Khối',
      en: 'Follow the reports of every unit of the Bloc',
    },
    'reporting.submit': {
      vi: 'Nhập và gửi báo cáo định kỳ của đơn vị',
      en: "Enter and submit the unit's periodic reports",
    },
    'reporting.approve': {
      vi: 'Duyệt hoặc trả lại báo cáo của cấp dưới',
      en: 'Approve or return the reports of the level below',
    },
    'reporting.manage': {
      vi: 'Quản lý chỉ tiêu, biểu mẫu báo cáo; mở lại kỳ đã khóa',
      en: 'Manage indicators and report templates; reopen locked periods',
    },
  },
  grants: {
    bloc_leader: ['reporting.read', 'reporting.overview', 'reporting.approve'],
    board_staff: ['reporting.read', 'reporting.overview'],
    office_staff: ['reporting.approve', 'reporting.manage'],
    unit_officer: ['reporting.read', 'reporting.submit', 'reporting.approve'],
    council_member: ['reporting.read'],
    viewer: ['reporting.read'],
  },
  migrations: { '0005_reporting': m0005 },
  routes: [registerReportingRoutes],
  topics: { reporting: 'reporting.read' },
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.reportingTodo(platform, caller, today)),
  demo: reportingDemo,
  setup(platform) {
    registerReportingTotals();
    registerReportingReminders(platform);
  },
  schedule: (platform) => scheduleReportingReminders(platform),
});
