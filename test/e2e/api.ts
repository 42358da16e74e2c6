import { type APIRequestContext, expect, request as playwrightRequest } from '@playwright/test';
import { DEMO_PASSWORD } from './support.ts';

/**
 * Set-up through the API as a signed-in account, for journeys whose subject is a later step:
 * `get` expects 200; `send` and `post` expect the status given, or any 2xx when none is.
 */
export type Api = {
  ctx: APIRequestContext;
  get: (path: string) => Promise<any>;
  send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown, status?: number) => Promise<any>;
  post: (path: string, data?: unknown, status?: number) => Promise<any>;
};

export async function apiAs(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<Api> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password } });
  expect(login.status(), `sign in as ${username}`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send: Api['send'] = async (method, path, data = {}, status) => {
    const res = await ctx.fetch(path, { method, data, headers: { 'X-CSRF-Token': csrfToken } });
    // an answer with no content (204) is null
    const body = res.status() === 204 ? null : await res.json();
    const said = `${method} ${path}: ${JSON.stringify(body).slice(0, 300)}`;
    if (status === undefined) expect(res.status(), said).toBeLessThan(300);
    else expect(res.status(), said).toBe(status);
    return body;
  };
  return {
    ctx,
    send,
    post: (path, data, status) => send('POST', path, data, status),
    get: async (path) => {
      const res = await ctx.get(path);
      expect(res.status(), `GET ${path}`).toBe(200);
      return res.json();
    },
  };
}

/** The ISO day `n` days from now (for set-up far enough ahead that the hour does not matter). */
export const isoFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export type Worker = { id: string; fullName: string; gender: 'male' | 'female' };

/** A unit's people with a current position in it or under it (its enterprise): who may play for it. */
export async function workersOf(api: Api, unitName: string): Promise<{ unitId: string; workers: Worker[] }> {
  const units = await api.get(`/api/units?q=${encodeURIComponent(unitName)}&pageSize=10`);
  const unitId = units.items.find((u: { name: string }) => u.name === unitName).id as string;
  const people = (await api.get(`/api/people?unitId=${unitId}&pageSize=100`)).items as {
    id: string;
    fullName: string;
    gender: 'male' | 'female' | null;
  }[];
  const workers: Worker[] = [];
  for (const p of people) {
    const detail = await api.get(`/api/people/${p.id}`);
    if (p.gender && detail.positions.some((pos: { validTo: string | null }) => pos.validTo === null))
      workers.push({ id: p.id, fullName: p.fullName, gender: p.gender });
  }
  return { unitId, workers };
}
