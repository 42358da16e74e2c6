import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UmpireOp } from '../../../common/tournament/umpire.ts';
import type { umpireListOut, umpireMatchOut } from '../../../server/modules/tournament/umpireSchema.ts';
import { api } from '../../app/api.ts';
import { type Match, tournamentKeys } from './api.ts';

export type UmpireMatch = z.output<typeof umpireMatchOut>;
export type UmpireBoard = z.output<typeof umpireListOut>;

/** A match's rally log, or a tie's rubber's (rubber from 1). */
const rallies = (id: string, matchId: string, rubber: number | null) =>
  `/api/tournaments/${id}/matches/${matchId}${rubber ? `/rubbers/${rubber}` : ''}/rallies`;
export const umpireKeys = {
  match: (id: string, matchId: string, rubber: number | null) =>
    [...tournamentKeys.all, 'rallies', id, matchId, rubber ?? 0] as const,
  board: (id: string) => [...tournamentKeys.all, 'umpires', id] as const,
};

export function useUmpireMatch(id: string, matchId: string, rubber: number | null) {
  return useQuery({
    queryKey: umpireKeys.match(id, matchId, rubber),
    queryFn: ({ signal }) => api<UmpireMatch>(rallies(id, matchId, rubber), { signal }),
    // The phone keeps what it has while the connection comes and goes.
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export const sendRallies = (id: string, matchId: string, rubber: number | null, ops: UmpireOp[]) =>
  api<UmpireMatch>(rallies(id, matchId, rubber), { method: 'POST', body: { ops } });

export function useFinishFromRallies(id: string, matchId: string, rubber: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Match>(`${rallies(id, matchId, rubber)}/finish`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tournamentKeys.all }),
  });
}

export function useUmpireBoard(id: string) {
  return useQuery({
    queryKey: umpireKeys.board(id),
    queryFn: ({ signal }) => api<UmpireBoard>(`/api/tournaments/${id}/umpires`, { signal }),
  });
}

export function useAssignUmpire(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ matchId, userId }: { matchId: string; userId: string | null }) =>
      api<Match>(`/api/tournaments/${id}/matches/${matchId}/umpire`, { method: 'PUT', body: { userId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tournamentKeys.all }),
  });
}
