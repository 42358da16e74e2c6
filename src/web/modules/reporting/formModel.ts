import { cellsOf, checkForm, isNumericType, type FormValue, type ValueProblem } from '../../../common/reportValues.ts';
import type { Bilingual } from '../../app/api.ts';
import type { Indicator, ReportForm, SaveBody } from './api.ts';

/**
 * What a report form holds while it is being typed into, and the checks on it: the same
 * `checkForm` the server runs, so a wrong value is named as it is typed, on the same field paths
 * the server uses (`values.<indicatorId>.<breakdownKey or _>`, `values.<indicatorId>` for a rule).
 */

/** What an input holds: a number (or the text of one half typed), 0/1, 'YYYY-MM-DD', text, or nothing. */
export type Entry = number | string | null;
export type Entries = ReadonlyMap<string, Entry>;

export const cellKey = (indicatorId: string, breakdownKey: string) => `${indicatorId}|${breakdownKey}`;
export const cellPath = (indicatorId: string, breakdownKey: string) => `values.${indicatorId}.${breakdownKey || '_'}`;
export const rulePath = (indicatorId: string) => `values.${indicatorId}`;

/** The values and the one comment per indicator of a stored form. */
export function entriesOf(form: Pick<ReportForm, 'values' | 'indicators'>): {
  entries: Map<string, Entry>;
  comments: Map<string, string>;
} {
  const entries = new Map<string, Entry>();
  const comments = new Map<string, string>();
  for (const v of form.values) {
    entries.set(cellKey(v.indicatorId, v.breakdownKey), v.value);
    if (v.comment && !comments.has(v.indicatorId)) comments.set(v.indicatorId, v.comment);
  }
  return { entries, comments };
}

const numberText = /^\s*-?\d+([.,]\d*)?\s*$/;

/** The value an entry stands for: half-typed numbers ("12,") read as numbers, empty text as nothing. */
export function valueOf(indicator: Pick<Indicator, 'valueType'>, entry: Entry | undefined): number | string | null {
  if (entry === undefined || entry === null) return null;
  if (typeof entry === 'number') return entry;
  if (entry.trim() === '') return null;
  if (isNumericType(indicator.valueType) && numberText.test(entry)) return Number(entry.trim().replace(',', '.'));
  return entry;
}

/** Every cell of the form with its value, and the indicator's comment on its first cell. */
export function formValues(
  indicators: readonly Indicator[],
  entries: Entries,
  comments: ReadonlyMap<string, string>,
): FormValue[] {
  return indicators.flatMap((ind) =>
    cellsOf(ind).map((key, i) => ({
      indicatorId: ind.id,
      breakdownKey: key,
      value: valueOf(ind, entries.get(cellKey(ind.id, key))),
      comment: i === 0 ? comments.get(ind.id)?.trim() || null : null,
    })),
  );
}

export function saveBody(form: ReportForm, values: FormValue[]): SaveBody {
  return {
    templateId: form.template.id,
    unitId: form.unit.id,
    periodId: form.periodId,
    values: values.map((v) => ({
      indicatorId: v.indicatorId,
      breakdownKey: v.breakdownKey,
      value: v.value,
      comment: v.comment ?? null,
    })),
    version: form.submission?.version ?? 0,
  };
}

/**
 * The problems of the form by field path. Wrong values and broken rules show as they are typed;
 * empty compulsory cells only once the person has tried to submit (`complete`).
 */
export function problemsOf(
  form: Pick<ReportForm, 'indicators' | 'template'>,
  values: FormValue[],
  complete: boolean,
): Map<string, Bilingual> {
  const items = form.template.sections.flatMap((s) => s.items);
  const problems: ValueProblem[] = checkForm(form.indicators, items, form.template.rules, values, { complete: true });
  const out = new Map<string, Bilingual>();
  for (const p of problems) {
    if (p.code === 'required' && !complete) continue;
    const path = p.breakdownKey === null ? rulePath(p.indicatorId) : cellPath(p.indicatorId, p.breakdownKey);
    if (!out.has(path)) out.set(path, p.messages);
  }
  return out;
}

/** Whether a value of the wrong type would stop a draft being saved (the server checks only the types then). */
export function blocksSaving(form: Pick<ReportForm, 'indicators' | 'template'>, values: FormValue[]): boolean {
  const items = form.template.sections.flatMap((s) => s.items);
  return checkForm(form.indicators, items, form.template.rules, values, { complete: false }).length > 0;
}
