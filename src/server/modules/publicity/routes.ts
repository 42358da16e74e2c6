import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import {
  activityChoices,
  createPiece,
  dropPiece,
  getPiece,
  listPieces,
  publicityCounts,
  publishPiece,
  updatePiece,
} from './pieces.ts';
import {
  countsOut,
  countsQuery,
  dropInput,
  idParam,
  pieceInput,
  pieceOut,
  piecesOut,
  piecesQuery,
  pieceUpdate,
  publishInput,
} from './schema.ts';

const tags = ['publicity'];
const base = '/api/publicity';
const activitiesOut = z
  .object({ items: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), planId: z.string() })) })
  .openapi('PublicityActivities');

const r = {
  list: apiRoute('publicity.read', {
    method: 'get',
    path: `${base}/pieces`,
    tags,
    summary: 'Kế hoạch tuyên truyền / The publicity plan’s pieces',
    request: { query: piecesQuery },
    responses: { 200: jsonResponse(piecesOut, 'Pieces by planned date, one page') },
  }),
  create: apiRoute('publicity.manage', {
    method: 'post',
    path: `${base}/pieces`,
    tags,
    summary: 'Thêm tin, bài vào kế hoạch / Plan a piece',
    request: { body: jsonBody(pieceInput) },
    responses: { 201: jsonResponse(pieceOut, 'The piece, planned') },
  }),
  get: apiRoute('publicity.read', {
    method: 'get',
    path: `${base}/pieces/{id}`,
    tags,
    summary: 'Một tin, bài / One piece',
    request: { params: idParam },
    responses: { 200: jsonResponse(pieceOut, 'The piece') },
  }),
  update: apiRoute('publicity.manage', {
    method: 'patch',
    path: `${base}/pieces/{id}`,
    tags,
    summary: 'Sửa tin, bài đã lên kế hoạch / Edit a planned piece',
    request: { params: idParam, body: jsonBody(pieceUpdate) },
    responses: { 200: jsonResponse(pieceOut, 'The piece') },
  }),
  publish: apiRoute('publicity.publish', {
    method: 'post',
    path: `${base}/pieces/{id}/publish`,
    tags,
    summary: 'Ghi nhận đã đăng / Record the piece as published',
    request: { params: idParam, body: jsonBody(publishInput) },
    responses: { 200: jsonResponse(pieceOut, 'The piece, published') },
  }),
  drop: apiRoute('publicity.manage', {
    method: 'post',
    path: `${base}/pieces/{id}/drop`,
    tags,
    summary: 'Hủy tin, bài / Drop a piece, with the reason',
    request: { params: idParam, body: jsonBody(dropInput) },
    responses: { 200: jsonResponse(pieceOut, 'The piece, dropped') },
  }),
  counts: apiRoute('publicity.read', {
    method: 'get',
    path: `${base}/counts`,
    tags,
    summary: 'Số tin, bài theo hoạt động và theo tháng / Counts per activity and per month',
    request: { query: countsQuery },
    responses: { 200: jsonResponse(countsOut, 'Planned, published and dropped pieces') },
  }),
  activities: apiRoute('publicity.read', {
    method: 'get',
    path: `${base}/activities`,
    tags,
    summary: 'Hoạt động có thể tuyên truyền / Activities a piece may cover',
    responses: { 200: jsonResponse(activitiesOut, 'The top-level plans’ activities') },
  }),
};

export function registerPublicityRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: { get(k: 'platform'): AppEnv['Variables']['platform'] }) => c.get('platform');
  app.openapi(r.list, async (c) => c.json(await listPieces(p(c), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.create, async (c) => c.json(await createPiece(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.get, async (c) => c.json(await getPiece(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.update, async (c) =>
    c.json(await updatePiece(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.publish, async (c) =>
    c.json(await publishPiece(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.drop, async (c) =>
    c.json(await dropPiece(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  app.openapi(r.counts, async (c) =>
    c.json(await publicityCounts(p(c), callerOf(c), c.req.valid('query').planId), 200),
  );
  app.openapi(r.activities, async (c) => c.json(await activityChoices(p(c), callerOf(c)), 200));
}
