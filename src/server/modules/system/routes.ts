import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../platform/http/context.ts';
import { principalOf } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
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
    return streamSSE(c, async (stream) => {
      const unsubscribers = topics.map((topic) =>
        events.subscribe(
          topic,
          (data) => void stream.writeSSE({ event: topic, data: JSON.stringify(data) }).catch(() => {}),
        ),
      );
      // When the client leaves, stop at once: not at the next keep-alive, 15 s on.
      const left = new Promise<void>((resolve) => stream.onAbort(resolve));
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ topics }) });
        while (!stream.aborted) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, 15_000))), left]);
          clearTimeout(timer);
          if (!stream.aborted) await stream.write(': keep-alive\n\n');
        }
      } finally {
        for (const u of unsubscribers) u();
      }
    }) as never;
  });
}
