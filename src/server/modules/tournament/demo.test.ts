import { expect, it } from 'vitest';
import { checkMatch, isScoringId, scoringRules } from '../../../common/tournament/scoring.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { progressOf, statusOf } from '../plans/activities.ts';
import { plansDemo, SEED_DEMO_KEY } from '../plans/demo.ts';
import { vietnamDay } from '../plans/status.ts';
import { demoWorkers, TOURNAMENT_DEMO_CODE, tournamentDemo } from './demo.ts';
import { vietnamMinutes } from './orderOfPlay.ts';
import { standings } from './results.ts';
import { getTournament } from './tournaments.ts';

/**
 * The seed's tournament as demo data, on both databases: the units' workers entered within the
 * rules, six events drawn (a team event among them), every match played by the Laws up to the finals on 17/8/2019 with a
 * walkover and a retirement, an order of play nobody is double-booked in, medals in every event,
 * the plan's tournament activity done on time by its status source; a second load adds nothing.
 */
describeEachDatabase('tournament demo data', (kind) => {
  const env = useTestEnv(kind);

  it('loads the seed’s tournament played to the finals, and adds nothing the second time', async () => {
    const { platform } = env();
    await organisationDemo.load(platform);
    await plansDemo.load(platform);
    expect(await tournamentDemo.load(platform)).toBeGreaterThan(300);
    const db = platform.db;

    const row = await db
      .selectFrom('tournaments')
      .selectAll()
      .where('code', '=', TOURNAMENT_DEMO_CODE)
      .executeTakeFirstOrThrow();
    expect(row.is_demo).toBe(1);
    expect([row.starts_on, row.ends_on, row.entry_deadline]).toEqual(['2019-08-15', '2019-08-17', '2019-07-31']);
    const ccb = await db.selectFrom('units').select('id').where('code', '=', 'CCB').executeTakeFirstOrThrow();
    expect(row.organiser_unit_id).toBe(ccb.id);
    const t = await getTournament(platform, row.id);
    expect(t.courts).toHaveLength(4);
    expect(t.courts[0].hours).toHaveLength(6);
    expect(t.events.map((e) => [e.code, e.format, e.drawn])).toEqual([
      ['MS', 'knockout', true],
      ['WS', 'groups', true],
      ['MD', 'knockout', true],
      ['XD', 'knockout', true],
      ['MS45', 'groups', true],
      ['TEAM', 'knockout', true],
    ]);
    expect(t.events.reduce((n, e) => n + e.entries.returned, 0)).toBe(3);
    expect(t.events.reduce((n, e) => n + e.entries.submitted, 0)).toBe(0);

    // About 120 workers, each in the registry as a worker of a demo enterprise.
    const workers = await db
      .selectFrom('people as p')
      .innerJoin('positions as po', 'po.person_id', 'p.id')
      .innerJoin('units as u', 'u.id', 'po.unit_id')
      .select(['p.id', 'p.gender', 'p.birth_year', 'u.kind', 'po.title'])
      .where('p.is_demo', '=', 1)
      .where('po.title', 'like', 'Công nhân%')
      .execute();
    expect(workers).toHaveLength(demoWorkers().length);
    expect(workers.length).toBeGreaterThanOrEqual(110);
    expect(workers.every((w) => w.kind === 'enterprise' && w.gender && w.birth_year)).toBe(true);

    // The entry rules held: two per unit per event, two events per player.
    const entries = await db
      .selectFrom('tournament_entries as e')
      .innerJoin('tournament_entry_players as p', 'p.entry_id', 'e.id')
      .select(['e.id', 'e.event_id', 'e.unit_id', 'e.status', 'e.return_reason', 'p.person_id'])
      .execute();
    const active = entries.filter((e) => e.status === 'confirmed');
    const perUnit = new Map<string, Set<string>>();
    const perPlayer = new Map<string, Set<string>>();
    for (const e of active) {
      perUnit.set(`${e.event_id}:${e.unit_id}`, (perUnit.get(`${e.event_id}:${e.unit_id}`) ?? new Set()).add(e.id));
      perPlayer.set(e.person_id, (perPlayer.get(e.person_id) ?? new Set()).add(e.event_id));
    }
    expect(Math.max(...[...perUnit.values()].map((s) => s.size))).toBe(2);
    expect(Math.max(...[...perPlayer.values()].map((s) => s.size))).toBe(2);
    expect(entries.filter((e) => e.status === 'returned').every((e) => (e.return_reason ?? '').length > 10)).toBe(true);

    // Every match played by the Laws; a walkover and a retirement; the finals on 17/8/2019.
    const matches = await db
      .selectFrom('tournament_matches as m')
      .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
      .select([
        'ev.code as event',
        'ev.scoring',
        'm.code',
        'm.stage',
        'm.round',
        'm.entry_a',
        'm.entry_b',
        'm.walk_through',
        'm.games_json',
        'm.outcome',
        'm.winner_side',
        'm.court_id',
        'm.planned_start',
        'm.planned_end',
        'm.finished_at',
        'm.tie_json',
      ])
      .where('ev.tournament_id', '=', row.id)
      .execute();
    const played = matches.filter((m) => m.walk_through === 0);
    expect(played.length).toBeGreaterThanOrEqual(90);
    for (const m of played) {
      expect(m.winner_side, `${m.event} ${m.code}`).not.toBeNull();
      if (m.tie_json) continue;
      const rule = scoringRules[isScoringId(m.scoring) ? m.scoring : 'bo3-21'];
      const r = checkMatch(rule, {
        games: JSON.parse(m.games_json!),
        outcome: m.outcome ? (m.outcome as 'walkover' | 'retired') : undefined,
        winner: m.winner_side as 0 | 1,
      });
      expect(r.winner).toBe(m.winner_side);
    }
    // The team event: semi-finals and a final of five rubbers, each tie decided when a team had
    // three (the rest not played), each rubber by Law 7 between the captains' line-ups.
    const ties = played.filter((m) => m.event === 'TEAM');
    expect(ties).toHaveLength(3);
    for (const m of ties) {
      const tie = JSON.parse(m.tie_json!) as {
        lineups: string[][][];
        rubbers: ({ games: [number, number][]; winner: 0 | 1 } | null)[];
      };
      expect(tie.lineups.map((l) => l.length)).toEqual([5, 5]);
      const done = tie.rubbers.filter((r) => r !== null);
      const won = [0, 1].map((side) => done.filter((r) => r!.winner === side).length);
      expect(Math.max(...won), m.code).toBe(3);
      expect(won[m.winner_side!]).toBe(3);
      expect(JSON.parse(m.games_json!)).toEqual([won]);
      // Played in order: the rubbers after the deciding one are not played.
      expect(tie.rubbers.slice(0, done.length).every((r) => r !== null)).toBe(true);
      for (const r of done) expect(checkMatch(scoringRules['bo3-21'], { games: r!.games }).winner).toBe(r!.winner);
    }
    const teamFinal = ties.find((m) => m.round === Math.max(...ties.map((x) => x.round)))!;
    expect(vietnamDay(new Date(teamFinal.finished_at!))).toBe('2019-08-17');
    expect(played.filter((m) => m.outcome === 'walkover')).toHaveLength(1);
    expect(played.filter((m) => m.outcome === 'retired')).toHaveLength(1);
    const games = played.filter((m) => !m.tie_json).flatMap((m) => JSON.parse(m.games_json!) as [number, number][]);
    expect(games.some(([a, b]) => Math.max(a, b) > 21)).toBe(true);
    for (const e of ['MS', 'MD', 'XD']) {
      const ko = played.filter((m) => m.event === e && m.stage === 'knockout');
      const final = ko.find((m) => m.round === Math.max(...ko.map((x) => x.round)))!;
      expect(vietnamDay(new Date(final.finished_at!)), e).toBe('2019-08-17');
    }
    const days = new Set(played.map((m) => vietnamDay(new Date(m.finished_at!))));
    expect([...days].sort()).toEqual(['2019-08-15', '2019-08-16', '2019-08-17']);

    // The order of play: in the courts' hours, one match per court at a time, nobody on two
    // courts at once, 20 minutes' rest between a player's matches.
    const hours = new Map(
      t.courts.map((c) => [c.id, c.hours.map((h) => [vietnamMinutes(h.day, h.from), vietnamMinutes(h.day, h.to)])]),
    );
    const people = new Map<string, string[]>();
    for (const e of entries) people.set(e.id, [...(people.get(e.id) ?? []), e.person_id]);
    const slots = played.map((m) => ({
      m,
      court: m.court_id!,
      start: Date.parse(m.planned_start!) / 60_000,
      end: Date.parse(m.planned_end!) / 60_000,
      who: [m.entry_a!, m.entry_b!].flatMap((e) => people.get(e) ?? []),
    }));
    for (const s of slots) {
      expect(
        hours.get(s.court)!.some(([from, to]) => s.start >= from && s.end <= to),
        `${s.m.event} ${s.m.code}`,
      ).toBe(true);
      for (const o of slots) {
        if (o === s || o.start < s.start || (o.start === s.start && o.m.code + o.m.event <= s.m.code + s.m.event))
          continue;
        if (o.court === s.court)
          expect(o.start >= s.end, `${s.m.event} ${s.m.code} / ${o.m.event} ${o.m.code}`).toBe(true);
        if (o.who.some((p) => s.who.includes(p)))
          expect(o.start - s.end, `${s.m.event} ${s.m.code} / ${o.m.event} ${o.m.code}`).toBeGreaterThanOrEqual(20);
      }
    }

    // Medals in every event: the knockouts' two bronzes (no play-off), a group's top three.
    for (const e of t.events) {
      const s = await standings(platform, row.id, e.id);
      expect(s.medals.gold, e.code).toBeTruthy();
      expect(s.medals.silver, e.code).toBeTruthy();
      expect(s.medals.bronze, e.code).toHaveLength(e.format === 'knockout' ? 2 : 1);
    }

    // The plan's tournament activity (II.3) by the tournament's results: in progress on 16/8, done on time on 17/8.
    const plan = await db
      .selectFrom('plans')
      .selectAll()
      .where('demo_key', '=', SEED_DEMO_KEY)
      .executeTakeFirstOrThrow();
    const a9 = await db
      .selectFrom('plan_activities')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('ref', '=', 'A9')
      .executeTakeFirstOrThrow();
    expect(a9.due_on).toBe('2019-08-20');
    const linked = { ...a9, status_source: 'tournament.results' };
    const on = async (today: string) => {
      const p = (await progressOf(platform, plan, [linked], today)).get(a9.id)!;
      return { ...p, status: statusOf(linked, p, today) };
    };
    const during = await on('2019-08-16');
    expect(during.status).toBe('in_progress');
    expect(during.doneOn).toBeNull();
    expect(during.percent).toBeGreaterThan(50);
    expect(during.figure).toBe(2);
    const after = await on('2019-08-18');
    expect(after.status).toBe('done_on_time');
    expect(after.doneOn).toBe('2019-08-17');
    expect(after.figure).toBe(6);
    expect(after.note?.vi).toContain('6/6 nội dung');

    // A second load adds nothing.
    const count = async () =>
      Object.fromEntries(
        await Promise.all(
          (
            [
              'people',
              'positions',
              'tournaments',
              'tournament_entries',
              'tournament_draws',
              'tournament_matches',
              'audit_log',
            ] as const
          ).map(async (table) => [
            table,
            Number(
              (
                await db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ]),
        ),
      );
    const before = await count();
    expect(await tournamentDemo.load(platform)).toBe(0);
    expect(await count()).toEqual(before);
  }, 180_000);
});
