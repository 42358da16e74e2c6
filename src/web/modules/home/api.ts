import { useQuery } from '@tanstack/react-query';
import type { LeaderView, Todo, TodoEntry } from '../../../server/modules/home/schema.ts';
import { api } from '../../app/api.ts';

export type { LeaderView, Todo, TodoEntry };

/** GET /api/home/todo: what the signed-in person has to do, by deadline (ADR 30). */
export const useTodo = () => useQuery({ queryKey: ['home', 'todo'], queryFn: () => api<Todo>('/api/home/todo') });

/** GET /api/home/leader: the leader's view, for those who hold home.leader. */
export const useLeaderView = (enabled: boolean) =>
  useQuery({ queryKey: ['home', 'leader'], queryFn: () => api<LeaderView>('/api/home/leader'), enabled });

/** A server path with its query ("/reporting/form?templateId=…") as a router link's `to` and `search`. */
export function linkOf(path: string): { to: string; search: Record<string, string> } {
  const url = new URL(path, 'http://app.invalid');
  return { to: url.pathname, search: Object.fromEntries(url.searchParams) };
}
