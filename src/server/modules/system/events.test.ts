import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { createApp } from '../../app.ts';
import type { EventBus } from '../../platform/events/events.ts';

/** Waits for a condition, polling; fails with `what` if it does not come true in time. */
async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeEachDatabase('live updates (GET /api/events)', (kind) => {
  const env = useTestEnv(kind);
  let server: ServerType;
  let base: string;
  let admin: Client;
  let adminCookie: string;
  /** Subscriptions the stream endpoint holds open right now. */
  let active = 0;

  beforeAll(async () => {
    const bus = env().platform.events;
    const counting: EventBus = {
      publish: (t, d) => bus.publish(t, d),
      close: () => bus.close(),
      subscribe(topic, handler) {
        active++;
        const off = bus.subscribe(topic, handler);
        let done = false;
        return () => {
          if (!done) active--;
          done = true;
          off();
        };
      },
    };
    const app = createApp({ ...env().platform, events: counting }, { webDir: null });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    if (!server.listening) await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const a = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
    admin = await signIn(env().app, a.username, a.password, '192.0.2.70');
    adminCookie = admin.cookie!;
  });

  afterAll(async () => {
    if (!server) return;
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a topic the user may not read (403), an unknown topic (400), and nobody (401)', async () => {
    const u = await buildUser(env().platform, { grants: [] });
    const user = await signIn(env().app, u.username, u.password, '192.0.2.71');
    const forbidden = await user.get('/api/events?topics=accounts');
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('FORBIDDEN');

    for (const topics of ['nope', 'accounts,nope']) {
      const res = await admin.get(`/api/events?topics=${topics}`);
      expect(res.status, topics).toBe(400);
      expect((await res.json()).error.code).toBe('UNKNOWN_TOPIC');
    }
    expect((await admin.get('/api/events?topics=ACCOUNTS')).status).toBe(400);
    expect((await admin.get('/api/events')).status).toBe(400);

    const anon = await fetch(`${base}/api/events?topics=accounts`);
    expect(anon.status).toBe(401);
    expect(active).toBe(0);
  });

  it('streams an accounts event to a real client after an account is created, and lets go when it leaves', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events?topics=accounts`, {
      headers: { cookie: adminCookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (pattern: RegExp) => {
      const deadline = Date.now() + 5000;
      while (!pattern.test(received)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the stream; got ${JSON.stringify(received)}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    try {
      await readUntil(/event: ready\ndata: \{"topics":\["accounts"\]\}\n\n/);
      expect(active).toBe(1);

      const created = await admin.post('/api/accounts', { username: 'truc.tiep', displayName: 'Trực tiếp' });
      expect(created.status).toBe(201);
      const id = (await created.json()).account.id as string;
      await readUntil(new RegExp(`event: accounts\\ndata: \\{"id":"${id}","change":"created"\\}\\n\\n`));
    } finally {
      abort.abort();
      await reader.cancel().catch(() => {});
    }
    // The server notices the client has gone and drops its subscription (not at the next keep-alive).
    await until(() => active === 0, 'the stream to unsubscribe after the client left', 5000);
  });

  it('serves several streams at once, each with its own subscription', async () => {
    const aborts = [new AbortController(), new AbortController(), new AbortController()];
    const responses = await Promise.all(
      aborts.map((a) =>
        fetch(`${base}/api/events?topics=accounts`, { headers: { cookie: adminCookie }, signal: a.signal }),
      ),
    );
    for (const r of responses) expect(r.status).toBe(200);
    await until(() => active === 3, 'three subscriptions');
    for (const a of aborts) a.abort();
    for (const r of responses) await r.body?.cancel().catch(() => {});
    await until(() => active === 0, 'all three to unsubscribe');
  });
});
