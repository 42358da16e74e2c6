import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listUsernames,
  signInOverHttp,
  startKyniemServer,
  type Env,
  type HttpSession,
  type ServerProcess,
} from '../support/processes.ts';

/**
 * What a write acknowledged by Kyniem is worth: the server is killed (SIGKILL, no chance to
 * clean up) at a random moment under concurrent writes, started again on the same data, and every
 * acknowledged write must still be there, in a database that passes SQLite's integrity check.
 * And a polite stop (SIGTERM) lets requests in flight finish and ends promptly with code 0.
 */

const ADMIN_PASSWORD = 'admin-pass-123';
const PROFILE_PASSWORD = 'profile-pass-123';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dataDir: string;
let env: Env;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-durability-'));
  env = { DATA_DIR: dataDir, KYNIEM_PASSWORD_COST: '10', KYNIEM_ADMIN_PASSWORD: ADMIN_PASSWORD, KYNIEM_DEMO: '0' };
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function checkDatabaseFile(file: string) {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // An account and its audit entry are written in one transaction: never one without the other.
    const orphans = db
      .prepare(
        "select u.username from users u where not exists (select 1 from audit_log a where a.action = 'user.create' and a.entity_id = u.id)",
      )
      .all();
    expect(orphans).toEqual([]);
  } finally {
    db.close();
  }
}

describe('durability of acknowledged writes', { timeout: 120_000 }, () => {
  const profiles: { id: string; username: string }[] = [];
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  beforeAll(async () => {
    server = await startKyniemServer(env);
    const admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
    for (let i = 1; i <= 3; i++) {
      const { status, body } = await admin.json('POST', '/api/accounts', {
        username: `profile${i}`,
        displayName: `Hồ sơ ${i}`,
        password: PROFILE_PASSWORD,
      });
      expect(status).toBe(201);
      profiles.push({ id: body.account.id, username: `profile${i}` });
    }
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    server = undefined;
  });

  for (const round of [1, 2, 3]) {
    it(`round ${round}: every acknowledged write survives a SIGKILL at a random moment`, async () => {
      server = await startKyniemServer(env);
      const admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
      const profileSessions = await Promise.all(
        profiles.map((p) => signInOverHttp(server!.url, p.username, PROFILE_PASSWORD)),
      );

      const acknowledged = new Set<string>();
      const attempted = new Set<string>();
      const lastAcked = profiles.map(() => 0);
      const lastSent = profiles.map(() => 0);
      const unexpected: string[] = [];
      let alive = true;

      const accountWriter = async (w: number) => {
        for (let n = 1; alive; n++) {
          const username = `r${round}-w${w}-${n}`;
          attempted.add(username);
          let res: Response;
          try {
            res = await admin.request('POST', '/api/accounts', {
              username,
              displayName: `Vòng ${round} người ${w}.${n}`,
              grants: [{ role: 'viewer', unitId: null }],
            });
          } catch {
            return; // the server is gone: this write was not acknowledged
          }
          if (res.status === 201) acknowledged.add(username);
          else unexpected.push(`POST /api/accounts → ${res.status} ${await res.text()}`);
        }
      };
      const profileWriter = async (i: number, session: HttpSession) => {
        for (let k = lastAcked[i] + 1; alive; k++) {
          lastSent[i] = k;
          let res: Response;
          try {
            res = await session.request('PATCH', '/api/auth/me', {
              displayName: `Hồ sơ ${i + 1} #${k}`,
              locale: k % 2 ? 'en' : 'vi',
            });
          } catch {
            return;
          }
          if (res.status === 200) lastAcked[i] = k;
          else unexpected.push(`PATCH /api/auth/me → ${res.status} ${await res.text()}`);
        }
      };

      const writers = [...[1, 2, 3].map(accountWriter), ...profileSessions.map((s, i) => profileWriter(i, s))];
      const killAfter = 500 + Math.random() * 1500;
      await sleep(killAfter);
      const exit = await server.stop('SIGKILL');
      alive = false;
      await Promise.all(writers);
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
      expect(unexpected).toEqual([]);
      expect(acknowledged.size, `writes acknowledged in ${Math.round(killAfter)} ms`).toBeGreaterThan(0);
      expect(lastAcked.every((k) => k > 0)).toBe(true);

      server = await startKyniemServer(env);
      const after = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
      const present = await listUsernames(after);
      const missing = [...acknowledged].filter((u) => !present.has(u));
      expect(missing, `acknowledged accounts lost after a kill at ${Math.round(killAfter)} ms`).toEqual([]);
      const phantoms = [...present].filter((u) => u.startsWith(`r${round}-`) && !attempted.has(u));
      expect(phantoms).toEqual([]);

      for (const [i, p] of profiles.entries()) {
        const { status, body } = await after.json('GET', `/api/accounts/${p.id}`);
        expect(status).toBe(200);
        const k = Number(/#(\d+)$/.exec(body.displayName)?.[1]);
        // The last acknowledged change, or a later one that was written but whose answer was lost.
        expect(k, `${p.username}: acknowledged #${lastAcked[i]}, sent up to #${lastSent[i]}`).toBeGreaterThanOrEqual(
          lastAcked[i],
        );
        expect(k).toBeLessThanOrEqual(lastSent[i]);
        expect(body.locale).toBe(k % 2 ? 'en' : 'vi');
      }

      checkDatabaseFile(path.join(dataDir, 'kyniem.db'));
      console.log(
        `round ${round}: killed after ${Math.round(killAfter)} ms; ${acknowledged.size} accounts and ${lastAcked.reduce((a, b) => a + b, 0)} profile changes acknowledged, all present`,
      );
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      server = undefined;
    });
  }
});

/** A POST whose body arrives in two parts, so that it is in flight when the signal comes. */
function slowPost(url: string, session: { cookie: string; csrfToken: string }, body: unknown) {
  const text = JSON.stringify(body);
  const { hostname, port } = new URL(url);
  const req = http.request({
    host: hostname,
    port,
    method: 'POST',
    path: '/api/accounts',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    },
  });
  const response = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
    req.on('response', (res) => {
      let data = '';
      res.setEncoding('utf8').on('data', (d: string) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: data, at: Date.now() }));
    });
    req.on('error', reject);
  });
  req.write(text.slice(0, 10));
  return { response, finish: () => req.end(text.slice(10)) };
}

