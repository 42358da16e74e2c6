import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Platform } from './platform/platform.ts';
import type { AppEnv } from './platform/http/context.ts';
import { fail } from './platform/http/errors.ts';
import { handleError } from './platform/http/errorHandler.ts';
import { loadPrincipal, requestContext } from './platform/http/middleware.ts';
import { toFieldProblems } from './platform/http/validation.ts';
import { serveWebApp } from './platform/http/static.ts';
import { siteNotFound } from './site/notFound.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerFileRoutes } from './platform/files/routes.ts';
import { MAX_UPLOAD_BYTES } from './platform/files/store.ts';
import { renderApiReference } from './site/apiReference.tsx';
import { version } from './modules/system/version.ts';
import { modules } from './modules.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;
const FILE_UPLOAD_PATH = '/api/files';

/** The platform's own routes; every module's come from its descriptor in `modules.ts`. */
const platformRoutes = [registerAuthRoutes, registerFileRoutes];

export type AppOptions = { webDir?: string | null };

const initialised = new WeakSet<object>();

/**
 * Every module's start-up hooks (`setup` in its descriptor), in the list's order, once per
 * platform however many apps are made on it (tests make several): the unit tree for record-level
 * checks, job handlers, who may read the modules' files, plan status sources, listeners.
 */
export function initialiseModules(platform: Platform): void {
  // Keyed by the job queue: a copy of a platform with another event bus (as tests make) shares the
  // queue and everything its modules set up, so job handlers are registered once per queue.
  if (initialised.has(platform.jobs)) return;
  initialised.add(platform.jobs);
  for (const m of modules) m.setup?.(platform);
}

/** When this process runs jobs: every module's recurring jobs. */
export async function scheduleModuleJobs(platform: Platform): Promise<void> {
  for (const m of modules) await m.schedule?.(platform);
}

export function createApp(platform: Platform, options: AppOptions = {}) {
  initialiseModules(platform);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fail.validation(toFieldProblems(result.error as never, result.target));
    },
  });

  app.use('*', requestContext(platform));
  // Bodies are JSON and small, but for the upload of a file, which has its own limit.
  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw fail.payloadTooLarge(JSON_BODY_LIMIT);
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw fail.payloadTooLarge(MAX_UPLOAD_BYTES);
    },
  });
  // GET and HEAD carry no body; asking for one would make @hono/node-server build a whole fetch
  // Request (a tenth of a small read's cost) only to find none. The body limit, then the session:
  // one level of the middleware chain for both (ADR 42).
  const principal = loadPrincipal(platform);
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return principal(c, next);
    const limit = c.req.path === FILE_UPLOAD_PATH && method === 'POST' ? uploadLimit : jsonLimit;
    return limit(c, async () => {
      await principal(c, next);
    });
  });

  for (const register of platformRoutes) register(app);
  for (const m of modules) for (const register of m.routes ?? []) register(app);

  const openApiDocument = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Kyniem API',
        version,
        description:
          'Every operation carries `x-kyniem-access`: "public", "signed-in", or the permission it needs. ' +
          'Writes by a signed-in user must send the `X-CSRF-Token` header returned by sign-in and by GET /api/auth/me. ' +
          'Errors share one shape: `{ error: { code, message, messages: { vi, en }, details?, requestId } }`.',
      },
    });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', (c) => c.html(renderApiReference(openApiDocument())));

  // Unknown /api paths answer JSON: 405 with Allow when the path exists for another method.
  app.all('/api/*', (c) => {
    const allow = allowedMethods(app, c.req.path);
    throw allow.length > 0 ? fail.methodNotAllowed(allow) : fail.routeNotFound();
  });

  // Server-rendered public pages (the roll of honour, /vinh-danh), before the web app's fallback to index.html.
  for (const m of modules) for (const register of m.site ?? []) register(app);
  if (options.webDir !== null) serveWebApp(app, options.webDir ?? path.resolve('dist/web'));
  // Any other page: the public site's "not found".
  app.get('*', siteNotFound);

  app.onError(handleError);
  app.notFound((c) => {
    throw c.req.path.startsWith('/api/') ? fail.routeNotFound() : fail.notFound();
  });
  return app;
}

function allowedMethods(app: OpenAPIHono<AppEnv>, requestPath: string): string[] {
  const methods = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path === '/api/*') continue;
    const pattern = new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+')}$`);
    if (pattern.test(requestPath)) methods.add(r.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

export type App = ReturnType<typeof createApp>;
