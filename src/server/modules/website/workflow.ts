import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { type Caller, systemCaller } from '../../platform/policy/caller.ts';
import type { Platform } from '../../platform/platform.ts';
import { notify } from '../plans/index.ts';
import { mayReview, requireReviewer, reviewerIds } from './access.ts';
import { addEvent, bumpVersion, findArticle, getArticle, seenArticle } from './articles.ts';
import type { ArticleOut, ArticleStatus } from './schema.ts';

/**
 * The workflow (issue 17, ADR 24): draft → submitted (the Propaganda Board's reviewers notified in
 * the app) → approved, or returned with a comment (the writer notified) → scheduled or published →
 * unpublished. Each step is one conditional UPDATE on the status it starts from, with its step row,
 * its audit row and (for what the public sees) the site's version raised, in one transaction: a
 * step taken twice at once happens once. Scheduled publishing is a job of the platform's queue,
 * which hands a job to one worker; the publishing UPDATE is conditional too, so even a job run
 * again after its worker died publishes once.
 */
export const PUBLISH_JOB = 'website.publish';

type Step = {
  action: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  public?: boolean;
};

const steps = {
  submit: { action: 'submit', from: ['draft', 'returned'], to: 'submitted' },
  approve: { action: 'approve', from: ['submitted'], to: 'approved' },
  return: { action: 'return', from: ['submitted', 'approved', 'scheduled'], to: 'returned' },
  schedule: { action: 'schedule', from: ['approved', 'scheduled'], to: 'scheduled' },
  publish: { action: 'publish', from: ['approved', 'scheduled', 'unpublished'], to: 'published', public: true },
  unpublish: { action: 'unpublish', from: ['published'], to: 'unpublished', public: true },
} as const satisfies Record<string, Step>;

const wrongState = () =>
  fail.conflict('WEBSITE_WRONG_STATE', {
    vi: 'Bài không ở trạng thái cho phép thao tác này (có thể vừa được người khác xử lý); hãy tải lại.',
    en: 'The article is not in a state that allows this (someone may just have handled it); reload it.',
  });

/** Takes one step if the article is still in a state it starts from; false when it was not. */
async function take(
  platform: Platform,
  caller: Caller,
  id: string,
  step: Step,
  extra: { comment?: string | null; scheduledFor?: string | null; onlyIfDue?: string },
): Promise<boolean> {
  const now = platform.clock();
  const at = now.toISOString();
  return platform.db.transaction().execute(async (tx) => {
    const row = await findArticle(tx, id);
    const set: Record<string, unknown> = { status: step.to, updated_at: at };
    if (step.action === 'approve') set.approved_revision = row.revision;
    if (step.action === 'return' || step.action === 'approve') set.review_comment = extra.comment || null;
    if (step.action === 'schedule') set.scheduled_for = extra.scheduledFor;
    if (step.action === 'return' || step.action === 'unpublish') set.scheduled_for = null;
    if (step.to === 'published') {
      set.published_at = extra.onlyIfDue ? row.scheduled_for : at;
      set.scheduled_for = null;
      if (!row.first_published_at) set.first_published_at = set.published_at;
    }
    let q = tx
      .updateTable('website_articles')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', [...step.from])
      .where('revision', '=', row.revision);
    if (extra.onlyIfDue) q = q.where('status', '=', 'scheduled').where('scheduled_for', '<=', extra.onlyIfDue);
    const done = await q.executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    await addEvent(tx, caller, row, step.action, row.status, step.to, extra.comment ?? extra.scheduledFor ?? null, at);
    if (step.public || row.status === 'published') await bumpVersion(tx);
    if (step.action === 'schedule')
      await platform.jobs.enqueue(
        PUBLISH_JOB,
        { articleId: id, at: extra.scheduledFor },
        { runAt: new Date(extra.scheduledFor!), dedupeKey: `${PUBLISH_JOB}:${id}:${extra.scheduledFor}` },
        tx,
      );
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `website.article.${step.action}`,
        entityType: 'website_article',
        entityId: id,
        before: { status: row.status, revision: row.revision },
        after: {
          status: step.to,
          ...(extra.comment ? { comment: extra.comment } : {}),
          ...(extra.scheduledFor ? { scheduledFor: extra.scheduledFor } : {}),
        },
      },
      now,
    );
    return true;
  });
}

async function stepOrFail(platform: Platform, caller: Caller, id: string, step: Step, extra = {}) {
  if (!(await take(platform, caller, id, step, extra))) throw wrongState();
}

