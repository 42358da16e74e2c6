import { minimalPdf } from '../../../../test/support/files.ts';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { openDatabase } from '../db/database.ts';

const pdf = minimalPdf();

/**
 * The request path as a browser meets it: the app served by @hono/node-server over a real socket,
 * where the security headers are set on node's ServerResponse rather than on the answer (the
 * in-process requests of the other tests take the other branch), and the session read on every
 * request, so that what another process changes in the database counts at once.
 */
describeEachDatabase('request path over HTTP', (kind) => {
  const env = useTestEnv(kind);
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: env().app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function signInOverHttp(username: string, password: string) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrfToken };
  }

  function expectSecurityHeaders(res: Response, what: string) {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, what).toMatch(/^default-src 'self'; .*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
    expect(res.headers.get('permissions-policy'), what).toMatch(/camera=\(\)/);
    expect(res.headers.get('x-request-id'), what).toMatch(/^[A-Za-z0-9._-]{8,}$/);
  }

  it('sends the security headers and no-store on answers, errors included, each header once', async () => {
    const user = await buildUser(env().platform);
    const { cookie } = await signInOverHttp(user.username, user.password);
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/auth/me', 200],
      ['/api/no-such-thing', 404],
      ['/api/accounts', 403],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(status);
      expectSecurityHeaders(res, path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      await res.arrayBuffer();
    }
    const anonymous = await fetch(`${base}/api/auth/me`);
    expect(anonymous.status).toBe(401);
    expectSecurityHeaders(anonymous, 'not signed in');
  });

  it('keeps a sound request id and replaces one that is not', async () => {
    const given = await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'trace-1234.abc' } });
    expect(given.headers.get('x-request-id')).toBe('trace-1234.abc');
    const bad = await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'x' } });
    expect(bad.headers.get('x-request-id')).not.toBe('x');
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets a route's own stricter policy and caching win over the defaults", async () => {
    const user = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
    const { cookie, csrfToken } = await signInOverHttp(user.username, user.password);
    const up = await fetch(`${base}/api/files?name=note.pdf`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as { id: string };
    const file = await fetch(`${base}/api/files/${id}`, { headers: { cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
  });

  it('sees at once a session ended, an account disabled and a grant changed by another process', async () => {
    const { platform } = env();
    const user = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    const me = async (cookie: string) => {
      const res = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
      return { status: res.status, body: (await res.json()) as any };
    };

    const a = await signInOverHttp(user.username, user.password);
    expect((await me(a.cookie)).body.grants).toEqual([{ role: 'viewer', unitId: null }]);
    // Another process (another app instance, `kyniem` reset-password) writes the database directly.
    await platform.db
      .insertInto('role_grants')
      .values({
        id: 'perf-test-grant',
        user_id: user.id,
        role: 'board_staff',
        unit_id: null,
        granted_at: platform.clock().toISOString(),
        granted_by: null,
      })
      .execute();
    const after = (await me(a.cookie)).body;
    expect(after.grants.map((g: any) => g.role).sort()).toEqual(['board_staff', 'viewer']);
    expect(after.permissions).toEqual([...new Set(after.permissions)].sort());
    await platform.db.deleteFrom('role_grants').where('user_id', '=', user.id).execute();
    expect((await me(a.cookie)).body).toMatchObject({ grants: [], permissions: [] });

    await platform.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    expect((await me(a.cookie)).status).toBe(401);

    const b = await signInOverHttp(user.username, user.password);
    expect((await me(b.cookie)).status).toBe(200);
    await platform.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
    expect((await me(b.cookie)).status).toBe(401);
    expect(await platform.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('sees at once what another connection to the same database changes, however often the session was just read', async () => {
    const { platform } = env();
    const user = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    const me = async (cookie: string) => {
      const res = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
      return { status: res.status, body: (await res.json()) as any };
    };
    const roles = async (cookie: string) => {
      // Read several times in a row first: on SQLite the rows of the last read are kept while nothing changed.
      for (let i = 0; i < 3; i++) expect((await me(cookie)).status).toBe(200);
      return ((await me(cookie)).body.grants as { role: string }[]).map((g) => g.role).sort();
    };
    // Another process on the same database: its own connection (SQLite file) or its own pool (PostgreSQL).
    const other = await openDatabase(
      platform.database.postgres
        ? { kind: 'postgres', ...platform.database.postgres }
        : { kind: 'sqlite', file: platform.database.file! },
    );
    try {
      const a = await signInOverHttp(user.username, user.password);
      expect(await roles(a.cookie)).toEqual(['viewer']);
      await other.db
        .insertInto('role_grants')
        .values({
          id: 'other-process-grant',
          user_id: user.id,
          role: 'board_staff',
          unit_id: null,
          granted_at: platform.clock().toISOString(),
          granted_by: null,
        })
        .execute();
      expect((await me(a.cookie)).body.grants.map((g: any) => g.role).sort()).toEqual(['board_staff', 'viewer']);
      expect(await roles(a.cookie)).toEqual(['board_staff', 'viewer']);
      await other.db.deleteFrom('role_grants').where('id', '=', 'other-process-grant').execute();
      expect((await me(a.cookie)).body.grants.map((g: any) => g.role)).toEqual(['viewer']);

      expect(await roles(a.cookie)).toEqual(['viewer']);
      await other.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      expect((await me(a.cookie)).status).toBe(401);

      const b = await signInOverHttp(user.username, user.password);
      expect(await roles(b.cookie)).toEqual(['viewer']);
      await other.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
      expect((await me(b.cookie)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('ends a session at its idle limit and at its hard limit, and touches it at most once a minute', async () => {
    const { platform, clock, config } = env();
    const user = await buildUser(platform);
    const { cookie } = await signInOverHttp(user.username, user.password);
    const lastSeen = async () =>
      (await platform.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).execute())[0]
        ?.last_seen_at;
    const signedInAt = await lastSeen();
    const ok = async () => (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).status;

    clock.advance(30_000);
    expect(await ok()).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    clock.advance(31_000);
    expect(await ok()).toBe(200);
    expect(await lastSeen()).toBe(clock.now.toISOString());

    // Kept alive by use (last seen a minute ago), the session still ends at its hard limit.
    const expiresAt = Date.parse(
      (await platform.db.selectFrom('sessions').select('expires_at').where('user_id', '=', user.id).execute())[0]
        .expires_at,
    );
    const usedJustBefore = () =>
      platform.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(clock.now.getTime() - 60_000).toISOString() })
        .where('user_id', '=', user.id)
        .execute();
    clock.set(new Date(expiresAt - 10_000));
    await usedJustBefore();
    expect(await ok()).toBe(200);
    clock.advance(20_000);
    await usedJustBefore();
    expect(await ok()).toBe(401);

    const other = await signInOverHttp(user.username, user.password);
    clock.advance(config.sessionIdleMinutes * 60_000 + 1);
    expect((await fetch(`${base}/api/auth/me`, { headers: { cookie: other.cookie } })).status).toBe(401);
  });

  // Last: the server answers 413 without reading the body, and the client's connection is closed.
  it('refuses a body over the limit on writes, and reads need none', async () => {
    const user = await buildUser(env().platform);
    const { cookie, csrfToken } = await signInOverHttp(user.username, user.password);
    const big = await fetch(`${base}/api/auth/me`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe('PAYLOAD_TOO_LARGE');
    const read = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    expect(read.status).toBe(200);
  });
});
