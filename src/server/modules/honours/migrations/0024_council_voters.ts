import { sql, type Kysely } from 'kysely';

/**
 * Who votes on a Council session (issue 13): the roster keeps, per member, whether they vote. The
 * Office's secretary sits as Thư ký to run the procedure and does not vote, so they are neither in
 * the quorum's count nor in the base of the majority. Existing rosters: whoever sits as secretary
 * is taken not to vote (until now only the Office's secretary sat so); a new roster asks the
 * grants (council.ts: a secretary who also holds `honours.vote` votes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('honour_session_members')
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update honour_session_members set votes = 0 where role = 'secretary'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('honour_session_members').dropColumn('votes').execute();
}
