import type {} from './tables.ts';
import { registerFileOwner } from '../../platform/files/store.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerStatusSource } from '../plans/index.ts';
import { budgetDemo } from './demo.ts';
import * as m0019 from './migrations/0019_budget.ts';
import { budgetSettledSource } from './planSource.ts';
import { registerBudgetRoutes } from './routes.ts';
import { voucherFiles } from './spending.ts';

/** The budget (issue 18, ADR 25): estimates in versions, award money, social mobilisation, spending and the settlement. */
export const budget = defineModule({
  name: 'budget',
  permissions: {
    'budget.read': {
      vi: 'Xem kinh phí (dự toán, tài trợ, chi, quyết toán) — Văn phòng, Ban Thường vụ',
      en: 'Read budgets (estimates, sponsors, spending, settlement) — the Office, the Standing Committee',
    },
    'budget.edit': {
      vi: 'Lập dự toán, ghi tài trợ và khoản chi (Văn phòng)',
      en: 'Prepare estimates, record sponsors and spending (the Office)',
    },
    'budget.approve': {
      vi: 'Duyệt dự toán, khóa sổ quyết toán (Ban Thường vụ)',
      en: 'Approve estimates, close the settlement (Standing Committee)',
    },
  },
  grants: {
    bloc_leader: ['budget.read', 'budget.approve'],
    office_staff: ['budget.read', 'budget.edit'],
  },
  migrations: { '0019_budget': m0019 },
  routes: [registerBudgetRoutes],
  topics: { budget: 'budget.read' },
  demo: budgetDemo,
  setup: () => {
    registerFileOwner(voucherFiles);
    // The plan's III.4 budget activity is done when the estimates are approved and the settlement closed.
    registerStatusSource(budgetSettledSource);
  },
  overview: [
    {
      key: 'budgetSponsors',
      label: { vi: 'Nhà tài trợ', en: 'Sponsors' },
      permission: 'budget.read',
      path: '/budget',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('budget_sponsors')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
