import { IconAward } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateCampaignSearch } from './search.ts';

export default defineWebModule({
  name: 'honours',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/honours',
      component: lazyPage(() => import('./CampaignsPage.tsx'), 'CampaignsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/honours/$campaignId',
      validateSearch: validateCampaignSearch,
      component: lazyPage(() => import('./CampaignPage.tsx'), 'CampaignPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/honours/nominations/$nominationId',
      component: lazyPage(() => import('./NominationPage.tsx'), 'NominationPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/honours/sessions/$sessionId',
      component: lazyPage(() => import('./council/SessionPage.tsx'), 'SessionPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/honours/rounds/$roundId',
      component: lazyPage(() => import('./council/BallotPage.tsx'), 'BallotPage'),
    }),
  ],
  navigation: [{ label: 'nav.honours', to: '/honours', icon: IconAward, permission: 'honours.read' }],
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
