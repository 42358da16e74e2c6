import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import type {
  ChildTotals,
  Completeness,
  FormFilePreview,
  GroupTotals,
  HistoryPage,
  IndicatorOut,
  ReportForm,
  SaveBody,
  TemplateDetail,
  TemplatePage,
  TemplateSummary,
  Totals,
  formQuery,
  reasonInput,
  reopenInput,
} from '../../../server/modules/reporting/schema.ts';

/** The shapes of the reporting API: the server's own schemas (src/server/modules/reporting/schema.ts), types only. */
export type {
  ChildTotals,
  Completeness,
  FormFilePreview,
  GroupTotals,
  HistoryEntry,
  ReportForm,
  SaveBody,
  TemplateDetail,
  Totals,
} from '../../../server/modules/reporting/schema.ts';
/** A template as listed (GET /api/reporting/templates). */
export type Template = TemplateSummary;
export type Indicator = IndicatorOut;
export type ReportStatus = NonNullable<ReportForm['submission']>['status'];
export type Section = TemplateDetail['sections'][number];
export type IndicatorTotal = Totals['indicators'][number];
export type CompletenessItem = Completeness['items'][number];

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
    queryFn: ({ signal }) => api<TemplatePage>('/api/reporting/templates', { query: { pageSize: 200 }, signal }),
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
  useFormChange(({ id, ...body }: { id: string } & z.input<typeof reasonInput>) =>
    api<ReportForm>(`/api/reporting/reports/${id}/return`, { method: 'POST', body }),
  );
export const useReopenReport = () =>
  useFormChange(({ id, ...body }: { id: string } & z.input<typeof reopenInput>) =>
    api<ReportForm>(`/api/reporting/reports/${id}/reopen`, { method: 'POST', body }),
  );

export const HISTORY_PAGE_SIZE = 30;

export function useReportHistory(submissionId: string | null, page: number) {
  return useQuery({
    queryKey: reportingKeys.history(submissionId ?? '', page),
    queryFn: ({ signal }) =>
      api<HistoryPage>(`/api/reporting/reports/${submissionId}/history`, {
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
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Which form: the query of the form's routes. */
export type FormKey = z.input<typeof formQuery>;

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
