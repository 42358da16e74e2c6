import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { eventKinds } from '../../../common/tournament/entries.ts';
import { outcomes, scoringIds } from '../../../common/tournament/scoring.ts';
import { rubberKinds } from '../../../common/tournament/teams.ts';
import { day } from '../../platform/http/params.ts';

/** Request and answer shapes of the tournament module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const idParam = z.object({ id: pathId('id') });
export const eventParam = z.object({ id: pathId('id'), eventId: pathId('eventId') });
export const entryParam = z.object({ id: pathId('id'), entryId: pathId('entryId') });
export const matchParam = z.object({ id: pathId('id'), matchId: pathId('matchId') });
export const rubberParam = z.object({
  id: pathId('id'),
  matchId: pathId('matchId'),
  rubber: z.coerce
    .number()
    .int()
    .min(1)
    .max(9)
    .openapi({ param: { name: 'rubber', in: 'path' }, description: 'The rubber’s number in the tie, from 1' }),
});
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' });
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const courtInput = z.strictObject({
  name: requiredText(60),
  hours: z
    .array(z.strictObject({ day, from: clock, to: clock }))
    .min(1)
    .max(60)
    .openapi({ description: 'Opening hours per day, Vietnam time (e.g. 07:00–11:30)' }),
});

export const tournamentInput = z
  .strictObject({
    code,
    name: requiredText(300),
    venue: requiredText(300),
    startsOn: day,
    endsOn: day,
    entryDeadline: day,
    organiserUnitId: uuid.nullable().optional().default(null),
    restMinutes: z.number().int().min(0).max(240).optional().default(20),
    eventsPerPlayer: z.number().int().min(1).max(10).nullable().optional().default(2),
    courts: z.array(courtInput).min(1).max(40),
  })
  .openapi('TournamentInput');
export type TournamentInput = z.output<typeof tournamentInput>;

export const categoryInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open') }),
  z.strictObject({ kind: z.literal('over'), age: z.number().int().min(18).max(90) }),
  z.strictObject({ kind: z.literal('leaders') }),
]);

/** Single elimination, round-robin groups, or groups then a knockout of each group's first places. */
export const eventFormats = ['knockout', 'groups', 'groups_knockout'] as const;
export type EventFormat = (typeof eventFormats)[number];
export const hasGroups = (format: string) => format === 'groups' || format === 'groups_knockout';

/** A team event's tie format (ADR 35): the rubbers in order, the rest played or not, a player's rubbers, the roster. */
export const tieFormatInput = z
  .strictObject({
    rubbers: z.array(z.enum(rubberKinds)).min(1).max(9).openapi({ description: 'The rubbers in the order played' }),
    playAll: z
      .boolean()
      .optional()
      .default(false)
      .openapi({ description: 'The rubbers left once the tie is decided are still played' }),
    playerRubbers: z
      .enum(['one', 'singles_and_doubles'])
      .optional()
      .default('singles_and_doubles')
      .openapi({ description: 'A player plays one rubber of a tie, or at most one singles and one doubles' }),
    rosterMin: z.number().int().min(1).max(20).optional().default(4),
    rosterMax: z.number().int().min(1).max(20).optional().default(8),
  })
  .openapi('TournamentTieFormat');
export type TieFormatInput = z.output<typeof tieFormatInput>;

export const eventInput = z
  .strictObject({
    code,
    name: requiredText(200),
    kind: z.enum(eventKinds),
    category: categoryInput.optional().default({ kind: 'open' }),
    format: z.enum(eventFormats),
    scoring: z.enum(scoringIds).optional().default('bo3-21'),
    groupCount: z.number().int().min(1).max(64).nullable().optional().default(null),
    /** Groups then knockout: how many of each group go on to the knockout. */
    qualifiersPerGroup: z.number().int().min(1).max(4).nullable().optional().default(null),
    thirdPlace: z.enum(['playoff', 'shared']).optional().default('shared'),
    entriesPerUnit: z.number().int().min(1).max(50).nullable().optional().default(2),
    mixedUnits: z.boolean().optional().default(false),
    matchMinutes: z.number().int().min(5).max(240).optional().default(30),
    /** A team event: its tie format (required then, refused otherwise). */
    tieFormat: tieFormatInput.nullable().optional().default(null),
  })
  .openapi('TournamentEventInput');
export type EventInput = z.output<typeof eventInput>;

export const entryInput = z
  .strictObject({
    eventId: uuid,
    unitId: uuid,
    personIds: z.array(uuid).min(1).max(20),
  })
  .openapi('TournamentEntryInput');
export type EntryInput = z.output<typeof entryInput>;

export const decisionInput = z
  .strictObject({
    decision: z.enum(['confirm', 'return']),
    reason: text(1000).optional().default(''),
    seed: z.number().int().min(1).max(64).nullable().optional().default(null),
  })
  .openapi('TournamentEntryDecision');

export const drawInput = z
  .strictObject({
    randomSeed: text(200)
      .optional()
      .openapi({ description: 'The text every lot comes from; a random one when absent. Published with the draw.' }),
  })
  .openapi('TournamentDrawInput');

