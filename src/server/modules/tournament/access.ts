import { fail } from '../../platform/http/errors.ts';
import { can, holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';

export type { Caller };

/**
 * The tournament is the Bloc's: everyone with `tournament.read` follows it; a grassroots unit
 * enters its own people (`tournament.enter` on the unit); the organisers (`tournament.manage`) set
 * it up, confirm or return entries, draw and correct results; an umpire (`tournament.score`)
 * scores the matches assigned to them.
 */
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'tournament.manage');
export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}
/** The umpire assigned to a match (or a tie) scores it, and the organisers any match. */
export const mayScore = (caller: Caller, umpire: string | null) =>
  mayManage(caller) ||
  (umpire !== null && umpire === caller.actor.userId && holdsAnywhere(caller.grants, 'tournament.score'));
export async function requireEnter(platform: Platform, caller: Caller, unitId: string): Promise<void> {
  if (mayManage(caller)) return;
  if (!(await can(caller.grants, 'tournament.enter', unitId, platform.unitScope))) throw fail.forbidden();
}
export const notFound = (what: { vi: string; en: string }) => fail.notFound(what);
export const tournamentNotFound = () => notFound({ vi: 'Không tìm thấy giải đấu.', en: 'Tournament not found.' });
export const eventNotFound = () => notFound({ vi: 'Không tìm thấy nội dung thi đấu.', en: 'Event not found.' });
export const entryNotFound = () => notFound({ vi: 'Không tìm thấy lượt đăng ký.', en: 'Entry not found.' });
export const matchNotFound = () => notFound({ vi: 'Không tìm thấy trận đấu.', en: 'Match not found.' });
