import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.ts';

/**
 * What a path that no page answers gets: the site's own "not found" page, registered by the
 * website module; without one, a plain 404. (The app under /app/ and /api keep their own.)
 */
type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

let handler: Handler = (c) => c.text('404 – Không tìm thấy trang / Page not found', 404);

export function registerSiteNotFound(h: Handler): void {
  handler = h;
}

export function siteNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  return handler(c);
}
