import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { eventStream } from '../../platform/http/eventStream.ts';
import { fail } from '../../platform/http/errors.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import {
  ceremonyActs,
  chooseCeremonyActs,
  createFestival,
  decideEntry,
  getFestival,
  listEntries,
  listFestivals,
  makeEntry,
} from './festivals.ts';
import {
  amendSheet,
  certifyRound,
  closeRound,
  declareRecusal,
  listSheets,
  lockSheet,
  roundResults,
  saveSheet,
  setPrizes,
} from './judging.ts';
import { publicFestivalDetails } from './publicFestivals.ts';
import {
  createRound,
  getRound,
  judgeAccounts,
  runningOrder,
  setMethod,
  setNowPerforming,
  setOrder,
  updateRound,
} from './rounds.ts';
import {
  amendInput,
  ceremonyInput,
  ceremonyOut,
  decisionInput,
  entryInput,
  entryListOut,
  entryOut,
  entryParam,
  festivalInput,
  festivalListOut,
  festivalOut,
  idParam,
  judgeAccountsOut,
  lockInput,
  methodInput,
  nowInput,
  orderInput,
  prizesInput,
  publicFestivalsOut,
  recusalInput,
  resultsOut,
  roundInput,
  roundOut,
  roundUpdateInput,
  runningOut,
  sheetInput,
  sheetListOut,
  sheetOut,
  sheetParam,
} from './schema.ts';

const tags = ['festival'];
const base = '/api/festivals';
const rounds = '/api/festival-rounds';
const entriesQuery = z.object({
  unitId: z.string().uuid().optional(),
  status: z.enum(['submitted', 'accepted', 'returned']).optional(),
});
const done = z.object({ ok: z.literal(true) }).openapi('FestivalDone');

