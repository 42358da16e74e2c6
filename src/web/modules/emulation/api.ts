import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { FormIndicator } from '../../../common/reportValues.ts';

/** The shapes of the emulation API (src/server/modules/emulation), as the screens read them. */
export type DriveStatus = 'open' | 'closed';
export type RegistrationStatus = 'submitted' | 'accepted' | 'returned';
export const registrationStatuses: RegistrationStatus[] = ['submitted', 'returned', 'accepted'];

export type Drive = {
  id: string;
  code: string;
  name: string;
  theme: string;
  start: string;
  end: string;
  launchNumber: string | null;
  launchDate: string | null;
  templateId: string | null;
  registrationDue: string | null;
  status: DriveStatus;
  isDemo: boolean;
};

export type ParticipantRef = { id: string; name: string; shortName: string | null };
export type DriveTemplate = {
  id: string;
  code: string;
  name: string;
  campaignPeriodId: string | null;
  indicators: FormIndicator[];
};

export type DriveDetail = Drive & {
  participantCount: number;
  /** The first 500, in Vietnamese order. */
  participants: ParticipantRef[];
  registrations: Partial<Record<RegistrationStatus, number>>;
  template: DriveTemplate | null;
};

export type Target = { indicatorId: string | null; text: string; value: number | null };

export type Registration = {
  id: string;
  unit: { id: string; name: string };
  targets: Target[];
  note: string;
  status: RegistrationStatus;
  reviewNote: string | null;
  submittedAt: string;
  reviewedAt: string | null;
};

export type Method = 'indicator' | 'manual';
export type Criterion = {
  id: string;
  name: string;
  weight: number;
  method: Method;
  indicatorId: string | null;
  maxScore: number;
};
export type CriterionInput = Omit<Criterion, 'id'>;
export type RankLine = {
  unitId: string;
  name: string;
  scores: { criterionId: string; score: number | null; result: number | null }[];
  total: number;
  rank: number;
};
export type Ranking = { driveId: string; status: DriveStatus; criteria: Criterion[]; items: RankLine[] };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type CampaignTemplate = {
  id: string;
  code: string;
  name: string;
  periodType: string;
  campaign: { start: string; end: string } | null;
  isActive: boolean;
  campaignPeriodId: string | null;
};

export type DriveInput = {
  code: string;
  name: string;
  theme: string;
  start: string;
  end: string;
  launchNumber: string | null;
  launchDate: string | null;
  templateId: string | null;
  registrationDue: string | null;
  participantIds: string[];
};

export const DRIVES_PAGE_SIZE = 20;

export const emulationKeys = {
  all: ['emulation'] as const,
  drives: (page: number, q: string) => ['emulation', 'drives', page, q] as const,
  drive: (id: string) => ['emulation', 'drive', id] as const,
  registrations: (id: string, status: string, page: number) =>
    ['emulation', 'registrations', id, status, page] as const,
  ranking: (id: string) => ['emulation', 'ranking', id] as const,
};

const base = (id: string) => `/api/emulation/drives/${id}`;

export function useDrives(page: number, q: string) {
  return useQuery({
    queryKey: emulationKeys.drives(page, q),
    queryFn: ({ signal }) =>
      api<Page<Drive>>('/api/emulation/drives', {
        query: { page, pageSize: DRIVES_PAGE_SIZE, q: q || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function driveQuery(id: string) {
  return {
    queryKey: emulationKeys.drive(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api<DriveDetail>(base(id), { signal }),
  };
}

export function useDrive(id: string) {
  return useQuery(driveQuery(id));
}

export function useRegistrations(id: string, status: RegistrationStatus | null, page: number, pageSize = 20) {
  return useQuery({
    queryKey: emulationKeys.registrations(id, status ?? 'all', page),
    queryFn: ({ signal }) =>
      api<Page<Registration>>(`${base(id)}/registrations`, {
        query: { status: status ?? undefined, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRanking(id: string) {
  return useQuery({
    queryKey: emulationKeys.ranking(id),
    queryFn: ({ signal }) => api<Ranking>(`${base(id)}/ranking`, { signal }),
  });
}

/** The campaign templates a drive's results can be reported on (GET /api/reporting/templates, campaign ones). */
export function useCampaignTemplates(enabled = true) {
  return useQuery({
    queryKey: ['emulation', 'campaign-templates'],
    queryFn: async ({ signal }) => {
      const page = await api<Page<CampaignTemplate>>('/api/reporting/templates', { query: { pageSize: 500 }, signal });
      return page.items.filter((t) => t.periodType === 'campaign');
    },
    enabled,
    staleTime: 60_000,
  });
}

/** After any change: the list, the drive, its registrations and ranking may all have moved. */
function useChange<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emulationKeys.all }),
  });
}

export const useCreateDrive = () =>
  useChange((body: DriveInput) => api<DriveDetail>('/api/emulation/drives', { method: 'POST', body }));

export const useUpdateDrive = (id: string) =>
  useChange(
    (
      body: Partial<
        Pick<Drive, 'name' | 'theme' | 'end' | 'launchNumber' | 'launchDate' | 'registrationDue' | 'status'>
      >,
    ) => api<DriveDetail>(base(id), { method: 'PATCH', body }),
  );

export const useChangeParticipants = (id: string) =>
  useChange((body: { add?: string[]; remove?: string[] }) =>
    api<DriveDetail>(`${base(id)}/participants`, { method: 'POST', body }),
  );

export const useRegister = (id: string) =>
  useChange((body: { unitId: string; targets: Target[]; note: string }) =>
    api<Registration>(`${base(id)}/registrations`, { method: 'POST', body }),
  );

export const useReview = (id: string) =>
  useChange(
    ({ registrationId, ...body }: { registrationId: string; decision: 'accept' | 'return'; note: string | null }) =>
      api<Registration>(`${base(id)}/registrations/${registrationId}/review`, { method: 'POST', body }),
  );

export const useSetCriteria = (id: string) =>
  useChange((criteria: CriterionInput[]) =>
    api<{ items: Criterion[] }>(`${base(id)}/criteria`, { method: 'PUT', body: { criteria } }),
  );

export const useSetScores = (id: string) =>
  useChange((body: { unitId: string; scores: { criterionId: string; score: number; note: string | null }[] }) =>
    api<Ranking>(`${base(id)}/scores`, { method: 'PUT', body }),
  );

/** Every grassroots Party organisation (committees and cells) valid on a day, read page by page. */
export async function allGrassrootsUnits(asOf: string | null): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (const kind of ['grassroots_committee', 'grassroots_cell']) {
    for (let page = 1; page < 200; page++) {
      const res = await api<Page<{ id: string; name: string }>>('/api/units', {
        query: { kind, asOf: asOf ?? undefined, page, pageSize: 500 },
      });
      out.push(...res.items.map((u) => ({ id: u.id, name: u.name })));
      if (page * res.pageSize >= res.total || res.items.length === 0) break;
    }
  }
  return out;
}
