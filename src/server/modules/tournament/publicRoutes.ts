import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { eventStream } from '../../platform/http/eventStream.ts';
import { fail } from '../../platform/http/errors.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { publicTournament, publicTournamentListOut, publicTournamentOut, publicTournaments } from './publicView.ts';

/**
 * The tournament for anyone, without signing in (`public`): the tournaments, one tournament's
 * draws, results, tables, order of play, courts and medals, and its live channel. The channel is
 * the `tournament` topic of the events channel narrowed to this tournament and to what is public
 * (what changed, which match, the live score): the topic itself stays for signed-in readers.
 */
const tags = ['tournament (public)'];
const codeParam = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'CL2019' }),
});

const r = {
  list: apiRoute('public', {
    method: 'get',
    path: '/api/public/tournaments',
    tags,
    summary: 'Các giải đấu / Tournaments',
    responses: { 200: jsonResponse(publicTournamentListOut, 'The tournaments, latest first') },
  }),
  one: apiRoute('public', {
    method: 'get',
    path: '/api/public/tournaments/{code}',
    tags,
    summary: 'Một giải đấu / One tournament',
    description:
      'Events with their matches and results, group tables, medals, the courts now and next, the medal table.',
    request: { params: codeParam },
    responses: { 200: jsonResponse(publicTournamentOut, 'The tournament as the public sees it') },
  }),
  live: apiRoute('public', {
    method: 'get',
    path: '/api/public/tournaments/{code}/live',
    tags,
    summary: 'Cập nhật trực tiếp (SSE) / Live updates (server-sent events)',
    description:
      'Streams `event: tournament` messages `{ change, matchId?, eventId?, live? }` for this tournament only: a draw, a result, the order of play, a point scored (with the score).',
    request: { params: codeParam },
    responses: {
      200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
    },
  }),
};

type Published = { change?: string; tournamentId?: string; eventId?: string; matchId?: string; live?: unknown };

export function registerTournamentPublicRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.list, async (c) => c.json({ items: await publicTournaments(c.get('platform')) }, 200));
  app.openapi(r.one, async (c) => c.json(await publicTournament(c.get('platform'), c.req.valid('param').code), 200));
  app.openapi(r.live, async (c) => {
    const platform = c.get('platform');
    const { code } = c.req.valid('param');
    const t = await platform.db.selectFrom('tournaments').select('id').where('code', '=', code).executeTakeFirst();
    if (!t) throw fail.notFound({ vi: 'Không tìm thấy giải đấu.', en: 'Tournament not found.' });
    return eventStream(c, { code }, (send) =>
      platform.events.subscribe('tournament', (data) => {
        const d = data as Published;
        if (d.tournamentId !== t.id) return;
        // Only what is public: never more than the change, the ids and the score.
        void send('tournament', { change: d.change, eventId: d.eventId, matchId: d.matchId, live: d.live });
      }),
    ) as never;
  });
}
