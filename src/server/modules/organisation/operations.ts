import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/platform.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireEdit, type Caller, inTransaction } from './access.ts';
import { findUnit, openVersion, unitSearchFields, type UnitRow } from './repo.ts';
import type { OperationInput } from './schema.ts';
import { fieldProblem, getUnit, insertOperation, insertUnit, publishOrganisation, unitNotFound } from './units.ts';
import { isWithin, moveInTree } from './tree.ts';
import type { UnitKind } from './kinds.ts';

/**
 * Restructuring, each a dated operation with the deciding document, applied in one transaction
 * with its audit record: rename, move, merge into, split, dissolve (founding is POST /api/units).
 * A unit's versions close on the operation's date and new ones open, so the tree can be read as
 * of any day. Operations are appended: one dated before the unit's last change is refused.
 */
type Executor = Kysely<Database>;

const ended = () =>
  fail.conflict('UNIT_ENDED', {
    vi: 'Đơn vị đã giải thể hoặc sáp nhập; không thể thay đổi.',
    en: 'The unit has ended (dissolved or merged); it cannot change.',
  });

const hasChildren = () =>
  fail.conflict('UNIT_HAS_CHILDREN', {
    vi: 'Đơn vị còn đơn vị trực thuộc; hãy chuyển hoặc giải thể các đơn vị đó trước.',
    en: 'The unit still has units under it; move or dissolve them first.',
  });

/** Closes the open version on `day` and opens one with the changes (or amends it on the same day). */
async function newVersion(
  tx: Executor,
  unit: UnitRow,
  day: string,
  change: { parent_id?: string | null; name?: string; short_name?: string | null },
  operationId: string,
): Promise<void> {
  const open = await openVersion(tx, unit.id);
  const name = change.name ?? open?.name ?? unit.name;
  const shortName = change.short_name !== undefined ? change.short_name : (open?.short_name ?? unit.short_name);
  const parentId = change.parent_id !== undefined ? change.parent_id : (open?.parent_id ?? unit.parent_id);
  const fields = unitSearchFields(name, shortName, unit.code);
  if (open && open.valid_from === day) {
    await tx
      .updateTable('unit_versions')
      .set({
        name,
        short_name: shortName,
        parent_id: parentId,
        search_folded: fields.search_folded,
        sort_key: fields.sort_key,
        operation_id: operationId,
      })
      .where('id', '=', open.id)
      .execute();
    return;
  }
  if (open) await tx.updateTable('unit_versions').set({ valid_to: day }).where('id', '=', open.id).execute();
  await tx
    .insertInto('unit_versions')
    .values({
      id: newId(),
      unit_id: unit.id,
      parent_id: parentId,
      name,
      short_name: shortName,
      search_folded: fields.search_folded,
      sort_key: fields.sort_key,
      valid_from: day,
      valid_to: null,
      operation_id: operationId,
    })
    .execute();
}

async function endUnit(tx: Executor, unit: UnitRow, day: string, now: Date) {
  await tx
    .updateTable('unit_versions')
    .set({ valid_to: day })
    .where('unit_id', '=', unit.id)
    .where('valid_to', 'is', null)
    .execute();
  await tx
    .updateTable('units')
    .set({ valid_to: day, updated_at: now.toISOString() })
    .where('id', '=', unit.id)
    .execute();
}

async function liveChildren(tx: Executor, unitId: string) {
  return tx.selectFrom('units').selectAll().where('parent_id', '=', unitId).where('valid_to', 'is', null).execute();
}

/** Moves `unit` under `parentId` on `day`: version, parent, closure rows. */
async function moveUnit(
  tx: Executor,
  unit: UnitRow,
  parentId: string | null,
  day: string,
  operationId: string,
  now: Date,
) {
  await newVersion(tx, unit, day, { parent_id: parentId }, operationId);
  await tx
    .updateTable('units')
    .set({ parent_id: parentId, updated_at: now.toISOString() })
    .where('id', '=', unit.id)
    .execute();
  await moveInTree(tx, unit.id, parentId);
}

