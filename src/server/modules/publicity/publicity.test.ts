import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { type Client, signIn } from '../../../../test/support/client.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { newId } from '../../platform/db/ids.ts';
import { demoPlanId, SEED_DEMO_KEY } from '../plans/index.ts';
import { publicityPiecesSource } from './planSource.ts';

/**
 * The publicity plan on both databases: pieces planned by the Propaganda Board, bad input refused
 * in both languages with nothing changed, who may read and change (the Office and the Standing
 * Committee read, a website editor records only a website piece as published), published with an
 * http(s) link only, dropped with a reason, the list's filters and pages, counts per activity and
 * month, audit rows, and the plan's publicity activity taking its progress from the pieces.
 */
describeEachDatabase('publicity', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'plans'] },
  );
  const unit = new Map<string, string>();
  const act = new Map<string, string>();
  let planId = '';
  let board: Client;
  let office: Client;
  let leader: Client;
  let editor: Client;
  let secretary: Client;
  const ids: Record<string, string> = {};

  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 600)).toBe(status);
    return JSON.parse(text);
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-06-15T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    planId = (await demoPlanId(platform, SEED_DEMO_KEY))!;
    for (const a of await platform.db
      .selectFrom('plan_activities')
      .select(['id', 'ref'])
      .where('plan_id', '=', planId)
      .execute())
      act.set(a.ref, a.id);
    const as = async (
      role: 'office_staff' | 'propaganda_staff' | 'bloc_leader' | 'unit_officer' | 'editor',
      code: string,
    ) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return signIn(app, u.username, u.password);
    };
    board = await as('propaganda_staff', 'BTG');
    office = await as('office_staff', 'VP');
    leader = await as('bloc_leader', 'DBK');
    editor = await as('editor', 'BTG');
    secretary = await as('unit_officer', 'CS02');
  }, 120_000);

  const piece = (over: Record<string, unknown> = {}) => ({
    title: 'Khai mạc Giải Cầu lông người lao động',
    kind: 'news',
    outlet: 'newspaper',
    plannedOn: '2019-08-16',
    responsible: 'Ban Tuyên giáo',
    activityId: act.get('A9'),
    ...over,
  });

  it('plans pieces with the activity or the honouree they cover', async () => {
    const a = await json(await board.post('/api/publicity/pieces', piece()), 201);
    expect(a).toMatchObject({
      status: 'planned',
      activity: { ref: 'A9', planId },
      honouree: null,
      outlet: 'newspaper',
    });
    ids.paper = a.id;
    ids.web = (
      await json(
        await board.post(
          '/api/publicity/pieces',
          piece({ title: 'Giải Cầu lông trên trang của Khối', outlet: 'website' }),
        ),
        201,
      )
    ).id;
    const h = await json(
      await board.post(
        '/api/publicity/pieces',
        piece({
          title: 'Gương sáng người thợ máy',
          kind: 'interview',
          activityId: null,
          honouree: 'Nguyễn Văn An',
          plannedOn: '2019-09-02',
        }),
      ),
      201,
    );
    expect(h).toMatchObject({ activity: null, honouree: 'Nguyễn Văn An' });
    ids.honouree = h.id;
    ids.tv = (
      await json(
        await board.post(
          '/api/publicity/pieces',
          piece({ title: 'Phóng sự giải cầu lông', kind: 'report', outlet: 'radio_tv' }),
        ),
        201,
      )
    ).id;
  });

  it('refuses bad input in both languages and changes nothing', async () => {
    const cases: unknown[] = [
      piece({ title: '   ' }),
      piece({ kind: 'poem' }),
      piece({ outlet: 'tiktok' }),
      piece({ plannedOn: '2019-02-30' }),
      piece({ activityId: null }),
      piece({ activityId: 'x' }),
      piece({ extra: 1 }),
      piece({ responsible: '' }),
    ];
    for (const body of cases) {
      const err = await json(await board.post('/api/publicity/pieces', body), 400);
      expect(err.error.messages.vi, JSON.stringify(body)).toBeTruthy();
      expect(err.error.messages.en).toBeTruthy();
    }
    // an activity that does not exist
    const missing = await json(await board.post('/api/publicity/pieces', piece({ activityId: newId() })), 400);
    expect(missing.error.messages.vi).toBeTruthy();
    for (const body of [
      { publishedOn: '2019-08-17', link: 'javascript:alert(1)' },
      { publishedOn: '2019-08-17', link: 'ftp://example.vn/a' },
      { publishedOn: '2019-08-17', link: 'không phải địa chỉ' },
      { publishedOn: '2019-08-17' },
      { publishedOn: '17/08/2019', link: 'https://example.vn/a' },
    ]) {
      const err = await json(await board.post(`/api/publicity/pieces/${ids.paper}/publish`, body), 400);
      expect(err.error.messages.en, JSON.stringify(body)).toBeTruthy();
    }
    // a newspaper piece cannot name a website article; a slug the website has not published is refused
    await json(
      await board.post(`/api/publicity/pieces/${ids.paper}/publish`, { publishedOn: '2019-08-17', articleSlug: 'x' }),
      400,
    );
    await json(
      await board.post(`/api/publicity/pieces/${ids.web}/publish`, {
        publishedOn: '2019-08-17',
        articleSlug: 'khong-co-bai-nay',
      }),
      400,
    );
    await json(await board.post(`/api/publicity/pieces/${ids.paper}/drop`, { reason: ' ' }), 400);
    const list = await json(await board.get('/api/publicity/pieces'));
    expect(list.total).toBe(4);
    expect(list.items.every((i: { status: string }) => i.status === 'planned')).toBe(true);
  });

  it('lets the Office and the Standing Committee read, the editor publish only website pieces, others nothing', async () => {
    expect((await json(await office.get('/api/publicity/pieces'))).total).toBe(4);
    expect((await json(await leader.get('/api/publicity/counts'))).byMonth.length).toBeGreaterThan(0);
    await json(await office.post('/api/publicity/pieces', piece()), 403);
    await json(await leader.patch(`/api/publicity/pieces/${ids.paper}`, { title: 'X' }), 403);
    await json(await secretary.get('/api/publicity/pieces'), 403);
    await json(await secretary.get(`/api/publicity/pieces/${ids.paper}`), 403);
    await json(await editor.post('/api/publicity/pieces', piece()), 403);
    await json(await editor.post(`/api/publicity/pieces/${ids.paper}/drop`, { reason: 'Không cần' }), 403);
    await json(
      await editor.post(`/api/publicity/pieces/${ids.paper}/publish`, {
        publishedOn: '2019-08-17',
        link: 'https://example.vn/a',
      }),
      403,
    );
    const web = await json(
      await editor.post(`/api/publicity/pieces/${ids.web}/publish`, {
        publishedOn: '2019-08-16',
        link: 'https://example.vn/trang-thong-tin/giai-cau-long',
      }),
    );
    expect(web).toMatchObject({ status: 'published', publishedOn: '2019-08-16' });
  });

  it('edits a planned piece, publishes with its link, drops with a reason, and freezes both', async () => {
    const edited = await json(
      await board.patch(`/api/publicity/pieces/${ids.paper}`, {
        title: 'Khai mạc giải cầu lông 2019',
        plannedOn: '2019-08-17',
      }),
    );
    expect(edited).toMatchObject({ title: 'Khai mạc giải cầu lông 2019', plannedOn: '2019-08-17' });
    await json(await board.patch(`/api/publicity/pieces/${ids.honouree}`, { honouree: '' }), 400);
    const published = await json(
      await board.post(`/api/publicity/pieces/${ids.paper}/publish`, {
        publishedOn: '2019-08-17',
        link: 'https://example.vn/bao-thai-binh/khai-mac',
      }),
    );
    expect(published).toMatchObject({ status: 'published', link: 'https://example.vn/bao-thai-binh/khai-mac' });
    const dropped = await json(
      await board.post(`/api/publicity/pieces/${ids.tv}/drop`, { reason: 'Đài dời lịch phát sóng' }),
    );
    expect(dropped).toMatchObject({ status: 'dropped', dropReason: 'Đài dời lịch phát sóng' });
    await json(await board.patch(`/api/publicity/pieces/${ids.paper}`, { title: 'Lại' }), 409);
    await json(
      await board.post(`/api/publicity/pieces/${ids.tv}/publish`, {
        publishedOn: '2019-08-20',
        link: 'https://example.vn/x',
      }),
      409,
    );
    const audit = await env()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'publicity_piece')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        ...Array(4).fill('publicity_piece.create'),
        'publicity_piece.drop',
        'publicity_piece.publish',
        'publicity_piece.publish',
        'publicity_piece.update',
      ].sort(),
    );
  });

  it('lists with filters and pages, counts per activity and month', async () => {
    const byStatus = await json(await office.get('/api/publicity/pieces?status=published'));
    expect(byStatus.total).toBe(2);
    const month = await json(await office.get('/api/publicity/pieces?month=2019-09'));
    expect(month.items.map((i: { id: string }) => i.id)).toEqual([ids.honouree]);
    const words = await json(await office.get('/api/publicity/pieces?q=GUONG%20SANG'));
    expect(words.total).toBe(1);
    const page = await json(await office.get(`/api/publicity/pieces?activityId=${act.get('A9')}&pageSize=2&page=2`));
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    await json(await office.get('/api/publicity/pieces?month=2019-13'), 400);
    const counts = await json(await office.get(`/api/publicity/counts?planId=${planId}`));
    expect(counts.byActivity).toEqual([
      { activityId: act.get('A9'), ref: 'A9', title: expect.any(String), planned: 2, published: 2, dropped: 1 },
    ]);
    const all = await json(await office.get('/api/publicity/counts'));
    expect(all.byActivity.at(-1)).toMatchObject({ activityId: null, planned: 1, published: 0 });
    expect(all.byMonth).toEqual([
      { month: '2019-08', planned: 2, published: 2, dropped: 1 },
      { month: '2019-09', planned: 1, published: 0, dropped: 0 },
    ]);
    const choices = await json(await editor.get('/api/publicity/activities'));
    expect(choices.items.some((a: { ref: string }) => a.ref === 'A2')).toBe(true);
  });

  it('gives the plan’s publicity activities their progress', async () => {
    const { platform } = env();
    const plan = { issuedOn: '2019-06-10', periodStart: '2019-06-10' };
    const a9 = { id: act.get('A9')!, planId, start: null, due: null, target: null };
    // two live pieces on A9, both published (the dropped one does not count): done on the last day
    expect(await publicityPiecesSource.evaluate(platform, a9, plan, '2019-08-20')).toMatchObject({
      doneOn: '2019-08-17',
      percent: 100,
      figure: 2,
    });
    // before the second was published, half
    expect(await publicityPiecesSource.evaluate(platform, a9, plan, '2019-08-16')).toMatchObject({
      doneOn: null,
      percent: 50,
      figure: 1,
    });
    // II.1's publicity (no piece names it) counts the whole plan's pieces: 2 of 2 published
    const a2 = { id: act.get('A2')!, planId, start: null, due: null, target: null };
    expect(await publicityPiecesSource.evaluate(platform, a2, plan, '2019-09-30')).toMatchObject({
      doneOn: '2019-08-17',
      percent: 100,
    });
    // another plan without pieces: no answer
    const other = { id: newId(), planId: newId(), start: null, due: null, target: null };
    expect(await publicityPiecesSource.evaluate(platform, other, plan, '2019-09-30')).toBeNull();
  });
});
