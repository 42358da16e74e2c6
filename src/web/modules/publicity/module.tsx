import { IconSpeakerphone } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule, lazyPage } from '../../app/module.ts';

export default defineWebModule({
  name: 'publicity',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/publicity',
      component: lazyPage(() => import('./PublicityPage.tsx'), 'PublicityPage'),
    }),
  ],
  navigation: [{ label: 'nav.publicity', to: '/publicity', icon: IconSpeakerphone, permission: 'publicity.read' }],
  homeIcons: { publicityPieces: IconSpeakerphone },
  messages: { vi: () => import('./i18n/vi.json'), en: () => import('./i18n/en.json') },
});
