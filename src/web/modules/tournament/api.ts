import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  decisionInput,
  drawInput,
  drawOut,
  entryInput,
  entryListOut,
  entryOut,
  eventInput,
  eventOut,
  matchOut,
  noticeNumberOut,
  orderOfPlayOut,
  participationOut,
  plannedOut,
  resultInput,
  lineupInput,
  standingsOut,
  tournamentInput,
  tournamentListOut,
  tournamentOut,
} from '../../../server/modules/tournament/schema.ts';
import { api } from '../../app/api.ts';
import { useLiveTopic } from '../../app/live.ts';

/** The shapes of the tournament API: the server's own schemas (ADR 14), types only. */
export type Tournament = z.output<typeof tournamentOut>;
export type TournamentList = z.output<typeof tournamentListOut>;
export type TournamentSummary = TournamentList['items'][number];
export type TournamentEvent = z.output<typeof eventOut>;
export type Entry = z.output<typeof entryOut>;
export type EntryList = z.output<typeof entryListOut>;
export type Draw = z.output<typeof drawOut>;
export type Match = z.output<typeof matchOut>;
export type Standings = z.output<typeof standingsOut>;
export type OrderOfPlay = z.output<typeof orderOfPlayOut>;
export type PlannedOrder = z.output<typeof plannedOut>;
export type Participation = z.output<typeof participationOut>;
export type TournamentInput = z.input<typeof tournamentInput>;
export type EventInput = z.input<typeof eventInput>;
export type EntryInput = z.input<typeof entryInput>;
export type DecisionInput = z.input<typeof decisionInput>;
export type DrawInput = z.input<typeof drawInput>;
export type ResultInput = z.input<typeof resultInput>;
export type NoticeNumber = z.output<typeof noticeNumberOut>;

export const tournamentKeys = {
  all: ['tournament'] as const,
  list: ['tournament', 'list'] as const,
  one: (id: string) => ['tournament', 'one', id] as const,
  entries: (id: string) => ['tournament', 'entries', id] as const,
  draw: (id: string, eventId: string) => ['tournament', 'draw', id, eventId] as const,
  standings: (id: string, eventId: string) => ['tournament', 'standings', id, eventId] as const,
  order: (id: string) => ['tournament', 'order', id] as const,
  participation: (id: string) => ['tournament', 'participation', id] as const,
  noticeNumber: (id: string) => ['tournament', 'notice-number', id] as const,
};

const base = (id: string) => `/api/tournaments/${id}`;

/** While a tournament screen is open, every change the server announces re-reads its queries. */
export function useTournamentLive() {
  useLiveTopic('tournament', [tournamentKeys.all]);
}

export function useTournaments() {
  return useQuery({
    queryKey: tournamentKeys.list,
    queryFn: ({ signal }) => api<TournamentList>('/api/tournaments', { signal }),
  });
}

export function useTournament(id: string) {
  return useQuery({
    queryKey: tournamentKeys.one(id),
    queryFn: ({ signal }) => api<Tournament>(base(id), { signal }),
  });
}

export function useEntries(id: string) {
  return useQuery({
    queryKey: tournamentKeys.entries(id),
    queryFn: ({ signal }) => api<EntryList>(`${base(id)}/entries`, { signal }),
  });
}

/** The event's draw; null while it has not been drawn (the server answers 404). */
export function useDraw(id: string, eventId: string | null, drawn: boolean) {
  return useQuery({
    queryKey: tournamentKeys.draw(id, eventId ?? ''),
    queryFn: ({ signal }) => api<Draw>(`${base(id)}/events/${eventId}/draw`, { signal }),
    enabled: !!eventId && drawn,
  });
}

export function useStandings(id: string, eventId: string | null, drawn: boolean) {
  return useQuery({
    queryKey: tournamentKeys.standings(id, eventId ?? ''),
    queryFn: ({ signal }) => api<Standings>(`${base(id)}/events/${eventId}/standings`, { signal }),
    enabled: !!eventId && drawn,
  });
}

export function useOrderOfPlay(id: string) {
  return useQuery({
    queryKey: tournamentKeys.order(id),
    queryFn: ({ signal }) => api<OrderOfPlay>(`${base(id)}/order-of-play`, { signal }),
  });
}

export function useParticipation(id: string) {
  return useQuery({
    queryKey: tournamentKeys.participation(id),
    queryFn: ({ signal }) => api<Participation>(`${base(id)}/participation`, { signal }),
  });
}

/** A write that, once done, reads every tournament query again. */
function useTournamentMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tournamentKeys.all }),
  });
}

export function useCreateTournament() {
  return useTournamentMutation((body: TournamentInput) =>
    api<Tournament>('/api/tournaments', { method: 'POST', body }),
  );
}

export function useAddEvent(id: string) {
  return useTournamentMutation((body: EventInput) =>
    api<TournamentEvent>(`${base(id)}/events`, { method: 'POST', body }),
  );
}

export function useMakeEntry(id: string) {
  return useTournamentMutation((body: EntryInput) => api<Entry>(`${base(id)}/entries`, { method: 'POST', body }));
}

export function useDecideEntry(id: string) {
  return useTournamentMutation(({ entryId, ...body }: DecisionInput & { entryId: string }) =>
    api<Entry>(`${base(id)}/entries/${entryId}/decision`, { method: 'POST', body }),
  );
}

export function useDrawEvent(id: string) {
  return useTournamentMutation(({ eventId, ...body }: DrawInput & { eventId: string }) =>
    api<Draw>(`${base(id)}/events/${eventId}/draw`, { method: 'POST', body }),
  );
}

export function useRecordResult(id: string) {
  return useTournamentMutation(({ matchId, ...body }: ResultInput & { matchId: string }) =>
    api<Match>(`${base(id)}/matches/${matchId}/result`, { method: 'POST', body }),
  );
}

export type LineupInput = z.input<typeof lineupInput>;
export type Tie = NonNullable<Match['tie']>;

/** A captain's line-up for one side of a tie (ADR 35). */
export function useSetLineup(id: string) {
  return useTournamentMutation(({ matchId, ...body }: LineupInput & { matchId: string }) =>
    api<Match>(`${base(id)}/matches/${matchId}/lineup`, { method: 'PUT', body }),
  );
}

/** One rubber's result of a tie. */
export function useRecordRubber(id: string) {
  return useTournamentMutation(({ matchId, rubber, ...body }: ResultInput & { matchId: string; rubber: number }) =>
    api<Match>(`${base(id)}/matches/${matchId}/rubbers/${rubber}/result`, { method: 'POST', body }),
  );
}

export function usePlanOrderOfPlay(id: string) {
  return useTournamentMutation(() => api<PlannedOrder>(`${base(id)}/order-of-play`, { method: 'POST' }));
}

/** The results notice's number from the office register (null before it is issued). */
export const useNoticeNumber = (id: string) =>
  useQuery({
    queryKey: tournamentKeys.noticeNumber(id),
    queryFn: ({ signal }) => api<NoticeNumber>(`${base(id)}/results-notice`, { signal }),
  });
/** The organisers take the notice's number, once. */
export const useIssueNotice = (id: string) =>
  useTournamentMutation(() => api<NoticeNumber>(`${base(id)}/results-notice/issue`, { method: 'POST' }));
