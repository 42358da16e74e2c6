import { z } from '@hono/zod-openapi';
import { methods } from '../../../common/festival/rank.ts';
import { requiredText, text } from '../../../common/schemas.ts';
import { day } from '../../platform/http/params.ts';

/** Request and answer shapes of the festival module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const idParam = z.object({ id: pathId('id') });
export const entryParam = z.object({ id: pathId('id'), entryId: pathId('entryId') });
export const sheetParam = z.object({ id: pathId('id'), sheetId: pathId('sheetId') });
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format');
const bilingual = z.object({ vi: z.string(), en: z.string() });
const seconds = z.number().int().min(10).max(3600);

export const performances = ['solo', 'duet', 'group'] as const;
export const accompaniments = ['live', 'backing'] as const;
export const prizeKinds = ['A', 'B', 'C', 'encouragement', 'special'] as const;

export const festivalInput = z
  .strictObject({
    code,
    name: requiredText(300),
    organiserUnitId: uuid.nullable().optional().default(null),
    entriesPerUnit: z.number().int().min(1).max(20).optional().default(2),
  })
  .openapi('FestivalInput');
export type FestivalInput = z.output<typeof festivalInput>;

export const festivalOut = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    organiserUnitId: z.string().nullable(),
    entriesPerUnit: z.number(),
    rounds: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['heat', 'exchange']),
        name: z.string(),
        heldOn: z.string(),
        venue: z.string(),
        status: z.enum(['open', 'closed', 'certified']),
      }),
    ),
  })
  .openapi('FestivalOut');
export type FestivalOut = z.output<typeof festivalOut>;
export const festivalListOut = z.object({ items: z.array(festivalOut) }).openapi('FestivalList');

export const entryInput = z
  .strictObject({
    unitId: uuid,
    performance: z.enum(performances),
    personIds: z.array(uuid).min(1).max(40),
    song: requiredText(300),
    composer: requiredText(200),
    lyricist: text(200).nullable().optional().default(null),
    genre: requiredText(100),
    accompaniment: z.enum(accompaniments),
    backingTrackFileId: uuid.nullable().optional().default(null),
    declaredSeconds: seconds,
  })
  .openapi('FestivalEntryInput');
export type EntryInput = z.output<typeof entryInput>;

const fileOut = z.object({ id: z.string(), name: z.string(), size: z.number(), mediaType: z.string() });
export const entryOut = z
  .object({
    id: z.string(),
    festivalId: z.string(),
    unit: z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }),
    performance: z.enum(performances),
    performers: z.array(z.object({ id: z.string(), name: z.string() })),
    song: z.string(),
    composer: z.string(),
    lyricist: z.string().nullable(),
    genre: z.string(),
    accompaniment: z.enum(accompaniments),
    backingTrack: fileOut.nullable(),
    declaredSeconds: z.number(),
    measuredSeconds: z.number().nullable(),
    /** The backing track's length, read by the server from the file's headers. */
    trackSeconds: z.number().nullable(),
    status: z.enum(['submitted', 'accepted', 'returned']),
    returnReason: z.string().nullable(),
    enteredAt: z.string(),
  })
  .openapi('FestivalEntry');
export type EntryOut = z.output<typeof entryOut>;
export const entryListOut = z.object({ items: z.array(entryOut) }).openapi('FestivalEntryList');

export const decisionInput = z
  .strictObject({ decision: z.enum(['accept', 'return']), reason: text(1000).optional().default('') })
  .openapi('FestivalEntryDecision');

export const criterionInput = z.strictObject({
  code,
  name: requiredText(200),
  weight: z.number().min(0).max(1000),
  max: z.number().positive().max(1000),
});
export const judgeInput = z.strictObject({
  userId: uuid.nullable().optional().default(null),
  name: requiredText(200),
  unitId: uuid.nullable().optional().default(null),
  head: z.boolean().optional().default(false),
});
export const roundInput = z
  .strictObject({
    kind: z.enum(['heat', 'exchange']),
    unitId: uuid.nullable().optional().default(null),
    name: requiredText(300),
    heldOn: day,
    venue: requiredText(300),
    maxActSeconds: seconds,
    method: z.enum(methods),
    tieBreak: z.array(code).max(10).optional().default([]),
    criteria: z.array(criterionInput).min(1).max(20),
    judges: z.array(judgeInput).min(1).max(30),
    entryIds: z.array(uuid).max(300).nullable().optional().default(null),
    orderSeed: text(100).nullable().optional().default(null),
  })
  .openapi('FestivalRoundInput');
