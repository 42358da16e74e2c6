import { defineModule } from '../../platform/modules.ts';
import { registerSystemRoutes } from './routes.ts';

/** Health, the home page's counts, the job queue, live updates (the job queue's permission is the platform's). */
export const system = defineModule({
  name: 'system',
  routes: [registerSystemRoutes],
  overview: [
    {
      key: 'jobs',
      label: { vi: 'Công việc nền', en: 'Background jobs' },
      permission: 'jobs.read',
      path: null,
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('jobs')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
