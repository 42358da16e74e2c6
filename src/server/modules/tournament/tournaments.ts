import type { Kysely } from 'kysely';
import { fold } from '../../../common/text.ts';
import { categoryLabel, type Category, type EventKind, eventKindLabels } from '../../../common/tournament/entries.ts';
import type { ScoringId } from '../../../common/tournament/scoring.ts';
import { tieFormatProblems } from '../../../common/tournament/teams.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, eventNotFound, requireManage, tournamentNotFound } from './access.ts';
import {
  type EventFormat,
  type EventInput,
  hasGroups,
  type TieFormatInput,
  type TournamentInput,
  type TournamentOut,
} from './schema.ts';

/** A tournament's set-up: dates, venue, courts and their hours, events with their rules. */
type Db = Kysely<Database>;

export async function findTournament(db: Db, id: string) {
  const row = await db.selectFrom('tournaments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw tournamentNotFound();
  return row;
}

export async function findEvent(db: Db, tournamentId: string, eventId: string) {
  const row = await db
    .selectFrom('tournament_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('tournament_id', '=', tournamentId)
    .executeTakeFirst();
  if (!row) throw eventNotFound();
  return row;
}

type TournamentRow = Awaited<ReturnType<typeof findTournament>>;
type EventRow = Awaited<ReturnType<typeof findEvent>>;

const header = (r: TournamentRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  venue: r.venue,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  entryDeadline: r.entry_deadline,
  organiserUnitId: r.organiser_unit_id,
  restMinutes: r.rest_minutes,
  eventsPerPlayer: r.events_per_player,
  isDemo: r.is_demo === 1,
});

export const eventView = (e: EventRow, counts: Record<string, number>, drawn: boolean) => {
  const category = JSON.parse(e.category_json) as Category;
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    kind: e.kind as EventKind,
    kindLabel: eventKindLabels[e.kind as EventKind],
    category,
    categoryLabel: categoryLabel(category),
    format: e.format as EventFormat,
    scoring: e.scoring as ScoringId,
    groupCount: e.group_count,
    qualifiersPerGroup: e.qualifiers_per_group,
    thirdPlace: e.third_place as 'playoff' | 'shared',
    entriesPerUnit: e.entries_per_unit,
    mixedUnits: e.mixed_units === 1,
    matchMinutes: e.match_minutes,
    tieFormat: e.tie_format_json ? (JSON.parse(e.tie_format_json) as TieFormatInput) : null,
    entries: { submitted: counts.submitted ?? 0, confirmed: counts.confirmed ?? 0, returned: counts.returned ?? 0 },
    drawn,
  };
};

export async function listTournaments(platform: Platform) {
  const rows = await platform.db
    .selectFrom('tournaments')
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return { items: rows.map(header) };
}

export async function getTournament(platform: Platform, id: string): Promise<TournamentOut> {
  const row = await findTournament(platform.db, id);
  const courts = await platform.db
    .selectFrom('tournament_courts')
    .selectAll()
    .where('tournament_id', '=', id)
    .orderBy('position')
    .execute();
  const events = await platform.db
    .selectFrom('tournament_events')
    .selectAll()
    .where('tournament_id', '=', id)
    .orderBy('position')
    .execute();
  const counts = await platform.db
    .selectFrom('tournament_entries as e')
    .innerJoin('tournament_events as ev', 'ev.id', 'e.event_id')
    .select(['e.event_id', 'e.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ev.tournament_id', '=', id)
    .groupBy(['e.event_id', 'e.status'])
    .execute();
  const drawn = new Set(
    (
      await platform.db
        .selectFrom('tournament_draws as d')
        .innerJoin('tournament_events as ev', 'ev.id', 'd.event_id')
        .select('d.event_id')
        .where('ev.tournament_id', '=', id)
        .where('d.is_current', '=', 1)
        .execute()
    ).map((d) => d.event_id),
  );
  const countsOf = (eventId: string) =>
    Object.fromEntries(counts.filter((c) => c.event_id === eventId).map((c) => [c.status, Number(c.n)]));
  return {
    ...header(row),
    courts: courts.map((c) => ({ id: c.id, name: c.name, hours: JSON.parse(c.hours_json) })),
    events: events.map((e) => eventView(e, countsOf(e.id), drawn.has(e.id))),
  };
}

export async function createTournament(
  platform: Platform,
  caller: Caller,
  input: TournamentInput,
  options: { isDemo?: boolean } = {},
) {
  requireManage(caller);
  if (input.endsOn < input.startsOn)
    throw fail.field('endsOn', 'end_before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end is before the start.');
  if (input.entryDeadline > input.startsOn)
    throw fail.field(
      'entryDeadline',
      'deadline_after_start',
      'Hạn đăng ký phải trước ngày khai mạc.',
      'Entries must close before the tournament starts.',
    );
  for (const [i, c] of input.courts.entries()) {
    for (const [j, h] of c.hours.entries()) {
      if (h.to <= h.from)
        throw fail.field(
          `courts.${i}.hours.${j}.to`,
          'closes_before_opening',
          'Giờ đóng phải sau giờ mở.',
          'Closing must follow opening.',
        );
      if (h.day < input.startsOn || h.day > input.endsOn)
        throw fail.field(
          `courts.${i}.hours.${j}.day`,
          'outside_dates',
          'Ngày thi đấu nằm ngoài thời gian của giải.',
          'The day is outside the tournament’s dates.',
        );
    }
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('tournaments').select('id').where('code', '=', input.code).executeTakeFirst())
      throw fail.conflict('TOURNAMENT_CODE_TAKEN', {
        vi: `Mã giải "${input.code}" đã có.`,
        en: `Tournament code "${input.code}" is taken.`,
      });
    const row = {
      id,
      code: input.code,
      name: input.name,
      name_folded: fold(`${input.code} ${input.name}`),
      venue: input.venue,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      entry_deadline: input.entryDeadline,
      organiser_unit_id: input.organiserUnitId,
      rest_minutes: input.restMinutes,
      events_per_player: input.eventsPerPlayer,
      is_demo: options.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('tournaments').values(row).execute();
    await tx
      .insertInto('tournament_courts')
      .values(
        input.courts.map((c, position) => ({
          id: newId(now.getTime()),
          tournament_id: id,
          name: c.name,
          position,
          hours_json: JSON.stringify(c.hours),
        })),
      )
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'tournament.create', entityType: 'tournament', entityId: id, after: { ...row, courts: input.courts } },
      now,
    );
  });
  return getTournament(platform, id);
}