export type RoundInput = z.output<typeof roundInput>;

/** A round's set-up changed (kind, unit and acts stay; the order has its own route). A judge kept gives their id. */
export const roundUpdateInput = z
  .strictObject({
    name: requiredText(300),
    heldOn: day,
    venue: requiredText(300),
    maxActSeconds: seconds,
    method: z.enum(methods),
    tieBreak: z.array(code).max(10).optional().default([]),
    criteria: z.array(criterionInput).min(1).max(20),
    judges: z
      .array(judgeInput.extend({ id: uuid.nullable().optional().default(null) }))
      .min(1)
      .max(30),
  })
  .openapi('FestivalRoundUpdate');
export type RoundUpdateInput = z.output<typeof roundUpdateInput>;

export const judgeAccountsOut = z
  .object({ items: z.array(z.object({ userId: z.string(), displayName: z.string(), unitId: z.string().nullable() })) })
  .openapi('FestivalJudgeAccounts');

export const methodInput = z
  .strictObject({ method: z.enum(methods), tieBreak: z.array(code).max(10) })
  .openapi('FestivalMethodInput');
export const orderInput = z
  .strictObject({
    seed: text(100).nullable().optional().default(null),
    entryIds: z.array(uuid).max(300).nullable().optional().default(null),
  })
  .openapi('FestivalOrderInput');

const judgeOut = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  unitId: z.string().nullable(),
  head: z.boolean(),
});
const slotOut = z.object({
  position: z.number(),
  entryId: z.string(),
  song: z.string(),
  unitName: z.string(),
  performers: z.array(z.string()),
  declaredSeconds: z.number(),
});
export const roundOut = z
  .object({
    id: z.string(),
    festivalId: z.string(),
    kind: z.enum(['heat', 'exchange']),
    unitId: z.string().nullable(),
    name: z.string(),
    heldOn: z.string(),
    venue: z.string(),
    maxActSeconds: z.number(),
    method: z.enum(methods),
    tieBreak: z.array(z.string()),
    methodFrozen: z.boolean(),
    orderSeed: z.string().nullable(),
    status: z.enum(['open', 'closed', 'certified']),
    closedAt: z.string().nullable(),
    certifiedAt: z.string().nullable(),
    criteria: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), weight: z.number(), max: z.number() }),
    ),
    judges: z.array(judgeOut),
    order: z.array(slotOut),
    /** Who the caller is on the panel, if anyone. */
    me: z.object({ judgeId: z.string(), head: z.boolean() }).nullable(),
    /** Per judge: sheets locked of those they must score (no marks before the round closes). */
    progress: z.array(z.object({ judgeId: z.string(), locked: z.number(), expected: z.number() })),
    recusals: z.array(
      z.object({ judgeId: z.string(), entryId: z.string(), cause: z.enum(['unit', 'declared']), note: z.string() }),
    ),
  })
  .openapi('FestivalRound');
export type RoundOut = z.output<typeof roundOut>;

export const sheetInput = z
  .strictObject({
    judgeId: uuid.nullable().optional().default(null),
    scores: z.record(z.string().max(40), z.number().min(0).max(1000)),
  })
  .openapi('FestivalSheetInput');
export const lockInput = z
  .strictObject({ judgeId: uuid.nullable().optional().default(null) })
  .openapi('FestivalLockInput');
export const amendInput = z
  .strictObject({ scores: z.record(z.string().max(40), z.number().min(0).max(1000)), reason: requiredText(1000) })
  .openapi('FestivalSheetAmendment');
export const recusalInput = z
  .strictObject({ judgeId: uuid, entryId: uuid, note: requiredText(500) })
  .openapi('FestivalRecusalInput');

export const sheetOut = z
  .object({
    id: z.string(),
    judgeId: z.string(),
    entryId: z.string(),
    scores: z.record(z.string(), z.number()),
    status: z.enum(['draft', 'locked']),
    lockedAt: z.string().nullable(),
    changes: z.array(
      z.object({
        before: z.record(z.string(), z.number()),
        after: z.record(z.string(), z.number()),
        reason: z.string(),
        changedAt: z.string(),
      }),
    ),
  })
  .openapi('FestivalSheet');
export type SheetOut = z.output<typeof sheetOut>;
export const sheetListOut = z
  .object({ scope: z.enum(['own', 'all']), items: z.array(sheetOut) })
  .openapi('FestivalSheetList');

