import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';

/** Excel in and out: the template, the upload with its preview, the confirm, the export. */
export function registerExcelRoutes(_app: OpenAPIHono<AppEnv>) {}
