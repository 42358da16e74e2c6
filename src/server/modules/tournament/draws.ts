import { displayNames } from '../../platform/auth/users.ts';
import { DRAW_ALGORITHM, type DrawLot, makeDraw } from '../../../common/tournament/draw.ts';
import { drawGroups, roundRobin } from '../../../common/tournament/groups.ts';
import { knockoutMatches, roundName, type SideSource } from '../../../common/tournament/knockout.ts';
import { newRandomSeed } from '../../../common/tournament/lots.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requireManage } from './access.ts';
import { describeEntries } from './entries.ts';
import { type DrawOut, hasGroups, type MatchOut } from './schema.ts';
import { publishTournament } from './live.ts';
import { findEvent } from './tournaments.ts';

/**
 * Drawing an event: the confirmed entries, their units and seeds go into the pure draw with a
 * random seed that is stored and published with every lot, so anyone can re-run it. A draw can
 * be made again until a match of the event has a result, never after; each draw is kept (its
 * version) and audited.
 */
type Tx = Platform['db'];

/** Groups then knockout: the knockout drawn from the groups' rankings (tournament_draws.knockout_json). */
export type KnockoutDrawn = {
  positions: (string | null)[];
  log: DrawLot[];
  /** Entry ids going on, group by group, in their group's order. */
  qualifiers: string[][];
  madeAt: string;
};

export async function entryLabels(platform: Platform, eventId: string): Promise<Map<string, string>> {
  const rows = await platform.db.selectFrom('tournament_entries').selectAll().where('event_id', '=', eventId).execute();
  const described = await describeEntries(platform, rows);
  return new Map(
    described.map((e) => [e.id, `${e.players.map((p) => p.name).join(' / ')} (${e.unit.shortName ?? e.unit.name})`]),
  );
}

export async function drawEvent(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  eventId: string,
  input: { randomSeed?: string },
): Promise<DrawOut> {
  requireManage(caller);
  const event = await findEvent(platform.db, tournamentId, eventId);
  const now = platform.clock();
  const randomSeed = input.randomSeed?.trim() || newRandomSeed();
  await platform.db.transaction().execute(async (tx) => {
    const played = await tx
      .selectFrom('tournament_matches')
      .select('id')
      .where('event_id', '=', eventId)
      .where('winner_side', 'is not', null)
      .executeTakeFirst();
    if (played)
      throw fail.conflict('PLAY_STARTED', {
        vi: 'Nội dung đã có kết quả trận đấu: không bốc thăm lại.',
        en: 'A match of the event has a result: the draw can no longer be made again.',
      });
    const entries = await tx
      .selectFrom('tournament_entries')
      .select(['id', 'unit_id', 'seed'])
      .where('event_id', '=', eventId)
      .where('status', '=', 'confirmed')
      .orderBy('entered_at')
      .orderBy('id')
      .execute();
    if (entries.length < 2)
      throw fail.conflict('TOO_FEW_ENTRIES', {
        vi: 'Cần ít nhất 2 lượt đăng ký đã xác nhận để bốc thăm.',
        en: 'A draw needs at least 2 confirmed entries.',
      });
    const drawEntries = entries.map((e) => ({ id: e.id, unit: e.unit_id, seed: e.seed }));
    let positions: (string | null)[] = [];
    let groups: string[][] = [];
    let log: DrawLot[] = [];
    try {
      if (hasGroups(event.format)) {
        groups = drawGroups(drawEntries, event.group_count ?? 1, randomSeed);
      } else {
        const d = makeDraw(drawEntries, randomSeed);
        positions = d.positions;
        log = d.log;
      }
    } catch (err) {
      const reason = (err as { reason?: { vi: string; en: string } }).reason;
      if (reason) throw fail.conflict('DRAW_REFUSED', reason);
      if (err instanceof RangeError)
        throw fail.conflict('DRAW_REFUSED', {
          vi: 'Mỗi bảng cần ít nhất 2 vận động viên.',
          en: 'Each group needs at least two entries.',
        });
      throw err;
    }
    const previous = await tx
      .selectFrom('tournament_draws')
      .select(['version'])
      .where('event_id', '=', eventId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const version = (previous?.version ?? 0) + 1;
    await tx.updateTable('tournament_draws').set({ is_current: 0 }).where('event_id', '=', eventId).execute();
    await tx.deleteFrom('tournament_matches').where('event_id', '=', eventId).execute();
    const row = {
      id: newId(now.getTime()),
      event_id: eventId,
      version,
      random_seed: randomSeed,
      input_json: JSON.stringify(drawEntries),
      positions_json: JSON.stringify(hasGroups(event.format) ? groups : positions),
      log_json: JSON.stringify(log),
      drawn_by: caller.actor.userId,
      drawn_by_name: caller.actor.name,
      drawn_at: now.toISOString(),
      is_current: 1,
      algorithm: DRAW_ALGORITHM,
      knockout_json: null,
    };
    await tx.insertInto('tournament_draws').values(row).execute();
    await insertMatches(
      tx,
      eventId,
      hasGroups(event.format) ? { groups } : { positions },
      event.third_place === 'playoff',
    );
    await recordAudit(
      tx,
      caller.actor,
      {
        action: version === 1 ? 'tournament_draw.create' : 'tournament_draw.redraw',
        entityType: 'tournament_event',
        entityId: eventId,
        after: { version, randomSeed, entries: drawEntries.length },
      },
      now,
    );
  });
  publishTournament(platform, 'draw', { tournamentId, eventId });
  return getDraw(platform, tournamentId, eventId);
}

export async function insertMatches(
  tx: Tx,
  eventId: string,
  layout: { positions: (string | null)[] } | { groups: string[][] },
  thirdPlace: boolean,
) {
  const rows: {
    code: string;
    stage: string;
    group_no: number | null;
    round: number;
    idx: number;
    sources: [SideSource, SideSource];
    walk: boolean;
  }[] = [];
  if ('groups' in layout) {
    for (const [g, members] of layout.groups.entries()) {
      for (const [r, round] of roundRobin(members).entries()) {
        for (const [i, [a, b]] of round.entries()) {
          rows.push({
            code: `G${g + 1}-${r + 1}-${i + 1}`,
            stage: 'group',
            group_no: g + 1,
            round: r + 1,
            idx: i,
            sources: [{ entry: a }, { entry: b }],
            walk: false,
          });
        }
      }
    }
  } else {
    for (const m of knockoutMatches(layout.positions, { thirdPlace })) {
      rows.push({
        code: m.id,
        stage: 'knockout',
        group_no: null,
        round: m.round,
        idx: m.thirdPlace ? 1 : m.index,
        sources: m.sides,
        walk: m.walkThrough,
      });
    }
  }
  const entryOf = (s: SideSource) => ('entry' in s ? s.entry : null);
  for (let i = 0; i < rows.length; i += 200) {
    await tx
      .insertInto('tournament_matches')
      .values(
        rows.slice(i, i + 200).map((r) => ({
          id: newId(),
          event_id: eventId,
          code: r.code,
          stage: r.stage,
          group_no: r.group_no,
          round: r.round,
          idx: r.idx,
          sources_json: JSON.stringify(r.sources),
          entry_a: entryOf(r.sources[0]),
          entry_b: entryOf(r.sources[1]),
          walk_through: r.walk ? 1 : 0,
          court_id: null,
          planned_start: null,
          planned_end: null,
          umpire_user_id: null,
          status: 'scheduled',
          started_at: null,
          finished_at: null,
          games_json: null,
          outcome: null,
          winner_side: null,
          version: 0,
        })),
      )
      .execute();
  }
}

export async function eventMatches(
  platform: Platform,
  eventId: string,
  labels: Map<string, string>,
): Promise<MatchOut[]> {
  const rows = await platform.db
    .selectFrom('tournament_matches')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('stage')
    .orderBy('group_no')
    .orderBy('round')
    .orderBy('idx')
    .execute();
  const rounds = Math.max(0, ...rows.filter((r) => r.stage === 'knockout').map((r) => r.round));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    stage: r.stage as 'knockout' | 'group',
    group: r.group_no,
    round: r.round,
    roundName:
      r.stage === 'group'
        ? { vi: `Bảng ${r.group_no}, lượt ${r.round}`, en: `Group ${r.group_no}, round ${r.round}` }
        : roundName(r.round, rounds, r.code === 'R3P'),
    sides: [r.entry_a, r.entry_b].map((id) => ({ entryId: id, label: id ? (labels.get(id) ?? null) : null })),
    walkThrough: r.walk_through === 1,
    status: r.winner_side !== null || r.walk_through === 1 ? 'finished' : r.entry_a && r.entry_b ? 'ready' : 'waiting',
    games: r.games_json ? (JSON.parse(r.games_json) as [number, number][]) : [],
    outcome: r.outcome as MatchOut['outcome'],
    winner: r.winner_side === null ? null : r.winner_side === 0 ? 'a' : 'b',
    umpireUserId: r.umpire_user_id,
  }));
}