const r = {
  list: apiRoute('festival.read', {
    method: 'get',
    path: base,
    tags,
    summary: 'Liên hoan / Festivals',
    responses: { 200: jsonResponse(festivalListOut, 'The festivals, latest first') },
  }),
  create: apiRoute('festival.manage', {
    method: 'post',
    path: base,
    tags,
    summary: 'Lập liên hoan / Set up a festival',
    request: { body: jsonBody(festivalInput) },
    responses: { 201: jsonResponse(festivalOut, 'The festival') },
  }),
  get: apiRoute('festival.read', {
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'Một liên hoan / One festival',
    request: { params: idParam },
    responses: { 200: jsonResponse(festivalOut, 'The festival with its rounds') },
  }),
  entries: apiRoute('festival.read', {
    method: 'get',
    path: `${base}/{id}/entries`,
    tags,
    summary: 'Tiết mục đăng ký / Entries',
    description: 'The organisers see every entry; others the accepted ones and, in any state, their own units’.',
    request: { params: idParam, query: entriesQuery },
    responses: { 200: jsonResponse(entryListOut, 'The entries') },
  }),
  enter: apiRoute('festival.enter', {
    method: 'post',
    path: `${base}/{id}/entries`,
    tags,
    summary: 'Đăng ký tiết mục / Enter an act',
    description: 'By a grassroots unit for its own young workers, within its limit; a backing track must be audio.',
    request: { params: idParam, body: jsonBody(entryInput) },
    responses: { 201: jsonResponse(entryOut, 'The entry, awaiting the organisers') },
  }),
  decide: apiRoute('festival.manage', {
    method: 'post',
    path: `${base}/{id}/entries/{entryId}/decision`,
    tags,
    summary: 'Chấp nhận hoặc trả lại tiết mục / Accept or return an act',
    request: { params: entryParam, body: jsonBody(decisionInput) },
    responses: { 200: jsonResponse(entryOut, 'The entry') },
  }),
  ceremony: apiRoute('festival.read', {
    method: 'get',
    path: `${base}/{id}/ceremony`,
    tags,
    summary: 'Tiết mục phục vụ Hội nghị / Acts for the ceremony',
    request: { params: idParam },
    responses: { 200: jsonResponse(ceremonyOut, 'The chosen acts in order with their durations') },
  }),
  chooseCeremony: apiRoute('festival.manage', {
    method: 'put',
    path: `${base}/{id}/ceremony`,
    tags,
    summary: 'Chọn tiết mục phục vụ Hội nghị / Choose the ceremony’s acts',
    request: { params: idParam, body: jsonBody(ceremonyInput) },
    responses: { 200: jsonResponse(ceremonyOut, 'The chosen acts') },
  }),
  createRound: apiRoute('festival.manage', {
    method: 'post',
    path: `${base}/{id}/rounds`,
    tags,
    summary: 'Lập vòng thi / Set up a round',
    description:
      'Criteria, panel with one head judge, aggregation, tie-breaks, and the performance order by lot or set.',
    request: { params: idParam, body: jsonBody(roundInput) },
    responses: { 201: jsonResponse(roundOut, 'The round') },
  }),
  round: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}`,
    tags,
    summary: 'Một vòng thi / One round',
    description:
      'Panel, criteria, order and how many sheets each judge has locked — never the marks before the round closes.',
    request: { params: idParam },
    responses: { 200: jsonResponse(roundOut, 'The round') },
  }),
  judgeAccounts: apiRoute('festival.manage', {
    method: 'get',
    path: '/api/festival-judges',
    tags,
    summary: 'Tài khoản giám khảo / Judges’ accounts',
    description: 'The active accounts holding the judge role, for a round’s panel.',
    responses: { 200: jsonResponse(judgeAccountsOut, 'The accounts, in Vietnamese order') },
  }),
  updateRound: apiRoute('festival.manage', {
    method: 'put',
    path: `${rounds}/{id}`,
    tags,
    summary: 'Sửa thiết lập vòng thi / Change a round’s set-up',
    description:
      'Name, day, venue and longest act until the close; criteria, panel, method and tie-breaks until the first sheet is locked.',
    request: { params: idParam, body: jsonBody(roundUpdateInput) },
    responses: { 200: jsonResponse(roundOut, 'The round') },
  }),
  method: apiRoute('festival.manage', {
    method: 'put',
    path: `${rounds}/{id}/method`,
    tags,
    summary: 'Cách tính điểm / The aggregation',
    description: 'Until the first sheet is locked.',
    request: { params: idParam, body: jsonBody(methodInput) },
    responses: { 200: jsonResponse(roundOut, 'The round') },
  }),
  order: apiRoute('festival.manage', {
    method: 'put',
    path: `${rounds}/{id}/order`,
    tags,
    summary: 'Thứ tự biểu diễn / The performance order',
    description: 'Drawn by lot from a seed anyone can re-run, or set; until the first sheet is locked.',
    request: { params: idParam, body: jsonBody(orderInput) },
    responses: { 200: jsonResponse(roundOut, 'The round') },
  }),
  running: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/running-order`,
    tags,
    summary: 'Chương trình đêm diễn / The running order',
    request: { params: idParam },
    responses: { 200: jsonResponse(runningOut, 'Now performing, next, and the order') },
  }),
  now: apiRoute('festival.read', {
    method: 'put',
    path: `${rounds}/{id}/now`,
    tags,
    summary: 'Tiết mục đang diễn / Now performing',
    description: 'By the organisers or the head judge; heard live on the `festival` topic.',
    request: { params: idParam, body: jsonBody(nowInput) },
    responses: { 200: jsonResponse(runningOut, 'The running order') },
  }),
  sheets: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/sheets`,
    tags,
    summary: 'Phiếu chấm / Score sheets',
    description:
      'A judge’s own until the head judge closes the round; then every sheet for the head judge and the organisers.',
    request: { params: idParam },
    responses: { 200: jsonResponse(sheetListOut, 'The sheets the caller may see') },
  }),
  save: apiRoute('festival.judge', {
    method: 'put',
    path: `${rounds}/{id}/sheets/{entryId}`,
    tags,
    summary: 'Lưu phiếu nháp / Save a draft sheet',
    request: { params: entryParam, body: jsonBody(sheetInput) },
    responses: { 200: jsonResponse(sheetOut, 'The draft') },
  }),
  lock: apiRoute('festival.judge', {
    method: 'post',
    path: `${rounds}/{id}/sheets/{entryId}/lock`,
    tags,
    summary: 'Khóa phiếu / Lock a sheet',
    description: 'Every criterion scored; the first lock freezes the aggregation.',
    request: { params: entryParam, body: jsonBody(lockInput) },
    responses: { 200: jsonResponse(sheetOut, 'The locked sheet') },
  }),
  amend: apiRoute('festival.judge', {
    method: 'post',
    path: `${rounds}/{id}/locked-sheets/{sheetId}/amendment`,
    tags,
    summary: 'Trưởng ban sửa phiếu đã khóa / The head judge changes a locked sheet',
    request: { params: sheetParam, body: jsonBody(amendInput) },
    responses: { 200: jsonResponse(sheetOut, 'The sheet with its changes') },
  }),
  recuse: apiRoute('festival.judge', {
    method: 'post',
    path: `${rounds}/{id}/recusals`,
    tags,
    summary: 'Khai báo không chấm / Declare a conflict',
    request: { params: idParam, body: jsonBody(recusalInput) },
    responses: { 200: jsonResponse(roundOut, 'The round with its recusals') },
  }),
  close: apiRoute('festival.judge', {
    method: 'post',
    path: `${rounds}/{id}/close`,
    tags,
    summary: 'Khép vòng thi / Close the round',
    description: 'By the head judge, once every sheet to score is locked.',
    request: { params: idParam },
    responses: { 200: jsonResponse(done, 'Closed') },
  }),
  certify: apiRoute('festival.judge', {
    method: 'post',
    path: `${rounds}/{id}/certify`,
    tags,
    summary: 'Chứng nhận kết quả / Certify the results',
    request: { params: idParam },
    responses: { 200: jsonResponse(resultsOut, 'The certified results') },
  }),
  results: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/results`,
    tags,
    summary: 'Kết quả / Results',
    description:
      'Certified: for everyone. Closed: provisionally for the head judge and the organisers. Before: for no one (409).',
    request: { params: idParam },
    responses: { 200: jsonResponse(resultsOut, 'The ranking with each explanation, and the disagreements') },
  }),
  prizes: apiRoute('festival.manage', {
    method: 'put',
    path: `${rounds}/{id}/prizes`,
    tags,
    summary: 'Trao giải / Prizes',
    request: { params: idParam, body: jsonBody(prizesInput) },
    responses: { 200: jsonResponse(resultsOut, 'The results with their prizes') },
  }),
  publicLive: apiRoute('public', {
    method: 'get',
    path: '/api/public/festivals/{code}/live',
    tags: ['festival (public)'],
    summary: 'Cập nhật trực tiếp (SSE) / Live updates (server-sent events)',
    description:
      'Streams `event: festival` messages `{ change }` for this festival only, when what the public page shows changes: an act accepted or returned, a round set up, closed or certified, prizes given. Never a sheet, never a mark.',
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format')
          .openapi({ param: { name: 'code', in: 'path' }, example: 'LHTH2019' }),
      }),
    },
    responses: {
      200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
    },
  }),
  public: apiRoute('public', {
    method: 'get',
    path: '/api/public/festivals',
    tags: ['festival (public)'],
    summary: 'Liên hoan (công khai) / Festivals (public)',
    description: 'The accepted entries and the certified results only.',
    responses: { 200: jsonResponse(publicFestivalsOut, 'The festivals') },
  }),
};

