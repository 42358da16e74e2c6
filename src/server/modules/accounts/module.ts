import { defineModule } from '../../platform/modules.ts';
import { registerAccountRoutes } from './routes.ts';

/** User accounts and their role grants. */
export const accounts = defineModule({
  name: 'accounts',
  permissions: {
    'accounts.read': { vi: 'Xem tài khoản', en: 'Read accounts' },
    'accounts.manage': { vi: 'Quản lý tài khoản và phân quyền', en: 'Manage accounts and roles' },
  },
  grants: {
    bloc_leader: ['accounts.read'],
    board_staff: ['accounts.read'],
  },
  routes: [registerAccountRoutes],
  topics: { accounts: 'accounts.read' },
  overview: [
    {
      key: 'accounts',
      label: { vi: 'Tài khoản người dùng', en: 'User accounts' },
      permission: 'accounts.read',
      path: '/accounts',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('users')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
