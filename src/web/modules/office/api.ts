import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignInput,
  inboxItemOut,
  inboxOut,
  incomingInput,
  incomingListOut,
  incomingOut,
  issueInput,
  outgoingListOut,
  receiptBoardOut,
  remindOut,
  resolvedOut,
  settingsOut,
} from '../../../server/modules/office/schema.ts';
import type {
  bookingInput,
  dutyEventDetailOut,
  dutyEventInput,
  dutyEventListOut,
  myDutiesOut,
  staffOut,
} from '../../../server/modules/office/dutySchema.ts';
import { api } from '../../app/api.ts';
import { useLiveTopic } from '../../app/live.ts';

/** The shapes of the office API: the server's own schemas (ADR 14), types only. */
export type Settings = z.output<typeof settingsOut>;
export type OutgoingList = z.output<typeof outgoingListOut>;
export type Outgoing = OutgoingList['items'][number];
export type ReceiptBoard = z.output<typeof receiptBoardOut>;
export type Resolved = z.output<typeof resolvedOut>;
export type Inbox = z.output<typeof inboxOut>;
export type InboxItem = z.output<typeof inboxItemOut>;
export type IncomingList = z.output<typeof incomingListOut>;
export type Incoming = z.output<typeof incomingOut>;
export type IssueInput = z.input<typeof issueInput>;
export type IncomingInput = z.input<typeof incomingInput>;
export type AssignInput = z.input<typeof assignInput>;

export const officeKeys = {
  all: ['office'] as const,
  settings: ['office', 'settings'] as const,
  outgoing: ['office', 'outgoing'] as const,
  board: (id: string) => ['office', 'board', id] as const,
  inbox: ['office', 'inbox'] as const,
  incoming: ['office', 'incoming'] as const,
  duty: ['office', 'duty'] as const,
  dutyEvent: (id: string) => ['office', 'duty', id] as const,
  myDuty: ['office', 'duty', 'mine'] as const,
  staff: (day: string) => ['office', 'duty', 'staff', day] as const,
};

export type DutyEventList = z.output<typeof dutyEventListOut>;
export type DutyEvent = DutyEventList['items'][number];
export type DutyEventDetail = z.output<typeof dutyEventDetailOut>;
export type MyDuties = z.output<typeof myDutiesOut>;
export type Staff = z.output<typeof staffOut>;
export type DutyEventInput = z.input<typeof dutyEventInput>;
export type BookingInput = z.input<typeof bookingInput>;

/** While an office screen is open, every change the server announces (sent, opened, acknowledged) re-reads it. */
export function useOfficeLive() {
  useLiveTopic('office', [officeKeys.all]);
}

export const useSettings = () =>
  useQuery({
    queryKey: officeKeys.settings,
    queryFn: ({ signal }) => api<Settings>('/api/office/settings', { signal }),
  });
export const useOutgoing = () =>
  useQuery({
    queryKey: officeKeys.outgoing,
    queryFn: ({ signal }) => api<OutgoingList>('/api/office/outgoing', { signal }),
  });
export const useBoard = (id: string) =>
  useQuery({
    queryKey: officeKeys.board(id),
    queryFn: ({ signal }) => api<ReceiptBoard>(`/api/office/outgoing/${id}`, { signal }),
  });
export const useInbox = (enabled = true) =>
  useQuery({
    queryKey: officeKeys.inbox,
    queryFn: ({ signal }) => api<Inbox>('/api/office/inbox', { signal }),
    enabled,
  });
export const useIncoming = () =>
  useQuery({
    queryKey: officeKeys.incoming,
    queryFn: ({ signal }) => api<IncomingList>('/api/office/incoming', { signal }),
  });

function useOfficeMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: officeKeys.all }),
  });
}

export const useResolve = () =>
  useMutation({
    mutationFn: (body: { lines: string[]; day?: string }) =>
      api<Resolved>('/api/office/recipients/resolve', { method: 'POST', body }),
  });
export const useIssue = () =>
  useOfficeMutation((body: IssueInput) => api<ReceiptBoard>('/api/office/outgoing', { method: 'POST', body }));
export const useSetPublic = (id: string) =>
  useOfficeMutation((isPublic: boolean) =>
    api<ReceiptBoard>(`/api/office/outgoing/${id}/public`, { method: 'PUT', body: { isPublic } }),
  );
export const useAttachFile = (id: string) =>
  useOfficeMutation((fileId: string) =>
    api<ReceiptBoard>(`/api/office/outgoing/${id}/file`, { method: 'PUT', body: { fileId } }),
  );
export const useRemind = (id: string) =>
  useOfficeMutation(() => api<z.output<typeof remindOut>>(`/api/office/outgoing/${id}/reminders`, { method: 'POST' }));
export const useOpen = () =>
  useOfficeMutation((id: string) => api<InboxItem>(`/api/office/inbox/${id}/open`, { method: 'POST' }));
export const useAcknowledge = () =>
  useOfficeMutation((id: string) => api<InboxItem>(`/api/office/inbox/${id}/acknowledgement`, { method: 'POST' }));
export const useRecordIncoming = () =>
  useOfficeMutation((body: IncomingInput) => api<Incoming>('/api/office/incoming', { method: 'POST', body }));
export const useAssign = (id: string) =>
  useOfficeMutation((body: AssignInput) =>
    api<Incoming>(`/api/office/incoming/${id}/assignment`, { method: 'PUT', body }),
  );

export const useDutyEvents = () =>
  useQuery({
    queryKey: officeKeys.duty,
    queryFn: ({ signal }) => api<DutyEventList>('/api/office/duty/events', { signal }),
  });
export const useDutyEvent = (id: string) =>
  useQuery({
    queryKey: officeKeys.dutyEvent(id),
    queryFn: ({ signal }) => api<DutyEventDetail>(`/api/office/duty/events/${id}`, { signal }),
  });
export const useMyDuties = () =>
  useQuery({
    queryKey: officeKeys.myDuty,
    queryFn: ({ signal }) => api<MyDuties>('/api/office/duty/mine', { signal }),
  });
export const useDutyStaff = (day: string, enabled = true) =>
  useQuery({
    queryKey: officeKeys.staff(day),
    queryFn: ({ signal }) => api<Staff>(`/api/office/duty/staff?day=${day}`, { signal }),
    enabled,
  });
export const useCreateDutyEvent = () =>
  useOfficeMutation((body: DutyEventInput) =>
    api<DutyEventDetail>('/api/office/duty/events', { method: 'POST', body }),
  );
export const useBookDuty = (eventId: string) =>
  useOfficeMutation((body: BookingInput) =>
    api<DutyEventDetail>(`/api/office/duty/events/${eventId}/duties`, { method: 'POST', body }),
  );
export const useRemoveDuty = () =>
  useOfficeMutation((id: string) => api<DutyEventDetail>(`/api/office/duty/duties/${id}`, { method: 'DELETE' }));
