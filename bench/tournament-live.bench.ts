// bench tournament-live: the time for a point scored on the umpire's phone to reach a second
// browser, over 100 points. Two `kyniem serve` processes on one PostgreSQL database: the umpire
// posts each point to process A; the "second browser" is an SSE reader of the tournament's public
// live channel on process B (the event crosses processes by LISTEN/NOTIFY). The baseline, in the
// same run, is a bare events-channel round trip: a NOTIFY sent straight to the channel, delivered
// by B to the same reader. Prints p50/p95 of both and the ratio of the medians. Then the cost of
// one point on the server: the same route in this process, on the same database, with every
// round trip to PostgreSQL counted at the driver (BEGIN and COMMIT included) and the server time
// per point.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ADMIN_PASSWORD, repoRoot, signIn, startKyniem } from './lib.js';
import { createApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { createLogger } from '../src/server/platform/logging/logger.ts';
import { startPlatform, stopPlatform } from '../src/server/platform/platform.ts';

const POINTS = 100;
const WARM_UP = 10;
const pgBase = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `kyniem_bench_live_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(pgBase);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const admin = new pg.Client({ connectionString: pgBase });
await admin.connect();
await admin.query(`create database ${dbName}`);

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

type Sse = { next(change: string): Promise<number>; close(): void };
/** Reads a server-sent events stream; next() resolves with the arrival time of the next `tournament` event of that change. */
async function sse(url: string): Promise<Sse> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (res.status !== 200) throw new Error(`live channel: ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const arrived: { change: string; at: number }[] = [];
  let waiting = null as (() => void) | null;
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'ready') ready();
        if (event === 'tournament' && data) {
          arrived.push({ change: JSON.parse(data).change, at });
          waiting?.();
        }
      }
    }
  })();
  await isReady;
  return {
    async next(change) {
      for (;;) {
        const i = arrived.findIndex((a) => a.change === change);
        if (i >= 0) return arrived.splice(i, 1)[0].at;
        await new Promise<void>((r) => (waiting = r));
        waiting = null;
      }
    },
    close: () => controller.abort(),
  };
}

