import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import type { Permission } from '../../platform/policy/permissions.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';

export type { Caller };
export type PublicityPermission = Extract<Permission, `publicity.${string}`>;

/**
 * Who may see and change the publicity plan (ADR 33): it is the Propaganda Board's work for the
 * whole Bloc, so a permission counts wherever it is held — `publicity.manage` by propaganda_staff,
 * `publicity.read` also by the Office and the Standing Committee, `publicity.publish` by the
 * website's editors, who may only record a piece on the Bloc's website as published.
 */
export function mayPublicity(caller: Caller, permission: PublicityPermission) {
  return holdsAnywhere(caller.grants, permission);
}

export function requirePublicity(caller: Caller, permission: PublicityPermission) {
  if (!mayPublicity(caller, permission)) throw fail.forbidden();
}

export function inTransaction<T>(
  platform: { db: Kysely<Database> },
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return platform.db.isTransaction ? work(platform.db) : platform.db.transaction().execute(work);
}

export const pieceNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy tin, bài trong kế hoạch tuyên truyền.', en: 'Publicity piece not found.' });
