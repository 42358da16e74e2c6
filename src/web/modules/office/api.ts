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
};

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