export async function submitArticle(platform: Platform, caller: Caller, id: string): Promise<ArticleOut> {
  const row = await seenArticle(platform, caller, id);
  if (row.created_by !== caller.actor.userId && !(await mayReview(platform, caller))) throw wrongState();
  await stepOrFail(platform, caller, id, steps.submit);
  const after = await findArticle(platform.db, id);
  for (const userId of await reviewerIds(platform)) {
    if (userId === caller.actor.userId) continue;
    await notify(platform, {
      userId,
      kind: 'website.submitted',
      title: { vi: `Bài chờ duyệt: ${after.title}`, en: `Article awaiting review: ${after.title}` },
      body: {
        vi: `${caller.actor.name} gửi bài “${after.title}” để Ban Tuyên giáo duyệt.`,
        en: `${caller.actor.name} submitted “${after.title}” for the Propaganda Board's review.`,
      },
      link: `/website/articles/${id}`,
      entityType: 'website_article',
      entityId: id,
      dedupeKey: `website.submitted:${id}:${after.revision}:${userId}`,
    });
  }
  return getArticle(platform, caller, id);
}

async function tellWriter(
  platform: Platform,
  id: string,
  kind: string,
  vi: string,
  en: string,
  comment: string | null,
) {
  const row = await findArticle(platform.db, id);
  if (!row.created_by) return;
  await notify(platform, {
    userId: row.created_by,
    kind,
    title: { vi: `${vi}: ${row.title}`, en: `${en}: ${row.title}` },
    body: { vi: comment ? `Ý kiến: ${comment}` : vi, en: comment ? `Comment: ${comment}` : en },
    link: `/website/articles/${id}`,
    entityType: 'website_article',
    entityId: id,
    dedupeKey: `${kind}:${id}:${row.revision}:${row.updated_at}`,
  });
}

export async function approveArticle(platform: Platform, caller: Caller, id: string, comment: string) {
  await seenArticle(platform, caller, id);
  await requireReviewer(platform, caller);
  await stepOrFail(platform, caller, id, steps.approve, { comment });
  await tellWriter(platform, id, 'website.approved', 'Bài đã được duyệt', 'Article approved', comment || null);
  return getArticle(platform, caller, id);
}

export async function returnArticle(platform: Platform, caller: Caller, id: string, comment: string) {
  await seenArticle(platform, caller, id);
  await requireReviewer(platform, caller);
  await stepOrFail(platform, caller, id, steps.return, { comment });
  await tellWriter(
    platform,
    id,
    'website.returned',
    'Bài được trả lại để sửa',
    'Article returned for changes',
    comment,
  );
  return getArticle(platform, caller, id);
}

export async function scheduleArticle(platform: Platform, caller: Caller, id: string, publishAt: string) {
  await seenArticle(platform, caller, id);
  await requireReviewer(platform, caller);
  const at = new Date(publishAt);
  if (at.getTime() <= platform.clock().getTime())
    throw fail.field(
      'publishAt',
      'not_future',
      'Thời điểm đăng phải ở tương lai.',
      'The publishing time must be in the future.',
    );
  await stepOrFail(platform, caller, id, steps.schedule, { scheduledFor: at.toISOString() });
  return getArticle(platform, caller, id);
}

export async function publishArticle(platform: Platform, caller: Caller, id: string) {
  await seenArticle(platform, caller, id);
  await requireReviewer(platform, caller);
  await stepOrFail(platform, caller, id, steps.publish);
  await tellWriter(platform, id, 'website.published', 'Bài đã được đăng', 'Article published', null);
  return getArticle(platform, caller, id);
}

export async function unpublishArticle(platform: Platform, caller: Caller, id: string) {
  await seenArticle(platform, caller, id);
  await requireReviewer(platform, caller);
  await stepOrFail(platform, caller, id, steps.unpublish);
  return getArticle(platform, caller, id);
}

/** The scheduled publication, run by the job queue: publishes when still scheduled and due; true when it did. */
export async function publishDue(platform: Platform, articleId: string): Promise<boolean> {
  const ok = await take(platform, systemCaller('website.schedule'), articleId, steps.publish, {
    onlyIfDue: platform.clock().toISOString(),
  }).catch((e: unknown) => {
    if (e instanceof Error && 'status' in e && (e as { status: number }).status === 404) return false;
    throw e;
  });
  if (ok) await tellWriter(platform, articleId, 'website.published', 'Bài đã được đăng', 'Article published', null);
  return ok;
}

export function registerWebsiteJobs(platform: Platform): void {
  platform.jobs.register(PUBLISH_JOB, async (payload: { articleId: string }) => {
    await publishDue(platform, payload.articleId);
  });
}
