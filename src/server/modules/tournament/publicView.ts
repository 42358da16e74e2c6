import { z } from '@hono/zod-openapi';
import { medalTable } from '../../../common/tournament/medalTable.ts';
import { isScoringId, scoringRules } from '../../../common/tournament/scoring.ts';
import { liveScoreOf, umpireState } from '../../../common/tournament/umpire.ts';
import { keptState, storedOps } from './umpire.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { describeEntries } from './entries.ts';
import { entryLabels, eventMatches } from './draws.ts';
import { orderOfPlay } from './orderOfPlay.ts';
import { standings } from './results.ts';
import { numberPair } from './umpireSchema.ts';
import { unitRefs } from '../organisation/index.ts';

/**
 * What anyone may see of a tournament without signing in: its events with the confirmed draw's
 * matches and results, group tables, medals, the order of play, what is on each court now with its
 * live score, and the medal table by unit. Nothing else: no entries awaiting the organisers, no
 * umpires, no accounts.
 */
const bilingual = z.object({ vi: z.string(), en: z.string() });
const liveOut = z.object({
  games: z.array(numberPair),
  score: numberPair.nullable(),
  serving: z.union([z.literal(0), z.literal(1)]).nullable(),
});
const publicMatch = z.object({
  id: z.string(),
  code: z.string(),
  stage: z.enum(['knockout', 'group']),
  group: z.number().nullable(),
  round: z.number(),
  roundName: bilingual,
  sides: z.array(z.string().nullable()),
  walkThrough: z.boolean(),
  status: z.enum(['waiting', 'ready', 'playing', 'finished']),
  games: z.array(numberPair),
  outcome: z.enum(['walkover', 'retired', 'disqualified']).nullable(),
  winner: z.enum(['a', 'b']).nullable(),
  court: z.string().nullable(),
  start: z.string().nullable(),
  live: liveOut.nullable(),
  /** A team event's tie: its rubbers in order, each with its players and score (ADR 35); null for other matches. */
  rubbers: z
    .array(
      z.object({
        label: bilingual,
        players: z.array(z.string()),
        games: z.array(numberPair),
        outcome: z.enum(['walkover', 'retired', 'disqualified']).nullable(),
        winner: z.enum(['a', 'b']).nullable(),
        notNeeded: z.boolean(),
      }),
    )
    .nullable(),
});
export const publicTournamentSummary = z
  .object({ code: z.string(), name: z.string(), venue: z.string(), startsOn: z.string(), endsOn: z.string() })
  .openapi('PublicTournamentSummary');
export const publicTournamentListOut = z.object({ items: z.array(publicTournamentSummary) });
export const publicTournamentOut = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    venue: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    events: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        format: z.string(),
        scoring: bilingual,
        drawn: z.boolean(),
        matches: z.array(publicMatch),
        groups: z.array(
          z.object({ group: z.number(), ranking: z.array(z.object({ label: z.string(), deleted: z.boolean() })) }),
        ),
        medals: z.object({ gold: z.string().nullable(), silver: z.string().nullable(), bronze: z.array(z.string()) }),
      }),
    ),
    courts: z.array(z.object({ court: z.string(), now: publicMatch.nullable(), next: z.array(publicMatch) })),
    medalTable: z.array(
      z.object({ place: z.number(), unit: z.string(), gold: z.number(), silver: z.number(), bronze: z.number() }),
    ),
  })
  .openapi('PublicTournament');
export type PublicTournament = z.output<typeof publicTournamentOut>;
export type PublicMatch = z.output<typeof publicMatch>;
export type PublicTournamentSummary = z.output<typeof publicTournamentSummary>;

export const publicCodePattern = /^[A-Za-z0-9_.-]{1,40}$/;
const notFound = () => fail.notFound({ vi: 'Không tìm thấy giải đấu.', en: 'Tournament not found.' });

export async function publicTournaments(platform: Platform): Promise<PublicTournamentSummary[]> {
  const rows = await platform.db
    .selectFrom('tournaments')
    .select(['code', 'name', 'venue', 'starts_on', 'ends_on'])
    .orderBy('starts_on', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, venue: r.venue, startsOn: r.starts_on, endsOn: r.ends_on }));
}