export async function addEvent(platform: Platform, caller: Caller, tournamentId: string, input: EventInput) {
  requireManage(caller);
  if (hasGroups(input.format) && !input.groupCount)
    throw fail.field('groupCount', 'groups_needed', 'Cần số bảng đấu.', 'The number of groups is needed.');
  if (input.format === 'groups_knockout' && !input.qualifiersPerGroup)
    throw fail.field(
      'qualifiersPerGroup',
      'qualifiers_needed',
      'Cần số vận động viên mỗi bảng vào vòng loại trực tiếp.',
      'How many of each group go on to the knockout is needed.',
    );
  if (input.format === 'groups_knockout' && input.groupCount! * input.qualifiersPerGroup! < 2)
    throw fail.field(
      'qualifiersPerGroup',
      'qualifiers_too_few',
      'Vòng loại trực tiếp cần ít nhất 2 vận động viên: tăng số bảng hoặc số người đi tiếp mỗi bảng.',
      'The knockout needs at least 2 entries: more groups, or more going on from each.',
    );
  // A team event is played in ties of rubbers (ADR 35): its format is required, and only there.
  if (input.kind === 'TEAM' && !input.tieFormat)
    throw fail.field(
      'tieFormat',
      'tie_format_needed',
      'Nội dung đồng đội cần thể thức lượt trận: các trận đơn, đôi theo thứ tự.',
      'A team event needs its tie format: the rubbers in order.',
    );
  if (input.kind !== 'TEAM' && input.tieFormat)
    throw fail.field(
      'tieFormat',
      'tie_format_team_only',
      'Chỉ nội dung đồng đội có thể thức lượt trận.',
      'Only a team event has a tie format.',
    );
  if (input.tieFormat) {
    const problems = tieFormatProblems(input.tieFormat);
    if (problems.length > 0)
      throw fail.validation(
        problems.map((p) => ({
          in: 'body' as const,
          path: `tieFormat.${p.path}`,
          code: 'tie_format',
          messages: p.message,
        })),
      );
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    await findTournament(tx, tournamentId);
    const taken = await tx
      .selectFrom('tournament_events')
      .select('id')
      .where('tournament_id', '=', tournamentId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken)
      throw fail.conflict('EVENT_CODE_TAKEN', {
        vi: `Mã nội dung "${input.code}" đã có trong giải.`,
        en: `Event code "${input.code}" is taken in this tournament.`,
      });
    const position = Number(
      (
        await tx
          .selectFrom('tournament_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tournament_id', '=', tournamentId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const row = {
      id,
      tournament_id: tournamentId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      category_json: JSON.stringify(input.category),
      format: input.format,
      scoring: input.scoring,
      group_scoring: null,
      group_count: hasGroups(input.format) ? input.groupCount : null,
      qualifiers_per_group: input.format === 'groups_knockout' ? input.qualifiersPerGroup : null,
      third_place: input.thirdPlace,
      entries_per_unit: input.entriesPerUnit,
      mixed_units: input.mixedUnits ? 1 : 0,
      match_minutes: input.matchMinutes,
      tie_format_json: input.tieFormat ? JSON.stringify(input.tieFormat) : null,
      position,
      created_at: now.toISOString(),
    };
    await tx.insertInto('tournament_events').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'tournament_event.create', entityType: 'tournament_event', entityId: id, after: row },
      now,
    );
  });
  const t = await getTournament(platform, tournamentId);
  return t.events.find((e) => e.id === id)!;
}
