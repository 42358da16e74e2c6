import type { Kysely } from 'kysely';
import { fold } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs, unitView } from '../organisation/index.ts';
import { getTemplate } from '../reporting/index.ts';
import { driveNotFound, requireManage, type Caller } from './access.ts';
import type { DriveInput, DriveStatus, UpdateDriveInput } from './schema.ts';

/** Emulation drives: launched by a dated document, with their period, participants and results template. */
type Db = Kysely<Database>;

export async function findDrive(db: Db, id: string) {
  const row = await db.selectFrom('emulation_drives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw driveNotFound();
  return row;
}

const view = (r: Awaited<ReturnType<typeof findDrive>>) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  theme: r.theme,
  start: r.start_on,
  end: r.end_on,
  launchNumber: r.launch_number,
  launchDate: r.launch_date,
  templateId: r.template_id,
  registrationDue: r.registration_due,
  status: r.status as DriveStatus,
  isDemo: r.is_demo === 1,
});

export async function listDrives(platform: Platform, query: { page: number; pageSize: number; q?: string }) {
  let base = platform.db.selectFrom('emulation_drives');
  if (query.q) base = base.where('name_folded', 'like', foldedContains(query.q));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('start_on', 'desc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(view), total, page: query.page, pageSize: query.pageSize };
}

export async function getDrive(platform: Platform, id: string) {
  const row = await findDrive(platform.db, id);
  const participants = await platform.db
    .selectFrom('emulation_participants')
    .select('unit_id')
    .where('drive_id', '=', id)
    .execute();
  const counts = await platform.db
    .selectFrom('emulation_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('drive_id', '=', id)
    .groupBy('status')
    .execute();
  const refs = await unitRefs(
    platform,
    participants.slice(0, 500).map((p) => p.unit_id),
  );
  const template = row.template_id ? await getTemplate(platform, row.template_id) : null;
  return {
    ...view(row),
    participantCount: participants.length,
    participants: [...refs.values()]
      .map((u) => ({ id: u.id, name: u.name, shortName: u.shortName }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    registrations: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    template: template
      ? {
          id: template.id,
          code: template.code,
          name: template.name,
          campaignPeriodId: template.campaignPeriodId,
          indicators: template.indicators,
        }
      : null,
  };
}

async function checkUnits(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const part = unique.slice(i, i + 500);
    const found = await db.selectFrom(unitView(db).as('u')).select('u.id').where('u.id', 'in', part).execute();
    if (found.length !== part.length)
      throw fail.field('participantIds', 'unknown_unit', 'Có đơn vị không tồn tại.', 'A unit does not exist.');
  }
  return unique;
}

export async function createDrive(
  platform: Platform,
  caller: Caller,
  input: DriveInput,
  options: { isDemo?: boolean } = {},
) {
  requireManage(caller);
  if (input.end < input.start)
    throw fail.field('end', 'end_before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end is before the start.');
  if (input.templateId) {
    const t = await getTemplate(platform, input.templateId);
    if (t.periodType !== 'campaign')
      throw fail.field(
        'templateId',
        'not_campaign',
        'Biểu mẫu kết quả thi đua phải là biểu mẫu theo đợt.',
        'The results template must be a campaign template.',
      );
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  const units = await checkUnits(platform.db, input.participantIds);
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('emulation_drives').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw fail.conflict('DRIVE_CODE_TAKEN', {
        vi: `Mã phong trào "${input.code}" đã có.`,
        en: `Drive code "${input.code}" is taken.`,
      });
    }
    const row = {
      id,
      code: input.code,
      name: input.name,
      name_folded: fold(`${input.code} ${input.name}`),
      theme: input.theme,
      start_on: input.start,
      end_on: input.end,
      launch_number: input.launchNumber,
      launch_date: input.launchDate,
      template_id: input.templateId,
      registration_due: input.registrationDue,
      status: 'open',
      is_demo: options.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('emulation_drives').values(row).execute();
    for (let i = 0; i < units.length; i += 500) {
      const part = units.slice(i, i + 500).map((u) => ({ drive_id: id, unit_id: u, joined_at: now.toISOString() }));
      if (part.length) await tx.insertInto('emulation_participants').values(part).execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'emulation_drive.create',
        entityType: 'emulation_drive',
        entityId: id,
        after: { ...row, participants: units.length },
      },
      now,
    );
  });
  return getDrive(platform, id);
}

export async function updateDrive(platform: Platform, caller: Caller, id: string, input: UpdateDriveInput) {
  requireManage(caller);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const before = await findDrive(tx, id);
    const patch = {
      name: input.name ?? before.name,
      name_folded: fold(`${before.code} ${input.name ?? before.name}`),
      theme: input.theme ?? before.theme,
      end_on: input.end ?? before.end_on,
      launch_number: input.launchNumber !== undefined ? input.launchNumber || null : before.launch_number,
      launch_date: input.launchDate !== undefined ? input.launchDate : before.launch_date,
      registration_due: input.registrationDue !== undefined ? input.registrationDue : before.registration_due,
      status: input.status ?? before.status,
      updated_at: now.toISOString(),
    };
    if (patch.end_on < before.start_on)
      throw fail.field('end', 'end_before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end is before the start.');
    await tx.updateTable('emulation_drives').set(patch).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'emulation_drive.update',
        entityType: 'emulation_drive',
        entityId: id,
        before,
        after: { ...before, ...patch },
      },
      now,
    );
  });
  return getDrive(platform, id);
}

export async function changeParticipants(
  platform: Platform,
  caller: Caller,
  id: string,
  input: { add: string[]; remove: string[] },
) {
  requireManage(caller);
  const now = platform.clock();
  const add = await checkUnits(platform.db, input.add);
  await platform.db.transaction().execute(async (tx) => {
    await findDrive(tx, id);
    for (let i = 0; i < add.length; i += 500) {
      const part = add.slice(i, i + 500).map((u) => ({ drive_id: id, unit_id: u, joined_at: now.toISOString() }));
      if (part.length)
        await tx
          .insertInto('emulation_participants')
          .values(part)
          .onConflict((oc) => oc.columns(['drive_id', 'unit_id']).doNothing())
          .execute();
    }
    for (let i = 0; i < input.remove.length; i += 500) {
      const part = input.remove.slice(i, i + 500);
      if (part.length)
        await tx.deleteFrom('emulation_participants').where('drive_id', '=', id).where('unit_id', 'in', part).execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'emulation_drive.participants',
        entityType: 'emulation_drive',
        entityId: id,
        after: { added: add, removed: input.remove },
      },
      now,
    );
  });
  return getDrive(platform, id);
}
