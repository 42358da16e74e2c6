import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.ts';
import { CONTENT_SECURITY_POLICY } from '../platform/http/middleware.ts';

/** A rendered page and its entity tag, as kept between requests. */
export type RenderedPage = { html: string; etag: string; status: 200 | 404; frameHosts?: readonly string[] };

export function renderedPage(node: unknown, status: 200 | 404 = 200, frameHosts: readonly string[] = []): RenderedPage {
  const html = `<!doctype html>${String(node)}`;
  return { html, status, frameHosts, etag: `W/"${createHash('sha1').update(html).digest('base64url').slice(0, 22)}"` };
}

/**
 * Answers a page: 304 when the reader already holds this version (If-None-Match), else the HTML.
 * Public pages may be kept by browsers and proxies for `maxAge` seconds and then revalidated.
 */
export function sendPage(c: Context<AppEnv>, page: RenderedPage, options: { maxAge?: number } = {}): Response {
  const status = page.status;
  const headers: Record<string, string> = {
    'Cache-Control': status === 200 ? `public, max-age=${options.maxAge ?? 60}, must-revalidate` : 'no-cache',
    ETag: page.etag,
    Vary: 'Accept-Encoding',
  };
  // A page that embeds a video player lets that player's host, and only it, into a frame.
  if (page.frameHosts?.length)
    headers['Content-Security-Policy'] = `${CONTENT_SECURITY_POLICY}; frame-src ${page.frameHosts.join(' ')}`;
  if (status === 200 && c.req.header('if-none-match') === page.etag) {
    return c.body(null, 304, headers);
  }
  return c.html(page.html, status, headers);
}

type Entry = { version: string; page: RenderedPage; at: number };

/**
 * Rendered pages kept in memory by address, each valid while its content's version (asked of
 * the database on every request: one indexed read) is unchanged and for at most `ttlMs`. So a
 * publish shows on the very next request in every process, and a page that also shows live
 * figures (events, counts) is never older than `ttlMs`. Bounded: the oldest entries go first.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly capacity = 500,
  ) {}

  async page(key: string, version: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.version === version && now - hit.at < this.ttlMs) return hit.page;
    const page = await render();
    this.entries.delete(key);
    this.entries.set(key, { version, page, at: now });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return page;
  }

  clear(): void {
    this.entries.clear();
  }
}
