import { IconCalendarUser, IconInbox, IconMailDown, IconMailForward, IconUsersGroup } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'office',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/office/outgoing',
      component: lazyPage(() => import('./OutgoingPage.tsx'), 'OutgoingPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/outgoing/$outgoingId',
      component: lazyPage(() => import('./BoardPage.tsx'), 'BoardPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/inbox',
      component: lazyPage(() => import('./InboxPage.tsx'), 'InboxPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/incoming',
      component: lazyPage(() => import('./IncomingPage.tsx'), 'IncomingPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/duty',
      component: lazyPage(() => import('./DutyPage.tsx'), 'DutyPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/duty/mine',
      component: lazyPage(() => import('./MyDutyPage.tsx'), 'MyDutyPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/office/duty/$eventId',
      component: lazyPage(() => import('./DutyEventPage.tsx'), 'DutyEventPage'),
    }),
  ],
  navigation: [
    { label: 'nav.officeOutgoing', to: '/office/outgoing', icon: IconMailForward, permission: 'office.read' },
    { label: 'nav.officeIncoming', to: '/office/incoming', icon: IconMailDown, permission: 'office.read' },
    { label: 'nav.officeInbox', to: '/office/inbox', icon: IconInbox, permission: 'office.receive' },
    { label: 'nav.officeDuty', to: '/office/duty', icon: IconUsersGroup, permission: 'office.read' },
    { label: 'nav.myDuty', to: '/office/duty/mine', icon: IconCalendarUser },
  ],
  homeIcons: { officeOutgoing: IconMailForward },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
