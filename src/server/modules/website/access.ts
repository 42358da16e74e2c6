import { activeRoleHolders } from '../../platform/auth/users.ts';
import type { Db } from '../../platform/db/database.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import { can, holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitByCode } from '../organisation/index.ts';

/**
 * Who may do what with the website's articles (ADR 24). The permissions come from the descriptor;
 * the units decide the rest:
 * - `website.review` counts only on the Propaganda Board (Ban Tuyên giáo, code BTG): a grant on it
 *   or above it (a Bloc-wide grant). Board staff of another board hold the permission but review nothing.
 * - `website.oversee` sees every article on the Office (Văn phòng, code VP), the Propaganda Board or
 *   above them (the Bloc's leaders); anyone else who reads (`website.read`) sees only the articles they wrote.
 * - `website.write` writes one's own articles while they are drafts, returned or submitted; a
 *   reviewer may edit any article, a published one included (it stays published).
 */
export const REVIEW_UNIT_CODE = 'BTG';
export const OFFICE_UNIT_CODE = 'VP';

async function unitIdOf(db: Db, code: string): Promise<string | null> {
  return (await unitByCode(db, code))?.id ?? null;
}

export async function mayReview(platform: Platform, caller: Caller): Promise<boolean> {
  if (!holdsAnywhere(caller.grants, 'website.review')) return false;
  return can(caller.grants, 'website.review', await unitIdOf(platform.db, REVIEW_UNIT_CODE), platform.unitScope);
}

export async function maySeeAll(platform: Platform, caller: Caller): Promise<boolean> {
  if (await mayReview(platform, caller)) return true;
  if (!holdsAnywhere(caller.grants, 'website.oversee')) return false;
  for (const code of [OFFICE_UNIT_CODE, REVIEW_UNIT_CODE])
    if (await can(caller.grants, 'website.oversee', await unitIdOf(platform.db, code), platform.unitScope)) return true;
  return false;
}

export async function requireReviewer(platform: Platform, caller: Caller): Promise<void> {
  if (!(await mayReview(platform, caller)))
    throw fail.conflict('WEBSITE_NOT_REVIEWER', {
      vi: 'Chỉ Ban Tuyên giáo duyệt, lên lịch, đăng và gỡ bài.',
      en: 'Only the Propaganda Board reviews, schedules, publishes and unpublishes articles.',
    });
}

/** The accounts that review: a grant carrying `website.review` on the Propaganda Board or above it. */
export async function reviewerIds(platform: Platform): Promise<string[]> {
  const btg = await unitIdOf(platform.db, REVIEW_UNIT_CODE);
  const holders = await activeRoleHolders(platform.db, {
    roles: rolesHolding('website.review').filter((r) => r !== 'system_admin'),
    limit: 5000,
  });
  const out = new Set<string>();
  for (const h of holders) {
    if (h.unitId === null || (btg && (await platform.unitScope.isWithin(btg, h.unitId)))) out.add(h.userId);
  }
  return [...out];
}
