import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { signIn } from '../../../../test/support/client.ts';
import { loadDemoData } from '../../demo.ts';
import { DEMO_PASSWORD } from './demoData.ts';

describeEachDatabase('organisation: demo data', (kind) => {
  const env = useTestEnv(kind);
  const counts = async () => {
    const db = env().platform.db;
    const n = async (
      t: 'units' | 'people' | 'positions' | 'unit_supervisors' | 'users' | 'unit_operations' | 'groups',
    ) =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      units: await n('units'),
      people: await n('people'),
      positions: await n('positions'),
      inCharge: await n('unit_supervisors'),
      users: await n('users'),
      operations: await n('unit_operations'),
      groups: await n('groups'),
    };
  };

  // The organisation's loader only (it comes first; the whole demo's twice is reporting's demo test).
  it('loads the seed plan’s Bloc, twice without duplicates', async () => {
    const first = await loadDemoData(env().platform, { only: ['organisation'] });
    expect(first.organisation).toBeGreaterThan(100);
    const after1 = await counts();
    const second = await loadDemoData(env().platform, { only: ['organisation'] });
    expect(second.organisation).toBe(0);
    expect(await counts()).toEqual(after1);
    expect(after1.units).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it('has every body the plan names, the reorganisation, who is in charge, and working demo accounts', async () => {
    const c = await signIn(env().app, 'demo.xem', DEMO_PASSWORD);
    for (const name of [
      'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình',
      'Ban Tuyên giáo Đảng ủy Khối',
      'Ủy ban Kiểm tra Đảng ủy Khối',
      'Báo Thái Bình',
      'Hội Nữ doanh nhân tỉnh Thái Bình',
      'Đoàn TNCS Hồ Chí Minh thành phố Thái Bình',
    ]) {
      const res = await (await c.get(`/api/units?q=${encodeURIComponent(name)}`)).json();
      expect(res.items.map((u: { name: string }) => u.name)).toContain(name);
    }
    const tg = (await (await c.get(`/api/units?q=${encodeURIComponent('tuyen giao dang uy khoi')}`)).json()).items[0];
    expect(tg.name).toBe('Ban Tuyên giáo Đảng ủy Khối');
    const vp = (await (await c.get('/api/units?q=VP&kind=office')).json()).items[0];
    const office = await (await c.get(`/api/units/${vp.id}`)).json();
    expect(office.history.find((h: { type: string }) => h.type === 'merge')).toMatchObject({
      documentNumber: '09-ĐA/TU',
      documentDate: '2018-12-28',
      effectiveOn: '2019-08-01',
    });
    const nam = (await (await c.get(`/api/people?q=${encodeURIComponent('tran huu nam')}`)).json()).items[0];
    expect(nam.titles.join(' ')).toContain('Bí thư Đảng ủy Khối');
    const founded = await env()
      .platform.db.selectFrom('unit_operations')
      .select('id')
      .where('type', '=', 'found')
      .where('effective_on', '>=', '2019-06-10')
      .where('effective_on', '<=', '2019-09-04')
      .execute();
    expect(founded.length).toBeGreaterThanOrEqual(2);
    const matrix = await (await c.get('/api/in-charge')).json();
    expect(matrix.items.length).toBeGreaterThanOrEqual(18);
    const secretary = await signIn(env().app, 'demo.coso', DEMO_PASSWORD);
    const own = (
      await (
        await secretary.get(`/api/units?q=${encodeURIComponent('may kien xuong xanh')}&kind=grassroots_committee`)
      ).json()
    ).items[0];
    expect((await secretary.patch(`/api/units/${own.id}`, { phone: '0227 3 000 000' })).status).toBe(200);
    expect((await secretary.patch(`/api/units/${vp.id}`, { phone: '0227 3 000 000' })).status).toBe(403);
    const before = (await (await c.get('/api/units?asOf=2019-07-31&q=ban dan van dang uy khoi')).json()).items;
    const after = (await (await c.get('/api/units?asOf=2019-08-01&q=ban dan van dang uy khoi')).json()).items;
    expect(before.length).toBe(1);
    expect(after.length).toBe(0);
  });
});
