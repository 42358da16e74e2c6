/**
 * The addresses of the reporting screens carry what they show (`/reporting/form?templateId&unitId&periodId`),
 * so a report, a dashboard or a completeness list can be linked to and reloaded.
 */
const uuidLike = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-fA-F-]{36}$/.test(v);
const periodLike = (v: unknown): v is string =>
  typeof v === 'string' && /^(\d{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?|campaign:[A-Za-z0-9_.-]{1,40})$/.test(v);
const pageOf = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? { page: n } : {};
};

export type FormSearch = { templateId?: string; unitId?: string; periodId?: string };
export type TotalsSearch = {
  templateId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  periodId?: string;
  indicatorId?: string;
  groupSetId?: string;
  page?: number;
};
export type CompletenessSearch = {
  templateId?: string;
  unitId?: string;
  periodId?: string;
  missing?: boolean;
  page?: number;
};

export function validateFormSearch(s: Record<string, unknown>): FormSearch {
  return {
    ...(uuidLike(s.templateId) ? { templateId: s.templateId } : {}),
    ...(uuidLike(s.unitId) ? { unitId: s.unitId } : {}),
    ...(periodLike(s.periodId) ? { periodId: s.periodId } : {}),
  };
}

export function validateTotalsSearch(s: Record<string, unknown>): TotalsSearch {
  return {
    ...(uuidLike(s.templateId) ? { templateId: s.templateId } : {}),
    ...(uuidLike(s.unitId) ? { unitId: s.unitId } : {}),
    ...(periodLike(s.from) ? { from: s.from } : {}),
    ...(periodLike(s.to) ? { to: s.to } : {}),
    ...(periodLike(s.periodId) ? { periodId: s.periodId } : {}),
    ...(uuidLike(s.indicatorId) ? { indicatorId: s.indicatorId } : {}),
    ...(uuidLike(s.groupSetId) ? { groupSetId: s.groupSetId } : {}),
    ...pageOf(s.page),
  };
}

export function validateCompletenessSearch(s: Record<string, unknown>): CompletenessSearch {
  return {
    ...(uuidLike(s.templateId) ? { templateId: s.templateId } : {}),
    ...(uuidLike(s.unitId) ? { unitId: s.unitId } : {}),
    ...(periodLike(s.periodId) ? { periodId: s.periodId } : {}),
    ...(s.missing === true || s.missing === '1' || s.missing === 1 ? { missing: true } : {}),
    ...pageOf(s.page),
  };
}
