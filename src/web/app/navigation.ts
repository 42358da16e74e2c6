import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconAward,
  IconChecklist,
  IconClipboardList,
  IconBook2,
  IconHierarchy2,
  IconHistory,
  IconHome,
  IconListSearch,
  IconReportAnalytics,
  IconTrophy,
  IconUsers,
  IconUserStar,
} from '@tabler/icons-react';
import type { Messages } from './i18n/index.ts';

/**
 * The navigation: one entry per screen that exists, each shown only to users holding its
 * permission. A module adds its screen here when it has one.
 */
export type NavItem = {
  label: keyof Messages['nav'] | `plans.nav.${keyof Messages['plans']['nav']}`;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  permission?: string;
} & (
  | {
      to:
        | '/'
        | '/accounts'
        | '/audit'
        | '/units'
        | '/people'
        | '/in-charge'
        | '/plans'
        | '/my-tasks'
        | '/supervisions'
        | '/reporting'
        | '/emulation'
        | '/honours';
      href?: never;
    }
  | { href: string; to?: never }
);

export const navigation: NavItem[] = [
  { label: 'home', to: '/', icon: IconHome },
  { label: 'plans.nav.plans', to: '/plans', icon: IconClipboardList, permission: 'plans.read' },
  { label: 'plans.nav.myTasks', to: '/my-tasks', icon: IconChecklist, permission: 'plans.report' },
  { label: 'plans.nav.supervision', to: '/supervisions', icon: IconListSearch, permission: 'plans.supervise' },
  { label: 'reporting', to: '/reporting', icon: IconReportAnalytics, permission: 'reporting.read' },
  { label: 'emulation', to: '/emulation', icon: IconTrophy, permission: 'emulation.read' },
  { label: 'honours', to: '/honours', icon: IconAward, permission: 'honours.read' },
  { label: 'units', to: '/units', icon: IconHierarchy2, permission: 'organisation.read' },
  { label: 'people', to: '/people', icon: IconAddressBook, permission: 'organisation.read' },
  { label: 'inCharge', to: '/in-charge', icon: IconUserStar, permission: 'organisation.read' },
  { label: 'accounts', to: '/accounts', icon: IconUsers, permission: 'accounts.read' },
  { label: 'audit', to: '/audit', icon: IconHistory, permission: 'audit.read' },
  { label: 'apiDocs', href: '/api/docs', icon: IconBook2 },
];
