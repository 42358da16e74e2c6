import type { Kysely } from 'kysely';
import {
  article13Order,
  type SegmentKind,
  segmentKindLabels,
  type Section,
} from '../../../common/ceremony/programme.ts';
import { introductionText, protocolOrder } from '../../../common/ceremony/protocol.ts';
import { readingSeconds } from '../../../common/ceremony/reading.ts';
import { computeTiming, type Timing } from '../../../common/ceremony/timing.ts';
import { todayIso } from '../../../common/dates.ts';
import { fold, nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCampaign } from '../honours/index.ts';
import { signerOf, unitRefs } from '../organisation/index.ts';
import { type Caller, ceremonyNotFound, guestNotFound, requireManage, segmentNotFound } from './access.ts';
import { awardMinutes, currentAwards, differenceOf } from './awards.ts';
import { publishCeremony } from './live.ts';
import type {
  BatchOut,
  CeremonyInput,
  CeremonyOut,
  CeremonyPatch,
  GuestInput,
  GuestOut,
  GuestPatch,
  SegmentInput,
  SegmentOut,
  SegmentPatch,
} from './schema.ts';
import { performanceSources } from './sources.ts';
import type { CeremonyGuestsTable, CeremonySegmentsTable } from './tables.ts';

/** A ceremony's set-up, programme, guests and awards (issue 16). The clock is common/ceremony/timing.ts. */
type Db = Kysely<Database>;
type Reader = Pick<Platform, 'db'>;

export async function findCeremony(db: Db, id: string) {
  const row = await db.selectFrom('ceremonies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw ceremonyNotFound();
  return row;
}
type CeremonyRow = Awaited<ReturnType<typeof findCeremony>>;

export const segmentsOf = (db: Db, ceremonyId: string) =>
  db.selectFrom('ceremony_segments').selectAll().where('ceremony_id', '=', ceremonyId).orderBy('position').execute();
export const guestsOf = (db: Db, ceremonyId: string) =>
  db.selectFrom('ceremony_guests').selectAll().where('ceremony_id', '=', ceremonyId).orderBy('id').execute();

const header = (r: CeremonyRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  eventDate: r.event_date,
  venue: r.venue,
  doors: r.doors,
  start: r.start_time,
  targetEnd: r.target_end,
  published: r.published === 1,
  heldOn: r.held_on,
  isDemo: r.is_demo === 1,
});

/** The programme's clock: planned (no actual times) or as it went (actual times, and now for a running segment). */
export function timingOf(c: CeremonyRow, segments: readonly CeremonySegmentsTable[], now: Date | null): Timing {
  // Actual instants as whole minutes after midnight of the event's day in Việt Nam (UTC+7), so an
  // early start stays early and a show past midnight is past 1440, whatever the wall clock says.
  const midnight = Date.parse(`${c.event_date}T00:00:00+07:00`);
  const minute = (iso: string) => Math.floor((Date.parse(iso) - midnight) / 60_000);
  const actual: Record<string, { start: number; end: number | null }> = {};
  for (const s of segments)
    if (s.actual_start)
      actual[s.id] = { start: minute(s.actual_start), end: s.actual_end ? minute(s.actual_end) : null };
  return computeTiming({
    start: c.start_time,
    targetEnd: c.target_end,
    segments: segments.map((s) => ({ id: s.id, minutes: s.minutes, hardStart: s.hard_start })),
    actualMinutes: now ? actual : undefined,
    nowMinute: now ? minute(now.toISOString()) : null,
  });
}

export const segmentView = (s: CeremonySegmentsTable, perMinute: number) => ({
  id: s.id,
  position: s.position,
  section: s.section as Section,
  kind: s.kind as SegmentKind,
  kindLabel: segmentKindLabels[s.kind as SegmentKind],
  title: s.title,
  minutes: s.minutes,
  hardStart: s.hard_start,
  onStage: s.on_stage,
  microphones: s.microphones,
  mcLines: s.mc_lines,
  speechText: s.speech_text,
  cues: JSON.parse(s.cues_json) as SegmentOut['cues'],
  act: s.act_json ? (JSON.parse(s.act_json) as SegmentOut['act']) : null,
  readingSeconds: readingSeconds(`${s.mc_lines}\n${s.speech_text}`, perMinute),
  actualStart: s.actual_start,
  actualEnd: s.actual_end,
});

