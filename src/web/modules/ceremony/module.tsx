import { IconMicrophone2 } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateCeremonySearch, validateShowSearch } from './search.ts';

export default defineWebModule({
  name: 'ceremony',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/ceremonies',
      component: lazyPage(() => import('./CeremoniesPage.tsx'), 'CeremoniesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/ceremonies/$ceremonyId',
      validateSearch: validateCeremonySearch,
      component: lazyPage(() => import('./CeremonyPage.tsx'), 'CeremonyPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/ceremonies/$ceremonyId/show',
      validateSearch: validateShowSearch,
      component: lazyPage(() => import('./ShowPage.tsx'), 'ShowPage'),
    }),
  ],
  navigation: [{ label: 'nav.ceremony', to: '/ceremonies', icon: IconMicrophone2, permission: 'ceremony.read' }],
  homeIcons: { ceremonies: IconMicrophone2 },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
