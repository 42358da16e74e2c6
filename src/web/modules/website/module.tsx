import { IconNews } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'website',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/website/articles',
      component: lazyPage(() => import('./ArticlesPage.tsx'), 'ArticlesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/website/articles/new',
      component: lazyPage(() => import('./ArticlePage.tsx'), 'ArticlePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/website/articles/$articleId',
      component: lazyPage(() => import('./ArticlePage.tsx'), 'ArticlePage'),
    }),
  ],
  navigation: [{ label: 'nav.websiteArticles', to: '/website/articles', icon: IconNews, permission: 'website.read' }],
  homeIcons: { websiteArticles: IconNews },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
