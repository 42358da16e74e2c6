import type { Platform } from '../../platform/platform.ts';
import { personFacts, unitRefs } from '../organisation/index.ts';
import { findTournament } from './tournaments.ts';

/**
 * How wide the tournament reaches (the seed asks to widen who takes part): entries and players
 * by unit, players by gender and by age band, counting each person once however many events
 * they play; returned entries are left out.
 */
const bands = [
  { key: 'under30', vi: 'Dưới 30', en: 'Under 30', below: 30 },
  { key: '30to39', vi: '30–39', en: '30–39', below: 40 },
  { key: '40to49', vi: '40–49', en: '40–49', below: 50 },
  { key: '50plus', vi: 'Từ 50', en: '50 and over', below: Number.POSITIVE_INFINITY },
] as const;

export async function participation(platform: Platform, tournamentId: string) {
  const t = await findTournament(platform.db, tournamentId);
  const year = Number(t.starts_on.slice(0, 4));
  const rows = await platform.db
    .selectFrom('tournament_entries as e')
    .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
    .innerJoin('tournament_entry_players as p', 'p.entry_id', 'e.id')
    .select(['e.id as entry_id', 'e.unit_id', 'p.person_id'])
    .where('ev.tournament_id', '=', tournamentId)
    .where('e.status', 'in', ['submitted', 'confirmed'])
    .execute();
  const facts = await personFacts(
    platform,
    rows.map((r) => r.person_id),
  );
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  const byUnit = new Map<string, { entries: Set<string>; players: Set<string> }>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { entries: new Set(), players: new Set() };
    u.entries.add(r.entry_id);
    u.players.add(r.person_id);
    byUnit.set(r.unit_id, u);
  }
  const players = [...new Set(rows.map((r) => r.person_id))];
  const gender = { male: 0, female: 0, unknown: 0 };
  const age = Object.fromEntries(bands.map((b) => [b.key, 0])) as Record<(typeof bands)[number]['key'], number>;
  let ageUnknown = 0;
  for (const id of players) {
    const f = facts.get(id);
    gender[f?.gender ?? 'unknown']++;
    if (!f?.birthYear) ageUnknown++;
    else age[bands.find((b) => year - f.birthYear! < b.below)!.key]++;
  }
  return {
    entries: new Set(rows.map((r) => r.entry_id)).size,
    players: players.length,
    units: [...byUnit.entries()]
      .map(([id, u]) => ({
        unitId: id,
        name: units.get(id)?.name ?? '',
        entries: u.entries.size,
        players: u.players.size,
      }))
      .sort((a, b) => b.players - a.players || a.name.localeCompare(b.name, 'vi')),
    gender,
    ageBands: bands.map((b) => ({ key: b.key, label: { vi: b.vi, en: b.en }, players: age[b.key] })),
    ageUnknown,
  };
}
