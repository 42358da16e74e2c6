import { compareVi } from '../../../common/text.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { can, reach } from '../../platform/policy/policy.ts';
import {
  grassrootsKinds,
  listInCharge,
  liveUnits,
  mailContactOfUser,
  personOfUser,
  unitRefs,
  unitsWithin,
} from '../organisation/index.ts';
import { inTransaction, mayManage, publishPlans, visibilityOf, type Caller } from './access.ts';
import { oneOf } from './activities.ts';
import type { SupervisionInput } from './schema.ts';
import { vietnamDay } from './status.ts';

/**
 * Urging and inspection visits (III.3, III.7): a committee member records them for the units
 * they are in charge of (the organisation module's assignments); the Inspection Commission
 * (`plans.supervise_any`) for every grassroots organisation within its grant's subtree, its
 * mandate; managers for any unit. Visits
 * are read by those who see the unit, by the members in charge of it, and by whoever recorded them.
 */
export async function recordSupervision(platform: Platform, caller: Caller, input: SupervisionInput) {
  const now = platform.clock();
  if (input.visitedOn > vietnamDay(now)) {
    throw fail.validation([
      {
        in: 'body',
        path: 'visitedOn',
        code: 'future_date',
        messages: { vi: 'Ngày đôn đốc, kiểm tra không được sau hôm nay.', en: 'The visit cannot be after today.' },
      },
    ]);
  }
  const personId = caller.actor.userId ? await personOfUser(platform, caller.actor.userId) : null;
  // who recorded it, as people read it: the account's person, else its display name
  const recorder = caller.actor.userId ? await mailContactOfUser(platform, caller.actor.userId) : null;
  if (!mayManage(caller) && !(await inMandate(platform, caller, input.unitId))) {
    const charged = personId ? (await listInCharge(platform, { personId, unitId: input.unitId })).items : [];
    if (charged.length === 0) {
      throw new AppError(403, 'NOT_IN_CHARGE', {
        vi: 'Đồng chí không được phân công phụ trách đơn vị này.',
        en: 'You are not in charge of this unit.',
      });
    }
  }
  if (!(await unitRefs(platform, [input.unitId])).has(input.unitId)) {
    throw fail.validation([
      {
        in: 'body',
        path: 'unitId',
        code: 'unknown_unit',
        messages: { vi: 'Đơn vị không có trong sổ đơn vị.', en: 'The unit is not in the registry.' },
      },
    ]);
  }
  const row = {
    id: newId(now.getTime()),
    plan_id: input.planId ?? null,
    unit_id: input.unitId,
    person_id: personId,
    kind: input.kind,
    visited_on: input.visitedOn,
    findings: input.findings,
    follow_ups: input.followUps,
    recorded_by: caller.actor.userId,
    recorder_name: recorder?.name ?? caller.actor.name,
    created_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    if (row.plan_id && !(await tx.selectFrom('plans').select('id').where('id', '=', row.plan_id).executeTakeFirst())) {
      throw fail.validation([
        {
          in: 'body',
          path: 'planId',
          code: 'unknown_plan',
          messages: { vi: 'Không có kế hoạch này.', en: 'No such plan.' },
        },
      ]);
    }
    await tx.insertInto('plan_supervisions').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'plan_supervision.create', entityType: 'plan_supervision', entityId: row.id, after: row },
      now,
    );
  });
  publishPlans(platform, { entity: 'supervision', id: row.id, change: 'created' });
  return (await listSupervisions(platform, caller, { page: 1, pageSize: 1, unitId: row.unit_id, id: row.id })).items[0];
}

/** Is the unit a grassroots organisation inside the reach of the caller's `plans.supervise_any`? */
async function inMandate(platform: Platform, caller: Caller, unitId: string): Promise<boolean> {
  if (!(await can(caller.grants, 'plans.supervise_any', unitId, platform.unitScope))) return false;
  const unit = (await unitRefs(platform, [unitId])).get(unitId);
  return unit !== undefined && grassrootsKinds.includes(unit.kind);
}

/** The grassroots organisations live today inside the reach of `plans.supervise_any` (the Commission's mandate). */
async function mandateUnits(platform: Platform, caller: Caller) {
  const roots = reach(caller.grants, 'plans.supervise_any');
  if (roots !== null && roots.length === 0) return [];
  const day = vietnamDay(platform.clock());
  const options = { kinds: grassrootsKinds, limit: 2000 };
  const found =
    roots === null
      ? await liveUnits(platform, day, options)
      : (await Promise.all(roots.map((r) => unitsWithin(platform, r, day, options)))).flat();
  const byId = new Map(found.map((u) => [u.id, { id: u.id, name: u.name, shortName: u.shortName }]));
  return [...byId.values()].sort((a, b) => compareVi(a.name, b.name));
}

/**
 * The units the caller may record visits for: those their linked person is in charge of
 * (`items`), the grassroots organisations of the Commission's mandate (`mandate`), and (`any`)
 * every unit for a manager. Sorted in Vietnamese order.
 */
export async function supervisionUnits(platform: Platform, caller: Caller) {
  const personId = caller.actor.userId ? await personOfUser(platform, caller.actor.userId) : null;
  const charged = personId ? (await listInCharge(platform, { personId })).items : [];
  const items = charged
    .map((a) => ({ id: a.unitId, name: a.unitName, shortName: a.unitShortName }))
    .sort((a, b) => compareVi(a.name, b.name));
  return { any: mayManage(caller), items, mandate: await mandateUnits(platform, caller) };
}

export async function listSupervisions(
  platform: Platform,
  caller: Caller,
  query: { page: number; pageSize: number; planId?: string; unitId?: string; id?: string },
) {
  const vis = await visibilityOf(platform, caller);
  let base = platform.db.selectFrom('plan_supervisions');
  if (query.id) base = base.where('id', '=', query.id);
  if (query.planId) base = base.where('plan_id', '=', query.planId);
  if (query.unitId) base = base.where('unit_id', '=', query.unitId);
  if (!vis.all) {
    const own = caller.actor.userId;
    // a member also reads every visit to the units they are in charge of, whoever recorded it
    const personId = own ? await personOfUser(platform, own) : null;
    const charged = personId ? (await listInCharge(platform, { personId })).items.map((a) => a.unitId) : [];
    const ids = [...new Set([...vis.unitIds, ...charged])].slice(0, 5000);
    base = base.where((w) => w.or([w('unit_id', 'in', ids.length ? ids : ['-']), w('recorded_by', '=', own ?? '-')]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const refs = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      unit: { id: r.unit_id, name: refs.get(r.unit_id)?.name ?? '' },
      personId: r.person_id,
      kind: oneOf(['urge', 'inspect'], r.kind, 'plan_supervisions.kind'),
      visitedOn: r.visited_on,
      findings: r.findings,
      followUps: r.follow_ups,
      recorderName: r.recorder_name,
      createdAt: r.created_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
