import type { Kysely, Selectable } from 'kysely';
import { formatDmy, vietnamDay } from '../../../common/dates.ts';
import { fold, nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { foldedContains } from '../../platform/db/search.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { liveUnits, personOfUser, personRefs, staffOf, type UnitKind } from '../organisation/index.ts';
import { getActivity } from '../plans/index.ts';
import { type Caller, inTransaction, requirePermission } from './access.ts';
import type {
  BookingInput,
  DutyEventDetailOut,
  DutyEventInput,
  DutyEventOut,
  DutyOut,
  MyDutiesOut,
  StaffOut,
} from './dutySchema.ts';
import { publishOffice } from './live.ts';
import type { OfficeDutiesTable, OfficeDutyEventsTable } from './tables.ts';

/**
 * Staff on duty (issue 18, III.4): the Office plans who from the Office and the boards serves each
 * event of the anniversary (an activity of the plan, or a day of it), where, when and doing what.
 * No one is booked in two places at once: each booking raises the person's lock row first, then
 * looks for an overlapping booking, in one transaction (ADR 29), so two simultaneous bookings of
 * one person for overlapping times leave one booked and the other refused, on both databases.
 * Times are Vietnam wall-clock "YYYY-MM-DDTHH:mm": text order is time order.
 */
type EventRow = Selectable<OfficeDutyEventsTable>;
type DutyRow = Selectable<OfficeDutiesTable>;

/** The kinds of unit whose people staff events: the Office, the boards, the Inspection Commission, the mass organisations. */
export const staffKinds: readonly UnitKind[] = ['office', 'board', 'inspection_commission', 'mass_organisation'];

/** "17:30 04/09/2019" */
export const momentText = (m: string) => `${m.slice(11, 16)} ${formatDmy(m.slice(0, 10))}`;

const dutyEventNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy sự kiện cần bố trí trực.', en: 'Duty event not found.' });
const dutyNotFound = () => fail.notFound({ vi: 'Không tìm thấy phân công trực.', en: 'Duty booking not found.' });

function eventOut(r: EventRow, staff: number): DutyEventOut {
  return {
    id: r.id,
    title: r.title,
    place: r.place,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    activity: r.plan_activity_id ? { id: r.plan_activity_id, planId: r.plan_id, title: r.activity_title ?? '' } : null,
    notes: r.notes,
    staff,
  };
}

function dutyOut(r: DutyRow): DutyOut {
  return {
    id: r.id,
    eventId: r.event_id,
    person: { id: r.person_id, name: r.person_name },
    unit: { id: r.unit_id, name: r.unit_name ?? '' },
    positionTitle: r.position_title,
    duties: r.duties,
    place: r.place,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

function requireOrder(startsAt: string, endsAt: string, prefix = '') {
  if (endsAt <= startsAt)
    throw fail.field(
      `${prefix}endsAt`,
      'ends_before_start',
      'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
      'The end must come after the start.',
    );
}

async function staffCounts(db: Kysely<Database>, ids: string[]) {
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('office_duties')
    .select((eb) => ['event_id', eb.fn.count<number>('person_id').distinct().as('n')])
    .where('event_id', 'in', ids)
    .groupBy('event_id')
    .execute();
  for (const r of rows) out.set(r.event_id, Number(r.n));
  return out;
}

export async function listDutyEvents(
  platform: Platform,
  caller: Caller,
  query: { q?: string; from?: string },
): Promise<{ items: DutyEventOut[] }> {
  requirePermission(caller, 'office.read');
  let q = platform.db.selectFrom('office_duty_events').selectAll();
  if (query.q?.trim()) q = q.where('title_folded', 'like', foldedContains(query.q));
  if (query.from) q = q.where('ends_at', '>=', `${query.from}T00:00`);
  const rows = await q.orderBy('starts_at').orderBy('id').limit(1000).execute();
  const counts = await staffCounts(
    platform.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => eventOut(r, counts.get(r.id) ?? 0)) };
}

export async function createDutyEvent(platform: Platform, caller: Caller, input: DutyEventInput) {
  requirePermission(caller, 'office.duty');
  requireOrder(input.startsAt, input.endsAt);
  let activity: { id: string; planId: string; title: string } | null = null;
  if (input.planActivityId) {
    try {
      const a = await getActivity(platform, caller, input.planActivityId);
      activity = { id: a.id, planId: a.planId, title: a.title };
    } catch (e) {
      if (e instanceof AppError && e.status === 404)
        throw fail.field(
          'planActivityId',
          'unknown_activity',
          'Không tìm thấy hoạt động của kế hoạch.',
          'The plan activity was not found.',
        );
      throw e;
    }
  }
  const now = platform.clock();
  const row: EventRow = {
    id: newId(now.getTime()),
    title: nfc(input.title),
    title_folded: fold(input.title),
    place: nfc(input.place),
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    plan_id: activity?.planId ?? null,
    plan_activity_id: activity?.id ?? null,
    activity_title: activity?.title ?? null,
    notes: input.notes ? nfc(input.notes) : null,
    created_by: caller.actor.userId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    await tx.insertInto('office_duty_events').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_duty_event.create', entityType: 'office_duty_event', entityId: row.id, after: row },
      now,
    );
  });
  publishOffice(platform, 'duty', { dutyEventId: row.id });
  return dutyEventDetail(platform, caller, row.id);
}

