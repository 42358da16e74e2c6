import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './context.ts';

/**
 * Serves the built web app. Hashed files under /assets are cached for a year; every other path
 * that is not a file gets index.html, so the web app's router handles deep links.
 */
export function serveWebApp(app: Hono<AppEnv>, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const root = path.relative(process.cwd(), webDir) || '.';
  // Hashed build files: cached for a year. (serveStatic's onFound runs after the response is
  // made, so a header set there is lost; set it on the response itself.) A missing one is a 404,
  // never index.html, which a browser would try to run as a script.
  const assets = serveStatic({ root });
  app.get('/assets/*', async (c) => {
    const res = await assets(c, async () => {});
    if (!res) return c.notFound();
    res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    return res;
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (!fs.existsSync(index)) {
      return c.text(
        'Ứng dụng web chưa được build. Chạy "npm run build". / The web app is not built: run "npm run build".',
        503,
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
