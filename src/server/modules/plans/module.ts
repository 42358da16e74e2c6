import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0003 from './migrations/0003_plans.ts';
import * as m0008 from './migrations/0008_plan_figures_double.ts';
import { registerReportFiles } from './attachments.ts';
import { plansDemo } from './demo.ts';
import { scheduleReminders } from './reminders.ts';
import { registerPlansRoutes, registerReminderJobs } from './routes.ts';

/** Plans as data and carrying them out: activities, progress reports, supervision, reminders (ADR 8). */
export const plans = defineModule({
  name: 'plans',
  permissions: {
    'plans.read': { vi: 'Xem kế hoạch và nhiệm vụ của đơn vị mình', en: "Read plans and the own unit's tasks" },
    'plans.overview': { vi: 'Theo dõi toàn bộ kế hoạch, mọi đơn vị', en: 'Follow whole plans, every unit' },
    'plans.manage': { vi: 'Lập, sửa kế hoạch và nhiệm vụ', en: 'Create and edit plans and tasks' },
    'plans.report': {
      vi: 'Báo cáo tiến độ nhiệm vụ của đơn vị, lập kế hoạch cơ sở',
      en: "Report progress on the unit's tasks, derive the unit's plan",
    },
    'plans.supervise': {
      vi: 'Ghi nhận đôn đốc, kiểm tra cơ sở phụ trách',
      en: 'Record urging and inspection of the units one is in charge of',
    },
    'plans.supervise_any': {
      vi: 'Giám sát, đôn đốc mọi tổ chức cơ sở đảng trong phạm vi (Ủy ban Kiểm tra)',
      en: 'Supervise and urge every grassroots organisation within reach (the Inspection Commission)',
    },
  },
  grants: {
    bloc_leader: ['plans.read', 'plans.overview', 'plans.manage', 'plans.report', 'plans.supervise'],
    board_staff: ['plans.read', 'plans.overview', 'plans.report'],
    office_staff: ['plans.manage', 'plans.supervise'],
    propaganda_staff: ['plans.manage'],
    // III.3: the Inspection Commission supervises and urges every grassroots organisation within
    // its grant's subtree (its mandate), not only the units its members are in charge of
    inspection_staff: ['plans.supervise', 'plans.supervise_any'],
    unit_officer: ['plans.read', 'plans.report', 'plans.supervise'],
    council_member: ['plans.read', 'plans.supervise'],
    judge: ['plans.read'],
    umpire: ['plans.read'],
    editor: ['plans.read'],
    viewer: ['plans.read'],
  },
  migrations: { '0003_plans': m0003, '0008_plan_figures_double': m0008 },
  routes: [registerPlansRoutes],
  topics: { plans: 'plans.read' },
  overview: [
    {
      key: 'plans',
      label: { vi: 'Kế hoạch', en: 'Plans' },
      permission: 'plans.read',
      path: '/plans',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('plans')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('parent_plan_id', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
    {
      key: 'planActivities',
      label: { vi: 'Nhiệm vụ trong các kế hoạch', en: 'Activities in plans' },
      permission: 'plans.read',
      path: '/plans',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('plan_activities')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.plansTodo(platform, caller, today)),
  demo: plansDemo,
  setup(platform) {
    // The reminder jobs are known to the job queue of whichever process runs jobs;
    // reports' files say who may read them.
    registerReminderJobs(platform);
    registerReportFiles();
  },
  schedule: (platform) => scheduleReminders(platform),
});
