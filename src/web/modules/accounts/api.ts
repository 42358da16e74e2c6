import { useQuery } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';
import type { Grant } from '../../app/auth.tsx';
import type { Language } from '../../app/i18n/index.ts';

export type Account = {
  id: string;
  username: string;
  displayName: string;
  locale: Language;
  isActive: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  grants: Grant[];
};

export type AccountPage = { items: Account[]; total: number; page: number; pageSize: number };

export type RoleInfo = { role: string; label: Bilingual; permissions: string[] };
export type Roles = { roles: RoleInfo[]; permissions: { permission: string; label: Bilingual }[] };

export const PAGE_SIZE = 20;

export function useAccounts(q: string, page: number) {
  return useQuery({
    queryKey: ['accounts', 'list', { q, page }],
    queryFn: ({ signal }) => api<AccountPage>('/api/accounts', { query: { q, page, pageSize: PAGE_SIZE }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api<Roles>('/api/roles'), staleTime: 10 * 60_000 });
}

/** "Quản trị hệ thống" for "system_admin", in the reader's language; the code itself if unknown. */
export function roleLabel(roles: Roles | undefined, role: string, lang: string): string {
  const found = roles?.roles.find((r) => r.role === role);
  if (!found) return role;
  return lang === 'en' ? found.label.en : found.label.vi;
}
