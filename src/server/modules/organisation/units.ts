import type { JsonValue } from '../../platform/http/jsonValue.ts';
import type { Kysely } from 'kysely';
import type { EventScope } from '../../platform/events/events.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail, type Bilingual } from '../../platform/http/errors.ts';
import { requireEdit, todayIn, type Caller, inTransaction } from './access.ts';
import { committeeKinds, operationTypes, unitKinds, type OperationType, type UnitKind } from './kinds.ts';
import {
  findUnit,
  openVersion,
  titlesOf,
  toUnitSummary,
  unitByCode,
  unitListQuery,
  unitSearchFields,
  type UnitRow,
  type UnitListFilter,
} from './repo.ts';
import type { CreateUnitInput, UpdateUnitInput } from './schema.ts';
import { addToTree } from './tree.ts';

type Executor = Kysely<Database>;

export const unitNotFound = () => fail.notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });

export const fieldProblem = (path: string, code: string, messages: Bilingual) =>
  fail.validation([{ in: 'body', path, code, messages }]);

export function publishOrganisation(
  platform: Platform,
  data: { entity: string; id: string; change: string; scope?: EventScope },
) {
  void platform.events.publish('organisation', data).catch(() => {});
}

export async function listUnits(
  platform: Platform,
  query: Omit<UnitListFilter, 'today'> & { page: number; pageSize: number },
) {
  const today = todayIn(platform.clock());
  const list = unitListQuery(platform.db, { ...query, today });
  const total = await list.total();
  const rows = await list.rows(query.pageSize, (query.page - 1) * query.pageSize);
  return {
    items: rows.map(toUnitSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    asOf: query.asOf ?? today,
  };
}

/** The same filter without paging, for an export (bounded). */
export async function allUnits(platform: Platform, query: Omit<UnitListFilter, 'today'>, limit: number) {
  const today = todayIn(platform.clock());
  return (await unitListQuery(platform.db, { ...query, today }).rows(limit, 0)).map(toUnitSummary);
}

const ref = (u: { id: string; name: string; short_name: string | null; kind: string }) => ({
  id: u.id,
  name: u.name,
  shortName: u.short_name,
  kind: u.kind,
});

export async function unitGroups(db: Executor, unitIds: string[]) {
  const map = new Map<
    string,
    { setId: string; setCode: string; setName: string; groupId: string; groupCode: string; groupName: string }[]
  >();
  if (unitIds.length === 0) return map;
  const rows = await db
    .selectFrom('unit_groups as ug')
    .innerJoin('groups as g', 'g.id', 'ug.group_id')
    .innerJoin('group_sets as s', 's.id', 'ug.set_id')
    .select([
      'ug.unit_id',
      's.id as set_id',
      's.code as set_code',
      's.name as set_name',
      'g.id as group_id',
      'g.code as group_code',
      'g.name as group_name',
    ])
    .where('ug.unit_id', 'in', unitIds)
    .orderBy('s.position')
    .orderBy('s.code')
    .execute();
  for (const r of rows) {
    map.set(r.unit_id, [
      ...(map.get(r.unit_id) ?? []),
      {
        setId: r.set_id,
        setCode: r.set_code,
        setName: r.set_name,
        groupId: r.group_id,
        groupCode: r.group_code,
        groupName: r.group_name,
      },
    ]);
  }
  return map;
}

export async function operationsOf(db: Executor, filter: { unitId: string }) {
  const rows = await db
    .selectFrom('unit_operations as o')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .leftJoin('units as t', 't.id', 'o.target_id')
    .select([
      'o.id',
      'o.type',
      'o.effective_on',
      'o.document_number',
      'o.document_date',
      'o.note',
      'o.details_json',
      'o.created_at',
      'u.id as u_id',
      'u.name as u_name',
      'u.short_name as u_short',
      'u.kind as u_kind',
      't.id as t_id',
      't.name as t_name',
      't.short_name as t_short',
      't.kind as t_kind',
    ])
    .where((w) => w.or([w('o.unit_id', '=', filter.unitId), w('o.target_id', '=', filter.unitId)]))
    .orderBy('o.effective_on', 'desc')
    .orderBy('o.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as OperationType,
    label: operationTypes[r.type as OperationType],
    effectiveOn: r.effective_on,
    documentNumber: r.document_number,
    documentDate: r.document_date,
    note: r.note,
    unit: { id: r.u_id, name: r.u_name, shortName: r.u_short, kind: r.u_kind },
    target: r.t_id ? { id: r.t_id, name: r.t_name!, shortName: r.t_short, kind: r.t_kind! } : null,
    details: r.details_json ? (JSON.parse(r.details_json) as Record<string, JsonValue>) : null,
    createdAt: r.created_at,
  }));
}

