import type { Platform } from '../../platform/platform.ts';
import type { Principal } from '../../platform/http/context.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Permission } from '../../platform/policy/permissions.ts';
import { overviewSources, topics, type OverviewSource } from '../../platform/modules.ts';

/**
 * What the home page counts and which live topics exist: each module declares its own in its
 * descriptor (`overview`, `topics`); the platform collects them in the list's order.
 */
export { overviewSources, topics, type OverviewSource };

export async function overview(platform: Platform, principal: Principal) {
  const visible = overviewSources.filter(
    (s) => s.permission === 'signed-in' || holdsAnywhere(principal.grants, s.permission),
  );
  return Promise.all(
    visible.map(async (s) => ({ key: s.key, label: s.label, path: s.path, count: await s.count(platform) })),
  );
}

export function topicPermission(topic: string): Permission | null {
  return Object.hasOwn(topics, topic) ? topics[topic] : null;
}
