import { formatDmy } from '../../../common/dates.ts';
import { MAX_AMOUNT, roundUpTo } from '../../../common/money.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, inTransaction, requireBudget } from './access.ts';
import type { RateInput, RatesOut } from './schema.ts';
import type { BudgetRatesTable } from './tables.ts';

/**
 * The dated settings of award money (ADR 25): the base salary (lương cơ sở) and the coefficient of
 * each form of award, each valid from a day until the next value of the same setting. The amount
 * of an award is worked out with the values in force on the decision's date, so a decision of
 * 2019 keeps 2019's money after the base salary changes.
 */
export const awardForms = {
  'giay_khen_bloc.individual': {
    vi: 'Giấy khen của Ban Thường vụ Đảng ủy Khối — cá nhân',
    en: 'Certificate of merit of the Bloc’s Standing Committee — individual',
  },
  'giay_khen_bloc.collective': {
    vi: 'Giấy khen của Ban Thường vụ Đảng ủy Khối — tập thể',
    en: 'Certificate of merit of the Bloc’s Standing Committee — collective',
  },
} as const;
export type AwardForm = keyof typeof awardForms;
export const awardFormKeys = Object.keys(awardForms) as [AwardForm, ...AwardForm[]];

/** The honours category's kind → the form of award its honourees receive (a product: its enterprise, as a collective). */
export const formOfCategory = (kind: 'collective' | 'individual' | 'product'): AwardForm =>
  kind === 'individual' ? 'giay_khen_bloc.individual' : 'giay_khen_bloc.collective';

/** Award money is rounded up to tens of thousands of đồng (ADR 25). */
export const AWARD_ROUNDING = 10_000;

const decree91 = 'Nghị định 91/2017/NĐ-CP (mức tiền thưởng Giấy khen), giữ nguyên tại Nghị định 98/2023/NĐ-CP';
export const defaultRates: {
  kind: BudgetRatesTable['kind'];
  awardForm: string;
  value: number;
  effectiveFrom: string;
  source: string;
}[] = [
  {
    kind: 'base_salary',
    awardForm: '',
    value: 1_390_000,
    effectiveFrom: '2018-07-01',
    source: 'Nghị định 72/2018/NĐ-CP',
  },
  {
    kind: 'base_salary',
    awardForm: '',
    value: 1_490_000,
    effectiveFrom: '2019-07-01',
    source: 'Nghị định 38/2019/NĐ-CP',
  },
  {
    kind: 'base_salary',
    awardForm: '',
    value: 2_340_000,
    effectiveFrom: '2024-07-01',
    source: 'Nghị định 73/2024/NĐ-CP',
  },
  {
    kind: 'coefficient',
    awardForm: 'giay_khen_bloc.individual',
    value: 300,
    effectiveFrom: '2017-10-01',
    source: `${decree91}: cá nhân 0,3 lần mức lương cơ sở`,
  },
  {
    kind: 'coefficient',
    awardForm: 'giay_khen_bloc.collective',
    value: 600,
    effectiveFrom: '2017-10-01',
    source: `${decree91}: tập thể gấp hai lần cá nhân`,
  },
];

type Rate = { value: number; effectiveFrom: string; source: string };

/** Every dated value, by setting, earliest first. */
export async function loadRates(platform: Pick<Platform, 'db'>) {
  const rows = await platform.db
    .selectFrom('budget_rates')
    .selectAll()
    .orderBy('effective_from')
    .orderBy('id')
    .limit(10_000)
    .execute();
  const byKey = new Map<string, Rate[]>();
  for (const r of rows) {
    const key = r.kind === 'base_salary' ? 'base_salary' : r.award_form;
    byKey.set(key, [...(byKey.get(key) ?? []), { value: r.value, effectiveFrom: r.effective_from, source: r.source }]);
  }
  return byKey;
}

/** The value in force on `day`: the latest whose effective day is not after it. */
export function inForce(values: Rate[] | undefined, day: string): Rate | null {
  let found: Rate | null = null;
  for (const v of values ?? []) if (v.effectiveFrom <= day) found = v;
  return found;
}

/** Coefficient (thousandths) × base salary, rounded up to tens of thousands of đồng. */
export function awardAmount(coefficientMilli: number, baseSalary: number): number {
  return roundUpTo((coefficientMilli * baseSalary) / 1000, AWARD_ROUNDING);
}

export async function listRates(platform: Platform, caller: Caller): Promise<RatesOut> {
  await requireBudget(platform, caller, 'budget.read');
  const byKey = await loadRates(platform);
  const list = (key: string) => (byKey.get(key) ?? []).map((r) => ({ ...r }));
  return {
    baseSalary: list('base_salary'),
    forms: awardFormKeys.map((form) => ({ form, label: awardForms[form], coefficients: list(form) })),
    rounding: AWARD_ROUNDING,
  };
}

/** A new dated value (the base salary or a coefficient); a value already dated that day is refused. */
export async function addRate(platform: Platform, caller: Caller, input: RateInput): Promise<RatesOut> {
  await requireBudget(platform, caller, 'budget.edit');
  const kind = input.setting === 'base_salary' ? 'base_salary' : 'coefficient';
  const form = input.setting === 'base_salary' ? '' : input.setting;
  if (kind === 'base_salary' && (input.value < 100_000 || input.value > MAX_AMOUNT))
    throw fail.field('value', 'out_of_range', 'Mức lương cơ sở không hợp lệ.', 'The base salary is out of range.');
  if (kind === 'coefficient' && (input.value <= 0 || input.value > 100_000))
    throw fail.field(
      'value',
      'out_of_range',
      'Hệ số phải lớn hơn 0 và không quá 100 (tính bằng phần nghìn).',
      'The coefficient must be above 0 and at most 100 (in thousandths).',
    );
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const taken = await tx
      .selectFrom('budget_rates')
      .select('id')
      .where('kind', '=', kind)
      .where('award_form', '=', form)
      .where('effective_from', '=', input.effectiveFrom)
      .executeTakeFirst();
    if (taken)
      throw fail.field(
        'effectiveFrom',
        'duplicate',
        `Đã có giá trị áp dụng từ ngày ${formatDmy(input.effectiveFrom)}.`,
        `A value already applies from ${formatDmy(input.effectiveFrom)}.`,
      );
    const row = {
      id: newId(now.getTime()),
      kind,
      award_form: form,
      value: input.value,
      effective_from: input.effectiveFrom,
      source: input.source,
      created_at: now.toISOString(),
    } as const;
    await tx.insertInto('budget_rates').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_rate.add', entityType: 'budget_rate', entityId: row.id, after: row },
      now,
    );
  });
  return listRates(platform, caller);
}
