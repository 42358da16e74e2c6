import type { Platform } from '../../platform/platform.ts';
import type { Principal } from '../../platform/http/context.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Permission } from '../../platform/policy/permissions.ts';
import type { Bilingual } from '../../platform/http/errors.ts';

/**
 * What the home page counts. Each module adds the things it holds, with the permission needed
 * to see the count and the web path that lists them.
 */
export type OverviewSource = {
  key: string;
  label: Bilingual;
  permission: Permission | 'signed-in';
  path: string | null;
  count(platform: Platform): Promise<number>;
};

const countOf = (table: 'users' | 'audit_log' | 'jobs') => async (p: Platform) =>
  Number(
    (
      await p.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const overviewSources: OverviewSource[] = [
  {
    key: 'accounts',
    label: { vi: 'Tài khoản người dùng', en: 'User accounts' },
    permission: 'accounts.read',
    path: '/accounts',
    count: countOf('users'),
  },
  {
    key: 'audit',
    label: { vi: 'Bản ghi nhật ký thay đổi', en: 'Audit log entries' },
    permission: 'audit.read',
    path: '/audit',
    count: countOf('audit_log'),
  },
  {
    key: 'jobs',
    label: { vi: 'Công việc nền', en: 'Background jobs' },
    permission: 'jobs.read',
    path: null,
    count: countOf('jobs'),
  },
  {
    key: 'units',
    label: { vi: 'Đơn vị đang hoạt động', en: 'Units in existence' },
    permission: 'organisation.read',
    path: '/units',
    count: async (p) =>
      Number(
        (
          await p.db
            .selectFrom('units')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('valid_to', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  },
  {
    key: 'people',
    label: { vi: 'Nhân sự', en: 'People' },
    permission: 'organisation.read',
    path: '/people',
    count: async (p) =>
      Number(
        (
          await p.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  },
  {
    key: 'plans',
    label: { vi: 'Kế hoạch', en: 'Plans' },
    permission: 'plans.read',
    path: '/plans',
    count: async (p) =>
      Number(
        (
          await p.db
            .selectFrom('plans')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('parent_plan_id', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  },
  {
    key: 'planActivities',
    label: { vi: 'Nhiệm vụ trong các kế hoạch', en: 'Activities in plans' },
    permission: 'plans.read',
    path: '/plans',
    count: async (p) =>
      Number(
        (
          await p.db
            .selectFrom('plan_activities')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  },
];

export async function overview(platform: Platform, principal: Principal) {
  const visible = overviewSources.filter(
    (s) => s.permission === 'signed-in' || holdsAnywhere(principal.grants, s.permission),
  );
  return Promise.all(
    visible.map(async (s) => ({ key: s.key, label: s.label, path: s.path, count: await s.count(platform) })),
  );
}

/** Live-update topics and the permission a subscriber needs. Modules add theirs. */
export const topics: Record<string, Permission> = {
  accounts: 'accounts.read',
  organisation: 'organisation.read',
  plans: 'plans.read',
  reporting: 'reporting.read',
  honours: 'honours.read',
};

export function topicPermission(topic: string): Permission | null {
  return Object.hasOwn(topics, topic) ? topics[topic] : null;
}
