import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Platform } from './platform/platform.ts';
import type { AppEnv } from './platform/http/context.ts';
import { fail } from './platform/http/errors.ts';
import { handleError } from './platform/http/errorHandler.ts';
import { loadPrincipal, requestContext, securityHeaders } from './platform/http/middleware.ts';
import { toFieldProblems } from './platform/http/validation.ts';
import { serveWebApp } from './platform/http/static.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerSystemRoutes } from './modules/system/routes.ts';
import { registerAccountRoutes } from './modules/accounts/routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerOrganisationRoutes } from './modules/organisation/routes.ts';
import { installUnitScope } from './modules/organisation/tree.ts';
import { registerPlansRoutes, registerReminderJobs } from './modules/plans/routes.ts';
import { registerFileRoutes } from './platform/files/routes.ts';
import { registerReportFiles } from './modules/plans/attachments.ts';
import { registerReportingRoutes } from './modules/reporting/routes.ts';
import { registerEmulationRoutes } from './modules/emulation/routes.ts';
import { registerHonoursRoutes } from './modules/honours/routes.ts';
import { registerHonoursPublicRoutes } from './modules/honours/publicRoutes.ts';
import { registerHonours } from './modules/honours/setup.ts';
import { registerReportingTotals } from './modules/reporting/setup.ts';
import { registerReportingReminders } from './modules/reporting/reminders.ts';
import { MAX_UPLOAD_BYTES } from './platform/files/store.ts';
import { renderApiReference } from './site/apiReference.tsx';
import { registerRollOfHonourPages } from './site/rollOfHonour.tsx';
import { version } from './modules/system/version.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;
const FILE_UPLOAD_PATH = '/api/files';

/** Every module's routes, in one list: add a module here. */
const modules = [
  registerAuthRoutes,
  registerSystemRoutes,
  registerFileRoutes,
  registerAccountRoutes,
  registerAuditRoutes,
  registerOrganisationRoutes,
  registerPlansRoutes,
  registerReportingRoutes,
  registerEmulationRoutes,
  registerHonoursRoutes,
  registerHonoursPublicRoutes,
];

export type AppOptions = { webDir?: string | null };

const initialised = new WeakSet<Platform>();

/**
 * What modules set up on the platform itself, once per platform however many apps are made on
 * it (tests make several): record-level checks (`can`) see the real unit tree, and the plans'
 * reminder jobs are known to the job queue of whichever process runs jobs, and the
 * modules' files say who may read them.
 */
export function initialiseModules(platform: Platform): void {
  if (initialised.has(platform)) return;
  initialised.add(platform);
  installUnitScope(platform);
  registerReminderJobs(platform);
  registerReportFiles();
  registerReportingTotals();
  registerReportingReminders(platform);
  registerHonours();
}

export function createApp(platform: Platform, options: AppOptions = {}) {
  initialiseModules(platform);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fail.validation(toFieldProblems(result.error as never, result.target));
    },
  });

  app.use('*', requestContext(platform));
  app.use('*', securityHeaders);
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
  // Request (a tenth of a small read's cost) only to find none.
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    return c.req.path === FILE_UPLOAD_PATH && method === 'POST' ? uploadLimit(c, next) : jsonLimit(c, next);
  });
  app.use('/api/*', loadPrincipal(platform));

  for (const register of modules) register(app);

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

  // Server-rendered public pages (/vinh-danh), before the web app's fallback to index.html.
  registerRollOfHonourPages(app);
  if (options.webDir !== null) serveWebApp(app, options.webDir ?? path.resolve('dist/web'));

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
