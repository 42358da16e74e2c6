import { splitDocumentNumber } from '../../../common/documentNumber.ts';
import { compareVi } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { reach } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';
import { grassrootsKinds, subtreeOf, unitRefs } from '../organisation/index.ts';
import {
  inTransaction,
  mayManage,
  mayReportFor,
  planNotFound,
  publishPlans,
  visibilityOf,
  type Caller,
} from './access.ts';
import { activityRow, insertActivity, maySeePlan, requirePlan, setActivityUnits, type PlanRow } from './activities.ts';
import { insertPlan } from './plans.ts';
import type { CreatePlanInput, SubPlanInput } from './schema.ts';
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
    throw fail.validation([
      {
        in: 'body',
        path: 'issuedOn',
        code: 'future_date',
        messages: { vi: 'Ngày ban hành không được sau hôm nay.', en: 'The day of issue cannot be after today.' },
      },
    ]);
  }
  // "12-KH/ĐU" as the unit writes it: the number 12, the unit's symbol ĐU
  const { number, symbolSuffix } = splitDocumentNumber(input.number);
  const id = await inTransaction(platform, async (tx) => {
    const parent = await requirePlan(tx, parentId);
    if (parent.parent_plan_id) throw subPlanOfSubPlan();
    const unit = (await unitRefs({ db: tx }, [input.unitId])).get(input.unitId);
    if (!unit)
      throw fail.validation([
        {
          in: 'body',
          path: 'unitId',
          code: 'unknown_unit',
          messages: { vi: 'Đơn vị không có trong sổ đơn vị.', en: 'The unit is not in the registry.' },
        },
      ]);
    if (
      await tx
        .selectFrom('plans')
        .select('id')
        .where('parent_plan_id', '=', parentId)
        .where('unit_id', '=', input.unitId)
        .executeTakeFirst()
    ) {
      throw fail.conflict('SUB_PLAN_EXISTS', {
        vi: 'Đơn vị đã có kế hoạch triển khai kế hoạch này.',
        en: 'The unit already has its plan for this plan.',
      });
    }
    const picked = input.pick.length
      ? await tx
          .selectFrom('plan_activities')
          .selectAll()
          .where('plan_id', '=', parentId)
          .where('id', 'in', input.pick)
          .orderBy('position')
          .execute()
      : [];
    if (picked.length !== new Set(input.pick).size) {
      throw fail.validation([
        {
          in: 'body',
          path: 'pick',
          code: 'unknown_activity',
          messages: { vi: 'Có nhiệm vụ không thuộc kế hoạch này.', en: 'An activity is not part of this plan.' },
        },
      ]);
    }
    const plan = await insertPlan(
      tx,
      caller,
      {
        header: {
          superiorBody: parent.issuing_body,
          issuingBody: unit.name,
          symbolSuffix,
          number,
          place: parent.place,
          date: issuedOn,
          type: 'KẾ HOẠCH',
          title: input.title ?? `triển khai ${parent.type.toLocaleLowerCase('vi')} ${parent.title}`,
        },
        unitId: input.unitId,
        legalBasis: [`Căn cứ ${parent.type} ${parent.number ? `số ${parent.number} ` : ''}${parent.title};`],
        introduction: [],
        purposes: [],
        sections: subPlanSections(JSON.parse(parent.sections_json), [
          ...picked.map((a) => a.section),
          ...input.own.map((a) => a.section),
        ]),
        periodStart: parent.period_start,
        periodDue: parent.period_due,
        deployDue: null,
        activities: [],
        milestones: [],
        recipients: [],
        archive: null,
        signer: { authority: null, position: null, name: null },
        closing: null,
      },
      now,
      { parentPlanId: parentId },
    );
    let position = 0;
    for (const a of picked) {
      const row = {
        ...activityRow(
          plan.id,
          {
            kind: a.kind as 'task',
            section: a.section,
            title: a.title,
            description: a.description,
            subItems: JSON.parse(a.sub_items_json),
            leadUnitIds: [],
            coordinatingUnitIds: [],
            otherParticipants: [],
            start: a.start_on,
            due: a.due_on,
            tentative: a.tentative === 1,
            recurrence: a.recurrence as null,
            target: null,
            statusSource: null,
          },
          a.ref,
          ++position,
          now,
          a.id,
        ),
      };
      await tx.insertInto('plan_activities').values(row).execute();
      await setActivityUnits(tx, plan.id, row.id, [input.unitId], []);
    }
    for (const a of input.own) {
      ++position;
      await insertActivity(
        tx,
        plan.id,
        { ...a, leadUnitIds: a.leadUnitIds.length ? a.leadUnitIds : [input.unitId] },
        a.ref || `R${position}`,
        position,
        now,
      );
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan.sub_plan.create',
        entityType: 'plan',
        entityId: plan.id,
        after: { ...plan, picked: input.pick, own: input.own.length },
      },
      now,
    );
    return plan.id;
  });
  publishPlans(platform, { entity: 'plan', id, change: 'created', planId: parentId });
  return id;
}

