import { type ScheduleMatch, scheduleMatches } from '../../../common/tournament/schedule.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requireManage } from './access.ts';
import { entryLabels } from './draws.ts';
import { publishTournament } from './live.ts';
import { findTournament } from './tournaments.ts';

/**
 * The order of play: every match still to be played, across the events, on the courts in their
 * hours, with the rest between a player's matches and rounds in order (the pure scheduler). Run
 * again on the day from the present: matches played keep their times, late ones push back what
 * follows.
 */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** Minutes since the epoch of a Vietnam day and clock time. */
export function vietnamMinutes(day: string, clock: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) / 60_000 - VIETNAM_OFFSET_MINUTES;
}
const iso = (minutes: number) => new Date(minutes * 60_000).toISOString();
type Tx = Platform['db'];

/**
 * Where a match keeps its place: its planned slot, ended when it finished if it finished in or
 * after it (the court frees early); a result recorded before the planned start (entered ahead,
 * as in a rehearsal) leaves the slot as planned, so the court and the players stay taken then.
 */
function keptSlot(court: string, plannedStart: string, plannedEnd: string, finishedAt: string | null) {
  const start = Date.parse(plannedStart) / 60_000;
  const finished = finishedAt ? Date.parse(finishedAt) / 60_000 : null;
  return { court, start, end: finished !== null && finished >= start ? finished : Date.parse(plannedEnd) / 60_000 };
}

export async function planOrderOfPlay(platform: Platform, caller: Caller, tournamentId: string) {
  requireManage(caller);
  await findTournament(platform.db, tournamentId);
  const now = platform.clock();
  const result = await platform.db.transaction().execute(async (tx) => {
    const done = await scheduleTournament(tx, tournamentId, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'tournament.order_of_play', entityType: 'tournament', entityId: tournamentId, after: done },
      now,
    );
    return done;
  });
  publishTournament(platform, 'schedule', { tournamentId });
  return { ...result, ...(await orderOfPlay(platform, tournamentId)) };
}

/**
 * Puts matches on the courts, in the caller's transaction (the caller audits). Without `only`,
 * every match still to be played is planned again from now, those played keep their times.
 * With `only` (the knockout just drawn from the groups), just those matches get a court and a
 * time: every other match with one keeps it and is worked around, so nobody plays on two courts
 * at once across events and everyone rests after their last match, and nothing already announced
 * moves.
 */
