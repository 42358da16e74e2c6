import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api.ts';
import type {
  BallotAnswer,
  CouncilCandidates,
  CouncilRole,
  OpenRounds,
  Round,
  RoundResult,
  Session,
  SessionPage,
  attendanceInput,
  ballotInput,
  conflictInput,
  roundInput,
  sessionInput,
} from '../../../../server/modules/honours/schema.ts';

/** The shapes of the Council's API: the server's own schemas (src/server/modules/honours/schema.ts), types only. */
export type {
  Attendance,
  CouncilRole,
  Round,
  RoundResult,
  Session,
} from '../../../../server/modules/honours/schema.ts';
export const councilRoles: readonly CouncilRole[] = ['chair', 'vice_chair', 'secretary', 'member'];
export type Rules = Session['rules'];
export type ApprovalBase = Rules['approval']['base'];
export type Method = Rules['method'];
export type Quorum = Session['quorum'];
export type SessionSummary = SessionPage['items'][number];
export type RosterMember = Session['roster'][number];
export type SessionCategory = Session['categories'][number];
export type Nominee = SessionCategory['nominees'][number];
export type RoundSummary = Session['rounds'][number];
export type Conflict = Session['conflicts'][number];
export type TallyLine = RoundResult['outcome']['lines'][number];
export type Outcome = TallyLine['outcome'];
export type RoundNominee = Round['nominees'][number];
export type Absentee = Round['absentees'][number];
export type OpenRound = OpenRounds['items'][number];
export type CouncilCandidate = CouncilCandidates['items'][number];
export type SessionInput = z.input<typeof sessionInput>;
export type Ballot = z.input<typeof ballotInput>;
export type Choice = NonNullable<Ballot['choices']>[number]['choice'];
export const choices: Choice[] = ['approve', 'reject', 'abstain'];

export const councilKeys = {
  all: ['honours', 'council'] as const,
  sessions: (campaignId: string, page: number) => ['honours', 'council', 'sessions', campaignId, page] as const,
  session: (id: string) => ['honours', 'council', 'session', id] as const,
  round: (id: string) => ['honours', 'council', 'round', id] as const,
  openRounds: ['honours', 'council', 'open-rounds'] as const,
  candidates: ['honours', 'council', 'candidates'] as const,
};

export function useSessions(campaignId: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: councilKeys.sessions(campaignId, page),
    queryFn: ({ signal }) =>
      api<SessionPage>(`/api/honours/campaigns/${campaignId}/sessions`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: councilKeys.session(id),
    queryFn: ({ signal }) => api<Session>(`/api/honours/sessions/${id}`, { signal }),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: councilKeys.round(id),
    queryFn: ({ signal }) => api<Round>(`/api/honours/rounds/${id}`, { signal }),
  });
}

/** The rounds awaiting the signed-in member's ballot. */
export function useOpenRounds(enabled = true) {
  return useQuery({
    queryKey: councilKeys.openRounds,
    queryFn: ({ signal }) => api<OpenRounds>('/api/honours/rounds/open', { signal }),
    enabled,
  });
}

export function useCouncilCandidates(enabled = true) {
  return useQuery({
    queryKey: councilKeys.candidates,
    queryFn: ({ signal }) => api<CouncilCandidates>('/api/honours/council-members', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** After any change the sessions, rounds and what awaits a vote may all have moved (and the campaign's counts). */
function useChange<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['honours'] }) });
}

export const useCreateSession = () =>
  useChange((body: SessionInput) => api<Session>('/api/honours/sessions', { method: 'POST', body }));

export const useSetAttendance = (sessionId: string) =>
  useChange((attendance: z.input<typeof attendanceInput>['attendance']) =>
    api<Session>(`/api/honours/sessions/${sessionId}/attendance`, { method: 'POST', body: { attendance } }),
  );

export const useDeclareConflict = (sessionId: string) =>
  useChange((body: z.input<typeof conflictInput>) =>
    api<Session>(`/api/honours/sessions/${sessionId}/conflicts`, { method: 'POST', body }),
  );

export const useOpenRound = (sessionId: string) =>
  useChange((body: z.input<typeof roundInput>) =>
    api<Round>(`/api/honours/sessions/${sessionId}/rounds`, { method: 'POST', body }),
  );

export const useCastBallot = (roundId: string) =>
  useChange((body: Ballot) => api<BallotAnswer>(`/api/honours/rounds/${roundId}/ballots`, { method: 'POST', body }));

export const useCloseRound = (roundId: string) =>
  useChange(() => api<Round>(`/api/honours/rounds/${roundId}/close`, { method: 'POST' }));

export const minutesUrl = (sessionId: string, format: 'docx' | 'pdf') =>
  `/api/honours/sessions/${sessionId}/minutes.${format}`;