type Section = CreatePlanInput['sections'][number];

const subPlanOfSubPlan = () =>
  fail.conflict('SUB_PLAN_OF_SUB_PLAN', {
    vi: 'Chỉ xây dựng kế hoạch từ kế hoạch của Đảng ủy Khối.',
    en: "Sub-plans derive from the Bloc's plan only.",
  });

/**
 * The sections a unit's plan keeps: those of the Bloc's plan that hold its activities, with the
 * sections above them, in the Bloc's order; a section the Bloc's plan does not have (a unit's
 * own heading) comes last.
 */
export function subPlanSections(parentSections: Section[], paths: string[]): Section[] {
  const wanted = new Set<string>();
  for (const path of paths) {
    const parts = path.split('.');
    for (let i = 1; i <= parts.length; i++) wanted.add(parts.slice(0, i).join('.'));
  }
  const known = new Set(parentSections.map((s) => s.path));
  const kept = parentSections.filter((s) => wanted.has(s.path));
  const added: Section[] = [...wanted]
    .filter((path) => !known.has(path))
    .map((path) => ({
      path,
      marker: '',
      title: path.includes('.') ? '' : 'Nhiệm vụ khác của đơn vị',
      role: 'content',
      notes: [],
    }));
  return [...kept, ...added];
}

type SubPlanRef = {
  id: string;
  type: string;
  number: string | null;
  symbolSuffix: string | null;
  date: string | null;
  title: string;
};
const subPlanRef = (
  p: Pick<PlanRow, 'id' | 'type' | 'number' | 'symbol_suffix' | 'issued_on' | 'title'>,
): SubPlanRef => ({
  id: p.id,
  type: p.type,
  number: p.number,
  symbolSuffix: p.symbol_suffix,
  date: p.issued_on,
  title: p.title,
});

/**
 * The units the caller may build this plan's sub-plan for, each with the sub-plan it already has:
 * the units the plan expects to deploy it inside the caller's `plans.report` grants (and a
 * grassroots unit the caller is granted on, should the plan not list it); a manager, every unit
 * the plan expects. Sorted in Vietnamese order.
 */
export async function subPlanUnits(platform: Platform, caller: Caller, planId: string) {
  const db = platform.db;
  const plan = await requirePlan(db, planId);
  if (!(await maySeePlan(db, plan, await visibilityOf(platform, caller)))) throw planNotFound();
  if (plan.parent_plan_id) throw subPlanOfSubPlan();
  const roots = mayManage(caller) ? null : reach(caller.grants, 'plans.report');
  let unitIds: string[];
  if (roots === null) {
    unitIds = (
      await db.selectFrom('plan_deploy_units').select('unit_id').where('plan_id', '=', planId).limit(20_000).execute()
    ).map((r) => r.unit_id);
  } else if (roots.length === 0) {
    unitIds = [];
  } else {
    const expected = await db
      .selectFrom('plan_deploy_units as d')
      .innerJoin(subtreeOf(db, roots).as('c'), 'c.unit_id', 'd.unit_id')
      .select('d.unit_id')
      .distinct()
      .where('d.plan_id', '=', planId)
      .limit(20_000)
      .execute();
    const granted = [...(await unitRefs(platform, roots)).values()].filter(
      (u) => grassrootsKinds.includes(u.kind) && u.validTo === null && u.id !== plan.unit_id,
    );
    unitIds = [...new Set([...expected.map((r) => r.unit_id), ...granted.map((u) => u.id)])];
  }
  const refs = await unitRefs(platform, unitIds);
  const subs = new Map<string, SubPlanRef>();
  for (let i = 0; i < unitIds.length; i += 400) {
    const rows = await db
      .selectFrom('plans')
      .select(['id', 'unit_id', 'type', 'number', 'symbol_suffix', 'issued_on', 'title'])
      .where('parent_plan_id', '=', planId)
      .where('unit_id', 'in', unitIds.slice(i, i + 400))
      .execute();
    for (const r of rows) if (r.unit_id) subs.set(r.unit_id, subPlanRef(r));
  }
  const items = [...refs.values()]
    .map((u) => ({ unit: { id: u.id, name: u.name, shortName: u.shortName }, subPlan: subs.get(u.id) ?? null }))
    .sort((a, b) => compareVi(a.unit.name, b.unit.name));
  return { items, deployDue: plan.deploy_due };
}

