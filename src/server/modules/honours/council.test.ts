import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { castChoices, decryptAndPublish, makeChairKey } from '../../../../test/support/ballots.ts';
import type { closeRound, getRound, myOpenRounds, openRound } from './ballot.ts';
import type { getCampaign } from './campaigns.ts';
import type { councilCandidates, getSession, listSessions } from './council.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { HONOURS_DEMO_CODE } from './demo.ts';
import { minutesDocument } from './documents.ts';

/**
 * What the Council's screens read, on both databases: a campaign's sessions (for those who judge,
 * and for the members of each), the accounts a secretary may put on a roster (the Office's
 * secretary sitting as the Council's Thư ký), the session's nominees per category, the rounds
 * awaiting a member's ballot — and that none of it says how anyone voted.
 */
describeEachDatabase('honours council screens', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'honours'] },
  );
  const unit = new Map<string, string>();
  let secretary: Client;
  let secretaryId = '';
  let officer: Client;
  const members: { id: string; name: string; client: Client }[] = [];
  let campaign: Answer<typeof getCampaign>;
  let sessionId = '';
  let roundId = '';
  let chairSecret = '';

  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return JSON.parse(text);
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-25T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const s = await buildUser(platform, {
      displayName: 'Lê Thị Văn Phòng',
      grants: [{ role: 'office_staff', unitId: unit.get('VP')! }],
    });
    secretaryId = s.id;
    secretary = await signIn(app, s.username, s.password);
    const o = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS02')! }] });
    officer = await signIn(app, o.username, o.password);
    for (const name of ['Ủy viên Ánh', 'Ủy viên Bình', 'Ủy viên Đức']) {
      const u = await buildUser(platform, {
        displayName: name,
        grants: [{ role: 'council_member', unitId: unit.get('HDTDKT')! }],
      });
      members.push({ id: u.id, name, client: await signIn(app, u.username, u.password) });
    }
    const row = await platform.db
      .selectFrom('honour_campaigns')
      .select('id')
      .where('code', '=', HONOURS_DEMO_CODE)
      .executeTakeFirstOrThrow();
    campaign = await json(await secretary.get(`/api/honours/campaigns/${row.id}`));
  }, 120_000);

  it('lists the accounts that may sit on the Council, in Vietnamese order, to the secretary only', async () => {
    const list: Answer<typeof councilCandidates> = await json(await secretary.get('/api/honours/council-members'));
    const names = list.items.map((m) => m.name);
    for (const m of members)
      expect(list.items.find((x) => x.userId === m.id)).toMatchObject({
        name: m.name,
        votes: true,
        secretary: false,
      });
    expect(list.items.find((x) => x.userId === secretaryId)).toMatchObject({ votes: false, secretary: true });
    expect(names.indexOf('Ủy viên Ánh')).toBeLessThan(names.indexOf('Ủy viên Bình'));
    expect(names.indexOf('Ủy viên Bình')).toBeLessThan(names.indexOf('Ủy viên Đức'));
    expect(list.items.some((x) => x.username === 'admin' || x.username === 'demo.quantri')).toBe(false);
    await json(await members[0].client.get('/api/honours/council-members'), 403);
    await json(await officer.get('/api/honours/council-members'), 403);
  });

  it("seats the Office's secretary only as the Council's Thư ký; takes a Phó Chủ tịch", async () => {
    const body = (role: string) => ({
      campaignId: campaign.id,
      title: 'Phiên họp thử',
      heldOn: '2019-07-26',
      members: [
        { userId: members[0].id, role: 'chair' },
        { userId: secretaryId, role },
      ],
      rules: {},
    });
    const refused = await json(await secretary.post('/api/honours/sessions', body('member')), 400);
    expect(refused.error.details[0]).toMatchObject({ path: 'members' });
    expect(refused.error.details[0].messages.vi).toMatch(/Thư ký Hội đồng/);
    expect(
      await env().platform.db.selectFrom('honour_sessions').select('id').where('title', '=', 'Phiên họp thử').execute(),
    ).toHaveLength(0);
    const session: Answer<typeof getSession> = await json(
      await secretary.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp xét chọn tập thể tiêu biểu',
        heldOn: '2019-07-26',
        members: [
          { userId: members[0].id, role: 'chair' },
          { userId: members[1].id, role: 'vice_chair' },
          { userId: members[2].id },
          { userId: secretaryId, role: 'secretary' },
        ],
        rules: {
          quorum: { numerator: 2, denominator: 3 },
          approval: { share: 0.5, strict: true, base: 'present' },
          method: 'approve',
          writtenVotes: true,
        },
      }),
      201,
    );
    sessionId = session.id;
    expect(session.roster.map((m) => m.role).sort()).toEqual(['chair', 'member', 'secretary', 'vice_chair']);
    // the Office's secretary sits as Thư ký and does not vote: three voting members, two needed
    expect(session.roster.map((m) => [m.role, m.votes]).sort()).toEqual([
      ['chair', true],
      ['member', true],
      ['secretary', false],
      ['vice_chair', true],
    ]);
    expect(session.quorum).toEqual({ members: 3, present: 0, needed: 2, met: false });
    expect(session.may).toEqual({ run: true, declare: false, setKey: false });
    expect(session.ballotKey).toEqual({ publicKey: null, holder: 'Ủy viên Ánh' });
    // only the chair makes the counting key, on their own device
    expect((await json(await members[0].client.get(`/api/honours/sessions/${sessionId}`))).may.setKey).toBe(true);
    await expect(makeChairKey(members[1].client, sessionId)).rejects.toThrow(/^403/);
    chairSecret = await makeChairKey(members[0].client, sessionId);
    expect(session.me).toMatchObject({ userId: secretaryId, role: 'secretary', attendance: 'unknown', votes: false });
    // the nominees before the Council, per category: the eligible ones
    expect(session.categories.map((c) => [c.kind, c.quota, c.selected, c.nominees.length])).toEqual([
      ['collective', 15, 0, 3],
      ['individual', 15, 0, 2],
      ['product', 15, 0, 3],
    ]);
    expect(session.categories[0].nominees[0]).toMatchObject({ status: 'eligible' });
    expect(session.categories[0].nominees[0].unitName).not.toBe('');
  });

  it("lists a campaign's sessions to those who judge and to the members; to no one else", async () => {
    // the demo's campaign comes with the meeting the Office called for 25/07/2019 (honours/demo.ts)
    const demoMeeting = 'Phiên họp xét chọn tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu';
    const other = await json(
      await secretary.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp sơ bộ',
        heldOn: '2019-07-22',
        members: [{ userId: members[0].id }],
        rules: {},
      }),
      201,
    );
    const all: Answer<typeof listSessions> = await json(
      await secretary.get(`/api/honours/campaigns/${campaign.id}/sessions`),
    );
    expect(all.total).toBe(3);
    expect(all.items.map((s) => s.title)).toEqual([
      'Phiên họp xét chọn tập thể tiêu biểu',
      demoMeeting,
      'Phiên họp sơ bộ',
    ]);
    expect(all.items[0]).toMatchObject({
      heldOn: '2019-07-26',
      status: 'open',
      quorum: { members: 3, present: 0, needed: 2, met: false },
      rounds: 0,
      openRounds: 0,
    });
    const paged: Answer<typeof listSessions> = await json(
      await secretary.get(`/api/honours/campaigns/${campaign.id}/sessions?page=3&pageSize=1`),
    );
    expect([paged.total, paged.items.map((s) => s.id)]).toEqual([3, [other.id]]);
    expect((await json(await members[2].client.get(`/api/honours/campaigns/${campaign.id}/sessions`))).total).toBe(3);
    expect(await json(await officer.get(`/api/honours/campaigns/${campaign.id}/sessions`))).toMatchObject({
      total: 0,
      items: [],
    });
    await json(await officer.get(`/api/honours/sessions/${sessionId}`), 404);
    await json(await secretary.get(`/api/honours/campaigns/${members[0].id}/sessions`), 404);
  });

  it('shows a member the rounds awaiting their ballot, until they vote; the Thư ký does not vote', async () => {
    const mine = async (c: Client): Promise<Answer<typeof myOpenRounds>['items']> =>
      (await json(await c.get('/api/honours/rounds/open'))).items;
    const present = [members[0], members[1]].map((m) => ({ userId: m.id, attendance: 'present' }));
    await json(
      await secretary.post(`/api/honours/sessions/${sessionId}/attendance`, {
        attendance: [
          ...present,
          { userId: secretaryId, attendance: 'present' },
          { userId: members[2].id, attendance: 'absent' },
        ],
      }),
    );
    const [collective] = campaign.categories;
    const session: Answer<typeof getSession> = await json(await secretary.get(`/api/honours/sessions/${sessionId}`));
    const nominees = session.categories[0].nominees.map((n) => n.id);
    const round: Answer<typeof openRound> = await json(
      await secretary.post(`/api/honours/sessions/${sessionId}/rounds`, {
        categoryId: collective.id,
        nominationIds: nominees.slice(0, 2),
        seats: 1,
      }),
      201,
    );
    roundId = round.id;
    expect(round).toMatchObject({
      categoryName: collective.name,
      sessionTitle: 'Phiên họp xét chọn tập thể tiêu biểu',
      heldOn: '2019-07-26',
      status: 'open',
      voted: 0,
      expected: 3,
    });
    expect(round.nominees.map((n) => n.unitName).every((u: string) => u.length > 0)).toBe(true);

    const waiting = await mine(members[0].client);
    expect(waiting).toHaveLength(1);
    expect(Object.keys(waiting[0]).sort()).toEqual([
      'campaignId',
      'categoryName',
      'heldOn',
      'id',
      'nominees',
      'number',
      'openedAt',
      'sessionId',
      'sessionTitle',
    ]);
    expect(waiting[0]).toMatchObject({
      id: roundId,
      number: 1,
      sessionId,
      sessionTitle: 'Phiên họp xét chọn tập thể tiêu biểu',
      categoryName: collective.name,
      nominees: 2,
    });
    expect(await mine(members[2].client)).toEqual([]); // absent
    expect(await mine(officer)).toEqual([]); // not on the roster
    expect(await mine(secretary)).toEqual([]); // sits as Thư ký, does not vote

    const choices = (choice: 'approve' | 'reject') =>
      nominees.slice(0, 2).map((nominationId: string) => ({ nominationId, choice }));
    // the live topic says a ballot was counted in the round, and nothing of who or what
    const heard: unknown[] = [];
    const off = env().platform.events.subscribe('honours', (d) => heard.push(d));
    await json(await castChoices(members[0].client, roundId, choices('approve')));
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    off();
    expect(heard).toEqual([{ change: 'ballot', roundId }]);
    expect(await mine(members[0].client)).toEqual([]);
    expect(await mine(members[1].client)).toHaveLength(1); // another's ballot changes nothing for them
    await json(await castChoices(secretary, roundId, choices('approve')), 403);
    const again = await json(await castChoices(members[0].client, roundId, choices('reject')), 409);
    expect(again.error.code).toBe('ALREADY_VOTED');
  });

  it("tells the secretary which absent members' written votes are in, and no one how anyone voted", async () => {
    const asSecretary: Answer<typeof getRound> = await json(await secretary.get(`/api/honours/rounds/${roundId}`));
    expect(asSecretary).toMatchObject({
      voted: 1,
      expected: 3,
      iHaveVoted: false,
      result: null,
      may: { vote: false, close: true, enterWritten: true, tally: false },
    });
    expect(asSecretary.absentees).toEqual([
      { userId: members[2].id, name: 'Ủy viên Đức', entered: false, conflicts: [] },
    ]);
    const asMember: Answer<typeof getRound> = await json(await members[1].client.get(`/api/honours/rounds/${roundId}`));
    expect(asMember).toMatchObject({
      iHaveVoted: false,
      absentees: [],
      may: { vote: true, close: false, enterWritten: false, tally: false },
    });
    const session: Answer<typeof getSession> = await json(
      await members[1].client.get(`/api/honours/sessions/${sessionId}`),
    );
    expect(session.rounds).toEqual([expect.objectContaining({ id: roundId, status: 'open', voted: 1, expected: 3 })]);
    expect(session.may).toEqual({ run: false, declare: true, setKey: false });
    // nothing a member or the secretary reads names a choice or a count while the round is open
    for (const body of [asSecretary, asMember, session])
      expect(JSON.stringify(body)).not.toMatch(/"(approve|reject|abstain|points|count)"\s*:/);

    await json(
      await castChoices(
        secretary,
        roundId,
        asSecretary.nominees.map((n) => ({ nominationId: n.id, choice: 'reject' as const })),
        { onBehalfOf: members[2].id },
      ),
    );
    expect((await json(await secretary.get(`/api/honours/rounds/${roundId}`))).absentees[0].entered).toBe(true);
    await json(
      await castChoices(
        members[1].client,
        roundId,
        asSecretary.nominees.map((n) => ({ nominationId: n.id, choice: 'approve' as const })),
      ),
    );

    // the secretary closes the box; only the chair can count it
    const counting: Answer<typeof closeRound> = await json(
      await secretary.post(`/api/honours/rounds/${roundId}/close`),
    );
    expect(counting).toMatchObject({ status: 'counting', result: null, may: { tally: false } });
    expect(counting.box!.receipts).toHaveLength(3);
    expect((await json(await members[0].client.get(`/api/honours/rounds/${roundId}`))).may.tally).toBe(true);
    await json(await decryptAndPublish(secretary, roundId, chairSecret), 403);
    const closed: Answer<typeof closeRound> = await json(
      await decryptAndPublish(members[0].client, roundId, chairSecret),
    );
    // both approved by the 2 voting members present (the secretary is not in the base), one seat: tied across it
    expect(closed.result).toMatchObject({ roster: 3, present: 2, voted: 3, written: 1 });
    expect(closed.result!.outcome).toMatchObject({ selected: [], seatsLeft: 1, shortfall: 0, quorumNeeded: 2 });
    expect(closed.result!.outcome.lines.map((l) => [l.approve, l.reject, l.base, l.needed])).toEqual([
      [2, 1, 2, 2],
      [2, 1, 2, 2],
    ]);
    expect(closed.result!.outcome.tied.sort()).toEqual(asSecretary.nominees.map((n) => n.id).sort());
    expect(closed).toMatchObject({
      status: 'closed',
      absentees: [],
      may: { vote: false, close: false, enterWritten: false, tally: false },
    });
    expect((await json(await members[0].client.get('/api/honours/rounds/open'))).items).toEqual([]);
    const listed = await json(await secretary.get(`/api/honours/campaigns/${campaign.id}/sessions`));
    expect(listed.items[0]).toMatchObject({ rounds: 1, openRounds: 0, quorum: { members: 3, present: 2, met: true } });
  });

  it("with the default rules, one voter approving everyone selects them all though the Office's secretary is present", async () => {
    const session: Answer<typeof getSession> = await json(
      await secretary.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp một thành viên',
        heldOn: '2019-07-27',
        members: [
          { userId: members[2].id, role: 'chair' },
          { userId: secretaryId, role: 'secretary' },
        ],
        rules: {},
      }),
      201,
    );
    expect(session.rules.approval).toEqual({ share: 0.5, strict: true, base: 'members' });
    expect(session.quorum).toEqual({ members: 1, present: 0, needed: 1, met: false });
    const chairKey = await makeChairKey(members[2].client, session.id);
    // the secretary alone present is no quorum: the one who votes is missing
    await json(
      await secretary.post(`/api/honours/sessions/${session.id}/attendance`, {
        attendance: [
          { userId: secretaryId, attendance: 'present' },
          { userId: members[2].id, attendance: 'absent' },
        ],
      }),
    );
    const [, individual] = campaign.categories;
    const noQuorum = await json(
      await secretary.post(`/api/honours/sessions/${session.id}/rounds`, { categoryId: individual.id }),
      409,
    );
    expect(noQuorum.error.code).toBe('NO_QUORUM');
    expect(noQuorum.error.messages.vi).toMatch(/có quyền biểu quyết có mặt \(0\/1, cần ít nhất 1\)/);
    await json(
      await secretary.post(`/api/honours/sessions/${session.id}/attendance`, {
        attendance: [{ userId: members[2].id, attendance: 'present' }],
      }),
    );
    const nominees = session.categories[1].nominees.map((n) => n.id);
    const round: Answer<typeof openRound> = await json(
      await secretary.post(`/api/honours/sessions/${session.id}/rounds`, {
        categoryId: individual.id,
        nominationIds: nominees,
        seats: nominees.length,
      }),
      201,
    );
    expect(round.expected).toBe(1);
    await json(
      await castChoices(
        members[2].client,
        round.id,
        nominees.map((nominationId) => ({ nominationId, choice: 'approve' as const })),
      ),
    );
    await json(await secretary.post(`/api/honours/rounds/${round.id}/close`));
    const closed: Answer<typeof closeRound> = await json(
      await decryptAndPublish(members[2].client, round.id, chairKey),
    );
    expect(closed.result).toMatchObject({ roster: 1, present: 1, voted: 1 });
    expect(closed.result!.outcome.lines.map((l) => [l.approve, l.base, l.needed, l.outcome])).toEqual(
      nominees.map(() => [1, 1, 1, 'selected']),
    );
    expect(closed.result!.outcome.selected.sort()).toEqual([...nominees].sort());
    // the minutes say whom the quorum and the majority count
    const minutes = await minutesDocument(env().platform, systemCaller(), session.id);
    const text = JSON.stringify(minutes.body);
    expect(text).toMatch(/thành viên có quyền biểu quyết: 1; có mặt: 2/);
    expect(text).toMatch(/Thư ký Hội đồng \(không biểu quyết\)/);
    expect(text).toMatch(/có quyền biểu quyết có mặt 1\/1 đủ số lượng tối thiểu \(1\)/);
  });
});
