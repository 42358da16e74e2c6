import { callerOf } from '../../platform/policy/caller.ts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { changeParticipants, createDrive, getDrive, listDrives, updateDrive } from './drives.ts';
import { ranking, setCriteria, setScores, criteriaOf } from './ranking.ts';
import { listRegistrations, register, review } from './registrations.ts';
import { unitResults } from './results.ts';
import {
  criteriaInput,
  criteriaOut,
  driveDetailOut,
  drivePage,
  rankingOut,
  registrationOut,
  registrationPage,
  unitResultsOut,
  driveInput,
  idParam,
  listQuery,
  participantsInput,
  registrationInput,
  registrationParam,
  registrationQuery,
  reviewInput,
  scoresInput,
  unitParam,
  updateDriveInput,
} from './schema.ts';
import { findDrive } from './drives.ts';

const tags = ['emulation'];

const r = {
  list: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/drives',
    tags,
    summary: 'Phong trào thi đua / Emulation drives',
    request: { query: listQuery },
    responses: { 200: jsonResponse(drivePage, 'A page of drives') },
  }),
  create: apiRoute('emulation.manage', {
    method: 'post',
    path: '/api/emulation/drives',
    tags,
    summary: 'Phát động phong trào / Launch a drive',
    request: { body: jsonBody(driveInput) },
    responses: { 201: jsonResponse(driveDetailOut, 'The drive') },
  }),
  get: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/drives/{id}',
    tags,
    summary: 'Một phong trào / One drive',
    request: { params: idParam },
    responses: {
      200: jsonResponse(driveDetailOut, 'The drive with its participants, registrations and results template'),
    },
  }),
  update: apiRoute('emulation.manage', {
    method: 'patch',
    path: '/api/emulation/drives/{id}',
    tags,
    summary: 'Sửa, kết thúc phong trào / Update or close',
    request: { params: idParam, body: jsonBody(updateDriveInput) },
    responses: { 200: jsonResponse(driveDetailOut, 'The drive') },
  }),
  participants: apiRoute('emulation.manage', {
    method: 'post',
    path: '/api/emulation/drives/{id}/participants',
    tags,
    summary: 'Đơn vị tham gia / Add or remove participants',
    request: { params: idParam, body: jsonBody(participantsInput) },
    responses: { 200: jsonResponse(driveDetailOut, 'The drive') },
  }),
  register: apiRoute('emulation.register', {
    method: 'post',
    path: '/api/emulation/drives/{id}/registrations',
    tags,
    summary: 'Đăng ký thi đua / Register targets',
    description:
      'By a participating unit (`emulation.register` on it); a returned registration is sent again the same way.',
    request: { params: idParam, body: jsonBody(registrationInput) },
    responses: { 201: jsonResponse(registrationOut, 'The registration') },
  }),
  registrations: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/drives/{id}/registrations',
    tags,
    summary: 'Danh sách đăng ký / Registrations',
    description: "The Bloc sees all; a unit its own and its subtree's.",
    request: { params: idParam, query: registrationQuery },
    responses: { 200: jsonResponse(registrationPage, 'A page of registrations') },
  }),
  review: apiRoute('emulation.manage', {
    method: 'post',
    path: '/api/emulation/drives/{id}/registrations/{registrationId}/review',
    tags,
    summary: 'Duyệt đăng ký / Accept or return a registration',
    request: { params: registrationParam, body: jsonBody(reviewInput) },
    responses: { 200: jsonResponse(registrationOut, 'The registration') },
  }),
  criteria: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/drives/{id}/criteria',
    tags,
    summary: 'Tiêu chí chấm điểm / Criteria',
    request: { params: idParam },
    responses: { 200: jsonResponse(criteriaOut, 'The criteria') },
  }),
  setCriteria: apiRoute('emulation.manage', {
    method: 'put',
    path: '/api/emulation/drives/{id}/criteria',
    tags,
    summary: 'Đặt tiêu chí / Set the criteria',
    request: { params: idParam, body: jsonBody(criteriaInput) },
    responses: { 200: jsonResponse(criteriaOut, 'The criteria') },
  }),
  score: apiRoute('emulation.manage', {
    method: 'put',
    path: '/api/emulation/drives/{id}/scores',
    tags,
    summary: 'Chấm điểm đơn vị / Score a unit',
    description: 'The criteria scored by hand; the others come from the reported results.',
    request: { params: idParam, body: jsonBody(scoresInput) },
    responses: { 200: jsonResponse(rankingOut, 'The ranking') },
  }),
  ranking: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/drives/{id}/ranking',
    tags,
    summary: 'Xếp hạng / Ranking',
    request: { params: idParam },
    responses: { 200: jsonResponse(rankingOut, 'Every participant with its scores, total and rank') },
  }),
  unitResults: apiRoute('emulation.read', {
    method: 'get',
    path: '/api/emulation/units/{unitId}/results',
    tags,
    summary: "Kết quả thi đua của đơn vị / A unit's results",
    description: 'The drives it took part in, its rank and scores (shown beside its nominations).',
    request: { params: unitParam },
    responses: { 200: jsonResponse(unitResultsOut, "The unit's results") },
  }),
};

export function registerEmulationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.list, async (c) => c.json(await listDrives(c.get('platform'), c.req.valid('query')), 200));
  app.openapi(r.create, async (c) =>
    c.json(await createDrive(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.get, async (c) => c.json(await getDrive(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.update, async (c) =>
    c.json(await updateDrive(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.participants, async (c) =>
    c.json(await changeParticipants(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.register, async (c) =>
    c.json(await register(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.registrations, async (c) =>
    c.json(await listRegistrations(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.review, async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    return c.json(await review(c.get('platform'), callerOf(c), p.id, p.registrationId, b.decision, b.note), 200);
  });
  app.openapi(r.criteria, async (c) => {
    const id = c.req.valid('param').id;
    await findDrive(c.get('platform').db, id);
    return c.json({ items: await criteriaOf(c.get('platform'), id) }, 200);
  });
  app.openapi(r.setCriteria, async (c) =>
    c.json(
      { items: await setCriteria(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  );
  app.openapi(r.score, async (c) =>
    c.json(await setScores(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.ranking, async (c) => c.json(await ranking(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.unitResults, async (c) =>
    c.json(await unitResults(c.get('platform'), c.req.valid('param').unitId), 200),
  );
}