/**
 * What a unit needs to build its plan from the Bloc's: the Bloc's sections and every activity,
 * each marked with the unit's part in it (lead, coordinating or none), a proposed title, and the
 * plan the unit already has, if any. The whole plan is shown here, not only the unit's part:
 * the Bloc's plan is sent to every unit, and the unit may take on any of it.
 */
export async function subPlanDraft(platform: Platform, caller: Caller, planId: string, unitId: string) {
  const db = platform.db;
  if (!(await mayReportFor(platform, caller, unitId))) throw fail.forbidden();
  const plan = await requirePlan(db, planId);
  if (!(await maySeePlan(db, plan, await visibilityOf(platform, caller)))) throw planNotFound();
  if (plan.parent_plan_id) throw subPlanOfSubPlan();
  const unit = (await unitRefs(platform, [unitId])).get(unitId);
  if (!unit)
    throw fail.validation([
      {
        in: 'query',
        path: 'unitId',
        code: 'unknown_unit',
        messages: { vi: 'Đơn vị không có trong sổ đơn vị.', en: 'The unit is not in the registry.' },
      },
    ]);
  const existing = await db
    .selectFrom('plans')
    .select(['id', 'type', 'number', 'symbol_suffix', 'issued_on', 'title'])
    .where('parent_plan_id', '=', planId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('plan_activities')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .limit(2000)
    .execute();
  const lines = await db
    .selectFrom('plan_activity_units')
    .select(['activity_id', 'role'])
    .where('plan_id', '=', planId)
    .where('unit_id', '=', unitId)
    .execute();
  const roleOf = new Map(lines.map((l) => [l.activity_id, l.role as 'lead' | 'coordinating']));
  const sections = JSON.parse(plan.sections_json) as Section[];
  return {
    plan: {
      id: plan.id,
      type: plan.type,
      number: plan.number,
      symbolSuffix: plan.symbol_suffix,
      date: plan.issued_on,
      title: plan.title,
      issuingBody: plan.issuing_body,
      deployDue: plan.deploy_due,
    },
    unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
    subPlan: existing ? subPlanRef(existing) : null,
    proposedTitle: `${plan.title} của ${unit.name}`,
    sections: sections.map((s) => ({ path: s.path, marker: s.marker, title: s.title, role: s.role })),
    activities: rows.map((a) => ({
      id: a.id,
      ref: a.ref,
      kind: a.kind,
      section: a.section,
      title: a.title,
      start: a.start_on,
      due: a.due_on,
      tentative: a.tentative === 1,
      recurrence: a.recurrence,
      role: roleOf.get(a.id) ?? null,
    })),
  };
}

/**
 * The units the plan expects to deploy it (the grassroots units it assigns work to), with the
 * day each issued its own plan: on time (by `deploy_due`), late, or not yet. One page at a time.
 */
export async function deployment(
  platform: Platform,
  caller: Caller,
  planId: string,
  query: { page: number; pageSize: number },
) {
  const plan = await requirePlan(platform.db, planId);
  const vis = await visibilityOf(platform, caller);
  if (!vis.all) throw planNotFound();
  const today = vietnamDay(platform.clock());
  const base = platform.db
    .selectFrom('plan_deploy_units as d')
    .leftJoin('plans as s', (j) => j.onRef('s.parent_plan_id', '=', 'd.plan_id').onRef('s.unit_id', '=', 'd.unit_id'))
    .where('d.plan_id', '=', plan.id);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const deployedCount = Number(
    (
      await base
        .where('s.id', 'is not', null)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const onTimeCount = plan.deploy_due
    ? Number(
        (
          await base
            .where('s.issued_on', '<=', plan.deploy_due)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    : deployedCount;
  const rows = await base
    .select(['d.unit_id', 's.id as sub_id', 's.issued_on'])
    .orderBy('d.unit_id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const refs = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  const state = (issued: string | null, sub: string | null): 'on_time' | 'late' | 'missing' | 'pending' =>
    !sub
      ? plan.deploy_due && today > plan.deploy_due
        ? 'missing'
        : 'pending'
      : !plan.deploy_due || (issued && issued <= plan.deploy_due)
        ? 'on_time'
        : 'late';
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
