import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

/** The shapes of the Council's API (src/server/modules/honours: council.ts, ballot.ts), as the screens read them. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const councilRoles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export type CouncilRole = (typeof councilRoles)[number];
export type Attendance = 'unknown' | 'present' | 'absent';
export type ApprovalBase = 'members' | 'present' | 'cast';
export type Method = 'approve' | 'rank';
export type Choice = 'approve' | 'reject' | 'abstain';
export const choices: Choice[] = ['approve', 'reject', 'abstain'];

export type Rules = {
  quorum: { numerator: number; denominator: number };
  approval: { share: number; strict: boolean; base: ApprovalBase };
  method: Method;
  tieBreak: 'further_round';
  writtenVotes: boolean;
};
export type Quorum = { members: number; present: number; needed: number; met: boolean };

export type SessionSummary = {
  id: string;
  campaignId: string;
  title: string;
  heldOn: string;
  status: string;
  quorum: Quorum;
  rounds: number;
  openRounds: number;
};
export type RosterMember = { userId: string; name: string; role: CouncilRole; attendance: Attendance };
export type Nominee = { id: string; name: string; unitName: string; status: 'eligible' | 'selected' };
export type SessionCategory = {
  id: string;
  kind: 'collective' | 'individual' | 'product';
  name: string;
  quota: number;
  selected: number;
  nominees: Nominee[];
};
export type RoundSummary = {
  id: string;
  number: number;
  categoryId: string;
  method: Method;
  seats: number;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  voted: number;
  expected: number;
};
export type Conflict = { userId: string; nominationId: string; note: string | null };
export type Session = {
  id: string;
  campaignId: string;
  title: string;
  heldOn: string;
  rules: Rules;
  status: string;
  roster: RosterMember[];
  quorum: Quorum;
  conflicts: Conflict[];
  rounds: RoundSummary[];
  categories: SessionCategory[];
  me: { userId: string; role: CouncilRole; attendance: Attendance } | null;
  may: { run: boolean; declare: boolean };
};

export type Outcome = 'selected' | 'tied' | 'passed_over_quota' | 'not_passed';
export type TallyLine = {
  nominationId: string;
  approve: number;
  reject: number;
  abstain: number;
  points: number;
  conflicted: number;
  base: number;
  needed: number;
  passed: boolean;
  outcome: Outcome;
};
export type RoundResult = {
  roster: number;
  present: number;
  voted: number;
  written: number;
  rules: Rules;
  seats: number;
  outcome: {
    quorumNeeded: number;
    quorumMet: boolean;
    lines: TallyLine[];
    selected: string[];
    tied: string[];
    seatsLeft: number;
    shortfall: number;
  };
};
export type RoundNominee = { id: string; name: string; unitName: string; conflicted: boolean };
export type Absentee = { userId: string; name: string; entered: boolean; conflicts: string[] };
export type Round = {
  id: string;
  sessionId: string;
  sessionTitle: string;
  heldOn: string;
  campaignId: string;
  number: number;
  categoryId: string;
  categoryName: string;
  method: Method;
  rules: Rules;
  seats: number;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  nominees: RoundNominee[];
  expected: number;
  voted: number;
  iHaveVoted: boolean;
  me: { role: CouncilRole; attendance: Attendance } | null;
  may: { vote: boolean; close: boolean; enterWritten: boolean };
  absentees: Absentee[];
  result: RoundResult | null;
};
export type OpenRound = {
  id: string;
  number: number;
  sessionId: string;
  sessionTitle: string;
  heldOn: string;
  campaignId: string;
  categoryName: string;
  nominees: number;
  openedAt: string;
};
export type CouncilCandidate = { userId: string; username: string; name: string; votes: boolean; secretary: boolean };

export type SessionInput = {
  campaignId: string;
  title: string;
  heldOn: string;
  members: { userId: string; role: CouncilRole }[];
  rules: Omit<Rules, 'tieBreak'> & { tieBreak?: 'further_round' };
};
export type Ballot = {
  choices?: { nominationId: string; choice: Choice }[];
  ranking?: string[];
  onBehalfOf?: string | null;
};

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
      api<Page<SessionSummary>>(`/api/honours/campaigns/${campaignId}/sessions`, { query: { page, pageSize }, signal }),
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
    queryFn: ({ signal }) => api<{ items: OpenRound[] }>('/api/honours/rounds/open', { signal }),
    enabled,
  });
}

export function useCouncilCandidates(enabled = true) {
  return useQuery({
    queryKey: councilKeys.candidates,
    queryFn: ({ signal }) => api<{ items: CouncilCandidate[] }>('/api/honours/council-members', { signal }),
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
  useChange((attendance: { userId: string; attendance: 'present' | 'absent' }[]) =>
    api<Session>(`/api/honours/sessions/${sessionId}/attendance`, { method: 'POST', body: { attendance } }),
  );

export const useDeclareConflict = (sessionId: string) =>
  useChange((body: { nominationId: string; note: string | null }) =>
    api<Session>(`/api/honours/sessions/${sessionId}/conflicts`, { method: 'POST', body }),
  );

export const useOpenRound = (sessionId: string) =>
  useChange((body: { categoryId: string; nominationIds: string[]; seats: number }) =>
    api<Round>(`/api/honours/sessions/${sessionId}/rounds`, { method: 'POST', body }),
  );

export const useCastBallot = (roundId: string) =>
  useChange((body: Ballot) => api<{ voted: true }>(`/api/honours/rounds/${roundId}/ballots`, { method: 'POST', body }));

export const useCloseRound = (roundId: string) =>
  useChange(() => api<Round>(`/api/honours/rounds/${roundId}/close`, { method: 'POST' }));

export const minutesUrl = (sessionId: string, format: 'docx' | 'pdf') =>
  `/api/honours/sessions/${sessionId}/minutes.${format}`;
