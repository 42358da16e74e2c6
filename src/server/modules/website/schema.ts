import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { pageParams } from '../../platform/http/params.ts';

/** Request and answer shapes of the website's editors (issue 17). Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
export const idParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });

export const articleStatuses = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleInput = z
  .strictObject({
    title: requiredText(300).openapi({ example: 'Khai mạc Giải cầu lông công nhân năm 2019' }),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'msg:code_format')
      .max(100)
      .optional()
      .openapi({
        example: 'giai-cau-long-cong-nhan-2019',
        description: 'Made from the title when absent; fixed once the article has been published',
      }),
    summary: text(1000).openapi({ example: 'Sáng 15/7, tại Nhà thi đấu tỉnh, giải đã khai mạc.' }),
    bodyHtml: text(80_000).openapi({
      example: '<p>Sáng 15/7/2019…</p>',
      description: 'HTML from the editor; sanitised by the allow-list',
    }),
    categorySlug: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/, 'msg:code_format')
      .openapi({ example: 'tin-hoat-dong' }),
    tags: z.array(requiredText(60)).max(12).optional().default([]),
    author: requiredText(120).openapi({ example: 'Trịnh Thị Mai Anh' }),
    coverImageId: uuid.nullable().optional().default(null),
    coverAlt: text(300).nullable().optional().default(null),
    coverCaption: text(300).nullable().optional().default(null),
    activityIds: z.array(uuid).max(50).optional().default([]),
    unitIds: z.array(uuid).max(200).optional().default([]),
  })
  .openapi('WebsiteArticleInput');
export type ArticleInput = z.output<typeof articleInput>;

export const listQuery = z.object({
  status: z.enum(articleStatuses).optional(),
  q: text(200).optional().openapi({ description: 'Words of the title, summary or body, with or without diacritics' }),
  ...pageParams,
});

export const commentInput = z
  .strictObject({ comment: text(2000).optional().default('') })
  .openapi('WebsiteCommentInput');
export const returnInput = z
  .strictObject({ comment: requiredText(2000).openapi({ example: 'Đề nghị bổ sung ảnh và số liệu đơn vị tham gia.' }) })
  .openapi('WebsiteReturnInput');
export const scheduleInput = z
  .strictObject({
    publishAt: z.string().datetime({ offset: true }).openapi({ example: '2019-09-04T01:00:00Z' }),
  })
  .openapi('WebsiteScheduleInput');
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({
    description: 'Revision number; the last approved one (or the first) when absent',
  }),
  to: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .openapi({ description: 'Revision number; the latest when absent' }),
});

const ref = z.object({ id: z.string(), name: z.string() });
const tag = z.object({ slug: z.string(), name: z.string() });

export const articleSummaryOut = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(articleStatuses),
    category: z.object({ slug: z.string(), name: z.string() }),
    author: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    scheduledFor: z.string().nullable(),
    coverSrc: z.string().nullable(),
    revision: z.number(),
    mine: z.boolean(),
  })
  .openapi('WebsiteArticleSummary');
export type ArticleSummaryOut = z.infer<typeof articleSummaryOut>;

export const articleListOut = z
  .object({ items: z.array(articleSummaryOut), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('WebsiteArticleList');
export type ArticleListOut = z.infer<typeof articleListOut>;

export const articleOut = z
  .object({
    id: z.string(),
    slug: z.string(),
    slugLocked: z.boolean(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string(),
    status: z.enum(articleStatuses),
    category: z.object({ slug: z.string(), name: z.string() }),
    tags: z.array(tag),
    author: z.string(),
    cover: z
      .object({ imageId: z.string(), src: z.string(), alt: z.string(), caption: z.string().nullable() })
      .nullable(),
    activities: z.array(ref),
    units: z.array(ref),
    reviewComment: z.string().nullable(),
    approvedRevision: z.number().nullable(),
    scheduledFor: z.string().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number(),
    revisions: z.array(z.object({ number: z.number(), savedAt: z.string(), savedBy: z.string() })),
    events: z.array(
      z.object({
        action: z.string(),
        fromStatus: z.string(),
        toStatus: z.string(),
        comment: z.string().nullable(),
        revision: z.number(),
        actor: z.string(),
        at: z.string(),
      }),
    ),
    may: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      return: z.boolean(),
      schedule: z.boolean(),
      publish: z.boolean(),
      unpublish: z.boolean(),
    }),
  })
  .openapi('WebsiteArticle');
export type ArticleOut = z.infer<typeof articleOut>;

const diffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const diffOut = z
  .object({
    from: z.number(),
    to: z.number(),
    sinceApproval: z.boolean(),
    title: z.array(diffPart),
    summary: z.array(diffPart),
    body: z.array(diffPart),
  })
  .openapi('WebsiteDiff');
export type DiffOut = z.infer<typeof diffOut>;

export const choicesOut = z
  .object({
    categories: z.array(z.object({ slug: z.string(), name: z.string() })),
    activities: z.array(z.object({ id: z.string(), name: z.string() })),
    units: z.array(ref),
  })
  .openapi('WebsiteChoices');
export type ChoicesOut = z.infer<typeof choicesOut>;

export const imageOut = z
  .object({ id: z.string(), width: z.number(), height: z.number(), src: z.string(), widths: z.array(z.number()) })
  .openapi('WebsiteImage');
export type ImageUploadOut = z.infer<typeof imageOut>;
