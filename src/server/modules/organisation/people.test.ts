import { expect, it } from 'vitest';
import { compareVi } from '../../../common/text.ts';
import { personSortKey, viSortKey } from '../../../common/sortKey.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn } from '../../../../test/support/client.ts';
import { systemCaller } from './access.ts';
import { createUnit } from './units.ts';
import { addPosition, createPerson } from './people.ts';

const admin = systemCaller('test');

it('stored sort keys order text exactly as Intl.Collator("vi") does', () => {
  const words = [
    'an',
    'Án',
    'ăn',
    'ân',
    'anh',
    'bình',
    'Bình',
    'đào',
    'dũng',
    'Dung',
    'Đức',
    'ơn',
    'ư',
    'u',
    'Hà Nội',
    'ha noi',
    'Ban 2',
    'Ban 10',
    'Ủy ban',
    'Uy',
    'Ý',
    'Yến',
  ];
  const full = new Intl.Collator('vi', { numeric: true });
  const byKey = [...words].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : viSortKey(a) > viSortKey(b) ? 1 : 0));
  expect(byKey).toEqual([...words].sort(full.compare));
  const people = ['Trần Hữu Nam', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Đỗ Minh Tuấn', 'Phạm Thu Hằng', 'Bùi An'];
  const sorted = [...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
  expect(sorted).toEqual(['Bùi An', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Phạm Thu Hằng', 'Trần Hữu Nam', 'Đỗ Minh Tuấn']);
  for (let i = 1; i < sorted.length; i++) {
    const given = (s: string) => s.split(' ').at(-1)!;
    expect(compareVi(given(sorted[i - 1]), given(sorted[i]))).toBeLessThanOrEqual(0);
  }
});

describeEachDatabase('organisation: people, Vietnamese order and search, in charge', (kind) => {
  const env = useTestEnv(kind);

  it('lists people by given name then full name, and finds them without diacritics', async () => {
    const p = env().platform;
    const unit = await createUnit(p, admin, {
      code: `P${Date.now() % 100000}`,
      kind: 'grassroots_cell',
      name: 'Chi bộ Thử',
      validFrom: '2010-01-01',
    });
    for (const fullName of ['Trần Hữu Nam', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Đỗ Minh Tuấn', 'Phạm Thu Hằng', 'Bùi An']) {
      await createPerson(p, admin, { fullName, partyUnitId: unit.id, partyJoinedOn: '2000-01-01' });
    }
    const v = await buildUser(p, { grants: [{ role: 'viewer', unitId: null }] });
    const c = await signIn(env().app, v.username, v.password);
    const list = await (await c.get(`/api/people?unitId=${unit.id}&pageSize=3`)).json();
    expect(list.total).toBe(6);
    expect(list.items.map((x: { fullName: string }) => x.fullName)).toEqual(['Bùi An', 'Nguyễn Văn An', 'Lê Thị Ánh']);
    const page2 = await (await c.get(`/api/people?unitId=${unit.id}&pageSize=3&page=2`)).json();
    expect(page2.items.map((x: { fullName: string }) => x.fullName)).toEqual([
      'Phạm Thu Hằng',
      'Trần Hữu Nam',
      'Đỗ Minh Tuấn',
    ]);
    const found = await (await c.get(`/api/people?q=${encodeURIComponent('do minh TUAN')}`)).json();
    expect(found.items.map((x: { fullName: string }) => x.fullName)).toEqual(['Đỗ Minh Tuấn']);
    const detail = await (await c.get(`/api/units/${unit.id}`)).json();
    expect(detail.partyMembers).toEqual({ direct: 6, subtree: 6 });
  });

  it('finds "Ban Tuyên giáo" with "tuyen giao"', async () => {
    const p = env().platform;
    await createUnit(p, admin, {
      code: `BTG${Date.now() % 100000}`,
      kind: 'board',
      name: 'Ban Tuyên giáo Đảng ủy Khối',
      shortName: 'Ban TG',
      validFrom: '2004-09-06',
    });
    const v = await buildUser(p, { grants: [{ role: 'viewer', unitId: null }] });
    const c = await signIn(env().app, v.username, v.password);
    for (const q of ['tuyen giao', 'TUYÊN GIÁO', 'ban tg', 'Tuyên  giáo']) {
      const res = await (await c.get(`/api/units?q=${encodeURIComponent(q)}`)).json();
      expect(res.items.map((u: { name: string }) => u.name)).toContain('Ban Tuyên giáo Đảng ủy Khối');
    }
    const none = await (await c.get(`/api/units?q=${encodeURIComponent('100%_')}`)).json();
    expect(none.total).toBe(0);
  });

  it('puts a committee member in charge of grassroots units, shown from both sides', async () => {
    const p = env().platform;
    const s = Date.now() % 100000;
    const btv = await createUnit(p, admin, {
      code: `BTV${s}`,
      kind: 'standing_committee',
      name: 'Ban Thường vụ',
      validFrom: '2004-09-06',
    });
    const cs = await createUnit(p, admin, {
      code: `CS${s}`,
      kind: 'grassroots_cell',
      name: 'Chi bộ Công ty Phụ trách',
      validFrom: '2004-09-06',
    });
    const member = await createPerson(p, admin, { fullName: 'Vũ Đình Khoa' });
    const outsider = await createPerson(p, admin, { fullName: 'Người Ngoài' });
    await addPosition(p, admin, member.id, {
      unitId: btv.id,
      title: 'Ủy viên Ban Thường vụ',
      rank: 30,
      validFrom: '2015-08-01',
    });
    const u = await buildUser(p, { grants: [{ role: 'system_admin', unitId: null }] });
    const c = await signIn(env().app, u.username, u.password);
    const ok = await c.post('/api/in-charge', { personId: member.id, unitId: cs.id });
    expect(ok.status).toBe(201);
    expect((await c.post('/api/in-charge', { personId: member.id, unitId: cs.id })).status).toBe(409);
    expect((await c.post('/api/in-charge', { personId: outsider.id, unitId: cs.id })).status).toBe(400);
    expect((await c.post('/api/in-charge', { personId: member.id, unitId: btv.id })).status).toBe(400);
    const unit = await (await c.get(`/api/units/${cs.id}`)).json();
    expect(unit.inCharge).toMatchObject([
      { fullName: 'Vũ Đình Khoa', titles: [`Ủy viên Ban Thường vụ BTV${s}`].map(() => expect.any(String)) },
    ]);
    const person = await (await c.get(`/api/people/${member.id}`)).json();
    expect(person.inChargeOf.map((x: { unitName: string }) => x.unitName)).toEqual(['Chi bộ Công ty Phụ trách']);
    const viewer = await buildUser(p, { grants: [{ role: 'viewer', unitId: null }] });
    const vc = await signIn(env().app, viewer.username, viewer.password);
    expect((await vc.post('/api/in-charge', { personId: member.id, unitId: cs.id })).status).toBe(403);
    const audit = await p.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'in_charge.create')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
