import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Sign-in attempt limits, kept in the database so every app process sees the same counts.
 * Three counters over a 15-minute window:
 *   - per account and address (5): stops guessing one password from one place;
 *   - per account (30): stops guessing spread over many addresses, but only for the rest of the
 *     window, so an attacker can never lock a real user out for longer than 15 minutes, and a
 *     successful sign-in from the user's own address clears that address's counter;
 *   - per address (100): stops one address trying many accounts; high enough for an office behind NAT.
 */
export const WINDOW_MS = 15 * 60 * 1000;

type Rule = { key: (username: string, ip: string) => string; max: number };
const rules: Rule[] = [
  { key: (u, ip) => `user-ip:${u}|${ip}`, max: 5 },
  { key: (u) => `user:${u}`, max: 30 },
  { key: (_u, ip) => `ip:${ip}`, max: 100 },
];

/** Seconds to wait before the next attempt is allowed; 0 when allowed now. */
export async function retryAfterSeconds(db: Db, username: string, ip: string, now: Date): Promise<number> {
  const keys = rules.map((r) => r.key(username, ip));
  const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  let wait = 0;
  for (const rule of rules) {
    const row = rows.find((r) => r.key === rule.key(username, ip));
    if (!row || row.failures < rule.max) continue;
    const ends = Date.parse(row.window_started_at) + WINDOW_MS;
    if (ends > now.getTime()) wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(db: Db, username: string, ip: string, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  for (const rule of rules) {
    await db
      .insertInto('login_throttle')
      .values({ key: rule.key(username, ip), failures: 1, window_started_at: nowIso })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when login_throttle.window_started_at < ${cutoff} then 1 else login_throttle.failures + 1 end`,
          window_started_at: sql`case when login_throttle.window_started_at < ${cutoff} then ${nowIso} else login_throttle.window_started_at end`,
        }),
      )
      .execute();
  }
}

export async function clearAfterSuccess(db: Db, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', rules[0].key(username, ip)).execute();
}

export async function purgeExpired(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  const r = await db.deleteFrom('login_throttle').where('window_started_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
