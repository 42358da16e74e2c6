import type { Kysely } from 'kysely';

/**
 * The publicity plan (issue 17): pieces planned with an outlet, a date and the responsible board,
 * linked to the plan activity and/or the honouree they cover; planned → published (day, link or
 * the website's article) or dropped with a reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publicity_pieces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('outlet_name', 'text')
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('honouree', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('link', 'text')
    .addColumn('article_slug', 'text')
    .addColumn('drop_reason', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publicity_pieces_activity').on('publicity_pieces').column('activity_id').execute();
  await db.schema.createIndex('publicity_pieces_planned').on('publicity_pieces').column('planned_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publicity_pieces').execute();
}
