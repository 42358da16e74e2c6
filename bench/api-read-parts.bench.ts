// bench api-read-parts: where an authenticated read's CPU goes, without the kernel or a load
// generator in the figures. `bench api-read` measures through sockets with autocannon on the same
// two cores, and its ratio moves by ±30 % with whatever else the machine runs (ADR 42, ADR 44);
// here one process drives node:http's own IncomingMessage and ServerResponse, written to an
// in-memory socket, through @hono/node-server's listener, one request after another:
//   - bare node:http: the answer's bytes written as `bench api-read`'s bare server writes them;
//   - bare Hono: a Hono app on @hono/node-server answering the same object with `c.json`;
//   - Kyniem: the whole app (request context and security headers, the session, the guard, the
//     route) on a SQLite database, `GET /api/auth/me` with a signed-in cookie;
// three rounds, interleaved; the median of each. Prints microseconds a request and Kyniem's
// share above bare Hono, the part that is ours to cut.
// Run: node --import tsx bench/api-read-parts.bench.ts
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/server/app.ts';
import { ensureFirstAdmin } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { createLogger } from '../src/server/platform/logging/logger.ts';
import { startPlatform, stopPlatform } from '../src/server/platform/platform.ts';

const REQUESTS = 20_000;
const WARM_UP = 3_000;
const ROUNDS = 3;
const PASSWORD = 'bench-parts-pass-1';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-bench-parts-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  KYNIEM_PASSWORD_COST: '10',
  KYNIEM_ADMIN_PASSWORD: PASSWORD,
  KYNIEM_DEMO: '0',
});
const platform = await startPlatform(config, { logger: createLogger('warn') });

/** A socket that takes every byte and keeps only their count. */
class MemorySocket extends Duplex {
  bytes = 0;
  remoteAddress = '127.0.0.1';
  remotePort = 50_000;
  remoteFamily = 'IPv4';
  override _read() {}
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.bytes += chunk.length;
    done();
  }
  override _writev(chunks: { chunk: Buffer }[], done: () => void) {
    for (const c of chunks) this.bytes += c.chunk.length;
    done();
  }
  setTimeout() {
    return this;
  }
  setNoDelay() {
    return this;
  }
  setKeepAlive() {
    return this;
  }
}

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

try {
  await ensureFirstAdmin(platform);
  const app = createApp(platform, { webDir: null });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const sample = await app.request('/api/auth/me', { headers: { cookie } });
  if (sample.status !== 200) throw new Error(`GET /api/auth/me: ${sample.status}`);
  const body = await sample.text();

  const socket = new MemorySocket();
  const headers = { host: '127.0.0.1:3000', cookie, 'user-agent': 'bench', connection: 'keep-alive' };
  const rawHeaders = Object.entries(headers).flat();
  /** One request through node:http's objects, resolved when the answer is finished. */
  const request = (listener: Listener) =>
    new Promise<void>((resolve) => {
      const req = new http.IncomingMessage(socket as never);
      Object.assign(req, { method: 'GET', url: '/api/auth/me', httpVersion: '1.1', httpVersionMajor: 1 });
      Object.assign(req, { httpVersionMinor: 1, headers: { ...headers }, rawHeaders, complete: true });
      req.push(null);
      const res = new http.ServerResponse(req);
      res.shouldKeepAlive = true;
      res.assignSocket(socket as never);
      res.on('finish', () => {
        res.detachSocket(socket as never);
        resolve();
      });
      listener(req, res);
    });

  const bareBytes = Buffer.from(body);
  const bare: Listener = (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bareBytes.length });
    res.end(bareBytes);
  };
  const answer = JSON.parse(body);
  const hono = new Hono().get('/api/auth/me', (c) => c.json(answer));
  const listeners: [string, Listener][] = [
    ['bare node:http', bare],
    ['bare Hono', getRequestListener(hono.fetch) as Listener],
    ['Kyniem', getRequestListener(app.fetch) as Listener],
  ];

  const times = new Map<string, number[]>(listeners.map(([name]) => [name, []]));
  for (const [, l] of listeners) for (let i = 0; i < WARM_UP; i++) await request(l);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, l] of listeners) {
      const started = process.cpuUsage();
      for (let i = 0; i < REQUESTS; i++) await request(l);
      const used = process.cpuUsage(started);
      times.get(name)?.push((used.user + used.system) / REQUESTS);
    }
  }
  const median = (name: string) => [...(times.get(name) ?? [])].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
  const [b, h, k] = listeners.map(([name]) => median(name));
  console.log(`${REQUESTS} requests a round, ${ROUNDS} rounds interleaved; CPU microseconds a request (median):`);
  for (const [name] of listeners) console.log(`  ${name.padEnd(16)} ${median(name).toFixed(1)} µs`);
  console.log('');
  console.log(
    `bench api-read-parts: Kyniem ${k.toFixed(1)} µs a read in process, ${(k / h).toFixed(1)} × bare Hono's ${h.toFixed(1)} µs ` +
      `and ${(k / b).toFixed(1)} × bare node:http's ${b.toFixed(1)} µs; ${(k - h).toFixed(1)} µs (${Math.round((100 * (k - h)) / k)} %) above bare Hono`,
  );
} finally {
  await stopPlatform(platform);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
