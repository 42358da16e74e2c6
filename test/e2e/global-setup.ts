import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { ADMIN_PASSWORD } from './support.ts';

/**
 * Starts `kyniem serve` on a free port with a fresh data directory, waits until /api/health
 * answers, and hands its address to the tests. The returned function stops it again.
 * Builds nothing: dist/web must already hold the built web app.
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

async function waitForHealth(baseURL: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`kyniem serve exited with code ${server.exitCode}; see test-results/e2e-server.log`);
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

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (!fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is not built: run "node_modules/.bin/vite build" before the browser tests');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;

  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  const log = fs.openSync(path.join(repoRoot, 'test-results/e2e-server.log'), 'w');
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
      // Every answer the journeys see is checked against its route's declared schema (ADR 14).
      KYNIEM_CHECK_RESPONSES: '1',
    },
    stdio: ['ignore', log, log],
  });

  try {
    // a loaded machine may take longer to start and load the demo: KYNIEM_E2E_START_MS raises the wait
    await waitForHealth(baseURL, server, Number(process.env.KYNIEM_E2E_START_MS) || 180_000);
  } catch (err) {
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  process.env.KYNIEM_E2E_BASE_URL = baseURL;

  return async () => {
    await stop(server);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