let a: Awaited<ReturnType<typeof startKyniem>> | null = null;
let b: Awaited<ReturnType<typeof startKyniem>> | null = null;
try {
  // The demo data (whose workers play the match) loaded first by `kyniem demo`: a start that loads
  // it can outlast the helpers' wait for health on a busy machine.
  a = await startKyniem({ env: { DATABASE_URL: dbUrl, KYNIEM_DEMO: '0' } });
  await a.stop();
  const loaded = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kyniem.js'), 'demo'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: dbUrl, KYNIEM_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (loaded.status !== 0) throw new Error(`kyniem demo: ${loaded.stderr}`);
  a = await startKyniem({ env: { DATABASE_URL: dbUrl, KYNIEM_DEMO: '0' } });
  b = await startKyniem({ env: { DATABASE_URL: dbUrl, KYNIEM_DEMO: '0' } });
  const { cookie, csrfToken } = await signIn(a.url);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${a!.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  // A match between two of the demo tournament's players, in a tournament of its own.
  const demo = (await call('GET', '/api/tournaments')).items.find((t: { code: string }) => t.code === 'CL2019');
  const demoMs = (await call('GET', `/api/tournaments/${demo.id}`)).events.find(
    (e: { code: string }) => e.code === 'MS',
  );
  const demoEntries = (
    await call('GET', `/api/tournaments/${demo.id}/entries?eventId=${demoMs.id}&status=confirmed`)
  ).items.slice(0, 2);
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const code = `BENCH-${randomBytes(3).toString('hex')}`;
  const t = await call('POST', '/api/tournaments', {
    code,
    name: 'Đo độ trễ trực tiếp',
    venue: 'Nhà thi đấu',
    startsOn: day,
    endsOn: day,
    entryDeadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    courts: [{ name: 'Sân 1', hours: [{ day, from: '07:30', to: '11:30' }] }],
  });
  const ev = await call('POST', `/api/tournaments/${t.id}/events`, {
    code: 'MS',
    name: 'Đơn nam',
    kind: 'MS',
    format: 'knockout',
  });
  for (const e of demoEntries)
    await call('POST', `/api/tournaments/${t.id}/entries`, {
      eventId: ev.id,
      unitId: e.unit.id,
      personIds: [e.players[0].id],
    });
  for (const e of (await call('GET', `/api/tournaments/${t.id}/entries`)).items)
    await call('POST', `/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' });
  const draw = await call('POST', `/api/tournaments/${t.id}/events/${ev.id}/draw`, { randomSeed: code });
  const rallies = `/api/tournaments/${t.id}/matches/${draw.matches[0].id}/rallies`;
  let seq = 0;
  const op = (body: object) => ({ id: randomBytes(8).toString('hex'), seq: ++seq, ...body });
  await call('POST', rallies, { ops: [op({ kind: 'start', start: { server: 0, leftEnd: 0 } })] });

  const browser = await sse(`${b.url}/api/public/tournaments/${code}/live`);
  const notifier = new pg.Client({ connectionString: dbUrl });
  await notifier.connect();

  // The baseline: a bare NOTIFY on the events channel, to the same reader through B.
  const bare: number[] = [];
  const payload = JSON.stringify({ topic: 'tournament', data: { change: 'bench', tournamentId: t.id } });
  for (let i = 0; i < WARM_UP + POINTS; i++) {
    const t0 = performance.now();
    await notifier.query('select pg_notify($1, $2)', ['kyniem_events_public', payload]);
    const at = await browser.next('bench');
    if (i >= WARM_UP) bare.push(at - t0);
  }
  // Points: the sides alternate, so game 1 goes to 30-29 and game 2 is in play at the end
  // (the warm-up points are points of the match too); each is posted once the last has arrived.
  const live: number[] = [];
  for (let i = 0; i < WARM_UP + POINTS; i++) {
    const t0 = performance.now();
    await call('POST', rallies, { ops: [op({ kind: 'point', side: i % 2 })] });
    const at = await browser.next('score');
    if (i >= WARM_UP) live.push(at - t0);
  }
  browser.close();
  await notifier.end();

  // The cost of a point: the route in this process, every query to PostgreSQL counted.
  let roundTrips = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    roundTrips++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const database = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 2 });
  const platform = await startPlatform(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: dbUrl }), {
    database,
    logger: createLogger('silent'),
  });
  const app = createApp(platform, { webDir: null });
  const perPoint: number[] = [];
  const serverMs: number[] = [];
  // The match is in its second game (26-25 after the points above); six more points keep it there.
  for (let i = 0; i < 6; i++) {
    const body = JSON.stringify({ ops: [op({ kind: 'point', side: i % 2 })] });
    const before = roundTrips;
    const t0 = performance.now();
    const res = await app.request(rallies, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`in-process point: ${res.status} ${await res.text()}`);
    await res.json();
    serverMs.push(performance.now() - t0);
    perPoint.push(roundTrips - before);
  }
  pg.Client.prototype.query = query;
  await stopPlatform(platform);
  console.log(
    `one point on the server (in-process, PostgreSQL, ${seq - 1} entries in the log): ${quantile(perPoint, 0.5)} queries (${perPoint.join(', ')}), p50 ${quantile(serverMs, 0.5).toFixed(1)} ms`,
  );

  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const [l50, l95, b50, b95] = [quantile(live, 0.5), quantile(live, 0.95), quantile(bare, 0.5), quantile(bare, 0.95)];
  console.log(`point → second browser (POST to A, SSE from B, PostgreSQL): p50 ${f(l50)}, p95 ${f(l95)}`);
  console.log(`bare events-channel round trip (NOTIFY → SSE from B):     p50 ${f(b50)}, p95 ${f(b95)}`);
  console.log(
    `bench tournament-live: p50 ${f(l50)} p95 ${f(l95)} over ${POINTS} points; ${(l50 / b50).toFixed(1)}x the bare channel's p50; ${quantile(perPoint, 0.5)} queries per point`,
  );
} finally {
  await b?.stop();
  await a?.stop();
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
}
