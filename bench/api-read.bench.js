// Authenticated reads through Kyniem's whole stack (session lookup, policy, database, JSON)
// against a bare node:http process answering the same bytes, both loaded the same way.
import fs from 'node:fs';
import { cpuMs, load, signIn, startBare, startKyniem, table } from './lib.js';

const WARM_UP_S = 2;
const DURATION_S = 8;
const CONNECTIONS = 10;

/** Two equal halves: mean throughput and median, the worse p99, the server's CPU per request. */
function combine([a, b]) {
  return {
    reqPerSec: (a.reqPerSec + b.reqPerSec) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: Math.max(a.p99, b.p99),
    cpuUs: ((a.cpuMs + b.cpuMs) * 1000) / (a.total + b.total),
  };
}

/** A load, with the CPU the server process spent on it. */
async function measured(pid, url, options) {
  const before = cpuMs(pid);
  const result = await load(url, options);
  return { ...result, cpuMs: cpuMs(pid) - before };
}

const kyniem = await startKyniem({ env: { KYNIEM_DEMO: '0' } });
const rows = [];
const lines = [];
try {
  const { cookie, csrfToken } = await signIn(kyniem.url);
  // A full page of accounts to list.
  for (let i = 1; i <= 40; i++) {
    const res = await fetch(`${kyniem.url}/api/accounts`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: `bench${i}`,
        displayName: `Người dùng thử ${i}`,
        password: 'bench-pass-123',
        grants: [{ role: 'viewer', unitId: null }],
      }),
    });
    if (res.status !== 201) throw new Error(`creating accounts: ${res.status} ${await res.text()}`);
  }

  const targets = [
    { name: 'api-read', path: '/api/auth/me' },
    { name: 'api-read-list', path: '/api/accounts?pageSize=20' },
  ];
  for (const target of targets) {
    const headers = { cookie };
    const sample = await fetch(`${kyniem.url}${target.path}`, { headers });
    if (sample.status !== 200) throw new Error(`${target.path}: ${sample.status}`);
    const body = await sample.text();
    const bare = await startBare(body);
    try {
      const kUrl = `${kyniem.url}${target.path}`;
      const bUrl = `${bare.url}${target.path}`;
      await load(kUrl, { connections: CONNECTIONS, duration: WARM_UP_S, headers });
      await load(bUrl, { connections: CONNECTIONS, duration: WARM_UP_S, headers });
      // Two halves each, interleaved, so that a change in the machine's other load falls on both.
      const half = { connections: CONNECTIONS, duration: DURATION_S / 2, headers };
      const runs = { k: [], b: [] };
      for (let i = 0; i < 2; i++) {
        runs.k.push(await measured(kyniem.child.pid, kUrl, half));
        runs.b.push(await measured(bare.child.pid, bUrl, half));
      }
      const k = combine(runs.k);
      const b = combine(runs.b);
      const cpu = (x) => Math.round(x.cpuUs);
      rows.push([`Kyniem GET ${target.path}`, Math.round(k.reqPerSec), k.p50, k.p99, cpu(k), Buffer.byteLength(body)]);
      rows.push([`bare node:http, same bytes`, Math.round(b.reqPerSec), b.p50, b.p99, cpu(b), Buffer.byteLength(body)]);
      lines.push(
        `bench ${target.name}: ${(k.reqPerSec / b.reqPerSec).toFixed(2)} of bare node:http ` +
          `(GET ${target.path}: Kyniem ${Math.round(k.reqPerSec)} req/s p99 ${k.p99} ms; bare ${Math.round(b.reqPerSec)} req/s p99 ${b.p99} ms)`,
      );
      lines.push(
        `bench ${target.name}-cpu: ${Math.round(k.cpuUs)} µs of server CPU per request, ${(k.cpuUs / b.cpuUs).toFixed(1)} × bare node:http's ${Math.round(b.cpuUs)} µs`,
      );
    } finally {
      await bare.stop();
    }
  }
} finally {
  const exit = await kyniem.stop();
  fs.rmSync(kyniem.dataDir, { recursive: true, force: true });
  if (exit.code !== 0) {
    console.error(`Kyniem did not stop cleanly: ${JSON.stringify(exit)}\n${kyniem.stderr()}`);
    process.exitCode = 1;
  }
}

console.log(
  `\n${CONNECTIONS} connections; ${WARM_UP_S} s warm-up, then ${DURATION_S} s each in two interleaved halves (p50: mean of the halves, p99: the worse; CPU: the server process's user + system time over its requests); SQLite, LOG_LEVEL=warn, the server compiled into dist/server\n`,
);
console.log(table(['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'bytes'], rows));
console.log('');
for (const line of lines) console.log(line);
