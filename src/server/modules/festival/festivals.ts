import type { Kysely } from 'kysely';
import { vietnamDay } from '../../../common/dates.ts';
import { audioDuration } from '../../../common/festival/audioDuration.ts';
import { fold } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { attachFiles, type FileOwner, filesOf, readStoredFile } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import { personRefs, unitRefs, workersOf } from '../organisation/index.ts';
import { type Caller, entryNotFound, festivalNotFound, mayManage, requireEnter, requireManage } from './access.ts';
import { publishFestival } from './live.ts';
import type { CeremonyOut, EntryInput, EntryOut, FestivalInput, FestivalOut } from './schema.ts';

/**
 * Festivals and their entries: a grassroots unit enters acts of its own young workers (a current
 * position in the unit or under it, on the day), within the festival's limit per unit, with the
 * backing track uploaded and checked as audio; the organisers accept or return each with a
 * reason. Once a round is certified the organisers choose the acts for the ceremony, with the
 * durations measured on the night.
 */
type Db = Kysely<Database>;
const ACTIVE = ['submitted', 'accepted'];
export const ENTRY_FILES = 'festival_entry';

/** Whoever follows the festival may play an entry's backing track. */
export const entryFiles: FileOwner = {
  type: ENTRY_FILES,
  label: { vi: 'Nhạc nền tiết mục liên hoan', en: 'A festival act’s backing track' },
  mayRead: async (_platform, reader) => holdsAnywhere(reader.grants, 'festival.read'),
};

export async function findFestival(db: Db, id: string) {
  const row = await db.selectFrom('festivals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw festivalNotFound();
  return row;
}

export async function createFestival(platform: Platform, caller: Caller, input: FestivalInput, isDemo = false) {
  requireManage(caller);
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('festivals').select('id').where('code', '=', input.code).executeTakeFirst())
      throw fail.field('code', 'code_taken', 'Mã liên hoan đã dùng.', 'The festival code is taken.');
    const row = {
      id,
      code: input.code,
      name: input.name,
      name_folded: fold(input.name),
      organiser_unit_id: input.organiserUnitId,
      entries_per_unit: input.entriesPerUnit,
      is_demo: isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('festivals').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival.create', entityType: 'festival', entityId: id, after: row },
      now,
    );
  });
  return getFestival(platform, id);
}

export async function getFestival(platform: Platform, id: string): Promise<FestivalOut> {
  const f = await findFestival(platform.db, id);
  const rounds = await platform.db
    .selectFrom('festival_rounds')
    .select(['id', 'kind', 'name', 'held_on', 'venue', 'status'])
    .where('festival_id', '=', id)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    organiserUnitId: f.organiser_unit_id,
    entriesPerUnit: f.entries_per_unit,
    rounds: rounds.map((r) => ({
      id: r.id,
      kind: r.kind as 'heat' | 'exchange',
      name: r.name,
      heldOn: r.held_on,
      venue: r.venue,
      status: r.status as 'open' | 'closed' | 'certified',
    })),
  };
}

export async function listFestivals(platform: Platform): Promise<{ items: FestivalOut[] }> {
  const rows = await platform.db
    .selectFrom('festivals')
    .select('id')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const items: FestivalOut[] = [];
  for (const r of rows) items.push(await getFestival(platform, r.id));
  return { items };
}

type EntryRow = Awaited<ReturnType<typeof entryRow>>;
async function entryRow(db: Db, festivalId: string, entryId: string) {
  const row = await db
    .selectFrom('festival_entries')
    .selectAll()
    .where('id', '=', entryId)
    .where('festival_id', '=', festivalId)
    .executeTakeFirst();
  if (!row) throw entryNotFound();
  return row;
}

/** Entries with their unit, performers and backing track, in the order given. */
export async function describeEntries(platform: { db: Db }, rows: readonly EntryRow[]): Promise<EntryOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const performers = await platform.db
    .selectFrom('festival_entry_performers')
    .select(['entry_id', 'person_id', 'position'])
    .where('entry_id', 'in', ids)
    .orderBy('position')
    .execute();
  const people = await personRefs(
    platform,
    performers.map((p) => p.person_id),
  );
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  const files = await filesOf(platform.db, ENTRY_FILES, ids);
  return rows.map((r) => {
    const u = units.get(r.unit_id);
    const track = files.get(r.id)?.[0];
    return {
      id: r.id,
      festivalId: r.festival_id,
      unit: { id: r.unit_id, name: u?.name ?? '', shortName: u?.shortName ?? null },
      performance: r.performance as EntryOut['performance'],
      performers: performers
        .filter((p) => p.entry_id === r.id)
        .map((p) => ({ id: p.person_id, name: people.get(p.person_id)?.fullName ?? '' })),
      song: r.song,
      composer: r.composer,
      lyricist: r.lyricist,
      genre: r.genre,
      accompaniment: r.accompaniment as EntryOut['accompaniment'],
      backingTrack: track ? { id: track.id, name: track.name, size: track.size, mediaType: track.mediaType } : null,
      declaredSeconds: r.declared_seconds,
      measuredSeconds: r.measured_seconds,
      trackSeconds: r.track_seconds,
      status: r.status as EntryOut['status'],
      returnReason: r.return_reason,
      enteredAt: r.entered_at,
    };
  });
}