export const guestView = (g: CeremonyGuestsTable, place: number): GuestOut => ({
  id: g.id,
  name: g.name,
  title: g.title,
  organisation: g.organisation,
  level: g.level as GuestOut['level'],
  branch: g.branch as GuestOut['branch'],
  rank: g.rank,
  mayPresent: g.may_present === 1,
  reply: g.reply as GuestOut['reply'],
  deputy: g.deputy_name ? { name: g.deputy_name, title: g.deputy_title ?? '' } : null,
  place,
});

export function guestsInOrder(guests: readonly CeremonyGuestsTable[]) {
  return protocolOrder(
    guests.map((g) => ({ ...g, level: g.level as GuestOut['level'], branch: g.branch as GuestOut['branch'] })),
  );
}

export function introductionOf(guests: readonly CeremonyGuestsTable[]) {
  return introductionText(
    guests.map((g) => ({
      name: g.name,
      title: g.title,
      level: g.level as GuestOut['level'],
      branch: g.branch as GuestOut['branch'],
      rank: g.rank,
      reply: g.reply as GuestOut['reply'],
      deputy: g.deputy_name ? { name: g.deputy_name, title: g.deputy_title ?? '' } : null,
    })),
  );
}

export async function awardsOf(platform: Reader, c: CeremonyRow, guests: readonly CeremonyGuestsTable[]) {
  const current = await currentAwards(platform, c, guests);
  const frozen = c.awards_json ? (JSON.parse(c.awards_json) as BatchOut[]) : null;
  const batches = frozen ?? current.batches;
  return {
    campaign: current.campaign,
    decision: current.decision,
    frozen: frozen !== null,
    frozenAt: c.frozen_at,
    batches,
    difference: frozen ? differenceOf(frozen, current.batches) : null,
    suggestedMinutes: awardMinutes(batches),
  };
}

export async function getCeremony(platform: Platform, id: string): Promise<CeremonyOut> {
  const c = await findCeremony(platform.db, id);
  const [segments, guests] = await Promise.all([segmentsOf(platform.db, id), guestsOf(platform.db, id)]);
  const started = segments.some((s) => s.actual_start);
  const timing = timingOf(c, segments, started ? platform.clock() : null);
  const awards = await awardsOf(platform, c, guests);
  return {
    ...header(c),
    honoursCampaignId: c.honours_campaign_id,
    organiserUnitId: c.organiser_unit_id,
    stageSize: c.stage_size,
    syllablesPerMinute: c.syllables_per_minute,
    categoryOrder: JSON.parse(c.category_order_json) as string[],
    version: c.version,
    segments: segments.map((s, i) => {
      const t = timing.segments[i];
      return {
        ...segmentView(s, c.syllables_per_minute),
        start: t.start,
        end: t.end,
        latestStart: t.latestStart,
        gapMinutes: t.gapMinutes,
        lateMinutes: t.lateMinutes,
        slackMinutes: t.slackMinutes,
        state: t.state,
      };
    }),
    end: timing.end,
    overUnderMinutes: timing.overUnderMinutes,
    warnings: timing.warnings,
    awards,
    introduction: introductionOf(guests),
    rehearsal: JSON.parse(c.rehearsal_json) as CeremonyOut['rehearsal'],
    invitation: invitationView(c.invitation_json),
    invitationSigner: invitationView(c.invitation_json)?.signer ?? (await invitationDraftSigner(platform)),
  };
}

/**
 * Who signs the invitation letters before they are numbered: for the Standing Committee, its Bí
 * thư today as the registry knows him (blank when it does not); once issued, the signer given
 * with the number.
 */
