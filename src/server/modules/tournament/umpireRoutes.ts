import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { idParam, matchOut, matchParam } from './schema.ts';
import { finishFromRallies, sendRallies, umpireBoard, umpireMatch } from './umpire.ts';
import { ralliesInput, umpireListOut, umpireMatchOut } from './umpireSchema.ts';

/** The umpire's phone (a match scored rally by rally) and the referee's board of umpires. */
const tags = ['tournament'];
const base = '/api/tournaments/{id}/matches/{matchId}/rallies';

const r = {
  get: apiRoute('tournament.read', {
    method: 'get',
    path: base,
    tags,
    summary: 'Điểm từng pha bóng / The rally log',
    request: { params: matchParam },
    responses: { 200: jsonResponse(umpireMatchOut, 'The match, its log and the score it makes') },
  }),
  send: apiRoute('tournament.score', {
    method: 'post',
    path: base,
    tags,
    summary: 'Ghi điểm từng pha bóng / Score rallies',
    description:
      'By the umpire assigned or the organisers. Entries are numbered by the phone; one already stored is skipped, so a batch may be sent again safely.',
    request: { params: matchParam, body: jsonBody(ralliesInput) },
    responses: { 200: jsonResponse(umpireMatchOut, 'The match, its log and the score it makes') },
  }),
  finish: apiRoute('tournament.score', {
    method: 'post',
    path: `${base}/finish`,
    tags,
    summary: 'Kết thúc trận theo điểm đã ghi / Finish the match from its rallies',
    request: { params: matchParam },
    responses: { 200: jsonResponse(matchOut, 'The match with its result') },
  }),
  board: apiRoute('tournament.manage', {
    method: 'get',
    path: '/api/tournaments/{id}/umpires',
    tags,
    summary: 'Phân công trọng tài / The umpires’ board',
    request: { params: idParam },
    responses: { 200: jsonResponse(umpireListOut, 'Every match with its court, time and umpire; who may umpire') },
  }),
};

export function registerUmpireRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.get, async (c) => {
    const p = c.req.valid('param');
    return c.json(await umpireMatch(c.get('platform'), callerOf(c), p.id, p.matchId), 200);
  });
  app.openapi(r.send, async (c) => {
    const p = c.req.valid('param');
    return c.json(await sendRallies(c.get('platform'), callerOf(c), p.id, p.matchId, c.req.valid('json')), 200);
  });
  app.openapi(r.finish, async (c) => {
    const p = c.req.valid('param');
    return c.json(await finishFromRallies(c.get('platform'), callerOf(c), p.id, p.matchId), 200);
  });
  app.openapi(r.board, async (c) =>
    c.json(await umpireBoard(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
}