/**
 * The entries the caller may see: the organisers every one; anyone else the accepted entries and,
 * in any state, those of the units where they hold `festival.enter`.
 */
export async function listEntries(
  platform: Platform,
  caller: Caller,
  festivalId: string,
  query: { unitId?: string; status?: string },
): Promise<{ items: EntryOut[] }> {
  await findFestival(platform.db, festivalId);
  let q = platform.db.selectFrom('festival_entries').selectAll().where('festival_id', '=', festivalId);
  if (query.unitId) q = q.where('unit_id', '=', query.unitId);
  if (query.status) q = q.where('status', '=', query.status);
  let rows = await q.orderBy('entered_at').orderBy('id').limit(2000).execute();
  if (!mayManage(caller)) {
    const roots = reach(caller.grants, 'festival.enter');
    const own = new Set<string>();
    if (roots === null) for (const r of rows) own.add(r.unit_id);
    else
      for (const r of rows)
        for (const root of roots) if (await platform.unitScope.isWithin(r.unit_id, root)) own.add(r.unit_id);
    rows = rows.filter((r) => r.status === 'accepted' || own.has(r.unit_id));
  }
  return { items: await describeEntries(platform, rows) };
}

function problem(path: string, code: string, vi: string, en: string) {
  return { in: 'body' as const, path, code, messages: { vi, en } };
}

