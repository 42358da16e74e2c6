import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import type { completeness } from './completeness.ts';
import type { groupTotalsOf, totalsOf } from './rollup.ts';
import { monthsOf, periodsBetween } from '../../../common/periods.ts';
import { type getForm, type reportHistory, saveReport, scopeOf } from './submissions.ts';
import { findTemplate } from './templates.ts';
import { decompose } from './periods.ts';
import { subtreeTotals, subtreeTotalsFromValues } from './totals.ts';

/**
 * Periodic reporting end to end on both databases: the regime as data, entering and approving,
 * locking, policy, completeness, and the live totals held equal to a GROUP BY over the raw
 * values after every kind of change (submit, edit after return, approve, reopen, a unit moved).
 */
describeEachDatabase('reporting', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  const ind = new Map<string, string>();
  let office: Client;
  let cs02: Client;
  let cs05: Client;
  let cell1: Client;
  let leader: Client;
  let admin: Client;
  let templateId = '';
  let approvedTemplateId = '';

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-06-20T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const as = async (role: 'office_staff' | 'unit_officer' | 'bloc_leader' | 'system_admin', code: string | null) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: code ? unit.get(code)! : null }] });
      return signIn(app, u.username, u.password);
    };
    office = await as('office_staff', 'VP');
    cs02 = await as('unit_officer', 'CS02');
    cs05 = await as('unit_officer', 'CS05');
    cell1 = await as('unit_officer', 'CS02-CB1');
    leader = await as('bloc_leader', 'DBK');
    admin = await as('system_admin', null);
  }, 60_000);

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(status);
    return body;
  };

  it('sets up indicators and a monthly template as data; bad definitions change nothing', async () => {
    const defs = [
      { code: 'DV_TONG', name: 'Tổng số đảng viên', valueType: 'integer', aggregation: 'last', unit: 'người' },
      {
        code: 'DV_MOI',
        name: 'Đảng viên mới kết nạp',
        valueType: 'integer',
        aggregation: 'sum',
        unit: 'người',
        breakdown: [
          { key: 'nam', label: { vi: 'Nam', en: 'Male' } },
          { key: 'nu', label: { vi: 'Nữ', en: 'Female' } },
        ],
      },
      { code: 'SH_CB', name: 'Số buổi sinh hoạt chi bộ', valueType: 'integer', aggregation: 'sum' },
      {
        code: 'TL_DU',
        name: 'Tỷ lệ đảng viên dự sinh hoạt',
        valueType: 'percentage',
        aggregation: 'average',
        unit: '%',
      },
      { code: 'GHI_CHU', name: 'Ghi chú', valueType: 'text', aggregation: 'none' },
    ];
    for (const d of defs) ind.set(d.code, (await json(await office.post('/api/reporting/indicators', d), 201)).id);
    await json(
      await office.post('/api/reporting/indicators', {
        code: 'X',
        name: 'Ngày',
        valueType: 'date',
        aggregation: 'sum',
      }),
      400,
    );
    await json(await office.post('/api/reporting/indicators', defs[0]), 409);
    await json(
      await cs02.post('/api/reporting/indicators', { code: 'Y', name: 'y', valueType: 'integer', aggregation: 'sum' }),
      403,
    );
    const template = {
      code: 'BC-THANG',
      name: 'Báo cáo tháng của tổ chức cơ sở đảng',
      periodType: 'monthly',
      regime: 'vn_cutoff',
      sections: [
        {
          key: 'I',
          title: 'Công tác xây dựng Đảng',
          items: [
            { indicatorId: ind.get('DV_TONG'), required: true },
            { indicatorId: ind.get('DV_MOI'), required: true },
            { indicatorId: ind.get('SH_CB') },
            { indicatorId: ind.get('TL_DU') },
          ],
        },
        { key: 'II', title: 'Ghi chú', items: [{ indicatorId: ind.get('GHI_CHU') }] },
      ],
      rules: [{ left: ind.get('DV_MOI'), operator: 'lte', right: ind.get('DV_TONG') }],
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell', 'sub_cell'] },
      schedule: {
        levels: [
          { level: 'cell', daysAfterEnd: 2 },
          { level: 'grassroots', daysAfterEnd: 5 },
          { level: 'bloc', daysAfterEnd: 10 },
        ],
        onTimeDays: 1,
        lockDays: 30,
      },
    };
    await json(
      await office.post('/api/reporting/templates', { ...template, schedule: { ...template.schedule, lockDays: 4 } }),
      400,
    );
    await json(await office.post('/api/reporting/templates', { ...template, assignment: { kinds: [] } }), 400);
    templateId = (await json(await office.post('/api/reporting/templates', template), 201)).id;
    approvedTemplateId = (
      await json(
        await office.post('/api/reporting/templates', {
          ...template,
          code: 'BC-QUY',
          name: 'Báo cáo quý',
          periodType: 'quarterly',
          countsOn: 'approved',
        }),
        201,
      )
    ).id;
  });

  const values = (members: number, male: number, female: number, meetings: number, rate: number) => [
    { indicatorId: ind.get('DV_TONG')!, breakdownKey: '', value: members },
    { indicatorId: ind.get('DV_MOI')!, breakdownKey: 'nam', value: male },
    { indicatorId: ind.get('DV_MOI')!, breakdownKey: 'nu', value: female },
    { indicatorId: ind.get('SH_CB')!, breakdownKey: '', value: meetings },
    { indicatorId: ind.get('TL_DU')!, breakdownKey: '', value: rate },
  ];
  const report = (unitCode: string, periodId: string, v = values(50, 1, 1, 2, 90), tid = templateId) => ({
    templateId: tid,
    unitId: unit.get(unitCode)!,
    periodId,
    values: v,
  });

  it('saves a draft, checks types as it goes, and submits only a complete report that keeps its rules', async () => {
    const bad = await json(
      await cs02.request(
        'PUT',
        '/api/reporting/reports',
        report('CS02', '2019-06', [{ indicatorId: ind.get('DV_TONG')!, breakdownKey: '', value: 12.5 }]),
      ),
      400,
    );
    expect(bad.error.details[0].messages.vi).toMatch(/số nguyên/);
    const draft = await json(
      await cs02.request(
        'PUT',
        '/api/reporting/reports',
        report('CS02', '2019-06', [{ indicatorId: ind.get('DV_TONG')!, breakdownKey: '', value: 120 }]),
      ),
    );
    expect(draft.submission).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.deadlines).toMatchObject({
      level: 'grassroots',
      window: { start: '2019-05-15', end: '2019-06-14' },
      due: '2019-06-19',
      onTimeBy: '2019-06-20',
    });
    const incomplete = await json(await cs02.post('/api/reporting/reports/submit', report('CS02', '2019-06', [])), 400);
    expect((incomplete.error.details as FieldProblem[]).map((d) => d.code)).toContain('required');
    const broken = await json(
      await cs02.post('/api/reporting/reports/submit', report('CS02', '2019-06', values(3, 2, 2, 1, 80))),
      400,
    );
    const brokenDetails: FieldProblem[] = broken.error.details;
    expect(brokenDetails.map((d) => d.code)).toContain('rule');
    expect(brokenDetails.find((d) => d.code === 'rule')!.messages.vi).toMatch(
      /Đảng viên mới kết nạp.*\(4\).*không được lớn hơn.*Tổng số đảng viên.*\(3\)/,
    );
    // nothing of the failed submit stayed: still the draft's value
    const form: Answer<typeof getForm> = await json(
      await cs02.get(`/api/reporting/form?templateId=${templateId}&unitId=${unit.get('CS02')}&periodId=2019-06`),
    );
    expect(form.submission!.status).toBe('draft');
    expect(form.values.find((v) => v.indicatorId === ind.get('DV_TONG'))!.value).toBe(120);
    const stale = await json(
      await cs02.post('/api/reporting/reports/submit', {
        ...report('CS02', '2019-06', values(120, 3, 2, 4, 95)),
        version: 0,
      }),
      409,
    );
    expect(stale.error.code).toBe('REPORT_CHANGED');
    const sent = await json(
      await cs02.post('/api/reporting/reports/submit', {
        ...report('CS02', '2019-06', values(120, 3, 2, 4, 95)),
        version: 1,
      }),
    );
    expect(sent.submission).toMatchObject({ status: 'submitted', timeliness: 'on_time', counted: true });
    expect(sent.may.edit).toBe(false);
    const history: Answer<typeof reportHistory> = await json(
      await cs02.get(`/api/reporting/reports/${sent.submission.id}/history`),
    );
    expect(history.items.find((h) => h.indicatorId === ind.get('DV_TONG') && h.newValue === '120')).toBeTruthy();
  });

  it('shows the total of the Bloc at once, and follows a return, a correction and an approval', async () => {
    const totals = async (
      client: Client,
      code: string,
      from = '2019-06',
      to = from,
    ): Promise<Answer<typeof totalsOf>> =>
      json(
        await client.get(
          `/api/reporting/totals?templateId=${templateId}&unitId=${unit.get(code)}&from=${from}&to=${to}`,
        ),
      );
    const value = (t: Answer<typeof totalsOf>, code: string) => t.indicators.find((i) => i.id === ind.get(code))!.value;
    let bloc = await totals(leader, 'DBK');
    expect(value(bloc, 'DV_TONG')).toBe(120);
    expect(value(bloc, 'DV_MOI')).toBe(5);
    expect(bloc.indicators.find((i) => i.id === ind.get('DV_MOI'))!.breakdown).toEqual(
      expect.arrayContaining([
        { key: 'nam', value: 3, count: 1 },
        { key: 'nu', value: 2, count: 1 },
      ]),
    );
    const id = (
      await json(
        await cs02.get(`/api/reporting/form?templateId=${templateId}&unitId=${unit.get('CS02')}&periodId=2019-06`),
      )
    ).submission.id;
    // CS05 is not the level above CS02; the Bloc is
    await json(await cs05.post(`/api/reporting/reports/${id}/return`, { reason: 'x' }), 404);
    await json(await cs02.post(`/api/reporting/reports/${id}/approve`), 403);
    const returned = await json(
      await leader.post(`/api/reporting/reports/${id}/return`, {
        reason: 'Số đảng viên mới chưa khớp danh sách kết nạp.',
      }),
    );
    expect(returned.submission).toMatchObject({
      status: 'returned',
      returnReason: 'Số đảng viên mới chưa khớp danh sách kết nạp.',
      counted: false,
    });
    bloc = await totals(leader, 'DBK');
    expect(value(bloc, 'DV_TONG')).toBeNull();
    await json(await cs02.post('/api/reporting/reports/submit', report('CS02', '2019-06', values(121, 2, 2, 4, 95))));
    expect(value(await totals(leader, 'DBK'), 'DV_MOI')).toBe(4);
    const approved = await json(await leader.post(`/api/reporting/reports/${id}/approve`));
    expect(approved.submission.status).toBe('approved');
    expect(approved.locked.code).toBe('REPORT_APPROVED');
    await json(await cs02.request('PUT', '/api/reporting/reports', report('CS02', '2019-06')), 409);
  });

  it("lets a unit read and enter only its own and its subtree's reports; cells are approved by their committee", async () => {
    await json(
      await cs05.get(`/api/reporting/form?templateId=${templateId}&unitId=${unit.get('CS02')}&periodId=2019-06`),
      404,
    );
    await json(await cs05.request('PUT', '/api/reporting/reports', report('CS02', '2019-06')), 404);
    await json(
      await cs05.get(
        `/api/reporting/totals?templateId=${templateId}&unitId=${unit.get('DBK')}&from=2019-06&to=2019-06`,
      ),
      404,
    );
    // a cell of CS02 reports; CS02's secretary (the level above) approves it; the cell cannot approve itself
    const cell = await json(
      await cell1.post('/api/reporting/reports/submit', report('CS02-CB1', '2019-06', values(30, 1, 0, 2, 100))),
    );
    expect(cell.deadlines.level).toBe('cell');
    await json(await cell1.post(`/api/reporting/reports/${cell.submission.id}/approve`), 403);
    const seen = await json(
      await cs02.get(`/api/reporting/form?templateId=${templateId}&unitId=${unit.get('CS02-CB1')}&periodId=2019-06`),
    );
    expect(seen.may.approve).toBe(true);
    await json(await cs02.post(`/api/reporting/reports/${cell.submission.id}/approve`));
    // the enterprise is not asked to report
    const ent = await json(
      await office.get(`/api/reporting/form?templateId=${templateId}&unitId=${unit.get('CS02-DN')}&periodId=2019-06`),
    );
    expect(ent.expected).toBe(false);
  });

  it('locks the period after its lock day; only an administrator reopens it, for a while', async () => {
    const { clock } = env();
    clock.set(new Date('2019-07-20T03:00:00Z')); // June (15/5–14/6) locked on 14/7
    const late = await json(await cs05.request('PUT', '/api/reporting/reports', report('CS05', '2019-06')), 409);
    expect(late.error.code).toBe('PERIOD_LOCKED');
    expect(late.error.messages.vi).toMatch(/khóa sổ từ ngày 14\/07\/2019/);
    const draft = await json(await cs05.request('PUT', '/api/reporting/reports', report('CS05', '2019-07')));
    const { platform } = env();
    clock.set(new Date('2019-09-01T03:00:00Z'));
    const id = draft.submission.id;
    await json(await office.post(`/api/reporting/reports/${id}/reopen`, { reason: 'Đơn vị xin bổ sung', days: 3 }));
    await json(await cs05.post(`/api/reporting/reports/${id}/reopen`, { reason: 'x' }), 403);
    const sent = await json(await cs05.post('/api/reporting/reports/submit', report('CS05', '2019-07')));
    expect(sent.submission).toMatchObject({ status: 'submitted', timeliness: 'late' });
    const audit = await platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['report.save', 'report.reopen', 'report.submit']),
    );
  });

  it('counts who has reported, on time, and lists who has not', async () => {
    const c: Answer<typeof completeness> = await json(
      await office.get(
        `/api/reporting/completeness?templateId=${templateId}&unitId=${unit.get('DBK')}&periodId=2019-06&pageSize=100`,
      ),
    );
    const expected = c.items.length;
    expect(c.expected).toBe(expected);
    expect(c.expected).toBeGreaterThan(18);
    expect(c.received).toBe(2); // CS02 and its cell
    expect(c.onTime).toBe(1); // the cell's own deadline was 16/6 (+1 day's grace); it reported on 20/6
    expect(c.items.find((i) => i.unit.id === unit.get('CS02-CB1'))).toMatchObject({
      status: 'approved',
      onTimeBy: '2019-06-17',
      onTime: false,
    });
    expect(c.approved).toBe(2);
    const missing: Answer<typeof completeness> = await json(
      await office.get(
        `/api/reporting/completeness?templateId=${templateId}&unitId=${unit.get('DBK')}&periodId=2019-06&missingOnly=1&pageSize=500`,
      ),
    );
    expect(missing.items.length).toBe(c.expected - 2);
    expect(missing.items.every((i) => i.status === 'missing' || i.status === 'draft')).toBe(true);
    const mine = await json(
      await cs02.get(
        `/api/reporting/completeness?templateId=${templateId}&unitId=${unit.get('CS02')}&periodId=2019-06`,
      ),
    );
    expect(mine).toMatchObject({ expected: 4, received: 2 });
  });

  /** The live totals against a GROUP BY over the raw values, for every unit with data and several ranges. */
  async function expectTotalsEqualGroupBy(tid: string) {
    const { platform } = env();
    const template = await findTemplate(platform, tid);
    const { scope, indicators } = await scopeOf(platform, template);
    const units = [...unit.values()];
    const ranges: [string, string][] =
      template.periodType === 'monthly'
        ? [
            ['2019-06', '2019-06'],
            ['2019-01', '2019-12'],
            ['2019-02', '2019-08'],
            ['2019-07', '2019-09'],
          ]
        : [
            ['2019Q2', '2019Q2'],
            ['2019Q1', '2019Q4'],
            ['2019Q2', '2019Q3'],
          ];
    let compared = 0;
    for (const u of units) {
      for (const [from, to] of ranges) {
        const live = await subtreeTotals(platform.db, scope, u, from, to);
        const periods = decompose(template, from, to).flatMap((p) =>
          template.periodType === 'monthly' ? monthsOf(p) : periodsBetween(from, to),
        );
        const raw = await subtreeTotalsFromValues(platform.db, tid, u, [...new Set(periods)]);
        for (const r of raw) {
          const agg = indicators.get(r.indicatorId)!.aggregation;
          if (agg === 'last' || agg === 'none') continue;
          const l = live.find((x) => x.indicatorId === r.indicatorId && x.breakdownKey === r.breakdownKey);
          expect(l, `${u} ${from}-${to} ${r.indicatorId}`).toBeTruthy();
          expect(l!.count).toBe(r.count);
          expect(l!.sum).toBeCloseTo(r.sum, 6);
          compared++;
        }
        const liveAdditive = live.filter((x) =>
          ['sum', 'average'].includes(indicators.get(x.indicatorId)!.aggregation),
        );
        expect(liveAdditive.length, `${u} ${from}-${to}: live totals without raw values`).toBe(
          raw.filter((r) => ['sum', 'average'].includes(indicators.get(r.indicatorId)!.aggregation)).length,
        );
      }
    }
    return compared;
  }

  it('keeps the totals equal to a GROUP BY over the raw values through many reports, returns, reopenings and a unit moving', async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-12-20T03:00:00Z'));
    const codes = ['CS01', 'CS02', 'CS03', 'CS04', 'CS05', 'CS06', 'CS02-CB2'];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const months = periodsBetween('2019-08', '2019-12');
    for (const m of months) {
      clock.set(new Date(`${m}-16T03:00:00Z`)); // each month reported after its window closed, before it locks
      for (const code of codes) {
        const total = 20 + rnd(200);
        await saveReport(
          platform,
          systemCaller(),
          report(code, m, values(total, rnd(3), rnd(3), rnd(5), 50 + rnd(51))),
          { submit: true },
        );
      }
    }
    expect(await expectTotalsEqualGroupBy(templateId)).toBeGreaterThan(100);
    // a return, a correction, an approval, a reopening
    const sub = async (code: string, m: string) =>
      (
        await platform.db
          .selectFrom('report_submissions')
          .select('id')
          .where('template_id', '=', templateId)
          .where('unit_id', '=', unit.get(code)!)
          .where('period_id', '=', m)
          .executeTakeFirstOrThrow()
      ).id;
    await json(
      await leader.post(`/api/reporting/reports/${await sub('CS03', '2019-12')}/return`, { reason: 'Kiểm tra lại' }),
    );
    await saveReport(platform, systemCaller(), report('CS03', '2019-12', values(77, 2, 1, 3, 61)));
    await expectTotalsEqualGroupBy(templateId);
    await saveReport(platform, systemCaller(), report('CS03', '2019-12', values(78, 2, 1, 3, 62)), { submit: true });
    await json(await leader.post(`/api/reporting/reports/${await sub('CS04', '2019-12')}/approve`));
    await json(
      await admin.post(`/api/reporting/reports/${await sub('CS04', '2019-12')}/reopen`, { reason: 'Bổ sung số liệu' }),
    );
    await expectTotalsEqualGroupBy(templateId);
    // a late month reopened after it locked, corrected and submitted again
    await json(
      await admin.post(`/api/reporting/reports/${await sub('CS05', '2019-09')}/reopen`, {
        reason: 'Sửa số liệu tháng 9',
      }),
    );
    await saveReport(platform, systemCaller(), report('CS05', '2019-09', values(66, 0, 1, 2, 70)), { submit: true });
    await expectTotalsEqualGroupBy(templateId);
    // a unit moves under another: its totals leave CS02's subtree and join CS04's
    const before = await subtreeTotals(
      platform.db,
      (await scopeOf(platform, await findTemplate(platform, templateId))).scope,
      unit.get('CS02')!,
      '2019-01',
      '2019-12',
    );
    const move = await admin.post(`/api/units/${unit.get('CS02-CB2')}/operations`, {
      type: 'move',
      parentId: unit.get('CS04'),
      effectiveOn: '2019-12-20',
      documentNumber: '12-QĐ/ĐUK',
    });
    expect(move.status, await move.clone().text()).toBeLessThan(300);
    await expectTotalsEqualGroupBy(templateId);
    const after = await subtreeTotals(
      platform.db,
      (await scopeOf(platform, await findTemplate(platform, templateId))).scope,
      unit.get('CS02')!,
      '2019-01',
      '2019-12',
    );
    const meetings = (lines: typeof before) => lines.find((l) => l.indicatorId === ind.get('SH_CB'))?.sum ?? 0;
    expect(meetings(after)).toBeLessThan(meetings(before));
    void app;
  }, 120_000);

  it('breaks the totals down by ownership and by sector: each group equals a GROUP BY over its units, and the groups add up to the whole', async () => {
    const { platform } = env();
    const db = platform.db;
    const sets = await db.selectFrom('group_sets').select(['id', 'code']).execute();
    expect(sets.map((x) => x.code).sort()).toEqual(['ownership', 'sector']);
    // a cell placed in a group of its own under a Party committee of another group: its values are its own group's only
    const sector = sets.find((x) => x.code === 'sector')!;
    const cs02Sector = await db
      .selectFrom('unit_groups')
      .select('group_id')
      .where('unit_id', '=', unit.get('CS02')!)
      .where('set_id', '=', sector.id)
      .executeTakeFirstOrThrow();
    const cb1Group = await db
      .selectFrom('groups')
      .select('id')
      .where('set_id', '=', sector.id)
      .where('id', '!=', cs02Sector.group_id)
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('unit_groups')
      .values({ unit_id: unit.get('CS02-CB1')!, set_id: sector.id, group_id: cb1Group.id })
      .onConflict((oc) => oc.columns(['unit_id', 'set_id']).doUpdateSet({ group_id: cb1Group.id }))
      .execute();
    await saveReport(platform, systemCaller(), report('CS02-CB1', '2019-12', values(20, 1, 0, 4, 95)), {
      submit: true,
    });
    const closure = await db.selectFrom('unit_closure').select(['ancestor_id', 'descendant_id', 'depth']).execute();
    const raw = await db
      .selectFrom('report_values as v')
      .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
      .select(['v.unit_id', 'v.indicator_id', 'v.num_value'])
      .where('v.template_id', '=', templateId)
      .where('v.period_id', 'in', periodsBetween('2019-08', '2019-12'))
      .where('s.counted', '=', 1)
      .where('v.num_value', 'is not', null)
      .execute();
    for (const set of sets) {
      for (const root of ['DBK', 'CS02', 'CS04', 'CS02-CB1']) {
        const rootId = unit.get(root)!;
        const body: Answer<typeof groupTotalsOf> = await json(
          await leader.get(
            `/api/reporting/totals/by-group?templateId=${templateId}&unitId=${rootId}&from=2019-08&to=2019-12&groupSetId=${set.id}`,
          ),
        );
        const groupOf = new Map(
          (
            await db.selectFrom('unit_groups').select(['unit_id', 'group_id']).where('set_id', '=', set.id).execute()
          ).map((g) => [g.unit_id, g.group_id]),
        );
        // the reference: a value belongs to the group of its unit's nearest grouped ancestor (or itself)
        const inside = new Set(closure.filter((c) => c.ancestor_id === rootId).map((c) => c.descendant_id));
        const expected = new Map<string | null, { sum: number; count: number }>();
        for (const v of raw.filter((r) => r.indicator_id === ind.get('SH_CB') || r.indicator_id === ind.get('TL_DU'))) {
          if (!inside.has(v.unit_id)) continue;
          const nearest = closure
            .filter((c) => c.descendant_id === v.unit_id && groupOf.has(c.ancestor_id))
            .sort((a, b) => a.depth - b.depth)[0];
          const k = `${nearest ? groupOf.get(nearest.ancestor_id) : null}|${v.indicator_id}`;
          const e = expected.get(k) ?? { sum: 0, count: 0 };
          expected.set(k, { sum: e.sum + Number(v.num_value), count: e.count + 1 });
        }
        const check = (groupId: string | null, values: Record<string, number | null>) => {
          const meetings = expected.get(`${groupId}|${ind.get('SH_CB')}`);
          expect(values[ind.get('SH_CB')!] ?? null, `${set.code} ${root} ${groupId} meetings`).toBe(
            meetings ? meetings.sum : null,
          );
          const rate = expected.get(`${groupId}|${ind.get('TL_DU')}`);
          if (rate) expect(values[ind.get('TL_DU')!]).toBeCloseTo(rate.sum / rate.count, 6);
          else expect(values[ind.get('TL_DU')!] ?? null).toBeNull();
        };
        for (const g of body.groups) check(g.id, g.values);
        check(null, body.ungrouped.values);
        const meetings = (v: Record<string, number | null>) => v[ind.get('SH_CB')!] ?? 0;
        expect(body.groups.reduce((a, g) => a + meetings(g.values), 0) + meetings(body.ungrouped.values)).toBe(
          meetings(body.total.values),
        );
        expect(body.indicators.map((i) => i.code)).not.toContain('GHI_CHU');
      }
    }
    // the Party committee and its enterprise count once in their group
    const ownership = sets.find((x) => x.code === 'ownership')!;
    const bloc: Answer<typeof groupTotalsOf> = await json(
      await leader.get(
        `/api/reporting/totals/by-group?templateId=${templateId}&unitId=${unit.get('DBK')}&from=2019-08&to=2019-12&groupSetId=${ownership.id}`,
      ),
    );
    const grassrootsGrouped = await db
      .selectFrom('unit_groups as ug')
      .innerJoin('units as u', 'u.id', 'ug.unit_id')
      .select('u.id')
      .where('ug.set_id', '=', ownership.id)
      .where('u.kind', '!=', 'enterprise')
      .execute();
    expect(bloc.groups.reduce((a, g) => a + g.unitCount, 0)).toBe(grassrootsGrouped.length);
    // policy and bad input
    await json(
      await cs05.get(
        `/api/reporting/totals/by-group?templateId=${templateId}&unitId=${unit.get('CS02')}&from=2019-08&to=2019-12&groupSetId=${ownership.id}`,
      ),
      404,
    );
    const missing = await json(
      await leader.get(
        `/api/reporting/totals/by-group?templateId=${templateId}&unitId=${unit.get('DBK')}&from=2019-08&to=2019-12&groupSetId=${templateId}`,
      ),
      404,
    );
    expect(missing.error.messages.vi).toMatch(/nhóm/);
    await json(
      await leader.get(
        `/api/reporting/totals/by-group?templateId=${templateId}&unitId=${unit.get('DBK')}&from=2019-12&to=2019-08&groupSetId=${ownership.id}`,
      ),
      400,
    );
  });

  it('counts a template that counts on approval only once approved', async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-09-20T03:00:00Z'));
    await saveReport(platform, systemCaller(), report('CS01', '2019Q3', values(90, 1, 1, 6, 88), approvedTemplateId), {
      submit: true,
    });
    const q = async () =>
      (
        (await json(
          await leader.get(
            `/api/reporting/totals?templateId=${approvedTemplateId}&unitId=${unit.get('DBK')}&from=2019Q1&to=2019Q4`,
          ),
        )) as Answer<typeof totalsOf>
      ).indicators.find((i) => i.id === ind.get('SH_CB'))!.value;
    expect(await q()).toBeNull();
    const id = (
      await platform.db
        .selectFrom('report_submissions')
        .select('id')
        .where('template_id', '=', approvedTemplateId)
        .executeTakeFirstOrThrow()
    ).id;
    await json(await leader.post(`/api/reporting/reports/${id}/approve`));
    expect(await q()).toBe(6);
    await expectTotalsEqualGroupBy(approvedTemplateId);
  });

  it('gives the plan\'s "report templates" activity its status: done on the day the first report arrived', async () => {
    const { clock } = env();
    clock.set(new Date('2019-06-25T03:00:00Z'));
    const plan = await json(
      await office.post('/api/plans', {
        header: { title: 'Kế hoạch thử nghiệm biểu mẫu báo cáo', date: '2019-06-10' },
        periodStart: '2019-06-10',
        activities: [
          {
            section: 'II.2',
            title: 'Ban hành biểu mẫu báo cáo và phần mềm tổng hợp báo cáo',
            leadUnitIds: [unit.get('VP')],
            due: '2019-06-30',
            statusSource: 'reporting.templates',
          },
        ],
      }),
      201,
    );
    const a = plan.activities[0];
    expect(a).toMatchObject({ status: 'done_on_time', doneOn: '2019-06-20', percent: 100 });
    expect(a.sourceNote.vi).toMatch(/báo cáo đầu tiên nhận ngày 20\/06\/2019/);
  });

  it('reminds a unit that has not reported, three days before its own deadline and once overdue, once each', async () => {
    const { platform, clock } = env();
    const { remindReporters, REPORTING_SWEEP_JOB } = await import('./reminders.ts');
    // January 2020 (15/12/2019–14/01/2020): grassroots units are due on 19/01/2020
    clock.set(new Date('2020-01-16T01:00:00Z'));
    await platform.jobs.enqueue(REPORTING_SWEEP_JOB, {}, { dedupeKey: `test-sweep-${kind}` });
    await platform.jobs.runDue();
    const mine = async () =>
      ((await json(await cs05.get('/api/notifications?pageSize=100'))).items as any[]).filter((n) =>
        n.kind.startsWith('reporting.'),
      );
    const soon = (await mine()).filter((n) => n.kind === 'reporting.due_soon');
    const january = soon.find(
      (n) => n.link.includes(`templateId=${templateId}`) && n.link.includes('periodId=2020-01'),
    );
    expect(january?.title.vi).toMatch(
      /Sắp đến hạn nộp báo cáo \(19\/01\/2020\): Báo cáo tháng của tổ chức cơ sở đảng \(Tháng 1\/2020\)/,
    );
    expect(january.link).toContain(`unitId=${unit.get('CS05')}`);
    expect(await remindReporters(platform)).toBe(0); // once only
    clock.set(new Date('2020-01-21T01:00:00Z'));
    await remindReporters(platform);
    expect((await mine()).some((n) => n.kind === 'reporting.overdue' && n.link.includes('periodId=2020-01'))).toBe(
      true,
    );
    // a unit that submitted is not reminded
    await saveReport(platform, systemCaller(), report('CS04', '2020-01'), { submit: true });
    const cs04user = await platform.db
      .selectFrom('role_grants')
      .select('user_id')
      .where('unit_id', '=', unit.get('CS04')!)
      .execute();
    const cs04notes = cs04user.length
      ? await platform.db
          .selectFrom('notifications')
          .select('dedupe_key')
          .where(
            'user_id',
            'in',
            cs04user.map((u) => u.user_id),
          )
          .where('dedupe_key', 'like', 'reporting.overdue%2020-01%')
          .execute()
      : [];
    expect(cs04notes).toHaveLength(0);
  });
});
