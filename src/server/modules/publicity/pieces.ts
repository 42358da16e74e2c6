import type { Kysely, Selectable } from 'kysely';
import { fold, likeContains, nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { activityRefs, planOfActivity, topLevelActivityRefs } from '../plans/index.ts';
import { publishedArticle } from '../website/index.ts';
import { type Caller, inTransaction, mayPublicity, pieceNotFound, requirePublicity } from './access.ts';
import type { PieceInput, PieceOut, PiecesQuery, PieceUpdate, PublishInput } from './schema.ts';
import type { PublicityPiecesTable } from './tables.ts';

/**
 * The publicity plan (issue 17, ADR 33): pieces planned with an outlet, a date and the board
 * responsible, linked to the plan activity and/or the honouree they cover; a planned piece is
 * edited, then published (the day and its http(s) link, or the website's published article) or
 * dropped with a reason. Every change writes its audit row in the same transaction.
 */
type Db = Kysely<Database>;
type Row = Selectable<PublicityPiecesTable>;

async function findPiece(db: Db, id: string) {
  const row = await db.selectFrom('publicity_pieces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw pieceNotFound();
  return row;
}

async function checkActivity(platform: Platform, activityId: string | null) {
  if (activityId === null) return null;
  const planId = await planOfActivity(platform, activityId);
  if (!planId)
    throw fail.field('activityId', 'not_found', 'Không có hoạt động này trong kế hoạch.', 'No such plan activity.');
  return planId;
}

const notPlanned = () =>
  fail.conflict('PIECE_NOT_PLANNED', {
    vi: 'Tin, bài này đã đăng hoặc đã hủy, không sửa được nữa.',
    en: 'This piece is already published or dropped and can no longer change.',
  });

async function toOut(db: Db, rows: Row[]): Promise<PieceOut[]> {
  const refs = await activityRefs(
    db,
    rows.map((r) => r.activity_id).filter((a): a is string => a !== null),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    outlet: r.outlet,
    outletName: r.outlet_name,
    plannedOn: r.planned_on,
    responsible: r.responsible,
    activity: r.activity_id ? (refs.get(r.activity_id) ?? null) : null,
    honouree: r.honouree,
    status: r.status,
    publishedOn: r.published_on,
    link: r.link,
    articleSlug: r.article_slug,
    dropReason: r.drop_reason,
    isDemo: r.is_demo === 1,
  }));
}

export async function getPiece(platform: Platform, caller: Caller, id: string): Promise<PieceOut> {
  requirePublicity(caller, 'publicity.read');
  const [out] = await toOut(platform.db, [await findPiece(platform.db, id)]);
  return out;
}

export async function createPiece(
  platform: Platform,
  caller: Caller,
  input: PieceInput,
  options: { isDemo?: boolean } = {},
): Promise<PieceOut> {
  requirePublicity(caller, 'publicity.manage');
  const planId = await checkActivity(platform, input.activityId);
  const now = platform.clock();
  const title = nfc(input.title);
  const row = {
    id: newId(now.getTime()),
    title,
    title_folded: fold(title),
    kind: input.kind,
    outlet: input.outlet,
    outlet_name: nfc(input.outletName) || null,
    planned_on: input.plannedOn,
    responsible: nfc(input.responsible),
    activity_id: input.activityId,
    plan_id: planId,
    honouree: nfc(input.honouree) || null,
    status: 'planned' as const,
    published_on: null,
    link: null,
    article_slug: null,
    drop_reason: null,
    is_demo: options.isDemo ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    await tx.insertInto('publicity_pieces').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'publicity_piece.create', entityType: 'publicity_piece', entityId: row.id, after: row },
      now,
    );
  });
  return getPiece(platform, caller, row.id);
}

export async function updatePiece(platform: Platform, caller: Caller, id: string, input: PieceUpdate) {
  requirePublicity(caller, 'publicity.manage');
  const before = await findPiece(platform.db, id);
  if (before.status !== 'planned') throw notPlanned();
  const planId = input.activityId !== undefined ? await checkActivity(platform, input.activityId) : before.plan_id;
  const activityId = input.activityId !== undefined ? input.activityId : before.activity_id;
  const honouree = input.honouree !== undefined ? nfc(input.honouree) || null : before.honouree;
  if (!activityId && !honouree)
    throw fail.field(
      'activityId',
      'publicity_subject',
      'Hãy chọn hoạt động của kế hoạch hoặc ghi điển hình được tuyên truyền.',
      'Choose the plan activity or name the honouree the piece covers.',
    );
  const now = platform.clock();
  const set = {
    ...(input.title !== undefined ? { title: nfc(input.title), title_folded: fold(nfc(input.title)) } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.outlet !== undefined ? { outlet: input.outlet } : {}),
    ...(input.outletName !== undefined ? { outlet_name: nfc(input.outletName) || null } : {}),
    ...(input.plannedOn !== undefined ? { planned_on: input.plannedOn } : {}),
    ...(input.responsible !== undefined ? { responsible: nfc(input.responsible) } : {}),
    activity_id: activityId,
    plan_id: planId,
    honouree,
    updated_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    await tx.updateTable('publicity_pieces').set(set).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'publicity_piece.update', entityType: 'publicity_piece', entityId: id, before, after: set },
      now,
    );
  });
  return getPiece(platform, caller, id);
}

