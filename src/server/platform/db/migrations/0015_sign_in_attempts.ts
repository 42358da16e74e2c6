import type { Kysely } from 'kysely';

/**
 * Sign-in attempts counted before the password is checked (ADR 3): the pair of an account and an
 * address gets growing delays, written as the time its next attempt is allowed. The counters of the
 * old scheme are dropped (they last 15 minutes at most).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('login_throttle').execute();
  await db.schema.alterTable('login_throttle').addColumn('blocked_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_throttle').dropColumn('blocked_until').execute();
}
