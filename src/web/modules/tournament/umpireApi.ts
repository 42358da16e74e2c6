import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UmpireOp } from '../../../common/tournament/umpire.ts';
import type { umpireListOut, umpireMatchOut } from '../../../server/modules/tournament/umpireSchema.ts';
import { api } from '../../app/api.ts';
import { type Match, tournamentKeys } from './api.ts';

export type UmpireMatch = z.output<typeof umpireMatchOut>;
export type UmpireBoard = z.output<typeof umpireListOut>;

const rallies = (id: string, matchId: string) => `/api/tournaments/${id}/matches/${matchId}/rallies`;
export const umpireKeys = {
  match: (id: string, matchId: string) => [...tournamentKeys.all, 'rallies', id, matchId] as const,
  board: (id: string) => [...tournamentKeys.all, 'umpires', id] as const,
};

export function useUmpireMatch(id: string, matchId: string) {
  return useQuery({
    queryKey: umpireKeys.match(id, matchId),
    queryFn: ({ signal }) => api<UmpireMatch>(rallies(id, matchId), { signal }),
    // The phone keeps what it has while the connection comes and goes.
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export const sendRallies = (id: string, matchId: string, ops: UmpireOp[]) =>
  api<UmpireMatch>(rallies(id, matchId), { method: 'POST', body: { ops } });

export function useFinishFromRallies(id: string, matchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Match>(`${rallies(id, matchId)}/finish`, { method: 'POST' }),
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
