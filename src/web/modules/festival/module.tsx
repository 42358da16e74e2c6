import { IconMicrophone2 } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'festival',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/festivals',
      component: lazyPage(() => import('./FestivalsPage.tsx'), 'FestivalsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/festivals/$festivalId',
      component: lazyPage(() => import('./FestivalPage.tsx'), 'FestivalPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/festivals/$festivalId/enter',
      component: lazyPage(() => import('./EntryFormPage.tsx'), 'EntryFormPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/festivals/$festivalId/rounds/new',
      component: lazyPage(() => import('./RoundSetupPage.tsx'), 'NewRoundPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/festival-rounds/$roundId/setup',
      component: lazyPage(() => import('./RoundSetupPage.tsx'), 'RoundSetupPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/festival-rounds/$roundId',
      component: lazyPage(() => import('./RoundPage.tsx'), 'RoundPage'),
    }),
  ],
  navigation: [{ label: 'nav.festival', to: '/festivals', icon: IconMicrophone2, permission: 'festival.read' }],
  homeIcons: { festivals: IconMicrophone2 },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
