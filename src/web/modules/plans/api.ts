import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';
import type { StoredFile } from '../../app/files.ts';

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

export type Target = {
  value: number;
  comparator: 'gte' | 'eq' | 'lte';
  indicator: string;
  unit: string | null;
  breakdown: { value: number; indicator: string }[];
};

export type UnitLine = {
  unitId: string;
  role: string;
  percent: number | null;
  doneOn: string | null;
  status: Status;
  statusLabel: Bilingual;
};

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
  /** The module that decides this activity's progress from its own data, or null (the units' reports). */
  statusSource: StatusSource | null;
  unitLine?: UnitLine | null;
};

export type Section = { path: string; marker: string; title: string; role: string; notes: string[] };
export type Milestone = {
  id: string;
  title: string;
  text: string;
  start: string | null;
  due: string | null;
  tentative: boolean;
  closes: string[];
};
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
  attachments: StoredFile[];
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

export type ReportBody = {
  text: string;
  percent: number;
  figure?: number | null;
  unitId?: string | null;
  attachmentIds?: string[];
};

export function usePlans() {
  return useQuery({
    queryKey: ['plans', 'list'],
    queryFn: ({ signal }) => api<Page<PlanSummary>>('/api/plans', { query: { pageSize: 100 }, signal }),
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
    queryFn: ({ signal }) =>
      api<{ total: number; counts: Counts; today: string }>(`/api/plans/${id}/dashboard`, { signal }),
  });
}

export function useUnitDashboard(id: string, page: number, pageSize: number, lateOnly: boolean) {
  return useQuery({
    queryKey: ['plans', 'dashboard-units', id, { page, pageSize, lateOnly }],
    queryFn: ({ signal }) =>
      api<{ items: UnitDashboardLine[]; page: number; pageSize: number; hasMore: boolean }>(
        `/api/plans/${id}/dashboard/units`,
        { query: { page, pageSize, lateOnly: lateOnly ? 1 : undefined }, signal },
      ),
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
      api<Page<Activity>>(`/api/plans/${planId}/activities`, { query: { unitId, pageSize: 500 }, signal }),
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

/** One bar of the Gantt chart: `start` is the due date when the plan gives only a deadline. */
export type TimelineActivity = {
  id: string;
  ref: string;
  section: string;
  title: string;
  start: string | null;
  due: string | null;
  tentative: boolean;
  status: Status;
  statusLabel: Bilingual;
  percent: number | null;
  doneOn: string | null;
  lead: string[];
  leadCount: number;
};
export type Timeline = { plan: PlanSummary; today: string; activities: TimelineActivity[]; milestones: Milestone[] };

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['plans', 'timeline', id],
    queryFn: ({ signal }) => api<Timeline>(`/api/plans/${id}/timeline`, { signal }),
  });
}

export type CalendarDay = {
  date: string;
  activities: { id: string; ref: string; title: string; status: Status }[];
  milestones: { id: string; title: string; tentative: boolean }[];
};
export type CalendarMonth = { month: string; today: string; days: CalendarDay[] };

/** The deadlines of one month (`YYYY-MM`); waits while the month is not known yet. */
export function useCalendar(id: string, month: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'calendar', id, month],
    queryFn: ({ signal }) => api<CalendarMonth>(`/api/plans/${id}/calendar`, { query: { month }, signal }),
    enabled: month !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The header fields of PATCH /api/plans/{id}; null clears a field. */
export type PlanChange = {
  superiorBody?: string | null;
  issuingBody?: string | null;
  symbolSuffix?: string | null;
  number?: string | null;
  place?: string | null;
  date?: string | null;
  title?: string;
  periodStart?: string | null;
  periodDue?: string | null;
  deployDue?: string | null;
  recipients?: string[];
  closing?: string | null;
};

/** An activity as POST /api/plans/{id}/activities and PATCH /api/activities/{id} take it. */
/** The modules that can decide an activity's progress (the server's `statusSourceKeys`). */
export const statusSources = ['organisation.new_grassroots', 'reporting.templates', 'honours.selection'] as const;
export type StatusSource = (typeof statusSources)[number];