export async function makeEntry(platform: Platform, caller: Caller, festivalId: string, input: EntryInput) {
  await requireEnter(platform, caller, input.unitId);
  const festival = await findFestival(platform.db, festivalId);
  const now = platform.clock();
  const today = vietnamDay(now);
  const id = newId(now.getTime());
  const personIds = [...new Set(input.personIds)];
  const problems = [];
  const sizes = { solo: [1, 1], duet: [2, 2], group: [3, 40] } as const;
  const [least, most] = sizes[input.performance];
  if (personIds.length < least || personIds.length > most)
    problems.push(
      problem(
        'personIds',
        'performers_count',
        `Đơn ca 1 người, song ca 2 người, tốp ca từ 3 người (đã chọn ${personIds.length}).`,
        `A solo is one performer, a duet two, a group three or more (${personIds.length} chosen).`,
      ),
    );
  if (input.accompaniment === 'backing' && !input.backingTrackFileId)
    problems.push(
      problem(
        'backingTrackFileId',
        'track_needed',
        'Hát với nhạc nền cần tải tệp nhạc lên.',
        'A backing track must be uploaded.',
      ),
    );
  if (problems.length > 0) throw fail.validation(problems);
  // The backing track's length, from the caller's own upload (read before the transaction; a file
  // that is not theirs is refused below by attachFiles with its own message).
  const length =
    input.accompaniment === 'backing' && input.backingTrackFileId
      ? await readStoredFile(platform, caller, input.backingTrackFileId).then(
          (f) => audioDuration(f.content),
          () => null,
        )
      : null;
  await platform.db.transaction().execute(async (tx) => {
    if (
      await tx
        .selectFrom('festival_rounds')
        .select('id')
        .where('festival_id', '=', festivalId)
        .where('kind', '=', 'exchange')
        .where('status', '!=', 'open')
        .executeTakeFirst()
    )
      throw fail.conflict('FESTIVAL_CLOSED', {
        vi: 'Đêm giao lưu đã chấm xong: không nhận thêm tiết mục.',
        en: 'The exchange night has been judged: no more entries.',
      });
    const workers = await workersOf({ db: tx }, input.unitId, personIds, today);
    const outside = personIds.filter((p) => !workers.get(p)?.inUnit);
    if (outside.length > 0)
      throw fail.validation([
        problem(
          'personIds',
          'not_in_unit',
          'Có người biểu diễn không làm việc tại đơn vị (theo danh sách nhân sự hôm nay).',
          'A performer does not work in the unit (by the registry today).',
        ),
      ]);
    const n = Number(
      (
        await tx
          .selectFrom('festival_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('festival_id', '=', festivalId)
          .where('unit_id', '=', input.unitId)
          .where('status', 'in', ACTIVE)
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (n >= festival.entries_per_unit)
      throw fail.validation([
        problem(
          'unitId',
          'unit_limit',
          `Mỗi đơn vị đăng ký tối đa ${festival.entries_per_unit} tiết mục.`,
          `Each unit may enter at most ${festival.entries_per_unit} acts.`,
        ),
      ]);
    const row = {
      id,
      festival_id: festivalId,
      unit_id: input.unitId,
      performance: input.performance,
      song: input.song,
      composer: input.composer,
      lyricist: input.lyricist,
      genre: input.genre,
      accompaniment: input.accompaniment,
      declared_seconds: input.declaredSeconds,
      measured_seconds: null,
      track_seconds: null as number | null,
      status: 'submitted',
      return_reason: null,
      entered_by: caller.actor.userId,
      entered_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      ceremony_position: null,
    };
    await tx.insertInto('festival_entries').values(row).execute();
    await tx
      .insertInto('festival_entry_performers')
      .values(personIds.map((person_id, position) => ({ entry_id: id, person_id, position })))
      .execute();
    if (input.accompaniment === 'backing' && input.backingTrackFileId) {
      const [file] = await attachFiles(
        tx,
        caller.actor,
        [input.backingTrackFileId],
        { type: ENTRY_FILES, id },
        'backingTrackFileId',
      );
      if (!file.mediaType.startsWith('audio/'))
        throw fail.validation([
          problem(
            'backingTrackFileId',
            'not_audio',
            'Tệp nhạc nền phải là âm thanh (MP3, WAV, M4A, OGG).',
            'The backing track must be audio (MP3, WAV, M4A, OGG).',
          ),
        ]);
      // Its length from its own headers: a track whose length cannot be read is not accepted.
      if (!length)
        throw fail.validation([
          problem(
            'backingTrackFileId',
            'track_unreadable',
            'Không đọc được độ dài tệp nhạc nền; hãy xuất lại tệp (MP3, WAV, M4A, OGG).',
            'The backing track’s length cannot be read; export the file again (MP3, WAV, M4A, OGG).',
          ),
        ]);
      row.track_seconds = Math.ceil(length.seconds);
      await tx.updateTable('festival_entries').set({ track_seconds: row.track_seconds }).where('id', '=', id).execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival_entry.create', entityType: 'festival_entry', entityId: id, after: { ...row, personIds } },
      now,
    );
  });
  publishFestival(platform, 'entry', { festivalId, entryId: id });
  return (await describeEntries(platform, [await entryRow(platform.db, festivalId, id)]))[0];
}

export async function decideEntry(
  platform: Platform,
  caller: Caller,
  festivalId: string,
  entryId: string,
  input: { decision: 'accept' | 'return'; reason: string },
) {
  requireManage(caller);
  if (input.decision === 'return' && input.reason.trim() === '')
    throw fail.field('reason', 'reason_needed', 'Trả lại cần nêu lý do.', 'A return needs a reason.');
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const before = await entryRow(tx, festivalId, entryId);
    const inRound = await tx
      .selectFrom('festival_round_entries as re')
      .innerJoin('festival_rounds as r', 'r.id', 're.round_id')
      .select('r.id')
      .where('re.entry_id', '=', entryId)
      .where('r.method_frozen_at', 'is not', null)
      .executeTakeFirst();
    if (inRound)
      throw fail.conflict('ENTRY_JUDGED', {
        vi: 'Tiết mục đã được chấm: không sửa quyết định.',
        en: 'The act has been judged: the decision stands.',
      });
    const after = {
      status: input.decision === 'accept' ? 'accepted' : 'returned',
      return_reason: input.decision === 'return' ? input.reason.trim() : null,
      decided_by: caller.actor.userId,
      decided_at: now.toISOString(),
    };
    await tx.updateTable('festival_entries').set(after).where('id', '=', entryId).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: `festival_entry.${input.decision}`, entityType: 'festival_entry', entityId: entryId, before, after },
      now,
    );
  });
  publishFestival(platform, 'entry', { festivalId, entryId });
  return (await describeEntries(platform, [await entryRow(platform.db, festivalId, entryId)]))[0];
}

