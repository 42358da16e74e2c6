import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { officeDemo } from '../office/demo.ts';
import { demoPlanId, getActivity, SEED_DEMO_KEY } from '../plans/index.ts';
import { budgetDemo } from './demo.ts';
import { planOverview } from './figures.ts';
import { budgetSettledSource } from './planSource.ts';
import { listSponsors } from './sponsors.ts';

/** The anniversary's budget as demo data: approved estimates, a revised one, sponsors, spending, the settlement. */
describeEachDatabase('budget demo', (kind) => {
  const env = useTestEnv(kind, {}, { demo: ['organisation', 'plans'] });

  it('loads the anniversary’s budget once, through the services', async () => {
    const { platform } = env();
    expect(await budgetDemo.load(platform)).toBeGreaterThan(30);
    expect(await budgetDemo.load(platform)).toBe(0);
    const planId = (await demoPlanId(platform, SEED_DEMO_KEY))!;
    const o = await planOverview(platform, systemCaller(), planId);
    const costed = o.activities.filter((a) => a.estimateId);
    expect(costed.map((a) => [a.ref, a.status, a.versionNumber])).toEqual([
      ['A9', 'approved', 1],
      ['A10', 'approved', 1],
      ['A12', 'approved', 2],
      ['A23', 'approved', 1],
    ]);
    expect(o.settlement).toEqual({ closedOn: '2019-09-30', note: 'Quyết toán kinh phí các hoạt động kỷ niệm 15 năm' });
    expect(o.totals.estimate).toBe(o.bySource.reduce((s, x) => s + x.estimate, 0));
    expect(o.totals.spent).toBeGreaterThan(0);
    const sponsors = await listSponsors(platform, systemCaller(), { planId, q: '' });
    expect(sponsors.items.length).toBe(5);
    expect(sponsors.totals.received).toBe(136_600_000);
    expect(sponsors.totals.inKind).toBe(8_200_000);
    const a23 = o.activities.find((a) => a.ref === 'A23')!;
    const status = await budgetSettledSource.evaluate(
      platform,
      { id: a23.id, planId, start: null, due: null, target: null },
      { issuedOn: '2019-06-10', periodStart: '2019-06-10' },
      '2019-10-01',
    );
    expect(status).toMatchObject({ doneOn: '2019-09-30', percent: 100 });
    // A23 holds two jobs (III.4): the budget and the detailed plan assigning the Office's staff;
    // its status comes from both (ADR 41): before the duty roster exists, the budget alone answers
    platform.clock = () => new Date('2019-10-01T03:00:00Z');
    const alone = await getActivity(platform, systemCaller(), a23.id);
    expect(alone.statusSources).toEqual(['budget.settled', 'office.duty']);
    expect(alone.sources.map((s) => [s.key, s.doneOn])).toEqual([
      ['budget.settled', '2019-09-30'],
      ['office.duty', null],
    ]);
    expect(alone.doneOn).toBeNull();
    expect(alone.status).not.toBe('done');
    await officeDemo.load(platform);
    const both = await getActivity(platform, systemCaller(), a23.id);
    const duty = both.sources.find((s) => s.key === 'office.duty')!;
    expect(duty.doneOn).not.toBeNull();
    expect(duty.doneOn! < '2019-09-30').toBe(true);
    // done on the later of the two days, with both notes on the plan's screen
    expect(both.doneOn).toBe('2019-09-30');
    expect(both.percent).toBe(100);
    expect(both.sourceNote?.vi).toMatch(/quyết toán khóa sổ.*Đã phân công cán bộ trực/);
    console.log(
      `budget demo [${kind}]: estimate ${o.totals.estimate} đ, funds ${o.totals.funds} đ, spent ${o.totals.spent} đ, variance ${o.totals.variance} đ`,
    );
  }, 180_000);
});
