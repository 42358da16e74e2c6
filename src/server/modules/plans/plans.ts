import type { Kysely } from 'kysely';
import { fold } from '../../../common/text.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { deleteFilesOf } from '../../platform/files/store.ts';
import { REPORT_FILES } from './attachments.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { inTransaction, planNotFound, publishPlans, requireManage, visibilityOf, type Caller } from './access.ts';
import {
  activityViews,
  checkUnits,
  findPlan,
  insertActivity,
  maySeePlan,
  requirePlan,
  visibleActivities,
  type PlanRow,
} from './activities.ts';
import type { CreatePlanInput, UpdatePlanInput } from './schema.ts';
import { activityStatuses, vietnamDay, type ActivityStatus } from './status.ts';
import { foldedContains } from '../../platform/db/search.ts';

type Db = Kysely<Database>;

export type NewPlanOptions = { parentPlanId?: string | null; isDemo?: boolean; demoKey?: string | null };

/** Writes a plan with its activities, units and milestones; the caller holds the transaction and audits. */
export async function insertPlan(
  tx: Db,
  caller: Caller,
  input: CreatePlanInput,
  now: Date,
  options: NewPlanOptions = {},
): Promise<PlanRow> {
  if (input.unitId) await checkUnits(tx, [input.unitId], 'unitId');
  const refs = new Set<string>();
  input.activities.forEach((a, i) => {
    const ref = a.ref || `A${i + 1}`;
    if (refs.has(ref)) {
      throw fail.validation([
        {
          in: 'body',
          path: `activities.${i}.ref`,
          code: 'duplicate_ref',
          messages: { vi: 'Mã nhiệm vụ bị trùng.', en: 'Duplicate activity ref.' },
        },
      ]);
    }
    refs.add(ref);
  });
  input.milestones.forEach((m, i) =>
    m.closes.forEach((r, j) => {
      if (!refs.has(r)) {
        throw fail.validation([
          {
            in: 'body',
            path: `milestones.${i}.closes.${j}`,
            code: 'unknown_ref',
            messages: {
              vi: 'Mốc thời gian nhắc tới nhiệm vụ không có.',
              en: 'The milestone names an activity that does not exist.',
            },
          },
        ]);
      }
    }),
  );
  const at = now.toISOString();
  const plan: PlanRow = {
    id: newId(now.getTime()),
    parent_plan_id: options.parentPlanId ?? null,
    unit_id: input.unitId ?? null,
    superior_body: input.header.superiorBody,
    issuing_body: input.header.issuingBody,
    symbol_suffix: input.header.symbolSuffix,
    number: input.header.number,
    place: input.header.place,
    issued_on: input.header.date,
    type: input.header.type,
    title: input.header.title,
    title_folded: fold(input.header.title),
    legal_basis_json: JSON.stringify(input.legalBasis),
    introduction_json: JSON.stringify(input.introduction),
    purposes_json: JSON.stringify(input.purposes),
    sections_json: JSON.stringify(input.sections),
    recipients_json: JSON.stringify(input.recipients),
    archive: input.archive,
    signer_json: JSON.stringify(input.signer),
    closing: input.closing,
    period_start: input.periodStart,
    period_due: input.periodDue,
    deploy_due: input.deployDue,
    demo_key: options.demoKey ?? null,
    is_demo: options.isDemo ? 1 : 0,
    created_by: caller.actor.userId,
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('plans').values(plan).execute();
  const idOfRef = new Map<string, string>();
  for (const [i, a] of input.activities.entries()) {
    const ref = a.ref || `A${i + 1}`;
    const row = await insertActivity(tx, plan.id, a, ref, i + 1, now);
    idOfRef.set(ref, row.id);
  }
  for (const [i, m] of input.milestones.entries()) {
    await tx
      .insertInto('plan_milestones')
      .values({
        id: newId(now.getTime()),
        plan_id: plan.id,
        position: i + 1,
        title: m.title,
        text: m.text,
        start_on: m.start,
        due_on: m.due,
        tentative: m.tentative ? 1 : 0,
        closes_json: JSON.stringify(m.closes.map((r) => idOfRef.get(r)!)),
      })
      .execute();
  }
  return plan;
}

export async function createPlan(
  platform: Platform,
  caller: Caller,
  input: CreatePlanInput,
  options: NewPlanOptions = {},
) {
  requireManage(caller);
  const now = platform.clock();
  const plan = await inTransaction(platform, async (tx) => {
    const row = await insertPlan(tx, caller, input, now, options);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan.create',
        entityType: 'plan',
        entityId: row.id,
        after: { ...row, activities: input.activities.length, milestones: input.milestones.length },
      },
      now,
    );
    return row;
  });
  publishPlans(platform, { entity: 'plan', id: plan.id, change: 'created' });
  return plan;
}