export async function invitationDraftSigner(platform: Platform) {
  return {
    authority: 'T/M BAN THƯỜNG VỤ',
    position: 'Bí thư',
    name: await signerOf(platform, 'standing_committee', 'Bí thư', todayIso(platform.clock())),
  };
}

function invitationView(json: string | null): CeremonyOut['invitation'] {
  if (!json) return null;
  const i = JSON.parse(json) as {
    number: string;
    suffix: string;
    date: string;
    signer: { authority: string; position: string; name: string };
  };
  return { number: i.number, symbol: `${i.number}-GM/${i.suffix}`, date: i.date, signer: i.signer };
}

export async function listCeremonies(platform: Platform) {
  const rows = await platform.db
    .selectFrom('ceremonies')
    .selectAll()
    .orderBy('event_date', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return { items: rows.map(header) };
}

async function checkCampaign(platform: Platform, id: string | null | undefined) {
  if (!id) return;
  try {
    await findCampaign(platform, id);
  } catch {
    throw fail.field(
      'honoursCampaignId',
      'UNKNOWN_CAMPAIGN',
      'Không có đợt tôn vinh này.',
      'There is no such honours campaign.',
    );
  }
}

async function checkOrganiser(platform: Platform, id: string | null | undefined) {
  if (!id || (await unitRefs(platform, [id])).has(id)) return;
  throw fail.field('organiserUnitId', 'UNKNOWN_UNIT', 'Không có đơn vị này.', 'There is no such unit.');
}

/** Bumps the version (the live screens' check that they hold the latest) and the audit row, in the change's transaction. */
export async function touched(
  tx: Db,
  caller: Caller,
  id: string,
  action: string,
  now: Date,
  after: unknown,
  before?: unknown,
) {
  await tx
    .updateTable('ceremonies')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('id', '=', id)
    .execute();
  await recordAudit(tx, caller.actor, { action, entityType: 'ceremony', entityId: id, before, after }, now);
  const row = await tx.selectFrom('ceremonies').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

const segmentRow = (ceremonyId: string, position: number, s: Omit<SegmentInput, 'after'> & { minutes: number }) => ({
  id: newId(),
  ceremony_id: ceremonyId,
  position,
  section: s.section,
  kind: s.kind,
  title: nfc(s.title),
  minutes: s.minutes,
  hard_start: s.hardStart,
  on_stage: nfc(s.onStage),
  microphones: nfc(s.microphones),
  mc_lines: nfc(s.mcLines),
  speech_text: nfc(s.speechText),
  cues_json: JSON.stringify(s.cues),
  act_json: s.act ? JSON.stringify(s.act) : null,
  actual_start: null,
  actual_end: null,
});

/** A new ceremony, its programme started from Nghị định 111/2018 Art. 13's order. */
export async function createCeremony(platform: Platform, caller: Caller, input: CeremonyInput): Promise<CeremonyOut> {
  requireManage(caller);
  await checkCampaign(platform, input.honoursCampaignId);
  await checkOrganiser(platform, input.organiserUnitId);
  const now = platform.clock();
  const id = newId();
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('ceremonies').select('id').where('code', '=', input.code).executeTakeFirst())
      throw fail.field('code', 'DUPLICATE_CODE', 'Mã buổi lễ đã có.', 'This ceremony code is already used.');
    const row = {
      id,
      code: input.code,
      name: nfc(input.name),
      name_folded: fold(input.name),
      event_date: input.eventDate,
      venue: nfc(input.venue),
      doors: input.doors,
      start_time: input.start,
      target_end: input.targetEnd,
      honours_campaign_id: input.honoursCampaignId,
      organiser_unit_id: input.organiserUnitId,
      stage_size: input.stageSize,
      syllables_per_minute: input.syllablesPerMinute,
      category_order_json: '[]',
      awards_json: null,
      frozen_at: null,
      published: 0,
      hold_since: null,
      rehearsal_json: '[]',
      invitation_json: null,
      held_on: null,
      is_demo: 0,
      version: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('ceremonies').values(row).execute();
    const segments = article13Order.map((d, i) =>
      segmentRow(id, i + 1, {
        ...d,
        hardStart: null,
        onStage: '',
        microphones: '',
        mcLines: '',
        speechText: '',
        cues: [],
        act: null,
      }),
    );
    await tx.insertInto('ceremony_segments').values(segments).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'ceremony.create', entityType: 'ceremony', entityId: id, after: { ...row, segments: segments.length } },
      now,
    );
  });
  return getCeremony(platform, id);
}

