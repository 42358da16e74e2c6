import type { Kysely } from 'kysely';

/**
 * A festival act's backing track length (issue 15), read by the server from the uploaded audio's
 * own headers when the act is entered (seconds, rounded up). Kept apart from the time measured on
 * the night: the ceremony takes the night's timing first, then the track's, then the declared.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('festival_entries').addColumn('track_seconds', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('festival_entries').dropColumn('track_seconds').execute();
}