/** The live score of the matches being scored rally by rally (started, no result yet). */
async function liveScores(platform: Platform, tournamentId: string) {
  const playing = await platform.db
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as ev', 'ev.id', 'm.event_id')
    .select(['m.id', 'm.entry_a', 'm.entry_b', 'm.stage', 'm.rally_json', 'ev.scoring', 'ev.group_scoring'])
    .where('ev.tournament_id', '=', tournamentId)
    .where('m.started_at', 'is not', null)
    .where('m.winner_side', 'is', null)
    // A tie's live score is its rubbers won; its rubbers' points are not shown live.
    .where('ev.tie_format_json', 'is', null)
    .execute();
  const out = new Map<string, z.output<typeof liveOut>>();
  for (const m of playing) {
    const scoring = m.stage === 'group' && m.group_scoring ? m.group_scoring : m.scoring;
    if (!isScoringId(scoring) || !m.entry_a || !m.entry_b) continue;
    // The state kept beside the match with its last entries (ADR 28), when it is for these sides.
    const kept = keptState(scoringRules[scoring], m);
    if (kept !== undefined) {
      if (kept) out.set(m.id, liveScoreOf(kept));
      continue;
    }
    const ops = await storedOps(platform.db, m.id);
    const entries = await platform.db
      .selectFrom('tournament_entries')
      .selectAll()
      .where('id', 'in', [m.entry_a, m.entry_b])
      .execute();
    const described = await describeEntries(platform, entries);
    const players = [m.entry_a, m.entry_b].map(
      (id) => described.find((d) => d.id === id)?.players.map((p) => p.id) ?? [],
    );
    try {
      const state = umpireState(scoringRules[scoring], [players[0], players[1]], ops);
      if (state) out.set(m.id, liveScoreOf(state));
    } catch {
      // a log the rules refuse is not shown
    }
  }
  return out;
}

/**
 * When and by whom, for the page's structured data: the first court's opening on the first day and
 * the last closing on the last day (Việt Nam wall-clock times, as the courts' hours are kept), and
 * the organising unit's name (null when the tournament names none).
 */
export async function tournamentSchedule(
  platform: Platform,
  tournamentId: string,
): Promise<{
  start: { day: string; time: string } | null;
  end: { day: string; time: string } | null;
  organiser: string | null;
}> {
  const t = await platform.db
    .selectFrom('tournaments')
    .select(['organiser_unit_id'])
    .where('id', '=', tournamentId)
    .executeTakeFirst();
  const courts = await platform.db
    .selectFrom('tournament_courts')
    .select('hours_json')
    .where('tournament_id', '=', tournamentId)
    .execute();
  const hours = courts.flatMap((c) => JSON.parse(c.hours_json) as { day: string; from: string; to: string }[]);
  const first = hours.map((h) => `${h.day} ${h.from}`).sort()[0];
  const last = hours
    .map((h) => `${h.day} ${h.to}`)
    .sort()
    .at(-1);
  const split = (x: string | undefined) => (x ? { day: x.slice(0, 10), time: x.slice(11) } : null);
  const organiser = t?.organiser_unit_id
    ? ((await unitRefs(platform, [t.organiser_unit_id])).get(t.organiser_unit_id)?.name ?? null)
    : null;
  return { start: split(first), end: split(last), organiser };
}

