import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { progressOf, statusOf } from '../plans/activities.ts';
import { plansDemo, SEED_DEMO_KEY } from '../plans/demo.ts';
import { FESTIVAL_DEMO_CODE, festivalDemo } from './demo.ts';
import { ceremonyActs } from './festivals.ts';
import { listSheets, roundResults } from './judging.ts';
import { getRound } from './rounds.ts';

/**
 * The seed's festival as demo data, on both databases: eight acts from the demo enterprises (one
 * returned with its reason), five judges with a guest recused from the act of the enterprise she
 * works at, every sheet locked on 19/8/2019, the round certified that night, prizes, three acts
 * chosen for the ceremony with their timed durations, the plan's festival activity done on time;
 * a second load adds nothing.
 */
describeEachDatabase('festival demo data', (kind) => {
  const env = useTestEnv(kind);

  it('loads the seed’s certified exchange night and the ceremony’s three acts, and adds nothing the second time', async () => {
    const { platform } = env();
    await organisationDemo.load(platform);
    await plansDemo.load(platform);
    expect(await festivalDemo.load(platform)).toBeGreaterThan(40);
    const db = platform.db;
    const f = await db
      .selectFrom('festivals')
      .selectAll()
      .where('code', '=', FESTIVAL_DEMO_CODE)
      .executeTakeFirstOrThrow();
    expect(f.is_demo).toBe(1);
    const entries = await db
      .selectFrom('festival_entries')
      .select(['status', 'return_reason'])
      .where('festival_id', '=', f.id)
      .execute();
    expect(entries.filter((e) => e.status === 'accepted')).toHaveLength(8);
    expect(entries.filter((e) => e.status === 'returned').map((e) => e.return_reason)).toEqual([
      expect.stringContaining('quá thời lượng'),
    ]);
    const r = await db
      .selectFrom('festival_rounds')
      .selectAll()
      .where('festival_id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect([r.kind, r.held_on, r.status]).toEqual(['exchange', '2019-08-19', 'certified']);
    const round = await getRound(platform, systemCaller(), r.id);
    expect(round.judges).toHaveLength(5);
    expect(round.judges.filter((j) => j.head)).toHaveLength(1);
    expect(round.recusals).toHaveLength(1);
    expect((await listSheets(platform, systemCaller(), r.id)).items).toHaveLength(5 * 8 - 1);
    const results = await roundResults(platform, null, r.id);
    expect(results.certified).toBe(true);
    expect(results.ranking.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The trimmed mean: four of five judges on the recused act (mean), five elsewhere (one high, one low dropped).
    const recused = results.ranking.find((x) => x.entryId === round.recusals[0].entryId)!;
    expect(recused.explanation.marks).toHaveLength(4);
    expect(recused.explanation.marks.some((m) => m.dropped)).toBe(false);
    expect(results.ranking.find((x) => x !== recused)!.explanation.marks.filter((m) => m.dropped)).toHaveLength(2);
    expect(results.ranking[0].prizes[0]).toEqual({ kind: 'A', title: null });
    expect(results.ranking.flatMap((x) => x.prizes).filter((p) => p.kind === 'special')).toHaveLength(1);
    const acts = await ceremonyActs(db, f.id);
    expect(acts.acts.map((a) => a.entryId)).toEqual(results.ranking.slice(0, 3).map((x) => x.entryId));
    expect(acts.acts.every((a) => a.measured)).toBe(true);

    // The plan's festival activity (II.3): done on time on 19/8/2019 by the certification.
    const plan = await db
      .selectFrom('plans')
      .selectAll()
      .where('demo_key', '=', SEED_DEMO_KEY)
      .executeTakeFirstOrThrow();
    const a10 = await db
      .selectFrom('plan_activities')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('ref', '=', 'A10')
      .executeTakeFirstOrThrow();
    expect(a10.status_source).toBe('festival.results');
    const on = async (today: string) => {
      const p = (await progressOf(platform, plan, [a10], today)).get(a10.id)!;
      return { ...p, status: statusOf(a10, p, today) };
    };
    const before = await on('2019-08-18');
    expect(before.doneOn).toBeNull();
    const after = await on('2019-08-20');
    expect(after.doneOn).toBe('2019-08-19');
    expect(after.note?.vi).toContain('19/08/2019');

    const count = async () =>
      Promise.all(
        (['people', 'festival_entries', 'festival_sheets', 'festival_prizes', 'audit_log'] as const).map(async (t) =>
          Number(
            (
              await db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const counted = await count();
    expect(await festivalDemo.load(platform)).toBe(0);
    expect(await count()).toEqual(counted);
  }, 180_000);
});
