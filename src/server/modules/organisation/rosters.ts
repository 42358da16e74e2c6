import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

/**
 * Who works where on a day, for the events other modules run among the units' people (the
 * tournament's entries, the festival's performers): a person may take part for a unit when they
 * hold a current position in the unit or anything under it (its enterprise, its cells).
 */
type Reader = { db: Kysely<Database> };

export type Worker = {
  personId: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  /** Holds a current leading position (rank 20 or better: secretary, deputy, director, chair…). */
  leader: boolean;
  /** Has a current position in the unit's subtree on the day. */
  inUnit: boolean;
};

/** A leading position ranks this or better (heads 10, deputies 20; ordinary positions default to 100). */
export const LEADING_RANK = 20;

export async function workersOf(
  platform: Reader,
  unitId: string,
  personIds: readonly string[],
  day: string,
): Promise<Map<string, Worker>> {
  const out = new Map<string, Worker>();
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return out;
  const people = await platform.db
    .selectFrom('people')
    .select(['id', 'full_name', 'gender', 'birth_year'])
    .where('id', 'in', unique)
    .execute();
  const current = await platform.db
    .selectFrom('positions as p')
    .leftJoin('unit_closure as c', (j) => j.onRef('c.descendant_id', '=', 'p.unit_id').on('c.ancestor_id', '=', unitId))
    .select(['p.person_id', 'p.rank', 'c.ancestor_id'])
    .where('p.person_id', 'in', unique)
    .where((w) => w.or([w('p.valid_from', 'is', null), w('p.valid_from', '<=', day)]))
    .where((w) => w.or([w('p.valid_to', 'is', null), w('p.valid_to', '>', day)]))
    .execute();
  for (const p of people) {
    const mine = current.filter((c) => c.person_id === p.id);
    out.set(p.id, {
      personId: p.id,
      name: p.full_name,
      gender: p.gender === 'male' || p.gender === 'female' ? p.gender : null,
      birthYear: p.birth_year,
      leader: mine.some((c) => c.rank <= LEADING_RANK),
      inUnit: mine.some((c) => c.ancestor_id !== null),
    });
  }
  return out;
}

/** Gender and birth year of people (for participation figures), without their contact details. */
export async function personFacts(
  platform: Reader,
  personIds: readonly string[],
): Promise<Map<string, { gender: 'male' | 'female' | null; birthYear: number | null }>> {
  const out = new Map<string, { gender: 'male' | 'female' | null; birthYear: number | null }>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await platform.db
      .selectFrom('people')
      .select(['id', 'gender', 'birth_year'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.id, {
        gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
        birthYear: r.birth_year,
      });
  }
  return out;
}

/** Demo people holding a position in one of these units (for other modules' idempotent demo loaders). */
export async function demoPeopleIn(
  platform: Reader,
  unitIds: readonly string[],
): Promise<{ id: string; fullName: string; unitId: string }[]> {
  if (unitIds.length === 0) return [];
  const rows = await platform.db
    .selectFrom('people as pe')
    .innerJoin('positions as po', 'po.person_id', 'pe.id')
    .select(['pe.id', 'pe.full_name', 'po.unit_id'])
    .where('pe.is_demo', '=', 1)
    .where('po.unit_id', 'in', [...unitIds])
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, unitId: r.unit_id }));
}

/** Someone holding a position in one of the units on the day (the staff of the Office and the boards). */
export type StaffMember = { personId: string; fullName: string; unitId: string; title: string; rank: number };

/**
 * The people holding a current position on `day` in any of `unitIds` (the units themselves, not
 * their subtrees): one row per person and unit, their best-ranked title first; at most `limit`.
 */
export async function staffOf(
  platform: Reader,
  unitIds: readonly string[],
  day: string,
  limit = 2000,
): Promise<StaffMember[]> {
  if (unitIds.length === 0) return [];
  const rows = await platform.db
    .selectFrom('positions as po')
    .innerJoin('people as pe', 'pe.id', 'po.person_id')
    .select(['pe.id', 'pe.full_name', 'po.unit_id', 'po.title', 'po.rank'])
    .where('po.unit_id', 'in', [...new Set(unitIds)])
    .where((w) => w.or([w('po.valid_from', 'is', null), w('po.valid_from', '<=', day)]))
    .where((w) => w.or([w('po.valid_to', 'is', null), w('po.valid_to', '>', day)]))
    .orderBy('po.rank')
    .limit(limit)
    .execute();
  const seen = new Set<string>();
  const out: StaffMember[] = [];
  for (const r of rows) {
    const key = `${r.id}:${r.unit_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ personId: r.id, fullName: r.full_name, unitId: r.unit_id, title: r.title, rank: r.rank });
  }
  return out;
}
