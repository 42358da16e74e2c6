import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob, type Bilingual } from '../../app/api.ts';
import type { StoredFile } from '../../app/files.ts';

/**
 * The shapes of the honours API (src/server/modules/honours: campaigns, nominations, screening,
 * results, documents), as the screens read them. The Council's calls are in ./council/api.ts.
 */
export type CategoryKind = 'collective' | 'individual' | 'product';
export const categoryKinds: CategoryKind[] = ['collective', 'individual', 'product'];

export type NominationStatus = 'draft' | 'submitted' | 'returned' | 'eligible' | 'ineligible' | 'selected';
export const nominationStatuses: NominationStatus[] = [
  'draft',
  'submitted',
  'returned',
  'eligible',
  'ineligible',
  'selected',
];

/** `photo`: the portrait, the collective's or the product's picture for the roll of honour (an image, one at a time, any stage). */
export type DossierKind = 'cover_submission' | 'achievement_report' | 'review_minutes' | 'evidence' | 'photo';
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

/** A rule the server checks from its own records (the unit's years, the member's years in the Party, the rank in the drive). */
export type EligibilityCheck =
  | { kind: 'unit_years'; min: number }
  | { kind: 'party_years'; min: number }
  | { kind: 'emulation_rank'; top: number };
export const checkKinds: EligibilityCheck['kind'][] = ['unit_years', 'party_years', 'emulation_rank'];
export type Criterion = {
  key: string;
  description: string;
  required: boolean;
  weight: number;
  evidence: string;
  check?: EligibilityCheck | null;
};
/** What the server found for a criterion with a check: met, not met (the Board cannot then mark it met), or unknown from the records. */
export type CheckOutcome = { key: string; outcome: 'met' | 'not_met' | 'unknown'; detail: Bilingual };
export type Category = {
  id: string;
  kind: CategoryKind;
  name: string;
  quota: number;
  position: number;
  criteria: Criterion[];
  counts: Partial<Record<NominationStatus, number>>;
};

export type CampaignStatus = 'nominating' | 'decided';
export type CampaignSummary = {
  id: string;
  code: string;
  name: string;
  nominationOpens: string;
  nominationDue: string;
  status: CampaignStatus;
};
export type Campaign = CampaignSummary & {
  driveId: string | null;
  councilUnitId: string | null;
  isDemo: boolean;
  categories: Category[];
};

export type NominationSummary = {
  id: string;
  categoryId: string;
  unit: { id: string; name: string };
  nomineeName: string;
  status: NominationStatus;
  reason: string | null;
  submittedAt: string | null;
};

export type ScreeningResult = 'met' | 'not_met' | 'note';
export type EmulationResult = {
  drive: { id: string; code: string; name: string; start: string; end: string; status: string };
  participants: number;
  rank: number | null;
  total: number | null;
  scores: { criterionId: string; criterion: string; score: number | null; result: number | null }[];
};

export type Nomination = {
  id: string;
  campaignId: string;
  category: { id: string; kind: CategoryKind; name: string; criteria: Criterion[] };
  unit: { id: string; name: string };
  nominee: {
    name: string;
    unitId: string | null;
    personId: string | null;
    productName: string | null;
    enterpriseId: string | null;
  };
  summary: string;
  status: NominationStatus;
  reason: string | null;
  submittedAt: string | null;
  dossier: { kind: DossierKind; label: Bilingual; file: StoredFile | null }[];
  missing: ({ key: DossierKind | 'summary' } & Bilingual)[];
  events: { action: string; note: string | null; by: string; at: string }[];
  screening: { key: string; result: ScreeningResult; note: string | null }[];
  checks?: CheckOutcome[];
  emulation: EmulationResult[];
  may: { edit: boolean; screen: boolean };
};

export type Decision = { number: string; date: string };
export type Honouree = {
  position: number;
  nominationId: string;
  name: string;
  unit: { id: string; name: string };
  citation: string;
};
export type Results = {
  campaignId: string;
  status: CampaignStatus;
  decided: boolean;
  decision: Decision | null;
  categories: {
    id: string;
    kind: CategoryKind;
    name: string;
    quota: number;
    count: number;
    shortfall: number;
    honourees: Honouree[];
  }[];
  totals: { quota: number; count: number; shortfall: number };
};

export type Candidate = { id: string; name: string; detail: string | null };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type CampaignInput = {
  code: string;
  name: string;
  nominationOpens: string;
  nominationDue: string;
  driveId: string | null;
  councilUnitId: string | null;
  categories: { kind: CategoryKind; name: string; quota: number; criteria: Criterion[] }[];
};
export type NominationInput = {
  categoryId: string;
  unitId: string;
  nomineeUnitId: string | null;
  nomineePersonId: string | null;
  productName: string | null;
  productEnterpriseId: string | null;
  summary: string;
};
export type ScreeningInput = {
  results: { key: string; result: ScreeningResult; note: string | null }[];
  eligible: boolean;
  reason: string | null;
};
export type ProposalInput = { nominationIds: string[]; to: string; award: string };

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
      api<Page<CampaignSummary>>('/api/honours/campaigns', { query: { page, pageSize: CAMPAIGNS_PAGE_SIZE }, signal }),
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
      api<Page<NominationSummary>>(`${campaignPath(campaignId)}/nominations`, {
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
      api<{ items: Candidate[] }>('/api/honours/nominees', {
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
  useChange((body: { summary: string }) => api<Nomination>(nominationPath(id), { method: 'PATCH', body }));
export const useAddDossierFile = (id: string) =>
  useChange((body: { fileId: string; kind: DossierKind }) =>
    api<Nomination>(`${nominationPath(id)}/dossier`, { method: 'POST', body }),
  );
export const useSubmitNomination = (id: string) =>
  useChange(() => api<Nomination>(`${nominationPath(id)}/submit`, { method: 'POST' }));
export const useScreen = (id: string) =>
  useChange((body: ScreeningInput) => api<Nomination>(`${nominationPath(id)}/screening`, { method: 'POST', body }));
export const useReturnNomination = (id: string) =>
  useChange((body: { reason: string }) => api<Nomination>(`${nominationPath(id)}/return`, { method: 'POST', body }));
export const useConfirmResults = (campaignId: string) =>
  useChange((body: { decisionNumber: string; decidedOn: string }) =>
    api<Results>(`${campaignPath(campaignId)}/confirm`, { method: 'POST', body }),
  );

/** The documents of a decided campaign, read with a plain link. */
export const documentUrl = (campaignId: string, name: 'decision.docx' | 'decision.pdf' | 'certificates.pdf') =>
  `${campaignPath(campaignId)}/${name}`;

/** The proposal to a higher level is built from a choice, so it is asked for with a POST and saved from the answer. */
export function fetchProposal(campaignId: string, body: ProposalInput, format: 'docx' | 'pdf'): Promise<Blob> {
  return apiBlob(`${campaignPath(campaignId)}/proposal.${format}`, { method: 'POST', body });
}
