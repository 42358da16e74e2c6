import { IconReportAnalytics } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';
import { validateCompletenessSearch, validateFormSearch, validateTotalsSearch } from './search.ts';

export default defineWebModule({
  name: 'reporting',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/reporting',
      component: lazyPage(() => import('./ReportingHomePage.tsx'), 'ReportingHomePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/reporting/form',
      validateSearch: validateFormSearch,
      component: lazyPage(() => import('./ReportFormPage.tsx'), 'ReportFormPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/reporting/totals',
      validateSearch: validateTotalsSearch,
      component: lazyPage(() => import('./TotalsPage.tsx'), 'TotalsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/reporting/completeness',
      validateSearch: validateCompletenessSearch,
      component: lazyPage(() => import('./CompletenessPage.tsx'), 'CompletenessPage'),
    }),
  ],
  navigation: [{ label: 'nav.reporting', to: '/reporting', icon: IconReportAnalytics, permission: 'reporting.read' }],
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
