import { IconBook2 } from '@tabler/icons-react';
import { type AppModule, webModules } from './modules.ts';

export type NavItem = AppModule['navigation'][number];

/**
 * The menu: each module's entries (its module.tsx), in the order of app/modules.ts, each shown
 * only to users holding its permission; then the links that leave the app.
 */
export const navigation = webModules.flatMap((m): readonly NavItem[] => m.navigation);

export const externalLinks = [{ label: 'nav.apiDocs', href: '/api/docs', icon: IconBook2 }] as const;
