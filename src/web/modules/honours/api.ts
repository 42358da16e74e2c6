import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiBlob } from '../../app/api.ts';
import type {
  Campaign,
  CampaignPage,
  Nomination,
  NominationPage,
  NominationStatus,
  NomineeCandidates,
  Results,
  campaignInput,
  confirmInput,
  dossierInput,
  eligibilityCheck,
  nominationInput,
  proposalInput,
  reasonInput,
  screeningInput,
  updateNominationInput,
} from '../../../server/modules/honours/schema.ts';

/**
 * The shapes of the honours API: the server's own schemas (src/server/modules/honours/schema.ts:
 * campaigns, nominations, screening, results), types only. The Council's calls are in ./council/api.ts.
 */
export type {
  Campaign,
  CampaignStatus,
  Nomination,
  NominationStatus,
  Results,
} from '../../../server/modules/honours/schema.ts';
export type CampaignSummary = CampaignPage['items'][number];
export type NominationSummary = NominationPage['items'][number];
export type Category = Campaign['categories'][number];
export type CategoryKind = Category['kind'];
export type Criterion = Category['criteria'][number];
/** A rule the server checks from its own records (the unit's years, the member's years in the Party, the rank in the drive). */
export type EligibilityCheck = z.output<typeof eligibilityCheck>;
/** What the server found for a criterion with a check: met, not met (the Board cannot then mark it met), or unknown from the records. */
export type CheckOutcome = Nomination['checks'][number];
/** `photo`: the portrait, the collective's or the product's picture for the roll of honour (an image, one at a time, any stage). */
export type DossierKind = Nomination['dossier'][number]['kind'];
export type ScreeningResult = Nomination['screening'][number]['result'];
export type EmulationResult = Nomination['emulation'][number];
export type Decision = NonNullable<Results['decision']>;
export type Honouree = Results['categories'][number]['honourees'][number];
export type Candidate = NomineeCandidates['items'][number];

export type CampaignInput = z.input<typeof campaignInput>;
export type NominationInput = z.input<typeof nominationInput>;
export type ScreeningInput = z.input<typeof screeningInput>;
export type ProposalInput = z.input<typeof proposalInput>;

/* The orders in which the screens list them. */
export const categoryKinds: CategoryKind[] = ['collective', 'individual', 'product'];
export const nominationStatuses: NominationStatus[] = [
  'draft',
  'submitted',
  'returned',
  'eligible',
  'ineligible',
  'selected',
];
export const dossierKinds: DossierKind[] = [
  'cover_submission',
  'achievement_report',
  'review_minutes',
  'evidence',
  'photo',
];
/** What a dossier must hold before it is submitted (the server's requiredDossier). */
export const requiredDossier: DossierKind[] = ['cover_submission', 'achievement_report', 'review_minutes'];
/** The shortest achievement summary the server takes for a submission. */
export const MIN_SUMMARY = 20;
export const checkKinds: EligibilityCheck['kind'][] = ['unit_years', 'party_years', 'emulation_rank'];

export const CAMPAIGNS_PAGE_SIZE = 20;
export const NOMINATIONS_PAGE_SIZE = 20;

export const honoursKeys = {
  all: ['honours'] as const,
  campaigns: (page: number) => ['honours', 'campaigns', page] as const,
  campaign: (id: string) => ['honours', 'campaign', id] as const,
  nominations: (id: string, filter: NominationFilter) => ['honours', 'nominations', id, filter] as const,
  nomination: (id: string) => ['honours', 'nomination', id] as const,
  results: (id: string) => ['honours', 'results', id] as const,
  nominees: (unitId: string, kind: CategoryKind, q: string) => ['honours', 'nominees', unitId, kind, q] as const,
};

const campaignPath = (id: string) => `/api/honours/campaigns/${id}`;
const nominationPath = (id: string) => `/api/honours/nominations/${id}`;

