import { displayNames } from '../../platform/auth/users.ts';
import type { Selectable, Transaction } from 'kysely';
import { fold, likeContains } from '../../../common/text.ts';
import { wordDiff } from '../../../common/wordDiff.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import type { Platform } from '../../platform/platform.ts';
import { liveUnits, unitRefs } from '../organisation/index.ts';
import { activityRefs, topLevelActivityRefs } from '../plans/index.ts';
import { mayReview, maySeeAll } from './access.ts';
import { existingImages } from './images.ts';
import { bodyText, imageIdsIn, plainText, sanitizeBody, searchKey, slugify } from './sanitize.ts';
import type {
  ArticleInput,
  ArticleListOut,
  ArticleOut,
  ArticleStatus,
  ArticleSummaryOut,
  ChoicesOut,
  DiffOut,
} from './schema.ts';
import type { WebsiteArticlesTable } from './tables.ts';

/**
 * Articles (issue 17, ADR 24): written, saved as revisions, read by who may see them, compared.
 * The workflow's steps are in workflow.ts. Every save sanitises the body on the server, keeps a
 * revision, refreshes the folded search key, the tags and the images the article shows, and writes
 * its audit row in the same transaction.
 */
export type ArticleRow = Selectable<WebsiteArticlesTable>;

export const notFound = () => fail.notFound({ vi: 'Không tìm thấy bài viết.', en: 'Article not found.' });

