import type { Context } from 'hono';
import type { Platform } from '../platform.ts';
import type { Grant } from '../policy/policy.ts';
import type { Actor } from '../audit/record.ts';
import type { Lang } from './errors.ts';

/** The signed-in user behind a request, with the session and the roles granted to them. */
export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  locale: Lang;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  grants: Grant[];
};

export type AppEnv = {
  Variables: {
    platform: Platform;
    requestId: string;
    lang: Lang;
    ip: string | null;
    principal: Principal | null;
  };
};

export type AppContext = Context<AppEnv>;

/** The principal of a route that requires sign-in (the route's guard has already checked). */
export function principalOf(c: AppContext): Principal {
  const p = c.get('principal');
  if (!p) throw new Error('principalOf called on a route without sign-in');
  return p;
}

export function actorOf(c: AppContext): Actor {
  const p = c.get('principal');
  return {
    userId: p?.userId ?? null,
    name: p?.username ?? 'anonymous',
    requestId: c.get('requestId'),
    ip: c.get('ip'),
  };
}
