import { can, holdsAnywhere } from '../../platform/policy/policy.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';

export type { Caller };

/**
 * A drive is the Bloc's: everyone with `emulation.read` sees it and its ranking; a unit registers
 * its targets with `emulation.register` on the unit; the Bloc (`emulation.manage`) launches,
 * reviews registrations and scores.
 */
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'emulation.manage');
export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}
export async function requireRegister(platform: Platform, caller: Caller, unitId: string): Promise<void> {
  if (mayManage(caller)) return;
  if (!(await can(caller.grants, 'emulation.register', unitId, platform.unitScope))) throw fail.forbidden();
}
export const driveNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy phong trào thi đua.', en: 'Emulation drive not found.' });
