import { vietnamDay } from '../../../common/dates.ts';
import { nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { attachFiles, type FileOwner, filesOf } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { planBrief } from '../plans/index.ts';
import { type Caller, estimateNotFound, inTransaction, mayBudget, planNotFound, requireBudget } from './access.ts';
import { settlementOf } from './figures.ts';
import { publishBudget } from './live.ts';
import type { SpendingInput, SpendingOut } from './schema.ts';

/**
 * Spending recorded against a line of an estimate's approved version, with its voucher number and
 * the voucher's scan as a file (only those who may read budgets may open it). Once the plan's
 * settlement is closed nothing more is recorded.
 */
export const VOUCHER_FILES = 'budget_spending';
export const voucherFiles: FileOwner = {
  type: VOUCHER_FILES,
  label: { vi: 'Chứng từ chi', en: 'Spending voucher' },
  mayRead: (platform, reader) => mayBudget(platform, reader, 'budget.read'),
};

const closed = () =>
  fail.conflict('SETTLEMENT_CLOSED', {
    vi: 'Kế hoạch đã quyết toán; không ghi thêm khoản chi.',
    en: 'The plan’s settlement is closed; no more spending can be recorded.',
  });

export async function recordSpending(platform: Platform, caller: Caller, input: SpendingInput): Promise<SpendingOut> {
  await requireBudget(platform, caller, 'budget.edit');
  const now = platform.clock();
  const { id, planId } = await inTransaction(platform, async (tx) => {
    const est = await tx
      .selectFrom('budget_estimates')
      .selectAll()
      .where('id', '=', input.estimateId)
      .executeTakeFirst();
    if (!est) throw estimateNotFound();
    if (await settlementOf(tx, est.plan_id)) throw closed();
    const line = await tx
      .selectFrom('budget_lines as l')
      .innerJoin('budget_versions as v', 'v.id', 'l.version_id')
      .select(['l.item'])
      .where('v.estimate_id', '=', est.id)
      .where('v.status', '=', 'approved')
      .where('l.line_key', '=', input.lineKey)
      .executeTakeFirst();
    if (!line)
      throw fail.field(
        'lineKey',
        'not_approved_line',
        'Khoản chi phải ghi vào một dòng của dự toán đã duyệt.',
        'Spending is recorded against a line of the approved estimate.',
      );
    const row = {
      id: newId(now.getTime()),
      estimate_id: est.id,
      line_key: input.lineKey,
      amount: input.amount,
      spent_on: input.spentOn,
      description: nfc(input.description),
      voucher_number: nfc(input.voucherNumber),
      recorded_by: caller.actor.userId,
      created_at: now.toISOString(),
    };
    await tx.insertInto('budget_spending').values(row).execute();
    if (input.voucherFileId)
      await attachFiles(tx, caller.actor, [input.voucherFileId], { type: VOUCHER_FILES, id: row.id }, 'voucherFileId');
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_spending.record', entityType: 'budget_spending', entityId: row.id, after: row },
      now,
    );
    return { id: row.id, planId: est.plan_id };
  });
  publishBudget(platform, 'spending', planId);
  const list = await listSpending(platform, caller, { estimateId: input.estimateId });
  return list.items.find((s) => s.id === id)!;
}

export async function listSpending(
  platform: Platform,
  caller: Caller,
  query: { estimateId?: string; planId?: string },
) {
  await requireBudget(platform, caller, 'budget.read');
  let q = platform.db
    .selectFrom('budget_spending as s')
    .innerJoin('budget_estimates as e', 'e.id', 's.estimate_id')
    .selectAll('s');
  if (query.estimateId) q = q.where('s.estimate_id', '=', query.estimateId);
  if (query.planId) q = q.where('e.plan_id', '=', query.planId);
  const rows = await q.orderBy('s.spent_on').orderBy('s.id').limit(20_000).execute();
  const items = new Map<string, string>();
  if (rows.length) {
    const lines = await platform.db
      .selectFrom('budget_lines as l')
      .innerJoin('budget_versions as v', 'v.id', 'l.version_id')
      .select(['v.estimate_id', 'l.line_key', 'l.item', 'v.number'])
      .where('v.estimate_id', 'in', [...new Set(rows.map((r) => r.estimate_id))])
      .orderBy('v.number')
      .execute();
    for (const l of lines) items.set(`${l.estimate_id}:${l.line_key}`, l.item);
  }
  const files = await filesOf(
    platform.db,
    VOUCHER_FILES,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      estimateId: r.estimate_id,
      lineKey: r.line_key,
      item: items.get(`${r.estimate_id}:${r.line_key}`) ?? '',
      amount: r.amount,
      spentOn: r.spent_on,
      description: r.description,
      voucherNumber: r.voucher_number,
      voucher: files.get(r.id)?.[0] ?? null,
    })),
  };
}

/** The Standing Committee closes the plan's settlement (quyết toán): spending stops there. */
export async function closeSettlement(
  platform: Platform,
  caller: Caller,
  planId: string,
  input: { closedOn: string; note: string },
) {
  await requireBudget(platform, caller, 'budget.approve');
  if (!(await planBrief(platform, planId))) throw planNotFound();
  if (input.closedOn > vietnamDay(platform.clock()))
    throw fail.field(
      'closedOn',
      'future',
      'Ngày quyết toán không được sau hôm nay.',
      'The settlement day may not be in the future.',
    );
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    if (await settlementOf(tx, planId))
      throw fail.conflict('SETTLEMENT_CLOSED', {
        vi: 'Kế hoạch đã quyết toán.',
        en: 'The settlement is already closed.',
      });
    const row = {
      plan_id: planId,
      closed_on: input.closedOn,
      closed_by: caller.actor.userId,
      note: input.note || null,
      created_at: now.toISOString(),
    };
    await tx.insertInto('budget_settlements').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_settlement.close', entityType: 'plan', entityId: planId, after: row },
      now,
    );
  });
  publishBudget(platform, 'settlement', planId);
}
