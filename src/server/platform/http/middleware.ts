import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Platform } from '../platform.ts';
import { principalForToken, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppEnv } from './context.ts';
import type { Lang } from './errors.ts';

const requestIdPattern = /^[A-Za-z0-9._-]{8,100}$/;

function languageOf(header: string | undefined): Lang {
  if (!header) return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0], trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/** Request id, client address, language, and one structured log line per request. */
export function requestContext(platform: Platform): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
    c.set('platform', platform);
    c.set('requestId', requestId);
    c.set('ip', clientIp(c, platform.config.trustProxy));
    c.set('lang', languageOf(c.req.header('accept-language')));
    c.set('principal', null);
    c.header('X-Request-Id', requestId);
    await next();
    const path = c.req.path;
    const quiet = path === '/api/health' || !path.startsWith('/api/');
    const log = quiet ? platform.logger.debug : platform.logger.info;
    log('request', {
      requestId,
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('principal')?.userId,
    });
  };
}

/** Looks up the session cookie; a signed-in user's language wins over the browser's. */
export function loadPrincipal(platform: Platform): MiddlewareHandler<AppEnv> {
  const limits = { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours };
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const principal = await principalForToken(platform.db, token, limits, platform.clock());
      if (principal) {
        c.set('principal', principal);
        c.set('lang', principal.locale);
      }
    }
    await next();
  };
}

/**
 * Security headers on every response. The web app loads nothing from another host; Mantine
 * sets inline style attributes, hence 'unsafe-inline' for styles only.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  // A route may set a stricter policy of its own (an uploaded file is shown sandboxed).
  if (!h.has('Content-Security-Policy'))
    h.set(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // API answers are never stored, but for what a public route marks cacheable itself (a roll of honour's photo).
  if (c.req.path.startsWith('/api/') && !/^public\b/.test(h.get('Cache-Control') ?? ''))
    h.set('Cache-Control', 'no-store');
};