/** Raises the version the public site caches by (a published article changed). */
export async function bumpVersion(tx: Transaction<Database> | Db): Promise<void> {
  await tx
    .updateTable('website_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 'website')
    .execute();
}

export async function findArticle(db: Db | Transaction<Database>, id: string): Promise<ArticleRow> {
  const row = await db.selectFrom('website_articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The article if the caller may see it: those who see all, or its writer; 404 otherwise (ids are not probed). */
export async function seenArticle(platform: Platform, caller: Caller, id: string): Promise<ArticleRow> {
  const row = await findArticle(platform.db, id);
  if (row.created_by !== null && row.created_by === caller.actor.userId) return row;
  if (await maySeeAll(platform, caller)) return row;
  throw notFound();
}

const EDITABLE_BY_WRITER: ArticleStatus[] = ['draft', 'returned', 'submitted', 'approved', 'scheduled', 'unpublished'];

export async function mayEdit(platform: Platform, caller: Caller, row: ArticleRow): Promise<boolean> {
  if (await mayReview(platform, caller)) return true;
  return row.created_by === caller.actor.userId && EDITABLE_BY_WRITER.includes(row.status as ArticleStatus);
}

type Checked = {
  title: string;
  summary: string;
  bodyHtml: string;
  tags: { slug: string; name: string }[];
  author: string;
  categoryId: string;
  coverImageId: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  activityIds: string[];
  unitIds: string[];
  imageIds: string[];
};

/** Checks and cleans what was sent: plain text stripped of markup, the body sanitised, every id known. */
async function check(platform: Platform, input: ArticleInput): Promise<Checked> {
  const db = platform.db;
  const title = plainText(input.title);
  if (!title)
    throw fail.field(
      'title',
      'not_blank',
      'Tiêu đề không được để trống (không chứa mã HTML).',
      'The title cannot be empty (markup is removed).',
    );
  const author = plainText(input.author);
  if (!author) throw fail.field('author', 'not_blank', 'Hãy ghi tên tác giả.', 'Give the author’s name.');
  const category = await db
    .selectFrom('website_categories')
    .select('id')
    .where('slug', '=', input.categorySlug)
    .executeTakeFirst();
  if (!category) throw fail.field('categorySlug', 'unknown_category', 'Chuyên mục không tồn tại.', 'No such category.');
  const tags: { slug: string; name: string }[] = [];
  for (const t of input.tags) {
    const name = plainText(t);
    const slug = slugify(name, 60);
    if (name && !tags.some((x) => x.slug === slug)) tags.push({ slug, name });
  }
  const bodyImgCandidates = [...input.bodyHtml.matchAll(/\/anh\/([0-9a-f-]{36})\//g)].map((m) => m[1]);
  const known = await existingImages(db, [...bodyImgCandidates, ...(input.coverImageId ? [input.coverImageId] : [])]);
  const bodyHtml = sanitizeBody(input.bodyHtml, (id) => known.has(id));
  if (input.coverImageId && !known.has(input.coverImageId))
    throw fail.field(
      'coverImageId',
      'unknown_image',
      'Ảnh bìa không tồn tại; hãy tải lên lại.',
      'The cover image does not exist; upload it again.',
    );
  const coverAlt = input.coverAlt ? plainText(input.coverAlt) : '';
  if (input.coverImageId && !coverAlt)
    throw fail.field(
      'coverAlt',
      'alt_required',
      'Ảnh bìa cần lời mô tả (alt) cho người không xem được ảnh.',
      'The cover image needs a description (alt text) for those who cannot see it.',
    );
  const activities = await activityRefs(db, input.activityIds);
  if (input.activityIds.some((id) => !activities.has(id)))
    throw fail.field(
      'activityIds',
      'unknown_activity',
      'Có hoạt động không tồn tại trong kế hoạch.',
      'An activity does not exist in the plans.',
    );
  const units = await unitRefs(platform, input.unitIds);
  if (input.unitIds.some((id) => !units.has(id)))
    throw fail.field('unitIds', 'unknown_unit', 'Có đơn vị không tồn tại.', 'A unit does not exist.');
  const imageIds = [...new Set([...imageIdsIn(bodyHtml), ...(input.coverImageId ? [input.coverImageId] : [])])];
  return {
    title,
    summary: plainText(input.summary),
    bodyHtml,
    tags,
    author,
    categoryId: category.id,
    coverImageId: input.coverImageId,
    coverAlt: input.coverImageId ? coverAlt : null,
    coverCaption: input.coverImageId && input.coverCaption ? plainText(input.coverCaption) || null : null,
    activityIds: [...new Set(input.activityIds)],
    unitIds: [...new Set(input.unitIds)],
    imageIds,
  };
}

async function freeSlug(tx: Transaction<Database>, wanted: string, exceptId: string | null): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    let q = tx.selectFrom('website_articles').select('id').where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (!(await q.executeTakeFirst())) return slug;
  }
  throw fail.field('slug', 'slug_taken', 'Đường dẫn đã được dùng.', 'The address is already used.');
}

async function writeParts(tx: Transaction<Database>, id: string, c: Checked) {
  await tx.deleteFrom('website_article_tags').where('article_id', '=', id).execute();
  if (c.tags.length)
    await tx
      .insertInto('website_article_tags')
      .values(c.tags.map((t, i) => ({ article_id: id, slug: t.slug, name: t.name, position: i + 1 })))
      .execute();
  await tx.deleteFrom('website_article_images').where('article_id', '=', id).execute();
  if (c.imageIds.length)
    await tx
      .insertInto('website_article_images')
      .values(c.imageIds.map((image_id) => ({ article_id: id, image_id })))
      .execute();
}

async function addRevision(
  tx: Transaction<Database>,
  caller: Caller,
  id: string,
  number: number,
  c: Checked,
  at: string,
) {
  await tx
    .insertInto('website_revisions')
    .values({
      id: newId(Date.parse(at)),
      article_id: id,
      number,
      title: c.title,
      summary: c.summary,
      body_html: c.bodyHtml,
      saved_by: caller.actor.userId,
      saved_by_name: caller.actor.name,
      saved_at: at,
    })
    .execute();
}

export async function addEvent(
  tx: Transaction<Database>,
  caller: Caller,
  row: { id: string; revision: number },
  action: string,
  from: string,
  to: string,
  comment: string | null,
  at: string,
) {
  await tx
    .insertInto('website_events')
    .values({
      id: newId(Date.parse(at)),
      article_id: row.id,
      action,
      from_status: from,
      to_status: to,
      comment,
      revision: row.revision,
      actor_id: caller.actor.userId,
      actor_name: caller.actor.name,
      at,
    })
    .execute();
}

const columns = (c: Checked) => ({
  title: c.title,
  summary: c.summary,
  body_html: c.bodyHtml,
  search_folded: searchKey({
    title: c.title,
    summary: c.summary,
    bodyHtml: c.bodyHtml,
    tags: c.tags.map((t) => t.name),
  }),
  cover_image_id: c.coverImageId,
  cover_alt: c.coverAlt,
  cover_caption: c.coverCaption,
  category_id: c.categoryId,
  tags_json: JSON.stringify(c.tags),
  author: c.author,
  activity_ids_json: JSON.stringify(c.activityIds),
  unit_ids_json: JSON.stringify(c.unitIds),
});

export async function createArticle(platform: Platform, caller: Caller, input: ArticleInput): Promise<ArticleOut> {
  const c = await check(platform, input);
  const now = platform.clock().toISOString();
  const id = newId(Date.parse(now));
  await platform.db.transaction().execute(async (tx) => {
    const slug = await freeSlug(tx, input.slug ?? slugify(c.title), null);
    const row = {
      id,
      slug,
      ...columns(c),
      status: 'draft',
      review_comment: null,
      approved_revision: null,
      scheduled_for: null,
      published_at: null,
      first_published_at: null,
      created_by: caller.actor.userId,
      created_at: now,
      updated_at: now,
      revision: 1,
    };
    await tx.insertInto('website_articles').values(row).execute();
    await writeParts(tx, id, c);
    await addRevision(tx, caller, id, 1, c, now);
    await addEvent(tx, caller, row, 'create', 'draft', 'draft', null, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'website.article.create',
        entityType: 'website_article',
        entityId: id,
        after: { ...row, body_html: undefined },
      },
      platform.clock(),
    );
  });
  return getArticle(platform, caller, id);
}

/** Saves a new revision. A writer's change to an approved or scheduled article sends it back to draft (to be approved again). */
export async function updateArticle(
  platform: Platform,
  caller: Caller,
  id: string,
  input: ArticleInput,
): Promise<ArticleOut> {
  const before = await seenArticle(platform, caller, id);
  if (!(await mayEdit(platform, caller, before)))
    throw fail.conflict('WEBSITE_NOT_EDITABLE', {
      vi: 'Bạn không sửa được bài này ở trạng thái hiện tại.',
      en: 'You cannot edit this article in its current state.',
    });
  const c = await check(platform, input);
  const reviewer = await mayReview(platform, caller);
  const now = platform.clock().toISOString();
  await platform.db.transaction().execute(async (tx) => {
    const row = await findArticle(tx, id);
    if (row.revision !== before.revision || row.status !== before.status)
      throw fail.conflict('WEBSITE_CHANGED', {
        vi: 'Bài vừa được người khác thay đổi; hãy tải lại.',
        en: 'The article was just changed by someone else; reload it.',
      });
    let slug = row.slug;
    if (input.slug && input.slug !== row.slug) {
      if (row.first_published_at)
        throw fail.field(
          'slug',
          'slug_fixed',
          'Bài đã đăng: đường dẫn được giữ nguyên.',
          'The article has been published: its address is kept.',
        );
      slug = await freeSlug(tx, input.slug, id);
    }
    const status = !reviewer && ['approved', 'scheduled', 'unpublished'].includes(row.status) ? 'draft' : row.status;
    const revision = row.revision + 1;
    await tx
      .updateTable('website_articles')
      .set({
        slug,
        ...columns(c),
        status,
        scheduled_for: status === row.status ? row.scheduled_for : null,
        updated_at: now,
        revision,
      })
      .where('id', '=', id)
      .execute();
    await writeParts(tx, id, c);
    await addRevision(tx, caller, id, revision, c, now);
    await addEvent(tx, caller, { id, revision }, 'save', row.status, status, null, now);
    if (row.status === 'published') await bumpVersion(tx);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'website.article.update',
        entityType: 'website_article',
        entityId: id,
        before: { title: row.title, summary: row.summary, status: row.status, revision: row.revision },
        after: { title: c.title, summary: c.summary, status, revision },
      },
      platform.clock(),
    );
  });
  return getArticle(platform, caller, id);
}

