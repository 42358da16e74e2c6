import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Platform } from '../../platform/platform.ts';
import type { UnitScope } from '../../platform/policy/policy.ts';

/**
 * The current tree as a closure table: one row per (ancestor, descendant) pair, a unit being its
 * own ancestor at depth 0. "Is X inside Y's subtree?" is one indexed lookup, and "everything
 * under Y" one indexed range, on SQLite and PostgreSQL alike, at any tree size. Moves (and the
 * moves a merge makes) rewrite the pairs of the moved subtree only.
 */
type Executor = Kysely<Database>;

const CHUNK = 400;
function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function isWithin(db: Executor, unitId: string, rootId: string): Promise<boolean> {
  if (unitId === rootId) return true;
  const row = await db
    .selectFrom('unit_closure')
    .select('depth')
    .where('ancestor_id', '=', rootId)
    .where('descendant_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A UnitScope that reads through the given executor (a transaction, inside one). */
export function treeScope(db: Executor): UnitScope {
  return { isWithin: (unitId, rootId) => isWithin(db, unitId, rootId) };
}

/**
 * Puts the real unit tree into the platform, replacing the flat scope it starts with. The app
 * composition calls this once (createApp), so every module's `can(…, platform.unitScope)` sees
 * subtrees.
 *
 * On SQLite it reads through the raw connection, synchronously: Kysely's SQLite driver has one
 * connection behind a lock, so a query through `platform.db` made while a module's transaction
 * is open would wait for that transaction forever. The raw connection answers at once (and sees
 * the open transaction's own changes). On PostgreSQL the pool gives the check its own connection.
 */
export function installUnitScope(platform: Platform): void {
  const sqlite = platform.database.sqlite;
  if (!sqlite) {
    platform.unitScope = treeScope(platform.db);
    return;
  }
  const statement = sqlite.prepare('select 1 from unit_closure where ancestor_id = ? and descendant_id = ?').pluck();
  platform.unitScope = {
    isWithin: async (unitId, rootId) => unitId === rootId || statement.get(rootId, unitId) !== undefined,
  };
}

/** The closure rows of a new leaf under `parentId` (or a new root). */
export async function addToTree(db: Executor, unitId: string, parentId: string | null): Promise<void> {
  await db.insertInto('unit_closure').values({ ancestor_id: unitId, descendant_id: unitId, depth: 0 }).execute();
  if (parentId) {
    await db
      .insertInto('unit_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('unit_closure')
          .select((s) => ['ancestor_id', s.val(unitId).as('descendant_id'), s('depth', '+', 1).as('depth')])
          .where('descendant_id', '=', parentId),
      )
      .execute();
  }
}

/**
 * Other modules that keep something per subtree (the reporting module's live totals) hear of a
 * move in the mover's transaction: the moved unit, the ancestors it had and the ones it has now.
 */
export type SubtreeMoveListener = (
  db: Executor,
  move: { unitId: string; oldAncestors: string[]; newAncestors: string[] },
) => Promise<void>;
const moveListeners: SubtreeMoveListener[] = [];
export function onSubtreeMove(listener: SubtreeMoveListener): void {
  if (!moveListeners.includes(listener)) moveListeners.push(listener);
}

/** Moves the subtree rooted at `unitId` under `newParentId` (null: becomes a root). */
export async function moveInTree(db: Executor, unitId: string, newParentId: string | null): Promise<void> {
  const descendants = await db
    .selectFrom('unit_closure')
    .select(['descendant_id', 'depth'])
    .where('ancestor_id', '=', unitId)
    .execute();
  const oldAncestors = await db
    .selectFrom('unit_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', unitId)
    .where('depth', '>', 0)
    .execute();
  const ids = descendants.map((d) => d.descendant_id);
  if (oldAncestors.length > 0) {
    for (const part of chunks(ids)) {
      await db
        .deleteFrom('unit_closure')
        .where(
          'ancestor_id',
          'in',
          oldAncestors.map((a) => a.ancestor_id),
        )
        .where('descendant_id', 'in', part)
        .execute();
    }
  }
  let newDepth = 0;
  let newAncestorIds: string[] = [];
  if (newParentId) {
    const newAncestors = await db
      .selectFrom('unit_closure')
      .select(['ancestor_id', 'depth'])
      .where('descendant_id', '=', newParentId)
      .execute();
    newAncestorIds = newAncestors.map((a) => a.ancestor_id);
    const rows = newAncestors.flatMap((a) =>
      descendants.map((d) => ({
        ancestor_id: a.ancestor_id,
        descendant_id: d.descendant_id,
        depth: a.depth + 1 + d.depth,
      })),
    );
    for (const part of chunks(rows, 300)) await db.insertInto('unit_closure').values(part).execute();
    newDepth = newAncestors.length; // the parent's own depth + 1
  }
  const current = await db.selectFrom('units').select('depth').where('id', '=', unitId).executeTakeFirstOrThrow();
  const delta = newDepth - current.depth;
  if (delta !== 0) {
    for (const part of chunks(ids)) {
      await db
        .updateTable('units')
        .set((eb) => ({ depth: eb('depth', '+', delta) }))
        .where('id', 'in', part)
        .execute();
    }
  }
  for (const listener of moveListeners)
    await listener(db, { unitId, oldAncestors: oldAncestors.map((a) => a.ancestor_id), newAncestors: newAncestorIds });
}
