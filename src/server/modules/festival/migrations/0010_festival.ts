import type { Kysely } from 'kysely';

/**
 * The singing festival (issue 15): a festival and the entries units make for their people; its
 * rounds (a unit's heat, the Bloc's exchange night) with criteria, the panel of judges, the
 * performance order; each judge's sheet for each act (draft, then locked; the head judge's
 * changes kept with their reason); declared recusals; the certified result; prizes; and the acts
 * chosen for the ceremony with their measured durations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('festivals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('organiser_unit_id', 'text')
    .addColumn('entries_per_unit', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('festival_id', 'text', (c) => c.notNull().references('festivals.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('performance', 'text', (c) => c.notNull())
    .addColumn('song', 'text', (c) => c.notNull())
    .addColumn('composer', 'text', (c) => c.notNull())
    .addColumn('lyricist', 'text')
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('accompaniment', 'text', (c) => c.notNull())
    .addColumn('declared_seconds', 'integer', (c) => c.notNull())
    .addColumn('measured_seconds', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('ceremony_position', 'integer')
    .execute();
  await db.schema
    .createIndex('festival_entries_unit')
    .on('festival_entries')
    .columns(['festival_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('festival_entry_performers')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('festival_entries.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('festival_entry_performers_pk', ['entry_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('festival_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('festival_id', 'text', (c) => c.notNull().references('festivals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('max_act_seconds', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('tie_break_json', 'text', (c) => c.notNull())
    .addColumn('order_seed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method_frozen_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('certified_at', 'text')
    .addColumn('certified_by', 'text')
    .addColumn('results_json', 'text')
    .addColumn('now_position', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_round_entries')
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('festival_entries.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('festival_round_entries_pk', ['round_id', 'entry_id'])
    .execute();
  await db.schema
    .createTable('festival_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('max', 'double precision', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_judges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('is_head', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_recusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('judge_id', 'text', (c) => c.notNull().references('festival_judges.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('festival_entries.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'text')
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('judge_id', 'text', (c) => c.notNull().references('festival_judges.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('festival_entries.id'))
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .execute();
  await db.schema
    .createIndex('festival_sheets_one')
    .on('festival_sheets')
    .columns(['round_id', 'judge_id', 'entry_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('festival_sheet_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('festival_sheets.id'))
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('festival_prizes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('festival_rounds.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('festival_entries.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'festival_prizes',
    'festival_sheet_changes',
    'festival_sheets',
    'festival_recusals',
    'festival_judges',
    'festival_criteria',
    'festival_round_entries',
    'festival_rounds',
    'festival_entry_performers',
    'festival_entries',
    'festivals',
  ])
    await db.schema.dropTable(t).execute();
}
