import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { demoClock, systemClock, todayOf } from '../../platform/clock/clock.ts';
import { todayIso } from '../../../common/dates.ts';
import { ConfigError, loadConfig } from '../../platform/config/config.ts';
import type { Role } from '../../platform/policy/permissions.ts';
import { DEMO_PASSWORD } from '../organisation/demoData.ts';
import type { LeaderView, Todo } from './schema.ts';

describe('the system clock (ADR 30)', () => {
  it('starts on the demo date, keeps the time of day and runs on from there', () => {
    let wall = new Date('2026-12-07T07:24:27.500Z'); // 14:24 in Việt Nam
    const clock = demoClock('2019-07-20', () => wall);
    expect(clock().toISOString()).toBe('2019-07-20T07:24:27.500Z');
    expect(todayOf(clock)).toBe('2019-07-20');
    wall = new Date(wall.getTime() + 26 * 3600_000); // a day and two hours later
    expect(clock().toISOString()).toBe('2019-07-21T09:24:27.500Z');
    expect(todayOf(clock)).toBe('2019-07-21');
  });

  it("counts the day in Việt Nam, not in UTC: 23:30 UTC is already the next day's morning there", () => {
    const wall = new Date('2026-12-06T23:30:00Z'); // 06:30 on 07/12 in Việt Nam
    const clock = demoClock('2019-07-20', () => wall);
    expect(todayOf(clock)).toBe('2019-07-20');
    expect(clock().toISOString()).toBe('2019-07-19T23:30:00.000Z');
  });

  it('is the wall clock itself when no demo date is set', () => {
    const wall = () => new Date('2026-12-07T00:00:00Z');
    expect(systemClock(undefined, wall)).toBe(wall);
  });

  it('takes KYNIEM_DEMO_DATE only as a real calendar date', () => {
    expect(loadConfig({ KYNIEM_DEMO_DATE: '2019-07-20' }).demoDate).toBe('2019-07-20');
    expect(loadConfig({}).demoDate).toBeUndefined();
    for (const bad of ['20/07/2019', '2019-02-30', '2019-7-20', 'tomorrow'])
      expect(() => loadConfig({ KYNIEM_DEMO_DATE: bad })).toThrow(ConfigError);
    try {
      loadConfig({ KYNIEM_DEMO_DATE: '2019-02-30' });
    } catch (err) {
      expect((err as ConfigError).problems[0]).toMatch(/^KYNIEM_DEMO_DATE: .*YYYY-MM-DD/);
    }
  });
});

/**
 * The home page on the demo data as of 20/07/2019 (KYNIEM_DEMO_DATE): each module's to-do items
 * reach the right person only, within their units, and the leader's view says where the plan stands.
 */
