import type { Platform } from '../../platform/platform.ts';

/**
 * The drive's participation, for the leader's home page (ADR 30): the drive running on `today`
 * (else the latest), how many units take part, and their registrations by state.
 */
export async function emulationGlance(platform: Platform, today: string) {
  const db = platform.db;
  const drive =
    (await db
      .selectFrom('emulation_drives')
      .select(['id', 'name', 'start_on', 'end_on', 'registration_due'])
      .where('start_on', '<=', today)
      .where('end_on', '>=', today)
      .orderBy('end_on')
      .executeTakeFirst()) ??
    (await db
      .selectFrom('emulation_drives')
      .select(['id', 'name', 'start_on', 'end_on', 'registration_due'])
      .orderBy('end_on', 'desc')
      .executeTakeFirst());
  if (!drive) return null;
  const participants = Number(
    (
      await db
        .selectFrom('emulation_participants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('drive_id', '=', drive.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const byStatus = await db
    .selectFrom('emulation_registrations')
    .select(['status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('drive_id', '=', drive.id)
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(byStatus.find((x) => x.status === s)?.n ?? 0);
  return {
    drive: {
      id: drive.id,
      name: drive.name,
      startOn: drive.start_on,
      endOn: drive.end_on,
      registrationDue: drive.registration_due,
    },
    participants,
    registered: n('submitted') + n('accepted') + n('returned'),
    accepted: n('accepted'),
    returned: n('returned'),
    waiting: n('submitted'),
  };
}
