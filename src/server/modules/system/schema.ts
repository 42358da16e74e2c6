import { z } from '@hono/zod-openapi';

export const healthOut = z
  .object({
    status: z.literal('ok'),
    db: z.enum(['sqlite', 'postgres']),
    version: z.string(),
    uptimeSeconds: z.number(),
  })
  .openapi('Health');

export const healthFailedOut = z.object({ status: z.literal('error'), db: z.string() });

export const overviewOut = z
  .object({
    items: z.array(
      z.object({
        key: z.string(),
        label: z.object({ vi: z.string(), en: z.string() }),
        count: z.number(),
        path: z.string().nullable(),
      }),
    ),
  })
  .openapi('Overview');

export const jobsOut = z.object({
  counts: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  recent: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      status: z.string(),
      attempts: z.number(),
      runAt: z.string(),
      lastError: z.string().nullable(),
    }),
  ),
});

// The types the web client reads (the home page).
export type Health = z.output<typeof healthOut>;
export type Overview = z.output<typeof overviewOut>;
export type OverviewItem = Overview['items'][number];
export type Jobs = z.output<typeof jobsOut>;
