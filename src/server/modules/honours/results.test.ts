import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { buildCampaign } from '../../../../test/support/factories.ts';
import { castChoices, decryptAndPublish, makeChairKey } from '../../../../test/support/ballots.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { closeDocumentBrowser } from '../../documents/browser.ts';
import type { Section, Table } from '../../documents/model.ts';
import { newId } from '../../platform/db/ids.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { plansDemo } from '../plans/demo.ts';
import type { getCampaign } from './campaigns.ts';
import { HONOURS_DEMO_CODE, honoursDemo } from './demo.ts';
import { decisionDocument, minutesDocument } from './documents.ts';
import { honoursSelectionSource } from './planSource.ts';
import type { getNomination } from './nominations.ts';
import { type campaignResults, honourees } from './results.ts';

/**
 * From the Council's vote to the ceremony's papers, on both databases: the demo campaign and its
 * nominations, rounds in each category, the Standing Committee's confirmation, the results
 * against the quota, the plan's "select 45" activity, the minutes, the decision, the proposal to
 * a higher level and the certificates (45 of them timed).
 */
const out = path.resolve('test-results/honours');
const keep = (name: string, data: Buffer) => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), data);
  return data;
};

describeEachDatabase('honours results and documents', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  afterAll(closeDocumentBrowser);
  const unit = new Map<string, string>();
  let board: Client;
  let officer: Client;
  const members: { id: string; client: Client }[] = [];
  let campaign: Answer<typeof getCampaign>;
  let sessionId = '';
  const byUnit = new Map<string, string>(); // "kind:CS02" → nomination id
  const names = new Map<string, string>(); // nomination id → nominee name

  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return JSON.parse(text);
  };
  const bytes = async (res: Response, status = 200) => {
    if (res.status !== status) expect(res.status, (await res.text()).slice(0, 500)).toBe(status);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-25T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const b = await buildUser(platform, {
      grants: [
        { role: 'propaganda_staff', unitId: unit.get('BTG')! },
        { role: 'office_staff', unitId: unit.get('VP')! },
      ],
    });
    board = await signIn(app, b.username, b.password);
    const o = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS05')! }] });
    officer = await signIn(app, o.username, o.password);
    for (let i = 0; i < 5; i++) {
      const u = await buildUser(platform, {
        displayName: `Ủy viên Hội đồng ${i + 1}`,
        grants: [{ role: 'council_member', unitId: unit.get('HDTDKT')! }],
      });
      members.push({ id: u.id, client: await signIn(app, u.username, u.password) });
    }
  }, 120_000);

  it('loads the demo campaign once: 15 + 15 + 15, nominations from the grassroots units, some eligible, no ballots', async () => {
    const { platform } = env();
    const started = performance.now();
    const first = await honoursDemo.load(platform);
    const ms = performance.now() - started;
    console.log(`honours demo [${kind}]: ${first} records in ${ms.toFixed(0)} ms`);
    expect(first).toBeGreaterThan(10);
    expect(await honoursDemo.load(platform)).toBe(0);
    const row = await platform.db
      .selectFrom('honour_campaigns')
      .selectAll()
      .where('code', '=', HONOURS_DEMO_CODE)
      .executeTakeFirstOrThrow();
    expect([row.nomination_due, row.council_unit_id, row.is_demo]).toEqual(['2019-07-20', unit.get('HDTDKT'), 1]);
    campaign = await json(await board.get(`/api/honours/campaigns/${row.id}`));
    expect(campaign.categories.map((c) => [c.kind, c.quota])).toEqual([
      ['collective', 15],
      ['individual', 15],
      ['product', 15],
    ]);
    expect(campaign.categories.map((c) => c.counts.eligible)).toEqual([3, 2, 3]);
    const all = await platform.db
      .selectFrom('honour_nominations')
      .select(['id', 'category_id', 'unit_id', 'nominee_name', 'status'])
      .where('campaign_id', '=', row.id)
      .execute();
    expect(new Set(all.map((n) => n.status))).toEqual(new Set(['eligible', 'submitted', 'returned', 'draft']));
    const code = new Map([...unit.entries()].map(([c, id]) => [id, c]));
    for (const n of all) {
      byUnit.set(`${campaign.categories.find((c) => c.id === n.category_id)!.kind}:${code.get(n.unit_id)}`, n.id);
      names.set(n.id, n.nominee_name);
    }
    const dossier: Answer<typeof getNomination> = await json(
      await board.get(`/api/honours/nominations/${byUnit.get('collective:CS02')}`),
    );
    expect(dossier.dossier.map((d) => d.kind)).toEqual(['cover_submission', 'achievement_report', 'review_minutes']);
    expect((await platform.db.selectFrom('honour_rounds').select('id').execute()).length).toBe(0);
  }, 60_000);

  let chairSecret = '';
  const vote = async (categoryIndex: number, choices: Record<string, ('approve' | 'reject' | 'abstain')[]>) => {
    const category = campaign.categories[categoryIndex];
    const round = await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, { categoryId: category.id }),
      201,
    );
    for (const [i, m] of members.entries()) {
      const ballot = Object.entries(choices).map(([key, list]) => ({
        nominationId: byUnit.get(key)!,
        choice: list[i],
      }));
      await json(await castChoices(m.client, round.id, ballot));
    }
    await json(await board.post(`/api/honours/rounds/${round.id}/close`));
    return json(await decryptAndPublish(members[0].client, round.id, chairSecret));
  };

  it('the Council votes in each category; the results show the selected against the quota and the shortfall', async () => {
    const session = await json(
      await board.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp xét chọn tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu',
        heldOn: '2019-07-26',
        members: members.map((m, i) => ({ userId: m.id, role: i === 0 ? 'chair' : i === 4 ? 'secretary' : 'member' })),
        rules: {
          quorum: { numerator: 2, denominator: 3 },
          approval: { share: 0.5, strict: true, base: 'members' },
          method: 'approve',
        },
      }),
      201,
    );
    sessionId = session.id;
    chairSecret = await makeChairKey(members[0].client, sessionId);
    await json(
      await board.post(`/api/honours/sessions/${sessionId}/attendance`, {
        attendance: members.map((m) => ({ userId: m.id, attendance: 'present' })),
      }),
    );
    const A = 'approve',
      R = 'reject',
      X = 'abstain';
    const collective = await vote(0, {
      'collective:CS02': [A, A, A, A, A],
      'collective:CS01': [A, A, A, A, R],
      'collective:CS04': [A, A, R, X, R],
    });
    expect(collective.result.outcome.selected).toEqual([byUnit.get('collective:CS02'), byUnit.get('collective:CS01')]);
    await vote(1, { 'individual:CS02': [A, A, A, R, R], 'individual:CS05': [A, A, A, A, X] });
    await vote(2, {
      'product:CS02': [A, A, A, A, A],
      'product:CS09': [A, A, A, R, X],
      'product:CS11': [A, A, A, A, R],
    });

    await json(await officer.get(`/api/honours/campaigns/${campaign.id}/results`), 404);
    const results: Answer<typeof campaignResults> = await json(
      await board.get(`/api/honours/campaigns/${campaign.id}/results`),
    );
    expect(results).toMatchObject({ decided: false, decision: null, totals: { quota: 45, count: 7, shortfall: 38 } });
    expect(results.categories.map((c) => [c.count, c.shortfall])).toEqual([
      [2, 13],
      [2, 13],
      [3, 12],
    ]);
    expect(results.categories[2].honourees.map((h) => h.nominationId)).toEqual(
      ['product:CS02', 'product:CS11', 'product:CS09'].map((k) => byUnit.get(k)),
    );
  }, 60_000);

  it('the plan\'s "select 45 by 30/7" activity takes its status from the selection', async () => {
    const { platform } = env();
    const activity = { id: 'x', planId: 'p', start: '2019-06-10', due: '2019-07-30', target: null };
    const plan = { issuedOn: '2019-06-10', periodStart: '2019-06-10' };
    const before = await honoursSelectionSource.evaluate(platform, activity, plan, '2019-07-26');
    expect(before).toMatchObject({ doneOn: null, percent: 16, figure: 7 });
    expect(before!.note.vi).toMatch(/7\/45/);
    expect(
      await honoursSelectionSource.evaluate(
        platform,
        { ...activity, start: '2020-01-01', due: '2020-06-30' },
        plan,
        '2020-07-01',
      ),
    ).toBeNull();
  });

  it('the Standing Committee confirms the list by a decision; the campaign is decided and the honourees fixed', async () => {
    const { platform } = env();
    const body = { decisionNumber: '125-QĐ/ĐUK', decidedOn: '2019-08-05' };
    await json(await officer.post(`/api/honours/campaigns/${campaign.id}/confirm`, body), 403);
    await json(
      await board.post(`/api/honours/campaigns/${campaign.id}/confirm`, { ...body, decisionNumber: '125 QĐ' }),
      400,
    );
    await json(await board.post(`/api/honours/campaigns/${campaign.id}/confirm`, { ...body, extra: 1 }), 400);
    const confirmed = await json(await board.post(`/api/honours/campaigns/${campaign.id}/confirm`, body));
    expect(confirmed).toMatchObject({
      status: 'decided',
      decided: true,
      decision: { number: '125-QĐ/ĐUK', date: '2019-08-05' },
      totals: { quota: 45, count: 7, shortfall: 38 },
    });
    await json(await board.post(`/api/honours/campaigns/${campaign.id}/confirm`, body), 409);
    expect((await json(await board.get(`/api/honours/campaigns/${campaign.id}`))).status).toBe('decided');
    // the decision is the campaign's: its number and date are fields of the campaign
    expect(
      await env()
        .platform.db.selectFrom('honour_campaigns')
        .select(['decision_number', 'decision_date'])
        .where('id', '=', campaign.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ decision_number: '125-QĐ/ĐUK', decision_date: '2019-08-05' });
    // the Council's sessions are closed: no more rounds
    await json(
      await board.post(`/api/honours/sessions/${sessionId}/rounds`, { categoryId: campaign.categories[0].id }),
      409,
    );
    // everyone with honours.read sees the results now
    expect((await json(await officer.get(`/api/honours/campaigns/${campaign.id}/results`))).totals.count).toBe(7);
    const audit = await platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'honour_campaign.confirm')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('125-QĐ/ĐUK');
    const nomination: Answer<typeof getNomination> = await json(
      await board.get(`/api/honours/nominations/${byUnit.get('collective:CS02')}`),
    );
    const history = nomination.events.map((e) => [e.action, e.note]);
    expect(history.at(-1)).toEqual(['confirmed', 'Quyết định số 125-QĐ/ĐUK, ngày 05/8/2019']);

    const forCeremony = await honourees(platform, campaign.id);
    expect(forCeremony.decision).toEqual({ number: '125-QĐ/ĐUK', date: '2019-08-05' });
    expect(forCeremony.categories.map((c) => c.honourees.map((h) => h.position))).toEqual([
      [1, 2],
      [1, 2],
      [1, 2, 3],
    ]);
    const first = forCeremony.categories[0].honourees[0];
    expect(first).toMatchObject({
      nominationId: byUnit.get('collective:CS02'),
      name: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh',
      unit: { id: unit.get('CS02') },
    });
    expect(first.citation).toMatch(/^Đảng bộ 5 năm liền/);

    // the plan's activity: done on the day of the decision, after 30/7 → late
    const answer = await honoursSelectionSource.evaluate(
      platform,
      { id: 'x', planId: 'p', start: '2019-06-10', due: '2019-07-30', target: null },
      { issuedOn: '2019-06-10', periodStart: '2019-06-10' },
      '2019-08-10',
    );
    expect(answer).toMatchObject({ doneOn: '2019-08-05', percent: 16, figure: 7 });
  });

  it("the seed plan's activity A11 can take its status from the honours", async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-09-10T03:00:00Z')); // the demo's reports run to 04/9/2019
    await plansDemo.load(platform);
    const plan = await platform.db
      .selectFrom('plans')
      .select('id')
      .where('demo_key', 'is not', null)
      .executeTakeFirstOrThrow();
    const a11 = await platform.db
      .selectFrom('plan_activities')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('ref', '=', 'A11')
      .executeTakeFirstOrThrow();
    clock.set(new Date('2019-08-10T03:00:00Z'));
    await json(await board.patch(`/api/activities/${a11.id}`, { statusSource: 'honours.selection' }));
    const activity = await json(await board.get(`/api/activities/${a11.id}`));
    expect(activity).toMatchObject({ doneOn: '2019-08-05', status: 'done_late' });
    clock.set(new Date('2019-07-25T03:00:00Z'));
  }, 60_000);

  it("prints the minutes with each round's counts per nominee, and the .docx opens in LibreOffice", async () => {
    const { platform } = env();
    const doc = await minutesDocument(platform, systemCaller(), sessionId);
    expect(doc.type).toBe('BIÊN BẢN');
    const tables = JSON.stringify(doc.body);
    expect(tables).toContain('KẾT QUẢ BỎ PHIẾU');
    const part = doc.body.find((b): b is Section => b.kind === 'section' && b.number === 'III-')!;
    const roundTables = part.children.map((s) => (s as Section).children.find((c): c is Table => c.kind === 'table')!);
    expect(roundTables).toHaveLength(3);
    const row = (t: Table, key: string) => t.rows.find((r) => r[1] === names.get(byUnit.get(key)!))!.slice(3);
    expect(row(roundTables[0], 'collective:CS02')).toEqual(['5', '0', '0', 'Được chọn']);
    expect(row(roundTables[0], 'collective:CS01')).toEqual(['4', '1', '0', 'Được chọn']);
    expect(row(roundTables[0], 'collective:CS04')).toEqual(['2', '2', '1', 'Không đạt']);
    expect(row(roundTables[1], 'individual:CS02')).toEqual(['3', '2', '0', 'Được chọn']);
    expect(row(roundTables[2], 'product:CS09')).toEqual(['3', '1', '1', 'Được chọn']);

    await bytes(await officer.get(`/api/honours/sessions/${sessionId}/minutes.docx`), 404);
    const docx = await bytes(await members[1].client.get(`/api/honours/sessions/${sessionId}/minutes.docx`));
    const text = await pdfText(keep(`minutes-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx)));
    for (const words of [
      'BIÊN BẢN',
      'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      'Ủy viên Hội đồng 1',
      'Có mặt',
      'QUY CHẾ BỎ PHIẾU',
      'Vòng 1: Tập thể xuất sắc tiêu biểu',
      'Vòng 3: Sản phẩm tiêu biểu',
      'THƯ KÝ HỘI ĐỒNG',
      'CHỦ TỊCH HỘI ĐỒNG',
      'Ủy viên Hội đồng 5',
    ]) {
      expect(text, words).toContain(words);
    }
    const pdf = await pdfText(
      keep(`minutes-${kind}.pdf`, await bytes(await board.get(`/api/honours/sessions/${sessionId}/minutes.pdf`))),
    );
    expect(pdf).toContain('Số thành viên có quyền biểu quyết có mặt 5/5 đủ');
  }, 180_000);

  it('prints the decision with exactly the selected, and its attached list per category', async () => {
    const { platform } = env();
    const selected = [
      'collective:CS02',
      'collective:CS01',
      'individual:CS05',
      'individual:CS02',
      'product:CS02',
      'product:CS11',
      'product:CS09',
    ];
    const doc = await decisionDocument(platform, campaign.id);
    expect([doc.type, doc.number, doc.symbol, doc.issuer.symbolSuffix, doc.date]).toEqual([
      'QUYẾT ĐỊNH',
      '125',
      'QĐ',
      'ĐUK',
      '2019-08-05',
    ]);
    // the list of honourees is not in the body: it follows the signature, on a page of its own
    expect(doc.body.some((b) => b.kind === 'section')).toBe(false);
    expect(doc.signature).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Trần Hữu Nam' });
    const lists = (doc.annex ?? [])
      .filter((b): b is Section => b.kind === 'section')
      .map((s) => (s.children[0] as Table).rows.map((r) => r[1]));
    expect(lists).toEqual(
      [selected.slice(0, 2), selected.slice(2, 4), selected.slice(4)].map((keys) =>
        keys.map((k) => names.get(byUnit.get(k)!)),
      ),
    );

    const docx = await bytes(await officer.get(`/api/honours/campaigns/${campaign.id}/decision.docx`));
    const text = await pdfText(keep(`decision-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx)));
    const pdf = await pdfText(
      keep(
        `decision-${kind}.pdf`,
        await bytes(await officer.get(`/api/honours/campaigns/${campaign.id}/decision.pdf`)),
      ),
    );
    for (const t of [text, pdf]) {
      expect(t).toContain('QUYẾT ĐỊNH');
      expect(t).toContain('Số 125-QĐ/ĐUK');
      expect(t).toContain('về việc tôn vinh tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu');
      expect(t).toContain('Tôn vinh 7 (2 tập thể, 2 cá nhân, 3 sản phẩm)');
      expect(t).toContain('TẬP THỂ XUẤT SẮC TIÊU BIỂU (2)');
      for (const key of ['individual:CS02', 'individual:CS05']) expect(t, key).toContain(names.get(byUnit.get(key)!)!);
      for (const key of ['individual:CS09', 'individual:CS10'])
        expect(t, key).not.toContain(names.get(byUnit.get(key)!)!);
      // Điều 3, then the recipients and the signature with the signer's name, then the list
      const order = ['Điều 3.', 'Nơi nhận:', 'Trần Hữu Nam', 'DANH SÁCH', 'Kèm theo Quyết định số 125-QĐ/ĐUK'].map(
        (w) => t.indexOf(w),
      );
      expect(
        order.every((at) => at >= 0),
        order.join(),
      ).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  }, 180_000);

  it('prints the proposal to a higher level for a chosen few of the confirmed', async () => {
    const chosen = [byUnit.get('collective:CS02'), byUnit.get('product:CS11')];
    await bytes(
      await officer.post(`/api/honours/campaigns/${campaign.id}/proposal.docx`, { nominationIds: chosen }),
      403,
    );
    await bytes(
      await board.post(`/api/honours/campaigns/${campaign.id}/proposal.docx`, {
        nominationIds: [byUnit.get('collective:CS04')],
      }),
      400,
    );
    const pdf = await pdfText(
      keep(
        `proposal-${kind}.pdf`,
        await bytes(
          await board.post(`/api/honours/campaigns/${campaign.id}/proposal.pdf`, {
            nominationIds: chosen,
            to: 'Ban Thường vụ Tỉnh ủy Thái Bình',
          }),
        ),
      ),
    );
    expect(pdf).toContain('TỜ TRÌNH');
    expect(pdf).toContain('Kính gửi: Ban Thường vụ Tỉnh ủy Thái Bình');
    expect(pdf).toContain('Đảng bộ Công ty Cổ phần May Kiến Xương Xanh');
    expect(pdf).toContain('Gạch ốp lát men sứ Thái Hưng');
    expect(pdf).not.toContain('Cấp nước Sông Trà');
    expect(pdf).toContain('Trần Hữu Nam'); // the signer, from the registry
    const docx = await bytes(
      await board.post(`/api/honours/campaigns/${campaign.id}/proposal.docx`, { nominationIds: chosen }),
    );
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('prints one Giấy khen per honouree, A4 landscape, in one PDF', async () => {
    const pdf = keep(
      `certificates-${kind}.pdf`,
      await bytes(await officer.get(`/api/honours/campaigns/${campaign.id}/certificates.pdf`)),
    );
    const info = await pdfInfo(pdf);
    expect([info.pages, Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([7, 842, 595]);
    const text = await pdfText(pdf);
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('Quyết định số 125-QĐ/ĐUK, ngày 05/8/2019');
    expect(text).toContain('Sản phẩm Gạch ốp lát men sứ Thái Hưng');
    expect(text).toContain('Đảng bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ');
    // each certificate signed by the Standing Committee's Bí thư on the decision's day
    expect(text.split('Trần Hữu Nam').length - 1).toBe(7);
  }, 120_000);

  it('refuses the decision and certificates of an undecided campaign; prints 45 certificates for a full campaign, timed', async () => {
    const { platform } = env();
    const c = await buildCampaign(platform, {
      code: 'TV-45',
      name: 'Tôn vinh 45 tập thể, cá nhân, sản phẩm tiêu biểu',
      nominationOpens: '2019-06-15',
      nominationDue: '2019-07-20',
      categories: [
        { kind: 'collective', name: 'Tập thể', quota: 15 },
        { kind: 'individual', name: 'Cá nhân', quota: 15 },
        { kind: 'product', name: 'Sản phẩm', quota: 15 },
      ],
    });
    await bytes(await board.get(`/api/honours/campaigns/${c.id}/certificates.pdf`), 409);
    await bytes(await board.get(`/api/honours/campaigns/${c.id}/decision.docx`), 409);
    await json(
      await board.post(`/api/honours/campaigns/${c.id}/confirm`, {
        decisionNumber: '126-QĐ/ĐUK',
        decidedOn: '2019-08-05',
      }),
      409,
    );
    // 45 selected nominations written straight in: the Council's path is covered above
    const now = new Date().toISOString();
    await platform.db
      .insertInto('honour_nominations')
      .values(
        c.categories.flatMap((cat) =>
          Array.from({ length: 15 }, (_, i) => ({
            id: newId(),
            campaign_id: c.id,
            category_id: cat.id,
            unit_id: unit.get('CS02')!,
            nominee_unit_id: null,
            nominee_person_id: null,
            product_name: null,
            product_enterprise_id: null,
            nominee_name: `${cat.name} tiêu biểu số ${i + 1} Nguyễn Thị Hằng`,
            summary:
              'Hoàn thành xuất sắc nhiệm vụ năm 2018, đóng góp tích cực vào phát triển kinh tế - xã hội của tỉnh.',
            status: 'selected',
            reason: null,
            submitted_at: now,
            created_by: null,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })),
        ),
      )
      .execute();
    // no number typed in: the decision takes the next QĐ number of the term from the office's register
    await json(
      await board.put('/api/office/settings', {
        superiorBody: 'Đảng bộ tỉnh Thái Bình',
        issuingBody: 'Đảng ủy Khối Doanh nghiệp',
        symbolSuffix: 'ĐUK',
        place: 'Thái Bình',
      }),
    );
    await json(
      await board.post('/api/office/terms', { name: '2015 - 2020', startsOn: '2015-08-01', endsOn: '2020-07-31' }),
      201,
    );
    const decided: { decision: { number: string; date: string } } = await json(
      await board.post(`/api/honours/campaigns/${c.id}/confirm`, { decidedOn: '2019-08-05' }),
    );
    expect(decided.decision).toEqual({ number: '01-QĐ/ĐUK', date: '2019-08-05' });
    // equal in the ballot, the honourees follow their names as a reader counts: số 2 before số 10
    const results: { categories: { name: string; honourees: { name: string }[] }[] } = await json(
      await board.get(`/api/honours/campaigns/${c.id}/results`),
    );
    for (const cat of results.categories) {
      expect(cat.honourees.map((h) => h.name)).toEqual(
        Array.from({ length: 15 }, (_, i) => `${cat.name} tiêu biểu số ${i + 1} Nguyễn Thị Hằng`),
      );
    }
    const register: { items: { symbol: string; source: { type: string; id: string } | null }[] } = await json(
      await board.get('/api/office/outgoing?type=QĐ'),
    );
    expect(register.items).toEqual([
      expect.objectContaining({ symbol: '01-QĐ/ĐUK', source: { type: 'honours.campaign', id: c.id } }),
    ]);
    const started = performance.now();
    const pdf = await bytes(await board.get(`/api/honours/campaigns/${c.id}/certificates.pdf`));
    const ms = performance.now() - started;
    console.log(
      `honours certificates [${kind}]: 45 in ${ms.toFixed(0)} ms (${(pdf.length / 1024).toFixed(0)} KiB, one PDF)`,
    );
    expect((await pdfInfo(pdf)).pages).toBe(45);
  }, 180_000);
});
