import { fold } from '../../../common/text.ts';
import { aggregationsFor } from '../../../common/reportValues.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireManage, type Caller } from './access.ts';
import { indicatorOf, type Indicator } from './model.ts';
import type { IndicatorInput, UpdateIndicatorInput } from './schema.ts';

/** Indicators (chỉ tiêu): what a report asks for, its type, how it adds up, its breakdown. */

function checkAggregation(valueType: Indicator['valueType'], aggregation: Indicator['aggregation']) {
  if (!aggregationsFor(valueType).includes(aggregation)) {
    throw fail.field(
      'aggregation',
      'not_addable',
      'Ngày tháng và văn bản không cộng dồn được: chọn "không tổng hợp".',
      'Dates and text cannot be added up: choose "none".',
    );
  }
}

export async function listIndicators(platform: Platform, query: { page: number; pageSize: number; q?: string }) {
  let base = platform.db.selectFrom('report_indicators');
  if (query.q) base = base.where('name_folded', 'like', foldedContains(query.q));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(indicatorOf), total, page: query.page, pageSize: query.pageSize };
}

export async function indicatorsByIds(platform: Pick<Platform, 'db'>, ids: string[]): Promise<Map<string, Indicator>> {
  if (!ids.length) return new Map();
  const rows = await platform.db.selectFrom('report_indicators').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, indicatorOf(r)]));
}

/** Every indicator's id by its code. */
export async function indicatorIdsByCode(platform: Pick<Platform, 'db'>): Promise<Map<string, string>> {
  const rows = await platform.db.selectFrom('report_indicators').select(['id', 'code']).execute();
  return new Map(rows.map((i) => [i.code, i.id]));
}

export async function createIndicator(
  platform: Platform,
  caller: Caller,
  input: IndicatorInput,
  options: { isDemo?: boolean } = {},
): Promise<Indicator> {
  requireManage(caller);
  checkAggregation(input.valueType, input.aggregation);
  if (new Set(input.breakdown.map((b) => b.key)).size !== input.breakdown.length)
    throw fail.field('breakdown', 'duplicate_key', 'Mã phân tổ bị trùng.', 'A breakdown key is repeated.');
  const now = platform.clock();
  const row = {
    id: newId(now.getTime()),
    code: input.code,
    name: input.name,
    name_folded: fold(`${input.code} ${input.name}`),
    value_type: input.valueType,
    aggregation: input.aggregation,
    unit_of_measure: input.unit,
    breakdown_json: JSON.stringify(input.breakdown),
    description: input.description,
    is_demo: options.isDemo ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('report_indicators').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw fail.conflict('INDICATOR_CODE_TAKEN', {
        vi: `Mã chỉ tiêu "${input.code}" đã có.`,
        en: `Indicator code "${input.code}" is taken.`,
      });
    }
    await tx.insertInto('report_indicators').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'report_indicator.create', entityType: 'report_indicator', entityId: row.id, after: row },
      now,
    );
  });
  return indicatorOf(row);
}

/** The name, unit and notes may change; the type and breakdown may not once values exist (they would change their meaning). */
export async function updateIndicator(
  platform: Platform,
  caller: Caller,
  id: string,
  input: UpdateIndicatorInput,
): Promise<Indicator> {
  requireManage(caller);
  const now = platform.clock();
  return platform.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('report_indicators').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw fail.notFound({ vi: 'Không tìm thấy chỉ tiêu.', en: 'Indicator not found.' });
    if (input.aggregation && input.aggregation !== before.aggregation) {
      checkAggregation(before.value_type as Indicator['valueType'], input.aggregation);
      const used = await tx
        .selectFrom('report_values')
        .select('indicator_id')
        .where('indicator_id', '=', id)
        .limit(1)
        .executeTakeFirst();
      if (used)
        throw fail.conflict('INDICATOR_IN_USE', {
          vi: 'Chỉ tiêu đã có số liệu; không đổi được cách tổng hợp.',
          en: 'The indicator has values; its aggregation cannot change.',
        });
    }
    const name = input.name ?? before.name;
    const patch = {
      name,
      name_folded: fold(`${before.code} ${name}`),
      unit_of_measure: input.unit !== undefined ? input.unit || null : before.unit_of_measure,
      description: input.description ?? before.description,
      aggregation: input.aggregation ?? before.aggregation,
      updated_at: now.toISOString(),
    };
    await tx.updateTable('report_indicators').set(patch).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'report_indicator.update',
        entityType: 'report_indicator',
        entityId: id,
        before,
        after: { ...before, ...patch },
      },
      now,
    );
    return indicatorOf({ ...before, ...patch });
  });
}
