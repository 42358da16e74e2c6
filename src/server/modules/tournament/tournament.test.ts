import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn, json } from '../../../../test/support/client.ts';
import { systemCaller } from '../organisation/access.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { DrawOut, EntryOut, MatchOut, TournamentOut } from './schema.ts';

/**
 * The tournament end to end on both databases: set-up by the organisers, entries by two units for
 * their own workers (refused for someone else's, for the wrong category, over the limit), confirm
 * and return, a reproducible draw, results checked by Law 7, the knockout carried on, corrections
 * until the next round is played, an umpire scoring only the match assigned.
 */
describeEachDatabase('tournament', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  const people = new Map<string, string>();
  let organiser: Client;
  let cs02: Client;
  let cs05: Client;
  let umpire: Client;
  let umpireId = '';
  let t: TournamentOut;
  let singlesId = '';

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-10T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    // Workers of two enterprises (not Party members: the seed widens who may take part).
    const worker = async (key: string, unitCode: string, gender: 'male' | 'female', birthYear: number) => {
      const p = await createPerson(platform, systemCaller(), { fullName: `Công nhân ${key}`, gender, birthYear });
      await addPosition(platform, systemCaller(), p.id, {
        unitId: unit.get(unitCode)!,
        title: 'Công nhân',
        validFrom: '2015-01-01',
      });
      people.set(key, p.id);
    };
    for (const [k, g, y] of [
      ['A1', 'male', 1980],
      ['A2', 'male', 1990],
      ['A3', 'male', 1985],
      ['A4', 'female', 1992],
    ] as const)
      await worker(k, 'CS02-DN', g, y);
    for (const [k, g, y] of [
      ['B1', 'male', 1975],
      ['B2', 'male', 1995],
      ['B3', 'male', 1982],
    ] as const)
      await worker(k, 'CS05-DN', g, y);
    const as = async (role: 'office_staff' | 'unit_officer' | 'umpire', code: string, displayName?: string) => {
      const u = await buildUser(platform, { displayName, grants: [{ role, unitId: unit.get(code)! }] });
      return { client: await signIn(app, u.username, u.password), id: u.id };
    };
    organiser = (await as('office_staff', 'VP', 'Lê Thị Hồng Nhung')).client;
    cs02 = (await as('unit_officer', 'CS02')).client;
    cs05 = (await as('unit_officer', 'CS05')).client;
    const u = await as('umpire', 'CCB');
    umpire = u.client;
    umpireId = u.id;
  }, 90_000);

  it('sets up the tournament with its courts and events, and refuses bad dates', async () => {
    const input = {
      code: 'CL2019',
      name: 'Giải cầu lông công nhân Khối Doanh nghiệp tỉnh 2019',
      venue: 'Nhà thi đấu tỉnh Thái Bình',
      startsOn: '2019-08-15',
      endsOn: '2019-08-17',
      entryDeadline: '2019-07-31',
      courts: [1, 2, 3, 4].map((n) => ({
        name: `Sân ${n}`,
        hours: ['2019-08-15', '2019-08-16', '2019-08-17'].map((day) => ({ day, from: '07:30', to: '11:30' })),
      })),
    };
    const bad = await organiser.post('/api/tournaments', { ...input, entryDeadline: '2019-08-20' });
    expect(bad.status).toBe(400);
    expect(await cs02.post('/api/tournaments', input).then((r) => r.status)).toBe(403);
    t = await json<TournamentOut>(await organiser.post('/api/tournaments', input), 201);
    expect(t.courts).toHaveLength(4);
    const ms = await json<{ id: string }>(
      await organiser.post(`/api/tournaments/${t.id}/events`, {
        code: 'MS',
        name: 'Đơn nam',
        kind: 'MS',
        format: 'knockout',
      }),
      201,
    );
    singlesId = ms.id;
    await json(
      await organiser.post(`/api/tournaments/${t.id}/events`, {
        code: 'MS35',
        name: 'Đơn nam trên 35 tuổi',
        kind: 'MS',
        format: 'knockout',
        category: { kind: 'over', age: 35 },
      }),
      201,
    );
    const again = await organiser.post(`/api/tournaments/${t.id}/events`, {
      code: 'MS',
      name: 'x',
      kind: 'MS',
      format: 'knockout',
    });
    expect(again.status).toBe(409);
  });

  it('takes a unit’s entries for its own workers only, within the rules', async () => {
    const enter = (c: Client, unitCode: string, keys: string[], eventId = singlesId) =>
      c.post(`/api/tournaments/${t.id}/entries`, {
        eventId,
        unitId: unit.get(unitCode)!,
        personIds: keys.map((k) => people.get(k)!),
      });
    // Someone else's worker, someone else's unit.
    const foreign = await enter(cs02, 'CS02', ['B1']);
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(await foreign.json())).toContain('không có chức danh hiện hành');
    expect((await enter(cs02, 'CS05', ['B1'])).status).toBe(403);
    // A woman in men's singles; someone born after 1984 in the over-35s.
    expect((await enter(cs02, 'CS02', ['A4'])).status).toBe(400);
    const current = await json<TournamentOut>(await organiser.get(`/api/tournaments/${t.id}`));
    const ms35 = current.events.find((e) => e.code === 'MS35')!;
    const young = await enter(cs02, 'CS02', ['A2'], ms35.id);
    expect(JSON.stringify(await young.json())).toContain('1984');
    for (const k of ['A1', 'A2']) await json(await enter(cs02, 'CS02', [k]), 201);
    // Two per unit in the event.
    const third = await enter(cs02, 'CS02', ['A3']);
    expect(third.status).toBe(400);
    expect(JSON.stringify(await third.json())).toContain('at most 2 entries');
    for (const k of ['B1', 'B2', 'B3']) {
      const r = await enter(cs05, 'CS05', [k]);
      if (k === 'B3') expect(r.status).toBe(400);
      else await json(r, 201);
    }
  });

  it('confirms and returns entries with a reason, then draws reproducibly', async () => {
    const { items } = await json<{ items: EntryOut[] }>(
      await organiser.get(`/api/tournaments/${t.id}/entries?eventId=${singlesId}`),
    );
    expect(items).toHaveLength(4);
    const noReason = await organiser.post(`/api/tournaments/${t.id}/entries/${items[3].id}/decision`, {
      decision: 'return',
    });
    expect(noReason.status).toBe(400);
    for (const [i, e] of items.entries()) {
      const body = i === 0 ? { decision: 'confirm', seed: 1 } : { decision: 'confirm' };
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, body));
    }
    expect((await cs02.post(`/api/tournaments/${t.id}/events/${singlesId}/draw`, {})).status).toBe(403);
    const d1 = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${singlesId}/draw`, { randomSeed: 'CL2019-MS' }),
      201,
    );
    expect(d1.size).toBe(4);
    expect(d1.positions[0].entryId).toBe(items[0].id);
    expect(d1.randomSeed).toBe('CL2019-MS');
    // The two of one unit meet only in the final.
    const half = (id: string) => Math.floor(d1.positions.findIndex((p) => p.entryId === id) / 2);
    expect(half(items[0].id)).not.toBe(half(items[1].id));
    const d2 = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${singlesId}/draw`, { randomSeed: 'CL2019-MS' }),
      201,
    );
    expect(d2.version).toBe(2);
    expect(d2.positions).toEqual(d1.positions);
    // who drew, by the name people know (not the account's username)
    expect(d2.drawnBy).toBe('Lê Thị Hồng Nhung');
    expect(d2.matches.filter((m) => m.round === 1)).toHaveLength(2);
    // Entries are fixed once drawn.
    const late = await cs02.post(`/api/tournaments/${t.id}/entries`, {
      eventId: singlesId,
      unitId: unit.get('CS02')!,
      personIds: [people.get('A3')!],
    });
    expect(late.status).toBe(409);
  });

  it('works out the order of play on the courts and shows how wide the entries reach', async () => {
    const planned = await json<{ planned: number; unplaced: number; items: { start: string; court: string }[] }>(
      await organiser.post(`/api/tournaments/${t.id}/order-of-play`, {}),
    );
    // Two first-round matches (the final waits for them).
    expect(planned.planned).toBe(3);
    expect(planned.unplaced).toBe(0);
    // The courts open at 07:30 Vietnam time on 15/8/2019.
    expect(planned.items[0].start).toBe('2019-08-15T00:30:00.000Z');
    const first = planned.items.filter((i) => i.start === planned.items[0].start);
    expect(new Set(first.map((i) => i.court)).size).toBe(first.length);
    const p = await json<{ players: number; units: { entries: number }[]; gender: { male: number } }>(
      await cs05.get(`/api/tournaments/${t.id}/participation`),
    );
    expect(p.players).toBe(4);
    expect(p.units.map((u) => u.entries)).toEqual([2, 2]);
    expect(p.gender.male).toBe(4);
    expect((await cs05.post(`/api/tournaments/${t.id}/order-of-play`, {})).status).toBe(403);
  });

  it('records results by Law 7, carries winners on, and lets corrections in only before the next round', async () => {
    const { platform } = env();
    const draw = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${singlesId}/draw`));
    const [m1, m2] = draw.matches.filter((m) => m.round === 1);
    const final = draw.matches.find((m) => m.round === 2)!;
    const result = (c: Client, m: MatchOut, body: unknown) =>
      c.post(`/api/tournaments/${t.id}/matches/${m.id}/result`, body);
    const impossible = await result(organiser, m1, {
      games: [
        [21, 15],
        [22, 21],
      ],
    });
    expect(impossible.status).toBe(400);
    expect(JSON.stringify(await impossible.json())).toContain('Game 2');
    expect(
      (
        await result(organiser, final, {
          games: [
            [21, 15],
            [21, 15],
          ],
        })
      ).status,
    ).toBe(409);
    // The umpire scores only what is assigned.
    expect(
      (
        await result(umpire, m1, {
          games: [
            [21, 15],
            [21, 15],
          ],
        })
      ).status,
    ).toBe(403);
    await platform.db
      .updateTable('tournament_matches')
      .set({ umpire_user_id: umpireId })
      .where('id', '=', m1.id)
      .execute();
    const done = await json<MatchOut>(
      await result(umpire, m1, {
        games: [
          [21, 15],
          [19, 21],
          [21, 18],
        ],
      }),
    );
    expect(done.winner).toBe('a');
    await json(await result(organiser, m2, { games: [], outcome: 'walkover', winner: 'b' }));
    let after = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${singlesId}/draw`));
    let f = after.matches.find((m) => m.id === final.id)!;
    expect(f.sides.map((s) => s.entryId)).toEqual([m1.sides[0].entryId, m2.sides[1].entryId]);
    // A correction re-propagates while the final is unplayed.
    await json(
      await result(organiser, m1, {
        games: [
          [15, 21],
          [15, 21],
        ],
      }),
    );
    after = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${singlesId}/draw`));
    f = after.matches.find((m) => m.id === final.id)!;
    expect(f.sides[0].entryId).toBe(m1.sides[1].entryId);
    await json(
      await result(organiser, f, {
        games: [
          [28, 30],
          [21, 10],
          [30, 29],
        ],
      }),
    );
    expect(
      (
        await result(organiser, m1, {
          games: [
            [21, 15],
            [21, 15],
          ],
        })
      ).status,
    ).toBe(409);
    expect((await organiser.post(`/api/tournaments/${t.id}/events/${singlesId}/draw`, {})).status).toBe(409);
    const st = await json<{ medals: { gold: string | null; silver: string | null; bronze: string[] } }>(
      await organiser.get(`/api/tournaments/${t.id}/events/${singlesId}/standings`),
    );
    expect(st.medals.gold).toBe(f.sides[0].label);
    expect(st.medals.bronze).toHaveLength(2);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'tournament%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['tournament.create', 'tournament_draw.redraw', 'tournament_match.correct']),
    );
  });
});
