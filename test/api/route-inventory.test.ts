import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { buildUser, useTestEnv } from '../support/platform.ts';
import { anonymous, signIn, type Client } from '../support/client.ts';
import {
  exampleOf,
  expectErrorShape,
  fetchOpenApi,
  fillPath,
  openApiPathOf,
  operationsOf,
  opName,
  type Operation,
} from '../support/openapi.ts';
import { isPermission, permissions } from '../../src/server/platform/policy/permissions.ts';

/**
 * Every /api route, found from the app itself (Hono's route table and the OpenAPI document), is
 * documented, declares who may call it, and refuses the anonymous and the unauthorised. A new
 * route is covered the moment it is registered.
 */
const metaRoutes = new Set(['GET /api/openapi.json', 'GET /api/docs']);
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The query string an operation needs to get past validation (required params filled). */
function requiredQuery(op: Operation): string {
  const q = new URLSearchParams();
  for (const p of op.parameters) if (p.in === 'query' && p.required) q.set(p.name, String(exampleOf(p.schema)));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function call(client: Client, op: Operation): Promise<Response> {
  const url = fillPath(op) + requiredQuery(op);
  const body = op.body ? exampleOf(op.body) : writes.has(op.method) ? {} : undefined;
  const res = await client.request(op.method, url, body);
  return res;
}

/** Reads a JSON error body; a stream that came back instead is closed first. */
async function settle(res: Response): Promise<void> {
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
}

describeEachDatabase('route inventory', (kind) => {
  const env = useTestEnv(kind);
  let ops: Operation[] = [];

  beforeAll(async () => {
    ops = operationsOf(await fetchOpenApi(env().app));
  });

  it('documents every /api route registered in Hono, and documents nothing that is not registered', () => {
    const registered = new Set(
      env()
        .app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${openApiPathOf(r.path)}`)
        .filter((name) => !metaRoutes.has(name)),
    );
    // Routes for every method are middleware (app.use) or the catch-all that answers 404/405;
    // Hono's table cannot tell an app.all handler from middleware, so only the catch-all is checked.
    expect(env().app.routes.some((r) => r.method === 'ALL' && r.path === '/api/*')).toBe(true);

    const documented = new Set(ops.map(opName));
    expect(
      [...registered].filter((r) => !documented.has(r)),
      'registered but missing from the OpenAPI document',
    ).toEqual([]);
    expect(
      [...documented].filter((d) => !registered.has(d)),
      'documented but not registered',
    ).toEqual([]);
    expect(ops.length).toBeGreaterThan(5);
  });

  it("declares x-kyniem-access on every operation: 'public', 'signed-in' or a known permission", () => {
    const bad = ops.filter(
      (op) =>
        !(
          op.access === 'public' ||
          op.access === 'signed-in' ||
          (typeof op.access === 'string' && isPermission(op.access))
        ),
    );
    expect(bad.map((op) => `${opName(op)} → ${JSON.stringify(op.access)}`)).toEqual([]);
  });

  it('answers 401 in the error shape to an anonymous caller of every non-public operation', async () => {
    const client = anonymous(env().app, '203.0.113.50');
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.access !== 'public')) {
      const res = await call(client, op);
      if (res.status !== 401) {
        wrong.push(`${opName(op)} → ${res.status}`);
        await settle(res);
        continue;
      }
      const error = await expectErrorShape(res, opName(op));
      expect(error.code, opName(op)).toBe('UNAUTHENTICATED');
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 FORBIDDEN to a signed-in user with no roles on every permission-protected operation', async () => {
    const user = await buildUser(env().platform, { grants: [] });
    const client = await signIn(env().app, user.username, user.password, '203.0.113.51');
    const wrong: string[] = [];
    for (const op of ops.filter((o) => typeof o.access === 'string' && isPermission(o.access))) {
      const res = await call(client, op);
      if (res.status !== 403) {
        wrong.push(`${opName(op)} → ${res.status}`);
        await settle(res);
        continue;
      }
      const error = await expectErrorShape(res, opName(op));
      expect(error.code, `${opName(op)} (the CSRF token was sent, so only the permission may refuse)`).toBe(
        'FORBIDDEN',
      );
    }
    expect(wrong).toEqual([]);
  });

  it('lets a system administrator past the guard of every operation (the declared access is the one enforced)', async () => {
    const admin = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
    const client = await signIn(env().app, admin.username, admin.password, '203.0.113.52');
    const refused: string[] = [];
    // Sign-out last: it ends the session the others use.
    const ordered = [...ops].sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const op of ordered) {
      if (op.path === '/api/auth/login') continue; // signing in again would only replace the cookie
      const res = await call(client, op);
      expect(res.status, `${opName(op)} must not fail on the server`).toBeLessThan(500);
      if (res.status === 401 || res.status === 403) refused.push(`${opName(op)} → ${res.status} ${await res.text()}`);
      else if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
      else await res.arrayBuffer();
    }
    expect(refused).toEqual([]);
  });

  it('writes the table of routes and the access each needs to test-results/route-inventory.txt', () => {
    const label = (access: unknown) =>
      typeof access === 'string' && isPermission(access) ? `${access} (${permissions[access].en})` : String(access);
    const width = Math.max(...ops.map((op) => opName(op).length));
    const lines = [
      `# Kyniem API routes and the access each needs (${ops.length} operations; generated by test/api/route-inventory.test.ts)`,
      '',
      ...ops.map((op) => `${opName(op).padEnd(width)}  ${label(op.access)}`),
      '',
    ];
    const dir = path.resolve('test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'route-inventory.txt'), lines.join('\n'));
    if (kind === 'sqlite') console.log(lines.join('\n'));
    expect(lines.length).toBe(ops.length + 3);
  });
});
