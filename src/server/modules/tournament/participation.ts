import type { Platform } from '../../platform/platform.ts';
import { listGroupSets, personFacts, unitRefs, unitsInGroups } from '../organisation/index.ts';
import { findTournament } from './tournaments.ts';

/**
 * How wide the tournament reaches (the seed asks to widen who takes part): entries and players
 * by unit, by the organisation's group sets (ownership, sector…), players by gender and by age
 * band, counting each person once however many events they play; returned entries are left
 * out. Beside them the same figures of the tournament before, if there was one, to compare.
 */
const bands = [
  { key: 'under30', vi: 'Dưới 30', en: 'Under 30', below: 30 },
  { key: '30to39', vi: '30–39', en: '30–39', below: 40 },
  { key: '40to49', vi: '40–49', en: '40–49', below: 50 },
  { key: '50plus', vi: 'Từ 50', en: '50 and over', below: Number.POSITIVE_INFINITY },
] as const;

type Row = { entry_id: string; unit_id: string; person_id: string };
type Tournament = Awaited<ReturnType<typeof findTournament>>;

const entryRows = (platform: Platform, tournamentId: string): Promise<Row[]> =>
  platform.db
    .selectFrom('tournament_entries as e')
    .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
    .innerJoin('tournament_entry_players as p', 'p.entry_id', 'e.id')
    .select(['e.id as entry_id', 'e.unit_id', 'p.person_id'])
    .where('ev.tournament_id', '=', tournamentId)
    .where('e.status', 'in', ['submitted', 'confirmed'])
    .execute();

const counted = (rows: readonly Row[]) => ({
  entries: new Set(rows.map((r) => r.entry_id)).size,
  players: new Set(rows.map((r) => r.person_id)).size,
});

async function figures(platform: Platform, t: Tournament, rows: readonly Row[]) {
  const year = Number(t.starts_on.slice(0, 4));
  const facts = await personFacts(
    platform,
    rows.map((r) => r.person_id),
  );
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  const byUnit = new Map<string, Row[]>();
  for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
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
    ...counted(rows),
    units: [...byUnit.entries()]
      .map(([id, own]) => ({ unitId: id, name: units.get(id)?.name ?? '', ...counted(own) }))
      .sort((a, b) => b.players - a.players || a.name.localeCompare(b.name, 'vi')),
    gender,
    ageBands: bands.map((b) => ({ key: b.key, label: { vi: b.vi, en: b.en }, players: age[b.key] })),
    ageUnknown,
  };
}

/** Entries and players per group of each group set, by the entering unit's own group; units in none counted apart. */
async function byGroupSets(platform: Platform, rows: readonly Row[]) {
  const sets = await listGroupSets(platform);
  const out = [];
  for (const set of sets.items) {
    const grouped = new Set<string>();
    const groups = [];
    for (const g of set.groups) {
      const members = new Set((await unitsInGroups(platform.db, [g.id]).execute()).map((m) => m.unit_id));
      for (const u of members) grouped.add(u);
      groups.push({
        groupId: g.id,
        code: g.code,
        name: g.name,
        ...counted(rows.filter((r) => members.has(r.unit_id))),
      });
    }
    out.push({
      setId: set.id,
      code: set.code,
      name: set.name,
      groups,
      ungrouped: counted(rows.filter((r) => !grouped.has(r.unit_id))),
    });
  }
  return out;
}

/** The tournament held last before this one (by its first day), if any. */
const previousOf = (platform: Platform, t: Tournament) =>
  platform.db
    .selectFrom('tournaments')
    .selectAll()
    .where('starts_on', '<', t.starts_on)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

export async function participation(platform: Platform, tournamentId: string) {
  const t = await findTournament(platform.db, tournamentId);
  const rows = await entryRows(platform, tournamentId);
  const before = await previousOf(platform, t);
  const beforeRows = before ? await entryRows(platform, before.id) : [];
  return {
    ...(await figures(platform, t, rows)),
    groupSets: await byGroupSets(platform, rows),
    previous: before
      ? {
          tournamentId: before.id,
          name: before.name,
          startsOn: before.starts_on,
          ...(await figures(platform, before, beforeRows)),
          groupSets: await byGroupSets(platform, beforeRows),
        }
      : null,
  };
}
