import type { Platform } from '../platform.ts';
import { recordAudit, type Actor } from '../audit/record.ts';
import { AppError, fail } from '../http/errors.ts';
import type { Principal } from '../http/context.ts';
import { passwordProblem } from './passwords.ts';
import { createSession, endSession, endSessionsOf, grantsOf } from './sessions.ts';
import { admitAttempt, afterSuccess } from './throttle.ts';
import { findUserByUsername, setPassword, toUserView } from './users.ts';

const wrongCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

// Verified against when the username is unknown, so both cases take the same time.
let decoyHash: Promise<string> | null = null;

export async function signIn(
  platform: Platform,
  input: { username: string; password: string },
  meta: { ip: string; userAgent: string | null; requestId: string },
) {
  const { db, passwords } = platform;
  // Sessions and sign-in throttling run on real time, whatever the demo date (ADR 30).
  const now = platform.wallClock();
  const username = input.username.toLowerCase();
  // Counted before the (slow) hash, atomically: only attempts under the limits are checked (ADR 3).
  const admission = await admitAttempt(db, username, meta.ip, now);
  if (!admission.admitted) throw fail.tooManyRequests(admission.retryAfterSeconds);

  const user = await findUserByUsername(db, username);
  decoyHash ??= passwords.hash('decoy-password-never-matches');
  const ok = user
    ? await passwords.verify(input.password, user.password_hash)
    : (await passwords.verify(input.password, await decoyHash), false);
  if (!user || !ok || user.is_active !== 1) throw wrongCredentials(); // already counted
  await afterSuccess(db, admission.attempt, now);
  if (passwords.needsRehash(user.password_hash)) {
    await db
      .updateTable('users')
      .set({ password_hash: await passwords.hash(input.password) })
      .where('id', '=', user.id)
      .execute();
  }
  const session = await createSession(
    db,
    user.id,
    { ip: meta.ip, userAgent: meta.userAgent },
    { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours },
    now,
  );
  const actor: Actor = { userId: user.id, name: user.username, requestId: meta.requestId, ip: meta.ip };
  await recordAudit(db, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id }, now);
  return { session, user: toUserView(user), grants: await grantsOf(db, user.id) };
}

export async function signOut(platform: Platform, principal: Principal, actor: Actor) {
  await platform.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('id', '=', principal.sessionId).execute();
    await recordAudit(
      tx,
      actor,
      { action: 'auth.sign_out', entityType: 'user', entityId: principal.userId },
      platform.clock(),
    );
  });
}

export async function changeOwnPassword(
  platform: Platform,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
) {
  const { db, passwords, clock } = platform;
  const row = await db.selectFrom('users').selectAll().where('id', '=', principal.userId).executeTakeFirstOrThrow();
  if (!(await passwords.verify(input.currentPassword, row.password_hash))) {
    throw new AppError(
      400,
      'WRONG_CURRENT_PASSWORD',
      { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
      [
        {
          in: 'body',
          path: 'currentPassword',
          code: 'wrong',
          messages: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
        },
      ],
    );
  }
  const problem = passwordProblem(input.newPassword, row.username);
  if (problem === 'same_as_username' || input.newPassword === input.currentPassword) {
    const messages = {
      vi: 'Mật khẩu mới phải khác mật khẩu cũ và khác tên đăng nhập.',
      en: 'The new password must differ from the old one and from the username.',
    };
    throw new AppError(400, 'WEAK_PASSWORD', messages, [{ in: 'body', path: 'newPassword', code: 'weak', messages }]);
  }
  await db.transaction().execute(async (tx) => {
    await setPassword(
      tx,
      passwords,
      principal.userId,
      input.newPassword,
      false,
      actor,
      'user.password_change',
      clock(),
    );
  });
  // Other devices signed in with the old password are signed out.
  await endSessionsOf(db, principal.userId, principal.sessionId);
}

export { endSession };
