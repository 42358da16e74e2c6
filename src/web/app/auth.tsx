import { setServerClock } from './clock.ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import type { Grant, LoginInput, Me, UpdateMeInput } from '../../server/platform/auth/schema.ts';
import { isLanguage, setLanguage } from './i18n/index.ts';

// The signed-in user as GET /api/auth/me answers it: the server's schema (ADR 14).
export type { Grant, Me };

type AuthState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

export type Auth = {
  status: AuthState['status'];
  me: Me | null;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Reads GET /api/auth/me again (after a password change, say). */
  refresh(): Promise<void>;
  updateMe(change: UpdateMeInput): Promise<Me>;
  can(permission: string): boolean;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const accept = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setServerClock(me.clock);
    if (isLanguage(me.user.locale)) void setLanguage(me.user.locale);
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    queryClient.clear();
    setState({ status: 'signed-out' });
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      accept(await api<Me>('/api/auth/me', { quiet401: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) forget();
      else throw err;
    }
  }, [accept, forget]);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    refresh().catch(() => setState({ status: 'signed-out' }));
    return () => setUnauthenticatedHandler(null);
  }, [forget, refresh]);

  const value = useMemo<Auth>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return {
      status: state.status,
      me,
      signIn: async (username, password) =>
        accept(
          await api<Me>('/api/auth/login', {
            method: 'POST',
            body: { username, password } satisfies LoginInput,
            quiet401: true,
          }),
        ),
      signOut: async () => {
        try {
          await api('/api/auth/logout', { method: 'POST', quiet401: true });
        } finally {
          forget();
        }
      },
      refresh,
      updateMe: async (change) => accept(await api<Me>('/api/auth/me', { method: 'PATCH', body: change })),
      can: (permission) => me?.permissions.includes(permission) ?? false,
    };
  }, [state, accept, forget, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user, inside the pages that are only shown when someone is signed in. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
