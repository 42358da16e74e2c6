import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn, json } from '../../../../test/support/client.ts';
import { systemCaller } from '../organisation/access.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { DrawOut, EntryOut, MatchOut, TournamentOut } from './schema.ts';
import type { UmpireMatchOut } from './umpireSchema.ts';

/**
 * Team events end to end on both databases (ADR 35): the tie format checked at set-up, a unit's
 * roster of its own workers within the limits, the captains' line-ups refused with the rule broken,
 * rubbers scored by Law 7 until a team has three, a group of three teams level on ties won ranked by
 * rubbers then head-to-head, a tie's walkover, and who may do what.
 */
describeEachDatabase('tournament team events', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  const people = new Map<string, string>();
  const client = new Map<string, Client>();
  let organiser: Client;
  let umpire: Client;
  let umpireId = '';
  let t: TournamentOut;
  let teamId = '';
  let cupId = '';
  const teams = new Map<string, string>();
  let ties: MatchOut[] = [];
  const format = {
    rubbers: ['MS', 'WS', 'MD', 'XD', 'MS'],
    playAll: false,
    playerRubbers: 'singles_and_doubles',
    rosterMin: 4,
    rosterMax: 6,
  };

  const problem = async (res: Response, status: number) => {
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(status);
    return JSON.stringify(body);
  };
  const ids = (keys: string[]) => keys.map((k) => people.get(k)!);
  /** Three men and a woman, workers of the unit's enterprise: `CS02.M1`… */
  const hire = async (code: string) => {
    const { platform } = env();
    for (const [k, gender] of [
      ['M1', 'male'],
      ['M2', 'male'],
      ['M3', 'male'],
      ['W1', 'female'],
    ] as const) {
      const p = await createPerson(platform, systemCaller(), {
        fullName: `Công nhân ${code} ${k}`,
        gender,
        birthYear: 1985,
      });
      await addPosition(platform, systemCaller(), p.id, {
        unitId: unit.get(`${code}-DN`)!,
        title: 'Công nhân',
        validFrom: '2015-01-01',
      });
      people.set(`${code}.${k}`, p.id);
    }
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-10T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    for (const code of ['CS02', 'CS05', 'CS07']) await hire(code);
    const as = async (role: 'office_staff' | 'unit_officer' | 'umpire', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return { client: await signIn(app, u.username, u.password), id: u.id };
    };
    organiser = (await as('office_staff', 'VP')).client;
    for (const code of ['CS02', 'CS05', 'CS07']) client.set(code, (await as('unit_officer', code)).client);
    const u = await as('umpire', 'CCB');
    umpire = u.client;
    umpireId = u.id;
    t = await json<TournamentOut>(
      await organiser.post('/api/tournaments', {
        code: 'CL2019T',
        name: 'Giải cầu lông đồng đội',
        venue: 'Nhà thi đấu tỉnh',
        startsOn: '2019-08-15',
        endsOn: '2019-08-16',
        entryDeadline: '2019-07-31',
        courts: [{ name: 'Sân 1', hours: [{ day: '2019-08-15', from: '07:30', to: '17:00' }] }],
      }),
      201,
    );
  }, 90_000);

  it('sets up a team event with its tie format, and refuses a format that cannot be played', async () => {
    const add = (body: object) =>
      organiser.post(`/api/tournaments/${t.id}/events`, {
        code: 'TEAM',
        name: 'Đồng đội',
        kind: 'TEAM',
        format: 'groups',
        groupCount: 1,
        ...body,
      });
    expect(await problem(await add({}), 400)).toContain('"path":"tieFormat"');
    const even = await problem(await add({ tieFormat: { ...format, rubbers: ['MS', 'WS', 'MD', 'XD'] } }), 400);
    expect(even).toContain('"path":"tieFormat.rubbers"');
    expect(even).toContain('số trận lẻ');
    expect(await problem(await add({ tieFormat: { ...format, playerRubbers: 'one', rosterMax: 6 } }), 400)).toContain(
      'A team needs at least 7 players to fill every rubber of a tie.',
    );
    expect(await problem(await add({ kind: 'MS', tieFormat: format }), 400)).toContain('Only a team event');
    expect((await client.get('CS02')!.post(`/api/tournaments/${t.id}/events`, {})).status).toBe(403);
    const team = await json<TournamentOut['events'][number]>(await add({ tieFormat: format, entriesPerUnit: 1 }), 201);
    expect(team.tieFormat).toEqual(format);
    expect(team.kindLabel.vi).toBe('Đồng đội');
    teamId = team.id;
    const cup = await json<{ id: string }>(
      await add({ code: 'CUP', name: 'Cúp đồng đội', format: 'knockout', groupCount: null, tieFormat: format }),
      201,
    );
    cupId = cup.id;
  });

  it('takes a unit’s team of its own workers only, within the roster limits and one team per unit', async () => {
    const enter = (code: string, forUnit: string, keys: string[], eventId = teamId) =>
      client
        .get(code)!
        .post(`/api/tournaments/${t.id}/entries`, { eventId, unitId: unit.get(forUnit)!, personIds: ids(keys) });
    const foreign = await problem(await enter('CS02', 'CS02', ['CS02.M1', 'CS02.M2', 'CS02.M3', 'CS05.W1']), 400);
    expect(foreign).toContain('Công nhân CS05 W1 không có chức danh hiện hành ở đơn vị đăng ký.');
    expect((await enter('CS02', 'CS05', ['CS05.M1', 'CS05.M2', 'CS05.M3', 'CS05.W1'])).status).toBe(403);
    expect(await problem(await enter('CS02', 'CS02', ['CS02.M1', 'CS02.M2', 'CS02.W1']), 400)).toContain(
      'A team needs at least 4 players.',
    );
    for (const code of ['CS02', 'CS05', 'CS07']) {
      const e = await json<EntryOut>(
        await enter(code, code, [`${code}.M1`, `${code}.M2`, `${code}.M3`, `${code}.W1`]),
        201,
      );
      teams.set(code, e.id);
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' }));
    }
    expect(await problem(await enter('CS02', 'CS02', ['CS02.M1', 'CS02.M2', 'CS02.M3', 'CS02.W1']), 400)).toContain(
      'at most 1 entries',
    );
    for (const code of ['CS02', 'CS05']) {
      const e = await json<EntryOut>(
        await enter(code, code, [`${code}.M1`, `${code}.M2`, `${code}.M3`, `${code}.W1`], cupId),
        201,
      );
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' }));
    }
  });

  const lineupOf = (code: string) => [
    [`${code}.M1`],
    [`${code}.W1`],
    [`${code}.M2`, `${code}.M3`],
    [`${code}.M1`, `${code}.W1`],
    [`${code}.M2`],
  ];
  const sideOf = (m: MatchOut, code: string) => (m.sides[0].entryId === teams.get(code) ? 'a' : 'b');
  const lineup = (c: Client, m: MatchOut, code: string, keys = lineupOf(code)) =>
    c.put(`/api/tournaments/${t.id}/matches/${m.id}/lineup`, { side: sideOf(m, code), rubbers: keys.map(ids) });
  const rubber = (c: Client, m: MatchOut, n: number, winner: 'a' | 'b', games?: [number, number][]) =>
    c.post(`/api/tournaments/${t.id}/matches/${m.id}/rubbers/${n}/result`, {
      games:
        games ??
        (winner === 'a'
          ? [
              [21, 15],
              [21, 17],
            ]
          : [
              [15, 21],
              [17, 21],
            ]),
    });
  const tieOf = (a: string, b: string) =>
    ties.find(
      (m) =>
        new Set(m.sides.map((s) => s.entryId)).has(teams.get(a)!) && m.sides.some((s) => s.entryId === teams.get(b)),
    )!;

  it('draws the teams into a group of ties and takes each captain’s line-up by the rules', async () => {
    const d = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${teamId}/draw`, { randomSeed: 'đồng đội' }),
      201,
    );
    ties = d.matches;
    expect(ties).toHaveLength(3);
    expect(d.groups[0]).toHaveLength(3);
    expect(ties[0].tie).toMatchObject({ needed: 3, score: [0, 0], lineupIn: [false, false] });
    expect(ties[0].tie!.rubbers.map((r) => r.label.en)).toEqual([
      "Men's singles 1",
      "Women's singles",
      "Men's doubles",
      'Mixed doubles',
      "Men's singles 2",
    ]);
    const m = tieOf('CS02', 'CS05');
    // Another unit's side, another unit's player, a player in two singles, a woman in the men's doubles, a rubber short.
    expect((await lineup(client.get('CS02')!, m, 'CS05')).status).toBe(403);
    const wrong = lineupOf('CS02');
    expect(
      await problem(await lineup(client.get('CS02')!, m, 'CS02', [...wrong.slice(0, 4), ['CS05.M2']]), 400),
    ).toContain("Men's singles 2: a player is not on the team’s roster.");
    expect(
      await problem(await lineup(client.get('CS02')!, m, 'CS02', [...wrong.slice(0, 4), ['CS02.M1']]), 400),
    ).toContain('Công nhân CS02 M1 chỉ được đánh tối đa một trận đơn và một trận đôi trong một lượt.');
    const swapped = [wrong[0], wrong[1], ['CS02.M2', 'CS02.W1'], ['CS02.M1', 'CS02.M3'], wrong[4]];
    const genders = await problem(await lineup(client.get('CS02')!, m, 'CS02', swapped), 400);
    expect(genders).toContain('"path":"rubbers.2"');
    expect(genders).toContain("Men's doubles: the players’ genders do not fit the discipline.");
    expect(await problem(await lineup(client.get('CS02')!, m, 'CS02', wrong.slice(0, 4)), 400)).toContain(
      'All 5 rubbers of the tie need players.',
    );
    // No rubber before both line-ups; the line-ups hidden until both are in.
    await json(await lineup(client.get('CS02')!, m, 'CS02'));
    expect(await problem(await rubber(organiser, m, 1, 'a'), 409)).toContain('LINEUP_MISSING');
    const both = await json<MatchOut>(await lineup(client.get('CS05')!, m, 'CS05'));
    expect(both.tie!.lineupIn).toEqual([true, true]);
    expect(both.tie!.rubbers[0].players[sideOf(m, 'CS02') === 'a' ? 0 : 1][0].name).toBe('Công nhân CS02 M1');
    expect(both.tie!.rubbers.every((r) => r.status === 'ready')).toBe(true);
  });

  it('scores rubbers by Law 7 and decides the tie when a team has three; the rest are not played', async () => {
    const m = tieOf('CS02', 'CS05');
    const cs02 = sideOf(m, 'CS02');
    const cs05 = cs02 === 'a' ? 'b' : 'a';
    // Only the umpire assigned or the organisers score; a unit never does.
    expect((await rubber(client.get('CS02')!, m, 1, cs02)).status).toBe(403);
    expect((await rubber(umpire, m, 1, cs02)).status).toBe(403);
    await json(await organiser.put(`/api/tournaments/${t.id}/matches/${m.id}/umpire`, { userId: umpireId }));
    expect(
      await problem(
        await rubber(umpire, m, 1, cs02, [
          [22, 21],
          [21, 10],
        ]),
        400,
      ),
    ).toContain('"path":"games.0"');
    // CS02 wins rubbers 1, 3 and 5; CS05 rubbers 2 and 4: the tie goes to the fifth.
    for (const [n, w] of [
      [1, cs02],
      [2, cs05],
      [3, cs02],
      [4, cs05],
    ] as const)
      await json(await rubber(umpire, m, n, w));
    const open = await json<MatchOut>(await rubber(umpire, m, 5, cs02));
    expect(open.winner).toBe(cs02);
    expect(open.status).toBe('finished');
    expect(open.tie!.score).toEqual(cs02 === 'a' ? [3, 2] : [2, 3]);
    expect(open.games).toEqual([open.tie!.score]);
    // The line-up is fixed once play starts; the umpire cannot correct, the organisers can.
    expect(await problem(await lineup(client.get('CS02')!, m, 'CS02'), 409)).toContain('TIE_STARTED');
    expect((await rubber(umpire, m, 5, cs02)).status).toBe(409);
    // A tie is not a match: no score on the tie itself, no rally-by-rally scoring.
    expect(
      await problem(
        await organiser.post(`/api/tournaments/${t.id}/matches/${m.id}/result`, {
          games: [
            [21, 10],
            [21, 10],
          ],
        }),
        409,
      ),
    ).toContain('TIE_BY_RUBBERS');

    // CS05 beats CS07 3–0: the last two rubbers are not played.
    const n = tieOf('CS05', 'CS07');
    await json(await lineup(organiser, n, 'CS05'));
    await json(await lineup(organiser, n, 'CS07'));
    const s = sideOf(n, 'CS05');
    for (const k of [1, 2]) await json(await rubber(organiser, n, k, s));
    const decided = await json<MatchOut>(await rubber(organiser, n, 3, s));
    expect(decided.winner).toBe(s);
    expect(decided.tie!.rubbers.map((r) => r.status)).toEqual([
      'finished',
      'finished',
      'finished',
      'not_needed',
      'not_needed',
    ]);
    expect(await problem(await rubber(organiser, n, 4, s), 409)).toContain('TIE_DECIDED');
  });

  it('ranks three teams level on ties won by rubbers difference, then the two left by their tie', async () => {
    // CS07 beats CS02 3–1: each team has won one tie. Rubbers: CS02 +1 −2 = −1, CS05 −1 +3 = +2, CS07 −3 +2 = −1.
    const m = tieOf('CS07', 'CS02');
    await json(await lineup(organiser, m, 'CS07'));
    await json(await lineup(organiser, m, 'CS02'));
    const w = sideOf(m, 'CS07');
    const l = w === 'a' ? 'b' : 'a';
    for (const [k, side] of [
      [1, w],
      [2, l],
      [3, w],
    ] as const)
      await json(await rubber(organiser, m, k, side));
    await json(await rubber(organiser, m, 4, w));
    const st = await json<{
      groups: { ranking: { entryId: string; label: string; team: { ties: number[]; rubbers: number[] } }[] }[];
      medals: { gold: string | null; silver: string | null; bronze: string[] };
    }>(await organiser.get(`/api/tournaments/${t.id}/events/${teamId}/standings`));
    const order = st.groups[0].ranking.map((r) => [...teams].find(([, id]) => id === r.entryId)![0]);
    // CS07 and CS02 are level on −1: CS07 won their tie.
    expect(order).toEqual(['CS05', 'CS07', 'CS02']);
    expect(st.groups[0].ranking[0].team).toMatchObject({ ties: [1, 1], rubbers: [5, 3] });
    expect(st.groups[0].ranking[2].team).toMatchObject({ ties: [1, 1], rubbers: [4, 5] });
    expect(st.medals.gold).toBe(st.groups[0].ranking[0].label);
  });

  it('records a team’s walkover on the tie; the other team takes the cup', async () => {
    const d = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${cupId}/draw`, { randomSeed: 'cúp' }),
      201,
    );
    const final = d.matches.find((m) => !m.walkThrough)!;
    expect(
      await problem(
        await organiser.post(`/api/tournaments/${t.id}/matches/${final.id}/result`, {
          outcome: 'retired',
          winner: 'a',
          games: [],
        }),
        409,
      ),
    ).toContain('TIE_BY_RUBBERS');
    const done = await json<MatchOut>(
      await organiser.post(`/api/tournaments/${t.id}/matches/${final.id}/result`, {
        games: [],
        outcome: 'walkover',
        winner: 'b',
      }),
    );
    expect(done).toMatchObject({ outcome: 'walkover', winner: 'b', status: 'finished' });
    expect(done.tie!.rubbers.every((r) => r.status === 'not_needed')).toBe(true);
    expect(await problem(await rubber(organiser, final, 1, 'a'), 409)).toContain('TIE_WALKOVER');
    const st = await json<{ medals: { gold: string | null; silver: string | null } }>(
      await organiser.get(`/api/tournaments/${t.id}/events/${cupId}/standings`),
    );
    expect(st.medals.gold).toBe(final.sides[1].label);
    expect(st.medals.silver).toBe(final.sides[0].label);
    // The public page shows the ties with their rubbers.
    const { app } = env();
    const page = await app.request('/giai-dau/CL2019T');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Đơn nam 1');
    expect(html).toContain('Công nhân CS02 M1');
  });

  it('scores a rubber point by point on the umpire’s phone, then the next, until the tie is decided', async () => {
    const { platform, app } = env();
    const ev = await json<{ id: string }>(
      await organiser.post(`/api/tournaments/${t.id}/events`, {
        code: 'PHONE',
        name: 'Đồng đội (trọng tài)',
        kind: 'TEAM',
        format: 'knockout',
        tieFormat: format,
      }),
      201,
    );
    // Two more units' teams (the first three's players are in two events already, the most allowed).
    for (const code of ['CS03', 'CS04']) {
      await hire(code);
      const e = await json<EntryOut>(
        await organiser.post(`/api/tournaments/${t.id}/entries`, {
          eventId: ev.id,
          unitId: unit.get(code)!,
          personIds: ids([`${code}.M1`, `${code}.M2`, `${code}.M3`, `${code}.W1`]),
        }),
        201,
      );
      teams.set(`${code}.phone`, e.id);
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' }));
    }
    const d = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${ev.id}/draw`, { randomSeed: 'còi' }),
      201,
    );
    const m = d.matches.find((x) => !x.walkThrough)!;
    const a = m.sides[0].entryId === teams.get('CS03.phone') ? 'CS03' : 'CS04';
    const b = a === 'CS03' ? 'CS04' : 'CS03';
    const rallies = `/api/tournaments/${t.id}/matches/${m.id}/rallies`;
    const rubberPath = (n: number) => `/api/tournaments/${t.id}/matches/${m.id}/rubbers/${n}/rallies`;
    // Before the line-ups: no rubber to play, nothing to score.
    const waiting = await json<UmpireMatchOut>(await umpire.get(rallies));
    expect(waiting).toMatchObject({ rubber: null, mayScore: false, ops: [] });
    expect(waiting.tie!.rubbers.every((r) => r.status === 'waiting')).toBe(true);
    await json(
      await organiser.put(`/api/tournaments/${t.id}/matches/${m.id}/lineup`, {
        side: 'a',
        rubbers: lineupOf(a).map(ids),
      }),
    );
    await json(
      await organiser.put(`/api/tournaments/${t.id}/matches/${m.id}/lineup`, {
        side: 'b',
        rubbers: lineupOf(b).map(ids),
      }),
    );
    let n = 0;
    const op = (seq: number, body: object) => ({ id: `phone-${kind}-${++n}`, seq, ...body });
    const start = op(1, { kind: 'start', start: { server: 0, leftEnd: 0 } });
    // Only the tie's umpire (or the organisers): not yet assigned, then another umpire.
    expect((await umpire.post(rubberPath(1), { ops: [start] })).status).toBe(403);
    await json(await organiser.put(`/api/tournaments/${t.id}/matches/${m.id}/umpire`, { userId: umpireId }));
    const other = await buildUser(platform, { grants: [{ role: 'umpire', unitId: unit.get('CCB')! }] });
    const otherUmpire = await signIn(app, other.username, other.password);
    expect((await otherUmpire.post(rubberPath(1), { ops: [start] })).status).toBe(403);
    // A tie is scored rubber by rubber; the phone opens on the next rubber, with its players by name.
    expect(await problem(await umpire.post(rallies, { ops: [start] }), 409)).toContain('TIE_BY_RUBBERS');
    const first = await json<UmpireMatchOut>(await umpire.get(rallies));
    expect(first).toMatchObject({ rubber: 1, mayScore: true, state: null });
    expect(first.sides.map((s) => s.players.map((p) => p.name))).toEqual([
      [`Công nhân ${a} M1`],
      [`Công nhân ${b} M1`],
    ]);
    expect(first.sides[0].label).toContain(`Công nhân ${a} M1 (`);
    // Points, an undo: the score as the Laws say, server and receiver by name.
    const opening = [start, op(2, { kind: 'point', side: 0 }), op(3, { kind: 'point', side: 1 })];
    const undo = op(4, { kind: 'undo' });
    const after = await json<UmpireMatchOut>(await umpire.post(rubberPath(1), { ops: [...opening, undo] }));
    expect(after.state).toMatchObject({ score: [1, 0], games: [] });
    expect(after.state!.server).toMatchObject({ side: 0, player: people.get(`${a}.M1`) });
    // The same batch again (an answer lost): nothing doubled.
    const again = await json<UmpireMatchOut>(await umpire.post(rubberPath(1), { ops: [...opening, undo] }));
    expect(again.ops).toHaveLength(4);
    expect(again.state!.score).toEqual([1, 0]);
    const stored = await platform.db
      .selectFrom('tournament_rallies')
      .select(['rubber'])
      .where('match_id', '=', m.id)
      .execute();
    expect(stored.map((r) => r.rubber)).toEqual([1, 1, 1, 1]);
    // Not over yet: no result from the points.
    expect(await problem(await umpire.post(`${rubberPath(1)}/finish`, {}), 409)).toContain('MATCH_NOT_OVER');
    // Side a takes the rubber 21-0, 21-0 (one point already): 41 points more.
    const points = Array.from({ length: 41 }, (_, i) => op(5 + i, { kind: 'point', side: 0 }));
    const won = await json<UmpireMatchOut>(await umpire.post(rubberPath(1), { ops: points }));
    expect(won.state).toMatchObject({
      winner: 0,
      games: [
        [21, 0],
        [21, 0],
      ],
    });
    const tie = await json<MatchOut>(await umpire.post(`${rubberPath(1)}/finish`, {}));
    expect(tie.tie!.score).toEqual([1, 0]);
    expect(tie.tie!.rubbers[0]).toMatchObject({
      status: 'finished',
      winner: 'a',
      games: [
        [21, 0],
        [21, 0],
      ],
    });
    expect(tie.winner).toBeNull();
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', m.id)
      .where('action', '=', 'tournament_tie.rubber')
      .execute();
    expect(audit).toHaveLength(1);
    // The rubber is closed to points; the phone moves on to the second.
    expect(
      await problem(await umpire.post(rubberPath(1), { ops: [op(46, { kind: 'point', side: 0 })] }), 409),
    ).toContain('RESULT_RECORDED');
    const second = await json<UmpireMatchOut>(await umpire.get(rallies));
    expect(second).toMatchObject({ rubber: 2, mayScore: true, ops: [] });
    expect(second.sides[0].players[0].name).toBe(`Công nhân ${a} W1`);
    // Rubbers 2 and 3 to side a: the tie is decided 3–0, rubber 4 is refused, the phone shows the tie alone.
    for (const k of [2, 3])
      await json(
        await umpire.post(`/api/tournaments/${t.id}/matches/${m.id}/rubbers/${k}/result`, {
          games: [
            [21, 15],
            [21, 17],
          ],
        }),
      );
    const fourth = op(1, { kind: 'start', start: { server: 0, leftEnd: 0 } });
    expect(await problem(await umpire.post(rubberPath(4), { ops: [fourth] }), 409)).toContain('TIE_DECIDED');
    const done = await json<UmpireMatchOut>(await umpire.get(rallies));
    expect(done).toMatchObject({ rubber: null, finished: true, mayScore: false });
    expect(done.tie!.score).toEqual([3, 0]);
    expect((await json<UmpireMatchOut>(await umpire.get(rubberPath(4)))).mayScore).toBe(false);
    // A rubber on a match that is not a tie is refused.
    const single = ties.find((x) => x.id !== m.id)!;
    expect((await umpire.get(`/api/tournaments/${t.id}/matches/${single.id}/rubbers/9/rallies`)).status).toBe(404);
  });
});
