import type { Kysely } from 'kysely';

/**
 * The ceremony's rehearsal and invitation (issue 16): the passages the MC read at a rehearsal with
 * the seconds each took (the syllables-per-minute pace is calibrated from them), and the invitation
 * letter's number from the office's outgoing register with its date and signer, printed on every
 * guest's letter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ceremonies')
    .addColumn('rehearsal_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('ceremonies').addColumn('invitation_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ceremonies').dropColumn('invitation_json').execute();
  await db.schema.alterTable('ceremonies').dropColumn('rehearsal_json').execute();
}
