import { sql, type Kysely, type Selectable } from 'kysely';
import { fold } from '../../../common/text.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { viSortKey } from '../../../common/sortKey.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { UnitsTable } from './tables.ts';
import type { UnitKind } from './kinds.ts';

/** The queries of the organisation module that more than one service needs. */
type Executor = Kysely<Database>;
export type UnitRow = Selectable<UnitsTable>;

export function unitSearchFields(name: string, shortName: string | null, code: string) {
  return {
    search_folded: fold([name, shortName ?? '', code].join(' ')),
    sort_key: viSortKey(name),
    name_folded: fold(name),
  };
}

/** Open at `day`: valid_from <= day < valid_to. */
export const liveOn = (day: string) => sql<boolean>`(valid_from <= ${day} and (valid_to is null or valid_to > ${day}))`;

export type UnitListFilter = {
  q?: string;
  asOf?: string;
  parentId?: string | 'none';
  kind?: UnitKind;
  includeEnded?: boolean;
  today: string;
};

/**
 * One page of units. Without `asOf` it reads the current registry (units not yet ended); with it,
 * the versions open on that day, so names and parents are those of the day.
 */
export type UnitListQuery = {
  total(): Promise<number>;
  rows(limit: number, offset: number): Promise<UnitSummaryRow[]>;
};

export function unitListQuery(db: Executor, f: UnitListFilter): UnitListQuery {
  if (f.asOf) {
    const asOf = f.asOf;
    let base = db
      .selectFrom('unit_versions as v')
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .where('v.valid_from', '<=', asOf)
      .where((w) => w.or([w('v.valid_to', 'is', null), w('v.valid_to', '>', asOf)]));
    if (f.q) base = base.where('v.search_folded', 'like', foldedContains(f.q));
    if (f.parentId === 'none') base = base.where('v.parent_id', 'is', null);
    else if (f.parentId) base = base.where('v.parent_id', '=', f.parentId);
    if (f.kind) base = base.where('u.kind', '=', f.kind);
    const select = base.select((eb) => [
      'u.id as id',
      'v.parent_id as parent_id',
      'u.code as code',
      'v.name as name',
      'v.short_name as short_name',
      'u.kind as kind',
      'u.depth as depth',
      'u.valid_from as valid_from',
      'u.valid_to as valid_to',
      'u.is_demo as is_demo',
      'u.position as position',
      'v.sort_key as sort_key',
      eb
        .selectFrom('unit_versions as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.valid_from', '<=', asOf)
        .where((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', asOf)]))
        .as('child_count'),
      eb
        .selectFrom('unit_versions as pv')
        .select('pv.name')
        .whereRef('pv.unit_id', '=', 'v.parent_id')
        .where('pv.valid_from', '<=', asOf)
        .where((w) => w.or([w('pv.valid_to', 'is', null), w('pv.valid_to', '>', asOf)]))
        .limit(1)
        .as('parent_name'),
    ]);
    return {
      total: async () =>
        Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      rows: (limit, offset) => {
        const ordered = f.q ? select.orderBy('v.sort_key') : select.orderBy('u.position').orderBy('v.sort_key');
        return ordered.orderBy('u.id').limit(limit).offset(offset).execute();
      },
    };
  }
  const today = f.today;
  let base = db.selectFrom('units as u');
  if (!f.includeEnded) base = base.where((w) => w.or([w('u.valid_to', 'is', null), w('u.valid_to', '>', today)]));
  if (f.q) base = base.where('u.search_folded', 'like', foldedContains(f.q));
  if (f.parentId === 'none') base = base.where('u.parent_id', 'is', null);
  else if (f.parentId) base = base.where('u.parent_id', '=', f.parentId);
  if (f.kind) base = base.where('u.kind', '=', f.kind);
  const select = base.select((eb) => [
    'u.id as id',
    'u.parent_id as parent_id',
    'u.code as code',
    'u.name as name',
    'u.short_name as short_name',
    'u.kind as kind',
    'u.depth as depth',
    'u.valid_from as valid_from',
    'u.valid_to as valid_to',
    'u.is_demo as is_demo',
    'u.position as position',
    'u.sort_key as sort_key',
    eb
      .selectFrom('units as c')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('c.parent_id', '=', 'u.id')
      .where((w) => w.or([w('c.valid_to', 'is', null), w('c.valid_to', '>', today)]))
      .as('child_count'),
    eb.selectFrom('units as p').select('p.name').whereRef('p.id', '=', 'u.parent_id').as('parent_name'),
  ]);
  return {
    total: async () =>
      Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    rows: (limit, offset) => {
      const ordered = f.q ? select.orderBy('u.sort_key') : select.orderBy('u.position').orderBy('u.sort_key');
      return ordered.orderBy('u.id').limit(limit).offset(offset).execute();
    },
  };
}

export type UnitSummaryRow = {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  depth: number;
  valid_from: string;
  valid_to: string | null;
  is_demo: number;
  child_count: number | null;
  /** The parent's name (of the day viewed), where the query reads it. */
  parent_name?: string | null;
};

export function toUnitSummary(r: UnitSummaryRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    depth: Number(r.depth),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    childCount: Number(r.child_count ?? 0),
    parentName: r.parent_name ?? null,
    isDemo: r.is_demo === 1,
  };
}

export async function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitByCode(db: Executor, code: string) {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function openVersion(db: Executor, unitId: string) {
  return db
    .selectFrom('unit_versions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The current titles people hold in units of the given kinds, keyed by person. */
export async function titlesOf(db: Executor, personIds: string[], today: string, kinds?: readonly string[]) {
  const map = new Map<string, string[]>();
  if (personIds.length === 0) return map;
  let q = db
    .selectFrom('positions as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.person_id', 'p.title', 'u.short_name', 'u.name'])
    .where('p.person_id', 'in', personIds)
    .where((w) => w.or([w('p.valid_to', 'is', null), w('p.valid_to', '>', today)]))
    .orderBy('p.rank')
    .orderBy('u.sort_key');
  if (kinds) q = q.where('u.kind', 'in', [...kinds]);
  for (const r of await q.execute()) {
    map.set(r.person_id, [...(map.get(r.person_id) ?? []), `${r.title} ${r.short_name ?? r.name}`]);
  }
  return map;
}
