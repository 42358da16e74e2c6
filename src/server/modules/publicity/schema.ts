import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, pageParams } from '../../platform/http/params.ts';

/** Request and answer shapes of the publicity plan (issue 17). Bodies are strict; every list is bounded. */
const uuid = z.string().uuid();
export const idParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });

export const pieceKinds = ['news', 'report', 'interview', 'column', 'other'] as const;
export const pieceOutlets = ['newspaper', 'radio_tv', 'website', 'unit_channel', 'other'] as const;
export const pieceStatuses = ['planned', 'published', 'dropped'] as const;

/** A published piece's address: http or https only (no javascript:, data:, ftp:). */
export const webLink = z
  .string()
  .trim()
  .max(1000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'msg:http_link');

const pieceFields = {
  title: requiredText(300),
  kind: z
    .enum(pieceKinds)
    .openapi({ description: 'news: tin/bài; report: phóng sự; interview: phỏng vấn; column: chuyên mục' }),
  outlet: z.enum(pieceOutlets).openapi({
    description:
      "newspaper: Báo Thái Bình; radio_tv: Đài PT–TH Thái Bình; website: the Bloc's website; unit_channel: a unit's own channel; other",
  }),
  outletName: text(200).optional().default('').openapi({ description: "The unit's channel or the other outlet" }),
  plannedOn: day,
  responsible: requiredText(200).openapi({ description: 'The board or unit responsible' }),
  activityId: uuid.nullable().optional().default(null),
  honouree: text(300).optional().default(''),
};

const needsSubject = (v: { activityId?: string | null; honouree?: string }) => Boolean(v.activityId || v.honouree);
const subjectIssue = { message: 'msg:publicity_subject', path: ['activityId'] };

export const pieceInput = z.strictObject(pieceFields).refine(needsSubject, subjectIssue).openapi('PublicityPieceInput');
export type PieceInput = z.output<typeof pieceInput>;

export const pieceUpdate = z
  .strictObject({
    title: pieceFields.title.optional(),
    kind: pieceFields.kind.optional(),
    outlet: pieceFields.outlet.optional(),
    outletName: text(200).optional(),
    plannedOn: day.optional(),
    responsible: requiredText(200).optional(),
    activityId: uuid.nullable().optional(),
    honouree: text(300).optional(),
  })
  .openapi('PublicityPieceUpdate');
export type PieceUpdate = z.output<typeof pieceUpdate>;

export const publishInput = z
  .strictObject({
    publishedOn: day,
    link: webLink.optional().openapi({ description: 'http(s) address of the published piece' }),
    articleSlug: text(200).optional().openapi({ description: "A website piece: the published article's slug" }),
  })
  .refine((v) => Boolean(v.link || v.articleSlug), { message: 'msg:publicity_link', path: ['link'] })
  .openapi('PublicityPublishInput');
export type PublishInput = z.output<typeof publishInput>;

export const dropInput = z.strictObject({ reason: requiredText(1000) }).openapi('PublicityDropInput');

export const piecesQuery = z.object({
  planId: uuid.optional(),
  activityId: uuid.optional(),
  outlet: z.enum(pieceOutlets).optional(),
  status: z.enum(pieceStatuses).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:month_format')
    .optional()
    .openapi({ description: 'YYYY-MM of the planned date' }),
  q: text(100).optional().default(''),
  ...pageParams,
});
export type PiecesQuery = z.output<typeof piecesQuery>;

export const pieceOut = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(pieceKinds),
    outlet: z.enum(pieceOutlets),
    outletName: z.string().nullable(),
    plannedOn: z.string(),
    responsible: z.string(),
    activity: z.object({ id: z.string(), ref: z.string(), title: z.string(), planId: z.string() }).nullable(),
    honouree: z.string().nullable(),
    status: z.enum(pieceStatuses),
    publishedOn: z.string().nullable(),
    link: z.string().nullable(),
    articleSlug: z.string().nullable(),
    dropReason: z.string().nullable(),
    isDemo: z.boolean(),
  })
  .openapi('PublicityPiece');
export type PieceOut = z.output<typeof pieceOut>;

export const piecesOut = z
  .object({ items: z.array(pieceOut), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('PublicityPieces');

const tally = { planned: z.number().int(), published: z.number().int(), dropped: z.number().int() };
export const countsQuery = z.object({ planId: uuid.optional() });
export const countsOut = z
  .object({
    byActivity: z.array(
      z.object({
        activityId: z.string().nullable(),
        ref: z.string().nullable(),
        title: z.string().nullable(),
        ...tally,
      }),
    ),
    byMonth: z.array(z.object({ month: z.string(), ...tally })),
  })
  .openapi('PublicityCounts');
export type CountsOut = z.output<typeof countsOut>;
