import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { foldedContains } from '../../platform/db/search.ts';
import type { UnitKind } from './kinds.ts';

/**
 * Small read-only questions other modules ask of the registry (the plans module: names of the
 * units on a page, the registry for matching names, grassroots units founded in a period, a
 * user's subtree). They go through here, not through the organisation tables.
 */
type Reader = { db: Kysely<Database> };

export type UnitRef = {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  validFrom: string;
  validTo: string | null;
};

const CHUNK = 400;

/** The units with these ids (unknown ids are left out). */
export async function unitRefs(platform: Reader, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const out = new Map<string, UnitRef>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await platform.db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'short_name', 'kind', 'valid_from', 'valid_to'])
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        shortName: r.short_name,
        kind: r.kind as UnitKind,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      });
  }
  return out;
}

/** Units that exist on `day` (optionally of some kinds), in registry order; at most `limit`. */
export async function liveUnits(
  platform: Reader,
  day: string,
  options: { kinds?: readonly UnitKind[]; limit: number },
): Promise<UnitRef[]> {
  let q = platform.db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name', 'kind', 'valid_from', 'valid_to'])
    .where('valid_from', '<=', day)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]));
  if (options.kinds) q = q.where('kind', 'in', [...options.kinds]);
  const rows = await q.orderBy('position').orderBy('sort_key').orderBy('id').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** Units of these kinds founded in [from, to] (inclusive ISO dates), earliest first. */
export async function unitsFounded(
  platform: Reader,
  kinds: readonly UnitKind[],
  from: string,
  to: string,
  limit = 1000,
): Promise<UnitRef[]> {
  const rows = await platform.db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name', 'kind', 'valid_from', 'valid_to'])
    .where('kind', 'in', [...kinds])
    .where('valid_from', '>=', from)
    .where('valid_from', '<=', to)
    .orderBy('valid_from')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** Every unit in the subtrees of these roots (the roots included); at most `limit`. */
export async function subtreeUnitIds(platform: Reader, rootIds: readonly string[], limit = 20_000): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await platform.db
    .selectFrom('unit_closure')
    .select('descendant_id')
    .distinct()
    .where('ancestor_id', 'in', [...new Set(rootIds)])
    .limit(limit)
    .execute();
  return rows.map((r) => r.descendant_id);
}

/** The person an account belongs to, if linked. */
export async function personOfUser(platform: Reader, userId: string): Promise<string | null> {
  const row = await platform.db.selectFrom('users').select('person_id').where('id', '=', userId).executeTakeFirst();
  return row?.person_id ?? null;
}

/** Where to write to an account's person: their e-mail (people.email), if the account is linked and active. */
export async function mailContactOfUser(
  platform: Reader,
  userId: string,
): Promise<{ email: string | null; name: string; locale: string } | null> {
  const row = await platform.db
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.display_name', 'u.locale', 'u.is_active', 'p.email', 'p.full_name'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (row?.is_active !== 1) return null;
  return { email: row.email ?? null, name: row.full_name ?? row.display_name, locale: row.locale };
}

/** People by id: name and the Party unit they belong to. */
export type PersonRef = { id: string; fullName: string; partyUnitId: string | null; partyJoinedOn: string | null };
export async function personRefs(platform: Reader, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const out = new Map<string, PersonRef>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await platform.db
      .selectFrom('people')
      .select(['id', 'full_name', 'party_unit_id', 'party_joined_on'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        fullName: r.full_name,
        partyUnitId: r.party_unit_id,
        partyJoinedOn: r.party_joined_on,
      });
  }
  return out;
}

/** The people whose Party unit is this unit (not its subtree), by full name; at most `limit`. */
export async function membersOfUnit(platform: Reader, unitId: string, limit: number): Promise<PersonRef[]> {
  const rows = await platform.db
    .selectFrom('people')
    .select(['id', 'full_name', 'party_unit_id', 'party_joined_on'])
    .where('party_unit_id', '=', unitId)
    .orderBy('full_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    partyUnitId: r.party_unit_id,
    partyJoinedOn: r.party_joined_on,
  }));
}

/**
 * Units within a root's subtree (the root included) that exist on `day`, optionally of some kinds
 * and matching a search (name, short name or code, without regard to diacritics); shallowest
 * first, then in registry order; at most `limit`.
 */
export async function unitsWithin(
  platform: Reader,
  rootId: string,
  day: string,
  options: { kinds?: readonly UnitKind[]; q?: string; limit: number },
): Promise<UnitRef[]> {
  let q = platform.db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'short_name', 'kind', 'valid_from', 'valid_to'])
    .where('id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', rootId))
    .where('valid_from', '<=', day)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]));
  if (options.kinds) q = q.where('kind', 'in', [...options.kinds]);
  if (options.q) q = q.where('search_folded', 'like', foldedContains(options.q));
  const rows = await q
    .orderBy('depth')
    .orderBy('position')
    .orderBy('sort_key')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** People whose Party unit is within a root's subtree, optionally matching a search; in Vietnamese order; at most `limit`. */
export async function partyMembersWithin(
  platform: Reader,
  rootId: string,
  options: { q?: string; limit: number },
): Promise<{ id: string; fullName: string; partyUnitId: string; partyUnitName: string }[]> {
  let q = platform.db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.party_unit_id')
    .select(['p.id', 'p.full_name', 'p.party_unit_id', 'u.name as unit_name'])
    .where('p.party_unit_id', 'in', (eb) =>
      eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', rootId),
    );
  if (options.q) q = q.where('p.name_folded', 'like', foldedContains(options.q));
  const rows = await q.orderBy('p.sort_key').orderBy('p.id').limit(options.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    partyUnitId: r.party_unit_id!,
    partyUnitName: r.unit_name,
  }));
}
