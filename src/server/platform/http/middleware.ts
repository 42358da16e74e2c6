import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { Platform } from '../platform.ts';
import { principalForToken, sessionTokenIn } from '../auth/sessions.ts';
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

/**
 * The answer as @hono/node-server writes it, when the request came through it (not in the
 * in-process requests of tests). Headers set on it before the handler runs are merged by
 * `writeHead` under the response's own, so a route's own header wins, and no fetch `Headers`
 * object need be built and copied for them (undici's are slow: a sixth of a small read).
 */
function nodeResponse(c: Context<AppEnv>): ServerResponse | null {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.outgoing instanceof ServerResponse ? env.outgoing : null;
}

/**
 * Request id, client address, language, the security headers (`securityHeaders`), and one
 * structured log line per request. One middleware rather than two: each level of Hono's chain is
 * an async function and its promises, a few microseconds of a read that costs sixty (ADR 42).
 */
export function requestContext(platform: Platform): MiddlewareHandler<AppEnv> {
  const { logger } = platform;
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
    c.set('platform', platform);
    c.set('requestId', requestId);
    c.set('ip', clientIp(c, platform.config.trustProxy));
    c.set('lang', languageOf(c.req.header('accept-language')));
    c.set('principal', null);
    const path = c.req.path;
    const api = path.startsWith('/api/');
    const res = nodeResponse(c);
    if (res) {
      res.setHeader('X-Request-Id', requestId);
      securityHeadersOnNode(res, api);
      await next();
    } else {
      c.header('X-Request-Id', requestId);
      await next();
      securityHeadersOnAnswer(c.res.headers, api);
    }
    const quiet = path === '/api/health' || !api;
    if (!logger.enabled(quiet ? 'debug' : 'info')) return;
    (quiet ? logger.debug : logger.info)('request', {
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
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const token = sessionTokenIn(incoming ? incoming.headers.cookie : c.req.header('cookie'));
    if (token) {
      const principal = await principalForToken(platform.db, token, limits, platform.wallClock());
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
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const FIXED_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/**
 * The security headers of every response (`requestContext` sets them). A route may set a stricter
 * policy of its own (an uploaded file is shown sandboxed), and its own caching (a roll of
 * honour's photo is public; the rest say no-store too); other API answers are never stored.
 * Through node:http the defaults go on the ServerResponse before the route runs and the route's
 * own headers are written over them; in-process (tests) they are added to the finished answer
 * under the same rules.
 */
function securityHeadersOnNode(res: ServerResponse, api: boolean): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  for (const [name, value] of FIXED_HEADERS) res.setHeader(name, value);
  if (api) res.setHeader('Cache-Control', 'no-store');
}

function securityHeadersOnAnswer(h: Headers, api: boolean): void {
  if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  for (const [name, value] of FIXED_HEADERS) h.set(name, value);
  if (api && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
}
