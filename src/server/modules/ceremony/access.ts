import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';

export type { Caller };

/**
 * The ceremony is the Bloc's: those with `ceremony.read` follow the programme; the organisers
 * (`ceremony.manage`) build it, the guest list and the awards; the show-caller (`ceremony.call`)
 * runs it on the night. The public sees a programme only once it is published.
 */
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'ceremony.manage');
export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}
export function requireCall(caller: Caller): void {
  if (!holdsAnywhere(caller.grants, 'ceremony.call')) throw fail.forbidden();
}
export const ceremonyNotFound = () => fail.notFound({ vi: 'Không tìm thấy buổi lễ.', en: 'Ceremony not found.' });
export const segmentNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy phần này của chương trình.', en: 'Programme segment not found.' });
export const guestNotFound = () => fail.notFound({ vi: 'Không tìm thấy khách mời.', en: 'Guest not found.' });
