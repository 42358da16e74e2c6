import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { activityIdsByRef, demoPlanId, SEED_DEMO_KEY } from '../plans/index.ts';
import { publicityDemo } from './demo.ts';
import { listPieces, publicityCounts } from './pieces.ts';
import { publicityPiecesSource } from './planSource.ts';

/** The seed's publicity as demo data: 16 pieces June–September 2019, most published, one planned, one dropped. */
describeEachDatabase('publicity demo', (kind) => {
  const env = useTestEnv(kind, {}, { demo: ['organisation', 'plans'] });

  it('loads the seed’s publicity once, through the services, and gives A2 and A17 their progress', async () => {
    const { platform } = env();
    expect(await publicityDemo.load(platform)).toBe(16 + 14 + 1);
    expect(await publicityDemo.load(platform)).toBe(0);
    const planId = (await demoPlanId(platform, SEED_DEMO_KEY))!;
    const list = await listPieces(platform, systemCaller(), { q: '', page: 1, pageSize: 50 });
    expect(list.total).toBe(16);
    expect(list.items.filter((p) => p.status === 'published')).toHaveLength(14);
    expect(
      list.items.filter((p) => p.status === 'published').every((p) => p.link?.startsWith('https://example.vn/')),
    ).toBe(true);
    const counts = await publicityCounts(platform, systemCaller(), planId);
    expect(counts.byMonth.map((m) => m.month)).toEqual(['2019-06', '2019-08', '2019-09']);
    const refs = await activityIdsByRef(platform, planId);
    const a2 = { id: refs.get('A2')!, planId, start: null, due: null, target: null };
    const plan = { issuedOn: '2019-06-10', periodStart: '2019-06-10' };
    expect(await publicityPiecesSource.evaluate(platform, a2, plan, '2019-09-30')).toMatchObject({
      doneOn: null,
      percent: 93,
      figure: 14,
    });
    const plans = await platform.db
      .selectFrom('plan_activities')
      .select(['ref'])
      .where('plan_id', '=', planId)
      .where('status_source', '=', 'publicity.pieces')
      .execute();
    expect(plans.map((p) => p.ref).sort()).toEqual(['A17', 'A2']);
  }, 300_000);
});
