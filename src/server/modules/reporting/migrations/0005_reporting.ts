import type { Kysely } from 'kysely';

/**
 * Periodic reporting (ADR 11): indicators, templates (biểu mẫu), one submission per template, unit
 * and period with its values and their history, and `report_totals`, kept live in the
 * submission's transaction: for every ancestor of the reporting unit and every period that
 * contains the report's period, the sum and count of what the subtree reported.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('unit_of_measure', 'text')
    .addColumn('breakdown_json', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('campaign_start', 'text')
    .addColumn('campaign_end', 'text')
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('assignment_json', 'text', (c) => c.notNull())
    .addColumn('schedule_json', 'text', (c) => c.notNull())
    .addColumn('counts_on', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('report_templates.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('reopened_until', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_submissions_key')
    .on('report_submissions')
    .columns(['template_id', 'unit_id', 'period_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('report_submissions_period_idx')
    .on('report_submissions')
    .columns(['template_id', 'period_id', 'status'])
    .execute();

  await db.schema
    .createTable('report_values')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('report_submissions.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('breakdown_key', 'text', (c) => c.notNull())
    .addColumn('num_value', 'double precision')
    .addColumn('text_value', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('report_values_pk', ['submission_id', 'indicator_id', 'breakdown_key'])
    .execute();
  await db.schema
    .createIndex('report_values_unit_idx')
    .on('report_values')
    .columns(['template_id', 'unit_id', 'period_id'])
    .execute();

  await db.schema
    .createTable('report_value_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('breakdown_key', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changer_name', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_value_history_idx')
    .on('report_value_history')
    .columns(['submission_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('report_totals')
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('breakdown_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_totals_pk', [
      'template_id',
      'unit_id',
      'period_id',
      'indicator_id',
      'breakdown_key',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_totals',
    'report_value_history',
    'report_values',
    'report_submissions',
    'report_templates',
    'report_indicators',
  ])
    await db.schema.dropTable(t).execute();
}