export async function updateCeremony(platform: Platform, caller: Caller, id: string, patch: CeremonyPatch) {
  requireManage(caller);
  if (patch.honoursCampaignId !== undefined) await checkCampaign(platform, patch.honoursCampaignId);
  if (patch.organiserUnitId !== undefined) await checkOrganiser(platform, patch.organiserUnitId);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const before = await findCeremony(tx, id);
    const set: Partial<CeremonyRow> = {};
    if (patch.name !== undefined) Object.assign(set, { name: nfc(patch.name), name_folded: fold(patch.name) });
    if (patch.eventDate !== undefined) set.event_date = patch.eventDate;
    if (patch.venue !== undefined) set.venue = nfc(patch.venue);
    if (patch.doors !== undefined) set.doors = patch.doors;
    if (patch.start !== undefined) set.start_time = patch.start;
    if (patch.targetEnd !== undefined) set.target_end = patch.targetEnd;
    if (patch.honoursCampaignId !== undefined) set.honours_campaign_id = patch.honoursCampaignId;
    if (patch.organiserUnitId !== undefined) set.organiser_unit_id = patch.organiserUnitId;
    if (patch.stageSize !== undefined) set.stage_size = patch.stageSize;
    if (patch.syllablesPerMinute !== undefined) set.syllables_per_minute = patch.syllablesPerMinute;
    if (patch.categoryOrder !== undefined) set.category_order_json = JSON.stringify(patch.categoryOrder);
    if (patch.published !== undefined) set.published = patch.published ? 1 : 0;
    if (Object.keys(set).length) await tx.updateTable('ceremonies').set(set).where('id', '=', id).execute();
    return touched(tx, caller, id, 'ceremony.update', now, set, before);
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

async function checkAct(platform: Platform, ceremonyId: string, act: SegmentInput['act']) {
  if (!act?.source) return;
  const source = performanceSources[act.source];
  const c = await findCeremony(platform.db, ceremonyId);
  const offered = source ? await source.acts(platform, { id: c.id, eventDate: c.event_date }) : [];
  if (!offered.some((a) => a.entryId === act.entryId))
    throw fail.field(
      'act.entryId',
      'UNKNOWN_ACT',
      'Tiết mục này không có trong danh sách được chọn cho buổi lễ.',
      'This act is not among those chosen for the ceremony.',
    );
}

const minutesOfAct = (act: SegmentInput['act']) => (act?.seconds ? Math.ceil(act.seconds / 60) : null);

export async function addSegment(platform: Platform, caller: Caller, id: string, input: SegmentInput) {
  requireManage(caller);
  await checkAct(platform, id, input.act);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    await findCeremony(tx, id);
    const segments = await segmentsOf(tx, id);
    let index = segments.length;
    if (input.after) {
      const at = segments.findIndex((s) => s.id === input.after);
      if (at < 0) throw segmentNotFound();
      index = at + 1;
    }
    const { after: _after, ...fields } = input;
    const row = segmentRow(id, index + 1, { ...fields, minutes: input.minutes ?? minutesOfAct(input.act) ?? 5 });
    // make room: every segment from the index moves down one
    for (const s of segments.slice(index).reverse())
      await tx
        .updateTable('ceremony_segments')
        .set({ position: s.position + 1 })
        .where('id', '=', s.id)
        .execute();
    await tx.insertInto('ceremony_segments').values(row).execute();
    return touched(tx, caller, id, 'ceremony.segment_add', now, row);
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

export async function updateSegment(
  platform: Platform,
  caller: Caller,
  id: string,
  segmentId: string,
  patch: SegmentPatch,
) {
  requireManage(caller);
  if (patch.act) await checkAct(platform, id, patch.act);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('ceremony_segments')
      .selectAll()
      .where('id', '=', segmentId)
      .where('ceremony_id', '=', id)
      .executeTakeFirst();
    if (!before) throw segmentNotFound();
    const set: Partial<CeremonySegmentsTable> = {};
    if (patch.section !== undefined) set.section = patch.section;
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.title !== undefined) set.title = nfc(patch.title);
    if (patch.minutes !== undefined) set.minutes = patch.minutes;
    if (patch.hardStart !== undefined) set.hard_start = patch.hardStart;
    if (patch.onStage !== undefined) set.on_stage = nfc(patch.onStage);
    if (patch.microphones !== undefined) set.microphones = nfc(patch.microphones);
    if (patch.mcLines !== undefined) set.mc_lines = nfc(patch.mcLines);
    if (patch.speechText !== undefined) set.speech_text = nfc(patch.speechText);
    if (patch.cues !== undefined) set.cues_json = JSON.stringify(patch.cues);
    if (patch.act !== undefined) {
      set.act_json = patch.act ? JSON.stringify(patch.act) : null;
      if (patch.minutes === undefined && minutesOfAct(patch.act) !== null) set.minutes = minutesOfAct(patch.act)!;
    }
    if (Object.keys(set).length)
      await tx.updateTable('ceremony_segments').set(set).where('id', '=', segmentId).execute();
    return touched(tx, caller, id, 'ceremony.segment_update', now, set, before);
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

export async function deleteSegment(platform: Platform, caller: Caller, id: string, segmentId: string) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const segments = await segmentsOf(tx, id);
    const gone = segments.find((s) => s.id === segmentId);
    if (!gone) throw segmentNotFound();
    if (gone.actual_start)
      throw fail.conflict('SEGMENT_STARTED', {
        vi: 'Phần này đã diễn ra, không xóa được.',
        en: 'This segment has already run and cannot be deleted.',
      });
    await tx.deleteFrom('ceremony_segments').where('id', '=', segmentId).execute();
    for (const s of segments.filter((s) => s.position > gone.position))
      await tx
        .updateTable('ceremony_segments')
        .set({ position: s.position - 1 })
        .where('id', '=', s.id)
        .execute();
    return touched(tx, caller, id, 'ceremony.segment_delete', now, null, gone);
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

export async function reorderSegments(platform: Platform, caller: Caller, id: string, ids: string[]) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    await findCeremony(tx, id);
    const segments = await segmentsOf(tx, id);
    const known = new Set(segments.map((s) => s.id));
    if (ids.length !== segments.length || new Set(ids).size !== ids.length || ids.some((x) => !known.has(x)))
      throw fail.field(
        'ids',
        'NOT_THE_SEGMENTS',
        'Danh sách phải gồm đúng mọi phần của chương trình, mỗi phần một lần.',
        'The list must hold every segment of the programme, each once.',
      );
    for (const [i, sid] of ids.entries())
      await tx
        .updateTable('ceremony_segments')
        .set({ position: i + 1 })
        .where('id', '=', sid)
        .execute();
    return touched(tx, caller, id, 'ceremony.segment_order', now, { ids }, { ids: segments.map((s) => s.id) });
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

/** Freezes the award batches as the results give them now; later changes show as a difference. */
export async function freezeAwards(platform: Platform, caller: Caller, id: string, accept: boolean) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    if (!accept && c.awards_json)
      throw fail.conflict('ALREADY_FROZEN', {
        vi: 'Chương trình đã được chốt.',
        en: 'The programme is already frozen.',
      });
    if (accept && !c.awards_json)
      throw fail.conflict('NOT_FROZEN', {
        vi: 'Chương trình chưa chốt: các đợt trao thưởng đang theo kết quả.',
        en: 'The programme is not frozen: the batches follow the results.',
      });
    const current = await currentAwards({ db: tx }, c, await guestsOf(tx, id));
    const before = c.awards_json ? (JSON.parse(c.awards_json) as BatchOut[]) : null;
    await tx
      .updateTable('ceremonies')
      .set({ awards_json: JSON.stringify(current.batches), frozen_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    return touched(
      tx,
      caller,
      id,
      accept ? 'ceremony.awards_accept' : 'ceremony.freeze',
      now,
      { batches: current.batches.length, difference: before ? differenceOf(before, current.batches) : null },
      before ? { batches: before.length } : null,
    );
  });
  publishCeremony(platform, id, 'awards', version);
  return getCeremony(platform, id);
}

export async function unfreezeAwards(platform: Platform, caller: Caller, id: string) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    if (!c.awards_json)
      throw fail.conflict('NOT_FROZEN', { vi: 'Chương trình chưa chốt.', en: 'The programme is not frozen.' });
    await tx.updateTable('ceremonies').set({ awards_json: null, frozen_at: null }).where('id', '=', id).execute();
    return touched(tx, caller, id, 'ceremony.unfreeze', now, null, { frozenAt: c.frozen_at });
  });
  publishCeremony(platform, id, 'awards', version);
  return getCeremony(platform, id);
}