export function useCampaigns(page: number) {
  return useQuery({
    queryKey: honoursKeys.campaigns(page),
    queryFn: ({ signal }) =>
      api<CampaignPage>('/api/honours/campaigns', { query: { page, pageSize: CAMPAIGNS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | null | undefined) {
  return useQuery({
    queryKey: honoursKeys.campaign(id ?? ''),
    queryFn: ({ signal }) => api<Campaign>(campaignPath(id!), { signal }),
    enabled: !!id,
  });
}

export type NominationFilter = { categoryId?: string; status?: NominationStatus; page: number };

export function useNominations(campaignId: string, filter: NominationFilter) {
  return useQuery({
    queryKey: honoursKeys.nominations(campaignId, filter),
    queryFn: ({ signal }) =>
      api<NominationPage>(`${campaignPath(campaignId)}/nominations`, {
        query: { ...filter, pageSize: NOMINATIONS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useNomination(id: string) {
  return useQuery({
    queryKey: honoursKeys.nomination(id),
    queryFn: ({ signal }) => api<Nomination>(nominationPath(id), { signal }),
  });
}

/** Before the decision only those who judge may read the results (the server answers 404 to others). */
export function useResults(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: honoursKeys.results(campaignId),
    queryFn: ({ signal }) => api<Results>(`${campaignPath(campaignId)}/results`, { signal }),
    enabled,
  });
}

/** Whom a unit may nominate in a kind of category, found by name on the server. */
export function useNominees(unitId: string | null, kind: CategoryKind | null, q: string) {
  return useQuery({
    queryKey: honoursKeys.nominees(unitId ?? '', kind ?? 'collective', q),
    queryFn: ({ signal }) =>
      api<NomineeCandidates>('/api/honours/nominees', {
        query: { unitId, kind, q: q || undefined, limit: 30 },
        signal,
      }),
    enabled: !!unitId && !!kind,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** After any change the lists, counts, the nomination and the results may all have moved. */
function useChange<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: honoursKeys.all }) });
}

export const useCreateCampaign = () =>
  useChange((body: CampaignInput) => api<Campaign>('/api/honours/campaigns', { method: 'POST', body }));
export const useNominate = (campaignId: string) =>
  useChange((body: NominationInput) =>
    api<Nomination>(`${campaignPath(campaignId)}/nominations`, { method: 'POST', body }),
  );
export const useUpdateNomination = (id: string) =>
  useChange((body: z.input<typeof updateNominationInput>) =>
    api<Nomination>(nominationPath(id), { method: 'PATCH', body }),
  );
export const useAddDossierFile = (id: string) =>
  useChange((body: z.input<typeof dossierInput>) =>
    api<Nomination>(`${nominationPath(id)}/dossier`, { method: 'POST', body }),
  );
export const useSubmitNomination = (id: string) =>
  useChange(() => api<Nomination>(`${nominationPath(id)}/submit`, { method: 'POST' }));
export const useScreen = (id: string) =>
  useChange((body: ScreeningInput) => api<Nomination>(`${nominationPath(id)}/screening`, { method: 'POST', body }));
export const useReturnNomination = (id: string) =>
  useChange((body: z.input<typeof reasonInput>) =>
    api<Nomination>(`${nominationPath(id)}/return`, { method: 'POST', body }),
  );
export const useConfirmResults = (campaignId: string) =>
  useChange((body: z.input<typeof confirmInput>) =>
    api<Results>(`${campaignPath(campaignId)}/confirm`, { method: 'POST', body }),
  );

/** The documents of a decided campaign, read with a plain link. */
export const documentUrl = (campaignId: string, name: 'decision.docx' | 'decision.pdf' | 'certificates.pdf') =>
  `${campaignPath(campaignId)}/${name}`;

/** The proposal to a higher level is built from a choice, so it is asked for with a POST and saved from the answer. */
export function fetchProposal(campaignId: string, body: ProposalInput, format: 'docx' | 'pdf'): Promise<Blob> {
  return apiBlob(`${campaignPath(campaignId)}/proposal.${format}`, { method: 'POST', body });
}
