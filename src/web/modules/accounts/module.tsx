import { IconUsers } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'accounts',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/accounts',
      component: lazyPage(() => import('./AccountsPage.tsx'), 'AccountsPage'),
    }),
  ],
  navigation: [{ label: 'nav.accounts', to: '/accounts', icon: IconUsers, permission: 'accounts.read' }],
  homeIcons: { accounts: IconUsers },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
