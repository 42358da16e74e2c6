import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The website's editors (issue 17, ADR 24): categories; articles with their tags, revisions and
 * workflow steps; images with the variants made once at upload; which images an article shows;
 * the version the public site caches by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('website_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('website_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('website_image_variants')
    .addColumn('image_id', 'text', (c) => c.notNull().references('website_images.id'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary as 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('website_image_variants_pk', ['image_id', 'width', 'format'])
    .execute();
  await db.schema
    .createTable('website_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('cover_image_id', 'text', (c) => c.references('website_images.id'))
    .addColumn('cover_alt', 'text')
    .addColumn('cover_caption', 'text')
    .addColumn('category_id', 'text', (c) => c.notNull().references('website_categories.id'))
    .addColumn('tags_json', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('activity_ids_json', 'text', (c) => c.notNull())
    .addColumn('unit_ids_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('approved_revision', 'integer')
    .addColumn('scheduled_for', 'text')
    .addColumn('published_at', 'text')
    .addColumn('first_published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('website_articles_status')
    .on('website_articles')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema
    .createTable('website_article_tags')
    .addColumn('article_id', 'text', (c) => c.notNull().references('website_articles.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('website_article_tags_pk', ['article_id', 'slug'])
    .execute();
  await db.schema.createIndex('website_article_tags_slug').on('website_article_tags').columns(['slug']).execute();
  await db.schema
    .createTable('website_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('website_articles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_by_name', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('website_revisions_number')
    .on('website_revisions')
    .columns(['article_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createTable('website_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('website_articles.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('website_events_article').on('website_events').columns(['article_id', 'at']).execute();
  await db.schema
    .createTable('website_article_images')
    .addColumn('article_id', 'text', (c) => c.notNull().references('website_articles.id'))
    .addColumn('image_id', 'text', (c) => c.notNull().references('website_images.id'))
    .addPrimaryKeyConstraint('website_article_images_pk', ['article_id', 'image_id'])
    .execute();
  await db.schema
    .createIndex('website_article_images_image')
    .on('website_article_images')
    .columns(['image_id'])
    .execute();
  await db.schema
    .createTable('website_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('website_state').values({ id: 'website', version: 1 }).execute();
  const categories = [
    ['tin-hoat-dong', 'Tin hoạt động', 'Activities'],
    ['guong-dien-hinh', 'Gương điển hình', 'Fine examples'],
    ['thong-bao', 'Thông báo', 'Notices'],
    ['van-hoa-the-thao', 'Văn hóa – Thể thao', 'Culture and sport'],
  ];
  await db
    .insertInto('website_categories')
    .values(categories.map(([slug, vi, en], i) => ({ id: slug, slug, name_vi: vi, name_en: en, position: i + 1 })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'website_state',
    'website_article_images',
    'website_events',
    'website_revisions',
    'website_article_tags',
    'website_articles',
    'website_image_variants',
    'website_images',
    'website_categories',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