// ---------- guests ----------

export async function listGuests(platform: Platform, id: string) {
  await findCeremony(platform.db, id);
  const guests = await guestsOf(platform.db, id);
  const ordered = guestsInOrder(guests);
  const replies = { pending: 0, attending: 0, deputy: 0, declined: 0 };
  for (const g of guests) replies[g.reply as keyof typeof replies]++;
  return {
    items: ordered.map((g, i) => guestView(g, i + 1)),
    replies,
    introduction: introductionOf(guests),
  };
}

export async function addGuest(platform: Platform, caller: Caller, id: string, input: GuestInput) {
  requireManage(caller);
  const now = platform.clock();
  const guestId = newId();
  const version = await platform.db.transaction().execute(async (tx) => {
    await findCeremony(tx, id);
    const row = {
      id: guestId,
      ceremony_id: id,
      name: nfc(input.name),
      name_folded: fold(input.name),
      title: nfc(input.title),
      organisation: nfc(input.organisation),
      level: input.level,
      branch: input.branch,
      rank: input.rank,
      may_present: input.mayPresent ? 1 : 0,
      reply: 'pending',
      deputy_name: null,
      deputy_title: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('ceremony_guests').values(row).execute();
    return touched(tx, caller, id, 'ceremony.guest_add', now, row);
  });
  publishCeremony(platform, id, 'guests', version);
  return listGuests(platform, id);
}

export async function updateGuest(platform: Platform, caller: Caller, id: string, guestId: string, patch: GuestPatch) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('ceremony_guests')
      .selectAll()
      .where('id', '=', guestId)
      .where('ceremony_id', '=', id)
      .executeTakeFirst();
    if (!before) throw guestNotFound();
    const reply = patch.reply ?? before.reply;
    const deputy =
      patch.deputy !== undefined
        ? patch.deputy
        : reply === 'deputy'
          ? { name: before.deputy_name, title: before.deputy_title }
          : null;
    if (reply === 'deputy' && !deputy?.name)
      throw fail.field(
        'deputy',
        'DEPUTY_REQUIRED',
        'Cử người dự thay: cần họ tên và chức vụ của người dự thay.',
        "Sending a deputy: the deputy's name and title are needed.",
      );
    const set: Partial<CeremonyGuestsTable> = { updated_at: now.toISOString(), reply };
    if (patch.name !== undefined) Object.assign(set, { name: nfc(patch.name), name_folded: fold(patch.name) });
    if (patch.title !== undefined) set.title = nfc(patch.title);
    if (patch.organisation !== undefined) set.organisation = nfc(patch.organisation);
    if (patch.level !== undefined) set.level = patch.level;
    if (patch.branch !== undefined) set.branch = patch.branch;
    if (patch.rank !== undefined) set.rank = patch.rank;
    if (patch.mayPresent !== undefined) set.may_present = patch.mayPresent ? 1 : 0;
    set.deputy_name = reply === 'deputy' && deputy?.name ? nfc(deputy.name) : null;
    set.deputy_title = reply === 'deputy' && deputy?.title ? nfc(deputy.title) : null;
    await tx.updateTable('ceremony_guests').set(set).where('id', '=', guestId).execute();
    return touched(tx, caller, id, 'ceremony.guest_update', now, set, before);
  });
  publishCeremony(platform, id, 'guests', version);
  return listGuests(platform, id);
}

