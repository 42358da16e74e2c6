import { can, holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';

export type { Caller };

/**
 * Who sees and does what in reporting: a unit's reports and totals are read by whoever holds
 * `reporting.read` on the unit or above it; entered by `reporting.submit` on it; approved or
 * returned by `reporting.approve` on a unit strictly above it (the level above, never oneself);
 * the regime (indicators, templates) and reopening a locked period need `reporting.manage`.
 * Bloc roles (`reporting.overview`, like `plans.overview`) read, and approve, every unit.
 */
const overview = (caller: Caller) => holdsAnywhere(caller.grants, 'reporting.overview');
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'reporting.manage');

export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}

export const reportNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy báo cáo hoặc đơn vị.', en: 'Report or unit not found.' });
export const templateNotFound = () => fail.notFound({ vi: 'Không tìm thấy biểu mẫu.', en: 'Template not found.' });

export async function mayRead(platform: Platform, caller: Caller, unitId: string): Promise<boolean> {
  return overview(caller) || can(caller.grants, 'reporting.read', unitId, platform.unitScope);
}

export async function requireRead(platform: Platform, caller: Caller, unitId: string): Promise<void> {
  if (!(await mayRead(platform, caller, unitId))) throw reportNotFound();
}

export async function maySubmit(platform: Platform, caller: Caller, unitId: string): Promise<boolean> {
  return can(caller.grants, 'reporting.submit', unitId, platform.unitScope);
}

/** The level above: a grant of `reporting.approve` on a strict ancestor (or everywhere). */
export async function mayApprove(platform: Platform, caller: Caller, unitId: string): Promise<boolean> {
  if (overview(caller) && holdsAnywhere(caller.grants, 'reporting.approve')) return true;
  for (const g of caller.grants) {
    const roots = reach([g], 'reporting.approve');
    if (roots === null) return true;
    for (const root of roots) if (root !== unitId && (await platform.unitScope.isWithin(unitId, root))) return true;
  }
  return false;
}

/** The units whose data the caller may read (null: everywhere). */
export const readRoots = (caller: Caller) => (overview(caller) ? null : reach(caller.grants, 'reporting.read'));
