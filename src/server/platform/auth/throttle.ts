import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Sign-in limits (ADR 3), kept in the database so every app process sees the same counts, and
 * counted BEFORE the password is checked, each by one atomic statement: an attempt is admitted only
 * by the statement that counts it, so fifty attempts sent at once are fifty increments in turn and
 * only those under the limit reach the (slow) password hash.
 *
 *  - The pair of an account and an address: 5 attempts, then growing delays — the next attempt is
 *    allowed after 1, 2, 4, 8, then every 15 minutes — until a success from that pair, or a day after
 *    the run began. The one who guesses is slowed; nobody else is.
 *  - Ceilings over 15 minutes, only for pairs that have not signed in successfully in the last 90
 *    days: 30 attempts per account (guessing spread over many addresses), 100 per address (one
 *    address trying many accounts). So one person behind an office's shared address can exhaust
 *    the address's ceiling, but everyone who signs in there as usual keeps signing in, and an
 *    attacker elsewhere cannot lock a user out at their own desk.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const PAIR_FREE_ATTEMPTS = 5;
/** The wait before each attempt past the free ones, in minutes; the last repeats. */
export const PAIR_DELAYS_MINUTES = [1, 2, 4, 8, 15] as const;
export const PAIR_RUN_MS = 24 * 3600_000;
export const ACCOUNT_CEILING = 30;
export const ADDRESS_CEILING = 100;
export const KNOWN_PAIR_MS = 90 * 24 * 3600_000;

const pairKey = (u: string, ip: string) => `pair:${u}|${ip}`;
const knownKey = (u: string, ip: string) => `known:${u}|${ip}`;
const ceilings = [
  { key: (u: string) => `user:${u}`, max: ACCOUNT_CEILING },
  { key: (_u: string, ip: string) => `ip:${ip}`, max: ADDRESS_CEILING },
];

/** An admitted attempt: what to undo if it succeeds. */
export type Attempt = { username: string; ip: string; counted: string[] };
export type Admission = { admitted: true; attempt: Attempt } | { admitted: false; retryAfterSeconds: number };

const secondsUntil = (iso: string, now: Date) => Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));

/** Adds one to a 15-minute counter (a fresh window if the last one ended) and returns the new count. */
async function countInWindow(db: Db, key: string, now: Date): Promise<{ count: number; windowStartedAt: string }> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: nowIso, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when login_throttle.window_started_at < ${cutoff} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when login_throttle.window_started_at < ${cutoff} then ${nowIso} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.failures), windowStartedAt: row.window_started_at };
}

async function giveBack(db: Db, keys: string[]): Promise<void> {
  if (keys.length)
    await db
      .updateTable('login_throttle')
      .set({ failures: sql`login_throttle.failures - 1` })
      .where('key', 'in', keys)
      .where('failures', '>', 0)
      .execute();
}

/**
 * Counts one attempt of `username` from `ip` and says whether its password may be checked. Call it
 * before the hash; then `afterSuccess` if the password was right (a failure is already counted).
 */
export async function admitAttempt(db: Db, username: string, ip: string, now: Date): Promise<Admission> {
  const nowIso = now.toISOString();
  const known = await db
    .selectFrom('login_throttle')
    .select('key')
    .where('key', '=', knownKey(username, ip))
    .where('window_started_at', '>=', new Date(now.getTime() - KNOWN_PAIR_MS).toISOString())
    .executeTakeFirst();

  // The ceilings first (unless the pair is known), so an attempt they refuse costs the pair nothing.
  const counted: string[] = [];
  if (!known) {
    for (const ceiling of ceilings) {
      const key = ceiling.key(username, ip);
      const { count, windowStartedAt } = await countInWindow(db, key, now);
      counted.push(key);
      if (count > ceiling.max) {
        await giveBack(db, counted.slice(0, -1));
        return {
          admitted: false,
          retryAfterSeconds: secondsUntil(new Date(Date.parse(windowStartedAt) + WINDOW_MS).toISOString(), now),
        };
      }
    }
  }

  // The pair: one conditional UPDATE admits the attempt (and sets the next one's delay) or not.
  const key = pairKey(username, ip);
  await db
    .insertInto('login_throttle')
    .values({ key, failures: 0, window_started_at: nowIso, blocked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const runCutoff = new Date(now.getTime() - PAIR_RUN_MS).toISOString();
  const fresh = sql<boolean>`login_throttle.window_started_at < ${runCutoff}`;
  const next = sql<number>`(case when ${fresh} then 1 else login_throttle.failures + 1 end)`;
  const until = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const delays = PAIR_DELAYS_MINUTES.map((m, i) => sql`when ${next} = ${PAIR_FREE_ATTEMPTS + i} then ${until(m)}`);
  const admitted = await db
    .updateTable('login_throttle')
    .set({
      failures: next,
      window_started_at: sql`case when ${fresh} then ${nowIso} else login_throttle.window_started_at end`,
      blocked_until: sql`case when ${next} < ${PAIR_FREE_ATTEMPTS} then null ${sql.join(delays, sql` `)} else ${until(PAIR_DELAYS_MINUTES.at(-1)!)} end`,
    })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', nowIso)]))
    .returning('failures')
    .executeTakeFirst();
  if (!admitted) {
    await giveBack(db, counted);
    const row = await db.selectFrom('login_throttle').select('blocked_until').where('key', '=', key).executeTakeFirst();
    return { admitted: false, retryAfterSeconds: row?.blocked_until ? secondsUntil(row.blocked_until, now) : 1 };
  }
  return { admitted: true, attempt: { username, ip, counted } };
}

/** The password was right: the pair starts afresh and is known from now on; the ceilings get their count back. */
export async function afterSuccess(db: Db, attempt: Attempt, now: Date): Promise<void> {
  const { username, ip } = attempt;
  await db.deleteFrom('login_throttle').where('key', '=', pairKey(username, ip)).execute();
  await giveBack(db, attempt.counted);
  await db
    .insertInto('login_throttle')
    .values({ key: knownKey(username, ip), failures: 0, window_started_at: now.toISOString(), blocked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_started_at: now.toISOString() }))
    .execute();
}

/** Housekeeping: ceilings whose window ended, pairs whose run ended and whose delay passed, pairs not known any more. */
export async function purgeExpired(db: Db, now: Date): Promise<number> {
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const nowIso = now.toISOString();
  const r = await db
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        eb.and([eb('key', 'like', 'known:%'), eb('window_started_at', '<', at(KNOWN_PAIR_MS))]),
        eb.and([
          eb('key', 'like', 'pair:%'),
          eb('window_started_at', '<', at(PAIR_RUN_MS)),
          eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', nowIso)]),
        ]),
        eb.and([
          eb.or([eb('key', 'like', 'user:%'), eb('key', 'like', 'ip:%')]),
          eb('window_started_at', '<', at(WINDOW_MS)),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
