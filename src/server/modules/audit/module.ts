import { defineModule } from '../../platform/modules.ts';
import { registerAuditRoutes } from './routes.ts';

/** Reading the audit log (writing it is the platform's `recordAudit`). */
export const audit = defineModule({
  name: 'audit',
  permissions: {
    'audit.read': { vi: 'Xem nhật ký thay đổi', en: 'Read the audit log' },
  },
  grants: {
    bloc_leader: ['audit.read'],
  },
  routes: [registerAuditRoutes],
  overview: [
    {
      key: 'audit',
      label: { vi: 'Bản ghi nhật ký thay đổi', en: 'Audit log entries' },
      permission: 'audit.read',
      path: '/audit',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
