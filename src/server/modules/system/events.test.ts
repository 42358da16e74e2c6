import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { createApp } from '../../app.ts';
import type { EventBus } from '../../platform/events/events.ts';
import {
  buildActivity,
  buildPerson,
  buildPlan,
  buildTemplate,
  buildUnit,
  factoryCaller,
} from '../../../../test/support/factories.ts';
import { addReport } from '../plans/progress.ts';
import { updatePerson } from '../organisation/people.ts';
import { saveReport } from '../reporting/submissions.ts';

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

  it('sends a unit’s reports and people only to subscribers whose units reach it (ADR 21)', async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-07-01T03:00:00Z'));
    const root = await buildUnit(platform, { kind: 'bloc', name: 'Đảng bộ Khối (kênh trực tiếp)' });
    const unitA = await buildUnit(platform, { kind: 'grassroots_committee', parentId: root.id });
    const unitB = await buildUnit(platform, { kind: 'grassroots_committee', parentId: root.id });
    const personA = await buildPerson(platform, { partyUnitId: unitA.id });
    const personB = await buildPerson(platform, { partyUnitId: unitB.id });
    const plan = await buildPlan(platform);
    const activity = await buildActivity(platform, plan.id, { leadUnitIds: [unitA.id, unitB.id] });
    const template = await buildTemplate(platform);
    const indicatorId = template.sections[0].items[0].indicatorId;

    const listen = async (grants: { role: 'unit_officer' | 'board_staff'; unitId: string }[], ip: string) => {
      const u = await buildUser(platform, { grants });
      const client = await signIn(env().app, u.username, u.password, ip);
      const abort = new AbortController();
      const res = await fetch(`${base}/api/events?topics=plans,reporting,organisation`, {
        headers: { cookie: client.cookie! },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const stream = { text: '', abort };
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          stream.text += decoder.decode(value, { stream: true });
        }
      })().catch(() => {});
      await until(() => stream.text.includes('event: ready'), 'the stream to open');
      return stream;
    };
    const ofA = await listen([{ role: 'unit_officer', unitId: unitA.id }], '192.0.2.80');
    const ofRoot = await listen([{ role: 'unit_officer', unitId: root.id }], '192.0.2.81');
    const office = await listen([{ role: 'board_staff', unitId: unitA.id }], '192.0.2.82');
    try {
      const admin = await factoryCaller(platform);
      // B's changes first, then A's: when A's have arrived, B's would have come before them.
      await addReport(platform, admin, activity.id, { text: 'B báo cáo', percent: 50, unitId: unitB.id });
      await saveReport(platform, admin, {
        templateId: template.id,
        unitId: unitB.id,
        periodId: '2019-06',
        values: [{ indicatorId, breakdownKey: '', value: 5 }],
      });
      await updatePerson(platform, admin, personB.id, { phone: '0912 000 111' });
      await addReport(platform, admin, activity.id, { text: 'A báo cáo', percent: 50, unitId: unitA.id });
      await saveReport(platform, admin, {
        templateId: template.id,
        unitId: unitA.id,
        periodId: '2019-06',
        values: [{ indicatorId, breakdownKey: '', value: 5 }],
      });
      await updatePerson(platform, admin, personA.id, { phone: '0912 000 222' });

      const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0;
      const all = (text: string) =>
        count(text, /event: plans\n/) >= 2 && count(text, /event: reporting\n/) >= 2 && text.includes(personA.id);
      await until(() => all(ofRoot.text) && all(office.text), 'the Bloc-level subscribers to hear both units');
      await until(() => ofA.text.includes(personA.id) && count(ofA.text, /event: reporting\n/) >= 1, 'unit A');
      await new Promise((r) => setTimeout(r, 300));

      expect(ofRoot.text).toContain(personB.id);
      expect(ofRoot.text).toContain(unitB.id);
      // unit A's secretary hears unit A and nothing of unit B; no payload carries its scope
      expect(ofA.text).not.toContain(unitB.id);
      expect(ofA.text).not.toContain(personB.id);
      expect(count(ofA.text, /event: plans\n/)).toBe(1);
      expect(ofA.text).toContain(unitA.id);
      expect(ofRoot.text).not.toContain('"scope"');
    } finally {
      for (const s of [ofA, ofRoot, office]) s.abort.abort();
    }
    await until(() => active === 0, 'the streams to unsubscribe');
  });
});
