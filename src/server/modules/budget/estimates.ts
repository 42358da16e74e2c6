import type { Kysely, Selectable } from 'kysely';
import { lineAmount, MAX_AMOUNT } from '../../../common/money.ts';
import { nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { planBrief, planOfActivity } from '../plans/index.ts';
import { type Caller, estimateNotFound, inTransaction, requireBudget } from './access.ts';
import { planReceipts, sourceFigures } from './figures.ts';
import type { DraftInput, EstimateInput, EstimateOut } from './schema.ts';
import type { BudgetLinesTable, BudgetVersionsTable } from './tables.ts';

/**
 * An estimate per plan activity, kept in versions (ADR 25): the Office edits a draft and submits
 * it; the Standing Committee approves it (the version is then frozen) or returns it with a reason;
 * a change after approval is a new version started from the approved one, which stays in force
 * until the new one is approved. A line keeps its key from version to version, so spending
 * recorded against it and the comparison of versions follow the line.
 */
type Db = Kysely<Database>;
type VersionRow = Selectable<BudgetVersionsTable>;
type LineRow = Selectable<BudgetLinesTable>;

const conflict = (vi: string, en: string) => fail.conflict('ESTIMATE_STATE', { vi, en });

async function versionsOf(db: Db, estimateId: string) {
  return db
    .selectFrom('budget_versions')
    .selectAll()
    .where('estimate_id', '=', estimateId)
    .orderBy('number')
    .limit(10_000)
    .execute();
}
const latest = (versions: VersionRow[]) => versions[versions.length - 1];

export async function linesOf(db: Db, versionIds: string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  if (!versionIds.length) return out;
  const rows = await db
    .selectFrom('budget_lines')
    .selectAll()
    .where('version_id', 'in', versionIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.version_id, [...(out.get(r.version_id) ?? []), r]);
  return out;
}

export const lineView = (l: LineRow) => ({
  key: l.line_key,
  position: l.position,
  item: l.item,
  quantity: l.quantity_milli / 1000,
  unit: l.unit,
  unitPrice: l.unit_price,
  amount: l.amount,
  source: l.source,
});

async function findEstimate(db: Db, id: string) {
  const row = await db.selectFrom('budget_estimates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw estimateNotFound();
  return row;
}

export async function createEstimate(
  platform: Platform,
  caller: Caller,
  input: EstimateInput,
  options: { isDemo?: boolean } = {},
): Promise<EstimateOut> {
  await requireBudget(platform, caller, 'budget.edit');
  const planId = await planOfActivity(platform, input.activityId);
  if (!planId)
    throw fail.field(
      'activityId',
      'not_found',
      'Không có hoạt động này trong kế hoạch.',
      'There is no such plan activity.',
    );
  const now = platform.clock();
  const id = await inTransaction(platform, async (tx) => {
    const taken = await tx
      .selectFrom('budget_estimates')
      .select('id')
      .where('activity_id', '=', input.activityId)
      .executeTakeFirst();
    if (taken)
      throw fail.conflict('ESTIMATE_EXISTS', {
        vi: 'Hoạt động này đã có dự toán; hãy sửa dự toán đó.',
        en: 'This activity already has an estimate; edit that one.',
      });
    const row = {
      id: newId(now.getTime()),
      plan_id: planId,
      activity_id: input.activityId,
      title: input.title,
      is_demo: options.isDemo ? 1 : 0,
      created_by: caller.actor.userId,
      created_at: now.toISOString(),
    };
    await tx.insertInto('budget_estimates').values(row).execute();
    await tx
      .insertInto('budget_versions')
      .values(emptyVersion(row.id, 1, now))
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_estimate.create', entityType: 'budget_estimate', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  return getEstimate(platform, caller, id);
}

const emptyVersion = (estimateId: string, number: number, now: Date): VersionRow => ({
  id: newId(now.getTime()),
  estimate_id: estimateId,
  number,
  status: 'draft',
  note: null,
  submitted_at: null,
  submitted_by: null,
  decided_at: null,
  decided_by: null,
  decided_on: null,
  return_reason: null,
  created_at: now.toISOString(),
});

export async function getEstimate(platform: Platform, caller: Caller, id: string): Promise<EstimateOut> {
  await requireBudget(platform, caller, 'budget.read');
  const est = await findEstimate(platform.db, id);
  const versions = await versionsOf(platform.db, id);
  const lines = await linesOf(
    platform.db,
    versions.map((v) => v.id),
  );
  const brief = await planBrief(platform, est.plan_id);
  const activity = brief?.activities.find((a) => a.id === est.activity_id);
  const approved = versions.find((v) => v.status === 'approved') ?? null;
  const spentRows = await platform.db
    .selectFrom('budget_spending')
    .select(['line_key', 'amount'])
    .where('estimate_id', '=', id)
    .limit(100_000)
    .execute();
  const spentByKey = new Map<string, number>();
  for (const s of spentRows) spentByKey.set(s.line_key, (spentByKey.get(s.line_key) ?? 0) + s.amount);
  const inForce = approved ? (lines.get(approved.id) ?? []) : [];
  const withSpent = inForce.map((l) => {
    const spent = spentByKey.get(l.line_key) ?? 0;
    return { ...lineView(l), spent, variance: l.amount - spent };
  });
  return {
    id: est.id,
    planId: est.plan_id,
    activity: { id: est.activity_id, ref: activity?.ref ?? '', title: activity?.title ?? '' },
    title: est.title,
    versions: versions.map((v) => {
      const ls = lines.get(v.id) ?? [];
      return {
        id: v.id,
        number: v.number,
        status: v.status,
        note: v.note,
        submittedAt: v.submitted_at,
        decidedOn: v.decided_on,
        returnReason: v.return_reason,
        total: ls.reduce((s, l) => s + l.amount, 0),
        lines: ls.map(lineView),
      };
    }),
    approvedNumber: approved?.number ?? null,
    lines: withSpent,
    bySource: sourceFigures(
      inForce.map((l) => ({ source: l.source, amount: l.amount, spent: spentByKey.get(l.line_key) ?? 0 })),
      (await planReceipts(platform.db, est.plan_id)).get(est.activity_id) ?? null,
      (await planReceipts(platform.db, est.plan_id, 'budget_pledges')).get(est.activity_id) ?? null,
    ),
  };
}

/** Replaces the lines of the draft. Keys name lines carried from the version before; anything else is refused. */
export async function saveDraft(platform: Platform, caller: Caller, id: string, input: DraftInput) {
  await requireBudget(platform, caller, 'budget.edit');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const est = await findEstimate(tx, id);
    const versions = await versionsOf(tx, id);
    const draft = latest(versions);
    if (draft.status !== 'draft')
      throw conflict(
        'Phiên bản hiện tại đã trình hoặc đã duyệt, không sửa được; hãy tạo phiên bản mới.',
        'The current version is submitted or approved and cannot be edited; start a new version.',
      );
    const before = (await linesOf(tx, [draft.id])).get(draft.id) ?? [];
    const known = new Set(before.map((l) => l.line_key));
    const seen = new Set<string>();
    const problems: { path: string; vi: string; en: string }[] = [];
    const rows: LineRow[] = input.lines.map((l, i) => {
      if (l.key && (!known.has(l.key) || seen.has(l.key)))
        problems.push({
          path: `lines.${i}.key`,
          vi: 'Dòng không thuộc dự toán này hoặc bị lặp.',
          en: 'The line is not part of this estimate or is repeated.',
        });
      if (l.key) seen.add(l.key);
      const quantityMilli = Math.round(l.quantity * 1000);
      const amount = lineAmount(quantityMilli, l.unitPrice);
      if (amount > MAX_AMOUNT)
        problems.push({
          path: `lines.${i}.unitPrice`,
          vi: 'Thành tiền một dòng không quá 2.000.000.000 đ.',
          en: 'A line’s amount may not exceed 2,000,000,000 đ.',
        });
      return {
        id: newId(now.getTime()),
        version_id: draft.id,
        line_key: l.key ?? newId(now.getTime()),
        position: i + 1,
        item: nfc(l.item),
        quantity_milli: quantityMilli,
        unit: nfc(l.unit),
        unit_price: l.unitPrice,
        amount,
        source: l.source,
      };
    });
    if (problems.length)
      throw fail.validation(
        problems.map((p) => ({ in: 'body', path: p.path, code: 'invalid_line', messages: { vi: p.vi, en: p.en } })),
      );
    await tx.deleteFrom('budget_lines').where('version_id', '=', draft.id).execute();
    if (rows.length) await tx.insertInto('budget_lines').values(rows).execute();
    await tx
      .updateTable('budget_versions')
      .set({ note: input.note || null })
      .where('id', '=', draft.id)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'budget_estimate.save_draft',
        entityType: 'budget_estimate',
        entityId: est.id,
        before: { version: draft.number, lines: before },
        after: { version: draft.number, lines: rows },
      },
      now,
    );
  });
  return getEstimate(platform, caller, id);
}

