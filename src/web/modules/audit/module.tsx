import { IconHistory } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'audit',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/audit',
      component: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'),
    }),
  ],
  navigation: [{ label: 'nav.audit', to: '/audit', icon: IconHistory, permission: 'audit.read' }],
  homeIcons: { audit: IconHistory },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