export async function inChargeRows(db: Executor, filter: { personId?: string; unitId?: string }, today: string) {
  let q = db
    .selectFrom('unit_supervisors as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.person_id',
      'p.full_name',
      's.unit_id',
      'u.name as unit_name',
      'u.short_name as unit_short',
      's.note',
      'p.sort_key',
      'u.sort_key as unit_sort',
    ]);
  if (filter.personId) q = q.where('s.person_id', '=', filter.personId);
  if (filter.unitId) q = q.where('s.unit_id', '=', filter.unitId);
  const rows = await q.orderBy('p.sort_key').orderBy('u.sort_key').limit(5000).execute();
  const titles = await titlesOf(db, [...new Set(rows.map((r) => r.person_id))], today, committeeKinds);
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    titles: titles.get(r.person_id) ?? [],
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitShortName: r.unit_short,
    note: r.note,
  }));
}

export async function positionsIn(
  db: Executor,
  filter: { unitId?: string; personId?: string },
  today: string,
  currentOnly: boolean,
) {
  let q = db
    .selectFrom('positions as pos')
    .innerJoin('people as p', 'p.id', 'pos.person_id')
    .innerJoin('units as u', 'u.id', 'pos.unit_id')
    .select([
      'pos.id',
      'pos.person_id',
      'p.full_name',
      'pos.unit_id',
      'u.name as unit_name',
      'pos.title',
      'pos.rank',
      'pos.valid_from',
      'pos.valid_to',
    ]);
  if (filter.unitId) q = q.where('pos.unit_id', '=', filter.unitId);
  if (filter.personId) q = q.where('pos.person_id', '=', filter.personId);
  if (currentOnly) q = q.where((w) => w.or([w('pos.valid_to', 'is', null), w('pos.valid_to', '>', today)]));
  const rows = await q.orderBy('pos.rank').orderBy('p.sort_key').orderBy('pos.valid_from', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    rank: r.rank,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function getUnit(platform: Platform, id: string) {
  const db = platform.db;
  const today = todayIn(platform.clock());
  const u = await findUnit(db, id);
  if (!u) throw unitNotFound();
  const ancestors = await db
    .selectFrom('unit_closure as c')
    .innerJoin('units as a', 'a.id', 'c.ancestor_id')
    .select(['a.id', 'a.name', 'a.short_name', 'a.kind'])
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
  const children = await listUnits(platform, { parentId: id, page: 1, pageSize: 500, includeEnded: false });
  const direct = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('party_unit_id', '=', id)
    .where('party_joined_on', 'is not', null)
    .executeTakeFirstOrThrow();
  const subtree = await db
    .selectFrom('people as p')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'p.party_unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.ancestor_id', '=', id)
    .where('p.party_joined_on', 'is not', null)
    .executeTakeFirstOrThrow();
  const versions = await db
    .selectFrom('unit_versions as v')
    .leftJoin('units as p', 'p.id', 'v.parent_id')
    .select(['v.name', 'v.short_name', 'v.parent_id', 'p.name as parent_name', 'v.valid_from', 'v.valid_to'])
    .where('v.unit_id', '=', id)
    .orderBy('v.valid_from', 'desc')
    .execute();
  return {
    ...toUnitSummary({ ...u, child_count: children.total, parent_name: ancestors.at(-1)?.name ?? null }),
    address: u.address,
    phone: u.phone,
    email: u.email,
    website: u.website,
    taxCode: u.tax_code,
    workers: u.workers,
    note: u.note,
    position: u.position,
    kindLabel: unitKinds[u.kind as UnitKind] ?? { vi: u.kind, en: u.kind },
    groups: (await unitGroups(db, [id])).get(id) ?? [],
    ancestors: ancestors.map(ref),
    children: children.items,
    people: await positionsIn(db, { unitId: id }, today, true),
    partyMembers: { direct: Number(direct.n), subtree: Number(subtree.n) },
    versions: versions.map((v) => ({
      name: v.name,
      shortName: v.short_name,
      parentId: v.parent_id,
      parentName: v.parent_name,
      validFrom: v.valid_from,
      validTo: v.valid_to,
    })),
    history: await operationsOf(db, { unitId: id }),
    inCharge: await inChargeRows(db, { unitId: id }, today),
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

/** Replaces a unit's groups; at most one group of each set. */
export async function setUnitGroups(tx: Executor, unitId: string, groupIds: string[], path = 'groupIds') {
  const unique = [...new Set(groupIds)];
  const groups = unique.length
    ? await tx.selectFrom('groups').select(['id', 'set_id']).where('id', 'in', unique).execute()
    : [];
  if (groups.length !== unique.length) {
    throw fieldProblem(path, 'unknown_group', { vi: 'Có nhóm không tồn tại.', en: 'A group does not exist.' });
  }
  const sets = new Set(groups.map((g) => g.set_id));
  if (sets.size !== groups.length) {
    throw fieldProblem(path, 'one_group_per_set', {
      vi: 'Mỗi đơn vị chỉ thuộc một nhóm trong mỗi bộ phân nhóm.',
      en: 'A unit belongs to at most one group of each group set.',
    });
  }
  await tx.deleteFrom('unit_groups').where('unit_id', '=', unitId).execute();
  if (groups.length)
    await tx
      .insertInto('unit_groups')
      .values(groups.map((g) => ({ unit_id: unitId, set_id: g.set_id, group_id: g.id })))
      .execute();
}

const codeTaken = (code: string) =>
  fail.conflict('UNIT_CODE_TAKEN', {
    vi: `Mã đơn vị "${code}" đã được dùng.`,
    en: `The unit code "${code}" is already in use.`,
  });

export type NewUnit = {
  code: string;
  kind: UnitKind;
  name: string;
  shortName?: string | null;
  parentId?: string | null;
  position?: number;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  note?: string | null;
  taxCode?: string | null;
  workers?: number | null;
  validFrom: string;
  isDemo?: boolean;
};

/**
 * Inserts a unit with its closure rows and first version; checks the parent exists on the day.
 * The caller has checked permission and writes the operation and audit.
 */
export async function insertUnit(tx: Executor, input: NewUnit, now: Date): Promise<UnitRow> {
  if (await unitByCode(tx, input.code)) throw codeTaken(input.code);
  let depth = 0;
  if (input.parentId) {
    const parent = await findUnit(tx, input.parentId);
    if (!parent)
      throw fieldProblem('parentId', 'unknown_parent', {
        vi: 'Đơn vị cấp trên không tồn tại.',
        en: 'The parent unit does not exist.',
      });
    if (parent.valid_from > input.validFrom || (parent.valid_to !== null && parent.valid_to <= input.validFrom)) {
      throw fieldProblem('parentId', 'parent_not_live', {
        vi: 'Đơn vị cấp trên không còn hoạt động vào ngày này.',
        en: 'The parent unit does not exist on that date.',
      });
    }
    depth = parent.depth + 1;
  }
  const at = now.toISOString();
  const row: UnitRow = {
    id: newId(now.getTime()),
    code: input.code,
    kind: input.kind,
    name: input.name,
    short_name: input.shortName ?? null,
    ...unitSearchFields(input.name, input.shortName ?? null, input.code),
    parent_id: input.parentId ?? null,
    depth,
    position: input.position ?? 0,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    tax_code: input.taxCode ?? null,
    workers: input.workers ?? null,
    note: input.note ?? null,
    valid_from: input.validFrom,
    valid_to: null,
    is_demo: input.isDemo ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('units').values(row).execute();
  await addToTree(tx, row.id, row.parent_id);
  await tx
    .insertInto('unit_versions')
    .values({
      id: newId(now.getTime()),
      unit_id: row.id,
      parent_id: row.parent_id,
      name: row.name,
      short_name: row.short_name,
      search_folded: row.search_folded,
      sort_key: row.sort_key,
      valid_from: row.valid_from,
      valid_to: null,
      operation_id: null,
    })
    .execute();
  return row;
}

export async function insertOperation(
  tx: Executor,
  op: {
    type: OperationType;
    unitId: string;
    targetId?: string | null;
    effectiveOn: string;
    documentNumber?: string | null;
    documentDate?: string | null;
    note?: string | null;
    details?: unknown;
    isDemo?: boolean;
  },
  actor: Caller['actor'],
  now: Date,
): Promise<string> {
  const id = newId(now.getTime());
  await tx
    .insertInto('unit_operations')
    .values({
      id,
      type: op.type,
      unit_id: op.unitId,
      target_id: op.targetId ?? null,
      effective_on: op.effectiveOn,
      document_number: op.documentNumber ?? null,
      document_date: op.documentDate ?? null,
      note: op.note ?? null,
      details_json: op.details === undefined ? null : JSON.stringify(op.details),
      is_demo: op.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      created_by: actor.userId,
    })
    .execute();
  return id;
}

/** Founds a unit (POST /api/units): the unit, its place in the tree, a "found" operation, the audit. */
export async function createUnit(platform: Platform, caller: Caller, input: CreateUnitInput & { isDemo?: boolean }) {
  const now = platform.clock();
  const validFrom = input.validFrom ?? todayIn(now);
  const row = await inTransaction(platform, async (tx) => {
    await requireEdit(tx, caller, input.parentId ?? null);
    const unit = await insertUnit(tx, { ...input, validFrom, parentId: input.parentId ?? null }, now);
    if (input.groupIds) await setUnitGroups(tx, unit.id, input.groupIds);
    const opId = await insertOperation(
      tx,
      {
        type: 'found',
        unitId: unit.id,
        targetId: unit.parent_id,
        effectiveOn: validFrom,
        documentNumber: input.documentNumber,
        documentDate: input.documentDate,
        isDemo: input.isDemo,
      },
      caller.actor,
      now,
    );
    await tx.updateTable('unit_versions').set({ operation_id: opId }).where('unit_id', '=', unit.id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'unit.create',
        entityType: 'unit',
        entityId: unit.id,
        after: { ...unit, groupIds: input.groupIds ?? [], documentNumber: input.documentNumber ?? null },
      },
      now,
    );
    return unit;
  });
  publishOrganisation(platform, { entity: 'unit', id: row.id, change: 'created' });
  return getUnit(platform, row.id);
}

/** Corrects a unit's details (not a dated restructuring: renames and moves are operations). */
export async function updateUnit(platform: Platform, caller: Caller, id: string, input: UpdateUnitInput) {
  const now = platform.clock();
  if (Object.values(input).every((v) => v === undefined)) {
    if (!(await findUnit(platform.db, id))) throw unitNotFound();
    await requireEdit(platform.db, caller, id);
    return getUnit(platform, id);
  }
  await inTransaction(platform, async (tx) => {
    const before = await findUnit(tx, id);
    if (!before) throw unitNotFound();
    await requireEdit(tx, caller, id);
    if (input.code !== undefined && input.code !== before.code && (await unitByCode(tx, input.code)))
      throw codeTaken(input.code);
    const name = input.name ?? before.name;
    const shortName = input.shortName !== undefined ? input.shortName : before.short_name;
    const code = input.code ?? before.code;
    const change: Partial<UnitRow> = {
      code,
      kind: input.kind ?? before.kind,
      name,
      short_name: shortName,
      ...unitSearchFields(name, shortName, code),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.taxCode !== undefined ? { tax_code: input.taxCode } : {}),
      ...(input.workers !== undefined ? { workers: input.workers } : {}),
      updated_at: now.toISOString(),
    };
    await tx.updateTable('units').set(change).where('id', '=', id).execute();
    const open = await openVersion(tx, id);
    if (open && (name !== before.name || shortName !== before.short_name || code !== before.code)) {
      await tx
        .updateTable('unit_versions')
        .set({ name, short_name: shortName, search_folded: change.search_folded!, sort_key: change.sort_key! })
        .where('id', '=', open.id)
        .execute();
    }
    const groupsBefore = (await unitGroups(tx, [id])).get(id)?.map((g) => g.groupId) ?? [];
    if (input.groupIds) await setUnitGroups(tx, id, input.groupIds);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before: { ...before, groupIds: groupsBefore },
        after: { ...before, ...change, groupIds: input.groupIds ?? groupsBefore },
      },
      now,
    );
  });
  publishOrganisation(platform, { entity: 'unit', id, change: 'updated' });
  return getUnit(platform, id);
}
