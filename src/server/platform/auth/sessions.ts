import crypto, { randomBytes } from 'node:crypto';
import { sqliteChangeStamp, type Db } from '../db/database.ts';
import { compileOnce } from '../db/compiled.ts';
import type { Grant } from '../policy/policy.ts';
import type { Role } from '../policy/permissions.ts';
import type { Principal } from '../http/context.ts';

/**
 * Sessions live in the database; the browser holds a random token in an HTTP-only cookie and
 * the database holds only its SHA-256, so a copy of the database signs no one in.
 * A session ends after SESSION_IDLE_MINUTES without use or SESSION_MAX_HOURS after sign-in.
 */
export const SESSION_COOKIE = 'kyniem_session';
const TOUCH_EVERY_MS = 60_000;

// node ≥ 20.12 hashes a short string in one call, without a Hash object (a third of the time).
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
export const hashToken = (token: string) => sha256Hex(token);
export const newToken = () => randomBytes(32).toString('base64url');
export const looksLikeToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * The session cookie's value in a `Cookie` header, or undefined: the first `kyniem_session=` that
 * begins a cookie (at the start or after a `;` and blanks), its value up to the next `;`, blanks
 * trimmed, quotes taken off and `%` escapes decoded, as Hono's `getCookie` reads it. Written out
 * because Hono's general parser (a split, two regular expressions a cookie) was a twentieth of an
 * authenticated read (ADR 42); `principalForToken` checks the value's shape in any case.
 */
export function sessionTokenIn(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const name = `${SESSION_COOKIE}=`;
  for (let at = header.indexOf(name); at !== -1; at = header.indexOf(name, at + 1)) {
    let before = at - 1;
    while (before >= 0 && isBlank(header.charCodeAt(before))) before--;
    if (before >= 0 && header.charCodeAt(before) !== 59 /* ; */) continue;
    const end = header.indexOf(';', at);
    let value = header.slice(at + name.length, end === -1 ? header.length : end).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

const isBlank = (code: number) => code === 32 || code === 9;

export type SessionLimits = { idleMinutes: number; maxHours: number };

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  limits: SessionLimits,
  now: Date,
): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + limits.maxHours * 3600_000);
  const sessionId = hashToken(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId, csrfToken, expiresAt };
}

export async function grantsOf(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db.selectFrom('role_grants').select(['role', 'unit_id']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unit_id }));
}

/**
 * The session, its user and the user's grants in one query (a row per grant, one row with no
 * grant when there is none): one round trip to PostgreSQL per request, compiled once.
 */
const sessionLookup = compileOnce(['id'], (db: Db, value) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as userId',
      'users.username',
      'users.display_name',
      'users.locale',
      'users.is_active',
      'users.must_change_password',
      'role_grants.role',
      'role_grants.unit_id',
    ])
    .where('sessions.id', '=', value('id')),
);

type SessionRow = Awaited<ReturnType<typeof sessionLookup.execute>>[number];

/**
 * On SQLite, the session rows last read, by the cookie's token, kept only while the database is
 * provably unchanged: `sqliteChangeStamp` is the same object until another connection or process
 * commits anything (`PRAGMA data_version`) or this connection runs any statement that may write.
 * Any change at all — a sign-out, a disabled account, a changed grant, a touch of `last_seen_at`,
 * or any unrelated write — drops every kept row, so the next request reads the database again.
 * The expiry and idle limits are checked on every request against the rows as read. A row is
 * also read again after a second whatever happened, and at most 1,000 are kept. Never on
 * PostgreSQL (no such stamp: every request reads), nor inside a transaction. Kept by the token
 * itself, so that a kept session costs no SHA-256 (the token is in this process's memory with
 * every request that carries it; the database still holds only its hash).
 */
const KEEP_MS = 1000;
const KEEP_AT_MOST = 1000;
type Kept = { id: string; rows: SessionRow[]; readAt: number };
const recentSessions = new WeakMap<object, { stamp: object; byToken: Map<string, Kept> }>();

async function sessionRows(db: Db, token: string, now: number): Promise<Kept> {
  const stamp = sqliteChangeStamp(db);
  if (!stamp) {
    const id = hashToken(token);
    return { id, rows: await sessionLookup.execute(db, { id }), readAt: now };
  }
  let kept = recentSessions.get(db);
  if (!kept || kept.stamp !== stamp) {
    kept = { stamp, byToken: new Map() };
    recentSessions.set(db, kept);
  }
  const hit = kept.byToken.get(token);
  if (hit && now - hit.readAt < KEEP_MS && hit.readAt <= now) return hit;
  // Read at once after the stamp (no await between): nothing can have changed in between.
  const id = hashToken(token);
  const read = { id, rows: await sessionLookup.execute(db, { id }), readAt: now };
  if (kept.byToken.size >= KEEP_AT_MOST) kept.byToken.clear();
  kept.byToken.set(token, read);
  return read;
}

/**
 * The principal for a cookie token, or null when the session is unknown, over or its user
 * disabled. Read from the database on every request, so that a sign-out, a disabled account or a
 * changed grant takes effect at once in every process — on SQLite the rows of a request before
 * are used again only while the database is provably unchanged (`sessionRows`) —; the touch of
 * `last_seen_at` is spared, to at most once a minute.
 */
export async function principalForToken(
  db: Db,
  token: string,
  limits: SessionLimits,
  now: Date,
): Promise<Principal | null> {
  if (!looksLikeToken(token)) return null;
  const { id, rows } = await sessionRows(db, token, now.getTime());
  const row = rows[0];
  if (!row) return null;
  const idleEnds = Date.parse(row.last_seen_at) + limits.idleMinutes * 60_000;
  if (row.is_active !== 1 || Date.parse(row.expires_at) <= now.getTime() || idleEnds <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const grants: Grant[] = [];
  for (const r of rows) if (r.role !== null) grants.push({ role: r.role as Role, unitId: r.unit_id });
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale === 'en' ? 'en' : 'vi',
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.sessionId,
    csrfToken: row.csrf_token,
    grants,
  };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but `keep`. */
export async function endSessionsOf(db: Db, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

export async function purgeExpiredSessions(db: Db, now: Date, idleMinutes: number): Promise<number> {
  const idleCutoff = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  const r = await db
    .deleteFrom('sessions')
    .where((w) => w.or([w('expires_at', '<=', now.toISOString()), w('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
