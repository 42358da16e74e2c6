import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { UnitKind } from './kinds.ts';

/**
 * The unit tree as other modules put it into their own queries (ADR 17). Reporting and plans
 * join units, subtrees and group sets into queries over their own tables; they do it through
 * these builders, never by naming `units`, `unit_closure` or `unit_groups`. Each builder is a
 * subquery: used as a derived table (`innerJoin(subtreeOf(db, id).as('c'), 'c.unit_id', 'v.unit_id')`)
 * or on the right of `in`, it compiles into the caller's one statement, and both databases
 * flatten it into the same plan as the join it replaces. The few questions asked on their own
 * (a unit's ancestors, its children, the groups inside a subtree) are functions here too, one
 * statement each as before.
 */
type Db = Kysely<Database>;

/**
 * Units as other modules may read them, with the kind of the parent (for rules that depend on
 * where a unit sits). Columns: id, code, name, short_name, kind, parent_id, parent_kind, depth,
 * position, sort_key (the registry's Vietnamese order), valid_from, valid_to.
 */
export function unitView(db: Db) {
  return db
    .selectFrom('units as un')
    .leftJoin('units as up', 'up.id', 'un.parent_id')
    .select([
      'un.id',
      'un.code',
      'un.name',
      'un.short_name',
      'un.kind',
      'un.parent_id',
      'up.kind as parent_kind',
      'un.depth',
      'un.position',
      'un.sort_key',
      'un.valid_from',
      'un.valid_to',
    ]);
}

/**
 * The units in the subtrees of `roots` (each root included, at depth 0): rows of root_id,
 * unit_id and depth (how far below the root), optionally only between some depths. One indexed
 * range of the closure table per root.
 */
export function subtreeOf(db: Db, roots: string | readonly string[], depth: { min?: number; max?: number } = {}) {
  let q = db
    .selectFrom('unit_closure as tree')
    .select(['tree.ancestor_id as root_id', 'tree.descendant_id as unit_id', 'tree.depth']);
  q =
    typeof roots === 'string'
      ? q.where('tree.ancestor_id', '=', roots)
      : q.where('tree.ancestor_id', 'in', roots.length ? [...new Set(roots)] : ['']);
  if (depth.min !== undefined) q = q.where('tree.depth', '>=', depth.min);
  if (depth.max !== undefined) q = q.where('tree.depth', '<=', depth.max);
  return q;
}

/** The ids of the units in any of these groups, for `where('x.unit_id', 'in', unitsInGroups(db, ids))`. */
export function unitsInGroups(db: Db, groupIds: readonly string[]) {
  return db
    .selectFrom('unit_groups as grouped')
    .select('grouped.unit_id')
    .where('grouped.group_id', 'in', groupIds.length ? [...groupIds] : ['']);
}

/** A unit's ancestors, itself included (in no particular order). */
export async function ancestorIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).execute();
  return rows.map((r) => r.ancestor_id);
}

/** A unit's strict ancestors, nearest first. */
export function ancestorsOf(db: Db, unitId: string) {
  return db
    .selectFrom('unit_closure as c')
    .innerJoin('units as a', 'a.id', 'c.ancestor_id')
    .select(['a.id', 'a.name', 'a.kind'])
    .where('c.descendant_id', '=', unitId)
    .where('c.depth', '>', 0)
    .orderBy('c.depth')
    .execute() as Promise<{ id: string; name: string; kind: UnitKind }[]>;
}

export type ChildUnit = { id: string; name: string; shortName: string | null; kind: UnitKind };

/** A unit's children in registry order (every child the table holds, as the drill-downs show), a page at a time. */
export async function childUnits(
  db: Db,
  parentId: string,
  page: { limit?: number; offset?: number } = {},
): Promise<ChildUnit[]> {
  let q = db
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'kind'])
    .where('parent_id', '=', parentId)
    .orderBy('position')
    .orderBy('sort_key');
  if (page.limit !== undefined) q = q.limit(page.limit);
  if (page.offset) q = q.offset(page.offset);
  return (await q.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
  }));
}

export async function hasChildren(db: Db, unitId: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('parent_id', '=', unitId).limit(1).execute()).length > 0;
}

/**
 * The units of a group set inside a subtree, each with its group and the group of its nearest
 * grouped ancestor inside the subtree (`enclosingGroupId`, null when none: an enterprise under
 * its grouped Party committee is enclosed by the committee's group). Two indexed reads: the
 * members, and the few members nested under other members.
 */
export async function groupMembersWithin(
  db: Db,
  rootId: string,
  setId: string,
): Promise<{ unitId: string; groupId: string; enclosingGroupId: string | null }[]> {
  const members = await db
    .selectFrom('unit_groups as ug')
    .innerJoin('unit_closure as inside', (j) =>
      j.onRef('inside.descendant_id', '=', 'ug.unit_id').on('inside.ancestor_id', '=', rootId),
    )
    .select(['ug.unit_id', 'ug.group_id'])
    .where('ug.set_id', '=', setId)
    .execute();
  const nested = await db
    .selectFrom('unit_closure as c')
    .innerJoin('unit_groups as below', (j) =>
      j.onRef('below.unit_id', '=', 'c.descendant_id').on('below.set_id', '=', setId),
    )
    .innerJoin('unit_groups as above', (j) =>
      j.onRef('above.unit_id', '=', 'c.ancestor_id').on('above.set_id', '=', setId),
    )
    .innerJoin('unit_closure as inside', (j) =>
      j.onRef('inside.descendant_id', '=', 'c.ancestor_id').on('inside.ancestor_id', '=', rootId),
    )
    .select(['c.descendant_id', 'c.depth', 'above.group_id'])
    .where('c.depth', '>', 0)
    .execute();
  const nearestAbove = new Map<string, { depth: number; groupId: string }>();
  for (const n of nested) {
    const seen = nearestAbove.get(n.descendant_id);
    if (!seen || Number(n.depth) < seen.depth)
      nearestAbove.set(n.descendant_id, { depth: Number(n.depth), groupId: n.group_id });
  }
  return members.map((m) => ({
    unitId: m.unit_id,
    groupId: m.group_id,
    enclosingGroupId: nearestAbove.get(m.unit_id)?.groupId ?? null,
  }));
}

/** The group (of a set) of a unit's nearest grouped strict ancestor, if any. */
export async function enclosingGroupOf(db: Db, unitId: string, setId: string): Promise<string | null> {
  const row = await db
    .selectFrom('unit_closure as up')
    .innerJoin('unit_groups as ag', (j) => j.onRef('ag.unit_id', '=', 'up.ancestor_id').on('ag.set_id', '=', setId))
    .select('ag.group_id')
    .where('up.descendant_id', '=', unitId)
    .where('up.depth', '>', 0)
    .orderBy('up.depth')
    .limit(1)
    .executeTakeFirst();
  return row?.group_id ?? null;
}
