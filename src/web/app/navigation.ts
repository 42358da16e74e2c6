import type { ComponentType } from 'react';
import { IconBook2, IconHistory, IconHome, IconUsers } from '@tabler/icons-react';
import type { Messages } from './i18n/index.ts';

/**
 * The navigation: one entry per screen that exists, each shown only to users holding its
 * permission. A module adds its screen here when it has one.
 */
export type NavItem = {
  label: keyof Messages['nav'];
  icon: ComponentType<{ size?: number; stroke?: number }>;
  permission?: string;
} & ({ to: '/' | '/accounts' | '/audit'; href?: never } | { href: string; to?: never });

export const navigation: NavItem[] = [
  { label: 'home', to: '/', icon: IconHome },
  { label: 'accounts', to: '/accounts', icon: IconUsers, permission: 'accounts.read' },
  { label: 'audit', to: '/audit', icon: IconHistory, permission: 'audit.read' },
  { label: 'apiDocs', href: '/api/docs', icon: IconBook2 },
];
