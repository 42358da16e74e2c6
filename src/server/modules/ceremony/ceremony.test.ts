import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, postgresUrl } from '../../../../test/support/databases.ts';
import { type Answer, anonymous, type Client, signIn } from '../../../../test/support/client.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { createApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { startPlatform, stopPlatform, type Platform } from '../../platform/platform.ts';
import { HONOURS_DEMO_CODE, honoursDemo } from '../honours/demo.ts';
import { organisationDemo } from '../organisation/demo.ts';
import type { getCeremony, listGuests } from './ceremonies.ts';
import { ceremonyHeldSource } from './planSource.ts';
import type { liveState } from './show.ts';
import { castChoices, decryptAndPublish, makeChairKey } from '../../../../test/support/ballots.ts';

/**
 * The ceremony on both databases: a programme from Art. 13, award batches that follow the honours
 * results until frozen and then show a difference to accept, guests in protocol order choosing the
 * presenters, who may do what (the public only once published), the show called live, the plan's
 * activity, and on PostgreSQL the live state seen through a second app on the same database.
 */
describeEachDatabase('ceremony', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  const unit = new Map<string, string>();
  let board: Client;
  let viewer: Client;
  let caller: Client;
  const members: { id: string; client: Client }[] = [];
  let campaignId = '';
  let categories: { id: string; kind: string }[] = [];
  const byUnit = new Map<string, string>();
  type Programme = Answer<typeof getCeremony>;
  let following: Programme;
  let frozen: Programme;

  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return JSON.parse(text);
  };
  const ceremonyBody = (code: string) => ({
    code,
    name: 'Hội nghị tôn vinh 15 năm',
    eventDate: '2019-09-04',
    venue: 'Nhà văn hóa tỉnh',
    doors: '19:00',
    start: '19:30',
    targetEnd: '21:30',
    honoursCampaignId: campaignId,
    stageSize: 2,
  });

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-25T03:00:00Z'));
    await organisationDemo.load(platform);
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    await honoursDemo.load(platform);
    // the Propaganda Board sets up the ceremony and confirms the honours; the Office runs the Council's session (ADR 31)
    const b = await buildUser(platform, {
      grants: [
        { role: 'propaganda_staff', unitId: unit.get('BTG')! },
        { role: 'office_staff', unitId: unit.get('VP')! },
      ],
    });
    board = await signIn(app, b.username, b.password);
    const v = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    viewer = await signIn(app, v.username, v.password);
    const l = await buildUser(platform, { grants: [{ role: 'bloc_leader', unitId: null }] });
    caller = await signIn(app, l.username, l.password);
    for (let i = 0; i < 3; i++) {
      const u = await buildUser(platform, { grants: [{ role: 'council_member', unitId: unit.get('HDTDKT')! }] });
      members.push({ id: u.id, client: await signIn(app, u.username, u.password) });
    }
    const row = await platform.db
      .selectFrom('honour_campaigns')
      .select('id')
      .where('code', '=', HONOURS_DEMO_CODE)
      .executeTakeFirstOrThrow();
    campaignId = row.id;
    const campaign = await json(await board.get(`/api/honours/campaigns/${campaignId}`));
    categories = campaign.categories;
    const code = new Map([...unit.entries()].map(([c, id]) => [id, c]));
    for (const n of await platform.db
      .selectFrom('honour_nominations')
      .select(['id', 'category_id', 'unit_id'])
      .where('campaign_id', '=', campaignId)
      .execute())
      byUnit.set(`${categories.find((c) => c.id === n.category_id)!.kind}:${code.get(n.unit_id)}`, n.id);
  }, 120_000);

  it('a new programme follows Art. 13 and its clock; the organisers edit it; the public sees nothing yet', async () => {
    following = await json(await board.post('/api/ceremonies', ceremonyBody('LE-A')), 201);
    expect(following.segments.map((s) => s.kind)).toEqual([
      'welcome_performance',
      'programme',
      'anthem',
      'introduction',
      'speech',
      'awards',
      'leader_speech',
      'reply',
      'closing',
    ]);
    // 15 + 2 + 3 + 5 + 20 + 30 + 15 + 5 + 3 = 98 minutes from 19:30
    expect(following.end).toBe('21:08');
    expect(following.overUnderMinutes).toBe(-22);
    expect(following.segments[0]).toMatchObject({ start: '19:30', end: '19:45', latestStart: '19:52' });
    const leader = following.segments[6];
    // a hard start at 20:50 (planned 20:45): a gap of 5 before it
    let p: Programme = await json(
      await board.patch(`/api/ceremonies/${following.id}/segments/${leader.id}`, { hardStart: '20:50' }),
    );
    expect(p.segments[6]).toMatchObject({ start: '20:50', gapMinutes: 5 });
    // the MC's lines read at 200 syllables a minute: 100 syllables take 30 s
    const lines = Array.from({ length: 100 }, () => 'kính').join(' ');
    p = await json(
      await board.patch(`/api/ceremonies/${following.id}/segments/${following.segments[1].id}`, { mcLines: lines }),
    );
    expect(p.segments[1].readingSeconds).toBe(30);
    // a guest act entered by hand after the speech: its duration from its measured seconds
    p = await json(
      await board.post(`/api/ceremonies/${following.id}/segments`, {
        section: 'main',
        kind: 'performance',
        title: 'Tiết mục khách mời',
        act: { title: 'Bài ca Thái Bình', performers: 'Đoàn Chèo tỉnh', seconds: 250 },
        after: following.segments[4].id,
      }),
      201,
    );
    expect(p.segments[5]).toMatchObject({
      kind: 'performance',
      minutes: 5,
      act: { source: null, title: 'Bài ca Thái Bình' },
    });
    // a festival act must come from a registered source
    await json(
      await board.post(`/api/ceremonies/${following.id}/segments`, {
        section: 'main',
        kind: 'performance',
        title: 'X',
        act: { source: 'festival.chosen', entryId: 'nope', title: 'X', performers: 'Y' },
      }),
      400,
    );
    // too long: the past-target-end warning says by how much
    p = await json(await board.patch(`/api/ceremonies/${following.id}`, { targetEnd: '21:00' }));
    expect(p.warnings.map((w) => w.kind)).toEqual(['past-target-end']);
    expect(p.overUnderMinutes).toBeGreaterThan(0);
    following = await json(await board.patch(`/api/ceremonies/${following.id}`, { targetEnd: '21:30' }));
    await json(await anonymous(env().app).get('/api/public/ceremonies/LE-A'), 404);
    expect((await json(await anonymous(env().app).get('/api/public/ceremonies'))).items).toEqual([]);
  });

  it('who may do what: the viewer reads, cannot build or call; the public sees a published programme without the script', async () => {
    await json(await viewer.get(`/api/ceremonies/${following.id}`));
    await json(await viewer.post('/api/ceremonies', ceremonyBody('LE-X')), 403);
    await json(await viewer.patch(`/api/ceremonies/${following.id}`, { published: true }), 403);
    await json(await viewer.post(`/api/ceremonies/${following.id}/live`, { action: 'start' }), 403);
    await json(await board.patch(`/api/ceremonies/${following.id}`, { published: true }));
    const pub = await json(await anonymous(env().app).get('/api/public/ceremonies/LE-A'));
    expect(pub.segments[0]).toEqual({
      title: 'Chương trình văn nghệ chào mừng',
      kind: 'welcome_performance',
      start: '19:30',
      performers: null,
      // before the show: nothing started, the first item next
      state: 'planned',
      actualStart: null,
    });
    expect(pub.live).toEqual({
      status: 'waiting',
      current: null,
      next: { index: 0, title: pub.segments[0].title, start: '19:30' },
    });
    expect(JSON.stringify(pub)).not.toContain('kính kính');
    await json(await board.patch(`/api/ceremonies/${following.id}`, { published: false }));
    await json(await anonymous(env().app).get('/api/public/ceremonies/LE-A'), 404);
  });

  it('guests in protocol order; the MC introduces them from the replies; presenters by rank', async () => {
    const add = (g: object) => board.post(`/api/ceremonies/${following.id}/guests`, g);
    await json(
      await add({
        name: 'Chủ tịch MTTQ',
        title: 'Chủ tịch Ủy ban MTTQ tỉnh',
        level: 'province',
        branch: 'front',
        rank: 1,
        mayPresent: true,
      }),
      201,
    );
    await json(
      await add({
        name: 'Chủ tịch UBND',
        title: 'Chủ tịch UBND tỉnh',
        level: 'province',
        branch: 'state',
        rank: 1,
        mayPresent: true,
      }),
      201,
    );
    await json(
      await add({
        name: 'Giám đốc Sở',
        title: 'Giám đốc Sở Công Thương',
        level: 'department',
        branch: 'state',
        rank: 1,
      }),
      201,
    );
    const list: Answer<typeof listGuests> = await json(
      await add({
        name: 'Bí thư Tỉnh ủy',
        title: 'Bí thư Tỉnh ủy',
        level: 'province',
        branch: 'party',
        rank: 1,
        mayPresent: true,
      }),
      201,
    );
    expect(list.items.map((g) => g.name)).toEqual(['Bí thư Tỉnh ủy', 'Chủ tịch UBND', 'Chủ tịch MTTQ', 'Giám đốc Sở']);
    expect(list.introduction).toBe('');
    const id = (name: string) => list.items.find((g) => g.name === name)!.id;
    await json(
      await board.patch(`/api/ceremonies/${following.id}/guests/${id('Bí thư Tỉnh ủy')}`, { reply: 'deputy' }),
      400,
    );
    await json(
      await board.patch(`/api/ceremonies/${following.id}/guests/${id('Bí thư Tỉnh ủy')}`, {
        reply: 'deputy',
        deputy: { name: 'Phó Bí thư', title: 'Phó Bí thư Thường trực Tỉnh ủy' },
      }),
    );
    await json(
      await board.patch(`/api/ceremonies/${following.id}/guests/${id('Chủ tịch UBND')}`, { reply: 'declined' }),
    );
    await json(
      await board.patch(`/api/ceremonies/${following.id}/guests/${id('Chủ tịch MTTQ')}`, { reply: 'attending' }),
    );
    const after: Answer<typeof listGuests> = await json(
      await board.patch(`/api/ceremonies/${following.id}/guests/${id('Giám đốc Sở')}`, { reply: 'attending' }),
    );
    expect(after.replies).toEqual({ pending: 0, attending: 2, deputy: 1, declined: 0 + 1 });
    expect(after.introduction.split('\n').slice(1)).toEqual([
      '- Đồng chí Phó Bí thư, Phó Bí thư Thường trực Tỉnh ủy;',
      '- Đồng chí Chủ tịch MTTQ, Chủ tịch Ủy ban MTTQ tỉnh;',
      '- Đồng chí Giám đốc Sở, Giám đốc Sở Công Thương.',
    ]);
  });

  it('award batches follow the results until frozen; after the decision a frozen programme shows the difference to accept', async () => {
    frozen = await json(await board.post('/api/ceremonies', ceremonyBody('LE-B')), 201);
    expect(frozen.awards).toMatchObject({ campaign: { id: campaignId, decided: false }, batches: [], frozen: false });
    frozen = await json(await board.post(`/api/ceremonies/${frozen.id}/freeze`));
    expect(frozen.awards).toMatchObject({ frozen: true, batches: [], difference: null });
    await json(await board.post(`/api/ceremonies/${frozen.id}/freeze`), 409);
    await json(await viewer.post(`/api/ceremonies/${frozen.id}/awards/accept`), 403);

    // the Council selects 2 collectives, 1 individual, 3 products; the Standing Committee confirms
    const session = await json(
      await board.post('/api/honours/sessions', {
        campaignId,
        title: 'Phiên họp xét chọn',
        heldOn: '2019-07-26',
        members: members.map((m, i) => ({ userId: m.id, role: i === 0 ? 'chair' : 'member' })),
        rules: {
          quorum: { numerator: 2, denominator: 3 },
          approval: { share: 0.5, strict: true, base: 'members' },
          method: 'approve',
        },
      }),
      201,
    );
    await json(
      await board.post(`/api/honours/sessions/${session.id}/attendance`, {
        attendance: members.map((m) => ({ userId: m.id, attendance: 'present' })),
      }),
    );
    // the chair's device makes the session's key; ballots are encrypted, the chair decrypts the totals (ADR 12)
    const chairSecret = await makeChairKey(members[0].client, session.id);
    const vote = async (i: number, keys: string[], others: string[]) => {
      const round = await json(
        await board.post(`/api/honours/sessions/${session.id}/rounds`, { categoryId: categories[i].id }),
        201,
      );
      for (const m of members)
        await json(
          await castChoices(m.client, round.id, [
            ...keys.map((k) => ({ nominationId: byUnit.get(k)!, choice: 'approve' as const })),
            ...others.map((k) => ({ nominationId: byUnit.get(k)!, choice: 'reject' as const })),
          ]),
        );
      await json(await board.post(`/api/honours/rounds/${round.id}/close`));
      await json(await decryptAndPublish(members[0].client, round.id, chairSecret));
    };
    await vote(0, ['collective:CS02', 'collective:CS01'], ['collective:CS04']);
    await vote(1, ['individual:CS05'], ['individual:CS02']);
    await vote(2, ['product:CS02', 'product:CS09', 'product:CS11'], []);
    // selected but not decided: nothing flows in yet
    expect((await json(await board.get(`/api/ceremonies/${following.id}`))).awards.batches).toEqual([]);
    await json(
      await board.post(`/api/honours/campaigns/${campaignId}/confirm`, {
        decisionNumber: '125-QĐ/ĐUK',
        decidedOn: '2019-08-05',
      }),
    );

    // the programme that follows the results: batches of at most 2, collectives, individuals, products
    following = await json(await board.get(`/api/ceremonies/${following.id}`));
    expect(following.awards.decision).toEqual({ number: '125-QĐ/ĐUK', date: '2019-08-05' });
    expect(following.awards.batches.map((b) => [b.categoryKind, b.honourees.length])).toEqual([
      ['collective', 2],
      ['individual', 1],
      ['product', 2],
      ['product', 1],
    ]);
    // presenters: those attending who may present, by protocol — the deputy first, then the Front; then again
    expect(following.awards.batches.map((b) => b.presenter?.name)).toEqual([
      'Phó Bí thư',
      'Chủ tịch MTTQ',
      'Phó Bí thư',
      'Chủ tịch MTTQ',
    ]);
    expect(following.awards.batches[0].citation).toContain('Phó Bí thư');
    expect(following.awards.suggestedMinutes).toBe(14);

    // the frozen one keeps what was frozen and shows the difference
    frozen = await json(await board.get(`/api/ceremonies/${frozen.id}`));
    expect(frozen.awards.batches).toEqual([]);
    expect(frozen.awards.difference?.added).toHaveLength(6);
    expect(frozen.awards.difference?.removed).toEqual([]);
    frozen = await json(await board.post(`/api/ceremonies/${frozen.id}/awards/accept`));
    expect(frozen.awards.batches.flatMap((b) => b.honourees)).toHaveLength(6);
    expect(frozen.awards.difference).toBeNull();
    // a reply that changes the presenters moves batches only for the programme that follows
    const guests: Answer<typeof listGuests> = await json(
      await board.post(`/api/ceremonies/${frozen.id}/guests`, {
        name: 'Bí thư',
        title: 'Bí thư Tỉnh ủy',
        level: 'province',
        branch: 'party',
        rank: 1,
        mayPresent: true,
      }),
      201,
    );
    await json(await board.patch(`/api/ceremonies/${frozen.id}/guests/${guests.items[0].id}`, { reply: 'attending' }));
    frozen = await json(await board.get(`/api/ceremonies/${frozen.id}`));
    expect(frozen.awards.batches.every((b) => b.presenter === null)).toBe(true);
    expect(frozen.awards.difference).toMatchObject({ added: [], removed: [], moved: 6 });
    const audit = await env()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', frozen.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['ceremony.create', 'ceremony.freeze', 'ceremony.awards_accept', 'ceremony.guest_add']),
    );
  }, 60_000);

  it('the show-caller starts, moves on and holds; delays shift what follows; actual times are kept; the last ends it as held', async () => {
    const { clock, platform } = env();
    const id = following.id;
    const t0 = new Date('2019-09-04T12:31:00Z'); // 19:31 in Việt Nam
    clock.set(t0);
    await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'next' }), 409);
    let live: Answer<typeof liveState> = await json(
      await caller.post(`/api/ceremonies/${id}/live`, { action: 'start' }),
    );
    expect(live).toMatchObject({
      status: 'running',
      current: { title: 'Chương trình văn nghệ chào mừng', elapsedSeconds: 0, remainingSeconds: 900 },
    });
    await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'start' }), 409);
    // 20 minutes in: 5 over; the forecast moves by 5 minutes minus the 1 late start
    clock.set(new Date(t0.getTime() + 20 * 60_000));
    live = await json(await viewer.get(`/api/ceremonies/${id}/live`));
    expect(live.current).toMatchObject({ elapsedSeconds: 1200, remainingSeconds: -300 });
    const plannedEnd = following.end;
    expect(live.forecastEnd).not.toBe(plannedEnd);
    expect(live.overUnderMinutes).toBe(following.overUnderMinutes + 6);
    live = await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'next' }));
    expect(live.segments[0]).toMatchObject({
      start: '19:31',
      end: '19:51',
      actualMinutes: 20,
      overUnderMinutes: 5,
      state: 'done',
    });
    expect(live.current?.title).toBe('Công bố chương trình');
    clock.set(new Date(t0.getTime() + 22 * 60_000));
    live = await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'hold' }));
    expect(live).toMatchObject({ status: 'holding', current: null, next: { title: 'Chào cờ, hát Quốc ca' } });
    await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'hold' }), 409);
    clock.set(new Date(t0.getTime() + 25 * 60_000));
    live = await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'next' }));
    expect(live.current).toMatchObject({
      title: 'Chào cờ, hát Quốc ca',
      startedAt: new Date(t0.getTime() + 25 * 60_000).toISOString(),
    });
    // the programme answers the same times
    const p: Programme = await json(await board.get(`/api/ceremonies/${id}`));
    expect(p.segments.slice(0, 3).map((s) => [s.start, s.state])).toEqual([
      ['19:31', 'done'],
      ['19:51', 'done'],
      ['19:56', 'running'],
    ]);
    // run to the end: recorded as held; the plan's activity is done that day
    const activity = { id: 'x', planId: 'p', start: '2019-06-10', due: '2019-09-04', target: null };
    const plan = { issuedOn: '2019-06-10', periodStart: '2019-06-10' };
    expect((await ceremonyHeldSource.evaluate(platform, activity, plan, '2019-09-04'))?.doneOn).toBeNull();
    for (let i = 0; i < p.segments.length - 2; i++) {
      clock.advance(60_000);
      live = await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'next' }));
    }
    expect(live.status).toBe('finished');
    await json(await caller.post(`/api/ceremonies/${id}/live`, { action: 'next' }), 409);
    const done = await ceremonyHeldSource.evaluate(platform, activity, plan, '2019-09-05');
    expect(done).toMatchObject({ doneOn: '2019-09-04', percent: 100 });
    const shows = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'ceremony.show_%')
      .execute();
    expect(shows.length).toBeGreaterThanOrEqual(p.segments.length);
  });

  if (kind === 'postgres')
    it('two apps on one PostgreSQL database: a call on one is heard and read on the other', async () => {
      const first = env();
      const schema = first.platform.database.postgres!.schema;
      const database = await openDatabase({ kind: 'postgres', url: postgresUrl, schema, poolSize: 3 });
      const second: Platform = await startPlatform(first.config, {
        database,
        clock: () => first.clock.now,
        logger: createLogger('silent'),
      });
      try {
        const app2 = createApp(second, { webDir: null });
        const other = await json(
          await board.post('/api/ceremonies', { ...ceremonyBody('LE-C'), honoursCampaignId: null }),
          201,
        );
        const heard: unknown[] = [];
        const off = second.events.subscribe('ceremony', (d) => heard.push(d));
        const u = await buildUser(first.platform, { grants: [{ role: 'viewer', unitId: null }] });
        const onSecond = await signIn(app2, u.username, u.password);
        await json(await caller.post(`/api/ceremonies/${other.id}/live`, { action: 'start' }));
        for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        off();
        expect(heard[0]).toMatchObject({ ceremonyId: other.id, change: 'live' });
        const there: Answer<typeof liveState> = await json(await onSecond.get(`/api/ceremonies/${other.id}/live`));
        const here: Answer<typeof liveState> = await json(await viewer.get(`/api/ceremonies/${other.id}/live`));
        expect(there.status).toBe('running');
        expect(there.current).toEqual(here.current);
      } finally {
        await stopPlatform(second);
      }
    });
});
