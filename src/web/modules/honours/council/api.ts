import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api.ts';
import { decryptTotal, generateKey } from '../../../../common/ballotCrypto.ts';
import { keepReceipt, keepSecret, sealBallot, storedSecret, type PlainBallot } from './device.ts';
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
export { choices, type Choice, type PlainBallot } from './device.ts';

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

/** Encrypts the ballot on this device (after a paint, so the button shows it is busy), then casts it; keeps the receipt here. */
export const useCastBallot = (round: Pick<Round, 'id' | 'ballotKey'>) =>
  useChange(async ({ plain, onBehalfOf }: { plain: PlainBallot; onBehalfOf?: string }) => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const ballot = sealBallot(round.ballotKey ?? '', round.id, plain);
    const answer = await api<BallotAnswer>(`/api/honours/rounds/${round.id}/ballots`, {
      method: 'POST',
      body: { ballot, onBehalfOf },
    });
    // the member's own receipt, not that of a written vote the secretary enters
    if (!onBehalfOf) keepReceipt(round.id, answer.receipt);
    return answer;
  });

export const useCloseRound = (roundId: string) =>
  useChange(() => api<Round>(`/api/honours/rounds/${roundId}/close`, { method: 'POST' }));

/** The chair makes the session's counting key on this device: the secret stays here, the public key and its proof go. */
export const useMakeBallotKey = (sessionId: string) =>
  useChange(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const key = generateKey(`session|${sessionId}`);
    const session = await api<Session>(`/api/honours/sessions/${sessionId}/ballot-key`, {
      method: 'POST',
      body: { publicKey: key.publicKey, proof: key.proof },
    });
    keepSecret(sessionId, key.secret);
    return session;
  });

/** Why this device could not count: no secret key for the session here, or a total beyond every possible count. */
export class CountingError extends Error {
  constructor(readonly reason: 'no_key' | 'out_of_range') {
    super(reason);
  }
}

/** The chair's device decrypts the closed box's totals with the secret kept here, and publishes them with their proofs. */
export const useTallyRound = (round: Pick<Round, 'id' | 'sessionId' | 'ballotKey' | 'box' | 'nominees'>) =>
  useChange(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const secret = storedSecret(round.sessionId, round.ballotKey);
    if (!secret || !round.box) throw new CountingError('no_key');
    // a total can be no more than the ballots in the box (a ranking: their points); a larger one is refused here
    const ballots = round.box.receipts.length;
    const totals = round.box.totals.map((t) => {
      const bound = t.kind === 'points' ? ballots * round.nominees.length : ballots;
      const { count, share } = decryptTotal(secret, t, bound, `${round.id}|${t.nominationId}|${t.kind}`);
      if (count === null) throw new CountingError('out_of_range');
      return { nominationId: t.nominationId, kind: t.kind, count, ...share };
    });
    return api<Round>(`/api/honours/rounds/${round.id}/tally`, { method: 'POST', body: { totals } });
  });

export const minutesUrl = (sessionId: string, format: 'docx' | 'pdf') =>
  `/api/honours/sessions/${sessionId}/minutes.${format}`;
