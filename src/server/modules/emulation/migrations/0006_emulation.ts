import type { Kysely } from 'kysely';

/**
 * The emulation drive (phong trào thi đua): a thematic drive with its period and launching
 * document, the units taking part, their registered targets (đăng ký thi đua) reviewed by the
 * Bloc, the criteria and scores that rank units at the end. Results come in through a reporting
 * template (campaign period) and are read from its live totals.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('emulation_drives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('launch_number', 'text')
    .addColumn('launch_date', 'text')
    .addColumn('template_id', 'text')
    .addColumn('registration_due', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('emulation_participants')
    .addColumn('drive_id', 'text', (c) => c.notNull().references('emulation_drives.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('emulation_participants_pk', ['drive_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('emulation_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('drive_id', 'text', (c) => c.notNull().references('emulation_drives.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('targets_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();
  await db.schema
    .createIndex('emulation_registrations_unit')
    .on('emulation_registrations')
    .columns(['drive_id', 'unit_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('emulation_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('drive_id', 'text', (c) => c.notNull().references('emulation_drives.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text')
    .addColumn('max_score', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('emulation_scores')
    .addColumn('drive_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('emulation_criteria.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('scored_by', 'text')
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('emulation_scores_pk', ['drive_id', 'unit_id', 'criterion_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'emulation_scores',
    'emulation_criteria',
    'emulation_registrations',
    'emulation_participants',
    'emulation_drives',
  ])
    await db.schema.dropTable(t).execute();
}
