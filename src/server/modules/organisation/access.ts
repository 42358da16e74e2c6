import { todayIso } from '../../../common/dates.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { can } from '../../platform/policy/policy.ts';
import { treeScope } from './tree.ts';

export type { Caller } from '../../platform/policy/caller.ts';
export { systemCaller } from '../../platform/policy/caller.ts';

/**
 * May the caller change things that belong to `unitId` (its subtree included)? A unit officer's
 * `unit.edit` reaches their unit's subtree; `organisation.manage` reaches the whole tree, and is
 * what a unit-less record (a new root, a person with no Party unit) needs.
 */
export async function mayEdit(db: Kysely<Database>, caller: Caller, unitId: string | null): Promise<boolean> {
  const scope = treeScope(db);
  if (await can(caller.grants, 'organisation.manage', unitId, scope)) return true;
  return unitId !== null && (await can(caller.grants, 'unit.edit', unitId, scope));
}

export async function requireEdit(db: Kysely<Database>, caller: Caller, unitId: string | null): Promise<void> {
  if (!(await mayEdit(db, caller, unitId))) throw fail.forbidden();
}

export async function requireManage(db: Kysely<Database>, caller: Caller): Promise<void> {
  if (!(await can(caller.grants, 'organisation.manage', null, treeScope(db)))) throw fail.forbidden();
}

/** Today in Việt Nam, as an ISO date. */
export function todayIn(now: Date): string {
  return todayIso(now);
}

/**
 * Runs `work` in a transaction, or inside the one already open when the platform's `db` is a
 * transaction (the demo loader runs all its changes in one, so a first start is quick).
 */
export function inTransaction<T>(
  platform: { db: Kysely<Database> },
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return platform.db.isTransaction ? work(platform.db) : platform.db.transaction().execute(work);
}
