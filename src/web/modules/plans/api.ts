import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

import type {
  Activity,
  ActivityBody,
  ActivityDetail,
  CalendarMonth,
  Dashboard,
  Deployment,
  NotificationPage,
  Plan,
  PlanChange,
  PlanPage,
  PlanSummary,
  ActivityPage,
  ReportBody,
  SubPlanBody,
  SubPlanDraft,
  SubPlanUnits,
  Supervision,
  SupervisionBody,
  SupervisionPage,
  SupervisionUnits,
  Timeline,
  UnitDashboard,
} from '../../../server/modules/plans/schema.ts';

// The shapes of the plans API: the server's schemas themselves (ADR 14).
export type {
  Activity,
  ActivityBody,
  ActivityDetail,
  AppNotification,
  CalendarDay,
  CalendarMonth,
  Counts,
  Deployment,
  Milestone,
  Plan,
  PlanChange,
  PlanSummary,
  Report,
  ReportBody,
  Section,
  StatusSource,
  SubPlanBody,
  SubPlanDraft,
  SubPlanRef,
  SubPlanUnit,
  Supervision,
  SupervisionBody,
  Target,
  Timeline,
  TimelineActivity,
  UnitDashboardLine,
  UnitLine,
  UnitRef,
} from '../../../server/modules/plans/schema.ts';
export type { DraftActivityLine as DraftActivity } from '../../../server/modules/plans/schema.ts';

export const statuses = [
  'done_on_time',
  'done_late',
  'in_progress',
  'overdue',
] as const satisfies readonly Activity['status'][];
export type Status = Activity['status'];
export type SupervisionKind = Supervision['kind'];
export type OwnActivityBody = SubPlanBody['own'] extends (infer T)[] | undefined ? T : never;

export function usePlans() {
  return useQuery({
    queryKey: ['plans', 'list'],
    queryFn: ({ signal }) => api<PlanPage>('/api/plans', { query: { pageSize: 100 }, signal }),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: ['plans', 'one', id],
    queryFn: ({ signal }) => api<Plan>(`/api/plans/${id}`, { signal }),
  });
}

export function useDashboard(id: string) {
  return useQuery({
    queryKey: ['plans', 'dashboard', id],
    queryFn: ({ signal }) => api<Dashboard>(`/api/plans/${id}/dashboard`, { signal }),
  });
}

export function useUnitDashboard(id: string, page: number, pageSize: number, lateOnly: boolean) {
  return useQuery({
    queryKey: ['plans', 'dashboard-units', id, { page, pageSize, lateOnly }],
    queryFn: ({ signal }) =>
      api<UnitDashboard>(`/api/plans/${id}/dashboard/units`, {
        query: { page, pageSize, lateOnly: lateOnly ? 1 : undefined },
        signal,
      }),
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
    queryFn: ({ signal }) =>
      api<ActivityPage>(`/api/plans/${planId}/activities`, { query: { unitId, pageSize: 500 }, signal }),
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
    mutationFn: (body: ReportBody) =>
      api<ActivityDetail>(`/api/activities/${activityId}/reports`, { method: 'POST', body }),
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

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['plans', 'timeline', id],
    queryFn: ({ signal }) => api<Timeline>(`/api/plans/${id}/timeline`, { signal }),
  });
}

/** The deadlines of one month (`YYYY-MM`); waits while the month is not known yet. */
export function useCalendar(id: string, month: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'calendar', id, month],
    queryFn: ({ signal }) => api<CalendarMonth>(`/api/plans/${id}/calendar`, { query: { month }, signal }),
    enabled: month !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The modules that can decide an activity's progress (the server's `statusSourceKeys`). */
export const statusSources = [
  'organisation.new_grassroots',
  'reporting.templates',
  'honours.selection',
  'tournament.results',
  'festival.results',
  'ceremony.held',
  'office.duty',
  'publicity.pieces',
] as const satisfies readonly StatusSourceKey[];
type StatusSourceKey = NonNullable<Activity['statusSource']>;

export function useUpdatePlan(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChange) => api<Plan>(`/api/plans/${planId}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export function useDeletePlan(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/plans/${planId}`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['plans', 'one', planId] });
      return client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

/** Adds an activity to the plan (no `activityId`) or corrects one. */
export function useSaveActivity(planId: string, activityId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ActivityBody>) =>
      activityId
        ? api<ActivityDetail>(`/api/activities/${activityId}`, { method: 'PATCH', body })
        : api<ActivityDetail>(`/api/plans/${planId}/activities`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export function useDeleteActivity(activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/activities/${activityId}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

// ---------- a grassroots unit's own plan (SubPlanPage) ----------

/** The plans derived from a plan (those the caller may see), a page at a time. */
export function useSubPlans(parentId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['plans', 'sub-plans', parentId, { page, pageSize }],
    queryFn: ({ signal }) => api<PlanPage>('/api/plans', { query: { parentId, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSubPlanUnits(planId: string, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'sub-plan-units', planId],
    queryFn: ({ signal }) => api<SubPlanUnits>(`/api/plans/${planId}/sub-plans/units`, { signal }),
    enabled,
    // whether a unit already has its plan decides between the form and a link: never from an old answer
    staleTime: 0,
  });
}

export function useSubPlanDraft(planId: string, unitId: string | null) {
  return useQuery({
    queryKey: ['plans', 'sub-plan-draft', planId, unitId],
    queryFn: ({ signal }) => api<SubPlanDraft>(`/api/plans/${planId}/sub-plans/draft`, { query: { unitId }, signal }),
    enabled: unitId !== null,
    staleTime: 0,
  });
}

export function useCreateSubPlan(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubPlanBody) => api<Plan>(`/api/plans/${planId}/sub-plans`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

// ---------- urging and inspection visits (SupervisionPage) ----------

export function useSupervisions(filter: { planId?: string; unitId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['plans', 'supervisions', filter],
    queryFn: ({ signal }) => api<SupervisionPage>('/api/supervisions', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The units the caller may record visits for (those they are in charge of); `any` for a manager. */
export function useSupervisionUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'supervision-units'],
    queryFn: ({ signal }) => api<SupervisionUnits>('/api/supervisions/units', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useRecordSupervision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SupervisionBody) => api<Supervision>('/api/supervisions', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans', 'supervisions'] }),
  });
}

// ---------- in-app notifications (NotificationsBell, NotificationsPage) ----------

export const NOTIFICATIONS_REFRESH_MS = 60_000;

/** How many notifications are unread, read again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => api<NotificationPage>('/api/notifications', { query: { unread: 1, pageSize: 1 }, signal }),
    select: (page) => page.total,
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
  });
}

export function useNotifications(page: number, pageSize: number, unreadOnly: boolean, enabled = true) {
  return useQuery({
    queryKey: ['notifications', 'list', { page, pageSize, unreadOnly }],
    queryFn: ({ signal }) =>
      api<NotificationPage>('/api/notifications', {
        query: { page, pageSize, unread: unreadOnly ? 1 : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
