import type { Kysely } from 'kysely';
import { vietnamDay } from '../../../common/dates.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import type { Permission } from '../../platform/policy/permissions.ts';
import { can } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import { liveUnits } from '../organisation/index.ts';

export type { Caller };
export type BudgetPermission = Extract<Permission, `budget.${string}`>;

/**
 * Who may see and change budgets (ADR 25): the Office keeps them, so a permission counts only on
 * the Office's unit — `budget.read`/`budget.edit` held by board staff of the Văn phòng (a grant on
 * another board does not reach it), `budget.approve` by the Standing Committee (bloc_leader on the
 * Bloc, whose subtree holds the Office), and the system administrator. Anyone else gets 403.
 */
export async function mayBudget(platform: Platform, caller: Caller, permission: BudgetPermission) {
  const offices = await liveUnits(platform, vietnamDay(platform.clock()), { kinds: ['office'], limit: 20 });
  if (offices.length === 0) return can(caller.grants, permission, null, platform.unitScope);
  for (const o of offices) if (await can(caller.grants, permission, o.id, platform.unitScope)) return true;
  return false;
}

export async function requireBudget(platform: Platform, caller: Caller, permission: BudgetPermission) {
  if (!(await mayBudget(platform, caller, permission))) throw fail.forbidden();
}

export function inTransaction<T>(
  platform: { db: Kysely<Database> },
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return platform.db.isTransaction ? work(platform.db) : platform.db.transaction().execute(work);
}

export const estimateNotFound = () => fail.notFound({ vi: 'Không tìm thấy dự toán.', en: 'Estimate not found.' });
export const sponsorNotFound = () => fail.notFound({ vi: 'Không tìm thấy nhà tài trợ.', en: 'Sponsor not found.' });
export const planNotFound = () => fail.notFound({ vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' });
