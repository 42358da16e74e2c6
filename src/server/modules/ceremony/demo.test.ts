import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { honoursDemo } from '../honours/demo.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { progressOf, statusOf } from '../plans/activities.ts';
import { plansDemo, SEED_DEMO_KEY } from '../plans/demo.ts';
import { getCeremony, listGuests } from './ceremonies.ts';
import { CEREMONY_DEMO_CODE, ceremonyDemo } from './demo.ts';
import { liveState } from './show.ts';

/**
 * The seed's honouring conference as demo data, on both databases: 04/9/2019 at 19:30, the full
 * programme in Art. 13's order, guests with replies, linked to the seed's honours campaign,
 * published, run on the night and recorded as held with actual times; the plan's A12 done on time
 * by its status source; a second load adds nothing.
 */
describeEachDatabase('ceremony demo data', (kind) => {
  const env = useTestEnv(kind);

  it('loads the seed’s ceremony, held with actual times, and adds nothing the second time', async () => {
    const { platform } = env();
    await organisationDemo.load(platform);
    await plansDemo.load(platform);
    await honoursDemo.load(platform);
    expect(await ceremonyDemo.load(platform)).toBeGreaterThan(10);
    const row = await platform.db
      .selectFrom('ceremonies')
      .selectAll()
      .where('code', '=', CEREMONY_DEMO_CODE)
      .executeTakeFirstOrThrow();
    expect([row.event_date, row.start_time, row.held_on, row.published, row.is_demo]).toEqual([
      '2019-09-04',
      '19:30',
      '2019-09-04',
      1,
      1,
    ]);
    expect(row.honours_campaign_id).not.toBeNull();
    // organised by the Ban Tuyên giáo, the seed's plan's lead for the conference
    const organiser = await platform.db
      .selectFrom('units')
      .select('code')
      .where('id', '=', row.organiser_unit_id!)
      .executeTakeFirst();
    expect(organiser?.code).toBe('BTG');
    const c = await getCeremony(platform, row.id);
    expect(c.segments.map((s) => s.kind)).toEqual([
      'welcome_performance',
      'programme',
      'anthem',
      'introduction',
      'speech',
      'awards',
      'leader_speech',
      'reply',
      'closing',
    ]);
    // as it went: started 19:32, the leader on his hard start after a hold, ended 21:10 against 21:15
    expect(c.segments.map((s) => `${s.start}-${s.end}`)).toEqual([
      '19:32-19:48',
      '19:48-19:50',
      '19:50-19:53',
      '19:53-19:59',
      '19:59-20:21',
      '20:21-20:43',
      '20:45-21:02',
      '21:02-21:07',
      '21:07-21:10',
    ]);
    expect(c.warnings).toEqual([]);
    expect(c.overUnderMinutes).toBe(-5);
    expect(c.segments.every((s) => s.state === 'done')).toBe(true);
    const intro = c.segments.find((s) => s.kind === 'introduction')!;
    expect(intro.mcLines).toContain('Đồng chí Lê Văn Thành, Phó Bí thư Thường trực Tỉnh ủy;');
    expect(intro.mcLines).not.toContain('Ngô Thanh Bình');
    const guests = await listGuests(platform, row.id);
    expect(guests.replies).toEqual({ pending: 0, attending: 8, deputy: 1, declined: 2 });
    const live = await liveState(platform, row.id);
    expect(live.status).toBe('finished');
    expect(live.segments[0]).toMatchObject({ plannedStart: '19:30', actualMinutes: 16, overUnderMinutes: 1 });

    // the plan's honouring conference (A12) takes its status from the ceremony
    const plan = await platform.db
      .selectFrom('plans')
      .selectAll()
      .where('demo_key', '=', SEED_DEMO_KEY)
      .executeTakeFirstOrThrow();
    const a12 = await platform.db
      .selectFrom('plan_activities')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('ref', '=', 'A12')
      .executeTakeFirstOrThrow();
    expect(a12.status_source).toBe('ceremony.held');
    const p = (await progressOf(platform, plan, [a12], '2019-09-10')).get(a12.id)!;
    expect(p.doneOn).toBe('2019-09-04');
    expect(statusOf(a12, p, '2019-09-10')).toBe('done_on_time');

    const count = async () =>
      (
        await platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(await ceremonyDemo.load(platform)).toBe(0);
    expect(await count()).toEqual(before);
  }, 120_000);
});

/**
 * With the whole demo, the festival's three acts chosen for the ceremony come into its programme:
 * the first opens the evening, the other two follow the awards, each with the festival's timing,
 * and the evening still ends at 21:10.
 */
describeEachDatabase('ceremony demo data with the festival', (kind) => {
  const env = useTestEnv(kind, {}, { demo: 'all' });

  it('takes the festival’s chosen acts into the programme with their measured durations', async () => {
    const { platform } = env();
    const row = await platform.db
      .selectFrom('ceremonies')
      .select('id')
      .where('code', '=', CEREMONY_DEMO_CODE)
      .executeTakeFirstOrThrow();
    const c = await getCeremony(platform, row.id);
    const withActs = c.segments.filter((s) => s.act !== null);
    expect(withActs.map((s) => [s.kind, s.act?.source])).toEqual([
      ['welcome_performance', 'festival.chosen'],
      ['performance', 'festival.chosen'],
      ['performance', 'festival.chosen'],
    ]);
    for (const s of withActs) expect(s.act?.seconds).toBeGreaterThan(60);
    expect(c.segments.map((s) => s.kind).slice(5, 9)).toEqual([
      'awards',
      'performance',
      'performance',
      'leader_speech',
    ]);
    expect(c.segments.at(-1)?.end).toBe('21:10');
    expect(c.warnings).toEqual([]);
  });
});
