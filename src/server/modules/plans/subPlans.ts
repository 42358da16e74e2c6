import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/lookups.ts';
import { inTransaction, mayReportFor, planNotFound, publishPlans, visibilityOf, type Caller } from './access.ts';
import { activityRow, insertActivity, requirePlan, setActivityUnits } from './activities.ts';
import { insertPlan } from './plans.ts';
import type { SubPlanInput } from './schema.ts';
import { vietnamDay } from './status.ts';

/**
 * "Căn cứ kế hoạch này xây dựng kế hoạch": a grassroots unit derives its plan from the Bloc's —
 * picks the activities that concern it (copied, pointing back at the original, with the unit
 * as lead), adds its own. The day it issues its plan is the day it deployed the Bloc's plan.
 */
export async function createSubPlan(platform: Platform, caller: Caller, parentId: string, input: SubPlanInput) {
  if (!(await mayReportFor(platform, caller, input.unitId))) throw fail.forbidden();
  const now = platform.clock();
  const today = vietnamDay(now);
  const issuedOn = input.issuedOn ?? today;
  if (issuedOn > today) {
    throw fail.validation([{ in: 'body', path: 'issuedOn', code: 'future_date', messages: { vi: 'Ngày ban hành không được sau hôm nay.', en: 'The day of issue cannot be after today.' } }]);
  }
  const id = await inTransaction(platform, async (tx) => {
    const parent = await requirePlan(tx, parentId);
    if (parent.parent_plan_id) throw fail.conflict('SUB_PLAN_OF_SUB_PLAN', { vi: 'Chỉ xây dựng kế hoạch từ kế hoạch của Đảng ủy Khối.', en: "Sub-plans derive from the Bloc's plan only." });
    const unit = (await unitRefs({ db: tx }, [input.unitId])).get(input.unitId);
    if (!unit) throw fail.validation([{ in: 'body', path: 'unitId', code: 'unknown_unit', messages: { vi: 'Đơn vị không có trong sổ đơn vị.', en: 'The unit is not in the registry.' } }]);
    if (await tx.selectFrom('plans').select('id').where('parent_plan_id', '=', parentId).where('unit_id', '=', input.unitId).executeTakeFirst()) {
      throw fail.conflict('SUB_PLAN_EXISTS', { vi: 'Đơn vị đã có kế hoạch triển khai kế hoạch này.', en: 'The unit already has its plan for this plan.' });
    }
    const picked = input.pick.length ? await tx.selectFrom('plan_activities').selectAll().where('plan_id', '=', parentId).where('id', 'in', input.pick).execute() : [];
    if (picked.length !== new Set(input.pick).size) {
      throw fail.validation([{ in: 'body', path: 'pick', code: 'unknown_activity', messages: { vi: 'Có nhiệm vụ không thuộc kế hoạch này.', en: 'An activity is not part of this plan.' } }]);
    }
    const plan = await insertPlan(
      tx,
      caller,
      {
        header: {
          superiorBody: parent.issuing_body, issuingBody: unit.name, symbolSuffix: null, number: input.number, place: parent.place, date: issuedOn,
          type: 'KẾ HOẠCH', title: input.title ?? `triển khai ${parent.type.toLocaleLowerCase('vi')} ${parent.title}`,
        },
        unitId: input.unitId, legalBasis: [`Căn cứ ${parent.type} ${parent.number ? `số ${parent.number} ` : ''}${parent.title};`], introduction: [], purposes: [],
        sections: [], periodStart: parent.period_start, periodDue: parent.period_due, deployDue: null, activities: [], milestones: [], recipients: [], archive: null,
        signer: { authority: null, position: null, name: null }, closing: null,
      },
      now,
      { parentPlanId: parentId },
    );
    let position = 0;
    for (const a of picked) {
      const row = { ...activityRow(plan.id, { kind: a.kind as 'task', section: a.section, title: a.title, description: a.description, subItems: JSON.parse(a.sub_items_json), leadUnitIds: [], coordinatingUnitIds: [], otherParticipants: [], start: a.start_on, due: a.due_on, tentative: a.tentative === 1, recurrence: a.recurrence as null, target: null, statusSource: null }, a.ref, ++position, now, a.id) };
      await tx.insertInto('plan_activities').values(row).execute();
      await setActivityUnits(tx, plan.id, row.id, [input.unitId], []);
    }
    for (const a of input.own) {
      ++position;
      await insertActivity(tx, plan.id, { ...a, leadUnitIds: a.leadUnitIds.length ? a.leadUnitIds : [input.unitId] }, a.ref || `R${position}`, position, now);
    }
    await recordAudit(tx, caller.actor, { action: 'plan.sub_plan.create', entityType: 'plan', entityId: plan.id, after: { ...plan, picked: input.pick, own: input.own.length } }, now);
    return plan.id;
  });
  publishPlans(platform, { entity: 'plan', id, change: 'created', planId: parentId });
  return id;
}

/**
 * The units the plan expects to deploy it (the grassroots units it assigns work to), with the
 * day each issued its own plan: on time (by `deploy_due`), late, or not yet. One page at a time.
 */
export async function deployment(platform: Platform, caller: Caller, planId: string, query: { page: number; pageSize: number }) {
  const plan = await requirePlan(platform.db, planId);
  const vis = await visibilityOf(platform, caller);
  if (!vis.all) throw planNotFound();
  const today = vietnamDay(platform.clock());
  const base = platform.db.selectFrom('plan_deploy_units as d').leftJoin('plans as s', (j) => j.onRef('s.parent_plan_id', '=', 'd.plan_id').onRef('s.unit_id', '=', 'd.unit_id')).where('d.plan_id', '=', plan.id);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const deployedCount = Number((await base.where('s.id', 'is not', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const onTimeCount = plan.deploy_due
    ? Number((await base.where('s.issued_on', '<=', plan.deploy_due).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    : deployedCount;
  const rows = await base.select(['d.unit_id', 's.id as sub_id', 's.issued_on']).orderBy('d.unit_id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  const refs = await unitRefs(platform, rows.map((r) => r.unit_id));
  const state = (issued: string | null, sub: string | null) =>
    !sub ? (plan.deploy_due && today > plan.deploy_due ? 'missing' : 'pending') : !plan.deploy_due || (issued && issued <= plan.deploy_due) ? 'on_time' : 'late';
  return {
    deployDue: plan.deploy_due,
    today,
    total,
    deployed: deployedCount,
    onTime: onTimeCount,
    late: deployedCount - onTimeCount,
    notDeployed: total - deployedCount,
    items: rows.map((r) => ({
      unit: { id: r.unit_id, name: refs.get(r.unit_id)?.name ?? '', shortName: refs.get(r.unit_id)?.shortName ?? null },
      subPlanId: r.sub_id,
      issuedOn: r.issued_on,
      state: state(r.issued_on, r.sub_id),
    })),
    page: query.page,
    pageSize: query.pageSize,
  };
}
