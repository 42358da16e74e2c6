import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { buildCampaign, buildNomination, buildPerson } from '../../../../test/support/factories.ts';
import { fullYears } from './eligibility.ts';

describe('full years between two dates', () => {
  it('counts a year only once its anniversary has come, leap days included', () => {
    expect(fullYears('2014-07-30', '2019-07-30')).toBe(5);
    expect(fullYears('2014-07-31', '2019-07-30')).toBe(4);
    expect(fullYears('2014-08-01', '2019-07-30')).toBe(4);
    expect(fullYears('2016-02-29', '2019-02-28')).toBe(2);
    expect(fullYears('2016-02-29', '2019-03-01')).toBe(3);
    expect(fullYears('2019-07-15', '2019-07-30')).toBe(0);
  });
});

/**
 * Eligibility rules the system checks from its records, on both databases: how long the unit has
 * existed, how long the individual has been a Party member; a failed check stops the Board from
 * marking the criterion met, and a check that cannot be decided is left to the Board.
 */
describeEachDatabase('honours: eligibility checked from the records', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  let board: Client;
  let campaign: Awaited<ReturnType<typeof buildCampaign>>;

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
    return body;
  };
  /** A submitted nomination (its three papers attached), with the checks made from the records. */
  const nominate = (fields: { categoryId: string; unitId: string; nomineeUnitId?: string; nomineePersonId?: string }) =>
    buildNomination(env().platform, campaign.id, {
      summary: 'Thành tích tiêu biểu trong sản xuất kinh doanh.',
      ...fields,
      submitted: true,
    });
  const check = (n: Awaited<ReturnType<typeof nominate>>, key: string) => {
    const found = n.checks.find((c) => c.key === key);
    if (!found) throw new Error(`no check ${key}`);
    return found;
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-20T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const b = await buildUser(platform, { grants: [{ role: 'propaganda_staff', unitId: null }] });
    board = await signIn(app, b.username, b.password);
    campaign = await buildCampaign(platform, {
      code: 'TV-KIEMTRA',
      name: 'Tôn vinh có tiêu chí kiểm tra tự động',
      nominationOpens: '2019-06-15',
      nominationDue: '2019-07-30',
      categories: [
        {
          kind: 'collective',
          name: 'Tập thể',
          quota: 5,
          criteria: [
            { key: 'thoigian', description: 'Thành lập từ 5 năm trở lên', check: { kind: 'unit_years', min: 5 } },
            {
              key: 'thidua',
              description: 'Dẫn đầu phong trào thi đua',
              required: false,
              check: { kind: 'emulation_rank', top: 3 },
            },
          ],
        },
        {
          kind: 'individual',
          name: 'Cá nhân',
          quota: 5,
          criteria: [
            { key: 'tuoidang', description: 'Từ 10 năm tuổi đảng trở lên', check: { kind: 'party_years', min: 10 } },
          ],
        },
      ],
    });
    expect(campaign.categories[0].criteria[0].check).toEqual({ kind: 'unit_years', min: 5 });
  }, 120_000);

  it('refuses a check it cannot understand, and changes nothing', async () => {
    const bad = await json(
      await board.post('/api/honours/campaigns', {
        code: 'TV-X',
        name: 'x',
        nominationOpens: '2019-06-15',
        nominationDue: '2019-07-30',
        categories: [
          {
            kind: 'collective',
            name: 'x',
            quota: 1,
            criteria: [{ key: 'a', description: 'a', check: { kind: 'unit_years', min: 0 } }],
          },
        ],
      }),
      400,
    );
    expect(bad.error.details[0].path).toMatch(/^categories\.0\.criteria\.0\.check/);
    await json(
      await board.post('/api/honours/campaigns', {
        code: 'TV-X',
        name: 'x',
        nominationOpens: '2019-06-15',
        nominationDue: '2019-07-30',
        categories: [
          {
            kind: 'collective',
            name: 'x',
            quota: 1,
            criteria: [{ key: 'a', description: 'a', check: { kind: 'rating' } }],
          },
        ],
      }),
      400,
    );
    expect((await json(await board.get('/api/honours/campaigns'))).total).toBe(1);
  });

  it("counts a unit's years from the registry: a cell founded on 15/7/2019 is not five years old", async () => {
    const collective = campaign.categories[0];
    const young = await nominate({
      categoryId: collective.id,
      unitId: unit.get('CS17')!,
      nomineeUnitId: unit.get('CS17')!,
    });
    const old = await nominate({
      categoryId: collective.id,
      unitId: unit.get('CS01')!,
      nomineeUnitId: unit.get('CS01')!,
    });
    expect(check(young, 'thoigian')).toMatchObject({ outcome: 'not_met' });
    expect(check(young, 'thoigian').detail.vi).toBe(
      'Chi bộ Công ty TNHH May mặc Diêm Điền thành lập ngày 15/07/2019: 0 năm tính đến 30/07/2019 (cần từ 5 năm).',
    );
    expect(check(old, 'thoigian')).toMatchObject({ outcome: 'met' });
    // no drive linked to the campaign: the Board decides that one
    expect(check(old, 'thidua')).toMatchObject({ outcome: 'unknown' });
    const refused = await json(
      await board.post(`/api/honours/nominations/${young.id}/screening`, {
        results: [{ key: 'thoigian', result: 'met' }],
        eligible: true,
      }),
      400,
    );
    expect(refused.error.details[0]).toMatchObject({ path: 'results.0.result', code: 'check_not_met' });
    expect(refused.error.details[0].messages.vi).toContain('Theo dữ liệu của hệ thống, tiêu chí chưa đạt');
    expect((await json(await board.get(`/api/honours/nominations/${young.id}`))).status).toBe('submitted');
    expect(
      (
        await json(
          await board.post(`/api/honours/nominations/${young.id}/screening`, {
            results: [{ key: 'thoigian', result: 'not_met' }],
            eligible: false,
            reason: 'Chi bộ mới thành lập.',
          }),
        )
      ).status,
    ).toBe('ineligible');
    expect(
      (
        await json(
          await board.post(`/api/honours/nominations/${old.id}/screening`, {
            results: [
              { key: 'thoigian', result: 'met' },
              { key: 'thidua', result: 'met' },
            ],
            eligible: true,
          }),
        )
      ).status,
    ).toBe('eligible');
  });

  it("counts years of Party membership from the person's date of admission; without one the Board checks", async () => {
    const { platform } = env();
    const individual = campaign.categories[1];
    const nineYears = await buildPerson(platform, { partyUnitId: unit.get('CS02'), partyJoinedOn: '2009-07-31' });
    const noDate = await buildPerson(platform, { partyUnitId: unit.get('CS02'), partyJoinedOn: null });
    const short = await nominate({
      categoryId: individual.id,
      unitId: unit.get('CS02')!,
      nomineePersonId: nineYears.id,
    });
    expect(short.checks[0]).toMatchObject({ key: 'tuoidang', outcome: 'not_met' });
    expect(short.checks[0].detail.vi).toBe(
      'Vào Đảng ngày 31/07/2009: 9 năm tuổi đảng tính đến 30/07/2019 (cần từ 10 năm).',
    );
    const unknown = await nominate({
      categoryId: individual.id,
      unitId: unit.get('CS02')!,
      nomineePersonId: noDate.id,
    });
    expect(unknown.checks[0]).toMatchObject({ key: 'tuoidang', outcome: 'unknown' });
    expect(
      (
        await json(
          await board.post(`/api/honours/nominations/${unknown.id}/screening`, {
            results: [{ key: 'tuoidang', result: 'met', note: 'Theo lý lịch đảng viên' }],
            eligible: true,
          }),
        )
      ).status,
    ).toBe('eligible');
  });
});
