import { z } from '@hono/zod-openapi';

/**
 * Request parameters every module's routes share (ADR 17): they live in the platform, so that no
 * module imports another for them.
 */
export const idParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** `page` and `pageSize` of a list: spread into a query schema. */
export const pageParams = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .default(1)
    .openapi({ description: 'Trang, từ 1 / page number, from 1' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .default(50)
    .openapi({ description: 'Số dòng mỗi trang (tối đa 500) / rows per page, at most 500' }),
};
