import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';

export const statuses = ['done_on_time', 'done_late', 'in_progress', 'overdue'] as const;
export type Status = (typeof statuses)[number];

export type UnitRef = { id: string; name: string; shortName: string | null };

export type PlanSummary = {
  id: string;
  parentPlanId: string | null;
  superiorBody: string | null;
  issuingBody: string | null;
  symbolSuffix: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  type: string;
  title: string;
  periodStart: string | null;
  periodDue: string | null;
  deployDue: string | null;
};

export type Target = { value: number; comparator: 'gte' | 'eq' | 'lte'; indicator: string; unit: string | null; breakdown: { value: number; indicator: string }[] };

export type UnitLine = { unitId: string; role: string; percent: number | null; doneOn: string | null; status: Status; statusLabel: Bilingual };

export type Activity = {
  id: string;
  planId: string;
  ref: string;
  kind: string;
  section: string;
  title: string;
  description: string;
  subItems: string[];
  lead: UnitRef[];
  coordinating: UnitRef[];
  leadCount: number;
  coordinatingCount: number;
  otherParticipants: string[];
  start: string | null;
  due: string | null;
  tentative: boolean;
  recurrence: string | null;
  target: Target | null;
  percent: number | null;
  figure: number | null;
  doneOn: string | null;
  status: Status;
  statusLabel: Bilingual;
  sourceNote: Bilingual | null;
  unitLine?: UnitLine | null;
};

export type Section = { path: string; marker: string; title: string; role: string; notes: string[] };
export type Milestone = { id: string; title: string; text: string; start: string | null; due: string | null; tentative: boolean; closes: string[] };
export type Counts = Record<Status, number>;

export type Plan = PlanSummary & {
  unit: UnitRef | null;
  legalBasis: string[];
  introduction: string[];
  purposes: string[];
  sections: Section[];
  recipients: string[];
  archive: string | null;
  signer: { authority: string | null; position: string | null; name: string | null };
  closing: string | null;
  milestones: Milestone[];
  activities: Activity[];
  counts: Counts;
  seesWholePlan: boolean;
  today: string;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type Report = {
  id: string;
  unit: { id: string; name: string } | null;
  text: string;
  percent: number;
  figure: number | null;
  doneOn: string | null;
  reporterName: string;
  reportedAt: string;
};
export type ActivityDetail = Activity & { reports: Report[] };

export type UnitDashboardLine = {
  unit: UnitRef & { kind: string };
  lead: number;
  coordinating: number;
  counts: Counts;
  late: { id: string; ref: string; title: string; due: string | null }[];
};

export type Deployment = {
  deployDue: string | null;
  today: string;
  total: number;
  deployed: number;
  onTime: number;
  late: number;
  notDeployed: number;
  items: { unit: UnitRef; subPlanId: string | null; issuedOn: string | null; state: 'on_time' | 'late' | 'missing' }[];
  page: number;
  pageSize: number;
};

export type ReportBody = { text: string; percent: number; figure?: number | null; unitId?: string | null };

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: ({ signal }) => api<Page<PlanSummary>>('/api/plans', { query: { pageSize: 100 }, signal }) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: ['plans', 'one', id], queryFn: ({ signal }) => api<Plan>(`/api/plans/${id}`, { signal }) });
}

export function useDashboard(id: string) {
  return useQuery({
    queryKey: ['plans', 'dashboard', id],
    queryFn: ({ signal }) => api<{ total: number; counts: Counts; today: string }>(`/api/plans/${id}/dashboard`, { signal }),
  });
}

export function useUnitDashboard(id: string, page: number, pageSize: number, lateOnly: boolean) {
  return useQuery({
    queryKey: ['plans', 'dashboard-units', id, { page, pageSize, lateOnly }],
    queryFn: ({ signal }) =>
      api<{ items: UnitDashboardLine[]; page: number; pageSize: number; hasMore: boolean }>(`/api/plans/${id}/dashboard/units`, { query: { page, pageSize, lateOnly: lateOnly ? 1 : undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDeployment(id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'deployment', id, { page, pageSize }],
    queryFn: ({ signal }) => api<Deployment>(`/api/plans/${id}/deployment`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnitActivities(planId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'unit-activities', planId, unitId],
    queryFn: ({ signal }) => api<Page<Activity>>(`/api/plans/${planId}/activities`, { query: { unitId, pageSize: 500 }, signal }),
    enabled: Boolean(planId && unitId),
  });
}

export function useActivity(id: string | null) {
  return useQuery({
    queryKey: ['plans', 'activity', id],
    queryFn: ({ signal }) => api<ActivityDetail>(`/api/activities/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useReport(activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportBody) => api<ActivityDetail>(`/api/activities/${activityId}/reports`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

/** "Số 45-KH/ĐUK", or "Số -KH/ĐUK" when the plan has no number yet, as the document writes it. */
export function numberLine(plan: PlanSummary): string {
  const type = plan.type === 'KẾ HOẠCH' ? 'KH' : plan.type.slice(0, 2).toUpperCase();
  const suffix = plan.symbolSuffix ? `/${plan.symbolSuffix}` : '';
  return `Số ${plan.number ?? ''}${plan.number ? '' : ' '}-${type}${suffix}`;
}

/** "Thái Bình, ngày 10 tháng 6 năm 2019" (the document's own form, in Vietnamese). */
export function placeAndDate(plan: PlanSummary): string {
  if (!plan.date) return plan.place ?? '';
  const [y, m, d] = plan.date.split('-');
  const text = `ngày ${d} tháng ${Number(m)} năm ${y}`;
  return plan.place ? `${plan.place}, ${text}` : text;
}
