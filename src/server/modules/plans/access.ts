import type { Kysely } from 'kysely';
import type { EventScope } from '../../platform/events/events.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import { can, holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { subtreeUnitIds } from '../organisation/index.ts';

export type { Caller };

/**
 * Who sees what of a plan (ADR 8). Bloc roles (`plans.overview`) and grants on no particular
 * unit see everything; anyone else sees the activities their units carry (lead or coordinating,
 * the subtree of the unit they were granted included) and their own sub-plans.
 */
export type Visibility = { all: true } | { all: false; unitIds: string[] };

export async function visibilityOf(platform: { db: Kysely<Database> }, caller: Caller): Promise<Visibility> {
  if (holdsAnywhere(caller.grants, 'plans.overview') || holdsAnywhere(caller.grants, 'plans.manage'))
    return { all: true };
  const read = reach(caller.grants, 'plans.read');
  if (read === null) return { all: true };
  const report = reach(caller.grants, 'plans.report') ?? [];
  return { all: false, unitIds: await subtreeUnitIds(platform, [...read, ...report]) };
}

export const mayManage = (caller: Caller) => holdsAnywhere(caller.grants, 'plans.manage');

export function requireManage(caller: Caller): void {
  if (!mayManage(caller)) throw fail.forbidden();
}

/** May the caller report for this unit? (`plans.report` on it, its subtree included; managers for any.) */
export async function mayReportFor(platform: Platform, caller: Caller, unitId: string | null): Promise<boolean> {
  if (mayManage(caller)) return true;
  return unitId !== null && can(caller.grants, 'plans.report', unitId, platform.unitScope);
}

/** Runs `work` in a transaction, or inside the one already open (the demo loader's). */
export function inTransaction<T>(
  platform: { db: Kysely<Database> },
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return platform.db.isTransaction ? work(platform.db) : platform.db.transaction().execute(work);
}

export const planNotFound = () => fail.notFound({ vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' });
export const activityNotFound = () => fail.notFound({ vi: 'Không tìm thấy nhiệm vụ.', en: 'Activity not found.' });

export function publishPlans(
  platform: Platform,
  data: { entity: string; id: string; change: string; planId?: string; scope?: EventScope },
) {
  void platform.events.publish('plans', data).catch(() => {});
}