async function categoriesById(db: Db) {
  const rows = await db.selectFrom('website_categories').selectAll().orderBy('position').execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listArticles(
  platform: Platform,
  caller: Caller,
  query: { status?: ArticleStatus; q?: string; page: number; pageSize: number },
): Promise<ArticleListOut> {
  const all = await maySeeAll(platform, caller);
  let q = platform.db.selectFrom('website_articles');
  if (!all) q = q.where('created_by', '=', caller.actor.userId ?? '-');
  if (query.status) q = q.where('status', '=', query.status);
  const term = query.q ? fold(query.q) : '';
  if (term)
    for (const word of term.split(' '))
      q = q.where((eb) => eb('search_folded', 'like', likeContains(word)).$castTo<boolean>());
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const cats = await categoriesById(platform.db);
  return { items: rows.map((r) => summaryOf(r, cats, caller)), total, page: query.page, pageSize: query.pageSize };
}

const coverSrc = (id: string | null) => (id ? `/anh/${id}/480.jpg` : null);

function summaryOf(
  r: ArticleRow,
  cats: Map<string, { slug: string; name_vi: string }>,
  caller: Caller,
): ArticleSummaryOut {
  const cat = cats.get(r.category_id)!;
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    status: r.status as ArticleStatus,
    category: { slug: cat.slug, name: cat.name_vi },
    author: r.author,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    scheduledFor: r.scheduled_for,
    coverSrc: coverSrc(r.cover_image_id),
    revision: r.revision,
    mine: r.created_by !== null && r.created_by === caller.actor.userId,
  };
}

/** The cover's smallest JPEG width, for the editor's preview. */
async function coverPreview(db: Db, imageId: string): Promise<string> {
  const v = await db
    .selectFrom('website_image_variants')
    .select('width')
    .where('image_id', '=', imageId)
    .where('format', '=', 'jpeg')
    .orderBy('width')
    .executeTakeFirst();
  return `/anh/${imageId}/${v?.width ?? 480}.jpg`;
}

