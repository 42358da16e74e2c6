import { expect } from 'vitest';
import type { App } from '../../src/server/app.ts';

/**
 * Talks to the app in-process the way the web app does: keeps the session cookie and sends the
 * CSRF token on writes. `ip` sets X-Forwarded-For (the test config trusts the proxy).
 */
export type Client = {
  cookie: string | null;
  csrfToken: string | null;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
};

export function anonymous(app: App, ip = '203.0.113.10'): Client {
  const client: Client = {
    cookie: null,
    csrfToken: null,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { 'x-forwarded-for': ip, ...headers };
      if (client.cookie) h.cookie = client.cookie;
      if (client.csrfToken && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = client.csrfToken;
      if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
      const res = await app.request(path, {
        method,
        headers: h,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie?.startsWith('kyniem_session=')) {
        const value = setCookie.split(';')[0];
        client.cookie = /Max-Age=0/i.test(setCookie) || value === 'kyniem_session=' ? null : value;
      }
      return res;
    },
    get: (p) => client.request('GET', p),
    post: (p, b) => client.request('POST', p, b ?? {}),
    patch: (p, b) => client.request('PATCH', p, b ?? {}),
    put: (p, b) => client.request('PUT', p, b ?? {}),
    delete: (p) => client.request('DELETE', p),
  };
  return client;
}

export async function signIn(app: App, username: string, password: string, ip?: string): Promise<Client> {
  const client = anonymous(app, ip);
  const res = await client.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  client.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  return client;
}

/**
 * What a service answers, as a route sends it: `const s: Answer<typeof getSession> = await json(res)`
 * types a response body by the service that made it, so a test reads fields the type checker knows.
 */
export type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** The answer's body, after checking its status (200 unless told); a failure shows the body. */
export async function json<T>(res: Response, status = 200): Promise<T> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(status);
  return body as T;
}