export async function scheduleTournament(
  tx: Tx,
  tournamentId: string,
  now: Date,
  only?: ReadonlySet<string>,
): Promise<{ planned: number; unplaced: number }> {
  const tournament = await tx
    .selectFrom('tournaments')
    .select(['rest_minutes'])
    .where('id', '=', tournamentId)
    .executeTakeFirstOrThrow();
  const courts = await tx
    .selectFrom('tournament_courts')
    .selectAll()
    .where('tournament_id', '=', tournamentId)
    .orderBy('position')
    .execute();
  const events = await tx
    .selectFrom('tournament_events')
    .selectAll()
    .where('tournament_id', '=', tournamentId)
    .execute();
  const matches = await tx
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
    .selectAll('m')
    .where('ev.tournament_id', '=', tournamentId)
    // A stable order: the scheduler keeps it between matches of the same round.
    .orderBy('ev.position')
    .orderBy('m.stage')
    .orderBy('m.group_no')
    .orderBy('m.round')
    .orderBy('m.idx')
    .orderBy('m.code')
    .execute();
  const players = await tx
    .selectFrom('tournament_entry_players as p')
    .innerJoin('tournament_entries as e', 'e.id', 'p.entry_id')
    .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
    .select(['p.entry_id', 'p.person_id'])
    .where('ev.tournament_id', '=', tournamentId)
    .execute();
  const peopleOf = new Map<string, string[]>();
  for (const p of players) peopleOf.set(p.entry_id, [...(peopleOf.get(p.entry_id) ?? []), p.person_id]);
  const eventOf = new Map(events.map((e) => [e.id, e]));
  const byCode = new Map(matches.map((m) => [`${m.event_id}:${m.code}`, m]));
  const hasTime = (m: (typeof matches)[number]) => !!(m.planned_start && m.planned_end && m.court_id);
  const input: ScheduleMatch[] = [];
  for (const m of matches) {
    if (m.walk_through === 1) continue;
    const played = m.winner_side !== null;
    // Kept where it is: played, or (when planning only some) any other match with a time.
    const keep = played || (only !== undefined && !only.has(m.id));
    if (keep && !hasTime(m)) continue;
    const sources = JSON.parse(m.sources_json) as ({ winnerOf?: string; loserOf?: string } | object)[];
    const after = sources
      .map((s) => ('winnerOf' in s ? s.winnerOf : 'loserOf' in s ? s.loserOf : undefined))
      .filter((code): code is string => !!code)
      .map((code) => byCode.get(`${m.event_id}:${code}`))
      .filter((f) => f !== undefined && f.walk_through === 0 && f.winner_side === null)
      .map((f) => f!.id);
    input.push({
      id: m.id,
      event: m.event_id,
      order: (m.stage === 'group' ? 0 : 100) + m.round,
      minutes: eventOf.get(m.event_id)!.match_minutes,
      players: [m.entry_a, m.entry_b].flatMap((e) => (e ? (peopleOf.get(e) ?? []) : [])),
      after,
      fixed: keep ? keptSlot(m.court_id!, m.planned_start!, m.planned_end!, played ? m.finished_at : null) : undefined,
    });
  }
  // A feeder left out (no time, not being planned) is not waited for.
  const included = new Set(input.map((m) => m.id));
  for (const m of input) if (m.after.some((f) => !included.has(f))) m.after = m.after.filter((f) => included.has(f));
  const plan = scheduleMatches({
    matches: input,
    courts: courts.map((c) => ({
      court: c.id,
      open: (JSON.parse(c.hours_json) as { day: string; from: string; to: string }[]).map((h) => ({
        start: vietnamMinutes(h.day, h.from),
        end: vietnamMinutes(h.day, h.to),
      })),
    })),
    restMinutes: tournament.rest_minutes,
    notBefore: Math.ceil(now.getTime() / 60_000),
  });
  const fixed = new Set(input.filter((m) => m.fixed).map((m) => m.id));
  let planned = 0;
  for (const s of plan.slots) {
    if (fixed.has(s.match)) continue;
    planned++;
    await tx
      .updateTable('tournament_matches')
      .set({ court_id: s.court, planned_start: iso(s.start), planned_end: iso(s.end) })
      .where('id', '=', s.match)
      .execute();
  }
  if (plan.unplaced.length > 0)
    await tx
      .updateTable('tournament_matches')
      .set({ court_id: null, planned_start: null, planned_end: null })
      .where('id', 'in', plan.unplaced)
      .execute();
  return { planned: only ? planned : plan.slots.length, unplaced: plan.unplaced.length };
}

/** The matches with a court and a time, in order, and what is next on each court. */
export async function orderOfPlay(platform: Platform, tournamentId: string) {
  await findTournament(platform.db, tournamentId);
  const courts = await platform.db
    .selectFrom('tournament_courts')
    .select(['id', 'name'])
    .where('tournament_id', '=', tournamentId)
    .orderBy('position')
    .execute();
  const rows = await platform.db
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
    .select([
      'm.id',
      'm.code',
      'm.event_id',
      'ev.name as event_name',
      'm.entry_a',
      'm.entry_b',
      'm.court_id',
      'm.planned_start',
      'm.planned_end',
      'm.winner_side',
    ])
    .where('ev.tournament_id', '=', tournamentId)
    .where('m.planned_start', 'is not', null)
    .orderBy('m.planned_start')
    .orderBy('m.court_id')
    .limit(2000)
    .execute();
  const labels = new Map<string, string>();
  for (const eventId of new Set(rows.map((r) => r.event_id)))
    for (const [k, v] of await entryLabels(platform, eventId)) labels.set(k, v);
  const courtName = new Map(courts.map((c) => [c.id, c.name]));
  const items = rows.map((r) => ({
    matchId: r.id,
    code: r.code,
    event: r.event_name,
    court: r.court_id ? (courtName.get(r.court_id) ?? '') : '',
    courtId: r.court_id,
    start: r.planned_start!,
    end: r.planned_end!,
    sides: [r.entry_a, r.entry_b].map((e) => (e ? (labels.get(e) ?? null) : null)),
    finished: r.winner_side !== null,
  }));
  return {
    items,
    nextUp: courts.map((c) => ({
      courtId: c.id,
      court: c.name,
      next: items.filter((i) => i.courtId === c.id && !i.finished).slice(0, 3),
    })),
  };
}