async function transition(
  platform: Platform,
  caller: Caller,
  id: string,
  action: string,
  change: (tx: Db, version: VersionRow, versions: VersionRow[], now: Date) => Promise<void>,
) {
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    await findEstimate(tx, id);
    const versions = await versionsOf(tx, id);
    const current = latest(versions);
    await change(tx, current, versions, now);
    const after = await tx.selectFrom('budget_versions').selectAll().where('id', '=', current.id).executeTakeFirst();
    await recordAudit(
      tx,
      caller.actor,
      { action, entityType: 'budget_estimate', entityId: id, before: current, after: after ?? null },
      now,
    );
  });
  return getEstimate(platform, caller, id);
}

export async function submitEstimate(platform: Platform, caller: Caller, id: string) {
  await requireBudget(platform, caller, 'budget.edit');
  return transition(platform, caller, id, 'budget_estimate.submit', async (tx, v, _all, now) => {
    if (v.status !== 'draft') throw conflict('Chỉ trình được bản dự thảo.', 'Only a draft can be submitted.');
    const lines = (await linesOf(tx, [v.id])).get(v.id) ?? [];
    if (!lines.length) throw conflict('Dự toán chưa có dòng nào.', 'The estimate has no lines yet.');
    await tx
      .updateTable('budget_versions')
      .set({
        status: 'submitted',
        submitted_at: now.toISOString(),
        submitted_by: caller.actor.userId,
        return_reason: null,
      })
      .where('id', '=', v.id)
      .execute();
  });
}

