import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { loadDemoData } from '../../demo.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { SEED_DEMO_KEY } from './demo.ts';
import { getPlan } from './plans.ts';
import { deployment } from './subPlans.ts';

describeEachDatabase('plans demo data', (kind) => {
  // The registry from the shared template; the plans' loader runs here (twice).
  const env = useTestEnv(kind, {}, { demo: ['organisation'] });

  it('loads the seed plan complete, twice without duplicates', async () => {
    const { platform } = env();
    const first = await loadDemoData(platform, { only: ['plans'] });
    expect(first.plans).toBeGreaterThan(0);
    const count = async () => ({
      plans: (await platform.db.selectFrom('plans').select('id').execute()).length,
      activities: (await platform.db.selectFrom('plan_activities').select('id').execute()).length,
      reports: (await platform.db.selectFrom('plan_reports').select('id').execute()).length,
      milestones: (await platform.db.selectFrom('plan_milestones').select('id').execute()).length,
    });
    const before = await count();
    const second = await loadDemoData(platform, { only: ['plans'] });
    expect(second.plans).toBe(0);
    expect(await count()).toEqual(before);

    const row = await platform.db
      .selectFrom('plans')
      .select('id')
      .where('demo_key', '=', SEED_DEMO_KEY)
      .executeTakeFirstOrThrow();
    const plan = await getPlan(platform, systemCaller(), row.id);
    expect(plan.activities).toHaveLength(29);
    expect(plan.activities.filter((a) => a.kind === 'task')).toHaveLength(12);
    for (const a of plan.activities) expect(a.leadCount, `${a.ref} ${a.title}`).toBeGreaterThan(0);
    expect(plan.milestones.map((m) => m.due)).toEqual([
      '2019-06-10',
      '2019-08-20',
      '2019-07-30',
      '2019-08-30',
      '2019-09-04',
    ]);
    const emulation = plan.activities.find((a) => a.ref === 'A1')!;
    expect([emulation.start, emulation.due]).toEqual(['2019-06-15', '2019-08-30']);
    const ceremony = plan.activities.find((a) => a.ref === 'A12')!;
    expect(ceremony.due).toBe('2019-09-04');
    expect(ceremony.subItems.join(' ')).toMatch(/buổi tối/);
    expect(plan.deployDue).toBe('2019-06-10');
    for (const s of ['done_on_time', 'done_late', 'in_progress', 'overdue'] as const)
      expect(plan.counts[s], s).toBeGreaterThan(0);
    const grassroots = plan.activities.find((a) => a.ref === 'A5')!;
    expect(grassroots.status).toBe('done_on_time');
    expect(grassroots.figure).toBe(2);
    const dep = await deployment(platform, systemCaller(), plan.id, { page: 1, pageSize: 100 });
    expect(dep.total).toBeGreaterThanOrEqual(16);
    expect(dep.onTime).toBe(1);
    expect(dep.late).toBe(1);
  }, 60_000);
});
