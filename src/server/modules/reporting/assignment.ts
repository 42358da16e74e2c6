import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { subtreeOf, unitsInGroups, unitView } from '../organisation/index.ts';
import type { PeriodWindow } from '../../../common/periods.ts';
import type { Template } from './model.ts';

/**
 * Who must report on a template: the live units (during the period's window) of the assigned
 * kinds, in the assigned groups, or listed — as a query, so completeness counts 10,000 units in
 * the database, not in memory. `within` narrows it to a subtree.
 */
type Db = Kysely<Database>;

export function expectedUnits(
  db: Db,
  template: Pick<Template, 'assignment'>,
  window: PeriodWindow,
  within: string | null,
) {
  const a = template.assignment;
  let q = db
    .selectFrom(unitView(db).as('u'))
    .where('u.valid_from', '<=', window.end)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', window.start)]))
    .where((eb) => {
      const any = [];
      if (a.kinds.length) any.push(eb('u.kind', 'in', a.kinds));
      if (a.unitIds.length) any.push(eb('u.id', 'in', a.unitIds));
      if (a.groupIds.length) any.push(eb('u.id', 'in', unitsInGroups(db, a.groupIds)));
      return any.length ? eb.or(any) : sql<boolean>`1 = 0`;
    });
  if (within) q = q.innerJoin(subtreeOf(db, within).as('c'), 'c.unit_id', 'u.id');
  return q;
}

export async function isExpected(
  db: Db,
  template: Pick<Template, 'assignment'>,
  window: PeriodWindow,
  unitId: string,
): Promise<boolean> {
  const row = await expectedUnits(db, template, window, null)
    .select('u.id')
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The deadline level of a unit: a cell under a grassroots committee reports first, then grassroots units, then the Bloc's own bodies. */
export async function levelOf(db: Db, unitId: string): Promise<'cell' | 'grassroots' | 'bloc'> {
  const u = await db
    .selectFrom(unitView(db).as('u'))
    .select(['u.kind', 'u.parent_kind'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return u ? levelOfKinds(u.kind, u.parent_kind) : 'bloc';
}

/** The same rule from a unit's kind and its parent's (for lists that already read both). */
export function levelOfKinds(kind: string, parentKind: string | null): 'cell' | 'grassroots' | 'bloc' {
  if (kind === 'sub_cell' || (kind === 'grassroots_cell' && parentKind === 'grassroots_committee')) return 'cell';
  if (kind === 'grassroots_committee' || kind === 'grassroots_cell') return 'grassroots';
  return 'bloc';
}
