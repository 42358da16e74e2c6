import fs from 'node:fs';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { APP_BASE, LEGACY_APP_SEGMENTS } from '../../../common/appPaths.ts';
import type { AppEnv } from './context.ts';

/**
 * Serves the built web app under APP_BASE (`/app/`): hashed files under /app/assets are cached
 * for a year; every other path under the prefix that is not a file gets index.html, so the web
 * app's router handles deep links. The app's addresses from before the move (`/plans/…`) answer a
 * permanent redirect to the same screen under the prefix (ADR 32). `/` is the public website's.
 */
export function serveWebApp(app: Hono<AppEnv>, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const root = path.relative(process.cwd(), webDir) || '.';
  const rewriteRequestPath = (p: string) => p.slice(APP_BASE.length);
  // (serveStatic's onFound runs after the response is made, so a header set there is lost; set it
  // on the response itself.) A missing asset is a 404, never index.html, which a browser would try
  // to run as a script.
  const assets = serveStatic({ root, rewriteRequestPath });
  app.get(`${APP_BASE}/assets/*`, async (c) => {
    const res = await assets(c, async () => {});
    if (!res) return c.notFound();
    res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    return res;
  });
  // The icon is the site's too (browsers ask for it at the root).
  const icon = serveStatic({ root, rewriteRequestPath: () => '/favicon.svg' });
  app.get('/favicon.svg', icon);
  app.get(APP_BASE, (c) => c.redirect(`${APP_BASE}/`, 301));
  app.use(`${APP_BASE}/*`, serveStatic({ root, rewriteRequestPath }));
  app.get(`${APP_BASE}/*`, (c) => {
    if (!fs.existsSync(index)) {
      return c.text(
        'Ứng dụng web chưa được build. Chạy "npm run build". / The web app is not built: run "npm run build".',
        503,
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
  registerLegacyRedirects(app);
}

/** `/plans/123?tab=x` → `/app/plans/123?tab=x`, for every screen the app had before the move. */
export function registerLegacyRedirects(app: Hono<AppEnv>): void {
  for (const segment of LEGACY_APP_SEGMENTS) {
    const moved = (c: Context<AppEnv>) => {
      const url = new URL(c.req.url);
      return c.redirect(`${APP_BASE}${url.pathname}${url.search}`, 301);
    };
    app.get(`/${segment}`, moved);
    app.get(`/${segment}/*`, moved);
  }
}