async function rawSignIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0],
    csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

describe('graceful shutdown', { timeout: 60_000 }, () => {
  it('SIGTERM lets a request in flight finish, then exits with 0 promptly', async () => {
    const server = await startKyniemServer(env);
    try {
      const session = await rawSignIn(server.url, 'admin', ADMIN_PASSWORD);
      const post = slowPost(server.url, session, {
        username: 'in-flight',
        displayName: 'Đang gửi',
        password: 'in-flight-123',
      });
      await sleep(200);
      server.child.kill('SIGTERM');
      await sleep(500);
      post.finish();
      const response = await post.response;
      expect(response.status, response.body).toBe(201);
      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      // The response left before the process ended.
      expect(response.at).toBeLessThanOrEqual(Date.now());
      // The server never had to cut connections (it does so, and says so, 5 s after the signal).
      expect(server.output()).not.toMatch(/closing them/);
    } finally {
      await server.stop('SIGKILL');
    }

    // The acknowledged write is there after the restart.
    const again = await startKyniemServer(env);
    try {
      const admin = await signInOverHttp(again.url, 'admin', ADMIN_PASSWORD);
      expect((await listUsernames(admin)).has('in-flight')).toBe(true);
    } finally {
      expect(await again.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  });

  it('SIGTERM with a live-update stream open ends the stream cleanly, finishes the request in flight and exits with 0', async () => {
    const server = await startKyniemServer(env);
    try {
      const session = await rawSignIn(server.url, 'admin', ADMIN_PASSWORD);
      const stream = await fetch(`${server.url}/api/events?topics=accounts`, {
        headers: { cookie: session.cookie, accept: 'text/event-stream' },
      });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      const streamEnd = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return 'ended';
          received += decoder.decode(value);
        }
      })();
      while (!received.includes('event: ready')) await sleep(20);

      const post = slowPost(server.url, session, {
        username: 'during-stop',
        displayName: 'Khi dừng',
        password: 'during-stop-123',
      });
      await sleep(200);
      server.child.kill('SIGTERM');
      expect(await streamEnd).toBe('ended');
      post.finish();
      const response = await post.response;
      expect(response.status, response.body).toBe(201);
      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(server.output()).not.toMatch(/closing them/);
      expect(server.output()).not.toMatch(/"level":"error"/);
    } finally {
      await server.stop('SIGKILL');
    }
  });
});
