import { z } from '@hono/zod-openapi';
import { isoDate, text } from '../../../common/schemas.ts';
import { jsonValue } from '../../platform/http/jsonValue.ts';

export const auditEntryOut = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().openapi({ description: "The username of who made the change (or 'system')" }),
    actorDisplayName: z.string().openapi({ description: 'The name they go by today; the username for a system actor' }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: jsonValue.openapi({ description: 'The record before the change, as stored; null for a creation' }),
    after: jsonValue.openapi({ description: 'The record after the change, as stored; null for a deletion' }),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const auditPageOut = z.object({ items: z.array(auditEntryOut), nextCursor: z.string().nullable() });

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

// The types the web client reads (src/web/modules/audit/AuditPage.tsx).
export type AuditEntry = z.output<typeof auditEntryOut>;
export type AuditPage = z.output<typeof auditPageOut>;
