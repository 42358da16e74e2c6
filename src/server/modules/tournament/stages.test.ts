import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn, json } from '../../../../test/support/client.ts';
import { knockoutFromGroups } from '../../../common/tournament/groups.ts';
import { systemCaller } from '../organisation/access.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { DrawOut, EntryOut, MatchOut, TournamentOut } from './schema.ts';

/**
 * Groups then knockout as one event, on both databases: the groups are drawn and played; the last
 * group result draws the knockout from the group tables (winners seeded, runners-up in the other
 * half from their own winner), reproducibly from the draw's seed; a group correction before the
 * knockout is played makes it again, after that it is refused; the draw carries its algorithm.
 */
describeEachDatabase('tournament groups then knockout', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 }, { demo: ['organisation'] });
  let organiser: Client;
  let t: TournamentOut;
  let eventId = '';

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-10T03:00:00Z'));
    const unit = new Map<string, string>();
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const u = await buildUser(platform, { grants: [{ role: 'office_staff', unitId: unit.get('VP')! }] });
    organiser = await signIn(app, u.username, u.password);
    t = await json<TournamentOut>(
      await organiser.post('/api/tournaments', {
        code: 'GK2019',
        name: 'Giải thử vòng bảng và loại trực tiếp',
        venue: 'Nhà thi đấu',
        startsOn: '2019-08-15',
        endsOn: '2019-08-16',
        entryDeadline: '2019-07-31',
        courts: [{ name: 'Sân 1', hours: [{ day: '2019-08-15', from: '07:30', to: '17:30' }] }],
      }),
      201,
    );
    const noQualifiers = await organiser.post(`/api/tournaments/${t.id}/events`, {
      code: 'MS',
      name: 'Đơn nam',
      kind: 'MS',
      format: 'groups_knockout',
      groupCount: 2,
    });
    expect(noQualifiers.status).toBe(400);
    expect(JSON.stringify(await noQualifiers.json())).toContain('vòng loại trực tiếp');
    eventId = (
      await json<{ id: string; format: string; qualifiersPerGroup: number }>(
        await organiser.post(`/api/tournaments/${t.id}/events`, {
          code: 'MS',
          name: 'Đơn nam',
          kind: 'MS',
          format: 'groups_knockout',
          groupCount: 2,
          qualifiersPerGroup: 2,
          scoring: 'bo3-21',
          entriesPerUnit: 3,
        }),
        201,
      )
    ).id;
    for (const [i, code] of ['CS02', 'CS02', 'CS02', 'CS05', 'CS05', 'CS05'].entries()) {
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
      await json(
        await organiser.post(`/api/tournaments/${t.id}/entries`, {
          eventId,
          unitId: unit.get(code)!,
          personIds: [p.id],
        }),
        201,
      );
    }
    const { items } = await json<{ items: EntryOut[] }>(await organiser.get(`/api/tournaments/${t.id}/entries`));
    for (const [i, e] of items.entries())
      await json(
        await organiser.post(
          `/api/tournaments/${t.id}/entries/${e.id}/decision`,
          i < 2 ? { decision: 'confirm', seed: i + 1 } : { decision: 'confirm' },
        ),
      );
    clock.set(new Date('2019-08-15T01:00:00Z'));
  }, 120_000);

  it('plays the groups, then draws the knockout from their tables when the last group result is in', async () => {
    const draw = await json<DrawOut>(
      await organiser.post(`/api/tournaments/${t.id}/events/${eventId}/draw`, { randomSeed: 'GK-2019' }),
      201,
    );
    expect(draw.algorithm).toBe(1);
    expect(draw.groups).toHaveLength(2);
    expect(draw.positions).toEqual([]);
    expect(draw.knockoutMadeAt).toBeNull();
    const groupMatches = draw.matches.filter((m) => m.stage === 'group');
    expect(groupMatches).toHaveLength(6);
    expect(draw.matches.filter((m) => m.stage === 'knockout')).toHaveLength(0);
    // The first entry of each group wins all; the second beats the third.
    const place = new Map<string, number>();
    for (const g of draw.groups) for (const [i, e] of g.entries()) place.set(e.entryId, i);
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
    for (const [i, m] of groupMatches.entries()) {
      const aWins = place.get(m.sides[0].entryId!)! < place.get(m.sides[1].entryId!)!;
      await json(await result(m, aWins));
      const now = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${eventId}/draw`));
      // Nothing of the knockout until the last group result.
      if (i < groupMatches.length - 1) expect(now.matches.filter((x) => x.stage === 'knockout')).toHaveLength(0);
    }
    const made = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${eventId}/draw`));
    expect(made.knockoutMadeAt).not.toBeNull();
    expect(made.size).toBe(4);
    const ids = made.positions.map((p) => p.entryId);
    const [w1, r1] = [draw.groups[0][0].entryId, draw.groups[0][1].entryId];
    const [w2, r2] = [draw.groups[1][0].entryId, draw.groups[1][1].entryId];
    // Group winners seeded top and bottom; each runner-up in the other half from its own winner.
    expect(ids[0]).toBe(w1);
    expect(ids[3]).toBe(w2);
    const half = (id: string) => Math.floor(ids.indexOf(id) / 2);
    expect(half(r1)).not.toBe(half(w1));
    expect(half(r2)).not.toBe(half(w2));
    // Anyone re-runs it from the published seed.
    expect(
      knockoutFromGroups(
        [
          [w1, r1],
          [w2, r2],
        ],
        2,
        'GK-2019:knockout',
      ).positions,
    ).toEqual(ids);
    const ko = made.matches.filter((m) => m.stage === 'knockout' && m.round === 1);
    expect(ko).toHaveLength(2);
    expect(ko.every((m) => m.status === 'ready')).toBe(true);
    // Standings: the group tables as played.
    const st = await json<{ groups: { ranking: { entryId: string }[] }[] }>(
      await organiser.get(`/api/tournaments/${t.id}/events/${eventId}/standings`),
    );
    expect(st.groups.map((g) => g.ranking.map((r) => r.entryId))).toEqual(
      draw.groups.map((g) => g.map((e) => e.entryId)),
    );

    // A group correction before the knockout is played: the knockout is drawn again from the new table.
    const g1 = groupMatches.find(
      (m) =>
        new Set([m.sides[0].entryId, m.sides[1].entryId]).has(r1) &&
        new Set([m.sides[0].entryId, m.sides[1].entryId]).has(draw.groups[0][2].entryId),
    )!;
    const third = draw.groups[0][2].entryId;
    await json(await result(g1, g1.sides[0].entryId === third));
    const again = await json<DrawOut>(await organiser.get(`/api/tournaments/${t.id}/events/${eventId}/draw`));
    const againIds = again.positions.map((p) => p.entryId);
    expect(againIds).toContain(third);
    expect(againIds).not.toContain(r1);
    const { platform } = env();
    const audit = await platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', eventId).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['tournament_draw.knockout', 'tournament_draw.knockout_redraw']),
    );
    // Once a knockout match has a result, the groups are fixed.
    const first = again.matches.find((m) => m.stage === 'knockout' && m.round === 1)!;
    await json(await result(first, true));
    const late = await result(g1, g1.sides[0].entryId !== third);
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('RESULT_DEPENDED_ON');
  });
});
