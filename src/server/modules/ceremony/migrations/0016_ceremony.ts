import type { Kysely } from 'kysely';

/**
 * The evening ceremony (issue 16): the event with its clock and its link to an honours campaign,
 * the award batches as frozen; the segments of its programme with their kind, planned minutes,
 * hard start, who is on stage, microphones, the MC's lines, cues, the act performed and the
 * actual times; the guests with their protocol place and reply.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ceremonies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('doors', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('target_end', 'text', (c) => c.notNull())
    .addColumn('honours_campaign_id', 'text')
    .addColumn('stage_size', 'integer', (c) => c.notNull())
    .addColumn('syllables_per_minute', 'integer', (c) => c.notNull())
    .addColumn('category_order_json', 'text', (c) => c.notNull())
    .addColumn('awards_json', 'text')
    .addColumn('frozen_at', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_since', 'text')
    .addColumn('held_on', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ceremony_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ceremony_id', 'text', (c) => c.notNull().references('ceremonies.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('hard_start', 'text')
    .addColumn('on_stage', 'text', (c) => c.notNull())
    .addColumn('microphones', 'text', (c) => c.notNull())
    .addColumn('mc_lines', 'text', (c) => c.notNull())
    .addColumn('speech_text', 'text', (c) => c.notNull())
    .addColumn('cues_json', 'text', (c) => c.notNull())
    .addColumn('act_json', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .execute();
  await db.schema
    .createIndex('ceremony_segments_order')
    .on('ceremony_segments')
    .columns(['ceremony_id', 'position'])
    .execute();
  await db.schema
    .createTable('ceremony_guests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ceremony_id', 'text', (c) => c.notNull().references('ceremonies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('may_present', 'integer', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('deputy_name', 'text')
    .addColumn('deputy_title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ceremony_guests_ceremony').on('ceremony_guests').column('ceremony_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ceremony_guests').execute();
  await db.schema.dropTable('ceremony_segments').execute();
  await db.schema.dropTable('ceremonies').execute();
}
