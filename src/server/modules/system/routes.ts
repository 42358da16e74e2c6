import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { eventStream } from '../../platform/http/eventStream.ts';
import { principalOf } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { can, holdsAnywhere, type Grant } from '../../platform/policy/policy.ts';
import { scopeOf, withoutScope } from '../../platform/events/events.ts';
import { isPermission, type Permission } from '../../platform/policy/permissions.ts';
import type { Platform } from '../../platform/platform.ts';
import { fail } from '../../platform/http/errors.ts';
import { ping } from '../../platform/db/database.ts';
import { healthFailedOut, healthOut, jobsOut, overviewOut } from './schema.ts';
import { overview, topicPermission } from './service.ts';
import { version } from './version.ts';

const health = apiRoute('public', {
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Tình trạng hệ thống / Health',
  responses: {
    200: jsonResponse(healthOut, 'Healthy'),
    503: jsonResponse(healthFailedOut, 'The database does not answer'),
  },
});

const overviewRoute = apiRoute('signed-in', {
  method: 'get',
  path: '/api/overview',
  tags: ['system'],
  summary: 'Hệ thống đang lưu gì / What the system holds',
  responses: {
    200: jsonResponse(overviewOut, 'Counts the user may see'),
  },
});

const jobsRoute = apiRoute('jobs.read', {
  method: 'get',
  path: '/api/jobs',
  tags: ['system'],
  summary: 'Hàng đợi công việc / The job queue',
  responses: {
    200: jsonResponse(jobsOut, 'Counts and the latest jobs'),
  },
});

const eventsRoute = apiRoute('signed-in', {
  method: 'get',
  path: '/api/events',
  tags: ['system'],
  summary: 'Cập nhật trực tiếp (SSE) / Live updates (server-sent events)',
  description:
    'Streams `event: <topic>` messages for the topics asked for, each checked against the permission its topic needs.',
  request: {
    query: z.object({
      topics: z
        .string()
        .min(1)
        .max(500)
        .regex(/^[a-z0-9_.,-]+$/)
        .openapi({ example: 'accounts' }),
    }),
  },
  responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

const started = Date.now();

/**
 * May a subscriber holding these grants receive this event (ADR 21)? An event about one unit's
 * records goes only to those whose topic permission reaches that unit, or who hold one of the
 * scope's `everywhere` permissions.
 */
async function mayReceive(platform: Platform, grants: readonly Grant[], needs: Permission, data: unknown) {
  const scope = scopeOf(data);
  if (!scope) return true;
  for (const perm of scope.everywhere ?? []) if (isPermission(perm) && holdsAnywhere(grants, perm)) return true;
  for (const unitId of scope.unitIds) if (await can(grants, needs, unitId, platform.unitScope)) return true;
  return false;
}

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(health, async (c) => {
    const { database } = c.get('platform');
    try {
      await ping(database.db);
    } catch {
      return c.json({ status: 'error' as const, db: database.dialect }, 503);
    }
    return c.json(
      {
        status: 'ok' as const,
        db: database.dialect,
        version,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      },
      200,
    );
  });

  app.openapi(overviewRoute, async (c) => c.json({ items: await overview(c.get('platform'), principalOf(c)) }, 200));

  app.openapi(jobsRoute, async (c) => {
    const { db, jobs } = c.get('platform');
    const recent = await db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(20).execute();
    return c.json(
      {
        counts: await jobs.counts(),
        recent: recent.map((j) => ({
          id: j.id,
          type: j.type,
          status: j.status,
          attempts: j.attempts,
          runAt: j.run_at,
          lastError: j.last_error,
        })),
      },
      200,
    );
  });

  app.openapi(eventsRoute, (c) => {
    const { events } = c.get('platform');
    const p = principalOf(c);
    const topics = [...new Set(c.req.valid('query').topics.split(',').filter(Boolean))];
    for (const t of topics) {
      const needs = topicPermission(t);
      if (!needs)
        throw fail.badRequest('UNKNOWN_TOPIC', { vi: `Không có kênh "${t}".`, en: `There is no topic "${t}".` });
      if (!holdsAnywhere(p.grants, needs)) throw fail.forbidden();
    }
    const platform = c.get('platform');
    return eventStream(c, { topics }, (send) => {
      const unsubscribers = topics.map((topic) =>
        events.subscribe(topic, (data) => {
          void mayReceive(platform, p.grants, topicPermission(topic)!, data)
            .then((ok) => (ok ? send(topic, withoutScope(data)) : undefined))
            .catch(() => {});
        }),
      );
      return () => {
        for (const u of unsubscribers) u();
      };
    }) as never;
  });
}
