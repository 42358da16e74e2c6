import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { idParam, matchOut, matchParam, rubberParam } from './schema.ts';
import { finishFromRallies, sendRallies, umpireBoard, umpireMatch } from './umpire.ts';
import { ralliesInput, umpireListOut, umpireMatchOut } from './umpireSchema.ts';

/**
 * The umpire's phone (a match, or a tie's rubber, scored rally by rally) and the referee's board
 * of umpires. A match's log is under `…/matches/{matchId}/rallies`, a rubber's under
 * `…/matches/{matchId}/rubbers/{rubber}/rallies`: the same three routes on either key.
 */
const tags = ['tournament'];
const matchBase = '/api/tournaments/{id}/matches/{matchId}/rallies';
const rubberBase = '/api/tournaments/{id}/matches/{matchId}/rubbers/{rubber}/rallies';

function logRoutes<P extends typeof matchParam | typeof rubberParam>(base: string, params: P, what: string) {
  return {
    get: apiRoute('tournament.read', {
      method: 'get',
      path: base,
      tags,
      summary: `Điểm từng pha bóng / The rally log (${what})`,
      description:
        what === 'match'
          ? 'For a tie, the next rubber to play (its number in `rubber`), or the tie alone when none is left.'
          : undefined,
      request: { params },
      responses: { 200: jsonResponse(umpireMatchOut, 'The match, its log and the score it makes') },
    }),
    send: apiRoute('tournament.score', {
      method: 'post',
      path: base,
      tags,
      summary: `Ghi điểm từng pha bóng / Score rallies (${what})`,
      description:
        'By the umpire assigned or the organisers. Entries are numbered by the phone; one already stored is skipped, so a batch may be sent again safely.',
      request: { params, body: jsonBody(ralliesInput) },
      responses: { 200: jsonResponse(umpireMatchOut, 'The match, its log and the score it makes') },
    }),
    finish: apiRoute('tournament.score', {
      method: 'post',
      path: `${base}/finish`,
      tags,
      summary: `Kết thúc trận theo điểm đã ghi / Finish from its rallies (${what})`,
      request: { params },
      responses: { 200: jsonResponse(matchOut, 'The match (the tie) with its result') },
    }),
  };
}

const board = apiRoute('tournament.manage', {
  method: 'get',
  path: '/api/tournaments/{id}/umpires',
  tags,
  summary: 'Phân công trọng tài / The umpires’ board',
  request: { params: idParam },
  responses: { 200: jsonResponse(umpireListOut, 'Every match with its court, time and umpire; who may umpire') },
});

export function registerUmpireRoutes(app: OpenAPIHono<AppEnv>) {
  for (const [base, params, what] of [
    [matchBase, matchParam, 'match'],
    [rubberBase, rubberParam, 'rubber'],
  ] as const) {
    const r = logRoutes(base, params, what);
    const key = (p: { id: string; matchId: string; rubber?: number }) => [p.id, p.matchId, p.rubber ?? null] as const;
    app.openapi(r.get, async (c) => {
      const [id, matchId, rubber] = key(c.req.valid('param'));
      return c.json(await umpireMatch(c.get('platform'), callerOf(c), id, matchId, rubber), 200);
    });
    app.openapi(r.send, async (c) => {
      const [id, matchId, rubber] = key(c.req.valid('param'));
      return c.json(await sendRallies(c.get('platform'), callerOf(c), id, matchId, c.req.valid('json'), rubber), 200);
    });
    app.openapi(r.finish, async (c) => {
      const [id, matchId, rubber] = key(c.req.valid('param'));
      return c.json(await finishFromRallies(c.get('platform'), callerOf(c), id, matchId, rubber), 200);
    });
  }
  app.openapi(board, async (c) =>
    c.json(await umpireBoard(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
}
