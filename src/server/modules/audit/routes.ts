import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { isoDate, text } from '../../../common/schemas.ts';
import { browseAudit } from './service.ts';

const entry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const auditQuery = z.object({
  actor: text(100).optional().openapi({ description: 'username of who made the change' }),
  action: z
    .string()
    .regex(/^[a-z0-9_.]{1,100}$/)
    .optional(),
  entityType: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/)
    .optional(),
  entityId: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional(),
  from: isoDate.optional().openapi({ description: 'first day, YYYY-MM-DD (UTC)' }),
  to: isoDate.optional().openapi({ description: 'last day, YYYY-MM-DD (UTC)' }),
  before: z.string().uuid().optional().openapi({ description: 'cursor: entries older than this id' }),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
});

const browse = apiRoute('audit.read', {
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Nhật ký thay đổi / The audit log',
  description: 'Newest first. Page on with `before` set to the returned `nextCursor`.',
  request: { query: auditQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(entry), nextCursor: z.string().nullable() }), 'A page of entries'),
  },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(browse, async (c) => c.json(await browseAudit(c.get('platform').db, c.req.valid('query')), 200));
}
