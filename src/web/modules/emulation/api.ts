import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { z } from 'zod';
import type {
  CriterionOut,
  DriveDetail,
  DrivePage,
  Ranking,
  Registration,
  RegistrationPage,
  RegistrationStatus,
  criteriaInput,
  criteriaOut,
  driveInput,
  participantsInput,
  registrationInput,
  reviewInput,
  scoresInput,
  updateDriveInput,
} from '../../../server/modules/emulation/schema.ts';
import type { unitPage } from '../../../server/modules/organisation/schema.ts';
import type { TemplatePage, TemplateSummary } from '../../../server/modules/reporting/schema.ts';

/** The shapes of the emulation API: the server's own schemas (src/server/modules/emulation/schema.ts), types only. */
export type {
  Drive,
  DriveDetail,
  DriveStatus,
  Ranking,
  Registration,
  RegistrationStatus,
} from '../../../server/modules/emulation/schema.ts';
/** The order of the registrations' tabs. */
export const registrationStatuses: RegistrationStatus[] = ['submitted', 'returned', 'accepted'];
export type Target = Registration['targets'][number];
export type Criterion = CriterionOut;
export type Method = Criterion['method'];
export type RankLine = Ranking['items'][number];
/** A campaign template a drive's results are reported on, as the reporting module lists it. */
export type CampaignTemplate = TemplateSummary;
export type DriveInput = z.input<typeof driveInput>;
export type CriterionInput = z.input<typeof criteriaInput>['criteria'][number];

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
      api<DrivePage>('/api/emulation/drives', {
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
      api<RegistrationPage>(`${base(id)}/registrations`, {
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
      const page = await api<TemplatePage>('/api/reporting/templates', { query: { pageSize: 500 }, signal });
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
  useChange((body: z.input<typeof updateDriveInput>) => api<DriveDetail>(base(id), { method: 'PATCH', body }));

export const useChangeParticipants = (id: string) =>
  useChange((body: z.input<typeof participantsInput>) =>
    api<DriveDetail>(`${base(id)}/participants`, { method: 'POST', body }),
  );

export const useRegister = (id: string) =>
  useChange((body: z.input<typeof registrationInput>) =>
    api<Registration>(`${base(id)}/registrations`, { method: 'POST', body }),
  );

export const useReview = (id: string) =>
  useChange(({ registrationId, ...body }: { registrationId: string } & z.input<typeof reviewInput>) =>
    api<Registration>(`${base(id)}/registrations/${registrationId}/review`, { method: 'POST', body }),
  );

export const useSetCriteria = (id: string) =>
  useChange((criteria: CriterionInput[]) =>
    api<z.output<typeof criteriaOut>>(`${base(id)}/criteria`, { method: 'PUT', body: { criteria } }),
  );

export const useSetScores = (id: string) =>
  useChange((body: z.input<typeof scoresInput>) => api<Ranking>(`${base(id)}/scores`, { method: 'PUT', body }));

/** Every grassroots Party organisation (committees and cells) valid on a day, read page by page. */
export async function allGrassrootsUnits(asOf: string | null): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (const kind of ['grassroots_committee', 'grassroots_cell']) {
    for (let page = 1; page < 200; page++) {
      const res = await api<z.output<typeof unitPage>>('/api/units', {
        query: { kind, asOf: asOf ?? undefined, page, pageSize: 500 },
      });
      out.push(...res.items.map((u) => ({ id: u.id, name: u.name })));
      if (page * res.pageSize >= res.total || res.items.length === 0) break;
    }
  }
  return out;
}
