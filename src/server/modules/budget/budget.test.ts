import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, type Client, signIn } from '../../../../test/support/client.ts';
import { buildCampaign } from '../../../../test/support/factories.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { minimalPdf } from '../../../../test/support/files.ts';
import { closeDocumentBrowser } from '../../documents/browser.ts';
import { newId } from '../../platform/db/ids.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { confirmResults } from '../honours/results.ts';
import { demoPlanId, SEED_DEMO_KEY } from '../plans/index.ts';
import type { awardMoney } from './awards.ts';
import type { getEstimate } from './estimates.ts';
import type { planOverview } from './figures.ts';
import { budgetSettledSource } from './planSource.ts';
import { publicSponsors } from './sponsors.ts';

/**
 * The budget on both databases: estimate lines and their amounts, versions (submit, approve, the
 * frozen version, a new version from it, compare), bad input refused with nothing changed, who may
 * see and change budgets, sponsors with pledges and receipts moving an activity's funds, spending
 * with a voucher only budget readers open, variance totals by source, award money on 45 honourees
 * with the base salary in force on the decision's date, the papers opened in LibreOffice, the
 * plan's budget activity, and the public list of sponsors.
 */
const out = path.resolve('test-results/budget');
const keep = (name: string, data: Buffer) => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), data);
  return data;
};

