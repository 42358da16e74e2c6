import type { Kysely } from 'kysely';

/**
 * The office network (issue 18): the settings that make a symbol (the issuing body's
 * abbreviation) and the committee's terms; the numbering counters (one row per series, raised in
 * the issuing transaction); the outgoing register with each recipient unit's delivery, opening and
 * acknowledgement; the incoming register with its assignment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('superior_body', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('symbol_suffix', 'text', (c) => c.notNull())
    .addColumn('congress_suffix', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('office_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull().unique())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('office_counters')
    .addColumn('series', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('office_outgoing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term_id', 'text', (c) => c.notNull().references('office_terms.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('summary_folded', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_position', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('is_congress', 'integer', (c) => c.notNull())
    .addColumn('recipients_json', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // the rule itself: one number once in a series of a term
  await db.schema
    .createIndex('office_outgoing_number')
    .on('office_outgoing')
    .columns(['term_id', 'series', 'number'])
    .unique()
    .execute();
  await db.schema.createIndex('office_outgoing_issued').on('office_outgoing').columns(['issued_on']).execute();
  await db.schema
    .createTable('office_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outgoing_id', 'text', (c) => c.notNull().references('office_outgoing.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('opened_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('last_reminded_at', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('office_deliveries_unit')
    .on('office_deliveries')
    .columns(['outgoing_id', 'unit_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('office_deliveries_inbox')
    .on('office_deliveries')
    .columns(['unit_id', 'sent_at'])
    .execute();
  await db.schema
    .createTable('office_incoming')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('arrival_number', 'integer', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('doc_date', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('summary_folded', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text')
    .addColumn('coordinating_json', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('instructions', 'text')
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('plan_activity_id', 'text')
    .addColumn('done_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('office_incoming_number')
    .on('office_incoming')
    .columns(['year', 'arrival_number'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'office_incoming',
    'office_deliveries',
    'office_outgoing',
    'office_counters',
    'office_terms',
    'office_settings',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
