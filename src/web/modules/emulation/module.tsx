import { IconTrophy } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateDriveSearch } from './search.ts';

export default defineWebModule({
  name: 'emulation',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/emulation',
      component: lazyPage(() => import('./DrivesPage.tsx'), 'DrivesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/emulation/$driveId',
      validateSearch: validateDriveSearch,
      component: lazyPage(() => import('./DrivePage.tsx'), 'DrivePage'),
    }),
  ],
  navigation: [{ label: 'nav.emulation', to: '/emulation', icon: IconTrophy, permission: 'emulation.read' }],
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