/** A festival's acts chosen for the ceremony, in the organisers' order, with their duration and backing track. */
async function chosenActs(db: Db, festivalId: string) {
  const rows = await db
    .selectFrom('festival_entries')
    .selectAll()
    .where('festival_id', '=', festivalId)
    .where('ceremony_position', 'is not', null)
    .orderBy('ceremony_position')
    .execute();
  return (await describeEntries({ db }, rows)).map((e) => ({
    entryId: e.id,
    song: e.song,
    unitName: e.unit.name,
    performers: e.performers.map((p) => p.name),
    // measured on the night when it was timed, else the backing track's length, else as declared
    seconds: e.measuredSeconds ?? e.trackSeconds ?? e.declaredSeconds,
    measured: e.measuredSeconds !== null,
    backingTrackFileId: e.backingTrack?.id ?? null,
  }));
}

/** The acts chosen for the ceremony, in their order, each with its duration (the festival's own answer). */
export async function ceremonyActs(db: Db, festivalId: string): Promise<CeremonyOut> {
  const acts = await chosenActs(db, festivalId);
  return {
    acts: acts.map(({ backingTrackFileId: _track, ...a }, i) => ({ position: i + 1, ...a })),
  };
}

/**
 * Every act chosen for a ceremony from festivals whose rounds were all held on or before that
 * day, festival by festival: what the ceremony module offers its performance segments (through
 * index.ts).
 */
export async function actsForCeremonyOn(db: Db, day: string) {
  const festivals = await db
    .selectFrom('festivals')
    .select(['id', 'name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('festival_entries')
          .select('id')
          .whereRef('festival_entries.festival_id', '=', 'festivals.id')
          .where('ceremony_position', 'is not', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('festival_rounds')
            .select('id')
            .whereRef('festival_rounds.festival_id', '=', 'festivals.id')
            .where('held_on', '>', day),
        ),
      ),
    )
    .orderBy('code')
    .execute();
  const acts = [];
  for (const f of festivals) for (const a of await chosenActs(db, f.id)) acts.push({ festival: f.name, ...a });
  return acts;
}

/** The organisers choose the ceremony's acts (from certified rounds), in order, with measured durations. */
export async function chooseCeremonyActs(
  platform: Platform,
  caller: Caller,
  festivalId: string,
  input: { acts: { entryId: string; measuredSeconds: number | null }[] },
): Promise<CeremonyOut> {
  requireManage(caller);
  await findFestival(platform.db, festivalId);
  const ids = input.acts.map((a) => a.entryId);
  if (new Set(ids).size !== ids.length)
    throw fail.field('acts', 'duplicate', 'Một tiết mục được chọn hai lần.', 'An act is chosen twice.');
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const certified =
      ids.length === 0
        ? []
        : await tx
            .selectFrom('festival_round_entries as re')
            .innerJoin('festival_rounds as r', 'r.id', 're.round_id')
            .innerJoin('festival_entries as e', 'e.id', 're.entry_id')
            .select('re.entry_id')
            .where('r.festival_id', '=', festivalId)
            .where('r.status', '=', 'certified')
            .where('re.entry_id', 'in', ids)
            .execute();
    const ok = new Set(certified.map((c) => c.entry_id));
    const missing = ids.filter((id) => !ok.has(id));
    if (missing.length > 0)
      throw fail.field(
        'acts',
        'not_certified',
        'Chỉ chọn tiết mục của vòng thi đã được Trưởng ban giám khảo chứng nhận kết quả.',
        'Only acts of a round whose result the head judge has certified can be chosen.',
      );
    const before = await tx
      .selectFrom('festival_entries')
      .select(['id', 'ceremony_position', 'measured_seconds'])
      .where('festival_id', '=', festivalId)
      .where('ceremony_position', 'is not', null)
      .execute();
    await tx
      .updateTable('festival_entries')
      .set({ ceremony_position: null })
      .where('festival_id', '=', festivalId)
      .execute();
    for (const [i, a] of input.acts.entries()) {
      const set: { ceremony_position: number; measured_seconds?: number } = { ceremony_position: i + 1 };
      if (a.measuredSeconds !== null) set.measured_seconds = a.measuredSeconds;
      await tx.updateTable('festival_entries').set(set).where('id', '=', a.entryId).execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival.ceremony_acts', entityType: 'festival', entityId: festivalId, before, after: input.acts },
      now,
    );
  });
  publishFestival(platform, 'ceremony', { festivalId });
  return ceremonyActs(platform.db, festivalId);
}
