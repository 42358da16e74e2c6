import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { ADMIN_PASSWORD } from './support.ts';

/**
 * Starts a `kyniem serve` for each journey worker, each on a free port with a fresh data
 * directory, waits until every /api/health answers, and hands their addresses to the tests. The
 * returned function stops them again. Builds nothing: dist/web must already hold the built web app.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseURL: string, server: ChildProcess, index: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`kyniem serve exited with code ${server.exitCode}; see test-results/e2e-server-${index}.log`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`kyniem serve did not become healthy within ${timeoutMs} ms`);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

type JourneyServer = { baseURL: string; process: ChildProcess; dataDir: string; log: number };

/** One `kyniem serve` on a free port with a fresh data directory; the demo data load on its first start. */
async function startServer(index: number): Promise<JourneyServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kyniem-e2e-${index}-`));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(repoRoot, `test-results/e2e-server-${index}.log`), 'w');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|KYNIEM_|SESSION_|TRUST_PROXY)/.test(k)) delete env[k];
  const server = spawn(process.execPath, ['bin/kyniem.js', 'serve'], {
    cwd: repoRoot,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KYNIEM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      KYNIEM_PASSWORD_COST: '10',
      LOG_LEVEL: 'info',
      // The day's reminders at 00:00 in Việt Nam, so that they have gone out when a journey starts
      // whatever the hour (at the default 07:00, a run between 17:00 and 24:00 UTC found none yet).
      KYNIEM_REMINDER_HOUR: '0',
      // Every answer the journeys see is checked against its route's declared schema (ADR 14).
      KYNIEM_CHECK_RESPONSES: '1',
    },
    stdio: ['ignore', log, log],
  });
  try {
    // Minutes, not seconds, on a machine other runs share: two servers load the demo at once
    // (KYNIEM_E2E_START_MS changes the wait).
    await waitForHealth(baseURL, server, index, Number(process.env.KYNIEM_E2E_START_MS) || 420_000);
  } catch (err) {
    await stop(server);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return { baseURL, process: server, dataDir, log };
}

async function stopServer(s: JourneyServer): Promise<void> {
  await stop(s.process);
  fs.closeSync(s.log);
  fs.rmSync(s.dataDir, { recursive: true, force: true });
}

/**
 * Starts one server per worker (ADR 40), side by side, and lists their addresses for
 * playwright.config.ts, where each worker takes the one at its TEST_PARALLEL_INDEX.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is not built: run "node_modules/.bin/vite build" before the browser tests');
  }
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  const count = Math.max(1, config.workers);
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => startServer(i + 1)));
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = started.find((r) => r.status === 'rejected');
  if (failure) {
    await Promise.all(servers.map(stopServer));
    throw failure.reason;
  }
  process.env.KYNIEM_E2E_BASE_URLS = servers.map((s) => s.baseURL).join(' ');

  return async () => {
    await Promise.all(servers.map(stopServer));
  };
}
