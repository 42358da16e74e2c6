import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn, json } from '../../../../test/support/client.ts';
import { systemCaller } from '../organisation/access.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { DrawOut, EntryOut, MatchOut, TournamentOut } from './schema.ts';

/**
 * Groups then knockout on the order of play, on both databases: the knockout drawn from the group
 * tables (and drawn again after a correction) gets courts and times at once, after its players'
 * last group match and the rest, in the courts' hours, with nobody on two courts at once across
 * events and no court holding two matches; matches of another event already announced keep their
 * times.
 */
const REST = 20;
const minutes = (iso: string) => Date.parse(iso) / 60_000;

describeEachDatabase('tournament knockout from groups on the order of play', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  let organiser: Client;
  let t: TournamentOut;
  let groupsEvent = '';
  let knockoutEvent = '';

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-10T03:00:00Z'));
    const unit = new Map<string, string>();
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const u = await buildUser(platform, {
      displayName: 'Nguyễn Văn Bốc',
      grants: [{ role: 'office_staff', unitId: unit.get('VP')! }],
    });
    organiser = await signIn(app, u.username, u.password);
    t = await json<TournamentOut>(
      await organiser.post('/api/tournaments', {
        code: 'KS2019',
        name: 'Giải thử lịch vòng loại trực tiếp',
        venue: 'Nhà thi đấu',
        startsOn: '2019-08-15',
        endsOn: '2019-08-16',
        entryDeadline: '2019-07-31',
        restMinutes: REST,
        courts: [
          {
            name: 'Sân 1',
            hours: [
              { day: '2019-08-15', from: '07:30', to: '11:30' },
              { day: '2019-08-15', from: '13:30', to: '17:30' },
            ],
          },
          { name: 'Sân 2', hours: [{ day: '2019-08-15', from: '07:30', to: '17:30' }] },
        ],
      }),
      201,
    );
    const event = async (code: string, format: string, extra: object) =>
      (
        await json<{ id: string }>(
          await organiser.post(`/api/tournaments/${t.id}/events`, {
            code,
            name: code === 'MS' ? 'Đơn nam' : 'Đơn nam mở rộng',
            kind: 'MS',
            format,
            scoring: 'bo3-21',
            entriesPerUnit: 3,
            matchMinutes: 30,
            ...extra,
          }),
          201,
        )
      ).id;
    groupsEvent = await event('MS', 'groups_knockout', { groupCount: 2, qualifiersPerGroup: 2 });
    knockoutEvent = await event('MSO', 'knockout', {});
    const people: string[] = [];
    const codes = ['CS02', 'CS02', 'CS05', 'CS05', 'CS02', 'CS05', 'CS02', 'CS05'];
    for (const [i, code] of codes.entries()) {
      const p = await createPerson(platform, systemCaller(), {
        fullName: `Vận động viên ${i + 1}`,
        gender: 'male',
        birthYear: 1980 + i,
      });
      await addPosition(platform, systemCaller(), p.id, {
        unitId: unit.get(`${code}-DN`)!,
        title: 'Công nhân',
        validFrom: '2015-01-01',
      });
      people.push(p.id);
      const enter = (eventId: string) =>
        organiser.post(`/api/tournaments/${t.id}/entries`, { eventId, unitId: unit.get(code)!, personIds: [p.id] });
      // Six in the groups; four in the other event, two of them in both.
      if (i < 6) await json(await enter(groupsEvent), 201);
      if (i >= 4) await json(await enter(knockoutEvent), 201);
    }
    const { items } = await json<{ items: EntryOut[] }>(await organiser.get(`/api/tournaments/${t.id}/entries`));
    for (const e of items)
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' }));
    clock.set(new Date('2019-08-14T10:00:00Z'));
  }, 120_000);

  type Row = {
    id: string;
    event_id: string;
    stage: string;
    code: string;
    entry_a: string | null;
    entry_b: string | null;
    court_id: string | null;
    planned_start: string | null;
    planned_end: string | null;
    walk_through: number;
  };
  const rows = async (): Promise<Row[]> =>
    (await env()
      .platform.db.selectFrom('tournament_matches as m')
      .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
      .select([
        'm.id',
        'm.event_id',
        'm.stage',
        'm.code',
        'm.entry_a',
        'm.entry_b',
        'm.court_id',
        'm.planned_start',
        'm.planned_end',
        'm.walk_through',
      ])
      .where('ev.tournament_id', '=', t.id)
      .execute()) as Row[];

  /** Every rule of the order of play, over every match with a time; the knockout's matches all have one. */
  async function expectKnockoutPlanned(notBefore: number) {
    const { platform } = env();
    const personOf = new Map<string, string[]>();
    for (const p of await platform.db
      .selectFrom('tournament_entry_players')
      .select(['entry_id', 'person_id'])
      .execute())
      personOf.set(p.entry_id, [...(personOf.get(p.entry_id) ?? []), p.person_id]);
    const courts = await platform.db
      .selectFrom('tournament_courts')
      .select(['id', 'hours_json'])
      .where('tournament_id', '=', t.id)
      .execute();
    const all = await rows();
    const knockout = all.filter((r) => r.event_id === groupsEvent && r.stage === 'knockout' && r.walk_through === 0);
    expect(knockout.length).toBe(3);
    for (const k of knockout) {
      expect(k.court_id, `${k.code} has a court`).not.toBeNull();
      expect(k.planned_start, `${k.code} has a time`).not.toBeNull();
      expect(minutes(k.planned_start!)).toBeGreaterThanOrEqual(notBefore);
    }
    const timed = all
      .filter((r) => r.planned_start && r.court_id)
      .map((r) => ({
        ...r,
        start: minutes(r.planned_start!),
        // As announced: the group matches were played as planned (a correction later stamps finished_at again).
        end: minutes(r.planned_end!),
        people: [r.entry_a, r.entry_b].flatMap((e) => (e ? (personOf.get(e) ?? []) : [])),
      }));
    // In the court's hours.
    for (const m of timed) {
      const hours = JSON.parse(courts.find((c) => c.id === m.court_id)!.hours_json) as {
        day: string;
        from: string;
        to: string;
      }[];
      const inHours = hours.some(
        (h) =>
          m.start >= minutes(`${h.day}T${h.from}:00+07:00`) &&
          minutes(m.planned_end!) <= minutes(`${h.day}T${h.to}:00+07:00`),
      );
      expect(inHours, `${m.code} in its court's hours`).toBe(true);
    }
    for (const [i, a] of timed.entries()) {
      for (const b of timed.slice(i + 1)) {
        const overlap = a.start < b.end && b.start < a.end;
        if (a.court_id === b.court_id) expect(overlap, `${a.code} and ${b.code} on one court`).toBe(false);
        const shared = a.people.some((p) => b.people.includes(p));
        if (!shared) continue;
        expect(overlap, `${a.code} and ${b.code} share a player`).toBe(false);
        // The knockout's matches keep the rest after (and before) every other match of their players.
        if ([a, b].some((x) => x.event_id === groupsEvent && x.stage === 'knockout')) {
          const [first, second] = a.start <= b.start ? [a, b] : [b, a];
          expect(second.start - first.end, `rest between ${first.code} and ${second.code}`).toBeGreaterThanOrEqual(
            REST,
          );
        }
      }
    }
    // The semi-finals' players after their last group match and the rest; the final after the semi-finals.
    const groupEnds = timed.filter((r) => r.event_id === groupsEvent && r.stage === 'group');
    for (const k of timed.filter((r) => r.event_id === groupsEvent && r.stage === 'knockout')) {
      for (const p of k.people) {
        const last = Math.max(...groupEnds.filter((g) => g.people.includes(p)).map((g) => g.end));
        expect(k.start - last, `${k.code} after ${p}'s last group match`).toBeGreaterThanOrEqual(REST);
      }
    }
    const final = timed.find((r) => r.event_id === groupsEvent && r.code === 'R2-1')!;
    for (const semi of timed.filter((r) => r.event_id === groupsEvent && r.stage === 'knockout' && r.code !== 'R2-1'))
      expect(final.start - semi.end).toBeGreaterThanOrEqual(REST);
    return knockout;
  }

  it('puts the knockout drawn from the groups on the courts after the group matches, around the other event', async () => {
    const { clock } = env();
    await json(
      await organiser.post(`/api/tournaments/${t.id}/events/${groupsEvent}/draw`, { randomSeed: 'KS-G' }),
      201,
    );
    await json(
      await organiser.post(`/api/tournaments/${t.id}/events/${knockoutEvent}/draw`, { randomSeed: 'KS-K' }),
      201,
    );
    const planned = await json<{ planned: number; unplaced: number }>(
      await organiser.post(`/api/tournaments/${t.id}/order-of-play`),
    );
    expect(planned.unplaced).toBe(0);
    const before = await rows();
    const otherEvent = new Map(
      before
        .filter((r) => r.event_id === knockoutEvent)
        .map((r) => [r.id, [r.court_id, r.planned_start, r.planned_end]]),
    );
    expect([...otherEvent.values()].filter((v) => v[1] !== null).length).toBe(3);

    const draw = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${groupsEvent}/draw`));
    const place = new Map<string, number>();
    for (const g of draw.groups) for (const [i, e] of g.entries()) place.set(e.entryId, i);
    const timeOf = new Map(before.map((r) => [r.id, r]));
    const groupMatches = draw.matches
      .filter((m) => m.stage === 'group')
      .sort((a, b) => timeOf.get(a.id)!.planned_start!.localeCompare(timeOf.get(b.id)!.planned_start!));
    const result = (m: MatchOut, aWins: boolean) =>
      organiser.post(`/api/tournaments/${t.id}/matches/${m.id}/result`, {
        games: aWins
          ? [
              [21, 10],
              [21, 12],
            ]
          : [
              [10, 21],
              [12, 21],
            ],
      });
    // Each group match played as planned: its result entered when it ends.
    let last = 0;
    for (const m of groupMatches) {
      const ends = timeOf.get(m.id)!.planned_end!;
      clock.set(new Date(ends));
      last = minutes(ends);
      await json(await result(m, place.get(m.sides[0].entryId!)! < place.get(m.sides[1].entryId!)!));
    }
    const knockout = await expectKnockoutPlanned(last);
    // Nothing announced for the other event moved.
    for (const r of await rows())
      if (r.event_id === knockoutEvent)
        expect([r.court_id, r.planned_start, r.planned_end]).toEqual(otherEvent.get(r.id));
    // The order of play and the court board show them.
    const order = await json<{ items: { matchId: string }[]; nextUp: { next: { matchId: string }[] }[] }>(
      await organiser.get(`/api/tournaments/${t.id}/order-of-play`),
    );
    for (const k of knockout) expect(order.items.map((i) => i.matchId)).toContain(k.id);
    expect(order.nextUp.flatMap((c) => c.next.map((n) => n.matchId))).toEqual(
      expect.arrayContaining(knockout.filter((k) => k.entry_a && k.entry_b).map((k) => k.id)),
    );

    // A correction that changes who goes on: the knockout drawn again is planned again, later.
    const third = draw.groups[0][2].entryId;
    const second = draw.groups[0][1].entryId;
    const g1 = groupMatches.find((m) => {
      const sides = new Set([m.sides[0].entryId, m.sides[1].entryId]);
      return sides.has(second) && sides.has(third);
    })!;
    clock.set(new Date((last + 5) * 60_000));
    await json(await result(g1, g1.sides[0].entryId === third));
    const again = await expectKnockoutPlanned(last + 5);
    expect(again.map((k) => k.id)).not.toEqual(knockout.map((k) => k.id));
    // The published log names the groups and the people, never the draw's own keys or a username.
    const made = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${groupsEvent}/draw`));
    const apart = made.log.flatMap((l) => (l.step === 'separate' ? [l] : []));
    expect(apart.length).toBeGreaterThan(0);
    for (const l of apart) {
      expect(l.group === 1 || l.group === 2).toBe(true);
      expect(l.unitName).toBeNull();
    }
    expect(made.drawnBy).toBe('Nguyễn Văn Bốc');
    expect(made.knockoutMadeBy).toBe('Nguyễn Văn Bốc');
    const { platform } = env();
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', groupsEvent)
      .where('action', '=', 'tournament_draw.knockout_redraw')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ planned: 3, unplaced: 0 });
  });

  it('names the units kept apart in a knockout draw’s log', async () => {
    const d = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${knockoutEvent}/draw`));
    const apart = d.log.flatMap((l) => (l.step === 'separate' ? [l] : []));
    expect(apart.length).toBeGreaterThan(0);
    const { platform } = env();
    const units = await platform.db.selectFrom('units').select(['id', 'name', 'short_name']).execute();
    for (const l of apart) {
      const u = units.find((x) => x.id === l.unit)!;
      expect(l.unitName).toBe(u.short_name ?? u.name);
      expect(l.group).toBeNull();
    }
    expect(d.drawnBy).toBe('Nguyễn Văn Bốc');
  });
});
