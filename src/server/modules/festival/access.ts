import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { can, holdsAnywhere } from '../../platform/policy/policy.ts';

export type { Caller };

/**
 * The festival is the Bloc Youth Union's: everyone with `festival.read` follows it; a grassroots
 * unit enters its own young workers (`festival.enter` on the unit) and sees its own entries in
 * any state, the others' once accepted; the organisers (`festival.manage`) set it up, accept or
 * return entries, set rounds, prizes and the ceremony's acts; a judge (`festival.judge`) scores
 * only in a round whose panel names their account, and the head judge closes and certifies it.
 */
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'festival.manage');
export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}
export async function requireEnter(platform: Platform, caller: Caller, unitId: string): Promise<void> {
  if (mayManage(caller)) return;
  if (!(await can(caller.grants, 'festival.enter', unitId, platform.unitScope))) throw fail.forbidden();
}
export const festivalNotFound = () => fail.notFound({ vi: 'Không tìm thấy liên hoan.', en: 'Festival not found.' });
export const entryNotFound = () => fail.notFound({ vi: 'Không tìm thấy tiết mục.', en: 'Entry not found.' });
export const roundNotFound = () => fail.notFound({ vi: 'Không tìm thấy vòng thi.', en: 'Round not found.' });
export const sheetNotFound = () => fail.notFound({ vi: 'Không tìm thấy phiếu chấm.', en: 'Score sheet not found.' });
