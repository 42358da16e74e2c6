import { IconChecklist, IconClipboardList, IconListSearch } from '@tabler/icons-react';
import { createRoute, Navigate } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateCalendarSearch, validateSupervisionSearch } from './search.ts';

export default defineWebModule({
  name: 'plans',
  routes: (parent) => {
    /** Where reminders (in the app and by e-mail) point: an activity is read on its plan's page. */
    const activityRoute = createRoute({
      getParentRoute: () => parent,
      path: '/plans/$planId/activities/$activityId',
      component: function ActivityLink() {
        const { planId, activityId } = activityRoute.useParams();
        return <Navigate to="/plans/$planId" params={{ planId }} hash={`activity-${activityId}`} replace />;
      },
    });
    return [
      createRoute({
        getParentRoute: () => parent,
        path: '/plans',
        component: lazyPage(() => import('./PlansPage.tsx'), 'PlansPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/import',
        component: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/$planId',
        validateSearch: (search: Record<string, unknown>): { view?: 'board' } =>
          search.view === 'board' ? { view: 'board' } : {},
        component: lazyPage(() => import('./PlanPage.tsx'), 'PlanPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/$planId/dashboard',
        component: lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage'),
      }),
      activityRoute,
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/$planId/timeline',
        component: lazyPage(() => import('./TimelinePage.tsx'), 'TimelinePage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/$planId/calendar',
        validateSearch: validateCalendarSearch,
        component: lazyPage(() => import('./CalendarPage.tsx'), 'CalendarPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/my-tasks',
        component: lazyPage(() => import('./MyTasksPage.tsx'), 'MyTasksPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/plans/$planId/sub-plan',
        component: lazyPage(() => import('./SubPlanPage.tsx'), 'SubPlanPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/supervisions',
        validateSearch: validateSupervisionSearch,
        component: lazyPage(() => import('./SupervisionPage.tsx'), 'SupervisionPage'),
      }),
      createRoute({
        getParentRoute: () => parent,
        path: '/notifications',
        component: lazyPage(() => import('./NotificationsPage.tsx'), 'NotificationsPage'),
      }),
    ];
  },
  navigation: [
    { label: 'plans.nav.plans', to: '/plans', icon: IconClipboardList, permission: 'plans.read' },
    { label: 'plans.nav.myTasks', to: '/my-tasks', icon: IconChecklist, permission: 'plans.report' },
    { label: 'plans.nav.supervision', to: '/supervisions', icon: IconListSearch, permission: 'plans.supervise' },
  ],
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
