import { z } from '@hono/zod-openapi';
import { isoDate } from '../../../common/schemas.ts';

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

/**
 * An ISO calendar date that exists (2019-02-30 does not). Made here, after '@hono/zod-openapi' is
 * loaded, so that it has `.openapi()` (zod 4 gives each schema its methods when it is made).
 */
export const day = isoDate.refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'msg:date_format');

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