export function planHeader(p: PlanRow) {
  return {
    id: p.id,
    parentPlanId: p.parent_plan_id,
    unitId: p.unit_id,
    superiorBody: p.superior_body,
    issuingBody: p.issuing_body,
    symbolSuffix: p.symbol_suffix,
    number: p.number,
    place: p.place,
    date: p.issued_on,
    type: p.type,
    title: p.title,
    periodStart: p.period_start,
    periodDue: p.period_due,
    deployDue: p.deploy_due,
    isDemo: p.is_demo === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export async function milestonesOf(db: Db, planId: string) {
  const rows = await db
    .selectFrom('plan_milestones')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    text: m.text,
    start: m.start_on,
    due: m.due_on,
    tentative: m.tentative === 1,
    closes: JSON.parse(m.closes_json) as string[],
  }));
}

export function countByStatus(statuses: ActivityStatus[]) {
  const counts = Object.fromEntries(activityStatuses.map((s) => [s, 0])) as Record<ActivityStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

/** The plan as data, with the activities the caller may see and their status today. */
export async function getPlan(platform: Platform, caller: Caller, id: string) {
  const plan = await findPlan(platform.db, id);
  const vis = await visibilityOf(platform, caller);
  if (!plan || !(await maySeePlan(platform.db, plan, vis))) throw planNotFound();
  const today = vietnamDay(platform.clock());
  const activities = await activityViews(platform, plan, await visibleActivities(platform.db, plan, vis), today);
  const owner = plan.unit_id ? (await unitRefs(platform, [plan.unit_id])).get(plan.unit_id) : undefined;
  return {
    ...planHeader(plan),
    unit: owner ? { id: owner.id, name: owner.name, shortName: owner.shortName } : null,
    legalBasis: JSON.parse(plan.legal_basis_json) as string[],
    introduction: JSON.parse(plan.introduction_json) as string[],
    purposes: JSON.parse(plan.purposes_json) as string[],
    sections: JSON.parse(plan.sections_json) as CreatePlanInput['sections'],
    recipients: JSON.parse(plan.recipients_json) as string[],
    archive: plan.archive,
    signer: JSON.parse(plan.signer_json) as CreatePlanInput['signer'],
    closing: plan.closing,
    milestones: await milestonesOf(platform.db, plan.id),
    activities,
    counts: countByStatus(activities.map((a) => a.status)),
    // a unit reads the whole of its own plan
    seesWholePlan: vis.all || (plan.unit_id !== null && vis.unitIds.includes(plan.unit_id)),
    today,
  };
}

export async function listPlans(
  platform: Platform,
  caller: Caller,
  query: { page: number; pageSize: number; parentId?: string; q?: string },
) {
  const vis = await visibilityOf(platform, caller);
  let base = platform.db.selectFrom('plans as p');
  base = query.parentId
    ? base.where('p.parent_plan_id', '=', query.parentId)
    : base.where('p.parent_plan_id', 'is', null);
  if (query.q) base = base.where('p.title_folded', 'like', foldedContains(query.q));
  if (!vis.all) {
    const ids = vis.unitIds.slice(0, 5000);
    if (ids.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    base = base.where((w) =>
      w.or([
        w('p.unit_id', 'in', ids),
        w.exists(
          w
            .selectFrom('plan_activity_units as u')
            .select('u.unit_id')
            .whereRef('u.plan_id', '=', 'p.id')
            .where('u.unit_id', 'in', ids),
        ),
      ]),
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll('p')
    .orderBy('p.issued_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(planHeader), total, page: query.page, pageSize: query.pageSize };
}

export async function updatePlan(platform: Platform, caller: Caller, id: string, input: UpdatePlanInput) {
  requireManage(caller);
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const before = await requirePlan(tx, id);
    const change: Partial<PlanRow> = {
      ...(input.superiorBody !== undefined ? { superior_body: input.superiorBody } : {}),
      ...(input.issuingBody !== undefined ? { issuing_body: input.issuingBody } : {}),
      ...(input.symbolSuffix !== undefined ? { symbol_suffix: input.symbolSuffix } : {}),
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.date !== undefined ? { issued_on: input.date } : {}),
      ...(input.title !== undefined ? { title: input.title, title_folded: fold(input.title) } : {}),
      ...(input.periodStart !== undefined ? { period_start: input.periodStart } : {}),
      ...(input.periodDue !== undefined ? { period_due: input.periodDue } : {}),
      ...(input.deployDue !== undefined ? { deploy_due: input.deployDue } : {}),
      ...(input.recipients !== undefined ? { recipients_json: JSON.stringify(input.recipients) } : {}),
      ...(input.closing !== undefined ? { closing: input.closing || null } : {}),
      updated_at: now.toISOString(),
    };
    await tx.updateTable('plans').set(change).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'plan.update', entityType: 'plan', entityId: id, before, after: { ...before, ...change } },
      now,
    );
  });
  publishPlans(platform, { entity: 'plan', id, change: 'updated' });
  return getPlan(platform, caller, id);
}