async function findEvent(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('office_duty_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw dutyEventNotFound();
  return row;
}

export async function dutyEventDetail(platform: Platform, caller: Caller, id: string): Promise<DutyEventDetailOut> {
  requirePermission(caller, 'office.read');
  const row = await findEvent(platform.db, id);
  const duties = await platform.db
    .selectFrom('office_duties')
    .selectAll()
    .where('event_id', '=', id)
    .orderBy('starts_at')
    .orderBy('created_at')
    .limit(2000)
    .execute();
  const people = new Set(duties.map((d) => d.person_id));
  return { event: eventOut(row, people.size), duties: duties.map(dutyOut) };
}

/** The staff of the Office and the boards on a day, for the booking form: by unit, best-ranked first. */
export async function dutyStaff(platform: Platform, caller: Caller, day?: string): Promise<StaffOut> {
  requirePermission(caller, 'office.duty');
  const on = day ?? vietnamDay(platform.clock());
  const units = await liveUnits(platform, on, { kinds: staffKinds, limit: 500 });
  // the Office first, then the boards and the others in the registry's order
  const order = new Map(units.map((u, i) => [u.id, (u.kind === 'office' ? 0 : 1000) + i]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const staff = await staffOf(
    platform,
    units.map((u) => u.id),
    on,
  );
  const collator = new Intl.Collator('vi');
  return {
    items: staff
      .sort(
        (a, b) =>
          (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) ||
          a.rank - b.rank ||
          collator.compare(a.fullName, b.fullName),
      )
      .map((s) => ({
        personId: s.personId,
        name: s.fullName,
        unit: { id: s.unitId, name: names.get(s.unitId) ?? '' },
        title: s.title,
      })),
  };
}

/**
 * Books a person at an event. In one transaction: the person's lock row is raised (PostgreSQL holds
 * a second booking of the same person at this UPDATE until the first commits), then any booking of
 * theirs overlapping [start, end) refuses this one with where and when they already serve.
 */
export async function bookDuty(
  platform: Platform,
  caller: Caller,
  eventId: string,
  input: BookingInput,
): Promise<DutyEventDetailOut> {
  requirePermission(caller, 'office.duty');
  const event = await findEvent(platform.db, eventId);
  const startsAt = input.startsAt ?? event.starts_at;
  const endsAt = input.endsAt ?? event.ends_at;
  requireOrder(startsAt, endsAt);
  const person = (await personRefs(platform, [input.personId])).get(input.personId);
  if (!person)
    throw fail.field(
      'personId',
      'unknown_person',
      'Người được phân công không có trong danh mục.',
      'The person is not in the registry.',
    );
  const day = startsAt.slice(0, 10);
  const units = await liveUnits(platform, day, { kinds: staffKinds, limit: 500 });
  const post = (
    await staffOf(
      platform,
      units.map((u) => u.id),
      day,
    )
  ).find((s) => s.personId === person.id);
  const now = platform.clock();
  const row: DutyRow = {
    id: newId(now.getTime()),
    event_id: event.id,
    person_id: person.id,
    person_name: person.fullName,
    unit_id: post?.unitId ?? null,
    unit_name: post ? (units.find((u) => u.id === post.unitId)?.name ?? null) : null,
    position_title: post?.title ?? null,
    duties: nfc(input.duties),
    place: input.place ? nfc(input.place) : event.place,
    starts_at: startsAt,
    ends_at: endsAt,
    created_by: caller.actor.userId,
    created_at: now.toISOString(),
  };
  await inTransaction(platform, async (tx) => {
    await tx
      .insertInto('office_duty_locks')
      .values({ person_id: person.id, bookings: 0 })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
    await tx
      .updateTable('office_duty_locks')
      .set((eb) => ({ bookings: eb('bookings', '+', 1) }))
      .where('person_id', '=', person.id)
      .execute();
    const clash = await tx
      .selectFrom('office_duties as d')
      .innerJoin('office_duty_events as e', 'e.id', 'd.event_id')
      .select(['d.starts_at', 'd.ends_at', 'd.place', 'e.title'])
      .where('d.person_id', '=', person.id)
      .where('d.starts_at', '<', endsAt)
      .where('d.ends_at', '>', startsAt)
      .orderBy('d.starts_at')
      .executeTakeFirst();
    if (clash)
      throw fail.conflict('DUTY_OVERLAP', {
        vi: `Đồng chí ${person.fullName} đã được phân công trực tại “${clash.title}” (${clash.place}) từ ${momentText(clash.starts_at)} đến ${momentText(clash.ends_at)}; một người không thể trực hai nơi cùng lúc.`,
        en: `${person.fullName} is already on duty at “${clash.title}” (${clash.place}) from ${momentText(clash.starts_at)} to ${momentText(clash.ends_at)}; no one can serve in two places at once.`,
      });
    await tx.insertInto('office_duties').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_duty.book', entityType: 'office_duty', entityId: row.id, after: row },
      now,
    );
  });
  publishOffice(platform, 'duty', { dutyEventId: event.id });
  return dutyEventDetail(platform, caller, event.id);
}

export async function removeDuty(platform: Platform, caller: Caller, id: string): Promise<DutyEventDetailOut> {
  requirePermission(caller, 'office.duty');
  const now = platform.clock();
  const eventId = await inTransaction(platform, async (tx) => {
    const row = await tx.selectFrom('office_duties').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw dutyNotFound();
    await tx.deleteFrom('office_duties').where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_duty.remove', entityType: 'office_duty', entityId: id, before: row },
      now,
    );
    return row.event_id;
  });
  publishOffice(platform, 'duty', { dutyEventId: eventId });
  return dutyEventDetail(platform, caller, eventId);
}

/** The signed-in person's own duties (their account linked to a person of the registry), in time order. */
export async function myDuties(platform: Platform, caller: Caller): Promise<MyDutiesOut> {
  const personId = caller.actor.userId ? await personOfUser(platform, caller.actor.userId) : null;
  if (!personId) return { person: null, items: [] };
  const person = (await personRefs(platform, [personId])).get(personId);
  const rows = await platform.db
    .selectFrom('office_duties as d')
    .innerJoin('office_duty_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select(['e.title as event_title', 'e.place as event_place'])
    .where('d.person_id', '=', personId)
    .orderBy('d.starts_at')
    .limit(500)
    .execute();
  return {
    person: { id: personId, name: person?.fullName ?? '' },
    items: rows.map((r) => ({
      ...dutyOut(r),
      event: { id: r.event_id, title: r.event_title, place: r.event_place },
    })),
  };
}
