import { fold, likeContains } from '../../../common/text.ts';
import type { Db } from '../../platform/db/database.ts';
import { type ImageInfo, imageInfo, pictureOf } from './images.ts';
import { decodeEntities, escapeHtml, IMAGE_SRC, imageIdsIn } from './sanitize.ts';
import type { ArticleRow } from './articles.ts';

/**
 * What the public site reads (through index.ts): published articles only, their images as
 * `<picture>` sources, search over whole articles with or without diacritics, the categories with
 * their counts, and the version the site caches by.
 */
export interface PublicImage {
  alt: string;
  caption: string | null;
  width: number;
  height: number;
  sources: { type: 'image/avif' | 'image/webp' | 'image/jpeg'; srcset: string }[];
  fallback: string;
}
export interface PublicArticleSummary {
  slug: string;
  title: string;
  summary: string;
  category: { slug: string; name: string };
  tags: { slug: string; name: string }[];
  author: string;
  publishedAt: string;
  cover: PublicImage | null;
}
export interface PublicArticle extends PublicArticleSummary {
  bodyHtml: string;
  updatedAt: string;
  activityIds: string[];
  unitIds: string[];
}

const published = (db: Db) => db.selectFrom('website_articles').where('status', '=', 'published');

async function summaries(db: Db, rows: ArticleRow[]): Promise<PublicArticleSummary[]> {
  const cats = new Map(
    (await db.selectFrom('website_categories').selectAll().execute()).map((c) => [
      c.id,
      { slug: c.slug, name: c.name_vi },
    ]),
  );
  const infos = await imageInfo(
    db,
    rows.map((r) => r.cover_image_id).filter((i): i is string => i !== null),
  );
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    category: cats.get(r.category_id)!,
    tags: JSON.parse(r.tags_json),
    author: r.author,
    publishedAt: r.published_at!,
    cover: coverOf(r, infos),
  }));
}

function coverOf(r: ArticleRow, infos: Map<string, ImageInfo>): PublicImage | null {
  const info = r.cover_image_id ? infos.get(r.cover_image_id) : undefined;
  if (!info || info.widths.length === 0) return null;
  return { alt: r.cover_alt ?? '', caption: r.cover_caption, ...pictureOf(info) };
}

export async function publishedArticles(
  db: Db,
  opts: { category?: string; tag?: string; page: number; pageSize: number },
): Promise<{ items: PublicArticleSummary[]; total: number }> {
  let q = published(db);
  if (opts.category)
    q = q.where('category_id', 'in', (eb) =>
      eb.selectFrom('website_categories').select('id').where('slug', '=', opts.category!),
    );
  if (opts.tag)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('website_article_tags').select('article_id').where('slug', '=', opts.tag!),
    );
  return page(db, q, opts);
}

async function page(
  db: Db,
  q: ReturnType<typeof published>,
  opts: { page: number; pageSize: number },
): Promise<{ items: PublicArticleSummary[]; total: number }> {
  const pageSize = Math.max(1, Math.min(100, Math.floor(opts.pageSize)));
  const pageNo = Math.max(1, Math.floor(opts.page));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((pageNo - 1) * pageSize)
    .execute();
  return { items: await summaries(db, rows), total };
}

export async function searchPublishedArticles(
  db: Db,
  query: string,
  opts: { page: number; pageSize: number },
): Promise<{ items: PublicArticleSummary[]; total: number }> {
  const term = fold(query.normalize('NFC')).slice(0, 200);
  if (!term) return { items: [], total: 0 };
  let q = published(db);
  for (const word of term.split(' '))
    q = q.where((eb) => eb('search_folded', 'like', likeContains(word)).$castTo<boolean>());
  return page(db, q, opts);
}

export async function publishedArticle(db: Db, slug: string): Promise<PublicArticle | null> {
  const row = await published(db).selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  const [summary] = await summaries(db, [row]);
  const infos = await imageInfo(db, imageIdsIn(row.body_html));
  return {
    ...summary,
    bodyHtml: publicBody(row.body_html, infos),
    updatedAt: row.updated_at,
    activityIds: JSON.parse(row.activity_ids_json),
    unitIds: JSON.parse(row.unit_ids_json),
  };
}

/**
 * The stored (sanitised) body as the public page shows it: each image becomes a figure with its
 * AVIF/WebP/JPEG sources, its size, lazy loading and its caption (from the image's title). The
 * stored body was written by sanitize-html, so its tags and quoted attributes have one form.
 */
export function publicBody(html: string, infos: Map<string, ImageInfo>): string {
  const out = html.replace(/<img\b([^>]*)\/?>/g, (_tag, attrs: string) => {
    const a = Object.fromEntries([...attrs.matchAll(/([a-z]+)="([^"]*)"/g)].map((m) => [m[1], decodeEntities(m[2])]));
    const id = IMAGE_SRC.exec(a.src ?? '')?.[1];
    const info = id ? infos.get(id) : undefined;
    if (!info || info.widths.length === 0) return '';
    const p = pictureOf(info);
    const sizes = '(max-width: 800px) 100vw, 800px';
    const sources = p.sources
      .filter((s) => s.type !== 'image/jpeg')
      .map((s) => `<source type="${s.type}" srcset="${escapeHtml(s.srcset)}" sizes="${sizes}">`)
      .join('');
    const jpeg = p.sources.find((s) => s.type === 'image/jpeg')!;
    const img = `<img src="${p.fallback}" srcset="${escapeHtml(jpeg.srcset)}" sizes="${sizes}" width="${p.width}" height="${p.height}" alt="${escapeHtml(a.alt ?? '')}" loading="lazy" decoding="async">`;
    const caption = a.title ? `<figcaption>${escapeHtml(a.title)}</figcaption>` : '';
    return `<figure class="article-image"><picture>${sources}${img}</picture>${caption}</figure>`;
  });
  // an image alone in a paragraph: the figure takes the paragraph's place (a figure may not sit in a <p>)
  return out.replace(/<p>\s*(<figure class="article-image">.*?<\/figure>)\s*<\/p>/g, '$1');
}

export async function articleCategories(db: Db): Promise<{ slug: string; name: string; count: number }[]> {
  const rows = await db
    .selectFrom('website_categories as c')
    .leftJoin('website_articles as a', (j) => j.onRef('a.category_id', '=', 'c.id').on('a.status', '=', 'published'))
    .select(['c.slug', 'c.name_vi', 'c.position'])
    .select((eb) => eb.fn.count<number>('a.id').as('n'))
    .groupBy(['c.slug', 'c.name_vi', 'c.position'])
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name_vi, count: Number(r.n) }));
}

export async function websiteVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('website_state').select('version').where('id', '=', 'website').executeTakeFirst();
  return String(row?.version ?? 0);
}
