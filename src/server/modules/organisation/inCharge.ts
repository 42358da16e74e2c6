import type { Platform } from '../../platform/platform.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { requireManage, todayIn, type Caller, inTransaction } from './access.ts';
import { committeeKinds, grassrootsKinds, type UnitKind } from './kinds.ts';
import { findUnit } from './repo.ts';
import { fieldProblem, inChargeRows, publishOrganisation } from './units.ts';

/** "In charge of" (the plan's III.7): a Standing or Executive Committee member urges and checks grassroots units. */
export async function listInCharge(platform: Platform, filter: { personId?: string; unitId?: string }) {
  return { items: await inChargeRows(platform.db, filter, todayIn(platform.clock())) };
}

export async function assignInCharge(
  platform: Platform,
  caller: Caller,
  input: { personId: string; unitId: string; note?: string | null },
  options: { quiet?: boolean } = {},
) {
  const now = platform.clock();
  const today = todayIn(now);
  const id = await inTransaction(platform, async (tx) => {
    await requireManage(tx, caller);
    const unit = await findUnit(tx, input.unitId);
    if (!unit)
      throw fieldProblem('unitId', 'unknown_unit', { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' });
    if (!grassrootsKinds.includes(unit.kind as UnitKind) || unit.valid_to !== null) {
      throw fieldProblem('unitId', 'not_grassroots', {
        vi: 'Chỉ phân công phụ trách tổ chức cơ sở đảng đang hoạt động.',
        en: 'Only grassroots Party organisations that still exist can be assigned.',
      });
    }
    const member = await tx
      .selectFrom('positions as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select('p.id')
      .where('p.person_id', '=', input.personId)
      .where('u.kind', 'in', [...committeeKinds])
      .where((w) => w.or([w('p.valid_to', 'is', null), w('p.valid_to', '>', today)]))
      .executeTakeFirst();
    if (!member) {
      throw fieldProblem('personId', 'not_committee_member', {
        vi: 'Người được phân công phải là ủy viên Ban Thường vụ hoặc Ban Chấp hành đương nhiệm.',
        en: 'The person must be a serving member of the Standing or Executive Committee.',
      });
    }
    const existing = await tx
      .selectFrom('unit_supervisors')
      .select('id')
      .where('person_id', '=', input.personId)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (existing) {
      throw fail.conflict('ALREADY_IN_CHARGE', {
        vi: 'Đồng chí này đã được phân công phụ trách đơn vị này.',
        en: 'This member is already in charge of this unit.',
      });
    }
    const row = {
      id: newId(now.getTime()),
      person_id: input.personId,
      unit_id: input.unitId,
      note: input.note ?? null,
      created_at: now.toISOString(),
    };
    await tx.insertInto('unit_supervisors').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'in_charge.create', entityType: 'in_charge', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  if (!options.quiet) publishOrganisation(platform, { entity: 'in_charge', id, change: 'created' });
  return (await inChargeRows(platform.db, { personId: input.personId, unitId: input.unitId }, today))[0];
}

export async function removeInCharge(platform: Platform, caller: Caller, id: string) {
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    await requireManage(tx, caller);
    const before = await tx.selectFrom('unit_supervisors').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw fail.notFound({ vi: 'Không tìm thấy phân công phụ trách.', en: 'Assignment not found.' });
    await tx.deleteFrom('unit_supervisors').where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'in_charge.delete', entityType: 'in_charge', entityId: id, before },
      now,
    );
  });
  publishOrganisation(platform, { entity: 'in_charge', id, change: 'deleted' });
}
