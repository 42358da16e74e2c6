import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { fileKinds } from '../../platform/files/mediaTypes.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { publicPhoto, publicRoll, publicRolls } from './roll.ts';

/**
 * The public roll of honour's API, read without signing in (`public`): the decided campaigns,
 * one campaign's confirmed honourees, and an honouree's photo. Everything else answers 404.
 */
const tags = ['honours (public)'];
const uuid = z.string().uuid();
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format');
const codeParam = z.object({ code: code.openapi({ param: { name: 'code', in: 'path' }, example: 'TV-15NAM-2019' }) });
const photoParams = codeParam.extend({ nominationId: uuid.openapi({ param: { name: 'nominationId', in: 'path' } }) });
const photoQuery = z.object({
  v: uuid.optional().openapi({
    description: "The photo's version, as the roll gives it in `photoUrl`: that address may be cached for a day",
  }),
});

const decision = z.object({ number: z.string(), date: z.string().openapi({ format: 'date' }) });
const summary = z
  .object({ code: z.string(), name: z.string(), decision, count: z.number() })
  .openapi('PublicHonoursRollSummary');
const roll = z
  .object({
    code: z.string(),
    name: z.string(),
    bloc: z.string().nullable(),
    decision,
    categories: z.array(
      z.object({
        kind: z.enum(['collective', 'individual', 'product']),
        name: z.string(),
        honourees: z.array(
          z.object({
            position: z.number(),
            nominationId: z.string(),
            name: z.string(),
            unit: z.string(),
            citation: z.string(),
            photoUrl: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('PublicHonoursRoll');

const r = {
  rolls: apiRoute('public', {
    method: 'get',
    path: '/api/public/honours',
    tags,
    summary: 'Bảng vinh danh: các đợt đã có quyết định / Rolls of honour: decided campaigns',
    responses: {
      200: jsonResponse(
        z.object({ items: z.array(summary) }),
        'The campaigns whose results are confirmed by decision, latest first',
      ),
    },
  }),
  roll: apiRoute('public', {
    method: 'get',
    path: '/api/public/honours/{code}',
    tags,
    summary: 'Bảng vinh danh một đợt / One roll of honour',
    description:
      "Only for a campaign whose results are confirmed by decision: per category the confirmed honourees in order, with name, unit, citation and the photo's address. 404 otherwise.",
    request: { params: codeParam },
    responses: { 200: jsonResponse(roll, 'The roll of honour') },
  }),
  photo: apiRoute('public', {
    method: 'get',
    path: '/api/public/honours/{code}/photos/{nominationId}',
    tags,
    summary: "Ảnh người, tập thể, sản phẩm được vinh danh / An honouree's photo",
    description:
      'The current photo of a confirmed honouree of a decided campaign (PNG, JPEG or WebP). 404 for anything else.',
    request: { params: photoParams, query: photoQuery },
    responses: {
      200: {
        description: 'The image, as the media type its bytes were found to be',
        content: Object.fromEntries(
          [fileKinds.png, fileKinds.jpeg, fileKinds.webp].map((k) => [
            k.mediaType,
            { schema: z.string().openapi({ format: 'binary' }) },
          ]),
        ),
      },
      304: { description: 'Not modified' },
    },
  }),
};

export function registerHonoursPublicRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.rolls, async (c) => c.json({ items: await publicRolls(c.get('platform')) }, 200));
  app.openapi(r.roll, async (c) => c.json(await publicRoll(c.get('platform'), c.req.valid('param').code), 200));
  app.openapi(r.photo, async (c) => {
    const { code: campaignCode, nominationId } = c.req.valid('param');
    const file = await publicPhoto(c.get('platform'), campaignCode, nominationId);
    const etag = `"${file.sha256}"`;
    const headers: Record<string, string> = {
      // An address with the current version may be kept a day; without it, five minutes (a photo can be replaced).
      'cache-control': c.req.valid('query').v === file.id ? 'public, max-age=86400' : 'public, max-age=300',
      etag,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
    };
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers }) as never;
    return new Response(file.content as unknown as BodyInit, {
      status: 200,
      headers: {
        ...headers,
        'content-type': file.mediaType,
        'content-length': String(file.size),
        'content-disposition': `inline; filename="${nominationId}.${file.mediaType.split('/')[1].replace('jpeg', 'jpg')}"`,
      },
    }) as never;
  });
}
