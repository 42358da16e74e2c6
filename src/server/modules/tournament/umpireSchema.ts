import { z } from '@hono/zod-openapi';
import { scoringIds } from '../../../common/tournament/scoring.ts';
import { tieOut } from './schema.ts';

/** Two numbers or two names, declared as such in the OpenAPI document (zod's tuple has no `items` there). */
export const numberPair = z
  .tuple([z.number(), z.number()])
  .openapi({ items: { type: 'number' }, minItems: 2, maxItems: 2 });
export const stringPair = z
  .tuple([z.string(), z.string()])
  .openapi({ items: { type: 'string' }, minItems: 2, maxItems: 2 });

/** The umpire's phone: the entries it sends (umpire.ts) and the match as it scores it. */
const side = z.union([z.literal(0), z.literal(1)]);
const opId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'msg:code_format');
const seq = z.number().int().min(1).max(5000);

export const umpireOpInput = z.discriminatedUnion('kind', [
  z.strictObject({
    id: opId,
    seq,
    kind: z.literal('start'),
    start: z.strictObject({
      server: side,
      leftEnd: side,
      rightCourt: z.tuple([z.string().max(64), z.string().max(64)]).optional(),
    }),
  }),
  z.strictObject({ id: opId, seq, kind: z.literal('point'), side }),
  z.strictObject({ id: opId, seq, kind: z.literal('undo') }),
]);

export const ralliesInput = z
  .strictObject({
    ops: z
      .array(umpireOpInput)
      .min(1)
      .max(500)
      .openapi({ description: 'In order; an entry already stored (same id and number) is skipped' }),
  })
  .openapi('TournamentRalliesInput');
export type RalliesInput = z.output<typeof ralliesInput>;

const opOut = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.enum(['start', 'point', 'undo']),
  side: side.optional(),
  start: z.object({ server: side, leftEnd: side, rightCourt: stringPair.optional() }).optional(),
});

export const rallyStateOut = z.object({
  games: z.array(numberPair),
  game: z.number(),
  score: numberPair,
  server: z.object({ side, player: z.string(), court: z.enum(['right', 'left']) }).nullable(),
  receiver: z.string().nullable(),
  leftEnd: side,
  interval: z.boolean(),
  changeEnds: z.boolean(),
  gameOver: z.boolean(),
  winner: side.nullable(),
});

export const umpireMatchOut = z
  .object({
    matchId: z.string(),
    tournamentId: z.string(),
    eventId: z.string(),
    event: z.string(),
    code: z.string(),
    scoring: z.enum(scoringIds),
    court: z.string().nullable(),
    rubber: z.number().nullable().openapi({
      description: 'A tie: the rubber scored here (from 1); null for a match, or a tie with no rubber to play',
    }),
    tie: tieOut
      .nullable()
      .openapi({ description: 'A team event’s tie: every rubber’s status and score; null for a match' }),
    sides: z.array(z.object({ label: z.string(), players: z.array(z.object({ id: z.string(), name: z.string() })) })),
    ops: z.array(opOut),
    state: rallyStateOut.nullable(),
    finished: z.boolean(),
    mayScore: z.boolean(),
  })
  .openapi('TournamentUmpireMatch');
export type UmpireMatchOut = z.output<typeof umpireMatchOut>;

export const umpireListOut = z
  .object({
    umpires: z.array(z.object({ userId: z.string(), name: z.string() })),
    matches: z.array(
      z.object({
        matchId: z.string(),
        code: z.string(),
        event: z.string(),
        round: z.object({ vi: z.string(), en: z.string() }),
        sides: z.array(z.string().nullable()),
        court: z.string().nullable(),
        start: z.string().nullable(),
        status: z.enum(['waiting', 'ready', 'playing', 'finished']),
        umpireUserId: z.string().nullable(),
        umpire: z.string().nullable(),
      }),
    ),
  })
  .openapi('TournamentUmpireBoard');
