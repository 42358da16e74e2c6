// Shared by the benchmarks: Kyniem and a bare node:http server as child processes, autocannon,
// and the few numbers we report. Every figure is printed beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ensureServerBuilt } from '../scripts/build-server.js';

export const repoRoot = path.resolve(import.meta.dirname, '..');
const kyniemBin = path.join(repoRoot, 'bin', 'kyniem.js');
export const ADMIN_PASSWORD = 'bench-admin-pass';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** GET without connection reuse; resolves to the status code, or 0 when nothing listens. */
function probe(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
  });
}

/**
 * Spawns a server process and waits until `readyPath` answers 200.
 * Returns the child, its port, and the milliseconds from spawn to ready.
 */
async function spawnUntilReady(args, env, port, readyPath, timeoutMs = 60_000) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const url = `http://127.0.0.1:${port}${readyPath}`;
  for (;;) {
    if (exited) throw new Error(`${args.join(' ')} ended before it was ready (${JSON.stringify(exited)}):\n${stderr}`);
    if ((await probe(url)) === 200) break;
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} was not ready within ${timeoutMs} ms:\n${stderr}`);
    }
    await sleep(5);
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    readyMs,
    stderr: () => stderr,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/**
 * `kyniem serve` on SQLite in dataDir (a fresh temporary one unless given), the server compiled
 * into dist/server as `npm start` runs it (built first when missing or stale); with
 * `KYNIEM_SOURCES: '1'` in env, the TypeScript sources through tsx.
 */
export async function startKyniem({ dataDir = tempDir('kyniem-bench-'), env = {} } = {}) {
  if (env.KYNIEM_SOURCES !== '1') await ensureServerBuilt();
  const port = await freePort();
  const fullEnv = { ...process.env };
  for (const k of Object.keys(fullEnv))
    if (/^(PORT|HOST|DATA_DIR|DATABASE_URL|LOG_LEVEL|TRUST_PROXY|SESSION_.*|KYNIEM_.*)$/.test(k)) delete fullEnv[k];
  Object.assign(fullEnv, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    KYNIEM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    KYNIEM_PASSWORD_COST: '10',
    ...env,
  });
  const server = await spawnUntilReady([kyniemBin, 'serve'], fullEnv, port, '/api/health');
  return { ...server, dataDir };
}

/** A bare node:http server in its own process, answering every request with `body` as JSON. */
export async function startBare(body = '{"status":"ok"}') {
  const port = await freePort();
  const source = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BARE_BODY, 'utf8');
    http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    }).listen(Number(process.env.BARE_PORT), '127.0.0.1');
    process.on('SIGTERM', () => process.exit(0));
  `;
  return spawnUntilReady(['-e', source], { ...process.env, BARE_PORT: String(port), BARE_BODY: body }, port, '/');
}

export async function signIn(url, username = 'admin', password = ADMIN_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = await res.json();
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrfToken };
}

/** autocannon against url; fails on any error or non-2xx answer. */
export async function load(url, { connections = 10, duration = 8, headers = {} } = {}) {
  const result = await autocannon({ url, connections, duration, headers });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/**
 * CPU time a process has used so far (user + system, all threads), in ms, from /proc. On a
 * machine shared with other work, CPU per request varies less than requests per second.
 */
export function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ)
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return kb / 1024;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map(
      (r, ri) =>
        r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') +
        (ri === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : ''),
    )
    .join('\n');
}
