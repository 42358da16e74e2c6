import { z } from '@hono/zod-openapi';
import { guestBranches, guestLevels } from '../../../common/ceremony/protocol.ts';
import { sections, segmentKinds } from '../../../common/ceremony/programme.ts';
import { requiredText, text } from '../../../common/schemas.ts';
import { day } from '../../platform/http/params.ts';

/** Request and answer shapes of the ceremony module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const idParam = z.object({ id: pathId('id') });
export const segmentParam = z.object({ id: pathId('id'), segmentId: pathId('segmentId') });
export const guestParam = z.object({ id: pathId('id'), guestId: pathId('guestId') });
export const codeParam = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' });
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const cueKinds = ['sound', 'light', 'screen', 'video'] as const;
const cue = z.strictObject({ kind: z.enum(cueKinds), text: requiredText(300) });

/** A performance: a festival entry (source and entry id) or a guest act entered by hand (no source). */
export const actInput = z
  .strictObject({
    source: z.string().max(60).nullable().optional().default(null),
    entryId: z.string().max(80).nullable().optional().default(null),
    title: requiredText(300),
    performers: text(500),
    unit: text(300).optional().default(''),
    seconds: z.number().int().min(1).max(7200).nullable().optional().default(null),
    backingTrackFileId: uuid.nullable().optional().default(null),
  })
  .openapi('CeremonyActInput');
const actOut = z.object({
  source: z.string().nullable(),
  entryId: z.string().nullable(),
  title: z.string(),
  performers: z.string(),
  unit: z.string(),
  seconds: z.number().nullable(),
  backingTrackFileId: z.string().nullable(),
});

export const ceremonyInput = z
  .strictObject({
    code,
    name: requiredText(300),
    eventDate: day,
    venue: requiredText(300),
    doors: clock,
    start: clock,
    targetEnd: clock,
    honoursCampaignId: uuid.nullable().optional().default(null),
    organiserUnitId: uuid.nullable().optional().default(null).openapi({
      description: 'The unit that organises the ceremony; its head signs the programme, script and report',
    }),
    stageSize: z.number().int().min(1).max(60).optional().default(10),
    syllablesPerMinute: z.number().int().min(60).max(400).optional().default(200),
  })
  .openapi('CeremonyInput');
export type CeremonyInput = z.output<typeof ceremonyInput>;

export const ceremonyPatch = z
  .strictObject({
    name: requiredText(300).optional(),
    eventDate: day.optional(),
    venue: requiredText(300).optional(),
    doors: clock.optional(),
    start: clock.optional(),
    targetEnd: clock.optional(),
    honoursCampaignId: uuid.nullable().optional(),
    organiserUnitId: uuid.nullable().optional(),
    stageSize: z.number().int().min(1).max(60).optional(),
    syllablesPerMinute: z.number().int().min(60).max(400).optional(),
    categoryOrder: z.array(z.string().max(40)).max(10).optional(),
    published: z.boolean().optional(),
  })
  .openapi('CeremonyPatch');
export type CeremonyPatch = z.output<typeof ceremonyPatch>;

const segmentFields = {
  section: z.enum(sections),
  kind: z.enum(segmentKinds),
  title: requiredText(300),
  minutes: z.number().int().min(0).max(600),
  hardStart: clock.nullable(),
  onStage: text(1000),
  microphones: text(300),
  mcLines: text(20_000),
  speechText: text(60_000),
  cues: z.array(cue).max(30),
  act: actInput.nullable(),
};
export const segmentInput = z
  .strictObject({
    section: segmentFields.section,
    kind: segmentFields.kind,
    title: segmentFields.title,
    minutes: segmentFields.minutes.optional(),
    hardStart: segmentFields.hardStart.optional().default(null),
    onStage: segmentFields.onStage.optional().default(''),
    microphones: segmentFields.microphones.optional().default(''),
    mcLines: segmentFields.mcLines.optional().default(''),
    speechText: segmentFields.speechText.optional().default(''),
    cues: segmentFields.cues.optional().default([]),
    act: segmentFields.act.optional().default(null),
    after: uuid
      .nullable()
      .optional()
      .default(null)
      .openapi({ description: 'Put it after this segment (last when absent)' }),
  })
  .openapi('CeremonySegmentInput');
export type SegmentInput = z.output<typeof segmentInput>;
export const segmentPatch = z
  .strictObject({
    section: segmentFields.section.optional(),
    kind: segmentFields.kind.optional(),
    title: segmentFields.title.optional(),
    minutes: segmentFields.minutes.optional(),
    hardStart: segmentFields.hardStart.optional(),
    onStage: segmentFields.onStage.optional(),
    microphones: segmentFields.microphones.optional(),
    mcLines: segmentFields.mcLines.optional(),
    speechText: segmentFields.speechText.optional(),
    cues: segmentFields.cues.optional(),
    act: segmentFields.act.optional(),
  })
  .openapi('CeremonySegmentPatch');
