import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ceremonyInput,
  ceremonyOut,
  decisionNumberOut,
  entryInput,
  entryListOut,
  entryOut,
  festivalListOut,
  festivalOut,
  judgeAccountsOut,
  prizesInput,
  resultsOut,
  roundInput,
  roundOut,
  roundUpdateInput,
  runningOut,
  sheetListOut,
  sheetOut,
} from '../../../server/modules/festival/schema.ts';
import { api } from '../../app/api.ts';
import { useLiveTopic } from '../../app/live.ts';

/** The shapes of the festival API: the server's own schemas (ADR 14), types only. */
export type Festival = z.output<typeof festivalOut>;
export type FestivalList = z.output<typeof festivalListOut>;
export type Entry = z.output<typeof entryOut>;
export type EntryList = z.output<typeof entryListOut>;
export type Round = z.output<typeof roundOut>;
export type SheetList = z.output<typeof sheetListOut>;
export type Sheet = z.output<typeof sheetOut>;
export type Results = z.output<typeof resultsOut>;
export type Running = z.output<typeof runningOut>;
export type Ceremony = z.output<typeof ceremonyOut>;
export type CeremonyInput = z.input<typeof ceremonyInput>;
export type PrizesInput = z.input<typeof prizesInput>;
export type EntryInput = z.input<typeof entryInput>;
export type RoundInput = z.input<typeof roundInput>;
export type RoundUpdateInput = z.input<typeof roundUpdateInput>;
export type JudgeAccounts = z.output<typeof judgeAccountsOut>;
export type DecisionNumber = z.output<typeof decisionNumberOut>;

export const festivalKeys = {
  all: ['festival'] as const,
  list: ['festival', 'list'] as const,
  one: (id: string) => ['festival', 'one', id] as const,
  entries: (id: string) => ['festival', 'entries', id] as const,
  ceremony: (id: string) => ['festival', 'ceremony', id] as const,
  round: (id: string) => ['festival', 'round', id] as const,
  sheets: (id: string) => ['festival', 'sheets', id] as const,
  results: (id: string) => ['festival', 'results', id] as const,
  running: (id: string) => ['festival', 'running', id] as const,
  decisionNumber: (id: string) => ['festival', 'decision-number', id] as const,
  judges: ['festival', 'judges'] as const,
};

/** While a festival screen is open, every change the server announces re-reads its queries. */
export function useFestivalLive() {
  useLiveTopic('festival', [festivalKeys.all]);
}

export const useFestivals = () =>
  useQuery({ queryKey: festivalKeys.list, queryFn: ({ signal }) => api<FestivalList>('/api/festivals', { signal }) });
export const useFestival = (id: string) =>
  useQuery({
    queryKey: festivalKeys.one(id),
    queryFn: ({ signal }) => api<Festival>(`/api/festivals/${id}`, { signal }),
  });
export const useEntries = (id: string) =>
  useQuery({
    queryKey: festivalKeys.entries(id),
    queryFn: ({ signal }) => api<EntryList>(`/api/festivals/${id}/entries`, { signal }),
  });
export const useCeremony = (id: string) =>
  useQuery({
    queryKey: festivalKeys.ceremony(id),
    queryFn: ({ signal }) => api<Ceremony>(`/api/festivals/${id}/ceremony`, { signal }),
  });
export const useRound = (id: string) =>
  useQuery({
    queryKey: festivalKeys.round(id),
    queryFn: ({ signal }) => api<Round>(`/api/festival-rounds/${id}`, { signal }),
  });
export const useSheets = (id: string) =>
  useQuery({
    queryKey: festivalKeys.sheets(id),
    queryFn: ({ signal }) => api<SheetList>(`/api/festival-rounds/${id}/sheets`, { signal }),
  });
/** The results; only asked for when the caller may see them (closed for the head judge and organisers, or certified). */
export const useResults = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: festivalKeys.results(id),
    queryFn: ({ signal }) => api<Results>(`/api/festival-rounds/${id}/results`, { signal }),
    enabled,
  });