const markOut = z.object({
  judge: z.string(),
  mark: z.number(),
  criteria: z.array(z.object({ id: z.string(), score: z.number(), points: z.number() })),
  dropped: z.enum(['highest', 'lowest']).optional(),
  z: z.object({ mean: z.number(), deviation: z.number(), z: z.number() }).optional(),
  place: z.number().optional(),
});
export const resultOut = z.object({
  entryId: z.string(),
  song: z.string(),
  unitName: z.string(),
  performers: z.array(z.string()),
  score: z.number().nullable(),
  rank: z.number(),
  explanation: z.object({
    marks: z.array(markOut),
    recused: z.array(z.string()),
    arithmetic: bilingual,
    tieBreaks: z.array(z.object({ criterion: z.string(), value: z.number().nullable() })),
  }),
  prizes: z.array(z.object({ kind: z.enum(prizeKinds), title: z.string().nullable() })),
});
export const resultsOut = z
  .object({
    roundId: z.string(),
    method: z.enum(methods),
    certified: z.boolean(),
    /** Judges are named by their panel id in the explanation; this maps the id to the name. */
    judges: z.array(z.object({ id: z.string(), name: z.string() })),
    ranking: z.array(resultOut),
    disagreements: z.array(
      z.object({
        entry: z.string(),
        spread: z.number(),
        highest: z.object({ judge: z.string(), mark: z.number() }),
        lowest: z.object({ judge: z.string(), mark: z.number() }),
      }),
    ),
  })
  .openapi('FestivalResults');
export type ResultsOut = z.output<typeof resultsOut>;

export const prizesInput = z
  .strictObject({
    prizes: z
      .array(
        z.strictObject({
          entryId: uuid,
          kind: z.enum(prizeKinds),
          title: text(200).nullable().optional().default(null),
        }),
      )
      .max(300),
  })
  .openapi('FestivalPrizesInput');

export const ceremonyInput = z
  .strictObject({
    acts: z
      .array(z.strictObject({ entryId: uuid, measuredSeconds: seconds.nullable().optional().default(null) }))
      .max(30),
  })
  .openapi('FestivalCeremonyInput');
export const ceremonyOut = z
  .object({
    acts: z.array(
      z.object({
        position: z.number(),
        entryId: z.string(),
        song: z.string(),
        unitName: z.string(),
        performers: z.array(z.string()),
        seconds: z.number(),
        measured: z.boolean(),
      }),
    ),
  })
  .openapi('FestivalCeremonyActs');
export type CeremonyOut = z.output<typeof ceremonyOut>;

export const nowInput = z
  .strictObject({ position: z.number().int().min(1).max(300).nullable() })
  .openapi('FestivalNowInput');
export const runningOut = z
  .object({
    roundId: z.string(),
    now: slotOut.nullable(),
    next: slotOut.nullable(),
    order: z.array(slotOut),
  })
  .openapi('FestivalRunningOrder');

export const publicFestivalsOut = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        organiser: z.string().nullable(),
        /** The exchange night's day and venue, else the last round's. */
        date: z.string().nullable(),
        venue: z.string().nullable(),
        /** Whether the exchange night's result (or, without one, every round's) is certified. */
        certified: z.boolean(),
        entries: z.array(
          z.object({
            song: z.string(),
            composer: z.string(),
            unitName: z.string(),
            performers: z.array(z.string()),
            performance: z.enum(performances),
          }),
        ),
        rounds: z.array(
          z.object({
            name: z.string(),
            heldOn: z.string(),
            venue: z.string(),
            results: z.array(
              z.object({
                rank: z.number(),
                score: z.number().nullable(),
                song: z.string(),
                unitName: z.string(),
                performers: z.array(z.string()),
                prizes: z.array(z.object({ kind: z.enum(prizeKinds), title: z.string().nullable() })),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .openapi('PublicFestivals');

/** The register's number of the round's prize decision / the tournament's results notice (ADR 23). */
export const decisionNumberOut = z
  .object({
    issued: z
      .object({
        symbol: z.string().openapi({ example: '05-QĐ/ĐUK' }),
        number: z.number().int(),
        issuedOn: z.string().openapi({ description: 'ISO day of issue' }),
      })
      .nullable()
      .openapi({ description: 'The register’s number, or null before the organisers issue the decision' }),
  })
  .openapi('FestivalDecisionNumber');
