import type { Selectable } from 'kysely';
import { vietnamDay } from '../../../common/dates.ts';
import { fold, nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { attachFiles, filesOf, type StoredFile } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { unitRefs } from '../organisation/index.ts';
import { activityInput, addActivity, getActivity } from '../plans/index.ts';
import { type Caller, incomingNotFound, inTransaction, requirePermission } from './access.ts';
import { publishOffice } from './live.ts';
import { nextArrivalNumber } from './numbering.ts';
import type { AssignInput, IncomingInput, IncomingOut, TaskInput } from './schema.ts';
import type { OfficeIncomingTable } from './tables.ts';

/**
 * The incoming register: each document received gets the next arrival number of the year, in
 * order of receipt (numbering.ts); the leader assigns a lead unit, coordinating units and a
 * deadline; the assignment can become a task of a plan, whose status then counts; handling past
 * the deadline is flagged overdue.
 */
export const INCOMING_FILES = 'office_incoming';
type IncomingRow = Selectable<OfficeIncomingTable>;

export async function recordIncoming(platform: Platform, caller: Caller, input: IncomingInput): Promise<IncomingOut> {
  requirePermission(caller, 'office.incoming');
  const now = platform.clock();
  const id = await inTransaction(platform, async (tx) => {
    const year = Number(input.receivedOn.slice(0, 4));
    const arrival = await nextArrivalNumber(tx, year);
    const summary = nfc(input.summary);
    const row = {
      id: newId(now.getTime()),
      year,
      arrival_number: arrival,
      received_on: input.receivedOn,
      sender: input.sender,
      reference: input.reference,
      doc_date: input.docDate,
      summary,
      summary_folded: fold(`${summary} ${input.sender} ${input.reference}`),
      lead_unit_id: null,
      coordinating_json: '[]',
      deadline: null,
      instructions: null,
      assigned_by: null,
      assigned_at: null,
      plan_activity_id: null,
      done_on: null,
      created_by: caller.actor.userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('office_incoming').values(row).execute();
    if (input.fileId)
      await attachFiles(tx, caller.actor, [input.fileId], { type: INCOMING_FILES, id: row.id }, 'fileId');
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_incoming.record', entityType: 'office_incoming', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  publishOffice(platform, 'incoming', { incomingId: id });
  return getIncoming(platform, caller, id);
}

async function findIncoming(platform: Platform, id: string) {
  const row = await platform.db.selectFrom('office_incoming').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw incomingNotFound();
  return row;
}

async function change(
  platform: Platform,
  caller: Caller,
  id: string,
  action: string,
  set: Partial<Omit<IncomingRow, 'id'>>,
): Promise<IncomingOut> {
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('office_incoming').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw incomingNotFound();
    const values = { ...set, updated_at: now.toISOString() };
    await tx.updateTable('office_incoming').set(values).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action, entityType: 'office_incoming', entityId: id, before, after: { ...before, ...values } },
      now,
    );
  });
  publishOffice(platform, 'incoming', { incomingId: id });
  return getIncoming(platform, caller, id);
}

/** The leader's assignment: a lead unit, coordinating units, a deadline (not before the day received). */
export async function assignIncoming(platform: Platform, caller: Caller, id: string, input: AssignInput) {
  requirePermission(caller, 'office.incoming');
  const row = await findIncoming(platform, id);
  const coordinating = [...new Set(input.coordinatingUnitIds)].filter((u) => u !== input.leadUnitId);
  const known = await unitRefs(platform, [input.leadUnitId, ...coordinating]);
  if (!known.has(input.leadUnitId))
    throw fail.field(
      'leadUnitId',
      'unknown_unit',
      'Đơn vị không có trong danh mục.',
      'The unit is not in the registry.',
    );
  const unknown = coordinating.findIndex((u) => !known.has(u));
  if (unknown >= 0)
    throw fail.field(
      `coordinatingUnitIds.${unknown}`,
      'unknown_unit',
      'Đơn vị không có trong danh mục.',
      'The unit is not in the registry.',
    );
  if (input.deadline && input.deadline < row.received_on)
    throw fail.field(
      'deadline',
      'before_received',
      'Hạn xử lý trước ngày nhận văn bản.',
      'The deadline is before the day the document arrived.',
    );
  return change(platform, caller, id, 'office_incoming.assign', {
    lead_unit_id: input.leadUnitId,
    coordinating_json: JSON.stringify(coordinating),
    deadline: input.deadline,
    instructions: input.instructions || null,
    assigned_by: caller.actor.userId,
    assigned_at: platform.clock().toISOString(),
  });
}

