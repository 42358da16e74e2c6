import { OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import type { Platform } from '../platform.ts';
import { createLogger } from '../logging/logger.ts';
import { handleError } from './errorHandler.ts';
import { apiRoute, jsonResponse } from './route.ts';
import { responseChecksOn } from './responseCheck.ts';

const thing = z.object({ id: z.string(), count: z.number().int() });

/** A tiny app whose routes answer what the test tells them, declared with `apiRoute` like every /api route. */
function appAnswering(body: unknown, options: { status?: number; type?: string; checkResponses?: boolean } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  // The guard reads the platform's configuration; the check logs through its logger.
  const platform = { config: { trustProxy: false }, logger: createLogger('silent') } as unknown as Platform;
  app.use(async (c, next) => {
    c.set('platform', platform);
    await next();
  });
  const route = apiRoute(
    'public',
    {
      method: 'get',
      path: '/api/things/{id}',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: jsonResponse(thing, 'The thing'),
        202: { description: 'An image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
        204: { description: 'Nothing' },
      },
    },
    options.checkResponses === undefined ? {} : { checkResponses: options.checkResponses },
  );
  // The handler is deliberately untyped: it stands for a service whose result drifted from the schema.
  app.openapi(route, ((c: any) => {
    if (options.status === 204) return c.body(null, 204);
    if (options.type) return c.body(String(body), options.status ?? 200, { 'Content-Type': options.type });
    return c.json(body, options.status ?? 200);
  }) as any);
  return app;
}

describe('the response check (KYNIEM_CHECK_RESPONSES)', () => {
  it('is on in the tests (test/support/setup.ts)', () => {
    expect(responseChecksOn).toBe(true);
  });

  it('lets an answer that fits its declared schema through untouched', async () => {
    const res = await appAnswering({ id: 'a', count: 2 }).request('/api/things/a');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'a', count: 2 });
    expect((await appAnswering(null, { status: 204 }).request('/api/things/a')).status).toBe(204);
  });

  it('turns an answer of the wrong shape into a loud 500 RESPONSE_SCHEMA_MISMATCH naming the route and the fields', async () => {
    const res = await appAnswering({ id: 'a', count: '2', extra: true }).request('/api/things/a');
    expect(res.status).toBe(500);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('RESPONSE_SCHEMA_MISMATCH');
    expect(error.messages.en).toContain('GET /api/things/{id} answered 200');
    expect(error.messages.en).toContain('count');
    expect(error.details).toEqual([expect.objectContaining({ in: 'response', path: 'count', code: 'invalid_type' })]);
  });

  it('refuses a missing field, a status and a media type the route does not declare', async () => {
    const missing = await appAnswering({ id: 'a' }).request('/api/things/a');
    expect(missing.status).toBe(500);
    expect(((await missing.json()) as any).error.details[0].path).toBe('count');

    const status = await appAnswering({ id: 'a', count: 1 }, { status: 201 }).request('/api/things/a');
    expect(status.status).toBe(500);
    expect(((await status.json()) as any).error.messages.en).toContain('status 201 is not declared');

    const type = await appAnswering('a,1', { type: 'text/csv' }).request('/api/things/a');
    expect(type.status).toBe(500);
    expect(((await type.json()) as any).error.messages.en).toContain('text/csv is not declared');
  });

  it('accepts a media type inside a declared range (image/*), and nothing outside it', async () => {
    const png = await appAnswering('png', { status: 202, type: 'image/png' }).request('/api/things/a');
    expect(png.status).toBe(202);
    const text = await appAnswering('x', { status: 202, type: 'text/plain' }).request('/api/things/a');
    expect(text.status).toBe(500);
    expect(((await text.json()) as any).error.messages.en).toContain('text/plain is not declared (image/*)');
  });

  it('leaves error answers to the error shape, and is not installed when switched off', async () => {
    const notFound = await appAnswering({ error: 'x' }, { status: 404 }).request('/api/things/a');
    expect(notFound.status).toBe(404);
    const off = await appAnswering({ id: 'a', count: '2' }, { checkResponses: false }).request('/api/things/a');
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ id: 'a', count: '2' });
  });
});
