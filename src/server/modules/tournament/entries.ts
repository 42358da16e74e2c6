import { type Category, type EventKind, entryProblems } from '../../../common/tournament/entries.ts';
import { rosterProblems } from '../../../common/tournament/teams.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import { tieFormatOf } from './tieView.ts';
import type { Platform } from '../../platform/platform.ts';
import { vietnamDay } from '../../../common/dates.ts';
import { personRefs, unitRefs, workersOf } from '../organisation/index.ts';
import { type Caller, entryNotFound, requireEnter, requireManage } from './access.ts';
import type { EntryInput, EntryOut } from './schema.ts';
import { findEvent, findTournament } from './tournaments.ts';

/**
 * Entries: a grassroots unit enters its own people (a current position in the unit or under
 * it, checked on the day), within the event's rules and limits; the organisers confirm or return
 * each with a reason. A returned entry stays on record; the unit may enter again.
 */
const ACTIVE = ['submitted', 'confirmed'];

export async function listEntries(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  query: { eventId?: string; unitId?: string; status?: string },
): Promise<{ items: EntryOut[] }> {
  await findTournament(platform.db, tournamentId);
  let q = platform.db
    .selectFrom('tournament_entries as e')
    .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
    .selectAll('e')
    .where('ev.tournament_id', '=', tournamentId);
  if (query.eventId) q = q.where('e.event_id', '=', query.eventId);
  if (query.unitId) q = q.where('e.unit_id', '=', query.unitId);
  if (query.status) q = q.where('e.status', '=', query.status);
  const rows = await q.orderBy('e.entered_at').orderBy('e.id').limit(2000).execute();
  return { items: await describeEntries(platform, rows) };
}

type EntryRow = {
  id: string;
  event_id: string;
  unit_id: string;
  status: string;
  seed: number | null;
  return_reason: string | null;
  entered_at: string;
  decided_at: string | null;
};

export async function describeEntries(platform: Platform, rows: readonly EntryRow[]): Promise<EntryOut[]> {
  if (rows.length === 0) return [];
  const players = await platform.db
    .selectFrom('tournament_entry_players')
    .select(['entry_id', 'person_id', 'position'])
    .where(
      'entry_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const people = await personRefs(
    platform,
    players.map((p) => p.person_id),
  );
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return rows.map((r) => {
    const u = units.get(r.unit_id);
    return {
      id: r.id,
      eventId: r.event_id,
      unit: { id: r.unit_id, name: u?.name ?? '', shortName: u?.shortName ?? null },
      players: players
        .filter((p) => p.entry_id === r.id)
        .map((p) => ({ id: p.person_id, name: people.get(p.person_id)?.fullName ?? '' })),
      status: r.status as EntryOut['status'],
      seed: r.seed,
      returnReason: r.return_reason,
      enteredAt: r.entered_at,
      decidedAt: r.decided_at,
    };
  });
}