export type SegmentPatch = z.output<typeof segmentPatch>;
export const orderInput = z.strictObject({ ids: z.array(uuid).min(1).max(200) }).openapi('CeremonySegmentOrder');

export const guestInput = z
  .strictObject({
    name: requiredText(200),
    title: requiredText(300),
    organisation: text(300).optional().default(''),
    level: z.enum(guestLevels),
    branch: z.enum(guestBranches),
    rank: z.number().int().min(0).max(999),
    mayPresent: z.boolean().optional().default(false),
  })
  .openapi('CeremonyGuestInput');
export type GuestInput = z.output<typeof guestInput>;
export const guestPatch = z
  .strictObject({
    name: requiredText(200).optional(),
    title: requiredText(300).optional(),
    organisation: text(300).optional(),
    level: z.enum(guestLevels).optional(),
    branch: z.enum(guestBranches).optional(),
    rank: z.number().int().min(0).max(999).optional(),
    mayPresent: z.boolean().optional(),
    reply: z.enum(['pending', 'attending', 'deputy', 'declined']).optional(),
    deputy: z
      .strictObject({ name: requiredText(200), title: requiredText(300) })
      .nullable()
      .optional(),
  })
  .openapi('CeremonyGuestPatch');
export type GuestPatch = z.output<typeof guestPatch>;

export const rehearsalInput = z
  .strictObject({
    text: requiredText(20_000).openapi({ description: 'The passage the MC read at the rehearsal' }),
    seconds: z.number().int().min(1).max(3600).openapi({ description: 'How long the reading took' }),
  })
  .openapi('CeremonyRehearsalInput');
export type RehearsalInput = z.output<typeof rehearsalInput>;

export const invitationInput = z
  .strictObject({
    date: day.openapi({ description: 'The day the letters are signed (before the event)' }),
    signer: z.strictObject({
      authority: text(80).optional().default('T/M BAN THƯỜNG VỤ'),
      position: requiredText(80),
      name: requiredText(120),
    }),
  })
  .openapi('CeremonyInvitationInput');
export type InvitationInput = z.output<typeof invitationInput>;

export const seatingQuery = z.object({
  perRow: z.coerce.number().int().min(2).max(40).optional().openapi({ description: 'Seats in a row (10 unless told)' }),
});

export const liveInput = z.strictObject({ action: z.enum(['start', 'next', 'hold']) }).openapi('CeremonyLiveAction');

// ---------- answers ----------

const warning = z.object({
  kind: z.enum(['hard-start-missed', 'past-target-end']),
  segment: z.string().optional(),
  message: z.string(),
  messages: bilingual,
});

export const guestOut = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    organisation: z.string(),
    level: z.enum(guestLevels),
    branch: z.enum(guestBranches),
    rank: z.number(),
    mayPresent: z.boolean(),
    reply: z.enum(['pending', 'attending', 'deputy', 'declined']),
    deputy: z.object({ name: z.string(), title: z.string() }).nullable(),
    place: z.number().openapi({ description: 'Place in protocol order (1 first), also the seat order' }),
  })
  .openapi('CeremonyGuest');
export type GuestOut = z.output<typeof guestOut>;

export const segmentOut = z
  .object({
    id: z.string(),
    position: z.number(),
    section: z.enum(sections),
    kind: z.enum(segmentKinds),
    kindLabel: bilingual,
    title: z.string(),
    minutes: z.number(),
    hardStart: z.string().nullable(),
    onStage: z.string(),
    microphones: z.string(),
    mcLines: z.string(),
    speechText: z.string(),
    cues: z.array(z.object({ kind: z.enum(cueKinds), text: z.string() })),
    act: actOut.nullable(),
    readingSeconds: z.number().openapi({ description: "The MC's lines and the speech, read at the ceremony's pace" }),
    start: z.string(),
    end: z.string(),
    latestStart: z.string(),
    gapMinutes: z.number(),
    lateMinutes: z.number(),
    slackMinutes: z.number(),
    state: z.enum(['planned', 'running', 'done']),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
  })
  .openapi('CeremonySegment');
export type SegmentOut = z.output<typeof segmentOut>;

const batchHonouree = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.string(),
  categoryKind: z.string(),
  form: z.string(),
  formRank: z.number(),
  citation: z.string(),
});
export const batchOut = z.object({
  number: z.number(),
  form: z.string(),
  category: z.string(),
  categoryKind: z.string(),
  honourees: z.array(batchHonouree),
  presenter: z.object({ id: z.string(), name: z.string(), title: z.string() }).nullable(),
  citation: z.string(),
  music: z.string(),
});
export type BatchOut = z.output<typeof batchOut>;

export const awardsOut = z.object({
  campaign: z.object({ id: z.string(), code: z.string(), name: z.string(), decided: z.boolean() }).nullable(),
  decision: z.object({ number: z.string(), date: z.string() }).nullable(),
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  batches: z.array(batchOut),
  difference: z
    .object({
      added: z.array(batchHonouree),
      removed: z.array(batchHonouree),
      moved: z.number().openapi({ description: 'Honourees whose batch or presenter would change' }),
    })
    .nullable()
    .openapi({ description: 'While frozen: what the results say now against the frozen batches (null when the same)' }),
  suggestedMinutes: z.number(),
});