async function liveTarget(tx: Executor, caller: Caller, id: string, day: string, path: string): Promise<UnitRow> {
  const target = await findUnit(tx, id);
  if (!target)
    throw fieldProblem(path, 'unknown_unit', { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' });
  if (target.valid_to !== null || target.valid_from > day) {
    throw fieldProblem(path, 'unit_not_live', {
      vi: 'Đơn vị này không hoạt động vào ngày đó.',
      en: 'That unit does not exist on that date.',
    });
  }
  await requireEdit(tx, caller, id);
  return target;
}

export async function applyOperation(
  platform: Platform,
  caller: Caller,
  unitId: string,
  input: OperationInput,
  options: { isDemo?: boolean } = {},
) {
  const now = platform.clock();
  const day = input.effectiveOn;
  const result = await inTransaction(platform, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit) throw unitNotFound();
    await requireEdit(tx, caller, unitId);
    if (unit.valid_to !== null) throw ended();
    const open = await openVersion(tx, unitId);
    if (open && day < open.valid_from) {
      throw fail.conflict('OPERATION_BEFORE_LAST_CHANGE', {
        vi: `Ngày hiệu lực phải từ ${open.valid_from} trở đi (ngày thay đổi gần nhất của đơn vị).`,
        en: `The effective date must be on or after ${open.valid_from}, the unit's last change.`,
      });
    }
    const base = {
      unitId,
      effectiveOn: day,
      documentNumber: input.documentNumber,
      documentDate: input.documentDate,
      note: input.note,
      isDemo: options.isDemo,
    };
    let details: Record<string, unknown> = {};
    let opId: string;
    switch (input.type) {
      case 'rename': {
        details = {
          from: { name: unit.name, shortName: unit.short_name },
          to: { name: input.name, shortName: input.shortName ?? unit.short_name },
        };
        opId = await insertOperation(tx, { ...base, type: 'rename', details }, caller.actor, now);
        const shortName = input.shortName !== undefined ? input.shortName : unit.short_name;
        await newVersion(tx, unit, day, { name: input.name, short_name: shortName }, opId);
        await tx
          .updateTable('units')
          .set({
            name: input.name,
            short_name: shortName,
            ...unitSearchFields(input.name, shortName, unit.code),
            updated_at: now.toISOString(),
          })
          .where('id', '=', unitId)
          .execute();
        break;
      }
      case 'move': {
        const parent = await liveTarget(tx, caller, input.parentId, day, 'parentId');
        if (await isWithin(tx, parent.id, unitId)) {
          throw fieldProblem('parentId', 'cycle', {
            vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.',
            en: 'A unit cannot move under itself or its own subtree.',
          });
        }
        details = { fromParentId: unit.parent_id, toParentId: parent.id };
        opId = await insertOperation(tx, { ...base, type: 'move', targetId: parent.id, details }, caller.actor, now);
        await moveUnit(tx, unit, parent.id, day, opId, now);
        break;
      }
      case 'merge': {
        const target = await liveTarget(tx, caller, input.targetId, day, 'targetId');
        if (await isWithin(tx, target.id, unitId)) {
          throw fieldProblem('targetId', 'cycle', {
            vi: 'Không thể sáp nhập đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.',
            en: 'A unit cannot merge into itself or its own subtree.',
          });
        }
        const children = await liveChildren(tx, unitId);
        const members = await tx.selectFrom('people').select('id').where('party_unit_id', '=', unitId).execute();
        details = { movedChildren: children.map((c) => c.id), movedPartyMembers: members.length };
        opId = await insertOperation(tx, { ...base, type: 'merge', targetId: target.id, details }, caller.actor, now);
        for (const child of children) await moveUnit(tx, child, target.id, day, opId, now);
        if (members.length)
          await tx
            .updateTable('people')
            .set({ party_unit_id: target.id, updated_at: now.toISOString() })
            .where('party_unit_id', '=', unitId)
            .execute();
        await endUnit(tx, unit, day, now);
        break;
      }
      case 'split': {
        if (!input.keepSource && (await liveChildren(tx, unitId)).length > 0) throw hasChildren();
        opId = await insertOperation(tx, { ...base, type: 'split' }, caller.actor, now);
        const created: string[] = [];
        for (const part of input.into) {
          const row = await insertUnit(
            tx,
            {
              code: part.code,
              kind: (part.kind ?? unit.kind) as UnitKind,
              name: part.name,
              shortName: part.shortName,
              parentId: unit.parent_id,
              validFrom: day,
              isDemo: options.isDemo,
            },
            now,
          );
          await tx.updateTable('unit_versions').set({ operation_id: opId }).where('unit_id', '=', row.id).execute();
          await recordAudit(
            tx,
            caller.actor,
            { action: 'unit.create', entityType: 'unit', entityId: row.id, after: { ...row, splitFrom: unitId } },
            now,
          );
          created.push(row.id);
        }
        details = { into: created, keepSource: input.keepSource ?? false };
        await tx
          .updateTable('unit_operations')
          .set({ details_json: JSON.stringify(details) })
          .where('id', '=', opId)
          .execute();
        if (!input.keepSource) await endUnit(tx, unit, day, now);
        break;
      }
      case 'dissolve': {
        if ((await liveChildren(tx, unitId)).length > 0) throw hasChildren();
        opId = await insertOperation(tx, { ...base, type: 'dissolve' }, caller.actor, now);
        await endUnit(tx, unit, day, now);
        break;
      }
    }
    const after = await findUnit(tx, unitId);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `unit.${input.type}`,
        entityType: 'unit',
        entityId: unitId,
        before: unit,
        after: { ...after, operation: { id: opId, ...input, details } },
      },
      now,
    );
    return { operationId: opId };
  });
  publishOrganisation(platform, { entity: 'unit', id: unitId, change: input.type });
  return { operationId: result.operationId, unit: await getUnit(platform, unitId) };
}