/** What the public page shows changes with these; a sheet locked or the act now performing does not. */
const PUBLIC_CHANGES = new Set(['entry', 'round']);

export function registerFestivalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(r.publicLive, async (c) => {
    const platform = c.get('platform');
    const { code } = c.req.valid('param');
    const f = await platform.db.selectFrom('festivals').select('id').where('code', '=', code).executeTakeFirst();
    if (!f) throw fail.notFound({ vi: 'Không tìm thấy liên hoan.', en: 'Festival not found.' });
    return eventStream(c, { code }, (send) =>
      platform.events.subscribe('festival', (data) => {
        const d = data as { change?: string; festivalId?: string };
        if (d.festivalId !== f.id || !d.change || !PUBLIC_CHANGES.has(d.change)) return;
        void send('festival', { change: d.change });
      }),
    ) as never;
  });
  app.openapi(r.public, async (c) => c.json(await publicFestivalDetails(c.get('platform')), 200));
  app.openapi(r.list, async (c) => c.json(await listFestivals(c.get('platform')), 200));
  app.openapi(r.create, async (c) =>
    c.json(await createFestival(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.get, async (c) => c.json(await getFestival(c.get('platform'), c.req.valid('param').id), 200));
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
  app.openapi(r.ceremony, async (c) => c.json(await ceremonyActs(c.get('platform').db, c.req.valid('param').id), 200));
  app.openapi(r.chooseCeremony, async (c) =>
    c.json(await chooseCeremonyActs(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.createRound, async (c) =>
    c.json(await createRound(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.round, async (c) =>
    c.json(await getRound(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.judgeAccounts, async (c) => c.json(await judgeAccounts(c.get('platform'), callerOf(c)), 200));
  app.openapi(r.updateRound, async (c) =>
    c.json(await updateRound(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.method, async (c) =>
    c.json(await setMethod(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.order, async (c) =>
    c.json(await setOrder(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.running, async (c) => c.json(await runningOrder(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(r.now, async (c) =>
    c.json(
      await setNowPerforming(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').position),
      200,
    ),
  );
  app.openapi(r.sheets, async (c) =>
    c.json(await listSheets(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.save, async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveSheet(c.get('platform'), callerOf(c), p.id, p.entryId, c.req.valid('json')), 200);
  });
  app.openapi(r.lock, async (c) => {
    const p = c.req.valid('param');
    return c.json(await lockSheet(c.get('platform'), callerOf(c), p.id, p.entryId, c.req.valid('json')), 200);
  });
  app.openapi(r.amend, async (c) => {
    const p = c.req.valid('param');
    return c.json(await amendSheet(c.get('platform'), callerOf(c), p.id, p.sheetId, c.req.valid('json')), 200);
  });
  app.openapi(r.recuse, async (c) => {
    const id = c.req.valid('param').id;
    await declareRecusal(c.get('platform'), callerOf(c), id, c.req.valid('json'));
    return c.json(await getRound(c.get('platform'), callerOf(c), id), 200);
  });
  app.openapi(r.close, async (c) => {
    await closeRound(c.get('platform'), callerOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(r.certify, async (c) => {
    const id = c.req.valid('param').id;
    await certifyRound(c.get('platform'), callerOf(c), id);
    return c.json(await roundResults(c.get('platform'), callerOf(c), id), 200);
  });
  app.openapi(r.results, async (c) =>
    c.json(await roundResults(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.prizes, async (c) =>
    c.json(await setPrizes(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