export async function publicTournament(platform: Platform, code: string): Promise<PublicTournament> {
  if (!publicCodePattern.test(code)) throw notFound();
  const t = await platform.db.selectFrom('tournaments').selectAll().where('code', '=', code).executeTakeFirst();
  if (!t) throw notFound();
  const events = await platform.db
    .selectFrom('tournament_events')
    .selectAll()
    .where('tournament_id', '=', t.id)
    .orderBy('position')
    .execute();
  const drawn = new Set(
    (
      await platform.db
        .selectFrom('tournament_draws')
        .select('event_id')
        .where('event_id', 'in', events.map((e) => e.id).concat(['']))
        .where('is_current', '=', 1)
        .execute()
    ).map((d) => d.event_id),
  );
  const order = await orderOfPlay(platform, t.id);
  const slot = new Map(order.items.map((i) => [i.matchId, i]));
  const live = await liveScores(platform, t.id);
  const allMatches: PublicMatch[] = [];
  const unitOfLabel = new Map<string, string>();
  const unitName = new Map<string, string>();
  const medalEvents: { gold: string[]; silver: string[]; bronze: string[] }[] = [];
  const outEvents = [];
  for (const e of events) {
    const isDrawn = drawn.has(e.id);
    const entryRows = await platform.db
      .selectFrom('tournament_entries')
      .selectAll()
      .where('event_id', '=', e.id)
      .where('status', '=', 'confirmed')
      .execute();
    const described = await describeEntries(platform, entryRows);
    // A team is named by its unit (ADR 35); a player or pair by the names and the unit.
    const teamLabels = e.kind === 'TEAM' ? await entryLabels(platform, e.id) : null;
    const labels = new Map(
      described.map((d) => [
        d.id,
        teamLabels?.get(d.id) ?? `${d.players.map((p) => p.name).join(' / ')} (${d.unit.shortName ?? d.unit.name})`,
      ]),
    );
    for (const d of described) {
      unitOfLabel.set(labels.get(d.id)!, d.unit.id);
      unitName.set(d.unit.id, d.unit.shortName ?? d.unit.name);
    }
    const matches: PublicMatch[] = isDrawn
      ? (await eventMatches(platform, e.id, labels)).map((m) => {
          const s = slot.get(m.id);
          const l = live.get(m.id) ?? null;
          return {
            id: m.id,
            code: m.code,
            stage: m.stage,
            group: m.group,
            round: m.round,
            roundName: m.roundName,
            sides: m.sides.map((x) => x.label),
            walkThrough: m.walkThrough,
            status: m.status === 'ready' && l ? 'playing' : m.status,
            games: m.games,
            outcome: m.outcome,
            winner: m.winner,
            court: s?.court || null,
            start: s?.start ?? null,
            live: l,
            rubbers: m.tie
              ? m.tie.rubbers.map((r) => ({
                  label: r.label,
                  players: r.players.map((p) => p.map((x) => x.name).join(' / ')),
                  games: r.games,
                  outcome: r.outcome,
                  winner: r.winner,
                  notNeeded: r.status === 'not_needed',
                }))
              : null,
          };
        })
      : [];
    allMatches.push(...matches);
    const st = isDrawn ? await standings(platform, t.id, e.id) : null;
    const medals = st?.medals ?? { gold: null, silver: null, bronze: [] };
    medalEvents.push({
      gold: medals.gold ? [medals.gold] : [],
      silver: medals.silver ? [medals.silver] : [],
      bronze: medals.bronze,
    });
    outEvents.push({
      id: e.id,
      code: e.code,
      name: e.name,
      format: e.format,
      scoring: isScoringId(e.scoring) ? scoringRules[e.scoring].label : { vi: e.scoring, en: e.scoring },
      drawn: isDrawn,
      matches,
      groups: (st?.groups ?? []).map((g) => ({
        group: g.group,
        ranking: g.ranking.map((r) => ({ label: r.label, deleted: r.deleted })),
      })),
      medals,
    });
  }
  const byId = new Map(allMatches.map((m) => [m.id, m]));
  const courts = order.nextUp.map((c) => {
    const onCourt = order.items
      .filter((i) => i.courtId === c.courtId && !i.finished)
      .map((i) => byId.get(i.matchId))
      .filter((m): m is PublicMatch => !!m);
    const now = onCourt.find((m) => m.status === 'playing') ?? null;
    return { court: c.court, now, next: onCourt.filter((m) => m !== now).slice(0, 3) };
  });
  const table = medalTable(
    medalEvents,
    (label) => unitOfLabel.get(label) ?? label,
    (unit) => unitName.get(unit) ?? unit,
  );
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    venue: t.venue,
    startsOn: t.starts_on,
    endsOn: t.ends_on,
    events: outEvents,
    courts,
    medalTable: table.map((r) => ({ place: r.place, unit: r.name, gold: r.gold, silver: r.silver, bronze: r.bronze })),
  };
}