export const resultInput = z
  .strictObject({
    games: z.array(z.tuple([z.number().int().min(0).max(99), z.number().int().min(0).max(99)])).max(5),
    outcome: z.enum(outcomes).nullable().optional().default(null),
    winner: z.enum(['a', 'b']).nullable().optional().default(null),
  })
  .openapi('TournamentResultInput');
export type ResultInput = z.output<typeof resultInput>;

export const entriesQuery = z.object({
  eventId: uuid.optional(),
  unitId: uuid.optional(),
  status: z.enum(['submitted', 'confirmed', 'returned']).optional(),
});

// ---- answers

export const courtOut = z.object({
  id: z.string(),
  name: z.string(),
  hours: z.array(z.object({ day: z.string(), from: z.string(), to: z.string() })),
});

export const eventOut = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(eventKinds),
    kindLabel: bilingual,
    category: categoryInput,
    categoryLabel: bilingual,
    format: z.enum(eventFormats),
    scoring: z.enum(scoringIds),
    groupCount: z.number().nullable(),
    qualifiersPerGroup: z.number().nullable(),
    thirdPlace: z.enum(['playoff', 'shared']),
    entriesPerUnit: z.number().nullable(),
    mixedUnits: z.boolean(),
    matchMinutes: z.number(),
    tieFormat: tieFormatInput.nullable(),
    entries: z.object({ submitted: z.number(), confirmed: z.number(), returned: z.number() }),
    drawn: z.boolean(),
  })
  .openapi('TournamentEvent');

export const tournamentOut = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    venue: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    entryDeadline: z.string(),
    organiserUnitId: z.string().nullable(),
    restMinutes: z.number(),
    eventsPerPlayer: z.number().nullable(),
    isDemo: z.boolean(),
    courts: z.array(courtOut),
    events: z.array(eventOut),
  })
  .openapi('Tournament');
export type TournamentOut = z.output<typeof tournamentOut>;

export const tournamentListOut = z.object({
  items: z.array(tournamentOut.omit({ courts: true, events: true })),
});

export const entryOut = z
  .object({
    id: z.string(),
    eventId: z.string(),
    unit: z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }),
    players: z.array(z.object({ id: z.string(), name: z.string() })),
    status: z.enum(['submitted', 'confirmed', 'returned']),
    seed: z.number().nullable(),
    returnReason: z.string().nullable(),
    enteredAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('TournamentEntry');
export type EntryOut = z.output<typeof entryOut>;
export const entryListOut = z.object({ items: z.array(entryOut) });

const personRef = z.object({ id: z.string(), name: z.string() });
const gameTuple = () =>
  // A game is [side a, side b]: the items named for readers of the OpenAPI document (3.1 writes a tuple as prefixItems).
  z.tuple([z.number(), z.number()]).openapi({ items: { type: 'integer' }, minItems: 2, maxItems: 2 });

export const tieOut = z
  .object({
    needed: z.number().openapi({ description: 'Rubbers a team must win to take the tie' }),
    score: gameTuple().openapi({ description: 'Rubbers won by each side' }),
    lineupIn: z
      .array(z.boolean())
      .length(2)
      .openapi({ description: 'Whether each captain has given the line-up (shown once both have)' }),
    rubbers: z.array(
      z.object({
        number: z.number(),
        kind: z.enum(rubberKinds),
        label: bilingual,
        players: z.array(z.array(personRef)).length(2),
        games: z.array(gameTuple()),
        outcome: z.enum(outcomes).nullable(),
        winner: z.enum(['a', 'b']).nullable(),
        status: z.enum(['waiting', 'ready', 'finished', 'not_needed']),
      }),
    ),
  })
  .openapi('TournamentTie');
export type TieOut = z.output<typeof tieOut>;

export const lineupInput = z
  .strictObject({
    side: z.enum(['a', 'b']),
    rubbers: z.array(z.array(uuid).min(1).max(2)).min(1).max(9).openapi({ description: 'Per rubber, its players' }),
  })
  .openapi('TournamentLineupInput');
export type LineupInput = z.output<typeof lineupInput>;

export const matchOut = z
  .object({
    id: z.string(),
    code: z.string(),
    stage: z.enum(['knockout', 'group']),
    group: z.number().nullable(),
    round: z.number(),
    roundName: bilingual,
    sides: z.array(z.object({ entryId: z.string().nullable(), label: z.string().nullable() })).length(2),
    walkThrough: z.boolean(),
    status: z.enum(['waiting', 'ready', 'finished']),
    games: z.array(
      // A game is [side a, side b]: the items named for readers of the OpenAPI document (3.1 writes a tuple as prefixItems).
      z.tuple([z.number(), z.number()]).openapi({ items: { type: 'integer' }, minItems: 2, maxItems: 2 }),
    ),
    outcome: z.enum(outcomes).nullable(),
    winner: z.enum(['a', 'b']).nullable(),
    umpireUserId: z.string().nullable(),
    tie: tieOut
      .nullable()
      .openapi({ description: 'A team event’s tie: its rubbers, line-ups and score; null otherwise' }),
  })
  .openapi('TournamentMatch');
