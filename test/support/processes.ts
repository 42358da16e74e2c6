import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureServerBuilt } from '../../scripts/build-server.js';

/**
 * Kyniem as a real process: the `kyniem` command run to completion, or `kyniem serve` kept
 * running on a port of our choosing, with a client that signs in over HTTP the way a browser does.
 */
export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const kyniemBin = path.join(repoRoot, 'bin', 'kyniem.js');

/** Variables Kyniem reads: never inherited from the test runner, only what a test passes. */
const kyniemVariables = /^(PORT|HOST|DATA_DIR|DATABASE_URL|LOG_LEVEL|TRUST_PROXY|SESSION_.*|KYNIEM_.*)$/;

export type Env = Record<string, string | undefined>;

export function processEnv(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!kyniemVariables.test(k)) out[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

export type RunResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * The commands run the server compiled into dist/server, as `npm start` leaves it (ADR 1), built
 * once per test process when missing or stale.
 */
let built: Promise<string> | null = null;
const serverBuilt = () => (built ??= ensureServerBuilt());

/** Runs `node bin/kyniem.js <args>` to its end (killed after timeoutMs). */
export async function runKyniem(args: string[], env: Env, timeoutMs = 90_000): Promise<RunResult> {
  await serverBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kyniemBin, ...args], {
      cwd: repoRoot,
      env: processEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Resolves when the process has ended. */
  exited: Promise<Exit>;
  output(): string;
  /** Sends the signal and waits for the end (SIGKILL after timeoutMs). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
};

/** Starts `kyniem serve` and waits until GET /api/health answers 200. */
export async function startKyniemServer(env: Env, readyTimeoutMs = 60_000): Promise<ServerProcess> {
  await serverBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [kyniemBin, 'serve'], {
    cwd: repoRoot,
    env: processEnv({ HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let ended: Exit | null = null;
  void exited.then((e) => (ended = e));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    pid: child.pid!,
    port,
    url,
    exited,
    output: () => output,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (ended) return ended;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (ended) throw new Error(`kyniem serve ended before it was ready (${JSON.stringify(ended)}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`kyniem serve was not ready within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A signed-in browser-like client over real HTTP: the session cookie, and the CSRF token on writes. */
export type HttpSession = {
  request(method: string, path: string, body?: unknown): Promise<Response>;
  json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
};

export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie.startsWith('kyniem_session=')) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const session: HttpSession = {
    request(method, p, body) {
      const headers: Record<string, string> = { cookie };
      if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    },
    async json(method, p, body) {
      const r = await session.request(method, p, body);
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
  return session;
}

/** Every account's username, through the paginated API. */
export async function listUsernames(session: HttpSession): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const { status, body } = await session.json<{ items: { username: string }[]; total: number }>(
      'GET',
      `/api/accounts?pageSize=200&page=${page}`,
    );
    if (status !== 200) throw new Error(`GET /api/accounts → ${status}`);
    for (const a of body.items) names.add(a.username);
    if (body.items.length === 0 || page * 200 >= body.total) return names;
  }
}

/** sha256 of a file, or null when it does not exist. */
export function checksum(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
