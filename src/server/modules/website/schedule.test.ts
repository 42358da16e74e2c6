import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { openDatabase, type DatabaseHandle } from '../../platform/db/database.ts';
import { JobQueue } from '../../platform/jobs/queue.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { createArticle } from './articles.ts';
import { approveArticle, PUBLISH_JOB, publishDue, scheduleArticle, submitArticle } from './workflow.ts';

/**
 * Scheduled publishing happens once however many app processes run it (ADR 24). On PostgreSQL
 * two queues, each on its own connection pool as two processes would be, race for the due job,
 * and two direct runs race as a job taken again after its worker died would; on SQLite the same
 * races run on the one database. Either way: one publication, one step row, one audit row.
 */
describeEachDatabase('website scheduled publishing', (kind) => {
  const env = useTestEnv(kind, {}, { demo: ['organisation'] });
  const extra: DatabaseHandle[] = [];
  let reviewer: Caller;
  let writer: Caller;

  beforeAll(async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-08-30T02:00:00Z'));
    const btg = await platform.db.selectFrom('units').select('id').where('code', '=', 'BTG').executeTakeFirstOrThrow();
    const vp = await platform.db.selectFrom('units').select('id').where('code', '=', 'VP').executeTakeFirstOrThrow();
    const r = await buildUser(platform, { grants: [{ role: 'propaganda_staff', unitId: btg.id }] });
    const w = await buildUser(platform, { grants: [{ role: 'editor', unitId: vp.id }] });
    reviewer = {
      actor: { userId: r.id, name: 'Đặng Quốc Huy' },
      grants: [{ role: 'propaganda_staff', unitId: btg.id }],
    };
    writer = { actor: { userId: w.id, name: 'Trịnh Thị Mai Anh' }, grants: [{ role: 'editor', unitId: vp.id }] };
  }, 120_000);
  afterAll(async () => {
    for (const h of extra) await h.close();
  });

  const scheduled = async (title: string, at: string) => {
    const { platform } = env();
    const a = await createArticle(platform, writer, {
      title,
      summary: 'Hội nghị biểu dương tập thể, cá nhân, sản phẩm tiêu biểu.',
      bodyHtml: '<p>Tối 04/9/2019, tại Nhà hát Thái Bình…</p>',
      categorySlug: 'thong-bao',
      tags: [],
      author: 'Trịnh Thị Mai Anh',
      coverImageId: null,
      coverAlt: null,
      coverCaption: null,
      activityIds: [],
      unitIds: [],
    });
    await submitArticle(platform, writer, a.id);
    await approveArticle(platform, reviewer, a.id, '');
    await scheduleArticle(platform, reviewer, a.id, at);
    return a.id;
  };

  const counts = async (id: string) => {
    const db = env().platform.db;
    const audits = await db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', id)
      .where('action', '=', 'website.article.publish')
      .execute();
    const steps = await db
      .selectFrom('website_events')
      .select('id')
      .where('article_id', '=', id)
      .where('action', '=', 'publish')
      .execute();
    const row = await db
      .selectFrom('website_articles')
      .select(['status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { audits: audits.length, steps: steps.length, ...row };
  };

  it('two queues on their own connections race for the due job: published once', async () => {
    const { platform, clock } = env();
    const id = await scheduled('Thông báo tổ chức Hội nghị biểu dương', '2019-09-04T01:00:00Z');
    clock.set(new Date('2019-09-04T01:00:30Z'));
    const handles =
      kind === 'postgres'
        ? await Promise.all(
            [0, 1].map(() => openDatabase({ kind: 'postgres', ...platform.database.postgres!, poolSize: 2 })),
          )
        : [];
    extra.push(...handles);
    let ran = 0;
    const queues = [0, 1].map((i) => {
      const db = kind === 'postgres' ? handles[i].db : platform.db;
      const q = new JobQueue(db, kind, platform.events, createLogger('silent'), () => clock.now);
      q.register(PUBLISH_JOB, async (payload: { articleId: string }) => {
        ran++;
        await publishDue({ ...platform, db }, payload.articleId);
      });
      return q;
    });
    const done = await Promise.all(queues.map((q) => q.runDue(5)));
    expect(done.reduce((a, b) => a + b, 0)).toBe(1);
    expect(ran).toBe(1);
    expect(await counts(id)).toEqual({
      audits: 1,
      steps: 1,
      status: 'published',
      published_at: '2019-09-04T01:00:00.000Z',
    });
  });

  it('the publication run twice at once (a job taken again after its worker died) publishes once', async () => {
    const { platform, clock } = env();
    const id = await scheduled('Chương trình Hội nghị biểu dương', '2019-09-04T02:00:00Z');
    clock.set(new Date('2019-09-04T02:00:01Z'));
    const handles =
      kind === 'postgres'
        ? await Promise.all(
            [0, 1, 2, 3].map(() => openDatabase({ kind: 'postgres', ...platform.database.postgres!, poolSize: 2 })),
          )
        : [];
    extra.push(...handles);
    const dbs = kind === 'postgres' ? handles.map((h) => h.db) : [platform.db, platform.db, platform.db, platform.db];
    const results = await Promise.all(dbs.map((db) => publishDue({ ...platform, db }, id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await counts(id)).toMatchObject({ audits: 1, steps: 1, status: 'published' });
  });

  it('does not publish before the time, nor an article taken off the schedule', async () => {
    const { platform, clock } = env();
    const id = await scheduled('Bài hẹn giờ rồi trả lại', '2019-09-05T01:00:00Z');
    clock.set(new Date('2019-09-05T00:59:00Z'));
    expect(await publishDue(platform, id)).toBe(false);
    const { returnArticle } = await import('./workflow.ts');
    await returnArticle(platform, reviewer, id, 'Chờ số liệu chính thức.');
    clock.set(new Date('2019-09-05T01:00:10Z'));
    await platform.jobs.runDue();
    expect(await counts(id)).toMatchObject({ audits: 0, steps: 0, status: 'returned' });
  });
});
