import { IconAddressBook, IconHierarchy2, IconUserStar } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'organisation',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/units',
      component: lazyPage(() => import('./UnitsPage.tsx'), 'UnitsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/units/$unitId',
      component: lazyPage(() => import('./UnitPage.tsx'), 'UnitPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      validateSearch: (search: Record<string, unknown>): { unitId?: string } =>
        typeof search.unitId === 'string' && search.unitId ? { unitId: search.unitId } : {},
      component: lazyPage(() => import('./PeoplePage.tsx'), 'PeoplePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people/$personId',
      component: lazyPage(() => import('./PersonPage.tsx'), 'PersonPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/in-charge',
      component: lazyPage(() => import('./InChargePage.tsx'), 'InChargePage'),
    }),
  ],
  navigation: [
    { label: 'nav.units', to: '/units', icon: IconHierarchy2, permission: 'organisation.read' },
    { label: 'nav.people', to: '/people', icon: IconAddressBook, permission: 'organisation.read' },
    { label: 'nav.inCharge', to: '/in-charge', icon: IconUserStar, permission: 'organisation.read' },
  ],
  homeIcons: { units: IconHierarchy2, people: IconAddressBook },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
