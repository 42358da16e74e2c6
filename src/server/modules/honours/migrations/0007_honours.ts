import type { Kysely } from 'kysely';

/**
 * Honours (ADR 12): a campaign with categories, quotas and criteria; nominations with their
 * dossier and history; screening against each criterion; the Council's sessions, roster,
 * conflicts of interest and voting rounds. A secret ballot leaves two things only: who has voted
 * (`honour_voters`) and the round's running counts (`honour_tallies`); no row holds one member's
 * choices, so nothing can link a member to a ballot.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('honour_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('nomination_opens', 'text', (c) => c.notNull())
    .addColumn('nomination_due', 'text', (c) => c.notNull())
    .addColumn('drive_id', 'text')
    .addColumn('council_unit_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('honour_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('honour_campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('honour_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('honour_campaigns.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('honour_categories.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('nominee_unit_id', 'text')
    .addColumn('nominee_person_id', 'text')
    .addColumn('product_name', 'text')
    .addColumn('product_enterprise_id', 'text')
    .addColumn('nominee_name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('honour_nominations_campaign_idx')
    .on('honour_nominations')
    .columns(['campaign_id', 'category_id', 'status'])
    .execute();
  await db.schema.createIndex('honour_nominations_unit_idx').on('honour_nominations').columns(['unit_id']).execute();
  await db.schema
    .createTable('honour_dossier_items')
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('honour_nominations.id'))
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_dossier_items_pk', ['nomination_id', 'file_id'])
    .execute();
  await db.schema
    .createTable('honour_nomination_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('honour_nomination_events_idx')
    .on('honour_nomination_events')
    .columns(['nomination_id', 'at'])
    .execute();
  await db.schema
    .createTable('honour_screenings')
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('screened_by', 'text')
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_screenings_pk', ['nomination_id', 'criterion_key'])
    .execute();

  await db.schema
    .createTable('honour_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('honour_campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('honour_session_members')
    .addColumn('session_id', 'text', (c) => c.notNull().references('honour_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_session_members_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('honour_conflicts')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('honour_conflicts_pk', ['session_id', 'user_id', 'nomination_id'])
    .execute();
  await db.schema
    .createTable('honour_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('honour_sessions.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('nominations_json', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('result_json', 'text')
    .execute();
  // Who has voted in a round, and how (in person, or in writing entered by the secretary): never what.
  await db.schema
    .createTable('honour_voters')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_voters_pk', ['round_id', 'user_id'])
    .execute();
  // The ballot box: running counts per nominee and choice (approve / reject / abstain, or ranking points).
  await db.schema
    .createTable('honour_tallies')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_tallies_pk', ['round_id', 'nomination_id', 'choice'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'honour_tallies',
    'honour_voters',
    'honour_rounds',
    'honour_conflicts',
    'honour_session_members',
    'honour_sessions',
    'honour_screenings',
    'honour_nomination_events',
    'honour_dossier_items',
    'honour_nominations',
    'honour_categories',
    'honour_campaigns',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