// ---------- acts offered, the public programme ----------

export async function offeredActs(platform: Platform, id: string) {
  const c = await findCeremony(platform.db, id);
  const items = [];
  for (const source of Object.values(performanceSources))
    for (const act of await source.acts(platform, { id: c.id, eventDate: c.event_date }))
      items.push({ ...act, sourceLabel: source.label });
  return { items };
}

export async function publicCeremonies(platform: Platform) {
  const rows = await platform.db
    .selectFrom('ceremonies')
    .select(['code', 'name', 'event_date', 'venue'])
    .where('published', '=', 1)
    .orderBy('event_date', 'desc')
    .limit(100)
    .execute();
  return { items: rows.map((r) => ({ code: r.code, name: r.name, eventDate: r.event_date, venue: r.venue })) };
}

/**
 * A published programme: titles, planned times and, on the night, where the show stands (what is
 * on, since when, what is next and when it is expected) — never the MC's lines, cues, microphones,
 * who is on stage or the guests. Throws 404 when not published.
 */
export async function publicProgramme(platform: Platform, code: string) {
  return (await publishedCeremony(platform, code)).programme;
}

/** The published programme with the ceremony's id and version (for the public live channel and the page's cache). */
export async function publishedCeremony(platform: Platform, code: string) {
  const c = await platform.db
    .selectFrom('ceremonies')
    .selectAll()
    .where('code', '=', code)
    .where('published', '=', 1)
    .executeTakeFirst();
  if (!c) throw ceremonyNotFound();
  const segments = await segmentsOf(platform.db, c.id);
  const planned = timingOf(c, segments, null);
  const started = segments.some((s) => s.actual_start);
  const forecast = started ? timingOf(c, segments, platform.clock()) : planned;
  const runningIndex = segments.findIndex((s) => s.actual_start && !s.actual_end);
  const nextIndex = segments.findIndex((s) => !s.actual_start);
  const status = !started ? 'waiting' : runningIndex >= 0 ? 'running' : nextIndex < 0 ? 'finished' : 'holding';
  const programme = {
    code: c.code,
    name: c.name,
    eventDate: c.event_date,
    venue: c.venue,
    doors: c.doors,
    start: c.start_time,
    end: planned.end,
    live: {
      status: status as 'waiting' | 'running' | 'holding' | 'finished',
      current:
        runningIndex >= 0
          ? { index: runningIndex, title: segments[runningIndex].title, start: forecast.segments[runningIndex].start }
          : null,
      next:
        nextIndex >= 0
          ? { index: nextIndex, title: segments[nextIndex].title, start: forecast.segments[nextIndex].start }
          : null,
    },
    segments: segments.map((s, i) => {
      const act = s.act_json ? (JSON.parse(s.act_json) as { performers: string }) : null;
      return {
        title: s.title,
        kind: s.kind as SegmentKind,
        start: planned.segments[i].start,
        performers: act?.performers ?? null,
        state: forecast.segments[i].state,
        actualStart: s.actual_start ? forecast.segments[i].start : null,
      };
    }),
  };
  return { id: c.id, version: c.version, programme };
}
