import { can, holdsAnywhere } from '../../platform/policy/policy.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';

export type { Caller };

/**
 * Who does what in the honours (II.4, III.1, III.4): a grassroots unit nominates and keeps its
 * own nominations (`honours.nominate` on the unit); the Propaganda Board sets the campaign up and
 * screens (`honours.manage`, `honours.screen`); Council members see the dossiers they judge and
 * vote (`honours.vote`); the Council's secretary — the Office (III.4) — runs sessions and rounds
 * and reads what the Council judges (`honours.secretary`).
 */
export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'honours.manage');
export const mayScreen = (caller: Caller) => holdsAnywhere(caller.grants, 'honours.screen');
export const mayJudge = (caller: Caller) =>
  holdsAnywhere(caller.grants, 'honours.vote') ||
  holdsAnywhere(caller.grants, 'honours.secretary') ||
  mayScreen(caller) ||
  mayManage(caller);
export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}
export function requireSecretary(caller: Caller): void {
  if (!holdsAnywhere(caller.grants, 'honours.secretary')) throw fail.forbidden();
}
export async function mayNominateFor(platform: Platform, caller: Caller, unitId: string): Promise<boolean> {
  return can(caller.grants, 'honours.nominate', unitId, platform.unitScope);
}
/**
 * Judges only through the Council's vote: a Council member reads the nominations the units have
 * sent (from submission on), not a unit's draft, which is the unit's own (ADR 21).
 */
export const judgesSentOnly = (caller: Caller) => !mayScreen(caller) && !mayManage(caller);
/** A nomination is seen by its unit (and above it) and by those who judge (once sent, for the Council). */
export async function maySeeNomination(
  platform: Platform,
  caller: Caller,
  unitId: string,
  status: string,
): Promise<boolean> {
  return (
    (mayJudge(caller) && (status !== 'draft' || !judgesSentOnly(caller))) ||
    (await mayNominateFor(platform, caller, unitId)) ||
    (await can(caller.grants, 'honours.read', unitId, platform.unitScope))
  );
}
export const nominationNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy hồ sơ đề nghị.', en: 'Nomination not found.' });
export const campaignNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy đợt tôn vinh.', en: 'Honours campaign not found.' });
