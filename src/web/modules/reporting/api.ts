import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';
import type { PeriodType, Regime } from '../../../common/periods.ts';
import type { Aggregation, FormIndicator, FormItem, FormRule } from '../../../common/reportValues.ts';

/** The shapes of the reporting API (src/server/modules/reporting), as the screens read them. */
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type Section = { key: string; title: string; items: FormItem[] };
export type Indicator = FormIndicator & { description?: string };

export type Template = {
  id: string;
  code: string;
  name: string;
  periodType: PeriodType;
  regime: Regime;
  campaign: { start: string; end: string } | null;
  sections: Section[];
  rules: FormRule[];
  assignment: { kinds: string[]; groupIds: string[]; unitIds: string[] };
  schedule: { levels: { level: string; daysAfterEnd: number }[]; onTimeDays: number; lockDays: number };
  countsOn: 'submitted' | 'approved';
  isActive: boolean;
  campaignPeriodId: string | null;
};
export type TemplateDetail = Template & { indicators: Indicator[] };

export type UnitRef = { id: string; name: string; shortName: string | null; kind: string };

export type Deadlines = {
  window: { start: string; end: string };
  level: 'cell' | 'grassroots' | 'bloc';
  due: string;
  onTimeBy: string;
  lockOn: string;
  today: string;
};

export type Submission = {
  id: string;
  status: ReportStatus;
  version: number;
  submittedAt: string | null;
  submittedOn: string | null;
  timeliness: 'on_time' | 'late' | null;
  decidedAt: string | null;
  returnReason: string | null;
  reopenedUntil: string | null;
  counted: boolean;
};

export type StoredValue = {
  indicatorId: string;
  breakdownKey: string;
  value: number | string | null;
  comment: string | null;
};

export type ReportForm = {
  template: Pick<Template, 'id' | 'code' | 'name' | 'periodType' | 'regime' | 'sections' | 'rules' | 'countsOn'>;
  indicators: Indicator[];
  unit: UnitRef;
  periodId: string;
  deadlines: Deadlines;
  expected: boolean;
  submission: Submission | null;
  values: StoredValue[];
  locked: { code: string; messages: Bilingual } | null;
  may: { edit: boolean; submit: boolean; approve: boolean; return: boolean; reopen: boolean };
};

export type SaveBody = {
  templateId: string;
  unitId: string;
  periodId: string;
  values: { indicatorId: string; breakdownKey: string; value: number | string | null; comment: string | null }[];
  version?: number;
};

export type HistoryEntry = {
  id: string;
  indicatorId: string;
  indicatorName: string;
  breakdownKey: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string;
  changedAt: string;
};

export type IndicatorTotal = {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  aggregation: Aggregation;
  value: number | null;
  count: number;
  breakdown: { key: string; value: number; count: number }[];
};
export type Totals = {
  templateId: string;
  unitId: string;
  from: string;
  to: string;
  pieces: string[];
  indicators: IndicatorTotal[];
};
export type GroupTotals = {
  groupSet: { id: string; code: string; name: string };
  groups: { id: string; code: string; name: string; unitCount: number; values: Record<string, number | null> }[];
  ungrouped: { values: Record<string, number | null> };
  total: { values: Record<string, number | null> };
};
export type ChildTotals = {
  periodId: string;
  items: { unit: UnitRef; values: Record<string, number | null> }[];
  page: number;
  pageSize: number;
  hasMore: boolean;
};

