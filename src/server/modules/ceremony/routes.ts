import type { OpenAPIHono } from '@hono/zod-openapi';

import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import {
  addGuest,
  addSegment,
  createCeremony,
  deleteSegment,
  freezeAwards,
  getCeremony,
  listCeremonies,
  listGuests,
  offeredActs,
  publicCeremonies,
  publicProgramme,
  reorderSegments,
  unfreezeAwards,
  updateCeremony,
  updateGuest,
  updateSegment,
} from './ceremonies.ts';
import {
  actsOut,
  ceremonyInput,
  ceremonyListOut,
  ceremonyOut,
  ceremonyPatch,
  codeParam,
  guestInput,
  guestListOut,
  guestParam,
  guestPatch,
  idParam,
  liveInput,
  liveOut,
  orderInput,
  publicListOut,
  publicProgrammeOut,
  segmentInput,
  segmentParam,
  segmentPatch,
} from './schema.ts';
import { callShow, liveState } from './show.ts';

const tags = ['ceremony'];
const base = '/api/ceremonies';
const programme = (d: string) => jsonResponse(ceremonyOut, d);

const r = {
  list: apiRoute('ceremony.read', {
    method: 'get',
    path: base,
    tags,
    summary: 'Buổi lễ / Ceremonies',
    responses: { 200: jsonResponse(ceremonyListOut, 'The ceremonies, latest first') },
  }),
  create: apiRoute('ceremony.manage', {
    method: 'post',
    path: base,
    tags,
    summary: 'Lập buổi lễ / Set up a ceremony',
    description: 'The programme starts from the order of Nghị định 111/2018 Art. 13, editable.',
    request: { body: jsonBody(ceremonyInput) },
    responses: { 201: programme('The ceremony with its programme') },
  }),
  get: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'Chương trình buổi lễ / A ceremony’s programme',
    description:
      'Segments with their computed times (forward and back), warnings, reading times, the award batches (following the results until frozen, then a difference to accept) and the introduction of guests.',
    request: { params: idParam },
    responses: { 200: programme('The ceremony') },
  }),
  update: apiRoute('ceremony.manage', {
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: 'Sửa thông tin buổi lễ / Edit a ceremony',
    request: { params: idParam, body: jsonBody(ceremonyPatch) },
    responses: { 200: programme('The ceremony') },
  }),
  addSegment: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/segments`,
    tags,
    summary: 'Thêm phần vào chương trình / Add a segment',
    request: { params: idParam, body: jsonBody(segmentInput) },
    responses: { 201: programme('The ceremony') },
  }),
  order: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/segments/order`,
    tags,
    summary: 'Sắp xếp lại chương trình / Reorder the programme',
    request: { params: idParam, body: jsonBody(orderInput) },
    responses: { 200: programme('The ceremony') },
  }),
  updateSegment: apiRoute('ceremony.manage', {
    method: 'patch',
    path: `${base}/{id}/segments/{segmentId}`,
    tags,
    summary: 'Sửa một phần / Edit a segment',
    request: { params: segmentParam, body: jsonBody(segmentPatch) },
    responses: { 200: programme('The ceremony') },
  }),
  deleteSegment: apiRoute('ceremony.manage', {
    method: 'delete',
    path: `${base}/{id}/segments/{segmentId}`,
    tags,
    summary: 'Bỏ một phần / Remove a segment',
    request: { params: segmentParam },
    responses: { 200: programme('The ceremony') },
  }),
  freeze: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/freeze`,
    tags,
    summary: 'Chốt chương trình trao thưởng / Freeze the award batches',
    request: { params: idParam },
    responses: { 200: programme('The ceremony, its batches frozen') },
  }),
  unfreeze: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/unfreeze`,
    tags,
    summary: 'Bỏ chốt / Unfreeze the award batches',
    request: { params: idParam },
    responses: { 200: programme('The ceremony, its batches following the results again') },
  }),
  accept: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/awards/accept`,
    tags,
    summary: 'Nhận thay đổi kết quả / Accept the results’ changes',
    request: { params: idParam },
    responses: { 200: programme('The ceremony, its frozen batches as the results give them now') },
  }),
  guests: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/{id}/guests`,
    tags,
    summary: 'Khách mời / Guests',
    request: { params: idParam },
    responses: { 200: jsonResponse(guestListOut, 'The guests in protocol order, the replies, the introduction') },
  }),
  addGuest: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/{id}/guests`,
    tags,
    summary: 'Thêm khách mời / Invite a guest',
    request: { params: idParam, body: jsonBody(guestInput) },
    responses: { 201: jsonResponse(guestListOut, 'The guests') },
  }),
  updateGuest: apiRoute('ceremony.manage', {
    method: 'patch',
    path: `${base}/{id}/guests/{guestId}`,
    tags,
    summary: 'Sửa khách mời, ghi nhận trả lời / Edit a guest, record the reply',
    request: { params: guestParam, body: jsonBody(guestPatch) },
    responses: { 200: jsonResponse(guestListOut, 'The guests') },
  }),
  acts: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/{id}/acts`,
    tags,
    summary: 'Tiết mục được chọn / Acts offered',
    description: 'The acts other modules offer for this ceremony (the festival’s chosen acts).',
    request: { params: idParam },
    responses: { 200: jsonResponse(actsOut, 'The acts') },
  }),
  live: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/{id}/live`,
    tags,
    summary: 'Diễn biến trực tiếp / The show as it stands',
    request: { params: idParam },
    responses: { 200: jsonResponse(liveOut, 'The current segment, elapsed, remaining, over/under, forecast end') },
  }),
  call: apiRoute('ceremony.call', {
    method: 'post',
    path: `${base}/{id}/live`,
    tags,
    summary: 'Điều hành chương trình / Call the show (start, next, hold)',
    request: { params: idParam, body: jsonBody(liveInput) },
    responses: { 200: jsonResponse(liveOut, 'The show after the call') },
  }),
  publicList: apiRoute('public', {
    method: 'get',
    path: '/api/public/ceremonies',
    tags,
    summary: 'Chương trình buổi lễ đã công bố / Published ceremonies',
    responses: { 200: jsonResponse(publicListOut, 'The published ceremonies') },
  }),
  publicOne: apiRoute('public', {
    method: 'get',
    path: '/api/public/ceremonies/{code}',
    tags,
    summary: 'Chương trình một buổi lễ / A published programme',
    description: 'Titles and planned times only; 404 while the programme is not published.',
    request: { params: codeParam },
    responses: { 200: jsonResponse(publicProgrammeOut, 'The programme') },
  }),
};

export function registerCeremonyRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: { get(k: 'platform'): AppEnv['Variables']['platform'] }) => c.get('platform');
  app.openapi(r.list, async (c) => c.json(await listCeremonies(p(c)), 200));
  app.openapi(r.create, async (c) => c.json(await createCeremony(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.get, async (c) => c.json(await getCeremony(p(c), c.req.valid('param').id), 200));
  app.openapi(r.update, async (c) =>
    c.json(await updateCeremony(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.addSegment, async (c) =>
    c.json(await addSegment(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.order, async (c) =>
    c.json(await reorderSegments(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').ids), 200),
  );
  app.openapi(r.updateSegment, async (c) => {
    const q = c.req.valid('param');
    return c.json(await updateSegment(p(c), callerOf(c), q.id, q.segmentId, c.req.valid('json')), 200);
  });
  app.openapi(r.deleteSegment, async (c) => {
    const q = c.req.valid('param');
    return c.json(await deleteSegment(p(c), callerOf(c), q.id, q.segmentId), 200);
  });
  app.openapi(r.freeze, async (c) =>
    c.json(await freezeAwards(p(c), callerOf(c), c.req.valid('param').id, false), 200),
  );
  app.openapi(r.unfreeze, async (c) => c.json(await unfreezeAwards(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.accept, async (c) => c.json(await freezeAwards(p(c), callerOf(c), c.req.valid('param').id, true), 200));
  app.openapi(r.guests, async (c) => c.json(await listGuests(p(c), c.req.valid('param').id), 200));
  app.openapi(r.addGuest, async (c) =>
    c.json(await addGuest(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.updateGuest, async (c) => {
    const q = c.req.valid('param');
    return c.json(await updateGuest(p(c), callerOf(c), q.id, q.guestId, c.req.valid('json')), 200);
  });
  app.openapi(r.acts, async (c) => c.json(await offeredActs(p(c), c.req.valid('param').id), 200));
  app.openapi(r.live, async (c) => c.json(await liveState(p(c), c.req.valid('param').id), 200));
  app.openapi(r.call, async (c) =>
    c.json(await callShow(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').action), 200),
  );
  app.openapi(r.publicList, async (c) => c.json(await publicCeremonies(p(c)), 200));
  app.openapi(r.publicOne, async (c) => c.json(await publicProgramme(p(c), c.req.valid('param').code), 200));
}
