import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { saveReport } from '../reporting/submissions.ts';
import { type Criterion, rankUnits, type setScores } from './ranking.ts';

describe('ranking units at the end of a drive', () => {
  const criteria: Criterion[] = [
    { id: 'c1', name: 'Công trình chào mừng', weight: 60, method: 'indicator', indicatorId: 'works', maxScore: 10 },
    { id: 'c2', name: 'Tổ chức phong trào', weight: 40, method: 'manual', indicatorId: null, maxScore: 10 },
  ];
  const unit = (unitId: string, name: string, works: number | null, manual: number | null) => ({
    unitId,
    name,
    results: new Map(works === null ? [] : [['works', works]]),
    manual: new Map(manual === null ? [] : [['c2', manual]]),
  });

  it('scores results against the best unit, weighs the criteria, and ranks ties together in Vietnamese order', () => {
    const lines = rankUnits(criteria, [
      unit('a', 'Chi bộ Vũ Thư', 4, 10),
      unit('b', 'Đảng bộ Sông Trà', 8, 5),
      unit('c', 'Chi bộ Ân Thi', 8, 5),
      unit('d', 'Chi bộ Đông Hưng', null, null),
    ]);
    expect(lines.map((l) => [l.name, l.total, l.rank])).toEqual([
      ['Chi bộ Ân Thi', 80, 1], // 0.6 × 10/10 + 0.4 × 5/10
      ['Đảng bộ Sông Trà', 80, 1],
      ['Chi bộ Vũ Thư', 70, 3], // 0.6 × 5/10 + 0.4 × 10/10
      ['Chi bộ Đông Hưng', 0, 4],
    ]);
    expect(lines[0].scores).toEqual([
      { criterionId: 'c1', score: 10, result: 8 },
      { criterionId: 'c2', score: 5, result: null },
    ]);
  });
});