export async function approveEstimate(platform: Platform, caller: Caller, id: string, decidedOn: string) {
  await requireBudget(platform, caller, 'budget.approve');
  return transition(platform, caller, id, 'budget_estimate.approve', async (tx, v, all, now) => {
    if (v.status !== 'submitted')
      throw conflict('Chỉ duyệt được dự toán đã trình.', 'Only a submitted estimate can be approved.');
    const previous = all.find((x) => x.status === 'approved');
    if (previous && previous.decided_on && decidedOn < previous.decided_on)
      throw fail.field(
        'decidedOn',
        'before_previous',
        'Ngày duyệt không được trước ngày duyệt phiên bản trước.',
        'The approval day may not be before the previous version’s.',
      );
    if (previous)
      await tx.updateTable('budget_versions').set({ status: 'superseded' }).where('id', '=', previous.id).execute();
    await tx
      .updateTable('budget_versions')
      .set({
        status: 'approved',
        decided_at: now.toISOString(),
        decided_by: caller.actor.userId,
        decided_on: decidedOn,
      })
      .where('id', '=', v.id)
      .execute();
  });
}

export async function returnEstimate(platform: Platform, caller: Caller, id: string, reason: string) {
  await requireBudget(platform, caller, 'budget.approve');
  return transition(platform, caller, id, 'budget_estimate.return', async (tx, v) => {
    if (v.status !== 'submitted')
      throw conflict('Chỉ trả lại được dự toán đã trình.', 'Only a submitted estimate can be returned.');
    await tx
      .updateTable('budget_versions')
      .set({ status: 'draft', return_reason: reason, submitted_at: null, submitted_by: null })
      .where('id', '=', v.id)
      .execute();
  });
}

/** A new draft version started from the approved one (its lines, with the same keys). */
export async function newVersion(platform: Platform, caller: Caller, id: string) {
  await requireBudget(platform, caller, 'budget.edit');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    await findEstimate(tx, id);
    const versions = await versionsOf(tx, id);
    const current = latest(versions);
    if (current.status !== 'approved')
      throw conflict(
        'Chỉ tạo phiên bản mới từ bản đã duyệt; bản hiện tại chưa được duyệt.',
        'A new version starts from the approved one; the current version is not approved.',
      );
    const next = emptyVersion(id, current.number + 1, now);
    await tx.insertInto('budget_versions').values(next).execute();
    const lines = (await linesOf(tx, [current.id])).get(current.id) ?? [];
    if (lines.length)
      await tx
        .insertInto('budget_lines')
        .values(lines.map((l) => ({ ...l, id: newId(now.getTime()), version_id: next.id })))
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_estimate.new_version', entityType: 'budget_estimate', entityId: id, after: next },
      now,
    );
  });
  return getEstimate(platform, caller, id);
}

export async function compareVersions(platform: Platform, caller: Caller, id: string, from: number, to: number) {
  await requireBudget(platform, caller, 'budget.read');
  await findEstimate(platform.db, id);
  const versions = await versionsOf(platform.db, id);
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b)
    throw fail.badRequest('NO_SUCH_VERSION', {
      vi: 'Không có phiên bản cần so sánh.',
      en: 'There is no such version to compare.',
    });
  const lines = await linesOf(platform.db, [a.id, b.id]);
  const la = new Map((lines.get(a.id) ?? []).map((l) => [l.line_key, lineView(l)]));
  const lb = new Map((lines.get(b.id) ?? []).map((l) => [l.line_key, lineView(l)]));
  const keys = [...new Set([...lb.keys(), ...la.keys()])];
  const out = keys.map((key) => {
    const x = la.get(key) ?? null;
    const y = lb.get(key) ?? null;
    const same =
      x &&
      y &&
      x.item === y.item &&
      x.quantity === y.quantity &&
      x.unit === y.unit &&
      x.unitPrice === y.unitPrice &&
      x.source === y.source;
    return {
      key,
      item: (y ?? x)!.item,
      change: !x ? ('added' as const) : !y ? ('removed' as const) : same ? ('same' as const) : ('changed' as const),
      from: x,
      to: y,
      difference: (y?.amount ?? 0) - (x?.amount ?? 0),
    };
  });
  const total = (m: Map<string, { amount: number }>) => [...m.values()].reduce((s, l) => s + l.amount, 0);
  return {
    from,
    to,
    lines: out,
    totals: { from: total(la), to: total(lb), difference: total(lb) - total(la) },
  };
}