/** Deletes a plan with everything in it; refused while sub-plans derive from it. */
export async function deletePlan(platform: Platform, caller: Caller, id: string) {
  requireManage(caller);
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const before = await requirePlan(tx, id);
    const child = await tx
      .selectFrom('plans')
      .select('id')
      .where('parent_plan_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (child)
      throw fail.conflict('PLAN_HAS_SUB_PLANS', {
        vi: 'Đã có đơn vị xây dựng kế hoạch từ kế hoạch này; không xóa được.',
        en: 'Units have derived their plans from this plan; it cannot be deleted.',
      });
    const reports = await tx.selectFrom('plan_reports').select('id').where('plan_id', '=', id).execute();
    await deleteFilesOf(
      tx,
      REPORT_FILES,
      reports.map((r) => r.id),
    );
    await tx.deleteFrom('plan_reports').where('plan_id', '=', id).execute();
    await tx.deleteFrom('plan_activity_units').where('plan_id', '=', id).execute();
    await tx.updateTable('plan_activities').set({ origin_activity_id: null }).where('plan_id', '=', id).execute();
    // reminders about its activities would lead nowhere
    await tx
      .deleteFrom('notifications')
      .where('entity_type', '=', 'plan_activity')
      .where('entity_id', 'in', (eb) => eb.selectFrom('plan_activities').select('id').where('plan_id', '=', id))
      .execute();
    await tx.deleteFrom('plan_activities').where('plan_id', '=', id).execute();
    await tx.deleteFrom('plan_milestones').where('plan_id', '=', id).execute();
    await tx.deleteFrom('plan_deploy_units').where('plan_id', '=', id).execute();
    await tx.updateTable('plan_supervisions').set({ plan_id: null }).where('plan_id', '=', id).execute();
    await tx.deleteFrom('plans').where('id', '=', id).execute();
    await recordAudit(tx, caller.actor, { action: 'plan.delete', entityType: 'plan', entityId: id, before }, now);
  });
  publishPlans(platform, { entity: 'plan', id, change: 'deleted' });
}

export { planNotFound };
