import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  awardsOut,
  compareOut,
  draftInput,
  estimateOut,
  overviewOut,
  pledgeInput,
  receiptInput,
  spendingInput,
  spendingListOut,
  sponsorInput,
  sponsorOut,
  sponsorsOut,
  sponsorUpdate,
} from '../../../server/modules/budget/schema.ts';
import type { planPage } from '../../../server/modules/plans/schema.ts';
import { api } from '../../app/api.ts';
import { useLiveTopic } from '../../app/live.ts';

/** The shapes of the budget API: the server's own schemas (ADR 14), types only. */
export type Overview = z.output<typeof overviewOut>;
export type OverviewActivity = Overview['activities'][number];
export type SourceFigures = Overview['bySource'][number];
export type FundingSource = SourceFigures['source'];
export type Estimate = z.output<typeof estimateOut>;
export type EstimateVersion = Estimate['versions'][number];
export type Compare = z.output<typeof compareOut>;
export type Awards = z.output<typeof awardsOut>;
export type Sponsors = z.output<typeof sponsorsOut>;
export type Sponsor = z.output<typeof sponsorOut>;
export type SpendingList = z.output<typeof spendingListOut>;
export type DraftInput = z.input<typeof draftInput>;
export type DraftLine = DraftInput['lines'][number];
export type SponsorInput = z.input<typeof sponsorInput>;
export type SponsorUpdate = z.input<typeof sponsorUpdate>;
export type PledgeInput = z.input<typeof pledgeInput>;
export type ReceiptInput = z.input<typeof receiptInput>;
export type SpendingInput = z.input<typeof spendingInput>;
type PlanPage = z.output<typeof planPage>;

export const budgetKeys = {
  all: ['budget'] as const,
  overview: (planId: string) => ['budget', 'overview', planId] as const,
  estimate: (id: string) => ['budget', 'estimate', id] as const,
  compare: (id: string, from: number, to: number) => ['budget', 'compare', id, from, to] as const,
  awards: ['budget', 'awards'] as const,
  sponsors: (planId: string) => ['budget', 'sponsors', planId] as const,
  spending: (planId: string) => ['budget', 'spending', planId] as const,
};

/** While a budget screen is open, every change the server announces (a payment received, spending) re-reads it. */
export function useBudgetLive() {
  useLiveTopic('budget', [budgetKeys.all]);
}

export const usePlanChoices = () =>
  useQuery({
    queryKey: ['budget', 'plans'],
    queryFn: ({ signal }) => api<PlanPage>('/api/plans', { query: { pageSize: 100 }, signal }),
  });
export const useOverview = (planId: string | undefined) =>
  useQuery({
    queryKey: budgetKeys.overview(planId ?? ''),
    queryFn: ({ signal }) => api<Overview>(`/api/budget/plans/${planId}`, { signal }),
    enabled: !!planId,
  });
export const useEstimate = (id: string | null) =>
  useQuery({
    queryKey: budgetKeys.estimate(id ?? ''),
    queryFn: ({ signal }) => api<Estimate>(`/api/budget/estimates/${id}`, { signal }),
    enabled: !!id,
  });
export const useCompare = (id: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: budgetKeys.compare(id, from, to),
    queryFn: ({ signal }) => api<Compare>(`/api/budget/estimates/${id}/compare`, { query: { from, to }, signal }),
    enabled,
  });
export const useAwards = () =>
  useQuery({
    queryKey: budgetKeys.awards,
    queryFn: ({ signal }) => api<Awards>('/api/budget/awards', { signal }),
  });
export const useSponsors = (planId: string) =>
  useQuery({
    queryKey: budgetKeys.sponsors(planId),
    queryFn: ({ signal }) => api<Sponsors>('/api/budget/sponsors', { query: { planId }, signal }),
  });
export const useSpending = (planId: string) =>
  useQuery({
    queryKey: budgetKeys.spending(planId),
    queryFn: ({ signal }) => api<SpendingList>('/api/budget/spending', { query: { planId }, signal }),
  });

function useBudgetMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetKeys.all }),
  });
}

export const useCreateEstimate = () =>
  useBudgetMutation((activityId: string) =>
    api<Estimate>('/api/budget/estimates', { method: 'POST', body: { activityId } }),
  );
export const useSaveDraft = (id: string) =>
  useBudgetMutation((body: DraftInput) => api<Estimate>(`/api/budget/estimates/${id}/draft`, { method: 'PUT', body }));
export const useEstimateStep = (id: string) =>
  useBudgetMutation(
    (
      step:
        | { action: 'submit' | 'versions' }
        | { action: 'approve'; decidedOn: string }
        | { action: 'return'; reason: string },
    ) => {
      const { action, ...body } = step;
      return api<Estimate>(`/api/budget/estimates/${id}/${action}`, { method: 'POST', body });
    },
  );
export const useCreateSponsor = () =>
  useBudgetMutation((body: SponsorInput) => api<Sponsor>('/api/budget/sponsors', { method: 'POST', body }));
export const useUpdateSponsor = (id: string) =>
  useBudgetMutation((body: SponsorUpdate) => api<Sponsor>(`/api/budget/sponsors/${id}`, { method: 'PATCH', body }));
export const usePledge = (id: string) =>
  useBudgetMutation((body: PledgeInput) =>
    api<Sponsor>(`/api/budget/sponsors/${id}/pledges`, { method: 'POST', body }),
  );
export const useReceipt = (id: string) =>
  useBudgetMutation((body: ReceiptInput) =>
    api<Sponsor>(`/api/budget/sponsors/${id}/receipts`, { method: 'POST', body }),
  );
export const useRecordSpending = () =>
  useBudgetMutation((body: SpendingInput) => api('/api/budget/spending', { method: 'POST', body }));
export const useCloseSettlement = (planId: string) =>
  useBudgetMutation((body: { closedOn: string; note?: string }) =>
    api<Overview>(`/api/budget/plans/${planId}/settlement`, { method: 'POST', body }),
  );
