import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous, type Client, signIn } from '../../../../test/support/client.ts';
import {
  articleCategories,
  publishedArticle,
  publishedArticles,
  searchPublishedArticles,
  websiteVersion,
} from './index.ts';
import { articlesFeed } from './feed.ts';
import type { ArticleListOut, ArticleOut, DiffOut, ImageUploadOut } from './schema.ts';

/**
 * The website's editors end to end on both databases: images checked, stripped and resized once;
 * script injected through every field never stored nor shown; who sees and does what; the
 * workflow with its notifications; revisions and the word diff since the last approval; the
 * public entry (published only, search without diacritics, categories, version, feed); the image
 * route public only once published.
 */
const SCRIPT = '<script>alert("xss")</script>';
const EVIL = /<script|onerror|onload|javascript:|alert\(|evil\.example/i;

async function jpegWithMetadata(text: string, width = 1200, height = 800): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#c0392b"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f1c40f"/></svg>`;
  const buf = await sharp(Buffer.from(svg))
    .jpeg()
    .withExif({ IFD0: { ImageDescription: text, Artist: text, Copyright: 'GPS 21.0,106.0' } })
    .toBuffer();
  return new Uint8Array(buf);
}

describeEachDatabase('website', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'plans'] },
  );
  const unit = new Map<string, string>();
  const users: Record<string, { client: Client; id: string }> = {};
  let activityId = '';
  let image: ImageUploadOut;
  let article: ArticleOut;

  const upload = (c: Client, bytes: Uint8Array | string, name: string) =>
    env().app.request(`/api/website/images?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: c.cookie!, 'x-csrf-token': c.csrfToken!, 'content-type': 'application/octet-stream' },
      body: bytes as BodyInit,
    });
  const json = async <T>(res: Response, status = 200): Promise<T> => {
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 800)).toBe(status);
    return body as T;
  };
  const body = (over: Record<string, unknown> = {}) => ({
    title: `${SCRIPT}Giải cầu lông công nhân năm 2019 <b>khai mạc</b>`,
    summary: `Sáng 15/7, ${SCRIPT} tại Nhà thi đấu tỉnh, 214 vận động viên tranh tài.`,
    bodyHtml: [
      `<h1>Không khí sôi nổi</h1><p onclick="alert(1)">Sáng 15/7/2019, giải <strong>cầu lông</strong> khai mạc.${SCRIPT}</p>`,
      `<p><a href="javascript:alert(1)">bấm</a> <a href="https://baothaibinh.com.vn/tin">Báo Thái Bình</a></p>`,
      `<img src="/anh/${image.id}/960.jpg" alt="Lễ khai mạc<script>x</script>" title="Vận động viên <img src=x onerror=alert(1)> diễu hành" onerror="alert(1)">`,
      '<img src="https://evil.example/x.png" alt="x"><img src="data:image/png;base64,AAAA">',
      '<iframe src="https://evil.example/embed"></iframe>',
      '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" onload="alert(1)"></iframe>',
      '<style>body{display:none}</style><svg><script>alert(1)</script></svg><form action="/x"><input></form>',
      '<blockquote><p>Phát huy truyền thống đoàn kết</p></blockquote><ul><li>Đơn nam</li><li>Đôi nam nữ</li></ul>',
    ].join(''),
    categorySlug: 'tin-hoat-dong',
    tags: [`cầu lông${SCRIPT}`, '<img src=x onerror=alert(1)>Công nhân'],
    author: `Trịnh Thị Mai Anh${SCRIPT}`,
    coverImageId: image.id,
    coverAlt: `Vận động viên thi đấu <b onmouseover=alert(1)>đơn nam</b>`,
    coverCaption: `Trận chung kết ${SCRIPT}`,
    activityIds: [activityId],
    unitIds: [unit.get('CS02')!],
    ...over,
  });

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-15T02:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const as = async (
      name: string,
      role: 'editor' | 'board_staff' | 'propaganda_staff' | 'office_staff' | 'unit_officer' | 'bloc_leader',
      code: string,
    ) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }], displayName: name });
      users[name] = { client: await signIn(app, u.username, u.password), id: u.id };
    };
    await as('editor', 'editor', 'VP');
    await as('editor2', 'editor', 'VP');
    await as('reviewer', 'propaganda_staff', 'BTG');
    await as('office', 'office_staff', 'VP');
    await as('otherBoard', 'board_staff', 'BTC');
    await as('unitOfficer', 'unit_officer', 'CS02');
    await as('leader', 'bloc_leader', 'DBK');
    const act = await platform.db.selectFrom('plan_activities').select('id').limit(1).executeTakeFirstOrThrow();
    activityId = act.id;
  }, 120_000);

  it('uploads an image: checked by content, metadata gone, resized once into 3 widths × AVIF/WebP/JPEG', async () => {
    const { platform } = env();
    const bytes = await jpegWithMetadata(SCRIPT, 1200, 800);
    const res = await upload(users.editor.client, bytes, `${SCRIPT}.jpg`);
    image = await json<ImageUploadOut>(res, 201);
    expect(image.width).toBe(1200);
    expect(image.height).toBe(800);
    expect(image.widths).toEqual([480, 960]);
    const variants = await platform.db
      .selectFrom('website_image_variants')
      .select(['width', 'height', 'format', 'content'])
      .where('image_id', '=', image.id)
      .execute();
    expect(variants.map((v) => `${v.width}x${v.height}.${v.format}`).sort()).toEqual([
      '480x320.avif',
      '480x320.jpeg',
      '480x320.webp',
      '960x640.avif',
      '960x640.jpeg',
      '960x640.webp',
    ]);
    const { default: sharp } = await import('sharp');
    for (const v of variants) {
      const text = Buffer.from(v.content).toString('latin1');
      expect(text).not.toMatch(/script|GPS 21/);
      const meta = await sharp(Buffer.from(v.content)).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(v.width);
    }
    const file = await platform.db
      .selectFrom('stored_files')
      .select(['name', 'content', 'owner_type'])
      .where('owner_id', '=', image.id)
      .executeTakeFirstOrThrow();
    expect(file.owner_type).toBe('website.image');
    expect(file.name).not.toMatch(/[<>"]/);
    expect(Buffer.from(file.content).toString('latin1')).not.toMatch(/script|GPS 21/);
    // a PDF is not an image, whatever its name
    const pdf = await upload(users.editor.client, '%PDF-1.4\n1 0 obj\n', 'a.jpg');
    expect(pdf.status).toBe(415);
  });

  it('stores no script from any field, keeps what the allow-list allows, and makes a slug without diacritics', async () => {
    const { platform } = env();
    article = await json<ArticleOut>(await users.editor.client.post('/api/website/articles', body()), 201);
    expect(article.status).toBe('draft');
    expect(article.slug).toBe('giai-cau-long-cong-nhan-nam-2019-khai-mac');
    expect(article.title).toBe('Giải cầu lông công nhân năm 2019 khai mạc');
    expect(article.tags).toEqual([
      { slug: 'cau-long', name: 'cầu lông' },
      { slug: 'cong-nhan', name: 'Công nhân' },
    ]);
    const row = await platform.db
      .selectFrom('website_articles')
      .selectAll()
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toMatch(EVIL);
    expect(row.body_html).toContain('<h2>Không khí sôi nổi</h2>');
    expect(row.body_html).toContain(
      `<img src="/anh/${image.id}/960.jpg" alt="Lễ khai mạc" title="Vận động viên diễu hành" />`,
    );
    expect(row.body_html).toContain(
      'href="https://baothaibinh.com.vn/tin" rel="noopener noreferrer nofollow" target="_blank"',
    );
    expect(row.body_html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(row.body_html).toContain('<blockquote><p>Phát huy truyền thống đoàn kết</p></blockquote>');
    expect(row.body_html).not.toMatch(/<style|<svg|<form|<input|data:/);
    expect(row.cover_alt).toBe('Vận động viên thi đấu đơn nam');
    expect(row.cover_caption).toBe('Trận chung kết');
    const revision = await platform.db
      .selectFrom('website_revisions')
      .selectAll()
      .where('article_id', '=', article.id)
      .execute();
    expect(JSON.stringify(revision)).not.toMatch(EVIL);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', article.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['website.article.create']);
  });

  it('refuses bad input with a message in both languages and changes nothing', async () => {
    const { platform } = env();
    const count = async () =>
      Number(
        (
          await platform.db
            .selectFrom('website_articles')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ coverAlt: '' }, 'coverAlt'],
      [{ title: SCRIPT }, 'title'],
      [{ activityIds: ['0190a0a0-0000-7000-8000-000000000000'] }, 'activityIds'],
      [{ unitIds: ['0190a0a0-0000-7000-8000-000000000000'] }, 'unitIds'],
      [{ categorySlug: 'khong-co' }, 'categorySlug'],
      [{ coverImageId: '0190a0a0-0000-7000-8000-000000000000' }, 'coverImageId'],
    ];
    for (const [over, field] of cases) {
      const res = await users.editor.client.post('/api/website/articles', body(over));
      const err = (await res.json()) as {
        error: { messages: { vi: string; en: string }; details: { path: string; messages: { vi: string } }[] };
      };
      expect(res.status, field).toBe(400);
      expect(err.error.details[0].path).toBe(field);
      expect(err.error.details[0].messages.vi.length).toBeGreaterThan(5);
    }
    expect(await count()).toBe(before);
  });

  it('lets only the writer, the Office, the Propaganda Board and the leaders see a draft', async () => {
    const list = async (c: Client) => json<ArticleListOut>(await c.get('/api/website/articles'));
    expect((await list(users.editor.client)).total).toBe(1);
    expect((await list(users.editor2.client)).total).toBe(0);
    expect((await list(users.otherBoard.client)).total).toBe(0);
    expect((await list(users.office.client)).total).toBe(1);
    expect((await list(users.reviewer.client)).total).toBe(1);
    expect((await list(users.leader.client)).total).toBe(1);
    expect((await users.unitOfficer.client.get('/api/website/articles')).status).toBe(403);
    expect((await users.editor2.client.get(`/api/website/articles/${article.id}`)).status).toBe(404);
    expect((await users.otherBoard.client.get(`/api/website/articles/${article.id}`)).status).toBe(404);
    expect((await users.editor2.client.put(`/api/website/articles/${article.id}`, body())).status).toBe(404);
    expect(await publishedArticle(env().platform.db, article.slug)).toBeNull();
    // the image is not public before the article is published; its editors see it
    expect((await anonymous(env().app).get(`/anh/${image.id}/480.jpg`)).status).toBe(404);
    const mine = await users.editor.client.get(`/anh/${image.id}/480.jpg`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect((await users.unitOfficer.client.get(`/anh/${image.id}/480.jpg`)).status).toBe(404);
  });

  it('runs the workflow with its notifications; the editor cannot approve, nor the Office', async () => {
    const { platform } = env();
    const id = article.id;
    const notes = async (userId: string, kindName: string) =>
      platform.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('kind', '=', kindName)
        .execute();
    expect((await users.editor.client.post(`/api/website/articles/${id}/approve`, {})).status).toBe(403);
    expect((await users.editor.client.post(`/api/website/articles/${id}/publish`)).status).toBe(403);
    const submitted = await json<ArticleOut>(await users.editor.client.post(`/api/website/articles/${id}/submit`));
    expect(submitted.status).toBe('submitted');
    const toReviewer = await notes(users.reviewer.id, 'website.submitted');
    expect(toReviewer).toHaveLength(1);
    expect(toReviewer[0].link).toBe(`/website/articles/${id}`);
    expect(await notes(users.office.id, 'website.submitted')).toHaveLength(0);
    expect(await notes(users.otherBoard.id, 'website.submitted')).toHaveLength(0);
    // the Office oversees but does not review: review is the Propaganda Board's role (ADR 31)
    expect((await users.office.client.post(`/api/website/articles/${id}/approve`, {})).status).toBe(403);
    expect((await users.reviewer.client.post(`/api/website/articles/${id}/return`, { comment: '' })).status).toBe(400);
    const returned = await json<ArticleOut>(
      await users.reviewer.client.post(`/api/website/articles/${id}/return`, {
        comment: 'Bổ sung số vận động viên nữ.',
      }),
    );
    expect(returned.status).toBe('returned');
    expect(returned.reviewComment).toBe('Bổ sung số vận động viên nữ.');
    const told = await notes(users.editor.id, 'website.returned');
    expect(told).toHaveLength(1);
    expect(told[0].body_vi).toContain('Bổ sung số vận động viên nữ.');
    await json(
      await users.editor.client.put(
        `/api/website/articles/${id}`,
        body({ summary: 'Sáng 15/7, 214 vận động viên, trong đó 61 nữ, tranh tài.' }),
      ),
    );
    await json(await users.editor.client.post(`/api/website/articles/${id}/submit`));
    const approved = await json<ArticleOut>(
      await users.reviewer.client.post(`/api/website/articles/${id}/approve`, { comment: 'Đạt.' }),
    );
    expect(approved.status).toBe('approved');
    expect(approved.approvedRevision).toBe(2);
    expect(await notes(users.editor.id, 'website.approved')).toHaveLength(1);
    // approving twice at once: one step
    const again = await users.reviewer.client.post(`/api/website/articles/${id}/approve`, {});
    expect(again.status).toBe(409);
  });

  it('keeps a revision per save; a writer’s change after approval needs approval again; the diff shows it word by word', async () => {
    const id = article.id;
    const edited = await json<ArticleOut>(
      await users.editor.client.put(
        `/api/website/articles/${id}`,
        body({
          title: 'Giải cầu lông công nhân năm 2019 khai mạc rực rỡ',
          summary: 'Sáng 15/7, 214 vận động viên, trong đó 61 nữ, tranh tài sôi nổi.',
          slug: 'giai-cau-long-cong-nhan-2019',
        }),
      ),
    );
    expect(edited.status).toBe('draft');
    expect(edited.slug).toBe('giai-cau-long-cong-nhan-2019');
    expect(edited.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    // who saved and who acted, by the names people know (the accounts' display names, not usernames)
    expect(edited.revisions[0].savedBy).toBe('editor');
    expect(edited.events.length).toBeGreaterThan(0);
    for (const e of edited.events) expect(Object.keys(users)).toContain(e.actor);
    const diff = await json<DiffOut>(await users.reviewer.client.get(`/api/website/articles/${id}/diff`));
    expect(diff).toMatchObject({ from: 2, to: 3, sinceApproval: true });
    expect(diff.title.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['rực rỡ']);
    expect(diff.summary.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'tài.' },
      { kind: 'added', text: 'tài sôi nổi.' },
    ]);
    const first = await json<DiffOut>(await users.editor.client.get(`/api/website/articles/${id}/diff?from=1&to=2`));
    expect(first.summary.some((p) => p.kind === 'added' && p.text.includes('61 nữ'))).toBe(true);
    expect((await users.editor.client.get(`/api/website/articles/${id}/diff?from=1&to=99`)).status).toBe(404);
  });

  it('publishes: the public entry shows it with its pictures, search finds it without diacritics, the version moves', async () => {
    const { platform, app } = env();
    const id = article.id;
    await json(await users.editor.client.post(`/api/website/articles/${id}/submit`));
    await json(await users.reviewer.client.post(`/api/website/articles/${id}/approve`, {}));
    const v0 = await websiteVersion(platform.db);
    const published = await json<ArticleOut>(await users.reviewer.client.post(`/api/website/articles/${id}/publish`));
    expect(published.status).toBe('published');
    expect(published.slugLocked).toBe(true);
    const v1 = await websiteVersion(platform.db);
    expect(v1).not.toBe(v0);
    const pub = (await publishedArticle(platform.db, 'giai-cau-long-cong-nhan-2019'))!;
    expect(pub.title).toBe('Giải cầu lông công nhân năm 2019 khai mạc rực rỡ');
    expect(JSON.stringify(pub)).not.toMatch(EVIL);
    expect(pub.cover).toMatchObject({
      alt: 'Vận động viên thi đấu đơn nam',
      caption: 'Trận chung kết',
      width: 960,
      height: 640,
    });
    expect(pub.cover!.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect(pub.bodyHtml).toContain('<figure class="article-image"><picture><source type="image/avif"');
    expect(pub.bodyHtml).toContain('width="960" height="640" alt="Lễ khai mạc" loading="lazy"');
    expect(pub.bodyHtml).toContain('<figcaption>Vận động viên diễu hành</figcaption>');
    expect(pub.activityIds).toEqual([activityId]);
    for (const q of ['cau long', 'CẦU LÔNG', 'van dong vien nu', 'dieu hanh', 'cong nhan']) {
      const found = await searchPublishedArticles(platform.db, q, { page: 1, pageSize: 10 });
      expect(found.total, q).toBe(1);
    }
    expect((await searchPublishedArticles(platform.db, 'bong da', { page: 1, pageSize: 10 })).total).toBe(0);
    expect((await publishedArticles(platform.db, { tag: 'cau-long', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await publishedArticles(platform.db, { category: 'thong-bao', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await articleCategories(platform.db)).find((c) => c.slug === 'tin-hoat-dong')!.count).toBe(1);
    const listed = await json<ArticleListOut>(
      await users.office.client.get('/api/website/articles?q=CAU%20LONG&status=published'),
    );
    expect(listed.total).toBe(1);
    // the image is public now, for a year
    const img = await anonymous(app).get(`/anh/${image.id}/480.avif`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/avif');
    expect(img.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await anonymous(app).get(`/anh/${image.id}/1600.jpg`)).status).toBe(404);
    const rss = await articlesFeed(platform.db, 'https://dangbokhoidn.thaibinh.example', 'rss');
    expect(rss).toContain('<link>https://dangbokhoidn.thaibinh.example/tin-tuc/giai-cau-long-cong-nhan-2019</link>');
    expect(rss).not.toMatch(/<script|onerror/);
    const atom = await articlesFeed(platform.db, 'https://dangbokhoidn.thaibinh.example', 'atom');
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    // the slug is kept once published; a reviewer's edit of a published article keeps it published and moves the version
    const kept = await users.reviewer.client.put(`/api/website/articles/${id}`, body({ slug: 'doi-ten' }));
    expect(kept.status).toBe(400);
    const edited = await json<ArticleOut>(
      await users.reviewer.client.put(`/api/website/articles/${id}`, body({ title: 'Giải cầu lông công nhân 2019' })),
    );
    expect(edited.status).toBe('published');
    expect(await websiteVersion(platform.db)).not.toBe(v1);
    expect((await users.editor.client.put(`/api/website/articles/${id}`, body())).status).toBe(409);
    const un = await json<ArticleOut>(await users.reviewer.client.post(`/api/website/articles/${id}/unpublish`));
    expect(un.status).toBe('unpublished');
    expect(await publishedArticle(platform.db, 'giai-cau-long-cong-nhan-2019')).toBeNull();
    expect((await anonymous(app).get(`/anh/${image.id}/480.avif`)).status).toBe(404);
  });

  it('publishes a scheduled article from the job queue once, when due', async () => {
    const { platform, clock } = env();
    const created = await json<ArticleOut>(
      await users.editor.client.post(
        '/api/website/articles',
        body({
          title: 'Thông báo lịch Hội nghị biểu dương',
          categorySlug: 'thong-bao',
          coverImageId: null,
          coverAlt: null,
        }),
      ),
      201,
    );
    const id = created.id;
    await json(await users.editor.client.post(`/api/website/articles/${id}/submit`));
    await json(await users.reviewer.client.post(`/api/website/articles/${id}/approve`, {}));
    expect(
      (await users.reviewer.client.post(`/api/website/articles/${id}/schedule`, { publishAt: '2019-07-01T00:00:00Z' }))
        .status,
    ).toBe(400);
    const s = await json<ArticleOut>(
      await users.reviewer.client.post(`/api/website/articles/${id}/schedule`, {
        publishAt: '2019-07-16T01:00:00+07:00',
      }),
    );
    expect(s.status).toBe('scheduled');
    expect(s.scheduledFor).toBe('2019-07-15T18:00:00.000Z');
    await platform.jobs.runDue();
    expect((await json<ArticleOut>(await users.editor.client.get(`/api/website/articles/${id}`))).status).toBe(
      'scheduled',
    );
    clock.set(new Date('2019-07-15T18:00:05Z'));
    await platform.jobs.runDue();
    await platform.jobs.runDue();
    const after = await json<ArticleOut>(await users.editor.client.get(`/api/website/articles/${id}`));
    expect(after.status).toBe('published');
    expect(after.publishedAt).toBe('2019-07-15T18:00:00.000Z');
    const audits = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'website.article.publish')
      .execute();
    expect(audits).toHaveLength(1);
    expect((await publishedArticles(platform.db, { category: 'thong-bao', page: 1, pageSize: 10 })).total).toBe(1);
  });
});