/** The assignment becomes a task of a plan (through plans' own service and checks); its status then comes from there. */
export async function incomingToTask(platform: Platform, caller: Caller, id: string, input: TaskInput) {
  requirePermission(caller, 'office.incoming');
  const row = await findIncoming(platform, id);
  if (!row.lead_unit_id)
    throw fail.conflict('NOT_ASSIGNED', {
      vi: 'Văn bản chưa được giao đơn vị chủ trì.',
      en: 'The document has no lead unit yet.',
    });
  if (row.plan_activity_id)
    throw fail.conflict('ALREADY_TASK', {
      vi: 'Văn bản đã được đưa vào kế hoạch.',
      en: 'The document is already a task in a plan.',
    });
  const activity = await addActivity(
    platform,
    caller,
    input.planId,
    activityInput.parse({
      section: input.section,
      title: `Xử lý văn bản ${row.reference} của ${row.sender}: ${row.summary}`.slice(0, 1000),
      description: row.instructions ?? '',
      leadUnitIds: [row.lead_unit_id],
      coordinatingUnitIds: JSON.parse(row.coordinating_json) as string[],
      start: row.received_on,
      due: row.deadline,
    }),
  );
  return change(platform, caller, id, 'office_incoming.task', { plan_activity_id: activity.id });
}

export async function markIncomingDone(platform: Platform, caller: Caller, id: string, doneOn: string) {
  requirePermission(caller, 'office.incoming');
  const row = await findIncoming(platform, id);
  if (row.plan_activity_id)
    throw fail.conflict('STATUS_FROM_PLAN', {
      vi: 'Tình trạng xử lý lấy theo nhiệm vụ trong kế hoạch; hãy báo cáo ở đó.',
      en: 'The handling status comes from the plan task; report it there.',
    });
  if (doneOn < row.received_on)
    throw fail.field('doneOn', 'before_received', 'Ngày xong trước ngày nhận.', 'Done before it arrived.');
  return change(platform, caller, id, 'office_incoming.done', { done_on: doneOn });
}

function ownStatus(row: IncomingRow, today: string): IncomingOut['status'] {
  if (row.done_on) return row.deadline && row.done_on > row.deadline ? 'done_late' : 'done';
  if (!row.lead_unit_id) return 'unassigned';
  return row.deadline && row.deadline < today ? 'overdue' : 'in_progress';
}

const fromPlan: Record<string, IncomingOut['status']> = {
  done_on_time: 'done',
  done_late: 'done_late',
  in_progress: 'in_progress',
  overdue: 'overdue',
};

async function describeIncoming(platform: Platform, rows: IncomingRow[]): Promise<IncomingOut[]> {
  const today = vietnamDay(platform.clock());
  const files = await filesOf(
    platform.db,
    INCOMING_FILES,
    rows.map((r) => r.id),
  );
  const unitIds = rows.flatMap((r) => [
    ...(r.lead_unit_id ? [r.lead_unit_id] : []),
    ...(JSON.parse(r.coordinating_json) as string[]),
  ]);
  const units = await unitRefs(platform, unitIds);
  const ref = (id: string) => ({ id, name: units.get(id)?.name ?? '' });
  const out: IncomingOut[] = [];
  for (const r of rows) {
    let status = ownStatus(r, today);
    let doneOn = r.done_on;
    if (r.plan_activity_id) {
      // the plan decides: read as the system, since the register's reader may not follow that plan
      const activity = await getActivity(platform, systemCaller(), r.plan_activity_id).catch(() => null);
      if (activity) {
        status = fromPlan[activity.status] ?? status;
        doneOn = activity.doneOn;
      }
    }
    out.push({
      id: r.id,
      year: r.year,
      arrivalNumber: r.arrival_number,
      receivedOn: r.received_on,
      sender: r.sender,
      reference: r.reference,
      docDate: r.doc_date,
      summary: r.summary,
      file: (files.get(r.id)?.[0] as StoredFile | undefined) ?? null,
      lead: r.lead_unit_id ? ref(r.lead_unit_id) : null,
      coordinating: (JSON.parse(r.coordinating_json) as string[]).map(ref),
      deadline: r.deadline,
      instructions: r.instructions,
      assignedAt: r.assigned_at,
      planActivityId: r.plan_activity_id,
      doneOn,
      status,
    });
  }
  return out;
}

export async function getIncoming(platform: Platform, caller: Caller, id: string): Promise<IncomingOut> {
  requirePermission(caller, 'office.read');
  const [one] = await describeIncoming(platform, [await findIncoming(platform, id)]);
  return one;
}

export async function listIncoming(
  platform: Platform,
  caller: Caller,
  query: { q?: string; year?: number; overdue?: '1' | '0' },
): Promise<{ items: IncomingOut[] }> {
  requirePermission(caller, 'office.read');
  let q = platform.db.selectFrom('office_incoming').selectAll();
  if (query.year) q = q.where('year', '=', query.year);
  if (query.q?.trim()) q = q.where('summary_folded', 'like', foldedContains(query.q));
  const rows = await q.orderBy('year', 'desc').orderBy('arrival_number', 'desc').limit(1000).execute();
  const items = await describeIncoming(platform, rows);
  return { items: query.overdue === '1' ? items.filter((i) => i.status === 'overdue') : items };
}
