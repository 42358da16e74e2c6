import { sql, type Kysely } from 'kysely';

/**
 * Who votes on a Council session (issue 13): the roster keeps, per member, whether they vote. The
 * Office's secretary sits as Thư ký to run the procedure and does not vote, so they are neither in
 * the quorum's count nor in the base of the majority. Existing rosters: whoever sits as secretary
 * is taken not to vote (until now only the Office's secretary sat so); a new roster asks the
 * grants (council.ts: a secretary who also holds `honours.vote` votes). And the decision that
 * confirms a campaign becomes two fields of the campaign, its number and date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('honour_session_members')
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update honour_session_members set votes = 0 where role = 'secretary'`.execute(db);

  // The decision that confirms a campaign's results is the campaign's: its number and date are
  // fields of the campaign (until now they were read back from each honouree's 'confirmed' event).
  await db.schema.alterTable('honour_campaigns').addColumn('decision_number', 'text').execute();
  await db.schema.alterTable('honour_campaigns').addColumn('decision_date', 'text').execute();
  const confirmed = await sql<{ campaign_id: string; note: string | null }>`select n.campaign_id, e.note
    from honour_nomination_events e join honour_nominations n on n.id = e.nomination_id
    where e.action = 'confirmed' order by e.at, e.id`.execute(db);
  const decisions = new Map<string, { number: string; date: string }>();
  for (const r of confirmed.rows) {
    const m = r.note ? /^Quyết định số (.+), ngày (\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(r.note) : null;
    if (m)
      decisions.set(r.campaign_id, {
        number: m[1],
        date: `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}`,
      });
  }
  for (const [id, d] of decisions)
    await sql`update honour_campaigns set decision_number = ${d.number}, decision_date = ${d.date} where id = ${id}`.execute(
      db,
    );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('honour_campaigns').dropColumn('decision_date').execute();
  await db.schema.alterTable('honour_campaigns').dropColumn('decision_number').execute();
  await db.schema.alterTable('honour_session_members').dropColumn('votes').execute();
}
