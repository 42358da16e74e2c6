/**
 * The rules of a report form's values, shared by the server (which decides) and the web form
 * (which says the same thing as you type): what each value type accepts, which fields are
 * compulsory, and the rules between indicators (e.g. new members ≤ total members).
 */
export const valueTypes = ['integer', 'number', 'percentage', 'boolean', 'date', 'text'] as const;
export type ValueType = (typeof valueTypes)[number];
export const aggregations = ['sum', 'average', 'last', 'none'] as const;
export type Aggregation = (typeof aggregations)[number];
export const ruleOperators = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export type Bilingual = { vi: string; en: string };
export type Breakdown = { key: string; label: Bilingual };
export type FormIndicator = {
  id: string;
  code: string;
  name: string;
  valueType: ValueType;
  aggregation: Aggregation;
  unit: string | null;
  breakdown: Breakdown[];
};
export type FormItem = { indicatorId: string; required: boolean };
export type FormRule = { left: string; operator: RuleOperator; right: string; message: Bilingual | null };
/** A value as typed: a number for numeric types, 0/1 for yes/no, 'YYYY-MM-DD' for dates, text. */
export type FormValue = {
  indicatorId: string;
  breakdownKey: string;
  value: number | string | null;
  comment?: string | null;
};
export type ValueProblem = { indicatorId: string; breakdownKey: string | null; code: string; messages: Bilingual };

export const numericTypes: readonly ValueType[] = ['integer', 'number', 'percentage', 'boolean'];
export const isNumericType = (t: ValueType) => numericTypes.includes(t);
/** Date and text values cannot be added up. */
export const aggregationsFor = (t: ValueType): Aggregation[] =>
  isNumericType(t) ? ['sum', 'average', 'last', 'none'] : ['none'];

/** The cells of an indicator: one per breakdown category, or one ('') without breakdown. */
export const cellsOf = (i: Pick<FormIndicator, 'breakdown'>) =>
  i.breakdown.length ? i.breakdown.map((b) => b.key) : [''];

const validDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Checks one typed value against its type; null when it is acceptable (or empty). */
export function checkValue(type: ValueType, value: number | string | null): Bilingual | null {
  if (value === null || value === '') return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e12
        ? null
        : { vi: 'Phải là số nguyên không âm.', en: 'Must be a whole number, not negative.' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e15
        ? null
        : { vi: 'Phải là một số.', en: 'Must be a number.' };
    case 'percentage':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
        ? null
        : { vi: 'Phải là tỷ lệ từ 0 đến 100 (%).', en: 'Must be a percentage from 0 to 100.' };
    case 'boolean':
      return value === 0 || value === 1 ? null : { vi: 'Chọn Có hoặc Không.', en: 'Choose yes or no.' };
    case 'date':
      return typeof value === 'string' && validDay(value)
        ? null
        : { vi: 'Ngày không hợp lệ (dd/mm/yyyy).', en: 'Not a valid date (dd/mm/yyyy).' };
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? null
        : { vi: 'Nội dung quá dài (tối đa 2000 ký tự).', en: 'Too long (at most 2000 characters).' };
  }
}

/** An indicator's total in a form: the sum of its cells (null while none is filled). */
export function indicatorTotal(
  indicator: FormIndicator,
  values: ReadonlyMap<string, number | string | null>,
): number | null {
  let total: number | null = null;
  for (const key of cellsOf(indicator)) {
    const v = values.get(`${indicator.id}|${key}`);
    if (typeof v === 'number') total = (total ?? 0) + v;
  }
  return total;
}

const compare: Record<RuleOperator, (a: number, b: number) => boolean> = {
  lte: (a, b) => a <= b,
  lt: (a, b) => a < b,
  gte: (a, b) => a >= b,
  gt: (a, b) => a > b,
  eq: (a, b) => a === b,
};
const opWords: Record<RuleOperator, Bilingual> = {
  lte: { vi: 'không được lớn hơn', en: 'must not be more than' },
  lt: { vi: 'phải nhỏ hơn', en: 'must be less than' },
  gte: { vi: 'không được nhỏ hơn', en: 'must not be less than' },
  gt: { vi: 'phải lớn hơn', en: 'must be more than' },
  eq: { vi: 'phải bằng', en: 'must equal' },
};

/**
 * Every problem of a form: values of the wrong type always; with `complete` (on submit) also
 * the compulsory cells left empty and the rules between indicators that do not hold.
 */
export function checkForm(
  indicators: readonly FormIndicator[],
  items: readonly FormItem[],
  rules: readonly FormRule[],
  values: readonly FormValue[],
  options: { complete: boolean },
): ValueProblem[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const map = new Map<string, number | string | null>();
  const problems: ValueProblem[] = [];
  for (const v of values) {
    const indicator = byId.get(v.indicatorId);
    if (!indicator || !cellsOf(indicator).includes(v.breakdownKey)) {
      problems.push({
        indicatorId: v.indicatorId,
        breakdownKey: v.breakdownKey,
        code: 'not_in_form',
        messages: { vi: 'Chỉ tiêu không có trong biểu mẫu.', en: 'The indicator is not in this form.' },
      });
      continue;
    }
    const wrong = checkValue(indicator.valueType, v.value);
    if (wrong)
      problems.push({
        indicatorId: v.indicatorId,
        breakdownKey: v.breakdownKey,
        code: 'invalid_value',
        messages: wrong,
      });
    else map.set(`${v.indicatorId}|${v.breakdownKey}`, v.value);
  }
  if (!options.complete) return problems;
  for (const item of items) {
    const indicator = byId.get(item.indicatorId);
    if (!indicator || !item.required) continue;
    for (const key of cellsOf(indicator)) {
      const v = map.get(`${indicator.id}|${key}`);
      if (v === undefined || v === null || v === '') {
        if (!problems.some((p) => p.indicatorId === indicator.id && p.breakdownKey === key)) {
          problems.push({
            indicatorId: indicator.id,
            breakdownKey: key,
            code: 'required',
            messages: { vi: 'Chỉ tiêu bắt buộc: cần nhập số liệu.', en: 'Compulsory: enter a value.' },
          });
        }
      }
    }
  }
  for (const rule of rules) {
    const left = byId.get(rule.left) ?? byCode.get(rule.left);
    const right = byId.get(rule.right) ?? byCode.get(rule.right);
    if (!left || !right) continue;
    const a = indicatorTotal(left, map);
    const b = indicatorTotal(right, map);
    if (a === null || b === null || compare[rule.operator](a, b)) continue;
    problems.push({
      indicatorId: left.id,
      breakdownKey: null,
      code: 'rule',
      messages: rule.message ?? {
        vi: `"${left.name}" (${a}) ${opWords[rule.operator].vi} "${right.name}" (${b}).`,
        en: `"${left.name}" (${a}) ${opWords[rule.operator].en} "${right.name}" (${b}).`,
      },
    });
  }
  return problems;
}
