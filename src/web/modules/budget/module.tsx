import { IconCoin } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateBudgetSearch } from './search.ts';

export default defineWebModule({
  name: 'budget',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/budget',
      validateSearch: validateBudgetSearch,
      component: lazyPage(() => import('./BudgetPage.tsx'), 'BudgetPage'),
    }),
  ],
  navigation: [{ label: 'nav.budget', to: '/budget', icon: IconCoin, permission: 'budget.read' }],
  homeIcons: { budgetSponsors: IconCoin },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
