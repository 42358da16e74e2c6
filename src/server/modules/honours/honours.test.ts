import { minimalPdf } from '../../../../test/support/files.ts';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { tableNames } from '../../../../test/support/snapshot.ts';
import { castChoices, decryptAndPublish, makeChairKey, sealChoices } from '../../../../test/support/ballots.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { closeRound } from './ballot.ts';
import type { getCampaign } from './campaigns.ts';
import type { Line } from './tally.ts';
import type { getNomination, listNominations } from './nominations.ts';

const pdf = minimalPdf();

/**
 * Choosing the honourees end to end on both databases: the campaign and its criteria, nominations
 * with their dossiers, screening, the Council's session with quorum and conflicts, a secret
 * ballot that no table can link to a member, double votes under concurrency, a tie settled by a
 * further round.
 */
describeEachDatabase('honours', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  let board: Client;
  const officers = new Map<string, Client>();
  const members: { id: string; client: Client }[] = [];
  let campaign: Answer<typeof getCampaign>;
  const noms = new Map<string, string>();
  let sessionId = '';

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
    return body;
  };
  const upload = async (client: Client, name: string) => {
    const res = await env().app.request(`/api/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie!,
        'x-csrf-token': client.csrfToken!,
        'content-type': 'application/octet-stream',
      },
      body: pdf,
    });
    return (await json(res, 201)).id as string;
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-01T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const b = await buildUser(platform, {
      displayName: 'Đặng Quốc Huy',
      grants: [
        { role: 'propaganda_staff', unitId: unit.get('BTG')! },
        { role: 'office_staff', unitId: unit.get('VP')! },
      ],
    });
    board = await signIn(app, b.username, b.password);
    for (const code of ['CS01', 'CS02', 'CS04', 'CS05']) {
      const u = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get(code)! }] });
      officers.set(code, await signIn(app, u.username, u.password));
    }
    for (let i = 0; i < 7; i++) {
      const u = await buildUser(platform, {
        displayName: `Thành viên Hội đồng ${i + 1}`,
        grants: [{ role: 'council_member', unitId: unit.get('HDTDKT')! }],
      });
      members.push({ id: u.id, client: await signIn(app, u.username, u.password) });
    }
  }, 120_000);

  it('sets up the campaign: three categories with quotas and criteria, nominations until 30/7/2019', async () => {
    const criteria = [
      {
        key: 'xeploai',
        description: 'Xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm 2018',
        required: true,
        evidence: 'Quyết định xếp loại',
      },
      { key: 'kyluat', description: 'Không có đảng viên bị kỷ luật trong năm', required: true },
    ];
    campaign = await json(
      await board.post('/api/honours/campaigns', {
        code: 'TV-15NAM',
        name: 'Tôn vinh tập thể, cá nhân, sản phẩm tiêu biểu nhân kỷ niệm 15 năm',
        nominationOpens: '2019-06-15',
        nominationDue: '2019-07-30',
        councilUnitId: unit.get('HDTDKT'),
        categories: [
          { kind: 'collective', name: 'Tập thể tiêu biểu', quota: 2, criteria },
          {
            kind: 'individual',
            name: 'Cá nhân tiêu biểu',
            quota: 2,
            criteria: [{ key: 'dv', description: 'Đảng viên hoàn thành xuất sắc nhiệm vụ 2 năm liền' }],
          },
          {
            kind: 'product',
            name: 'Sản phẩm tiêu biểu',
            quota: 2,
            criteria: [{ key: 'cl', description: 'Có giấy chứng nhận chất lượng', evidence: 'Giấy chứng nhận' }],
          },
        ],
      }),
      201,
    );
    expect(campaign.categories.map((c) => [c.kind, c.quota])).toEqual([
      ['collective', 2],
      ['individual', 2],
      ['product', 2],
    ]);
    await json(
      await officers.get('CS02')!.post('/api/honours/campaigns', {
        code: 'X',
        name: 'x',
        nominationOpens: '2019-06-15',
        nominationDue: '2019-07-30',
        categories: [{ kind: 'collective', name: 'x', quota: 1 }],
      }),
      403,
    );
  });

  it('takes nominations in all three categories, names what a dossier lacks, and keeps units to their own', async () => {
    const { platform } = env();
    const [collective, individual, product] = campaign.categories;
    const cs02 = officers.get('CS02')!;
    const person = await platform.db
      .selectFrom('people')
      .select('id')
      .where('party_unit_id', '=', unit.get('CS02')!)
      .executeTakeFirstOrThrow();
    const outsider = await platform.db
      .selectFrom('people')
      .select('id')
      .where('party_unit_id', '=', unit.get('CS05')!)
      .executeTakeFirstOrThrow();
    const summary = 'Đảng bộ hoàn thành xuất sắc nhiệm vụ 5 năm liền, kết nạp 12 đảng viên mới.';
    await json(
      await cs02.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
        categoryId: individual.id,
        unitId: unit.get('CS02'),
        nomineePersonId: outsider.id,
        summary,
      }),
      400,
    );
    await json(
      await cs02.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
        categoryId: collective.id,
        unitId: unit.get('CS05'),
        nomineeUnitId: unit.get('CS05'),
        summary,
      }),
      403,
    );
    const a = await json(
      await cs02.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
        categoryId: collective.id,
        unitId: unit.get('CS02'),
        nomineeUnitId: unit.get('CS02'),
        summary,
      }),
      201,
    );
    noms.set('CS02', a.id);
    const i = await json(
      await cs02.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
        categoryId: individual.id,
        unitId: unit.get('CS02'),
        nomineePersonId: person.id,
        summary,
      }),
      201,
    );
    const p = await json(
      await cs02.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
        categoryId: product.id,
        unitId: unit.get('CS02'),
        productName: 'Áo sơ mi xuất khẩu KX-19',
        productEnterpriseId: unit.get('CS02-DN'),
        summary,
      }),
      201,
    );
    expect(p.nominee.name).toBe('Áo sơ mi xuất khẩu KX-19 (Công ty Cổ phần May Kiến Xương Xanh)');
    const lacking = await json(await cs02.post(`/api/honours/nominations/${a.id}/submit`), 400);
    expect((lacking.error.details as FieldProblem[]).map((d) => d.messages.vi)).toEqual([
      'Hồ sơ còn thiếu: Tờ trình đề nghị.',
      'Hồ sơ còn thiếu: Báo cáo thành tích.',
      'Hồ sơ còn thiếu: Biên bản họp xét của đơn vị.',
    ]);
    for (const id of [a.id, i.id, p.id]) {
      for (const k of ['cover_submission', 'achievement_report', 'review_minutes'])
        await json(
          await cs02.post(`/api/honours/nominations/${id}/dossier`, {
            fileId: await upload(cs02, `${k}.pdf`),
            kind: k,
          }),
        );
      expect((await json(await cs02.post(`/api/honours/nominations/${id}/submit`))).status).toBe('submitted');
    }
    for (const code of ['CS01', 'CS04', 'CS05']) {
      const c = officers.get(code)!;
      const n = await json(
        await c.post(`/api/honours/campaigns/${campaign.id}/nominations`, {
          categoryId: collective.id,
          unitId: unit.get(code),
          nomineeUnitId: unit.get(code),
          summary,
        }),
        201,
      );
      for (const k of ['cover_submission', 'achievement_report', 'review_minutes'])
        await json(
          await c.post(`/api/honours/nominations/${n.id}/dossier`, { fileId: await upload(c, `${k}.pdf`), kind: k }),
        );
      await json(await c.post(`/api/honours/nominations/${n.id}/submit`));
      noms.set(code, n.id);
    }
    // a unit sees only its own nominations and files; the Board and the Council see all
    const cs05 = officers.get('CS05')!;
    await json(await cs05.get(`/api/honours/nominations/${a.id}`), 404);
    const visible: Answer<typeof listNominations> = await json(
      await cs05.get(`/api/honours/campaigns/${campaign.id}/nominations`),
    );
    expect(visible.items.map((x) => x.id)).toEqual([noms.get('CS05')]);
    const fileId = (await json(await cs02.get(`/api/honours/nominations/${a.id}`))).dossier[0].file.id;
    expect((await cs05.get(`/api/files/${fileId}`)).status).toBe(404);
    expect((await members[0].client.get(`/api/files/${fileId}`)).status).toBe(200);
    expect((await json(await members[0].client.get(`/api/honours/campaigns/${campaign.id}/nominations`))).total).toBe(
      6,
    );
  });

  it('screens each nomination against its criteria; a return goes back to the unit, which submits again', async () => {
    const ok = [
      { key: 'xeploai', result: 'met' },
      { key: 'kyluat', result: 'met' },
    ];
    await json(
      await officers
        .get('CS02')!
        .post(`/api/honours/nominations/${noms.get('CS02')}/screening`, { results: ok, eligible: true }),
      403,
    );
    await json(
      await board.post(`/api/honours/nominations/${noms.get('CS01')}/screening`, {
        results: [
          { key: 'xeploai', result: 'not_met' },
          { key: 'kyluat', result: 'met' },
        ],
        eligible: true,
      }),
      400,
    );
    const back = await json(
      await board.post(`/api/honours/nominations/${noms.get('CS05')}/return`, {
        reason: 'Thiếu quyết định xếp loại năm 2018',
      }),
    );
    expect(back).toMatchObject({ status: 'returned', reason: 'Thiếu quyết định xếp loại năm 2018' });
    await json(await officers.get('CS05')!.post(`/api/honours/nominations/${noms.get('CS05')}/submit`));
    for (const code of ['CS01', 'CS02', 'CS04', 'CS05'])
      expect(
        (
          await json(
            await board.post(`/api/honours/nominations/${noms.get(code)}/screening`, { results: ok, eligible: true }),
          )
        ).status,
      ).toBe('eligible');
    const nomination: Answer<typeof getNomination> = await json(
      await officers.get('CS05')!.get(`/api/honours/nominations/${noms.get('CS05')}`),
    );
    const history = nomination.events.map((e) => e.action);
    expect(history).toEqual([
      'created',
      'file_added',
      'file_added',
      'file_added',
      'submitted',
      'returned',
      'resubmitted',
      'eligible',
    ]);
    // the history names people, not usernames: the Propaganda Board's screener by name
    const screened = nomination.events.find((e) => e.action === 'eligible')!;
    expect(screened.by).toBe('Đặng Quốc Huy');
  });

  it('opens a Council session only with its quorum; members declare conflicts', async () => {
    const { platform } = env();
    const b = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    await json(
      await board.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'x',
        heldOn: '2019-07-31',
        members: [{ userId: b.id }],
        rules: {},
      }),
      400,
    );
    const s = await json(
      await board.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp xét chọn tập thể, cá nhân, sản phẩm tiêu biểu',
        heldOn: '2019-07-31',
        members: members.map((m, i) => ({ userId: m.id, role: i === 0 ? 'chair' : 'member' })),
        rules: {
          quorum: { numerator: 2, denominator: 3 },
          approval: { share: 0.5, strict: true, base: 'members' },
          method: 'approve',
          writtenVotes: true,
        },
      }),
      201,
    );
    sessionId = s.id;
    const [collective] = campaign.categories;
    await json(
      await board.post(`/api/honours/sessions/${sessionId}/attendance`, {
        attendance: members.slice(0, 4).map((m) => ({ userId: m.id, attendance: 'present' })),
      }),
    );
    const noQuorum = await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, { categoryId: collective.id }),
      409,
    );
    expect(noQuorum.error.messages.vi).toMatch(/4\/7, cần ít nhất 5/);
    const session = await json(
      await board.post(`/api/honours/sessions/${sessionId}/attendance`, {
        attendance: [
          ...members.slice(0, 6).map((m) => ({ userId: m.id, attendance: 'present' })),
          { userId: members[6].id, attendance: 'absent' },
        ],
      }),
    );
    expect(session.quorum).toEqual({ members: 7, present: 6, needed: 5, met: true });
    chairSecret = await makeChairKey(members[0].client, sessionId);
    await json(
      await members[5].client.post(`/api/honours/sessions/${sessionId}/conflicts`, {
        nominationId: noms.get('CS05'),
        note: 'Nguyên là bí thư của đơn vị',
      }),
    );
  });

  let roundId = '';
  let chairSecret = '';
  const ballot = (choices: Record<string, 'approve' | 'reject' | 'abstain'>) =>
    Object.entries(choices).map(([code, choice]) => ({ nominationId: noms.get(code)!, choice }));

  it('counts a member once however many ballots arrive at the same moment', async () => {
    const [collective] = campaign.categories;
    const round = await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, { categoryId: collective.id }),
      201,
    );
    roundId = round.id;
    expect(round).toMatchObject({ seats: 2, expected: 7, voted: 0, result: null });
    // twelve different encryptions of the same choices (as from twelve tabs), sent at the same moment
    const sealed = Array.from({ length: 12 }, () =>
      sealChoices(
        round.ballotKey,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'reject' }),
      ),
    );
    const started = performance.now();
    const answers = await Promise.all(
      sealed.map((b) => members[0].client.post(`/api/honours/rounds/${roundId}/ballots`, { ballot: b })),
    );
    const ms = performance.now() - started;
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    console.log(
      `honours double vote [${kind}]: 12 concurrent ballots of one member → 1 counted, 11 refused (409) in ${ms.toFixed(0)} ms`,
    );
    const { platform } = env();
    const box = await platform.db
      .selectFrom('honour_rounds')
      .select('box_json')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(box.box_json!).receipts).toHaveLength(1); // one ballot in the box
  });

  it("refuses incomplete ballots and ballots on a conflicted nominee; takes an absent member's written vote", async () => {
    await json(await castChoices(members[1].client, roundId, ballot({ CS01: 'approve' })), 400);
    await json(
      await castChoices(
        members[5].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'approve' }),
      ),
      400,
    );
    await json(
      await castChoices(
        members[6].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'approve' }),
      ),
      409,
    );
    // approvals: CS02 → 6, CS01 → 5, CS04 → 5, CS05 → 1; "more than half of 7 members" needs 4 (CS05: 6 in its base, needs 4)
    await json(
      await castChoices(
        members[1].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'reject' }),
      ),
    );
    await json(
      await castChoices(
        members[2].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'abstain' }),
      ),
    );
    await json(
      await castChoices(
        members[3].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'reject', CS05: 'approve' }),
      ),
    );
    await json(
      await castChoices(
        members[4].client,
        roundId,
        ballot({ CS01: 'reject', CS02: 'approve', CS04: 'approve', CS05: 'reject' }),
      ),
    );
    await json(
      await castChoices(members[5].client, roundId, ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve' })),
    );
    await json(
      await castChoices(
        members[6].client,
        roundId,
        ballot({ CS01: 'reject', CS02: 'reject', CS04: 'reject', CS05: 'reject' }),
      ),
      409,
    );
    await json(
      await castChoices(board, roundId, ballot({ CS01: 'reject', CS02: 'approve', CS04: 'reject', CS05: 'reject' }), {
        onBehalfOf: members[6].id,
      }),
    );
    const open = await json(await members[0].client.get(`/api/honours/rounds/${roundId}`));
    expect(open).toMatchObject({ voted: 7, result: null, iHaveVoted: true });
  });

  it('keeps every ballot secret: no table links a member to a choice', async () => {
    const { platform } = env();
    const handle = platform.database;
    const memberIds = members.map((m) => m.id);
    const nominationIds = [...noms.values()];
    const problems: string[] = [];
    for (const table of await tableNames(handle)) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db)).rows;
      for (const row of rows) {
        const text = JSON.stringify(row);
        const who = memberIds.filter((m) => text.includes(m));
        if (!who.length) continue;
        const what = nominationIds.filter((n) => text.includes(n));
        const choice = /approve|reject|abstain|"points"/.test(text);
        if (what.length && choice) problems.push(`${table}: ${text.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    const voterColumns = Object.keys(
      (await sql<Record<string, unknown>>`select * from honour_voters`.execute(handle.db)).rows[0],
    ).sort();
    expect(voterColumns).toEqual(['round_id', 'user_id', 'via']);
    // the box: encrypted totals and sorted receipts, nothing in the clear
    const box = JSON.parse(
      (
        await handle.db
          .selectFrom('honour_rounds')
          .select('box_json')
          .where('id', '=', roundId)
          .executeTakeFirstOrThrow()
      ).box_json!,
    );
    expect(Object.keys(box).sort()).toEqual(['receipts', 'totals']);
    expect(box.receipts).toEqual([...box.receipts].sort());
    for (const t of box.totals) expect(Object.keys(t).sort()).toEqual(['a', 'b', 'kind', 'nominationId']);
  });

  it('shows the tally when the round closes, selects by the rule and the quota, and settles a tie by a further round', async () => {
    await json(await board.post(`/api/honours/rounds/${roundId}/close`));
    const closed: Answer<typeof closeRound> = await json(
      await decryptAndPublish(members[0].client, roundId, chairSecret),
    );
    const line = (code: string) => closed.result!.outcome.lines.find((l: Line) => l.nominationId === noms.get(code))!;
    expect([line('CS02').approve, line('CS01').approve, line('CS04').approve, line('CS05').approve]).toEqual([
      7, 5, 5, 1,
    ]);
    expect(line('CS05')).toMatchObject({ base: 6, needed: 4, passed: false, conflicted: 1 });
    expect(line('CS02')).toMatchObject({ base: 7, needed: 4, outcome: 'selected' });
    expect(closed.result!.outcome.selected).toEqual([noms.get('CS02')]);
    expect(closed.result!.outcome.tied.sort()).toEqual([noms.get('CS01'), noms.get('CS04')].sort());
    expect(closed.result).toMatchObject({ roster: 7, present: 6, voted: 7, written: 1 });
    expect(closed.box!.receipts).toHaveLength(7);
    await json(
      await castChoices(
        members[0].client,
        roundId,
        ballot({ CS01: 'approve', CS02: 'approve', CS04: 'approve', CS05: 'reject' }),
      ),
      409,
    );
    // the further round between the tied, for the seat left
    const [collective] = campaign.categories;
    const second = await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, {
        categoryId: collective.id,
        nominationIds: closed.result!.outcome.tied,
      }),
      201,
    );
    expect(second).toMatchObject({ number: 2, seats: 1 });
    for (const [i, m] of members.slice(0, 6).entries()) {
      await json(
        await castChoices(m.client, second.id, [
          { nominationId: noms.get('CS01')!, choice: i < 4 ? 'approve' : 'reject' },
          { nominationId: noms.get('CS04')!, choice: i < 2 ? 'approve' : 'reject' },
        ]),
      );
    }
    await json(await board.post(`/api/honours/rounds/${second.id}/close`));
    const final = await json(await decryptAndPublish(members[0].client, second.id, chairSecret));
    expect(final.result.outcome).toMatchObject({ selected: [noms.get('CS01')], tied: [], shortfall: 0 });
    const campaignNow = await json(await board.get(`/api/honours/campaigns/${campaign.id}`));
    expect(campaignNow.categories[0].counts).toMatchObject({ selected: 2 });
    await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, {
        categoryId: collective.id,
        nominationIds: [noms.get('CS04')],
      }),
      409,
    );
  });
});