export async function getDraw(platform: Platform, tournamentId: string, eventId: string): Promise<DrawOut> {
  const event = await findEvent(platform.db, tournamentId, eventId);
  const draw = await platform.db
    .selectFrom('tournament_draws')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  if (!draw) throw fail.notFound({ vi: 'Nội dung chưa bốc thăm.', en: 'The event has not been drawn.' });
  const labels = await entryLabels(platform, eventId);
  const layout = JSON.parse(draw.positions_json) as (string | null)[] | string[][];
  const groups = hasGroups(event.format) ? (layout as string[][]) : [];
  // Groups then knockout: the knockout once the groups have made it (stages.ts).
  const knockout = draw.knockout_json ? (JSON.parse(draw.knockout_json) as KnockoutDrawn) : null;
  const positions = knockout?.positions ?? (hasGroups(event.format) ? [] : (layout as (string | null)[]));
  return {
    eventId,
    version: draw.version,
    randomSeed: draw.random_seed,
    algorithm: draw.algorithm,
    drawnAt: draw.drawn_at,
    // the person who drew, by the account's display name (the row keeps the username it was drawn under)
    drawnBy:
      (draw.drawn_by ? (await displayNames(platform.db, [draw.drawn_by])).get(draw.drawn_by) : undefined) ??
      draw.drawn_by_name,
    size: positions.length > 0 ? positions.length : null,
    positions: positions.map((id, i) => ({ line: i + 1, entryId: id, label: id ? (labels.get(id) ?? null) : null })),
    groups: groups.map((g) => g.map((id) => ({ entryId: id, label: labels.get(id) ?? '' }))),
    log: knockout?.log ?? JSON.parse(draw.log_json),
    knockoutMadeAt: knockout?.madeAt ?? null,
    matches: await eventMatches(platform, eventId, labels),
  };
}
