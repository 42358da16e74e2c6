import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { fold } from '../../../common/text.ts';
import type { Platform } from '../../platform/platform.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireManage, type Caller, inTransaction } from './access.ts';
import { publishOrganisation } from './units.ts';

/**
 * Exclusive group sets (ownership, sector…): each unit is in at most one group of a set, so a
 * report that totals "by ownership" counts every unit once.
 */
export async function listGroupSets(platform: Platform) {
  const db = platform.db;
  const sets = await db.selectFrom('group_sets').selectAll().orderBy('position').orderBy('code').execute();
  const groups = await db
    .selectFrom('groups as g')
    .select([
      'g.id',
      'g.set_id',
      'g.code',
      'g.name',
      (eb) =>
        eb
          .selectFrom('unit_groups as ug')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('ug.group_id', '=', 'g.id')
          .as('unit_count'),
    ])
    .orderBy('g.position')
    .orderBy('g.code')
    .execute();
  return {
    items: sets.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      groups: groups
        .filter((g) => g.set_id === s.id)
        .map((g) => ({ id: g.id, code: g.code, name: g.name, unitCount: Number(g.unit_count ?? 0) })),
    })),
  };
}

export async function createGroupSet(
  platform: Platform,
  caller: Caller,
  input: { code: string; name: string; position?: number },
) {
  const now = platform.clock();
  const id = await inTransaction(platform, async (tx) => {
    await requireManage(tx, caller);
    if (await tx.selectFrom('group_sets').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw fail.conflict('GROUP_SET_CODE_TAKEN', {
        vi: `Mã bộ phân nhóm "${input.code}" đã được dùng.`,
        en: `The group set code "${input.code}" is already in use.`,
      });
    }
    const row = {
      id: newId(now.getTime()),
      code: input.code,
      name: input.name,
      position: input.position ?? 0,
      created_at: now.toISOString(),
    };
    await tx.insertInto('group_sets').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'group_set.create', entityType: 'group_set', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  publishOrganisation(platform, { entity: 'group_set', id, change: 'created' });
  return (await listGroupSets(platform)).items.find((s) => s.id === id)!;
}

export async function createGroup(
  platform: Platform,
  caller: Caller,
  setId: string,
  input: { code: string; name: string; position?: number },
) {
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    await requireManage(tx, caller);
    if (!(await tx.selectFrom('group_sets').select('id').where('id', '=', setId).executeTakeFirst())) {
      throw fail.notFound({ vi: 'Không tìm thấy bộ phân nhóm.', en: 'Group set not found.' });
    }
    if (
      await tx
        .selectFrom('groups')
        .select('id')
        .where('set_id', '=', setId)
        .where('code', '=', input.code)
        .executeTakeFirst()
    ) {
      throw fail.conflict('GROUP_CODE_TAKEN', {
        vi: `Mã nhóm "${input.code}" đã có trong bộ này.`,
        en: `The group code "${input.code}" is already in this set.`,
      });
    }
    const row = {
      id: newId(now.getTime()),
      set_id: setId,
      code: input.code,
      name: input.name,
      name_folded: fold(input.name),
      position: input.position ?? 0,
      created_at: now.toISOString(),
    };
    await tx.insertInto('groups').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'group.create', entityType: 'group', entityId: row.id, after: row },
      now,
    );
  });
  publishOrganisation(platform, { entity: 'group_set', id: setId, change: 'group' });
  return (await listGroupSets(platform)).items.find((s) => s.id === setId)!;
}

/** Group ids by set code and group code (or folded group name), for imports and the demo. */
export async function groupLookup(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('groups as g')
    .innerJoin('group_sets as s', 's.id', 'g.set_id')
    .select(['g.id', 'g.code', 'g.name_folded', 's.code as set_code', 's.name as set_name'])
    .execute();
  return (setCode: string, value: string): string | null => {
    const f = fold(value);
    const hit = rows.find((r) => r.set_code === setCode && (fold(r.code) === f || r.name_folded === f));
    return hit?.id ?? null;
  };
}
