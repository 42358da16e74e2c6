import type { Kysely } from 'kysely';

/**
 * Staff on duty (issue 18, III.4): the events the Office staffs (an activity of a plan, where and
 * when), who serves each, where, when and with which duties; and one lock row per person, raised in
 * every booking's transaction, so that two bookings of one person are checked one after the other
 * (ADR 29: no one in two places at once, also with several app processes on PostgreSQL).
 * Times are Vietnam wall-clock "YYYY-MM-DDTHH:mm" (no daylight saving), so text order is time order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_duty_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('plan_activity_id', 'text')
    .addColumn('activity_title', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('office_duty_events_start').on('office_duty_events').columns(['starts_at']).execute();
  await db.schema.createIndex('office_duty_events_plan').on('office_duty_events').columns(['plan_id']).execute();
  await db.schema
    .createTable('office_duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('office_duty_events.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('position_title', 'text')
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('office_duties_person').on('office_duties').columns(['person_id', 'starts_at']).execute();
  await db.schema.createIndex('office_duties_event').on('office_duties').columns(['event_id']).execute();
  await db.schema
    .createTable('office_duty_locks')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('bookings', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['office_duty_locks', 'office_duties', 'office_duty_events'])
    await db.schema.dropTable(t).ifExists().execute();
}
