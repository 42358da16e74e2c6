import { IconHome, IconSettings } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'home',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/',
      component: lazyPage(() => import('./HomePage.tsx'), 'HomePage'),
    }),
  ],
  navigation: [{ label: 'nav.home', to: '/', icon: IconHome }],
  homeIcons: { jobs: IconSettings },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