export const useRunning = (id: string) =>
  useQuery({
    queryKey: festivalKeys.running(id),
    queryFn: ({ signal }) => api<Running>(`/api/festival-rounds/${id}/running-order`, { signal }),
  });

/** A write that, once done, reads every festival query again. */
function useFestivalMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: festivalKeys.all }),
  });
}

export const useDecideEntry = (festivalId: string) =>
  useFestivalMutation(({ entryId, ...body }: { entryId: string; decision: 'accept' | 'return'; reason?: string }) =>
    api<Entry>(`/api/festivals/${festivalId}/entries/${entryId}/decision`, { method: 'POST', body }),
  );
export const useSaveSheet = (roundId: string) =>
  useFestivalMutation(
    ({ entryId, ...body }: { entryId: string; judgeId: string | null; scores: Record<string, number> }) =>
      api<Sheet>(`/api/festival-rounds/${roundId}/sheets/${entryId}`, { method: 'PUT', body }),
  );
export const useLockSheet = (roundId: string) =>
  useFestivalMutation(({ entryId, ...body }: { entryId: string; judgeId: string | null }) =>
    api<Sheet>(`/api/festival-rounds/${roundId}/sheets/${entryId}/lock`, { method: 'POST', body }),
  );
export const useCloseRound = (roundId: string) =>
  useFestivalMutation(() => api<{ ok: true }>(`/api/festival-rounds/${roundId}/close`, { method: 'POST' }));
export const useCertifyRound = (roundId: string) =>
  useFestivalMutation(() => api<Results>(`/api/festival-rounds/${roundId}/certify`, { method: 'POST' }));
export const useSetNow = (roundId: string) =>
  useFestivalMutation((position: number | null) =>
    api<Running>(`/api/festival-rounds/${roundId}/now`, { method: 'PUT', body: { position } }),
  );
export const useSetPrizes = (roundId: string) =>
  useFestivalMutation((body: PrizesInput) =>
    api<Results>(`/api/festival-rounds/${roundId}/prizes`, { method: 'PUT', body }),
  );
export const useChooseCeremony = (festivalId: string) =>
  useFestivalMutation((body: CeremonyInput) =>
    api<Ceremony>(`/api/festivals/${festivalId}/ceremony`, { method: 'PUT', body }),
  );

/** The judges' accounts a panel may name (the organisers' set-up screen). */
export const useJudgeAccounts = (enabled: boolean) =>
  useQuery({
    queryKey: festivalKeys.judges,
    queryFn: ({ signal }) => api<JudgeAccounts>('/api/festival-judges', { signal }),
    enabled,
  });
export const useMakeEntry = (festivalId: string) =>
  useFestivalMutation((body: EntryInput) =>
    api<Entry>(`/api/festivals/${festivalId}/entries`, { method: 'POST', body }),
  );
export const useCreateRound = (festivalId: string) =>
  useFestivalMutation((body: RoundInput) =>
    api<Round>(`/api/festivals/${festivalId}/rounds`, { method: 'POST', body }),
  );
export const useUpdateRound = (roundId: string) =>
  useFestivalMutation((body: RoundUpdateInput) =>
    api<Round>(`/api/festival-rounds/${roundId}`, { method: 'PUT', body }),
  );
export const useSetOrder = (roundId: string) =>
  useFestivalMutation((body: { seed: string | null; entryIds: string[] | null }) =>
    api<Round>(`/api/festival-rounds/${roundId}/order`, { method: 'PUT', body }),
  );

/** The prize decision's number from the office register (null before it is issued). */
export const useDecisionNumber = (roundId: string, enabled: boolean) =>
  useQuery({
    queryKey: festivalKeys.decisionNumber(roundId),
    queryFn: ({ signal }) => api<DecisionNumber>(`/api/festival-rounds/${roundId}/decision`, { signal }),
    enabled,
  });
/** The organisers take the decision's number, once. */
export const useIssueDecision = (roundId: string) =>
  useFestivalMutation(() => api<DecisionNumber>(`/api/festival-rounds/${roundId}/decision/issue`, { method: 'POST' }));
