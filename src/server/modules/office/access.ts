import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { can, holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import { subtreeUnitIds } from '../organisation/index.ts';

export type { Caller };

/**
 * Who may do what in the office network. The Office keeps the registers (`office.read` to follow
 * them, `office.issue` to number and send, `office.incoming` to record and assign what arrives);
 * a recipient unit (`office.receive` on the unit) sees only the documents sent to it, opens and
 * acknowledges them.
 */
export function requirePermission(
  caller: Caller,
  permission: 'office.read' | 'office.issue' | 'office.incoming' | 'office.duty',
) {
  if (!holdsAnywhere(caller.grants, permission)) throw fail.forbidden();
}
export const mayReadRegister = (caller: Caller) => holdsAnywhere(caller.grants, 'office.read');

/** The units whose inbox the caller holds (null: every unit). */
export async function inboxUnits(platform: Platform, caller: Caller): Promise<string[] | null> {
  const roots = reach(caller.grants, 'office.receive');
  if (roots === null) return null;
  return roots.length ? subtreeUnitIds(platform, roots) : [];
}
export const mayReceiveFor = (platform: Platform, caller: Caller, unitId: string) =>
  can(caller.grants, 'office.receive', unitId, platform.unitScope);

export function inTransaction<T>(
  platform: { db: Kysely<Database> },
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return platform.db.isTransaction ? work(platform.db) : platform.db.transaction().execute(work);
}

export const outgoingNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy văn bản đi.', en: 'Outgoing document not found.' });
export const incomingNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy văn bản đến.', en: 'Incoming document not found.' });
