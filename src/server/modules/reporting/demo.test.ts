import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { monthsOf } from '../../../common/periods.ts';
import { loadDemoData } from '../../demo.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { completeness } from './completeness.ts';
import { DRIVE_CODE, MONTHLY_CODE } from './demo.ts';
import { decompose } from './periods.ts';
import { scopeOf } from './submissions.ts';
import { findTemplate } from './templates.ts';
import { subtreeTotals, subtreeTotalsFromValues } from './totals.ts';

/**
 * The seed's reporting as demo data on both databases: loaded twice without duplicates; the
 * reports tell a story (on time, late, returned, drafts, missing, approved); and the live totals
 * the loader built through the ordinary save/approve path equal a GROUP BY over the raw values.
 */
describeEachDatabase('reporting demo data', (kind) => {
  const env = useTestEnv(kind);

  const counts = async () => {
    const db = env().platform.db;
    const n = async (
      t:
        | 'report_indicators'
        | 'report_templates'
        | 'report_submissions'
        | 'report_values'
        | 'report_value_history'
        | 'report_totals',
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
      indicators: await n('report_indicators'),
      templates: await n('report_templates'),
      submissions: await n('report_submissions'),
      values: await n('report_values'),
      history: await n('report_value_history'),
      totals: await n('report_totals'),
    };
  };

  it('loads the monthly template and the emulation drive with their reports, twice without duplicates', async () => {
    const { platform, clock } = env();
    clock.set(new Date('2026-11-27T03:00:00Z')); // today: every 2019 period is long locked
    const started = performance.now();
    const first = await loadDemoData(platform);
    const ms = performance.now() - started;
    console.info(`[${kind}] demo data loaded in ${Math.round(ms)} ms: ${JSON.stringify(first)}`);
    expect(first.reporting).toBeGreaterThan(60);
    const after = await counts();
    expect(after).toMatchObject({ indicators: 14, templates: 2 });
    expect(after.submissions).toBeGreaterThan(60);
    const second = await loadDemoData(platform);
    expect(second.reporting).toBe(0);
    expect(await counts()).toEqual(after);
    const db = platform.db;
    expect((await db.selectFrom('report_submissions').select('id').where('is_demo', '=', 0).execute()).length).toBe(0);
    expect((await db.selectFrom('report_templates').select('id').where('is_demo', '=', 0).execute()).length).toBe(0);
    expect((await db.selectFrom('report_indicators').select('id').where('is_demo', '=', 0).execute()).length).toBe(0);
    // entered on their 2019 days; the audit keeps the real time of loading
    const sub = await db
      .selectFrom('report_submissions')
      .selectAll()
      .where('submitted_on', 'is not', null)
      .orderBy('submitted_on')
      .executeTakeFirstOrThrow();
    expect(sub.submitted_on! >= '2019-06-01' && sub.submitted_on! <= '2019-09-30').toBe(true);
    const audit = await db.selectFrom('audit_log').select(['action', 'at']).where('entity_id', '=', sub.id).execute();
    expect(audit.map((a) => a.action)).toContain('report.submit');
    expect(audit.every((a) => a.at.startsWith('2026-11-27'))).toBe(true);
  }, 180_000);

  it('tells a story: most on time, some late, a couple returned, drafts and missing, approvals', async () => {
    const { platform } = env();
    const dbk = (await platform.db.selectFrom('units').select('id').where('code', '=', 'DBK').executeTakeFirstOrThrow())
      .id;
    const template = async (code: string) =>
      (await platform.db.selectFrom('report_templates').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    const monthly = await template(MONTHLY_CODE);
    let returned = 0;
    for (const periodId of ['2019-06', '2019-07', '2019-08']) {
      const c = await completeness(platform, systemCaller(), {
        templateId: monthly,
        unitId: dbk,
        periodId,
        page: 1,
        pageSize: 100,
      });
      expect(c.expected, periodId).toBeGreaterThanOrEqual(20);
      expect(c.received / c.expected, periodId).toBeGreaterThan(0.7);
      expect(c.received, periodId).toBeLessThan(c.expected);
      expect(c.onTime, periodId).toBeLessThan(c.received);
      // June's approved long ago; July's and August's await the level above
      if (periodId === '2019-06') expect(c.approved).toBe(c.received);
      else expect(c.approved, periodId).toBe(0);
      returned += c.returned;
    }
    expect(returned).toBe(2);
    const drive = await completeness(platform, systemCaller(), {
      templateId: await template(DRIVE_CODE),
      unitId: dbk,
      periodId: `campaign:${DRIVE_CODE}`,
      page: 1,
      pageSize: 100,
    });
    expect(drive.received / drive.expected).toBeGreaterThan(0.7);
    expect(drive.approved).toBeGreaterThan(drive.received / 2);
    expect(drive.approved).toBeLessThan(drive.received);
  });

  it("holds the Bloc's live totals (and every unit's) equal to the GROUP BY over the raw values", async () => {
    const { platform } = env();
    const units = await platform.db.selectFrom('units').select(['id', 'code']).execute();
    let compared = 0;
    for (const code of [MONTHLY_CODE, DRIVE_CODE]) {
      const row = await platform.db
        .selectFrom('report_templates')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const template = await findTemplate(platform, row.id);
      const { scope, indicators } = await scopeOf(platform, template);
      const ranges: [string, string][] =
        template.periodType === 'monthly'
          ? [
              ['2019-06', '2019-06'],
              ['2019-07', '2019-07'],
              ['2019-08', '2019-08'],
              ['2019-06', '2019-08'],
              ['2019-01', '2019-12'],
            ]
          : [[`campaign:${DRIVE_CODE}`, `campaign:${DRIVE_CODE}`]];
      for (const u of units) {
        for (const [from, to] of ranges) {
          const live = await subtreeTotals(platform.db, scope, u.id, from, to);
          const periods =
            template.periodType === 'monthly' ? [...new Set(decompose(template, from, to).flatMap(monthsOf))] : [from];
          const raw = await subtreeTotalsFromValues(platform.db, template.id, u.id, periods);
          // `last` over several months is the latest month's figure, not a GROUP BY sum; one month is exact
          const exact = (id: string) =>
            ['sum', 'average'].includes(indicators.get(id)!.aggregation) ||
            (indicators.get(id)!.aggregation === 'last' && from === to);
          for (const r of raw.filter((x) => exact(x.indicatorId))) {
            const l = live.find((x) => x.indicatorId === r.indicatorId && x.breakdownKey === r.breakdownKey);
            expect(l, `${code} ${u.code} ${from}–${to} ${indicators.get(r.indicatorId)!.code}`).toBeTruthy();
            expect(l!.count).toBe(r.count);
            expect(l!.sum).toBeCloseTo(r.sum, 6);
            compared++;
          }
          expect(live.filter((x) => exact(x.indicatorId)).length, `${code} ${u.code} ${from}–${to}`).toBe(
            raw.filter((x) => exact(x.indicatorId)).length,
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 180_000);

  it("has the seed's drive on that template: every grassroots unit taking part, registrations, criteria and a ranking from the results", async () => {
    const { platform } = env();
    const drive = await platform.db
      .selectFrom('emulation_drives')
      .selectAll()
      .where('code', '=', DRIVE_CODE)
      .executeTakeFirstOrThrow();
    expect([drive.start_on, drive.end_on, drive.status]).toEqual(['2019-06-15', '2019-08-30', 'open']);
    const { ranking } = await import('../emulation/ranking.ts');
    const r = await ranking(platform, drive.id);
    expect(r.items.length).toBeGreaterThan(10);
    expect(r.criteria.map((c) => c.method)).toEqual(['indicator', 'indicator', 'indicator', 'manual']);
    expect(r.items[0].total).toBeGreaterThan(r.items.at(-1)!.total);
    expect(r.items.filter((l) => l.scores.some((s) => s.result !== null)).length).toBeGreaterThan(5);
    const regs = await platform.db
      .selectFrom('emulation_registrations')
      .select('status')
      .where('drive_id', '=', drive.id)
      .execute();
    expect(regs.map((x) => x.status).sort()).toEqual(['accepted', 'accepted', 'returned', 'submitted']);
  });
});