export type CompletenessItem = {
  unit: UnitRef;
  submissionId: string | null;
  status: ReportStatus | 'missing';
  submittedOn: string | null;
  onTimeBy: string;
  onTime: boolean | null;
};
export type Completeness = {
  templateId: string;
  periodId: string;
  today: string;
  window: { start: string; end: string };
  levels: { level: string; due: string; onTimeBy: string }[];
  lockOn: string;
  ownDue: string;
  expected: number;
  received: number;
  onTime: number;
  approved: number;
  returned: number;
  drafts: number;
  missing: number;
  rate: number | null;
  items: CompletenessItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
};

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const reportingKeys = {
  all: ['reporting'] as const,
  templates: ['reporting', 'templates'] as const,
  template: (id: string) => ['reporting', 'template', id] as const,
  form: (templateId: string, unitId: string, periodId: string) =>
    ['reporting', 'form', templateId, unitId, periodId] as const,
  /** The home page's view of a form: refreshed live, unlike the open form, which is being typed into. */
  status: (templateId: string, unitId: string, periodId: string) =>
    ['reporting', 'status', templateId, unitId, periodId] as const,
  history: (submissionId: string, page: number) => ['reporting', 'history', submissionId, page] as const,
  totals: ['reporting', 'totals'] as const,
  children: ['reporting', 'children'] as const,
  completeness: ['reporting', 'completeness'] as const,
};

