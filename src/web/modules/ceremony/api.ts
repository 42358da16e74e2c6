import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ceremonyInput,
  ceremonyListOut,
  ceremonyOut,
  ceremonyPatch,
  guestInput,
  guestListOut,
  guestPatch,
  invitationInput,
  liveOut,
  rehearsalInput,
  segmentInput,
  segmentPatch,
} from '../../../server/modules/ceremony/schema.ts';
import { api } from '../../app/api.ts';
import { useLiveTopic } from '../../app/live.ts';

/** The shapes of the ceremony API: the server's own schemas (ADR 14), types only. */
export type Ceremony = z.output<typeof ceremonyOut>;
export type Segment = Ceremony['segments'][number];
export type CeremonyList = z.output<typeof ceremonyListOut>;
export type GuestList = z.output<typeof guestListOut>;
export type Guest = GuestList['items'][number];
export type Live = z.output<typeof liveOut>;
export type CeremonyInput = z.input<typeof ceremonyInput>;
export type CeremonyPatch = z.input<typeof ceremonyPatch>;
export type SegmentInput = z.input<typeof segmentInput>;
export type SegmentPatch = z.input<typeof segmentPatch>;
export type GuestInput = z.input<typeof guestInput>;
export type GuestPatch = z.input<typeof guestPatch>;
export type RehearsalInput = z.input<typeof rehearsalInput>;
export type InvitationInput = z.input<typeof invitationInput>;

export const ceremonyKeys = {
  all: ['ceremony'] as const,
  list: ['ceremony', 'list'] as const,
  one: (id: string) => ['ceremony', 'one', id] as const,
  guests: (id: string) => ['ceremony', 'guests', id] as const,
  live: (id: string) => ['ceremony', 'live', id] as const,
};
const base = (id: string) => `/api/ceremonies/${id}`;

/** While a ceremony screen is open, every change the server announces (and a reconnection) re-reads its queries. */
export function useCeremonyLive() {
  useLiveTopic('ceremony', [ceremonyKeys.all]);
}

export function useCeremonies() {
  return useQuery({
    queryKey: ceremonyKeys.list,
    queryFn: ({ signal }) => api<CeremonyList>('/api/ceremonies', { signal }),
  });
}
export function useCeremony(id: string) {
  return useQuery({ queryKey: ceremonyKeys.one(id), queryFn: ({ signal }) => api<Ceremony>(base(id), { signal }) });
}
export function useGuests(id: string) {
  return useQuery({
    queryKey: ceremonyKeys.guests(id),
    queryFn: ({ signal }) => api<GuestList>(`${base(id)}/guests`, { signal }),
  });
}
export function useShow(id: string) {
  return useQuery({
    queryKey: ceremonyKeys.live(id),
    queryFn: ({ signal }) => api<Live>(`${base(id)}/live`, { signal }),
  });
}

function useCeremonyMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ceremonyKeys.all }),
  });
}

export const useCreateCeremony = () =>
  useCeremonyMutation((body: CeremonyInput) => api<Ceremony>('/api/ceremonies', { method: 'POST', body }));
export const useUpdateCeremony = (id: string) =>
  useCeremonyMutation((body: CeremonyPatch) => api<Ceremony>(base(id), { method: 'PATCH', body }));
export const useAddSegment = (id: string) =>
  useCeremonyMutation((body: SegmentInput) => api<Ceremony>(`${base(id)}/segments`, { method: 'POST', body }));
export const useUpdateSegment = (id: string) =>
  useCeremonyMutation(({ segmentId, ...body }: SegmentPatch & { segmentId: string }) =>
    api<Ceremony>(`${base(id)}/segments/${segmentId}`, { method: 'PATCH', body }),
  );
export const useDeleteSegment = (id: string) =>
  useCeremonyMutation((segmentId: string) => api<Ceremony>(`${base(id)}/segments/${segmentId}`, { method: 'DELETE' }));
export const useFreeze = (id: string) =>
  useCeremonyMutation((what: 'freeze' | 'unfreeze' | 'awards/accept') =>
    api<Ceremony>(`${base(id)}/${what}`, { method: 'POST' }),
  );
export const useAddGuest = (id: string) =>
  useCeremonyMutation((body: GuestInput) => api<GuestList>(`${base(id)}/guests`, { method: 'POST', body }));
export const useUpdateGuest = (id: string) =>
  useCeremonyMutation(({ guestId, ...body }: GuestPatch & { guestId: string }) =>
    api<GuestList>(`${base(id)}/guests/${guestId}`, { method: 'PATCH', body }),
  );
export const useRecordRehearsal = (id: string) =>
  useCeremonyMutation((body: RehearsalInput) => api<Ceremony>(`${base(id)}/rehearsal`, { method: 'POST', body }));
export const useClearRehearsal = (id: string) =>
  useCeremonyMutation(() => api<Ceremony>(`${base(id)}/rehearsal`, { method: 'DELETE' }));
export const useIssueInvitation = (id: string) =>
  useCeremonyMutation((body: InvitationInput) => api<Ceremony>(`${base(id)}/invitation`, { method: 'POST', body }));

/** The show-caller's call: the answer is the new state, put in place at once (the other devices hear the topic). */
export function useCallShow(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'start' | 'next' | 'hold') =>
      api<Live>(`${base(id)}/live`, { method: 'POST', body: { action } }),
    onSuccess: (live) => {
      queryClient.setQueryData(ceremonyKeys.live(id), live);
      void queryClient.invalidateQueries({ queryKey: ceremonyKeys.one(id) });
    },
  });
}