export type MatchOut = z.output<typeof matchOut>;

/** One lot of the draw, as `makeDraw` logs it: lines are 1-based, as printed on the sheet. */
const drawLotOut = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('seed'),
    entry: z.string(),
    seed: z.number(),
    line: z.number(),
    among: z.array(z.number()),
  }),
  z.object({ step: z.literal('bye'), line: z.number(), among: z.array(z.number()) }),
  z.object({
    step: z.literal('separate'),
    entry: z.string(),
    /** As the draw keys it: the unit's id, or `group-0`… for the groups in a knockout after groups. */
    unit: z.string(),
    line: z.number(),
    unitName: z.string().nullable().openapi({ description: 'The unit’s name (null when the lot kept a group apart)' }),
    group: z.number().nullable().openapi({ description: 'Knockout after groups: the group (1-based) kept apart' }),
  }),
  z.object({ step: z.literal('entry'), entry: z.string(), line: z.number() }),
]);

export const drawOut = z
  .object({
    eventId: z.string(),
    version: z.number(),
    randomSeed: z.string(),
    knockoutMadeAt: z
      .string()
      .nullable()
      .openapi({ description: 'Groups then knockout: when the last group result made the knockout (null before)' }),
    knockoutMadeBy: z
      .string()
      .nullable()
      .openapi({ description: 'Groups then knockout: whose result made the knockout, by name (null before)' }),
    algorithm: z
      .number()
      .int()
      .openapi({ description: 'The version of the draw algorithm that made it: re-run with that version' }),
    drawnAt: z.string(),
    drawnBy: z.string().openapi({ description: 'Who drew, by the name they go by' }),
    size: z.number().nullable(),
    positions: z.array(z.object({ line: z.number(), entryId: z.string().nullable(), label: z.string().nullable() })),
    groups: z.array(z.array(z.object({ entryId: z.string(), label: z.string() }))),
    log: z.array(drawLotOut),
    matches: z.array(matchOut),
  })
  .openapi('TournamentDraw');
export type DrawOut = z.output<typeof drawOut>;

export const standingsOut = z
  .object({
    eventId: z.string(),
    groups: z.array(
      z.object({
        group: z.number(),
        ranking: z.array(
          z.object({
            entryId: z.string(),
            label: z.string(),
            deleted: z.boolean(),
            team: z
              .object({
                ties: gameTuple(),
                rubbers: gameTuple(),
                games: gameTuple(),
                points: gameTuple(),
              })
              .nullable()
              .openapi({ description: 'A team event: ties won and lost, rubbers, games and points for and against' }),
          }),
        ),
        lots: z.array(z.array(z.string())),
      }),
    ),
    medals: z.object({
      gold: z.string().nullable(),
      silver: z.string().nullable(),
      bronze: z.array(z.string()),
    }),
  })
  .openapi('TournamentStandings');

export const umpireInput = z.strictObject({ userId: uuid.nullable() }).openapi('TournamentUmpireInput');

const orderItem = z.object({
  matchId: z.string(),
  code: z.string(),
  event: z.string(),
  court: z.string(),
  courtId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  sides: z.array(z.string().nullable()),
  finished: z.boolean(),
});
export const orderOfPlayOut = z
  .object({
    items: z.array(orderItem),
    nextUp: z.array(z.object({ courtId: z.string(), court: z.string(), next: z.array(orderItem) })),
  })
  .openapi('TournamentOrderOfPlay');
export const plannedOut = orderOfPlayOut
  .extend({ planned: z.number(), unplaced: z.number() })
  .openapi('TournamentPlannedOrderOfPlay');

const counts = { entries: z.number(), players: z.number() };
const participationFigures = z.object({
  ...counts,
  units: z.array(z.object({ unitId: z.string(), name: z.string(), ...counts })),
  gender: z.object({ male: z.number(), female: z.number(), unknown: z.number() }),
  ageBands: z.array(z.object({ key: z.string(), label: bilingual, players: z.number() })),
  ageUnknown: z.number(),
  groupSets: z.array(
    z.object({
      setId: z.string(),
      code: z.string(),
      name: z.string(),
      groups: z.array(z.object({ groupId: z.string(), code: z.string(), name: z.string(), ...counts })),
      ungrouped: z.object(counts),
    }),
  ),
});
export const participationOut = participationFigures
  .extend({
    previous: participationFigures
      .extend({ tournamentId: z.string(), name: z.string(), startsOn: z.string() })
      .nullable()
      .openapi({ description: 'The same figures of the tournament held last before this one, to compare' }),
  })
  .openapi('TournamentParticipation');

/** The register's number of the round's prize decision / the tournament's results notice (ADR 23). */
export const noticeNumberOut = z
  .object({
    issued: z
      .object({
        symbol: z.string().openapi({ example: '12-TB/ĐUK' }),
        number: z.number().int(),
        issuedOn: z.string().openapi({ description: 'ISO day of issue' }),
      })
      .nullable()
      .openapi({ description: 'The register’s number, or null before the organisers issue the notice' }),
  })
  .openapi('TournamentNoticeNumber');