const header = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  eventDate: z.string(),
  venue: z.string(),
  doors: z.string(),
  start: z.string(),
  targetEnd: z.string(),
  published: z.boolean(),
  heldOn: z.string().nullable(),
  isDemo: z.boolean(),
};
export const ceremonySummary = z.object(header).openapi('CeremonySummary');
export const ceremonyListOut = z.object({ items: z.array(ceremonySummary) });

export const ceremonyOut = z
  .object({
    ...header,
    honoursCampaignId: z.string().nullable(),
    organiserUnitId: z.string().nullable(),
    stageSize: z.number(),
    syllablesPerMinute: z.number(),
    categoryOrder: z.array(z.string()),
    version: z.number(),
    segments: z.array(segmentOut),
    end: z.string(),
    overUnderMinutes: z.number(),
    warnings: z.array(warning),
    awards: awardsOut,
    introduction: z
      .string()
      .openapi({ description: "The MC's introduction of guests, in protocol order, from the replies" }),
    rehearsal: z
      .array(z.object({ text: z.string(), seconds: z.number(), syllables: z.number(), at: z.string() }))
      .openapi({ description: 'The passages timed at the rehearsal; the pace is calibrated from them' }),
    invitation: z
      .object({
        number: z.string(),
        symbol: z.string(),
        date: z.string(),
        signer: z.object({ authority: z.string(), position: z.string(), name: z.string() }),
      })
      .nullable()
      .openapi({ description: 'The invitation letter as issued from the office register, or null' }),
    invitationSigner: z.object({ authority: z.string(), position: z.string(), name: z.string() }).openapi({
      description:
        "Who signs the letters: as issued, or before the number the Standing Committee's Bí thư today from the registry (name blank when it does not know)",
    }),
  })
  .openapi('Ceremony');
export type CeremonyOut = z.output<typeof ceremonyOut>;

export const guestListOut = z.object({
  items: z.array(guestOut),
  replies: z.object({ pending: z.number(), attending: z.number(), deputy: z.number(), declined: z.number() }),
  introduction: z.string(),
});

export const liveOut = z
  .object({
    ceremonyId: z.string(),
    status: z.enum(['waiting', 'running', 'holding', 'finished']),
    now: z.string().openapi({ description: 'The server clock (ISO instant), to align a device’s timer' }),
    current: z
      .object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(segmentKinds),
        startedAt: z.string(),
        plannedSeconds: z.number(),
        elapsedSeconds: z.number(),
        remainingSeconds: z.number(),
        onStage: z.string(),
        microphones: z.string(),
        mcLines: z.string(),
        cues: z.array(z.object({ kind: z.enum(cueKinds), text: z.string() })),
      })
      .nullable(),
    next: z
      .object({ id: z.string(), title: z.string(), onStage: z.string(), microphones: z.string(), start: z.string() })
      .nullable(),
    overUnderMinutes: z.number(),
    forecastEnd: z.string(),
    targetEnd: z.string(),
    segments: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(segmentKinds),
        plannedStart: z.string(),
        plannedEnd: z.string(),
        start: z.string(),
        end: z.string(),
        actualStart: z.string().nullable(),
        actualEnd: z.string().nullable(),
        plannedMinutes: z.number(),
        actualMinutes: z.number().nullable(),
        overUnderMinutes: z.number().nullable(),
        state: z.enum(['planned', 'running', 'done']),
        mcLines: z.string(),
      }),
    ),
    warnings: z.array(warning),
  })
  .openapi('CeremonyLive');
export type LiveOut = z.output<typeof liveOut>;

export const actsOut = z.object({
  items: z.array(actOut.extend({ sourceLabel: bilingual })),
});

export const publicProgrammeOut = z
  .object({
    code: z.string(),
    name: z.string(),
    eventDate: z.string(),
    venue: z.string(),
    doors: z.string(),
    start: z.string(),
    end: z.string(),
    live: z.object({
      status: z.enum(['waiting', 'running', 'holding', 'finished']),
      current: z.object({ index: z.number().int(), title: z.string(), start: z.string() }).nullable(),
      next: z.object({ index: z.number().int(), title: z.string(), start: z.string() }).nullable(),
    }),
    segments: z.array(
      z.object({
        title: z.string(),
        kind: z.enum(segmentKinds),
        start: z.string(),
        performers: z.string().nullable(),
        state: z.enum(['planned', 'running', 'done']),
        actualStart: z.string().nullable(),
      }),
    ),
  })
  .openapi('CeremonyPublicProgramme');
export type PublicProgrammeOut = z.output<typeof publicProgrammeOut>;
export const publicListOut = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), eventDate: z.string(), venue: z.string() })),
});
