import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  countsOut,
  pieceInput,
  pieceOut,
  piecesOut,
  pieceUpdate,
  publishInput,
} from '../../../server/modules/publicity/schema.ts';
import { api } from '../../app/api.ts';

/** The shapes of the publicity API: the server's own schemas (ADR 14), types only. */
export type Piece = z.output<typeof pieceOut>;
export type Pieces = z.output<typeof piecesOut>;
export type Counts = z.output<typeof countsOut>;
export type PieceInput = z.input<typeof pieceInput>;
export type PieceUpdate = z.input<typeof pieceUpdate>;
export type PublishInput = z.input<typeof publishInput>;
export type Outlet = Piece['outlet'];
export type Kind = Piece['kind'];
export type Status = Piece['status'];
export type ActivityChoice = { id: string; ref: string; title: string; planId: string };
export type PieceFilters = { outlet?: Outlet; status?: Status; month?: string; q?: string; page: number };

export const outlets: Outlet[] = ['newspaper', 'radio_tv', 'website', 'unit_channel', 'other'];
export const kinds: Kind[] = ['news', 'report', 'interview', 'column', 'other'];
export const statuses: Status[] = ['planned', 'published', 'dropped'];
export const PAGE_SIZE = 20;

const all = ['publicity'] as const;

export const usePieces = (f: PieceFilters) =>
  useQuery({
    queryKey: ['publicity', 'pieces', f],
    queryFn: ({ signal }) =>
      api<Pieces>('/api/publicity/pieces', {
        query: { ...f, pageSize: PAGE_SIZE },
        signal,
      }),
  });
export const useCounts = () =>
  useQuery({
    queryKey: ['publicity', 'counts'],
    queryFn: ({ signal }) => api<Counts>('/api/publicity/counts', { signal }),
  });
export const useActivityChoices = () =>
  useQuery({
    queryKey: ['publicity', 'activities'],
    queryFn: ({ signal }) => api<{ items: ActivityChoice[] }>('/api/publicity/activities', { signal }),
  });

function usePublicityMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: all }),
  });
}

export const useCreatePiece = () =>
  usePublicityMutation((body: PieceInput) => api<Piece>('/api/publicity/pieces', { method: 'POST', body }));
export const useUpdatePiece = (id: string) =>
  usePublicityMutation((body: PieceUpdate) => api<Piece>(`/api/publicity/pieces/${id}`, { method: 'PATCH', body }));
export const usePublishPiece = (id: string) =>
  usePublicityMutation((body: PublishInput) =>
    api<Piece>(`/api/publicity/pieces/${id}/publish`, { method: 'POST', body }),
  );
export const useDropPiece = (id: string) =>
  usePublicityMutation((reason: string) =>
    api<Piece>(`/api/publicity/pieces/${id}/drop`, { method: 'POST', body: { reason } }),
  );