describeEachDatabase('budget', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'plans'] },
  );
  afterAll(closeDocumentBrowser);
  const unit = new Map<string, string>();
  const act = new Map<string, string>();
  let planId = '';
  let office: Client;
  let otherBoard: Client;
  let leader: Client;
  let secretary: Client;
  let estimate: Answer<typeof getEstimate>;

  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 600)).toBe(status);
    return JSON.parse(text);
  };
  const bytes = async (res: Response, status = 200) => {
    if (res.status !== status) expect(res.status, (await res.text()).slice(0, 500)).toBe(status);
    return Buffer.from(await res.arrayBuffer());
  };
  const overview = async (): Promise<Answer<typeof planOverview>> =>
    json(await office.get(`/api/budget/plans/${planId}`));

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
    const as = async (role: 'office_staff' | 'propaganda_staff' | 'bloc_leader' | 'unit_officer', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return signIn(app, u.username, u.password);
    };
    office = await as('office_staff', 'VP');
    otherBoard = await as('propaganda_staff', 'BTG');
    leader = await as('bloc_leader', 'DBK');
    secretary = await as('unit_officer', 'CS02');
  }, 120_000);

  const lines = [
    { item: 'Thuê nhà thi đấu', quantity: 2.5, unit: 'ngày', unitPrice: 4_000_000, source: 'bloc' },
    { item: 'Cúp, huy chương', quantity: 1, unit: 'bộ', unitPrice: 8_200_000, source: 'mobilised' },
    { item: 'Nước uống', quantity: 3, unit: 'ngày', unitPrice: 1_234_567, source: 'units' },
    { item: 'Bồi dưỡng trọng tài', quantity: 0.125, unit: 'suất', unitPrice: 1_000_003, source: 'bloc' },
  ];

  it('estimates an activity: amounts computed in whole đồng, totals by source', async () => {
    estimate = await json(
      await office.post('/api/budget/estimates', { activityId: act.get('A9'), title: 'Giải cầu lông' }),
      201,
    );
    expect(estimate.versions.map((v) => [v.number, v.status])).toEqual([[1, 'draft']]);
    estimate = await json(await office.put(`/api/budget/estimates/${estimate.id}/draft`, { lines }));
    const draft = estimate.versions[0];
    expect(draft.lines.map((l) => l.amount)).toEqual([10_000_000, 8_200_000, 3_703_701, 125_000]);
    expect(draft.total).toBe(22_028_701);
    // a second estimate for the same activity is refused
    await json(await office.post('/api/budget/estimates', { activityId: act.get('A9') }), 409);
  });

  it('refuses bad input with messages in both languages and changes nothing', async () => {
    const id = estimate.id;
    const cases: unknown[] = [
      { lines: [{ ...lines[0], unitPrice: -5 }] },
      { lines: [{ ...lines[0], quantity: 1.2345 }] },
      { lines: [{ ...lines[0], source: 'lottery' }] },
      { lines: [{ ...lines[0], key: newId() }] },
      { lines: [{ ...lines[0], item: '   ' }] },
      { lines: [{ ...lines[0], unitPrice: 1.5 }] },
      { lines: [{ ...lines[0], quantity: 1000, unitPrice: 1_999_999_999 }] },
    ];
    for (const body of cases) {
      const err = await json(await office.put(`/api/budget/estimates/${id}/draft`, body), 400);
      expect(err.error.messages.vi).toBeTruthy();
      expect(err.error.messages.en).toBeTruthy();
      expect(err.error.details?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    await json(await office.post('/api/budget/estimates', { activityId: newId() }), 400);
    await json(await office.post(`/api/budget/sponsors`, { planId, name: 'X', kind: 'enterprise', extra: 1 }), 400);
    const after: Answer<typeof getEstimate> = await json(await office.get(`/api/budget/estimates/${id}`));
    expect(after.versions[0].total).toBe(22_028_701);
  });

  it('submits, approves (Standing Committee only), freezes, starts a new version from it and compares', async () => {
    const id = estimate.id;
    await json(await office.post(`/api/budget/estimates/${id}/submit`), 200);
    await json(await office.post(`/api/budget/estimates/${id}/approve`, { decidedOn: '2019-06-25' }), 403);
    await json(await office.put(`/api/budget/estimates/${id}/draft`, { lines }), 409);
    await json(await leader.post(`/api/budget/estimates/${id}/return`, { reason: 'Xem lại giá thuê' }), 200);
    estimate = await json(await office.get(`/api/budget/estimates/${id}`));
    expect(estimate.versions[0]).toMatchObject({ status: 'draft', returnReason: 'Xem lại giá thuê' });
    await json(await office.post(`/api/budget/estimates/${id}/submit`), 200);
    estimate = await json(await leader.post(`/api/budget/estimates/${id}/approve`, { decidedOn: '2019-06-25' }));
    expect(estimate.approvedNumber).toBe(1);
    expect(estimate.versions[0]).toMatchObject({ status: 'approved', decidedOn: '2019-06-25' });
    // frozen: no edit, no second approval
    await json(await office.put(`/api/budget/estimates/${id}/draft`, { lines }), 409);
    await json(await leader.post(`/api/budget/estimates/${id}/approve`, { decidedOn: '2019-06-26' }), 409);
    // a new version starts from the approved one, keys kept; v1 stays in force meanwhile
    estimate = await json(await office.post(`/api/budget/estimates/${id}/versions`), 201);
    const v2 = estimate.versions[1];
    expect(v2).toMatchObject({ number: 2, status: 'draft', total: 22_028_701 });
    expect(v2.lines.map((l) => l.key)).toEqual(estimate.versions[0].lines.map((l) => l.key));
    await json(await office.post(`/api/budget/estimates/${id}/versions`), 409);
    const [hall, cup, , referee] = v2.lines;
    const strip = ({ key, item, quantity, unit, unitPrice, source }: (typeof v2.lines)[number]) => ({
      key,
      item,
      quantity,
      unit,
      unitPrice,
      source,
    });
    estimate = await json(
      await office.put(`/api/budget/estimates/${id}/draft`, {
        lines: [
          { ...strip(hall), quantity: 3 },
          strip(cup),
          strip(referee),
          { item: 'Giải thưởng', quantity: 15, unit: 'giải', unitPrice: 1_000_000, source: 'mobilised' },
        ],
        note: 'Thêm một ngày thi đấu',
      }),
    );
    expect(estimate.approvedNumber).toBe(1);
    expect(estimate.lines.reduce((s, l) => s + l.amount, 0)).toBe(22_028_701);
    const cmp = await json(await office.get(`/api/budget/estimates/${id}/compare?from=1&to=2`));
    expect(
      cmp.lines.map((l: { item: string; change: string; difference: number }) => [l.item, l.change, l.difference]),
    ).toEqual([
      ['Thuê nhà thi đấu', 'changed', 2_000_000],
      ['Cúp, huy chương', 'same', 0],
      ['Bồi dưỡng trọng tài', 'same', 0],
      ['Giải thưởng', 'added', 15_000_000],
      ['Nước uống', 'removed', -3_703_701],
    ]);
    expect(cmp.totals).toEqual({ from: 22_028_701, to: 35_325_000, difference: 13_296_299 });
    await json(await office.get(`/api/budget/estimates/${id}/compare?from=1&to=9`), 400);
    await json(await office.post(`/api/budget/estimates/${id}/submit`), 200);
    estimate = await json(await leader.post(`/api/budget/estimates/${id}/approve`, { decidedOn: '2019-07-02' }));
    expect(estimate.versions.map((v) => v.status)).toEqual(['superseded', 'approved']);
    expect(estimate.approvedNumber).toBe(2);
    // every change left an audit row
    const audit = await env()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'budget_estimate.create',
        'budget_estimate.save_draft',
        'budget_estimate.submit',
        'budget_estimate.return',
        'budget_estimate.approve',
        'budget_estimate.new_version',
      ]),
    );
  });

  it('keeps budgets to the Office and the Standing Committee: a secretary and another board get 403', async () => {
    for (const c of [secretary, otherBoard]) {
      await json(await c.get(`/api/budget/plans/${planId}`), 403);
      await json(await c.get(`/api/budget/estimates/${estimate.id}`), 403);
      await json(await c.get(`/api/budget/sponsors?planId=${planId}`), 403);
      await json(await c.get('/api/budget/awards'), 403);
      await json(await c.post('/api/budget/sponsors', { planId, name: 'Công ty A', kind: 'enterprise' }), 403);
    }
    // the Standing Committee reads and approves but does not edit
    await json(await leader.get(`/api/budget/plans/${planId}`), 200);
    await json(await leader.post('/api/budget/sponsors', { planId, name: 'Công ty A', kind: 'enterprise' }), 403);
  });

  let sponsorId = '';
  it('records a sponsor, its pledge and payments: the activity’s funds and balance move, spending moves the variance', async () => {
    const before = (await overview()).activities.find((a) => a.ref === 'A9')!;
    expect(before).toMatchObject({ estimate: 35_325_000, funds: 12_125_000, spent: 0, variance: 35_325_000 });
    // the funding side (ADR 41): only the Bloc's own budget is there, the mobilised part still to raise
    expect(before).toMatchObject({ pledged: 12_125_000, fundingVariance: -23_200_000 });
    const s = await json(
      await office.post('/api/budget/sponsors', {
        planId,
        name: 'Công ty Cổ phần Bia Đông Hưng',
        kind: 'enterprise',
        publicConsent: true,
      }),
      201,
    );
    sponsorId = s.id;
    await json(
      await office.post('/api/budget/sponsors', { planId, name: 'công ty cổ phần bia đông hưng', kind: 'other' }),
      400,
    );
    await json(
      await office.post(`/api/budget/sponsors/${s.id}/pledges`, {
        amount: 30_000_000,
        pledgedOn: '2019-06-28',
        activityId: act.get('A9'),
      }),
      201,
    );
    await json(
      await office.post(`/api/budget/sponsors/${s.id}/receipts`, {
        kind: 'money',
        amount: 12_000_000,
        receivedOn: '2019-07-20',
        activityId: act.get('A9'),
      }),
      201,
    );
    await json(
      await office.post(`/api/budget/sponsors/${s.id}/receipts`, {
        kind: 'in_kind',
        amount: 8_200_000,
        receivedOn: '2019-07-21',
      }),
      400,
    );
    const sponsor = await json(
      await office.post(`/api/budget/sponsors/${s.id}/receipts`, {
        kind: 'in_kind',
        amount: 8_200_000,
        receivedOn: '2019-07-21',
        activityId: act.get('A9'),
        description: 'Bộ cúp và huy chương',
      }),
      201,
    );
    expect(sponsor).toMatchObject({
      pledged: 30_000_000,
      received: 12_000_000,
      inKind: 8_200_000,
      outstanding: 9_800_000,
    });
    await json(
      await office.post(`/api/budget/sponsors/${s.id}/receipts`, {
        kind: 'money',
        amount: 1,
        receivedOn: '2019-07-21',
        activityId: act.get('A10'),
      }),
      201,
    );
    const after = (await overview()).activities.find((a) => a.ref === 'A9')!;
    expect(after.funds - before.funds).toBe(20_200_000);
    const mobilised = after.bySource.find((x) => x.source === 'mobilised')!;
    expect(mobilised).toMatchObject({ estimate: 23_200_000, funds: 20_200_000, spent: 0, balance: 20_200_000 });
    // a sponsor's payment earmarked to A9 moves its variance at once: the funding variance, by what was received
    expect(after.fundingVariance - before.fundingVariance).toBe(20_200_000);
    expect(after.variance).toBe(before.variance);
    expect(mobilised).toMatchObject({ pledged: 30_000_000, fundingVariance: -3_000_000 });
    // spending with a voucher file: only budget readers may open it
    const upload = await env().app.request('/api/files?name=phieu-chi-01.pdf', {
      method: 'POST',
      headers: {
        cookie: office.cookie!,
        'x-csrf-token': office.csrfToken!,
        'content-type': 'application/octet-stream',
      },
      body: minimalPdf('phiếu chi'),
    });
    const fileId = (await json(upload, 201)).id;
    const hall = estimate.lines.find((l) => l.item === 'Thuê nhà thi đấu')!;
    const cup = estimate.lines.find((l) => l.item === 'Cúp, huy chương')!;
    const spent = await json(
      await office.post('/api/budget/spending', {
        estimateId: estimate.id,
        lineKey: hall.key,
        amount: 12_500_000,
        spentOn: '2019-08-20',
        description: 'Thuê nhà thi đấu 3 ngày',
        voucherNumber: 'PC01/2019',
        voucherFileId: fileId,
      }),
      201,
    );
    expect(spent.voucher).toMatchObject({ id: fileId, name: 'phieu-chi-01.pdf' });
    await json(
      await office.post('/api/budget/spending', {
        estimateId: estimate.id,
        lineKey: cup.key,
        amount: 8_000_000,
        spentOn: '2019-08-20',
        description: 'Cúp',
        voucherNumber: 'PC02/2019',
      }),
      201,
    );
    // not a line of the approved version (the removed one), an unknown line: refused
    const removed = estimate.versions[0].lines.find((l) => l.item === 'Nước uống')!;
    for (const lineKey of [removed.key, newId()])
      await json(
        await office.post('/api/budget/spending', {
          estimateId: estimate.id,
          lineKey,
          amount: 1000,
          spentOn: '2019-08-20',
          description: 'x',
          voucherNumber: 'PC99',
        }),
        400,
      );
    expect((await office.get(`/api/files/${fileId}`)).status).toBe(200);
    expect((await leader.get(`/api/files/${fileId}`)).status).toBe(200);
    expect((await secretary.get(`/api/files/${fileId}`)).status).toBe(404);
    expect((await otherBoard.get(`/api/files/${fileId}`)).status).toBe(404);
    const o = await overview();
    const a9 = o.activities.find((a) => a.ref === 'A9')!;
    expect(a9).toMatchObject({ estimate: 35_325_000, spent: 20_500_000, variance: 14_825_000 });
    const byLine: Answer<typeof getEstimate> = await json(await office.get(`/api/budget/estimates/${estimate.id}`));
    expect(byLine.lines.find((l) => l.key === hall.key)).toMatchObject({
      amount: 12_000_000,
      spent: 12_500_000,
      variance: -500_000,
    });
    // totals by source are the sums over activities (and the plan-level receipts)
    for (const s of o.bySource) {
      const parts = o.activities.map((x) => x.bySource.find((y) => y.source === s.source)!);
      expect(s.estimate).toBe(parts.reduce((t, p) => t + p.estimate, 0));
      expect(s.spent).toBe(parts.reduce((t, p) => t + p.spent, 0));
      expect(s.variance).toBe(s.estimate - s.spent);
      expect(s.fundingVariance).toBe(s.funds - s.estimate);
      expect(s.pledged).toBe(parts.reduce((t, p) => t + p.pledged, 0));
    }
    expect(o.unassigned.pledged).toBe(0); // every pledge here names its activity
    for (const a of o.activities) expect(a.fundingVariance).toBe(a.funds - a.estimate);
    expect(o.totals.fundingVariance).toBe(o.totals.funds - o.totals.estimate);
    expect(o.totals).toMatchObject({
      estimate: 35_325_000,
      spent: 20_500_000,
      variance: 14_825_000,
      funds: 32_325_001,
    });
  });

  it('works out award money on 45 honourees with the base salary in force on each decision’s date', async () => {
    const { platform } = env();
    const decide = async (code: string, date: string) => {
      const c = await buildCampaign(platform, {
        code,
        name: 'Tôn vinh 45 tập thể, cá nhân, sản phẩm tiêu biểu',
        categories: [
          { kind: 'collective', name: 'Tập thể tiêu biểu', quota: 15 },
          { kind: 'individual', name: 'Cá nhân tiêu biểu', quota: 15 },
          { kind: 'product', name: 'Sản phẩm tiêu biểu', quota: 15 },
        ],
      });
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
              nominee_name: `${cat.name} số ${i + 1}`,
              summary: 'Hoàn thành xuất sắc nhiệm vụ.',
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
      await confirmResults(platform, systemCaller(), c.id, { number: `${code}-QĐ/ĐUK`, date });
      return c.id;
    };
    // undecided: nothing to pay yet, and no list
    const open = await buildCampaign(platform, { code: 'TV-OPEN' });
    const none: Answer<typeof awardMoney> = await json(await office.get(`/api/budget/awards?campaignId=${open.id}`));
    expect([none.decision, none.total, none.count]).toEqual([null, 0, 0]);
    await json(await office.get(`/api/budget/awards/list?campaignId=${open.id}&format=xlsx`), 409);

    const after = await decide('125', '2019-08-05'); // 1.490.000 đ from 01/7/2019
    const a: Answer<typeof awardMoney> = await json(await office.get(`/api/budget/awards?campaignId=${after}`));
    expect(a.baseSalary).toMatchObject({ value: 1_490_000, effectiveFrom: '2019-07-01' });
    expect(a.categories.map((c) => [c.kind, c.coefficient, c.amountEach, c.count, c.total])).toEqual([
      ['collective', 0.6, 900_000, 15, 13_500_000],
      ['individual', 0.3, 450_000, 15, 6_750_000],
      ['product', 0.6, 900_000, 15, 13_500_000],
    ]);
    expect([a.count, a.total]).toEqual([45, 33_750_000]);
    const before = await decide('98', '2019-06-20'); // 1.390.000 đ from 01/7/2018
    const b: Answer<typeof awardMoney> = await json(await office.get(`/api/budget/awards?campaignId=${before}`));
    expect(b.categories.map((c) => c.amountEach)).toEqual([840_000, 420_000, 840_000]);
    expect(b.total).toBe(31_500_000);
    // a new dated value applies only from its day: the 2019 decisions keep their money
    await json(
      await office.post('/api/budget/rates', {
        setting: 'base_salary',
        value: 1_600_000,
        effectiveFrom: '2020-07-01',
        source: 'thử',
      }),
      201,
    );
    await json(
      await office.post('/api/budget/rates', {
        setting: 'base_salary',
        value: 1_600_000,
        effectiveFrom: '2020-07-01',
        source: 'thử',
      }),
      400,
    );
    await json(
      await office.post('/api/budget/rates', {
        setting: 'giay_khen_bloc.individual',
        value: 0,
        effectiveFrom: '2021-01-01',
        source: 'x',
      }),
      400,
    );
    await json(
      await leader.post('/api/budget/rates', {
        setting: 'base_salary',
        value: 1_700_000,
        effectiveFrom: '2021-07-01',
        source: 'x',
      }),
      403,
    );
    expect((await json(await office.get(`/api/budget/awards?campaignId=${after}`))).total).toBe(33_750_000);
    const rates = await json(await office.get('/api/budget/rates'));
    expect(rates.baseSalary.map((r: { value: number }) => r.value)).toEqual([
      1_390_000, 1_490_000, 1_600_000, 2_340_000,
    ]);

    const xlsx = keep(
      `awards-${kind}.xlsx`,
      await bytes(await office.get(`/api/budget/awards/list?campaignId=${after}&format=xlsx`)),
    );
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const docx = keep(
      `awards-${kind}.docx`,
      await bytes(await office.get(`/api/budget/awards/list?campaignId=${after}&format=docx`)),
    );
    const text = await pdfText(keep(`awards-${kind}.pdf`, await docxToPdfWithLibreOffice(docx)));
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('125-QĐ/ĐUK');
    expect(text).toContain('1.490.000 đ');
    expect(text).toContain('33.750.000');
  }, 240_000);

  it('prints the settlement and a thanks letter; the plan’s budget activity is done when settled; the public list', async () => {
    const { platform, clock } = env();
    const a23 = { id: act.get('A23')!, planId, start: null, due: null, target: null };
    const plan = { issuedOn: '2019-06-10', periodStart: '2019-06-10' };
    const progress = await budgetSettledSource.evaluate(platform, a23, plan, '2019-09-30');
    expect(progress).toMatchObject({ doneOn: null, percent: 50 });
    clock.set(new Date('2019-09-30T08:00:00Z'));
    await json(await office.post(`/api/budget/plans/${planId}/settlement`, { closedOn: '2019-09-30' }), 403);
    await json(await leader.post(`/api/budget/plans/${planId}/settlement`, { closedOn: '2019-10-30' }), 400);
    const settled = await json(await leader.post(`/api/budget/plans/${planId}/settlement`, { closedOn: '2019-09-30' }));
    expect(settled.settlement).toEqual({ closedOn: '2019-09-30', note: null });
    const done = await budgetSettledSource.evaluate(platform, a23, plan, '2019-10-01');
    expect(done).toMatchObject({ doneOn: '2019-09-30', percent: 100 });
    await json(
      await office.post('/api/budget/spending', {
        estimateId: estimate.id,
        lineKey: estimate.lines[0].key,
        amount: 1000,
        spentOn: '2019-10-01',
        description: 'Sau quyết toán',
        voucherNumber: 'PC03',
      }),
      409,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      keep(
        `settlement-${kind}.xlsx`,
        await bytes(await office.get(`/api/budget/plans/${planId}/settlement?format=xlsx`)),
      ) as unknown as Parameters<typeof book.xlsx.load>[0],
    );
    // by activity, the rows (and what was given for the plan as a whole) add up to the totals by source
    const sheet = book.getWorksheet('Theo hoạt động')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const totalRow = rows.at(-1)!;
    expect(totalRow.getCell(col('Nội dung')).value).toBe('Tổng cộng');
    const final = (await overview()).totals;
    for (const [name, value] of [
      ['Nguồn đã có (đ)', final.funds],
      ['Chênh lệch nguồn (đ)', final.fundingVariance],
      ['Chênh lệch chi (đ)', final.variance],
    ] as const) {
      expect(totalRow.getCell(col(name)).value, name).toBe(value);
      expect(
        rows.slice(0, -1).reduce((sum, r) => sum + Number(r.getCell(col(name)).value), 0),
        name,
      ).toBe(value);
    }
    const docx = keep(
      `settlement-${kind}.docx`,
      await bytes(await leader.get(`/api/budget/plans/${planId}/settlement?format=docx`)),
    );
    const pdf = keep(`settlement-${kind}.pdf`, await docxToPdfWithLibreOffice(docx));
    const text = await pdfText(pdf);
    // the last page holds the activities' total with the activity above it, and the signature
    const { pages } = await pdfInfo(pdf);
    const lastPage = await pdfText(pdf, { first: pages, last: pages });
    const lastActivity = (await overview()).activities.filter((a) => a.estimateId || a.funds || a.pledged).at(-1)!;
    expect(lastPage).toContain('Tổng cộng');
    expect(lastPage).toContain(`${lastActivity.ref}. `);
    expect(lastPage).toContain('Lê Thị Hồng Nhung');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Xã hội hóa');
    expect(text).toContain('20.500.000');
    // the funding variance beside the spending variance (ADR 41)
    expect(text.replace(/\s+/g, ' ')).toMatch(/chênh lệch nguồn/i);
    // signed by the Office's chief as the registry knows her, not a blank line
    expect(text).toContain('Lê Thị Hồng Nhung');
    const thanks = keep(
      `thanks-${kind}.docx`,
      await bytes(await office.get(`/api/budget/sponsors/${sponsorId}/thanks`)),
    );
    const letter = await pdfText(keep(`thanks-${kind}.pdf`, await docxToPdfWithLibreOffice(thanks)));
    expect(letter).toContain('THƯ CẢM ƠN');
    expect(letter).toContain('Công ty Cổ phần Bia Đông Hưng');
    expect(letter).toContain('12.000.001 đ');
    // for the Standing Committee, its Secretary on the letter's day
    expect(letter).toContain('Trần Hữu Nam');
    await bytes(await secretary.get(`/api/budget/sponsors/${sponsorId}/thanks`), 403);
    const pub = await publicSponsors(platform.db, planId);
    expect(pub).toEqual([
      {
        name: 'Công ty Cổ phần Bia Đông Hưng',
        kind: 'enterprise',
        planId,
        money: 12_000_001,
        inKind: [{ description: 'Bộ cúp và huy chương', value: 8_200_000 }],
      },
    ]);
    await json(await office.patch(`/api/budget/sponsors/${sponsorId}`, { publicConsent: false }));
    expect(await publicSponsors(platform.db, planId)).toEqual([]);
  }, 240_000);
});
