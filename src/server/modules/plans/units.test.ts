import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { DEMO_PASSWORD } from '../organisation/demoData.ts';
import { SEED_DEMO_KEY } from './demo.ts';
import type { getPlan } from './plans.ts';
import { type listNotifications, remindPlan } from './reminders.ts';
import type { subPlanDraft, subPlanUnits } from './subPlans.ts';
import type { listSupervisions, recordSupervision, supervisionUnits } from './supervision.ts';

/**
 * What the grassroots screens read: the units whose plan a user may build, the Bloc's plan laid
 * out for one unit, the sections a unit's plan keeps, and the units a member may record visits for.
 */
describeEachDatabase('plans for units', (kind) => {
  const env = useTestEnv(kind, {}, { demo: 'all' });
  const unit = new Map<string, string>();
  let planId: string;
  let secretary: Client; // demo.coso: CS02, which deployed the plan in the demo data
  let cs01: Client;
  let office: Client;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-09-10T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    planId = (
      await platform.db.selectFrom('plans').select('id').where('demo_key', '=', SEED_DEMO_KEY).executeTakeFirstOrThrow()
    ).id;
    secretary = await signIn(app, 'demo.coso', DEMO_PASSWORD);
    office = await signIn(app, 'demo.vanphong', DEMO_PASSWORD);
    const u = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS01')! }] });
    cs01 = await signIn(app, u.username, u.password);
  }, 60_000);

  it('lists the units whose plan a user may build, with the plan each already has', async () => {
    const mine = (await (await secretary.get(`/api/plans/${planId}/sub-plans/units`)).json()) as Answer<
      typeof subPlanUnits
    >;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].unit.id).toBe(unit.get('CS02'));
    expect(mine.items[0].subPlan).toMatchObject({ number: '12', symbolSuffix: 'ĐU', date: '2019-06-10' });
    const other = (await (await cs01.get(`/api/plans/${planId}/sub-plans/units`)).json()) as Answer<
      typeof subPlanUnits
    >;
    expect(other.items.map((i) => [i.unit.id, i.subPlan])).toEqual([[unit.get('CS01'), null]]);
    const all = (await (await office.get(`/api/plans/${planId}/sub-plans/units`)).json()) as Answer<
      typeof subPlanUnits
    >;
    expect(all.items.length).toBeGreaterThanOrEqual(16);
    const names = all.items.map((i) => i.unit.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare));
    expect(all.items.filter((i) => i.subPlan !== null)).toHaveLength(2);
  });

  it("lays the whole Bloc's plan out for one unit, marking its part, and refuses another unit's", async () => {
    const res = await cs01.get(`/api/plans/${planId}/sub-plans/draft?unitId=${unit.get('CS01')}`);
    expect(res.status).toBe(200);
    const draft = (await res.json()) as Answer<typeof subPlanDraft>;
    expect(draft.subPlan).toBeNull();
    expect(draft.unit.id).toBe(unit.get('CS01'));
    expect(draft.activities).toHaveLength(29);
    expect(draft.activities.find((a) => a.ref === 'A1')!.role).toBe('lead');
    expect(draft.activities.find((a) => a.ref === 'A11')!.role).toBeNull();
    expect(draft.proposedTitle).toMatch(
      /^tổ chức các hoạt động kỷ niệm 15 năm .* của Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà$/,
    );
    expect(draft.sections.map((s) => s.path)).toContain('II.1');
    expect((await cs01.get(`/api/plans/${planId}/sub-plans/draft?unitId=${unit.get('CS02')}`)).status).toBe(403);
    const existing = (await (
      await secretary.get(`/api/plans/${planId}/sub-plans/draft?unitId=${unit.get('CS02')}`)
    ).json()) as Answer<typeof subPlanDraft>;
    expect(existing.subPlan).toMatchObject({ number: '12', symbolSuffix: 'ĐU' });
  });

  it("keeps the Bloc's sections that hold the unit's activities, in order, and shows them all to the unit", async () => {
    const draft = (await (
      await cs01.get(`/api/plans/${planId}/sub-plans/draft?unitId=${unit.get('CS01')}`)
    ).json()) as Answer<typeof subPlanDraft>;
    const id = (ref: string) => draft.activities.find((a) => a.ref === ref)!.id;
    const created = await cs01.post(`/api/plans/${planId}/sub-plans`, {
      unitId: unit.get('CS01'),
      title: draft.proposedTitle,
      number: '07-KH/ĐU',
      issuedOn: '2019-06-11',
      pick: [id('A26'), id('A1'), id('A3')],
      own: [
        {
          section: 'II.1',
          title: 'Hội thi tay nghề công nhân ngành nước',
          due: '2019-08-15',
          description: 'Tại Nhà máy nước Sông Trà',
        },
      ],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const plan = (await created.json()) as Answer<typeof getPlan>;
    expect(plan.sections.map((s) => s.path)).toEqual(['II', 'II.1', 'III', 'III.6']);
    expect(plan.activities.map((a) => a.title.slice(0, 20))).toEqual([
      draft.activities.find((a) => a.ref === 'A1')!.title.slice(0, 20),
      draft.activities.find((a) => a.ref === 'A3')!.title.slice(0, 20),
      draft.activities.find((a) => a.ref === 'A26')!.title.slice(0, 20),
      'Hội thi tay nghề côn',
    ]);
    expect(plan.activities.every((a) => a.lead.some((u) => u.id === unit.get('CS01')))).toBe(true);
    expect(((await (await cs01.get(`/api/plans/${plan.id}`)).json()) as Answer<typeof getPlan>).seesWholePlan).toBe(
      true,
    );
    const after = (await (await cs01.get(`/api/plans/${planId}/sub-plans/units`)).json()) as Answer<
      typeof subPlanUnits
    >;
    expect(after.items[0].subPlan).toMatchObject({ id: plan.id, number: '07', symbolSuffix: 'ĐU', date: '2019-06-11' });
    expect((await cs01.get(`/api/plans/${plan.id}/sub-plans/units`)).status).toBe(409);
  });

  it('lists the units a member is in charge of, and every unit for a manager', async () => {
    const { platform, app } = env();
    const person = await platform.db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Nguyễn Văn Thành')
      .executeTakeFirstOrThrow();
    const u = await buildUser(platform, { grants: [{ role: 'council_member', unitId: unit.get('BCH')! }] });
    await platform.db.updateTable('users').set({ person_id: person.id }).where('id', '=', u.id).execute();
    const member = await signIn(app, u.username, u.password);
    const charged = (await (await member.get('/api/supervisions/units')).json()) as Answer<typeof supervisionUnits>;
    expect(charged.any).toBe(false);
    expect(charged.items.map((i) => i.id).sort()).toEqual(['CS01', 'CS02', 'CS03'].map((c) => unit.get(c)).sort());
    const manager = (await (await office.get('/api/supervisions/units')).json()) as Answer<typeof supervisionUnits>;
    expect(manager.any).toBe(true);
    expect((await app.request('/api/supervisions/units')).status).toBe(401);
    // a visit names who recorded it as people know them: the account's person
    const visit = await member.post('/api/supervisions', {
      planId,
      unitId: unit.get('CS03'),
      kind: 'urge',
      visitedOn: '2019-09-09',
      findings: 'Đã nhắc đơn vị gửi báo cáo.',
    });
    expect(visit.status, await visit.clone().text()).toBe(201);
    expect(((await visit.json()) as Answer<typeof recordSupervision>).recorderName).toBe('Nguyễn Văn Thành');
    // and reads the visits to the units in charge, whoever recorded them (the demo's inspection of CS02)
    const read = (await (await member.get('/api/supervisions')).json()) as Answer<typeof listSupervisions>;
    expect(read.items.map((v) => v.unit.id).sort()).toEqual([unit.get('CS02'), unit.get('CS03')].sort());
  });

  it('lets the Inspection Commission supervise any grassroots unit of its mandate; a plain member stays refused', async () => {
    const { platform, app } = env();
    // demo.kiemtra: Đỗ Minh Tuấn, Chairman of the Commission (inspection_staff on the Bloc), in charge of CS10–CS12
    const commission = await signIn(app, 'demo.kiemtra', DEMO_PASSWORD);
    const offered = (await (await commission.get('/api/supervisions/units')).json()) as Answer<typeof supervisionUnits>;
    expect(offered.any).toBe(false);
    expect(offered.items.map((i) => i.id).sort()).toEqual(['CS10', 'CS11', 'CS12'].map((c) => unit.get(c)).sort());
    const mandate = offered.mandate.map((i) => i.id);
    for (const c of ['CS01', 'CS02', 'CS18']) expect(mandate, c).toContain(unit.get(c));
    expect(mandate, 'only grassroots organisations').not.toContain(unit.get('VP'));
    expect(offered.mandate.map((i) => i.name)).toEqual(
      offered.mandate.map((i) => i.name).sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare),
    );
    const body = { planId, kind: 'urge', visitedOn: '2019-09-09', findings: 'Đôn đốc triển khai kế hoạch.' };
    // CS01 is Nguyễn Văn Thành's, not the Chairman's: the Commission's mandate covers it
    const visit = await commission.post('/api/supervisions', { ...body, unitId: unit.get('CS01') });
    expect(visit.status, await visit.clone().text()).toBe(201);
    expect(((await visit.json()) as Answer<typeof recordSupervision>).recorderName).toBe('Đỗ Minh Tuấn');
    // a body of the Bloc is not a grassroots organisation: not in the mandate
    const office = await commission.post('/api/supervisions', { ...body, unitId: unit.get('VP') });
    expect(office.status).toBe(403);
    expect(((await office.json()) as { error: { code: string } }).error.code).toBe('NOT_IN_CHARGE');
    // a committee member without the Commission's role is still limited to the units in charge
    const person = await platform.db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Phạm Thị Thu Hằng')
      .executeTakeFirstOrThrow();
    const u = await buildUser(platform, { grants: [{ role: 'council_member', unitId: unit.get('BCH')! }] });
    await platform.db.updateTable('users').set({ person_id: person.id }).where('id', '=', u.id).execute();
    const member = await signIn(app, u.username, u.password);
    const own = (await (await member.get('/api/supervisions/units')).json()) as Answer<typeof supervisionUnits>;
    expect(own.mandate).toEqual([]);
    const refused = await member.post('/api/supervisions', { ...body, unitId: unit.get('CS01') });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('NOT_IN_CHARGE');
    expect((await member.post('/api/supervisions', { ...body, unitId: unit.get('CS04') })).status).toBe(201);
    // the Commission's grant on one grassroots committee reaches that subtree only
    const narrow = await buildUser(platform, { grants: [{ role: 'inspection_staff', unitId: unit.get('CS02')! }] });
    const cs02Only = await signIn(app, narrow.username, narrow.password);
    const reach = (await (await cs02Only.get('/api/supervisions/units')).json()) as Answer<typeof supervisionUnits>;
    expect(reach.mandate.map((i) => i.id)).toContain(unit.get('CS02'));
    expect(reach.mandate.map((i) => i.id)).not.toContain(unit.get('CS01'));
    expect((await cs02Only.post('/api/supervisions', { ...body, unitId: unit.get('CS01') })).status).toBe(403);
  });

  it("forgets the reminders about a plan's activities when the plan is deleted", async () => {
    const { platform } = env();
    const sub = ((await (await cs01.get(`/api/plans/${planId}/sub-plans/units`)).json()) as Answer<typeof subPlanUnits>)
      .items[0].subPlan!;
    await remindPlan(platform, sub.id);
    const about = async () =>
      (
        (await (await cs01.get('/api/notifications?pageSize=500')).json()) as Answer<typeof listNotifications>
      ).items.filter((n) => n.link?.startsWith(`/plans/${sub.id}/`));
    expect((await about()).length).toBeGreaterThan(0);
    expect((await office.request('DELETE', `/api/plans/${sub.id}`)).status).toBe(204);
    expect(await about()).toEqual([]);
  });
});