describeEachDatabase('home: to do and the leader view', (kind) => {
  const env = useTestEnv(kind, { demoDate: '2019-07-20' }, { demo: 'all' });
  const unit = new Map<string, string>();
  let leader: Client;
  let secretary: Client;
  /** The wall clock's Việt Nam day when the platform started (set in beforeAll). */
  let startDay = '';
  let propaganda: Client;
  let judge: Client;

  const todoOf = async (c: Client) => {
    const res = await c.get('/api/home/todo');
    expect(res.status).toBe(200);
    return (await res.json()) as Todo;
  };
  const officer = async (unitId: string, role: Role = 'unit_officer') => {
    const u = await buildUser(env().platform, { grants: [{ role, unitId }] });
    return signIn(env().app, u.username, u.password);
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    // The demo date moved the system's clock by whole days from the wall clock's day when the
    // platform started: that day at 14:24 is the demo date at 14:24, whatever the hour the tests run.
    startDay = todayIso(clock.now);
    clock.setDay(startDay, '14:24');
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    leader = await signIn(app, 'demo.lanhdao', DEMO_PASSWORD);
    secretary = await signIn(app, 'demo.coso', DEMO_PASSWORD);
    propaganda = await signIn(app, 'demo.tuyengiao', DEMO_PASSWORD);
    judge = await signIn(app, 'demo.giamkhao', DEMO_PASSWORD);
  }, 120_000);

  it("tells the web app the system's today and the demo date; sessions stay on the wall clock", async () => {
    const me = (await (await secretary.get('/api/auth/me')).json()) as { clock: { today: string; demoDate: string } };
    expect(me.clock).toEqual({ today: '2019-07-20', demoDate: '2019-07-20' });
    const session = await env()
      .platform.db.selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('s.created_at')
      .where('u.username', '=', 'demo.coso')
      .executeTakeFirstOrThrow();
    expect(session.created_at.slice(0, 10)).toBe(startDay);
  });

  it("gives the leader the plan half done: 46 days to the ceremony, the sections, July's reports, the quota, the drive", async () => {
    const res = await leader.get('/api/home/leader');
    expect(res.status).toBe(200);
    const v = (await res.json()) as LeaderView;
    expect(v.today).toBe('2019-07-20');
    expect(v.unit?.id).toBe(unit.get('DBK'));
    expect(v.ceremony).toMatchObject({ on: '2019-09-04', daysLeft: 46 });
    expect(v.plan?.total).toBe(29);
    expect(v.plan?.counts).toEqual({ done_on_time: 2, done_late: 2, in_progress: 25, overdue: 0 });
    const sections = v.plan!.sections;
    expect(sections.slice(0, 4).map((s) => [s.marker, s.total, s.status])).toEqual([
      ['1.', 3, 'in_progress'],
      ['2.', 5, 'in_progress'],
      ['3.', 2, 'in_progress'],
      ['4.', 2, 'in_progress'],
    ]);
    // every activity is in exactly one listed section (the content's and the organisation's duties)
    expect(sections.reduce((n, s) => n + s.total, 0)).toBe(29);
    const monthly = v.reporting.find((r) => r.periodId === '2019-07')!;
    expect(monthly).toMatchObject({ due: '2019-07-24', expected: 20, received: 17, onTime: 14 });
    expect(monthly.path).toBe(
      `/reporting/completeness?templateId=${monthly.templateId}&unitId=${unit.get('DBK')}&periodId=2019-07`,
    );
    expect(v.honours?.campaign).toMatchObject({ status: 'nominating', nominationDue: '2019-07-20' });
    expect(v.honours?.categories.map((c) => [c.quota, c.sent, c.eligible, c.selected])).toEqual([
      [15, 4, 3, 0],
      [15, 3, 2, 0],
      [15, 4, 3, 0],
    ]);
    expect(v.drive).toMatchObject({ participants: 17, registered: 4, accepted: 2, returned: 1, waiting: 1 });
  });

  it("moves with the clock: a week before the ceremony the countdown says 7 and this week's activities show", async () => {
    const { clock } = env();
    clock.setDay(startDay, '14:24');
    const before = (await (await leader.get('/api/home/leader')).json()) as LeaderView;
    clock.advance(39 * 86_400_000); // the system's day: 28/08/2019
    try {
      // 39 days on the wall clock end the sessions (they run on real time): sign in again
      const later = await signIn(env().app, 'demo.lanhdao', DEMO_PASSWORD);
      const v = (await (await later.get('/api/home/leader')).json()) as LeaderView;
      expect(v.today).toBe('2019-08-28');
      expect(v.ceremony?.daysLeft).toBe(7);
      expect(v.plan?.thisWeek.length).toBeGreaterThan(0);
      for (const a of v.plan!.thisWeek) {
        const inWeek = (d: string | null) => d !== null && d >= '2019-08-28' && d <= '2019-09-03';
        expect(inWeek(a.start) || inWeek(a.due)).toBe(true);
      }
      expect(before.ceremony?.daysLeft).toBe(46);
    } finally {
      clock.setDay(startDay, '14:24');
    }
  });

  it('keeps the leader view to those who hold home.leader', async () => {
    expect((await secretary.get('/api/home/leader')).status).toBe(403);
    expect((await judge.get('/api/home/leader')).status).toBe(403);
    expect((await propaganda.get('/api/home/leader')).status).toBe(200);
  });

  it("gives the Bloc's boards the Bloc's figures, not their own board's empty ones", async () => {
    const office = await signIn(env().app, 'demo.vanphong', DEMO_PASSWORD);
    const v = (await (await office.get('/api/home/leader')).json()) as LeaderView;
    expect(v.unit?.name).toBe('Đảng bộ khối Doanh nghiệp tỉnh Thái Bình');
    const monthly = v.reporting.find((r) => r.periodId === '2019-07');
    expect(monthly).toMatchObject({ expected: 20, received: 17 });
  });

  it('puts the items in deadline order, overdue first, with days left counted from the demo date', async () => {
    const t = await todoOf(leader);
    expect(t.today).toBe('2019-07-20');
    const dues = t.items.map((i) => i.due ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    for (const i of t.items)
      if (i.due)
        expect(i.daysLeft).toBe(
          Math.round((Date.parse(`${i.due}T00:00Z`) - Date.parse('2019-07-20T00:00Z')) / 86_400_000),
        );
    const approve = t.items.find((i) => i.kind === 'report.approve' && i.detail?.vi === 'Tháng 7/2019')!;
    expect(approve.title.vi).toMatch(/^Duyệt 17 báo cáo: /);
    expect(approve).toMatchObject({ module: 'reporting', due: '2019-07-24', daysLeft: 4 });
    expect(t.items.some((i) => i.kind === 'registration.review' && i.due === '2019-06-30' && i.daysLeft === -20)).toBe(
      true,
    );
  });

  it("reporting: the secretary approves their cells' reports, never another unit's", async () => {
    const mine = (await todoOf(secretary)).items.filter((i) => i.module === 'reporting');
    expect(mine.length).toBeGreaterThan(0);
    for (const i of mine) expect(i.unit?.id).toBe(unit.get('CS02'));
    const cs01 = (await todoOf(await officer(unit.get('CS01')!))).items.filter((i) => i.module === 'reporting');
    for (const i of cs01) expect(i.unit?.id).toBe(unit.get('CS01'));
  });

  it('reporting: a returned report is to fix, for its own unit only', async () => {
    const { platform } = env();
    const sub = await platform.db
      .selectFrom('report_submissions')
      .select(['id', 'unit_id', 'period_id', 'template_id', 'status'])
      .where('period_id', '=', '2019-07')
      .where('status', '=', 'submitted')
      .where('unit_id', '!=', unit.get('CS02')!)
      .executeTakeFirstOrThrow();
    await platform.db
      .updateTable('report_submissions')
      .set({ status: 'returned', return_reason: 'Thiếu số đảng viên mới' })
      .where('id', '=', sub.id)
      .execute();
    try {
      const own = (await todoOf(await officer(sub.unit_id))).items.find((i) => i.kind === 'report.returned');
      expect(own).toMatchObject({
        unit: { id: sub.unit_id },
        path: `/reporting/form?templateId=${sub.template_id}&unitId=${sub.unit_id}&periodId=2019-07`,
      });
      expect(own?.detail?.vi).toBe('Tháng 7/2019 — Thiếu số đảng viên mới');
      expect((await todoOf(secretary)).items.some((i) => i.kind === 'report.returned')).toBe(false);
    } finally {
      await platform.db
        .updateTable('report_submissions')
        .set({ status: sub.status })
        .where('id', '=', sub.id)
        .execute();
    }
  });

  it("plans: a board's own lines and a unit's plan to deploy, each for its own unit", async () => {
    const lines = (await todoOf(propaganda)).items.filter((i) => i.kind === 'activity.due');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.unit?.id).toBe(unit.get('BTG'));
    expect(lines[0]).toMatchObject({ due: '2019-07-30', daysLeft: 10 });
    expect(lines[0].path).toMatch(/^\/plans\/[0-9a-f-]{36}\/activities\/[0-9a-f-]{36}$/);
    const secretaryItems = (await todoOf(secretary)).items;
    expect(secretaryItems.some((i) => i.kind === 'subplan.deploy')).toBe(false); // CS02 deployed on 10/6/2019
    expect(secretaryItems.some((i) => i.unit?.id === unit.get('BTG'))).toBe(false);
    const cs01 = (await todoOf(await officer(unit.get('CS01')!))).items;
    const deploy = cs01.find((i) => i.kind === 'subplan.deploy');
    expect(deploy?.unit?.id).toBe(unit.get('CS01'));
    expect(deploy?.path).toMatch(/^\/plans\/[0-9a-f-]{36}\/sub-plan$/);
  });

  it('emulation: a returned pledge goes to its own unit; the Bloc reviews what is waiting', async () => {
    const { platform } = env();
    const returned = await platform.db
      .selectFrom('emulation_registrations')
      .select(['unit_id', 'drive_id'])
      .where('status', '=', 'returned')
      .executeTakeFirstOrThrow();
    const own = (await todoOf(await officer(returned.unit_id))).items.filter((i) => i.module === 'emulation');
    expect(own.map((i) => [i.kind, i.unit?.id, i.path])).toEqual([
      ['registration.returned', returned.unit_id, `/emulation/${returned.drive_id}?tab=registrations`],
    ]);
    expect((await todoOf(secretary)).items.some((i) => i.kind === 'registration.returned')).toBe(false);
    const review = (await todoOf(leader)).items.find((i) => i.kind === 'registration.review');
    expect(review?.title.vi).toMatch(/^Xét 1 bản đăng ký thi đua: /);
  });

  it('honours: a unit with nothing sent is asked to nominate by the due date; screeners see the dossiers to screen', async () => {
    const { platform } = env();
    const campaign = await platform.db
      .selectFrom('honour_campaigns')
      .select(['id'])
      .where('status', '=', 'nominating')
      .executeTakeFirstOrThrow();
    const nominating = new Set(
      (
        await platform.db
          .selectFrom('honour_nominations')
          .select('unit_id')
          .where('campaign_id', '=', campaign.id)
          .execute()
      ).map((n) => n.unit_id),
    );
    const quiet = ['CS01', 'CS03', 'CS04', 'CS05', 'CS06'].map((c) => unit.get(c)!).find((id) => !nominating.has(id))!;
    const asked = (await todoOf(await officer(quiet))).items.filter((i) => i.kind === 'nomination.due');
    expect(asked).toEqual([
      expect.objectContaining({ due: '2019-07-20', daysLeft: 0, unit: expect.objectContaining({ id: quiet }) }),
    ]);
    const screen = (await todoOf(propaganda)).items.find((i) => i.kind === 'nomination.screen');
    expect(screen?.path).toBe(`/honours/${campaign.id}?tab=nominations&status=submitted`);
    expect((await todoOf(judge)).items.some((i) => i.module === 'honours')).toBe(false);
  });

  it("honours: as of 20/07/2019 a Council member has the Council's session of 25/07 to attend; the secretary of a grassroots unit does not", async () => {
    const member = await signIn(env().app, 'demo.hoidong', DEMO_PASSWORD);
    const items = (await todoOf(member)).items.filter((i) => i.module === 'honours');
    expect(items.map((i) => [i.kind, i.due, i.daysLeft])).toEqual([['session.attend', '2019-07-25', 5]]);
    expect(items[0].title.vi).toMatch(/^Họp Hội đồng: /);
    expect(items[0].path).toMatch(/^\/honours\/sessions\/[0-9a-f-]{36}$/);
    expect((await todoOf(secretary)).items.some((i) => i.kind === 'session.attend')).toBe(false);
  });

  it('tournament: only the umpire assigned to a match not yet finished is asked to umpire it', async () => {
    const { platform } = env();
    const match = await platform.db
      .selectFrom('tournament_matches as m')
      .innerJoin('tournament_events as e', 'e.id', 'm.event_id')
      .select(['m.id', 'm.status', 'm.umpire_user_id', 'e.tournament_id'])
      .where('m.status', '=', 'finished')
      .executeTakeFirstOrThrow();
    const u = await buildUser(platform, { grants: [{ role: 'umpire', unitId: unit.get('CCB')! }] });
    const other = await officer(unit.get('CCB')!, 'umpire');
    await platform.db
      .updateTable('tournament_matches')
      .set({ status: 'ready', umpire_user_id: u.id })
      .where('id', '=', match.id)
      .execute();
    try {
      const items = (await todoOf(await signIn(env().app, u.username, u.password))).items;
      expect(items.map((i) => [i.kind, i.path])).toEqual([
        ['match.umpire', `/tournaments/${match.tournament_id}/matches/${match.id}/score`],
      ]);
      expect((await todoOf(other)).items).toEqual([]);
    } finally {
      await platform.db
        .updateTable('tournament_matches')
        .set({ status: match.status, umpire_user_id: match.umpire_user_id })
        .where('id', '=', match.id)
        .execute();
    }
  });

  it('festival: as of 20/07/2019 the judge has the round of 19/08 to judge; once it is certified, nothing', async () => {
    const { platform, app, clock } = env();
    const seat = await platform.db
      .selectFrom('festival_judges as j')
      .innerJoin('users as u', 'u.id', 'j.user_id')
      .innerJoin('festival_rounds as r', 'r.id', 'j.round_id')
      .select(['j.id', 'j.round_id', 'r.held_on', 'r.closed_at'])
      .where('u.username', '=', 'demo.giamkhao')
      .executeTakeFirstOrThrow();
    expect(seat.held_on).toBe('2019-08-19');
    const acts = (
      await platform.db
        .selectFrom('festival_round_entries')
        .select('entry_id')
        .where('round_id', '=', seat.round_id)
        .execute()
    ).length;
    const items = (await todoOf(judge)).items.filter((i) => i.module === 'festival');
    expect(items.map((i) => [i.kind, i.path, i.due, i.daysLeft])).toEqual([
      ['round.judge', `/festival-rounds/${seat.round_id}`, '2019-08-19', 30],
    ]);
    expect(items[0].detail?.vi).toMatch(new RegExp(`còn ${acts} tiết mục chưa chốt phiếu$`));
    expect((await todoOf(secretary)).items.some((i) => i.module === 'festival')).toBe(false);
    clock.advance(31 * 86_400_000); // the system's day: 20/08/2019, the round certified the night before
    try {
      const later = await signIn(app, 'demo.giamkhao', DEMO_PASSWORD);
      expect((await todoOf(later)).items.filter((i) => i.module === 'festival')).toEqual([]);
    } finally {
      clock.setDay(startDay, '14:24');
    }
  });

  it("office: a document not yet acknowledged is to acknowledge for the unit's inbox keeper only", async () => {
    const { platform } = env();
    const delivery = await platform.db
      .selectFrom('office_deliveries')
      .select(['id', 'unit_id', 'acknowledged_at', 'acknowledged_by', 'acknowledged_by_name'])
      .where('unit_id', '=', unit.get('CS02')!)
      .executeTakeFirstOrThrow();
    await platform.db
      .updateTable('office_deliveries')
      .set({ acknowledged_at: null, acknowledged_by: null, acknowledged_by_name: null })
      .where('id', '=', delivery.id)
      .execute();
    try {
      const mine = (await todoOf(secretary)).items.filter((i) => i.module === 'office');
      expect(mine.length).toBeGreaterThan(0);
      for (const i of mine)
        expect([i.kind, i.path, i.unit?.id]).toEqual(['document.acknowledge', '/office/inbox', unit.get('CS02')]);
      const cs01 = (await todoOf(await officer(unit.get('CS01')!))).items.filter((i) => i.module === 'office');
      for (const i of cs01) expect(i.unit?.id).toBe(unit.get('CS01'));
    } finally {
      await platform.db
        .updateTable('office_deliveries')
        .set({
          acknowledged_at: delivery.acknowledged_at,
          acknowledged_by: delivery.acknowledged_by,
          acknowledged_by_name: delivery.acknowledged_by_name,
        })
        .where('id', '=', delivery.id)
        .execute();
    }
  });
});