/** The seed's drive end to end on both databases: launch, registration and review, results through a campaign template, scores, ranking. */
describeEachDatabase('emulation', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  const ind = new Map<string, string>();
  let board: Client;
  let cs02: Client;
  let cs05: Client;
  let driveId = '';
  let templateId = '';

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(status);
    return body;
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-06-12T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const as = async (role: 'unit_officer', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return signIn(app, u.username, u.password);
    };
    // the Propaganda Board launches the drive; its results template is the Office's to make (ADR 31)
    const b = await buildUser(platform, {
      grants: [
        { role: 'propaganda_staff', unitId: unit.get('BTG')! },
        { role: 'office_staff', unitId: unit.get('VP')! },
      ],
    });
    board = await signIn(app, b.username, b.password);
    cs02 = await as('unit_officer', 'CS02');
    cs05 = await as('unit_officer', 'CS05');
  }, 60_000);

  it('launches the drive of 15/6–30/8/2019 with its results template and participants', async () => {
    for (const [code, name] of [
      ['CT', 'Số công trình, sản phẩm chào mừng'],
      ['SK', 'Số sáng kiến, cải tiến kỹ thuật'],
    ]) {
      ind.set(
        code,
        (
          await json(
            await board.post('/api/reporting/indicators', { code, name, valueType: 'integer', aggregation: 'sum' }),
            201,
          )
        ).id,
      );
    }
    templateId = (
      await json(
        await board.post('/api/reporting/templates', {
          code: 'TD-15NAM',
          name: 'Kết quả phong trào thi đua chào mừng 15 năm',
          periodType: 'campaign',
          campaign: { start: '2019-06-15', end: '2019-08-30' },
          sections: [
            {
              key: 'I',
              title: 'Kết quả',
              items: [{ indicatorId: ind.get('CT'), required: true }, { indicatorId: ind.get('SK') }],
            },
          ],
          assignment: { kinds: ['grassroots_committee', 'grassroots_cell'] },
          schedule: { levels: [{ level: 'grassroots', daysAfterEnd: 5 }], lockDays: 30 },
        }),
        201,
      )
    ).id;
    await json(
      await board.post('/api/emulation/drives', { code: 'X', name: 'x', start: '2019-08-30', end: '2019-06-15' }),
      400,
    );
    await json(
      await cs02.post('/api/emulation/drives', { code: 'X', name: 'x', start: '2019-06-15', end: '2019-08-30' }),
      403,
    );
    const drive = await json(
      await board.post('/api/emulation/drives', {
        code: 'TD-15NAM',
        name: 'Phong trào thi đua cao điểm lập thành tích chào mừng kỷ niệm 15 năm thành lập Đảng bộ khối Doanh nghiệp tỉnh',
        theme: 'Thi đua lao động sản xuất, kinh doanh giỏi',
        start: '2019-06-15',
        end: '2019-08-30',
        launchNumber: '15-KH/ĐUK',
        launchDate: '2019-06-10',
        templateId,
        registrationDue: '2019-06-30',
        participantIds: ['CS01', 'CS02', 'CS03', 'CS04'].map((c) => unit.get(c)),
      }),
      201,
    );
    driveId = drive.id;
    expect(drive).toMatchObject({
      start: '2019-06-15',
      end: '2019-08-30',
      participantCount: 4,
      status: 'open',
      template: { code: 'TD-15NAM', campaignPeriodId: 'campaign:TD-15NAM' },
    });
  });

  it("takes a unit's registered targets, which the Bloc accepts or returns with a reason", async () => {
    const targets = [{ indicatorId: ind.get('CT'), text: 'Hoàn thành 03 công trình chào mừng', value: 3 }];
    await json(
      await cs05.post(`/api/emulation/drives/${driveId}/registrations`, { unitId: unit.get('CS02'), targets }),
      403,
    );
    await json(
      await cs05.post(`/api/emulation/drives/${driveId}/registrations`, { unitId: unit.get('CS05'), targets }),
      400,
    );
    const reg = await json(
      await cs02.post(`/api/emulation/drives/${driveId}/registrations`, {
        unitId: unit.get('CS02'),
        targets,
        note: 'Đăng ký của Đảng bộ',
      }),
      201,
    );
    await json(
      await board.post(`/api/emulation/drives/${driveId}/registrations/${reg.id}/review`, { decision: 'return' }),
      400,
    );
    const returned = await json(
      await board.post(`/api/emulation/drives/${driveId}/registrations/${reg.id}/review`, {
        decision: 'return',
        note: 'Cần ghi rõ tên công trình',
      }),
    );
    expect(returned).toMatchObject({ status: 'returned', reviewNote: 'Cần ghi rõ tên công trình' });
    await json(
      await cs02.post(`/api/emulation/drives/${driveId}/registrations`, {
        unitId: unit.get('CS02'),
        targets: [{ ...targets[0], text: 'Nhà văn hóa công nhân, xưởng may số 3, bếp ăn ca' }],
      }),
      201,
    );
    const accepted = await json(
      await board.post(`/api/emulation/drives/${driveId}/registrations/${reg.id}/review`, { decision: 'accept' }),
    );
    expect(accepted.status).toBe('accepted');
    await json(
      await cs02.post(`/api/emulation/drives/${driveId}/registrations`, { unitId: unit.get('CS02'), targets }),
      409,
    );
    const mine = await json(await cs05.get(`/api/emulation/drives/${driveId}/registrations`));
    expect(mine.items).toHaveLength(0);
    expect((await json(await board.get(`/api/emulation/drives/${driveId}/registrations`))).items).toHaveLength(1);
  });

  it("ranks the participants from their reported results and the Bloc's scores; closing the drive fixes them", async () => {
    const { platform, clock } = env();
    clock.set(new Date('2019-09-02T03:00:00Z'));
    const results: [string, number, number][] = [
      ['CS01', 2, 1],
      ['CS02', 4, 6],
      ['CS03', 1, 0],
      ['CS04', 4, 2],
    ];
    for (const [code, works, ideas] of results) {
      await saveReport(
        platform,
        systemCaller(),
        {
          templateId,
          unitId: unit.get(code)!,
          periodId: 'campaign:TD-15NAM',
          values: [
            { indicatorId: ind.get('CT')!, breakdownKey: '', value: works },
            { indicatorId: ind.get('SK')!, breakdownKey: '', value: ideas },
          ],
        },
        { submit: true },
      );
    }
    await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/criteria`, {
        criteria: [{ name: 'x', weight: 1, method: 'indicator', indicatorId: '00000000-0000-7000-8000-000000000000' }],
      }),
      400,
    );
    const criteria = (
      await json(
        await board.request('PUT', `/api/emulation/drives/${driveId}/criteria`, {
          criteria: [
            { name: 'Công trình, sản phẩm chào mừng', weight: 50, method: 'indicator', indicatorId: ind.get('CT') },
            { name: 'Sáng kiến', weight: 30, method: 'indicator', indicatorId: ind.get('SK') },
            { name: 'Tổ chức phát động, tuyên truyền', weight: 20, method: 'manual', maxScore: 10 },
          ],
        }),
      )
    ).items;
    const manual = criteria[2].id;
    await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/scores`, {
        unitId: unit.get('CS04'),
        scores: [{ criterionId: manual, score: 11 }],
      }),
      400,
    );
    await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/scores`, {
        unitId: unit.get('CS04'),
        scores: [{ criterionId: criteria[0].id, score: 5 }],
      }),
      400,
    );
    await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/scores`, {
        unitId: unit.get('CS04'),
        scores: [{ criterionId: manual, score: 10, note: 'Phát động sâu rộng' }],
      }),
    );
    const ranked: Answer<typeof setScores> = await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/scores`, {
        unitId: unit.get('CS02'),
        scores: [{ criterionId: manual, score: 8 }],
      }),
    );
    // CS02: 50×4/4 + 30×6/6 + 20×8/10 = 96; CS04: 50 + 30×2/6 + 20 = 80; CS01: 25 + 5 = 30; CS03: 12.5
    expect(ranked.items.map((l) => [l.unitId, l.total, l.rank])).toEqual([
      [unit.get('CS02'), 96, 1],
      [unit.get('CS04'), 80, 2],
      [unit.get('CS01'), 30, 3],
      [unit.get('CS03'), 12.5, 4],
    ]);
    const results02 = await json(await cs05.get(`/api/emulation/units/${unit.get('CS02')}/results`));
    expect(results02.drives[0]).toMatchObject({ participants: 4, rank: 1, total: 96, drive: { code: 'TD-15NAM' } });
    await json(await board.patch(`/api/emulation/drives/${driveId}`, { status: 'closed' }));
    await json(
      await board.request('PUT', `/api/emulation/drives/${driveId}/scores`, {
        unitId: unit.get('CS01'),
        scores: [{ criterionId: manual, score: 9 }],
      }),
      409,
    );
    await json(
      await cs02.post(`/api/emulation/drives/${driveId}/registrations`, {
        unitId: unit.get('CS02'),
        targets: [{ text: 'x' }],
      }),
      409,
    );
    const audit = await platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', driveId).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'emulation_drive.create',
        'emulation_drive.criteria',
        'emulation_drive.score',
        'emulation_drive.update',
      ]),
    );
  });
});