export type ActivityBody = {
  statusSource?: StatusSource | null;
  kind?: 'task' | 'duty';
  section: string;
  title: string;
  description: string;
  leadUnitIds?: string[];
  coordinatingUnitIds?: string[];
  start: string | null;
  due: string | null;
  tentative: boolean;
  target: Target | null;
};

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
        ? api<Activity>(`/api/activities/${activityId}`, { method: 'PATCH', body })
        : api<Activity>(`/api/plans/${planId}/activities`, { method: 'POST', body }),
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

export type SubPlanSummary = PlanSummary & { unitId: string | null };
export type SubPlanRef = {
  id: string;
  type: string;
  number: string | null;
  symbolSuffix: string | null;
  date: string | null;
  title: string;
};
export type SubPlanUnit = { unit: UnitRef; subPlan: SubPlanRef | null };
export type DraftActivity = {
  id: string;
  ref: string;
  kind: string;
  section: string;
  title: string;
  start: string | null;
  due: string | null;
  tentative: boolean;
  recurrence: string | null;
  role: 'lead' | 'coordinating' | null;
};
export type SubPlanDraft = {
  plan: {
    id: string;
    type: string;
    number: string | null;
    symbolSuffix: string | null;
    date: string | null;
    title: string;
    issuingBody: string | null;
    deployDue: string | null;
  };
  unit: UnitRef;
  subPlan: SubPlanRef | null;
  proposedTitle: string;
  sections: { path: string; marker: string; title: string; role: string }[];
  activities: DraftActivity[];
};
export type OwnActivityBody = { section: string; title: string; due: string | null; description: string };
export type SubPlanBody = {
  unitId: string;
  title: string | null;
  number: string | null;
  issuedOn: string | null;
  pick: string[];
  own: OwnActivityBody[];
};

/** The plans derived from a plan (those the caller may see), a page at a time. */
export function useSubPlans(parentId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['plans', 'sub-plans', parentId, { page, pageSize }],
    queryFn: ({ signal }) => api<Page<SubPlanSummary>>('/api/plans', { query: { parentId, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSubPlanUnits(planId: string, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'sub-plan-units', planId],
    queryFn: ({ signal }) =>
      api<{ items: SubPlanUnit[]; deployDue: string | null }>(`/api/plans/${planId}/sub-plans/units`, { signal }),
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

export type SupervisionKind = 'urge' | 'inspect';
export type Supervision = {
  id: string;
  planId: string | null;
  unit: { id: string; name: string };
  personId: string | null;
  kind: SupervisionKind;
  visitedOn: string;
  findings: string;
  followUps: string;
  recorderName: string;
  createdAt: string;
};
export type SupervisionBody = {
  planId: string | null;
  unitId: string;
  kind: SupervisionKind;
  visitedOn: string;
  findings: string;
  followUps: string;
};

export function useSupervisions(filter: { planId?: string; unitId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['plans', 'supervisions', filter],
    queryFn: ({ signal }) => api<Page<Supervision>>('/api/supervisions', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The units the caller may record visits for (those they are in charge of); `any` for a manager. */
export function useSupervisionUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'supervision-units'],
    queryFn: ({ signal }) => api<{ any: boolean; items: UnitRef[] }>('/api/supervisions/units', { signal }),
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

export type AppNotification = {
  id: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  entityType: string;
  entityId: string;
  createdAt: string;
  readAt: string | null;
};

export const NOTIFICATIONS_REFRESH_MS = 60_000;

/** How many notifications are unread, read again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) =>
      api<Page<AppNotification>>('/api/notifications', { query: { unread: 1, pageSize: 1 }, signal }),
    select: (page) => page.total,
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
  });
}

export function useNotifications(page: number, pageSize: number, unreadOnly: boolean, enabled = true) {
  return useQuery({
    queryKey: ['notifications', 'list', { page, pageSize, unreadOnly }],
    queryFn: ({ signal }) =>
      api<Page<AppNotification>>('/api/notifications', {
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