export async function makeEntry(platform: Platform, caller: Caller, tournamentId: string, input: EntryInput) {
  await requireEnter(platform, caller, input.unitId);
  const tournament = await findTournament(platform.db, tournamentId);
  const event = await findEvent(platform.db, tournamentId, input.eventId);
  const now = platform.clock();
  const today = vietnamDay(now);
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('tournament_draws').select('id').where('event_id', '=', event.id).executeTakeFirst())
      throw fail.conflict('EVENT_DRAWN', {
        vi: 'Nội dung đã bốc thăm: không nhận thêm đăng ký.',
        en: 'The event has been drawn: no more entries.',
      });
    const workers = await workersOf({ db: tx }, input.unitId, input.personIds, today);
    const missing = input.personIds.filter((p) => !workers.has(p));
    if (missing.length > 0)
      throw fail.validation([
        {
          in: 'body',
          path: 'personIds',
          code: 'unknown_person',
          messages: { vi: 'Có người không có trong danh sách nhân sự.', en: 'A person is not in the registry.' },
        },
      ]);
    const unitEntries = Number(
      (
        await tx
          .selectFrom('tournament_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', event.id)
          .where('unit_id', '=', input.unitId)
          .where('status', 'in', ACTIVE)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const taken = await tx
      .selectFrom('tournament_entry_players as p')
      .innerJoin('tournament_entries as e', 'e.id', 'p.entry_id')
      .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
      .select(['p.person_id', 'e.event_id'])
      .where('ev.tournament_id', '=', tournamentId)
      .where('e.status', 'in', ACTIVE)
      .where('p.person_id', 'in', input.personIds)
      .execute();
    const eventsOf = new Map<string, number>();
    for (const t of taken) if (t.event_id !== event.id) eventsOf.set(t.person_id, (eventsOf.get(t.person_id) ?? 0) + 1);
    const problems = entryProblems(
      {
        kind: event.kind as EventKind,
        category: JSON.parse(event.category_json) as Category,
        year: Number(tournament.starts_on.slice(0, 4)),
        perUnit: event.entries_per_unit,
        perPlayer: tournament.events_per_player,
        mixedUnits: event.mixed_units === 1,
        deadline: tournament.entry_deadline,
      },
      input.personIds.map((pid) => {
        const w = workers.get(pid)!;
        return {
          personId: pid,
          name: w.name,
          gender: w.gender,
          birthYear: w.birthYear,
          unitId: w.inUnit ? input.unitId : `elsewhere:${pid}`,
          leader: w.leader,
        };
      }),
      {
        unitId: input.unitId,
        today,
        unitEntriesInEvent: unitEntries,
        eventsOf,
        alreadyInEvent: new Set(taken.filter((t) => t.event_id === event.id).map((t) => t.person_id)),
      },
    );
    // A team's roster within the format's limits (ADR 35).
    const format = tieFormatOf(event.tie_format_json);
    if (format) problems.push(...rosterProblems(format, input.personIds.length));
    if (problems.length > 0)
      throw fail.validation(
        problems.map((m) => ({ in: 'body' as const, path: 'personIds', code: 'entry_refused', messages: m })),
      );
    const row = {
      id,
      event_id: event.id,
      unit_id: input.unitId,
      status: 'submitted',
      seed: null,
      return_reason: null,
      entered_by: caller.actor.userId,
      entered_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
    };
    await tx.insertInto('tournament_entries').values(row).execute();
    await tx
      .insertInto('tournament_entry_players')
      .values(input.personIds.map((person_id, position) => ({ entry_id: id, person_id, position })))
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'tournament_entry.create',
        entityType: 'tournament_entry',
        entityId: id,
        after: { ...row, personIds: input.personIds },
      },
      now,
    );
  });
  return entryById(platform, id);
}

export async function decideEntry(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
  entryId: string,
  input: { decision: 'confirm' | 'return'; reason: string; seed: number | null },
) {
  requireManage(caller);
  if (input.decision === 'return' && input.reason.trim() === '')
    throw fail.validation([
      {
        in: 'body',
        path: 'reason',
        code: 'reason_needed',
        messages: { vi: 'Trả lại cần nêu lý do.', en: 'A return needs a reason.' },
      },
    ]);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('tournament_entries as e')
      .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
      .selectAll('e')
      .where('e.id', '=', entryId)
      .where('ev.tournament_id', '=', tournamentId)
      .executeTakeFirst();
    if (!before) throw entryNotFound();
    if (await tx.selectFrom('tournament_draws').select('id').where('event_id', '=', before.event_id).executeTakeFirst())
      throw fail.conflict('EVENT_DRAWN', {
        vi: 'Nội dung đã bốc thăm: không sửa đăng ký.',
        en: 'The event has been drawn: entries are fixed.',
      });
    const after = {
      status: input.decision === 'confirm' ? 'confirmed' : 'returned',
      seed: input.decision === 'confirm' ? input.seed : null,
      return_reason: input.decision === 'return' ? input.reason.trim() : null,
      decided_by: caller.actor.userId,
      decided_at: now.toISOString(),
    };
    await tx.updateTable('tournament_entries').set(after).where('id', '=', entryId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `tournament_entry.${input.decision}`,
        entityType: 'tournament_entry',
        entityId: entryId,
        before,
        after,
      },
      now,
    );
  });
  return entryById(platform, entryId);
}

async function entryById(platform: Platform, id: string): Promise<EntryOut> {
  const row = await platform.db
    .selectFrom('tournament_entries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await describeEntries(platform, [row]))[0];
}
