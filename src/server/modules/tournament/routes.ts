import { callerOf } from '../../platform/policy/caller.ts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { drawEvent, getDraw } from './draws.ts';
import { decideEntry, listEntries, makeEntry } from './entries.ts';
import { orderOfPlay, planOrderOfPlay } from './orderOfPlay.ts';
import { participation } from './participation.ts';
import { assignUmpire, recordResult, standings } from './results.ts';
import { recordRubber, setLineup } from './ties.ts';
import {
  decisionInput,
  drawInput,
  drawOut,
  entriesQuery,
  entryInput,
  entryListOut,
  entryOut,
  entryParam,
  eventInput,
  eventOut,
  eventParam,
  idParam,
  lineupInput,
  matchOut,
  matchParam,
  orderOfPlayOut,
  participationOut,
  plannedOut,
  umpireInput,
  resultInput,
  rubberParam,
  standingsOut,
  tournamentInput,
  tournamentListOut,
  tournamentOut,
} from './schema.ts';
import { addEvent, createTournament, getTournament, listTournaments } from './tournaments.ts';

const tags = ['tournament'];
const base = '/api/tournaments';

const r = {
  list: apiRoute('tournament.read', {
    method: 'get',
    path: base,
    tags,
    summary: 'Giải đấu / Tournaments',
    responses: { 200: jsonResponse(tournamentListOut, 'The tournaments, latest first') },
  }),
  create: apiRoute('tournament.manage', {
    method: 'post',
    path: base,
    tags,
    summary: 'Lập giải đấu / Set up a tournament',
    request: { body: jsonBody(tournamentInput) },
    responses: { 201: jsonResponse(tournamentOut, 'The tournament') },
  }),
  get: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'Một giải đấu / One tournament',
    request: { params: idParam },
    responses: { 200: jsonResponse(tournamentOut, 'The tournament with its courts and events') },
  }),
  addEvent: apiRoute('tournament.manage', {
    method: 'post',
    path: `${base}/{id}/events`,
    tags,
    summary: 'Thêm nội dung thi đấu / Add an event',
    request: { params: idParam, body: jsonBody(eventInput) },
    responses: { 201: jsonResponse(eventOut, 'The event') },
  }),
  entries: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/entries`,
    tags,
    summary: 'Danh sách đăng ký / Entries',
    request: { params: idParam, query: entriesQuery },
    responses: { 200: jsonResponse(entryListOut, 'The entries with their players and status') },
  }),
  enter: apiRoute('tournament.enter', {
    method: 'post',
    path: `${base}/{id}/entries`,
    tags,
    summary: 'Đăng ký thi đấu / Enter players',
    description:
      'By a grassroots unit for its own people (a current position in the unit or under it), within the event’s rules: players, category, limits, deadline.',
    request: { params: idParam, body: jsonBody(entryInput) },
    responses: { 201: jsonResponse(entryOut, 'The entry, awaiting the organisers') },
  }),
  decide: apiRoute('tournament.manage', {
    method: 'post',
    path: `${base}/{id}/entries/{entryId}/decision`,
    tags,
    summary: 'Xác nhận hoặc trả lại đăng ký / Confirm or return an entry',
    request: { params: entryParam, body: jsonBody(decisionInput) },
    responses: { 200: jsonResponse(entryOut, 'The entry') },
  }),
  draw: apiRoute('tournament.manage', {
    method: 'post',
    path: `${base}/{id}/events/{eventId}/draw`,
    tags,
    summary: 'Bốc thăm / Draw the event',
    description: 'Again until a match has a result; every draw is kept with its random seed and lots.',
    request: { params: eventParam, body: jsonBody(drawInput) },
    responses: { 201: jsonResponse(drawOut, 'The draw and its matches') },
  }),
  getDraw: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/events/{eventId}/draw`,
    tags,
    summary: 'Kết quả bốc thăm / The draw',
    request: { params: eventParam },
    responses: { 200: jsonResponse(drawOut, 'The draw, its random seed, lots and matches') },
  }),
  standings: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/events/{eventId}/standings`,
    tags,
    summary: 'Xếp hạng / Standings',
    request: { params: eventParam },
    responses: { 200: jsonResponse(standingsOut, 'Group tables (GCR 16.2) and medals') },
  }),
  result: apiRoute('tournament.score', {
    method: 'post',
    path: `${base}/{id}/matches/{matchId}/result`,
    tags,
    summary: 'Ghi kết quả trận / Record a result',
    description: 'By the umpire assigned or the organisers; checked against the event’s scoring rule.',
    request: { params: matchParam, body: jsonBody(resultInput) },
    responses: { 200: jsonResponse(matchOut, 'The match') },
  }),
  lineup: apiRoute('tournament.enter', {
    method: 'put',
    path: `${base}/{id}/matches/{matchId}/lineup`,
    tags,
    summary: 'Đội hình lượt trận đồng đội / A team’s line-up for a tie',
    description:
      'By the team’s unit or the organisers, before the tie’s first rubber: per rubber, players from the team’s roster of the rubber’s discipline, a player in at most one singles and one doubles (or one rubber, as the format says).',
    request: { params: matchParam, body: jsonBody(lineupInput) },
    responses: { 200: jsonResponse(matchOut, 'The tie') },
  }),
  rubber: apiRoute('tournament.score', {
    method: 'post',
    path: `${base}/{id}/matches/{matchId}/rubbers/{rubber}/result`,
    tags,
    summary: 'Ghi kết quả một trận của lượt đồng đội / Record a rubber’s result',
    description:
      'By the tie’s umpire or the organisers, once both line-ups are in; checked against the event’s scoring rule. The tie is decided when a team wins the rubbers needed.',
    request: { params: rubberParam, body: jsonBody(resultInput) },
    responses: { 200: jsonResponse(matchOut, 'The tie') },
  }),
  umpire: apiRoute('tournament.manage', {
    method: 'put',
    path: `${base}/{id}/matches/{matchId}/umpire`,
    tags,
    summary: 'Phân công trọng tài / Assign the umpire',
    request: { params: matchParam, body: jsonBody(umpireInput) },
    responses: { 200: jsonResponse(matchOut, 'The match') },
  }),
  plan: apiRoute('tournament.manage', {
    method: 'post',
    path: `${base}/{id}/order-of-play`,
    tags,
    summary: 'Xếp lịch thi đấu / Work out the order of play',
    description:
      'Courts in their hours, rest between a player’s matches, rounds in order; from now on, played matches kept.',
    request: { params: idParam },
    responses: { 200: jsonResponse(plannedOut, 'The order of play and how many matches found no time') },
  }),
  order: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/order-of-play`,
    tags,
    summary: 'Lịch thi đấu / Order of play',
    request: { params: idParam },
    responses: { 200: jsonResponse(orderOfPlayOut, 'The matches by time, and what is next on each court') },
  }),
  participation: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/participation`,
    tags,
    summary: 'Số liệu tham gia / Participation',
    request: { params: idParam },
    responses: { 200: jsonResponse(participationOut, 'Entries and players by unit, gender and age') },
  }),
};

export function registerTournamentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.list, async (c) => c.json(await listTournaments(c.get('platform')), 200));
  app.openapi(r.create, async (c) =>
    c.json(await createTournament(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.get, async (c) => c.json(await getTournament(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.addEvent, async (c) =>
    c.json(await addEvent(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.entries, async (c) =>
    c.json(await listEntries(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.enter, async (c) =>
    c.json(await makeEntry(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.decide, async (c) => {
    const p = c.req.valid('param');
    return c.json(await decideEntry(c.get('platform'), callerOf(c), p.id, p.entryId, c.req.valid('json')), 200);
  });
  app.openapi(r.draw, async (c) => {
    const p = c.req.valid('param');
    return c.json(await drawEvent(c.get('platform'), callerOf(c), p.id, p.eventId, c.req.valid('json')), 201);
  });
  app.openapi(r.getDraw, async (c) => {
    const p = c.req.valid('param');
    return c.json(await getDraw(c.get('platform'), p.id, p.eventId), 200);
  });
  app.openapi(r.standings, async (c) => {
    const p = c.req.valid('param');
    return c.json(await standings(c.get('platform'), p.id, p.eventId), 200);
  });
  app.openapi(r.lineup, async (c) => {
    const p = c.req.valid('param');
    return c.json(await setLineup(c.get('platform'), callerOf(c), p.id, p.matchId, c.req.valid('json')), 200);
  });
  app.openapi(r.rubber, async (c) => {
    const p = c.req.valid('param');
    return c.json(
      await recordRubber(c.get('platform'), callerOf(c), p.id, p.matchId, p.rubber, c.req.valid('json')),
      200,
    );
  });
  app.openapi(r.umpire, async (c) => {
    const p = c.req.valid('param');
    return c.json(await assignUmpire(c.get('platform'), callerOf(c), p.id, p.matchId, c.req.valid('json').userId), 200);
  });
  app.openapi(r.plan, async (c) =>
    c.json(await planOrderOfPlay(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.order, async (c) => c.json(await orderOfPlay(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.participation, async (c) =>
    c.json(await participation(c.get('platform'), c.req.valid('param').id), 200),
  );
  app.openapi(r.result, async (c) => {
    const p = c.req.valid('param');
    return c.json(await recordResult(c.get('platform'), callerOf(c), p.id, p.matchId, c.req.valid('json')), 200);
  });
}