export async function getArticle(platform: Platform, caller: Caller, id: string): Promise<ArticleOut> {
  const r = await seenArticle(platform, caller, id);
  const db = platform.db;
  const cats = await categoriesById(db);
  const cat = cats.get(r.category_id)!;
  const activityIds: string[] = JSON.parse(r.activity_ids_json);
  const unitIds: string[] = JSON.parse(r.unit_ids_json);
  const acts = await activityRefs(db, activityIds);
  const units = await unitRefs(platform, unitIds);
  const revisions = await db
    .selectFrom('website_revisions')
    .select(['number', 'saved_at', 'saved_by', 'saved_by_name'])
    .where('article_id', '=', id)
    .orderBy('number', 'desc')
    .limit(500)
    .execute();
  const events = await db
    .selectFrom('website_events')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  // who saved and who acted, as people know them (the account's display name), not the username kept with the row
  const people = await displayNames(db, [...revisions.map((v) => v.saved_by), ...events.map((e) => e.actor_id)]);
  const nameOf = (id: string | null, kept: string) => (id ? people.get(id) : undefined) ?? kept;
  const reviewer = await mayReview(platform, caller);
  const own = r.created_by !== null && r.created_by === caller.actor.userId;
  const s = r.status as ArticleStatus;
  return {
    id: r.id,
    slug: r.slug,
    slugLocked: r.first_published_at !== null,
    title: r.title,
    summary: r.summary,
    bodyHtml: r.body_html,
    status: s,
    category: { slug: cat.slug, name: cat.name_vi },
    tags: JSON.parse(r.tags_json),
    author: r.author,
    cover: r.cover_image_id
      ? {
          imageId: r.cover_image_id,
          src: await coverPreview(db, r.cover_image_id),
          alt: r.cover_alt ?? '',
          caption: r.cover_caption,
        }
      : null,
    activities: activityIds.map((a) => ({
      id: a,
      name: acts.get(a) ? `${acts.get(a)!.ref}. ${acts.get(a)!.title}` : a,
    })),
    units: unitIds.map((u) => ({ id: u, name: units.get(u)?.name ?? u })),
    reviewComment: r.review_comment,
    approvedRevision: r.approved_revision,
    scheduledFor: r.scheduled_for,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
    revisions: revisions.map((v) => ({
      number: v.number,
      savedAt: v.saved_at,
      savedBy: nameOf(v.saved_by, v.saved_by_name),
    })),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
      revision: e.revision,
      actor: nameOf(e.actor_id, e.actor_name),
      at: e.at,
    })),
    may: {
      edit: reviewer || (own && EDITABLE_BY_WRITER.includes(s)),
      submit: (reviewer || own) && ['draft', 'returned'].includes(s),
      approve: reviewer && s === 'submitted',
      return: reviewer && ['submitted', 'approved', 'scheduled'].includes(s),
      schedule: reviewer && ['approved', 'scheduled'].includes(s),
      publish: reviewer && ['approved', 'scheduled', 'unpublished'].includes(s),
      unpublish: reviewer && s === 'published',
    },
  };
}

/** A word-level comparison of two revisions; by default what changed since the last approval. */
export async function diffRevisions(
  platform: Platform,
  caller: Caller,
  id: string,
  query: { from?: number; to?: number },
): Promise<DiffOut> {
  const r = await seenArticle(platform, caller, id);
  const to = query.to ?? r.revision;
  const from = query.from ?? r.approved_revision ?? 1;
  const revs = await platform.db
    .selectFrom('website_revisions')
    .selectAll()
    .where('article_id', '=', id)
    .where('number', 'in', [from, to])
    .execute();
  const a = revs.find((v) => v.number === from);
  const b = revs.find((v) => v.number === to);
  if (!a || !b) throw fail.notFound({ vi: 'Không có phiên bản này.', en: 'No such revision.' });
  return {
    from,
    to,
    sinceApproval: query.from === undefined && r.approved_revision !== null,
    title: wordDiff(a.title, b.title),
    summary: wordDiff(a.summary, b.summary),
    body: wordDiff(bodyText(a.body_html), bodyText(b.body_html)),
  };
}

export async function editorChoices(platform: Platform): Promise<ChoicesOut> {
  const cats = await platform.db.selectFrom('website_categories').selectAll().orderBy('position').execute();
  const acts = await topLevelActivityRefs(platform.db, 500);
  const units = await liveUnits(platform, platform.clock().toISOString().slice(0, 10), { limit: 2000 });
  return {
    categories: cats.map((c) => ({ slug: c.slug, name: c.name_vi })),
    activities: acts.map((a) => ({ id: a.id, name: `${a.ref}. ${a.title}` })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
  };
}
