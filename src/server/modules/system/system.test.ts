import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous, signIn } from '../../../../test/support/client.ts';
import { createApp } from '../../app.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Role } from '../../platform/policy/permissions.ts';
import { overviewSources } from './service.ts';

function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).toMatch(/object-src 'none'/);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
}

describeEachDatabase('system', (kind) => {
  const env = useTestEnv(kind);
  let webDir: string;

  beforeAll(() => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html lang="vi"><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

  it('reports health as {"status":"ok","db":…} without sign-in', async () => {
    const res = await env().app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', db: kind });
    expect(typeof body.version).toBe('string');
    expect(typeof body.uptimeSeconds).toBe('number');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('shows in the overview only the counts the user may see', async () => {
    const roles: Role[][] = [[], ['board_staff'], ['bloc_leader'], ['system_admin']];
    for (const set of roles) {
      const u = await buildUser(env().platform, { grants: set.map((role) => ({ role, unitId: null })) });
      const client = await signIn(env().app, u.username, u.password, '192.0.2.60');
      const res = await client.get('/api/overview');
      expect(res.status).toBe(200);
      const items = (await res.json()).items as { key: string; count: number; label: { vi: string; en: string } }[];
      const grants = set.map((role) => ({ role, unitId: null }));
      const expected = overviewSources
        .filter((s) => s.permission === 'signed-in' || holdsAnywhere(grants, s.permission))
        .map((s) => s.key)
        .sort();
      expect(items.map((i) => i.key).sort(), set.join(',') || 'no roles').toEqual(expected);
      for (const i of items) {
        expect(i.count).toBeGreaterThanOrEqual(0);
        expect(i.label.vi.length).toBeGreaterThan(0);
      }
      if (set.includes('system_admin')) {
        const accounts = items.find((i) => i.key === 'accounts')!;
        const users = await env()
          .platform.db.selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(accounts.count).toBe(Number(users.n));
      }
      if (set.length === 0)
        expect(items.some((i) => i.key === 'accounts' || i.key === 'audit' || i.key === 'jobs')).toBe(false);
    }
  });

  it('answers an unknown /api path with 404 in the error shape, signed in or not', async () => {
    for (const [method, p] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope/deeper'],
      ['GET', '/api/accounts/x/y/z'],
      ['DELETE', '/api/'],
    ]) {
      const res = await env().app.request(p, { method });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body.error).toMatchObject({
        code: 'ROUTE_NOT_FOUND',
        messages: { vi: expect.any(String), en: expect.any(String) },
      });
      expectSecurityHeaders(res, p);
    }
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const del = await env().app.request('/api/health', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await del.json()).error.code).toBe('METHOD_NOT_ALLOWED');

    const put = await env().app.request('/api/auth/me', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, PATCH');

    const id = '01900000-0000-7000-8000-000000000000';
    const post = await env().app.request(`/api/accounts/${id}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, PATCH');
  });

  it('sends the security headers on API answers, errors included', async () => {
    expectSecurityHeaders(await env().app.request('/api/health'), 'health');
    expectSecurityHeaders(await env().app.request('/api/auth/me'), '401');
    expectSecurityHeaders(await env().app.request('/api/openapi.json'), 'openapi');
    const docs = await env().app.request('/api/docs');
    expect(docs.status).toBe(200);
    expectSecurityHeaders(docs, 'docs');
    // the page's style sheet is sent as written, not HTML-escaped (quotes in font names)
    expect(await docs.text()).toContain('font-family:"Liberation Sans"');
  });

  it('serves the web app under /app/ for deep links, with the security headers, and hashed assets for a year', async () => {
    const app = createApp(env().platform, { webDir });
    const deep = await app.request('/app/accounts/123/edit');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    expect(await deep.text()).toContain('id="root"');
    expectSecurityHeaders(deep, 'SPA fallback');
    expect(deep.headers.get('cache-control')).toBe('no-cache');

    const root = await app.request('/app/');
    expect(root.status).toBe(200);
    expectSecurityHeaders(root, 'root');
    const bare = await app.request('/app');
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/app/']);

    // A bookmark from before the move reaches the same screen; the query comes along.
    const moved = await app.request('/accounts/123/edit?tab=roles');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/app/accounts/123/edit?tab=roles']);
    const signIn = await app.request('/sign-in');
    expect(signIn.headers.get('location')).toBe('/app/sign-in');

    const asset = await app.request('/app/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expectSecurityHeaders(asset, 'asset');
    const missing = await app.request('/app/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);

    // The API stays the API: an unknown /api path is JSON, not the web app.
    const api = await app.request('/api/nope');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('words errors in English for Accept-Language: en, and in the signed-in user’s language otherwise', async () => {
    const en = await env().app.request('/api/auth/me', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const enBody = await en.json();
    expect(enBody.error.message).toBe(enBody.error.messages.en);
    expect(enBody.error.message).toMatch(/sign in/i);

    const vi = await env().app.request('/api/auth/me');
    const viBody = await vi.json();
    expect(viBody.error.message).toBe(viBody.error.messages.vi);
    expect(viBody.error.message).toMatch(/đăng nhập/);

    const invalid = await anonymous(env().app, '192.0.2.61').request(
      'POST',
      '/api/auth/login',
      { username: '' },
      { 'accept-language': 'en' },
    );
    expect(invalid.status).toBe(400);
    const invalidBody = await invalid.json();
    expect(invalidBody.error.message).toBe(invalidBody.error.messages.en);
    expect(invalidBody.error.details.length).toBeGreaterThan(0);
    for (const d of invalidBody.error.details) expect(d.message).toBe(d.messages.en);

    // A user whose language is English gets English even when the browser asks for Vietnamese.
    const u = await buildUser(env().platform);
    const client = await signIn(env().app, u.username, u.password, '192.0.2.62');
    expect((await client.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    const forbidden = await client.request('GET', '/api/accounts', undefined, { 'accept-language': 'vi' });
    expect(forbidden.status).toBe(403);
    const fb = await forbidden.json();
    expect(fb.error.message).toBe(fb.error.messages.en);
    expect(fb.error.message).toMatch(/not allowed/);
  });
});