/**
 * Record a piece as published. The Propaganda Board records any piece; a website editor (who holds
 * `publicity.publish` but not `publicity.manage`) only a piece on the Bloc's website. A website
 * piece may name the published article's slug instead of (or beside) its link.
 */
export async function publishPiece(platform: Platform, caller: Caller, id: string, input: PublishInput) {
  requirePublicity(caller, 'publicity.publish');
  const before = await findPiece(platform.db, id);
  if (before.outlet !== 'website' && !mayPublicity(caller, 'publicity.manage')) throw fail.forbidden();
  if (before.status !== 'planned') throw notPlanned();
  let slug: string | null = null;
  if (input.articleSlug) {
    if (before.outlet !== 'website')
      throw fail.field(
        'articleSlug',
        'not_website',
        'Chỉ tin, bài trên trang thông tin của Khối mới gắn với bài viết của trang.',
        "Only a piece on the Bloc's website links to one of its articles.",
      );
    const article = await publishedArticle(platform.db, input.articleSlug);
    if (!article)
      throw fail.field(
        'articleSlug',
        'not_published',
        'Trang thông tin không có bài đã đăng với đường dẫn này.',
        'The website has no published article with this slug.',
      );
    slug = article.slug;
  }
  const now = platform.clock();
  const set = {
    status: 'published' as const,
    published_on: input.publishedOn,
    link: input.link ?? null,
    article_slug: slug,
    updated_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    await tx.updateTable('publicity_pieces').set(set).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'publicity_piece.publish', entityType: 'publicity_piece', entityId: id, before, after: set },
      now,
    );
  });
  return getPiece(platform, caller, id);
}

export async function dropPiece(platform: Platform, caller: Caller, id: string, reason: string) {
  requirePublicity(caller, 'publicity.manage');
  const before = await findPiece(platform.db, id);
  if (before.status !== 'planned') throw notPlanned();
  const now = platform.clock();
  const set = { status: 'dropped' as const, drop_reason: nfc(reason), updated_at: now.toISOString() };
  await inTransaction(platform, async (tx) => {
    await tx.updateTable('publicity_pieces').set(set).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'publicity_piece.drop', entityType: 'publicity_piece', entityId: id, before, after: set },
      now,
    );
  });
  return getPiece(platform, caller, id);
}

/** Pieces by planned date (then title), filtered by plan, activity, outlet, status, month and words without diacritics. */
export async function listPieces(platform: Platform, caller: Caller, query: PiecesQuery) {
  requirePublicity(caller, 'publicity.read');
  let q = platform.db.selectFrom('publicity_pieces');
  if (query.planId) q = q.where('plan_id', '=', query.planId);
  if (query.activityId) q = q.where('activity_id', '=', query.activityId);
  if (query.outlet) q = q.where('outlet', '=', query.outlet);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.month) q = q.where('planned_on', 'like', `${query.month}-%`);
  const term = fold(query.q);
  if (term) q = q.where('title_folded', 'like', likeContains(term));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('planned_on')
    .orderBy('title_folded')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: await toOut(platform.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Planned, published and dropped pieces per activity (plan order) and per month of the planned date. */
export async function publicityCounts(platform: Platform, caller: Caller, planId: string | undefined) {
  requirePublicity(caller, 'publicity.read');
  let q = platform.db
    .selectFrom('publicity_pieces')
    .select(['activity_id', 'planned_on', 'status'])
    .orderBy('planned_on');
  if (planId) q = q.where('plan_id', '=', planId);
  const rows = await q.limit(20_000).execute();
  const zero = () => ({ planned: 0, published: 0, dropped: 0 });
  const add = (t: ReturnType<typeof zero>, status: Row['status']) => {
    if (status === 'dropped') t.dropped += 1;
    else {
      t.planned += 1;
      if (status === 'published') t.published += 1;
    }
  };
  const perActivity = new Map<string | null, ReturnType<typeof zero>>();
  const perMonth = new Map<string, ReturnType<typeof zero>>();
  for (const r of rows) {
    if (!perActivity.has(r.activity_id)) perActivity.set(r.activity_id, zero());
    add(perActivity.get(r.activity_id)!, r.status);
    const month = r.planned_on.slice(0, 7);
    if (!perMonth.has(month)) perMonth.set(month, zero());
    add(perMonth.get(month)!, r.status);
  }
  const refs = await activityRefs(
    platform.db,
    [...perActivity.keys()].filter((k): k is string => k !== null),
  );
  const collator = new Intl.Collator('vi', { numeric: true });
  const byActivity = [...perActivity.entries()]
    .map(([id, t]) => {
      const a = id ? refs.get(id) : undefined;
      return { activityId: id, ref: a?.ref ?? null, title: a?.title ?? null, ...t };
    })
    .sort((x, y) => (x.ref === null ? 1 : y.ref === null ? -1 : collator.compare(x.ref, y.ref)));
  const byMonth = [...perMonth.entries()].map(([month, t]) => ({ month, ...t }));
  return { byActivity, byMonth };
}

/** The activities a piece may cover: those of the top-level plans. */
export async function activityChoices(platform: Platform, caller: Caller) {
  requirePublicity(caller, 'publicity.read');
  return { items: await topLevelActivityRefs(platform.db, 1000) };
}
