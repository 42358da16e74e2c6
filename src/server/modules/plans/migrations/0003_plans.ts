import type { Kysely } from 'kysely';

/**
 * The plans module: a plan (the Bloc's, or a grassroots unit's sub-plan derived from it), its
 * activities with lead and coordinating units, milestones, progress reports, the units expected
 * to deploy a sub-plan, supervision visits, and in-app notifications (reminders).
 * Status is never stored as typed-in data: `done_on` and `progress_percent` on an activity are
 * copies of its latest report, kept in the report's transaction, from which status is computed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('unit_id', 'text')
    .addColumn('superior_body', 'text')
    .addColumn('issuing_body', 'text')
    .addColumn('symbol_suffix', 'text')
    .addColumn('number', 'text')
    .addColumn('place', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('legal_basis_json', 'text', (c) => c.notNull())
    .addColumn('introduction_json', 'text', (c) => c.notNull())
    .addColumn('purposes_json', 'text', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('recipients_json', 'text', (c) => c.notNull())
    .addColumn('archive', 'text')
    .addColumn('signer_json', 'text', (c) => c.notNull())
    .addColumn('closing', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_due', 'text')
    .addColumn('deploy_due', 'text')
    .addColumn('demo_key', 'text', (c) => c.unique())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_parent_idx').on('plans').columns(['parent_plan_id', 'unit_id']).unique().execute();
  await db.schema.createIndex('plans_issued_idx').on('plans').columns(['issued_on', 'id']).execute();

  await db.schema
    .createTable('plan_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('sub_items_json', 'text', (c) => c.notNull())
    .addColumn('other_participants_json', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('tentative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recurrence', 'text')
    .addColumn('target_value', 'real')
    .addColumn('target_comparator', 'text')
    .addColumn('target_indicator', 'text')
    .addColumn('target_unit', 'text')
    .addColumn('target_breakdown_json', 'text')
    .addColumn('status_source', 'text')
    .addColumn('origin_activity_id', 'text', (c) => c.references('plan_activities.id'))
    .addColumn('progress_percent', 'integer')
    .addColumn('progress_figure', 'real')
    .addColumn('done_on', 'text')
    .addColumn('last_report_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_activities_plan_idx')
    .on('plan_activities')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema.createIndex('plan_activities_due_idx').on('plan_activities').columns(['due_on', 'plan_id']).execute();
  await db.schema
    .createIndex('plan_activities_origin_idx')
    .on('plan_activities')
    .column('origin_activity_id')
    .execute();

  // Who carries an activity: lead (chủ trì) and coordinating (phối hợp) units of the registry.
  await db.schema
    .createTable('plan_activity_units')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('plan_activities.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // this unit's own progress on the activity (its latest report)
    .addColumn('percent', 'integer')
    .addColumn('done_on', 'text')
    .addPrimaryKeyConstraint('plan_activity_units_pk', ['activity_id', 'unit_id', 'role'])
    .execute();
  await db.schema
    .createIndex('plan_activity_units_plan_unit_idx')
    .on('plan_activity_units')
    .columns(['plan_id', 'unit_id', 'activity_id'])
    .execute();
  await db.schema
    .createIndex('plan_activity_units_unit_idx')
    .on('plan_activity_units')
    .columns(['unit_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('plan_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('tentative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closes_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_milestones_plan_idx')
    .on('plan_milestones')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema.createIndex('plan_milestones_due_idx').on('plan_milestones').columns(['due_on', 'plan_id']).execute();

  await db.schema
    .createTable('plan_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('plan_activities.id'))
    .addColumn('unit_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('figure', 'real')
    .addColumn('done_on', 'text')
    .addColumn('reported_by', 'text')
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_reports_activity_idx')
    .on('plan_reports')
    .columns(['activity_id', 'reported_at'])
    .execute();

  // The units a plan expects to deploy their own plan from it ("căn cứ kế hoạch này…").
  await db.schema
    .createTable('plan_deploy_units')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_deploy_units_pk', ['plan_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('plan_supervisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('follow_ups', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorder_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_supervisions_unit_idx')
    .on('plan_supervisions')
    .columns(['unit_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('plan_supervisions_plan_idx')
    .on('plan_supervisions')
    .columns(['plan_id', 'visited_on'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_vi', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notifications',
    'plan_supervisions',
    'plan_deploy_units',
    'plan_reports',
    'plan_milestones',
    'plan_activity_units',
    'plan_activities',
    'plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
