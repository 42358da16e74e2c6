import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous, type Client, signIn, json } from '../../../../test/support/client.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { systemCaller } from '../organisation/access.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { DrawOut, EntryOut, MatchOut, TournamentOut } from './schema.ts';
import type { UmpireMatchOut } from './umpireSchema.ts';
import { pointCost } from './umpire.ts';
import { type UmpireOp, umpireState } from '../../../common/tournament/umpire.ts';
import { scoringRules } from '../../../common/tournament/scoring.ts';

/**
 * The umpire's phone on both databases: only the umpire assigned (and the organisers) score; the
 * phone's entries are stored once however often they are sent (again, overlapping, at the same
 * time), a number taken by another phone or a gap is refused, the Laws refuse a point after the
 * match; each point is announced live with the score; the finished log becomes the result.
 */
describeEachDatabase('tournament umpire', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  let organiser: Client;
  let officer: Client;
  let umpire: Client;
  let otherUmpire: Client;
  let umpireId = '';
  let t: TournamentOut;
  let match: MatchOut;
  let path = '';

  let counter = 0;
  const op = (seq: number, body: object) => ({ id: `op-${kind}-${++counter}-${seq}`, seq, ...body });
  const stored = async () =>
    Number(
      (
        await env()
          .platform.db.selectFrom('tournament_rallies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('match_id', '=', match.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-08-15T01:00:00Z'));
    await organisationDemo.load(platform);
    const unit = new Map<string, string>();
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const people: string[] = [];
    for (const [name, code] of [
      ['Trần Văn Giao', 'CS02-DN'],
      ['Lê Văn Nhận', 'CS05-DN'],
    ]) {
      const p = await createPerson(platform, systemCaller(), { fullName: name, gender: 'male', birthYear: 1985 });
      await addPosition(platform, systemCaller(), p.id, {
        unitId: unit.get(code)!,
        title: 'Công nhân',
        validFrom: '2015-01-01',
      });
      people.push(p.id);
    }
    const as = async (role: 'office_staff' | 'unit_officer' | 'umpire', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return { client: await signIn(app, u.username, u.password), id: u.id };
    };
    organiser = (await as('office_staff', 'VP')).client;
    officer = (await as('unit_officer', 'CS02')).client;
    const u = await as('umpire', 'CCB');
    umpire = u.client;
    umpireId = u.id;
    otherUmpire = (await as('umpire', 'CCB')).client;
    // Entries are made before the deadline, then play starts.
    clock.set(new Date('2019-07-10T03:00:00Z'));
    t = await json<TournamentOut>(
      await organiser.post('/api/tournaments', {
        code: 'TT2019',
        name: 'Giải thử trọng tài',
        venue: 'Nhà thi đấu',
        startsOn: '2019-08-15',
        endsOn: '2019-08-15',
        entryDeadline: '2019-07-31',
        courts: [{ name: 'Sân 1', hours: [{ day: '2019-08-15', from: '07:30', to: '11:30' }] }],
      }),
      201,
    );
    const ev = await json<{ id: string }>(
      await organiser.post(`/api/tournaments/${t.id}/events`, {
        code: 'MS',
        name: 'Đơn nam',
        kind: 'MS',
        format: 'knockout',
        scoring: 'bo3-21',
      }),
      201,
    );
    for (const [i, code] of ['CS02', 'CS05'].entries())
      await json<EntryOut>(
        await organiser.post(`/api/tournaments/${t.id}/entries`, {
          eventId: ev.id,
          unitId: unit.get(code)!,
          personIds: [people[i]],
        }),
        201,
      );
    const { items } = await json<{ items: EntryOut[] }>(await organiser.get(`/api/tournaments/${t.id}/entries`));
    for (const e of items)
      await json(await organiser.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' }));
    const draw = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${ev.id}/draw`, { randomSeed: 'x' }),
      201,
    );
    match = draw.matches[0];
    path = `/api/tournaments/${t.id}/matches/${match.id}/rallies`;
    clock.set(new Date('2019-08-15T01:00:00Z'));
  }, 90_000);

  it('lets only the umpire assigned, or the organisers, score the match', async () => {
    const start = op(1, { kind: 'start', start: { server: 0, leftEnd: 0 } });
    expect((await umpire.post(path, { ops: [start] })).status).toBe(403);
    expect((await officer.post(path, { ops: [start] })).status).toBe(403);
    expect((await umpire.put(`/api/tournaments/${t.id}/matches/${match.id}/umpire`, { userId: umpireId })).status).toBe(
      403,
    );
    await json(await organiser.put(`/api/tournaments/${t.id}/matches/${match.id}/umpire`, { userId: umpireId }));
    expect((await otherUmpire.post(path, { ops: [start] })).status).toBe(403);
    const view = await json<UmpireMatchOut>(await umpire.get(path));
    expect(view.mayScore).toBe(true);
    expect(view.state).toBeNull();
    const after = await json<UmpireMatchOut>(await umpire.post(path, { ops: [start] }));
    expect(after.state?.server).toMatchObject({ side: 0, court: 'right' });
    expect(after.state?.receiver).toBe(view.sides[1].players[0].id);
    expect((await json<UmpireMatchOut>(await officer.get(path))).mayScore).toBe(false);
    // The referee's board: for the organisers only.
    expect((await umpire.get(`/api/tournaments/${t.id}/umpires`)).status).toBe(403);
    const board = await json<{
      umpires: { userId: string }[];
      matches: { umpireUserId: string | null; status: string }[];
    }>(await organiser.get(`/api/tournaments/${t.id}/umpires`));
    expect(board.umpires.map((u) => u.userId)).toContain(umpireId);
    expect(board.matches).toEqual([expect.objectContaining({ umpireUserId: umpireId, status: 'playing' })]);
  });

  it('stores a point sent twice, overlapping or at the same time once, and refuses a taken number or a gap', async () => {
    const first = [1, 2, 3].map((i) => op(i + 1, { kind: 'point', side: 0 }));
    // Points on the state kept with the start move it on without replaying the log (ADR 28).
    const cost = { ...pointCost };
    await json(await umpire.post(path, { ops: first }));
    expect(await stored()).toBe(4);
    expect(pointCost.replays - cost.replays).toBe(0);
    expect(pointCost.advanced - cost.advanced).toBe(3);
    // The answer was lost: the phone sends the same again, then more overlapping it.
    await json(await umpire.post(path, { ops: first }));
    expect(await stored()).toBe(4);
    const more = [op(5, { kind: 'point', side: 1 }), op(6, { kind: 'undo' }), op(7, { kind: 'point', side: 0 })];
    const view = await json<UmpireMatchOut>(await umpire.post(path, { ops: [...first.slice(1), ...more] }));
    expect(await stored()).toBe(7);
    expect(view.state?.score).toEqual([4, 0]);
    // An undo among them: the whole log is replayed, once.
    expect(pointCost.replays - cost.replays).toBe(1);
    // Two copies of a batch at once.
    const batch = [op(8, { kind: 'point', side: 1 }), op(9, { kind: 'point', side: 1 })];
    const answers = await Promise.all([umpire.post(path, { ops: batch }), umpire.post(path, { ops: batch })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await stored()).toBe(9);
    // Another phone's entry under a number already taken; a gap.
    const taken = await organiser.post(path, { ops: [op(9, { kind: 'point', side: 0 })] });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('SEQUENCE_TAKEN');
    const gap = await umpire.post(path, { ops: [op(12, { kind: 'point', side: 0 })] });
    expect(gap.status).toBe(409);
    expect((await gap.json()).error.code).toBe('SEQUENCE_GAP');
    expect(await stored()).toBe(9);
    const final = await json<UmpireMatchOut>(await umpire.get(path));
    expect(final.state?.score).toEqual([4, 2]);
    expect(final.ops.map((o) => o.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The state kept on the match is the one a replay of its log makes; without it, the log is replayed.
    const players: [string[], string[]] = [
      final.sides[0].players.map((p) => p.id),
      final.sides[1].players.map((p) => p.id),
    ];
    expect(final.state).toEqual(umpireState(scoringRules['bo3-21'], players, final.ops as UmpireOp[]));
    const { platform } = env();
    const row = await platform.db
      .selectFrom('tournament_matches')
      .select(['rally_json'])
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.rally_json!).entries).toBe(9);
    await platform.db.updateTable('tournament_matches').set({ rally_json: null }).where('id', '=', match.id).execute();
    expect((await json<UmpireMatchOut>(await umpire.get(path))).state).toEqual(final.state);
    const afterLoss = { ...pointCost };
    const next = await json<UmpireMatchOut>(await umpire.post(path, { ops: [op(10, { kind: 'point', side: 0 })] }));
    expect(next.state?.score).toEqual([5, 2]);
    expect(pointCost.replays - afterLoss.replays).toBe(1);
    // Kept again: the next point moves it on; this one is undone so the match stands at 4-2 as before.
    const undone = await json<UmpireMatchOut>(await umpire.post(path, { ops: [op(11, { kind: 'undo' })] }));
    expect(undone.state?.score).toEqual([4, 2]);
  });

  it('announces each point live, refuses what the Laws don’t allow, and finishes into the result', async () => {
    const { platform } = env();
    const heard: { change: string; live?: { games: number[][]; score: number[] } }[] = [];
    const stop = platform.events.subscribe('tournament', (d) => heard.push(d as (typeof heard)[number]));
    let seq = 12;
    const points = (side: 0 | 1, n: number) => Array.from({ length: n }, () => op(seq++, { kind: 'point', side }));
    // 4-2 now: side a takes the first game 21-2, then 21-0.
    await json(await umpire.post(path, { ops: points(0, 17) }));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.at(-1)).toMatchObject({ change: 'score', live: { games: [[21, 2]] } });
    // Anyone, without signing in, sees the live score: JSON, the page, the court board, the live channel.
    const anon = anonymous(env().app);
    const pub = await json<{
      events: { matches: { id: string; status: string; live: unknown }[] }[];
      courts: unknown[];
    }>(await anon.get('/api/public/tournaments/TT2019'));
    expect(pub.events[0].matches[0]).toMatchObject({
      id: match.id,
      status: 'playing',
      live: { games: [[21, 2]], score: null },
    });
    expect(JSON.stringify(pub)).not.toContain(umpireId);
    const html = await (await anon.get('/giai-dau/TT2019')).text();
    expect(html).toContain(`data-match="${match.id}"`);
    expect(html).toContain('21-2');
    expect(html).toContain('/giai-dau/truc-tiep.js');
    expect((await anon.get('/giai-dau/TT2019/san')).status).toBe(200);
    expect((await anon.get('/giai-dau')).status).toBe(200);
    expect((await anon.get('/giai-dau/KHONG-CO')).status).toBe(404);
    expect((await anon.get('/api/events?topics=tournament')).status).toBe(401);
    const stream = await anon.get('/api/public/tournaments/TT2019/live');
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const readUntil = async (text: string) => {
      let got = '';
      while (!got.includes(text)) got += new TextDecoder().decode((await reader.read()).value);
      return got;
    };
    await readUntil('event: ready');
    await json(await umpire.post(path, { ops: points(0, 1) }));
    const heardLive = await readUntil('event: tournament');
    expect(heardLive).toContain(`"matchId":"${match.id}"`);
    expect(heardLive).toContain('"score":[1,0]');
    expect(heardLive).not.toContain('tournamentId');
    await reader.cancel();
    const early = await umpire.post(`${path}/finish`, {});
    expect(early.status).toBe(409);
    await json(await umpire.post(path, { ops: points(0, 20) }));
    const over = await umpire.post(path, { ops: points(1, 1) });
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain('Trận đã kết thúc');
    seq--;
    const done = await json<MatchOut>(await umpire.post(`${path}/finish`, {}));
    expect(done.games).toEqual([
      [21, 2],
      [21, 0],
    ]);
    expect(done.winner).toBe('a');
    // Finished: the umpire no longer scores or records; the log stays as it was.
    expect((await umpire.post(`${path}/finish`, {})).status).toBe(409);
    expect((await umpire.post(path, { ops: [op(seq, { kind: 'undo' })] })).status).toBe(409);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(heard.map((h) => h.change)).toContain('result');
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', match.id)
      .execute();
    expect(audit.filter((a) => a.action === 'tournament_match.score').length).toBeGreaterThan(3);
    expect(audit.map((a) => a.action)).toContain('tournament_match.result');
  });
});
