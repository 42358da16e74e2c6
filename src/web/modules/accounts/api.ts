import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

// The shapes come from the server's schemas (ADR 14): a renamed field fails the type check here.
export type {
  Account,
  AccountPage,
  AccountWithPassword,
  CreateAccountInput,
  GeneratedPassword,
  ResetPasswordInput,
  GrantsInput,
  RoleInfo,
  Roles,
  UpdateAccountInput,
} from '../../../server/modules/accounts/schema.ts';
import type { AccountPage, Roles } from '../../../server/modules/accounts/schema.ts';

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