export function useTemplates() {
  return useQuery({
    queryKey: reportingKeys.templates,
    queryFn: ({ signal }) => api<Page<Template>>('/api/reporting/templates', { query: { pageSize: 200 }, signal }),
    staleTime: 60_000,
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: reportingKeys.template(id ?? ''),
    queryFn: ({ signal }) => api<TemplateDetail>(`/api/reporting/templates/${id}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
  });
}

const formPath = '/api/reporting/form';

export function useReportForm(templateId: string, unitId: string, periodId: string) {
  return useQuery({
    queryKey: reportingKeys.form(templateId, unitId, periodId),
    queryFn: ({ signal }) => api<ReportForm>(formPath, { query: { templateId, unitId, periodId }, signal }),
    staleTime: 0,
  });
}

/** The state of several forms at once (the home page: each template, unit and period). */
export function useReportStatuses(keys: { templateId: string; unitId: string; periodId: string }[]) {
  return useQueries({
    queries: keys.map((k) => ({
      queryKey: reportingKeys.status(k.templateId, k.unitId, k.periodId),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<ReportForm>(formPath, { query: k, signal }),
    })),
  });
}

/** Save, submit, approve, return, reopen: each answers the form afresh, which replaces the cached one. */
function useFormChange<V>(request: (v: V) => Promise<ReportForm>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (form) => {
      queryClient.setQueryData(reportingKeys.form(form.template.id, form.unit.id, form.periodId), form);
      void queryClient.invalidateQueries({ queryKey: ['reporting', 'status'] });
      void queryClient.invalidateQueries({ queryKey: ['reporting', 'history'] });
    },
  });
}

export const useSaveReport = () =>
  useFormChange((body: SaveBody) => api<ReportForm>('/api/reporting/reports', { method: 'PUT', body }));
export const useSubmitReport = () =>
  useFormChange((body: SaveBody) => api<ReportForm>('/api/reporting/reports/submit', { method: 'POST', body }));
export const useApproveReport = () =>
  useFormChange((id: string) => api<ReportForm>(`/api/reporting/reports/${id}/approve`, { method: 'POST' }));
export const useReturnReport = () =>
  useFormChange(({ id, reason }: { id: string; reason: string }) =>
    api<ReportForm>(`/api/reporting/reports/${id}/return`, { method: 'POST', body: { reason } }),
  );
export const useReopenReport = () =>
  useFormChange(({ id, reason, days }: { id: string; reason: string; days: number }) =>
    api<ReportForm>(`/api/reporting/reports/${id}/reopen`, { method: 'POST', body: { reason, days } }),
  );

export const HISTORY_PAGE_SIZE = 30;

export function useReportHistory(submissionId: string | null, page: number) {
  return useQuery({
    queryKey: reportingKeys.history(submissionId ?? '', page),
    queryFn: ({ signal }) =>
      api<Page<HistoryEntry>>(`/api/reporting/reports/${submissionId}/history`, {
        query: { page, pageSize: HISTORY_PAGE_SIZE },
        signal,
      }),
    enabled: !!submissionId,
    placeholderData: keepPreviousData,
  });
}

export type TotalsQuery = { templateId: string; unitId: string; from: string; to: string; indicatorIds?: string[] };

const totalsRequest = (q: TotalsQuery, signal: AbortSignal) =>
  api<Totals>('/api/reporting/totals', {
    query: {
      templateId: q.templateId,
      unitId: q.unitId,
      from: q.from,
      to: q.to,
      indicatorIds: q.indicatorIds?.join(','),
    },
    signal,
  });

export function useTotals(q: TotalsQuery | null) {
  return useQuery({
    queryKey: [...reportingKeys.totals, q],
    queryFn: ({ signal }) => totalsRequest(q!, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** The totals broken down by a group set (by ownership, by sector); kept under the totals' key so live updates refresh it. */
export function useGroupTotals(q: (TotalsQuery & { groupSetId: string }) | null) {
  return useQuery({
    queryKey: [...reportingKeys.totals, 'by-group', q],
    queryFn: ({ signal }) =>
      api<GroupTotals>('/api/reporting/totals/by-group', {
        query: { templateId: q!.templateId, unitId: q!.unitId, from: q!.from, to: q!.to, groupSetId: q!.groupSetId },
        signal,
      }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** One indicator's total for each period: the points of a trend. */
export function usePeriodTotals(base: Omit<TotalsQuery, 'from' | 'to'> | null, periods: string[]) {
  return useQueries({
    queries: periods.map((p) => {
      const q = base ? { ...base, from: p, to: p } : null;
      return {
        queryKey: [...reportingKeys.totals, q],
        queryFn: ({ signal }: { signal: AbortSignal }) => totalsRequest(q!, signal),
        enabled: q !== null,
      };
    }),
  });
}

export function useChildTotals(
  q: { templateId: string; unitId: string; periodId: string; page: number; pageSize: number } | null,
) {
  return useQuery({
    queryKey: [...reportingKeys.children, q],
    queryFn: ({ signal }) => api<ChildTotals>('/api/reporting/totals/children', { query: q!, signal }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCompleteness(
  q: {
    templateId: string;
    unitId: string;
    periodId: string;
    missingOnly: boolean;
    page: number;
    pageSize: number;
  } | null,
) {
  return useQuery({
    queryKey: [...reportingKeys.completeness, q],
    queryFn: ({ signal }) =>
      api<Completeness>('/api/reporting/completeness', {
        query: {
          templateId: q!.templateId,
          unitId: q!.unitId,
          periodId: q!.periodId,
          missingOnly: q!.missingOnly ? '1' : undefined,
          page: q!.page,
          pageSize: q!.pageSize,
        },
        signal,
      }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** A form's .xlsx read back (POST /api/reporting/form.xlsx/preview): nothing is saved yet. */
export type FormFileProblem = {
  row: number | null;
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  indicatorId?: string;
  breakdownKey?: string;
  messages: Bilingual;
};
export type FormFileRow = {
  row: number;
  indicatorId: string;
  code: string;
  name: string;
  breakdownKey: string;
  breakdownLabel: string | null;
  current: number | string | null;
  value: number | string | null;
  currentComment: string | null;
  comment: string | null;
  changed: boolean;
};
export type FormFilePreview = {
  valid: boolean;
  errors: number;
  warnings: number;
  changed: number;
  currentVersion: number;
  fileVersion: number | null;
  problems: FormFileProblem[];
  rows: FormFileRow[];
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type FormKey = { templateId: string; unitId: string; periodId: string };

export const previewFormXlsx = (q: FormKey, file: Blob) =>
  api<FormFilePreview>('/api/reporting/form.xlsx/preview', {
    method: 'POST',
    query: q,
    raw: { data: file, type: XLSX_TYPE },
  });

/** Saves the previewed file (the same bytes) as a draft; the answer replaces the cached form. */
export const useConfirmFormXlsx = () =>
  useFormChange(({ q, file, version }: { q: FormKey; file: Blob; version: number }) =>
    api<ReportForm>('/api/reporting/form.xlsx/confirm', {
      method: 'POST',
      query: { ...q, version },
      raw: { data: file, type: XLSX_TYPE },
    }),
  );
