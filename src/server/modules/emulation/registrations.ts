import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { reach } from '../../platform/policy/policy.ts';
import { subtreeUnitIds, unitRefs } from '../organisation/index.ts';
import { mayManage, requireManage, requireRegister, type Caller } from './access.ts';
import { findDrive } from './drives.ts';
import type { RegistrationInput, RegistrationStatus } from './schema.ts';

/**
 * Registration of targets (đăng ký thi đua): a participating unit registers what it commits to;
 * the Bloc accepts it or returns it with a note; a returned registration is corrected and sent
 * again. Registering is closed once the drive is closed.
 */

export async function register(platform: Platform, caller: Caller, driveId: string, input: RegistrationInput) {
  await requireRegister(platform, caller, input.unitId);
  const now = platform.clock();
  const id = await platform.db.transaction().execute(async (tx) => {
    const drive = await findDrive(tx, driveId);
    if (drive.status !== 'open')
      throw fail.conflict('DRIVE_CLOSED', {
        vi: 'Phong trào đã kết thúc; không đăng ký được nữa.',
        en: 'The drive is closed; registration has ended.',
      });
    const joined = await tx
      .selectFrom('emulation_participants')
      .select('unit_id')
      .where('drive_id', '=', driveId)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (!joined)
      throw fail.field(
        'unitId',
        'not_participant',
        'Đơn vị không tham gia phong trào này.',
        'The unit does not take part in this drive.',
      );
    const existing = await tx
      .selectFrom('emulation_registrations')
      .selectAll()
      .where('drive_id', '=', driveId)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (existing?.status === 'accepted')
      throw fail.conflict('REGISTRATION_ACCEPTED', {
        vi: 'Đăng ký đã được Khối chấp nhận; không sửa được nữa.',
        en: 'The registration has been accepted; it can no longer change.',
      });
    const row = {
      id: existing?.id ?? newId(now.getTime()),
      drive_id: driveId,
      unit_id: input.unitId,
      targets_json: JSON.stringify(input.targets),
      note: input.note,
      status: 'submitted',
      review_note: null,
      submitted_at: now.toISOString(),
      submitted_by: caller.actor.userId,
      reviewed_at: null,
      reviewed_by: null,
    };
    if (existing) await tx.updateTable('emulation_registrations').set(row).where('id', '=', existing.id).execute();
    else await tx.insertInto('emulation_registrations').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: existing ? 'emulation_registration.resubmit' : 'emulation_registration.submit',
        entityType: 'emulation_registration',
        entityId: row.id,
        before: existing ?? null,
        after: row,
      },
      now,
    );
    return row.id;
  });
  return getRegistration(platform, caller, driveId, id);
}

export async function review(
  platform: Platform,
  caller: Caller,
  driveId: string,
  registrationId: string,
  decision: 'accept' | 'return',
  note: string | null,
) {
  requireManage(caller);
  if (decision === 'return' && !note)
    throw fail.field('note', 'required', 'Trả lại đăng ký cần ghi lý do.', 'A returned registration needs a reason.');
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('emulation_registrations')
      .selectAll()
      .where('id', '=', registrationId)
      .where('drive_id', '=', driveId)
      .executeTakeFirst();
    if (!row) throw fail.notFound({ vi: 'Không tìm thấy đăng ký thi đua.', en: 'Registration not found.' });
    if (row.status !== 'submitted')
      throw fail.conflict('REGISTRATION_NOT_PENDING', {
        vi: 'Đăng ký không ở trạng thái chờ duyệt.',
        en: 'The registration is not awaiting review.',
      });
    const patch = {
      status: decision === 'accept' ? 'accepted' : 'returned',
      review_note: note,
      reviewed_at: now.toISOString(),
      reviewed_by: caller.actor.userId,
    };
    await tx.updateTable('emulation_registrations').set(patch).where('id', '=', registrationId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `emulation_registration.${decision}`,
        entityType: 'emulation_registration',
        entityId: registrationId,
        before: row,
        after: { ...row, ...patch },
      },
      now,
    );
  });
  return getRegistration(platform, caller, driveId, registrationId);
}

const view = (
  r: {
    id: string;
    unit_id: string;
    targets_json: string;
    note: string;
    status: string;
    review_note: string | null;
    submitted_at: string;
    reviewed_at: string | null;
  },
  name: string,
) => ({
  id: r.id,
  unit: { id: r.unit_id, name },
  targets: JSON.parse(r.targets_json) as RegistrationInput['targets'],
  note: r.note,
  status: r.status as RegistrationStatus,
  reviewNote: r.review_note,
  submittedAt: r.submitted_at,
  reviewedAt: r.reviewed_at,
});

async function getRegistration(platform: Platform, caller: Caller, driveId: string, id: string) {
  const row = await platform.db
    .selectFrom('emulation_registrations')
    .selectAll()
    .where('id', '=', id)
    .where('drive_id', '=', driveId)
    .executeTakeFirstOrThrow();
  const unit = (await unitRefs(platform, [row.unit_id])).get(row.unit_id);
  void caller;
  return view(row, unit?.name ?? '');
}

/** The Bloc sees every registration; a unit its own and its subtree's. */
export async function listRegistrations(
  platform: Platform,
  caller: Caller,
  driveId: string,
  query: { page: number; pageSize: number; status?: string },
) {
  await findDrive(platform.db, driveId);
  let base = platform.db.selectFrom('emulation_registrations').where('drive_id', '=', driveId);
  if (query.status) base = base.where('status', '=', query.status);
  if (!mayManage(caller)) {
    const roots = reach(caller.grants, 'emulation.register');
    if (roots !== null)
      base = base.where(
        'unit_id',
        'in',
        roots.length ? (await subtreeUnitIds(platform, roots)).slice(0, 20_000) : ['-'],
      );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const refs = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return {
    items: rows.map((r) => view(r, refs.get(r.unit_id)?.name ?? '')),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
