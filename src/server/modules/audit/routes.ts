import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { auditPageOut, auditQuery } from './schema.ts';
import { browseAudit } from './service.ts';

const browse = apiRoute('audit.read', {
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Nhật ký thay đổi / The audit log',
  description: 'Newest first. Page on with `before` set to the returned `nextCursor`.',
  request: { query: auditQuery },
  responses: { 200: jsonResponse(auditPageOut, 'A page of entries') },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(browse, async (c) => c.json(await browseAudit(c.get('platform').db, c.req.valid('query')), 200));
}
