import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { PDF, XLSX } from '../../documents/mediaTypes.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { type BookName, officeBook } from './books.ts';
import { acknowledgeDelivery, listInbox, openDelivery, remindNow } from './inbox.ts';
import {
  assignIncoming,
  getIncoming,
  incomingToTask,
  listIncoming,
  markIncomingDone,
  recordIncoming,
} from './incoming.ts';
import { issueDocument, listOutgoing, receiptBoard, resolveRecipients } from './outgoing.ts';
import {
  assignInput,
  bookQuery,
  deliveryParam,
  doneInput,
  fileInput,
  idParam,
  inboxItemOut,
  inboxOut,
  inboxQuery,
  incomingInput,
  incomingListOut,
  incomingOut,
  incomingQuery,
  issueInput,
  outgoingListOut,
  outgoingQuery,
  publicInput,
  receiptBoardOut,
  remindOut,
  resolveInput,
  resolvedOut,
  settingsInput,
  settingsOut,
  taskInput,
  termInput,
} from './schema.ts';
import { attachOutgoingFile, setOutgoingPublic } from './publish.ts';
import { addTerm, getSettings, saveSettings } from './settings.ts';

const tags = ['office'];
const base = '/api/office';
const binary = (description: string) => ({
  description,
  content: {
    [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
    [PDF]: { schema: z.string().openapi({ format: 'binary' }) },
  },
});
const bookParam = z.object({
  book: z.enum(['outgoing', 'incoming', 'tracking', 'slip']).openapi({
    param: { name: 'book', in: 'path' },
    description: 'Sổ văn bản đi, đến, theo dõi giải quyết, phiếu xử lý',
  }),
});

const r = {
  settings: apiRoute('office.read', {
    method: 'get',
    path: `${base}/settings`,
    tags,
    summary: 'Thiết lập sổ văn bản / Register settings',
    responses: { 200: jsonResponse(settingsOut, 'The issuing body, its symbol, the terms') },
  }),
  saveSettings: apiRoute('office.issue', {
    method: 'put',
    path: `${base}/settings`,
    tags,
    summary: 'Lưu thiết lập / Save the register settings',
    request: { body: jsonBody(settingsInput) },
    responses: { 200: jsonResponse(settingsOut, 'The settings') },
  }),
  addTerm: apiRoute('office.issue', {
    method: 'post',
    path: `${base}/terms`,
    tags,
    summary: 'Thêm nhiệm kỳ / Add a term',
    description: 'Numbering starts again from 01 for each type in a new term.',
    request: { body: jsonBody(termInput) },
    responses: { 201: jsonResponse(settingsOut, 'The settings with the term') },
  }),
  resolve: apiRoute('office.issue', {
    method: 'post',
    path: `${base}/recipients/resolve`,
    tags,
    summary: 'Xác định đơn vị nhận / Resolve a "Nơi nhận" list',
    request: { body: jsonBody(resolveInput) },
    responses: { 200: jsonResponse(resolvedOut, 'Each line with the units it stands for') },
  }),
  outgoing: apiRoute('office.read', {
    method: 'get',
    path: `${base}/outgoing`,
    tags,
    summary: 'Sổ văn bản đi / Outgoing register',
    request: { query: outgoingQuery },
    responses: { 200: jsonResponse(outgoingListOut, 'The documents issued, latest first') },
  }),
  issue: apiRoute('office.issue', {
    method: 'post',
    path: `${base}/outgoing`,
    tags,
    summary: 'Ban hành, gửi văn bản / Issue and send a document',
    description:
      'Takes the next number of the type in the term (Hướng dẫn 36-HD/VPTW 1.3.1.a), attaches the file and sends it to the recipient units.',
    request: { body: jsonBody(issueInput) },
    responses: { 201: jsonResponse(receiptBoardOut, 'The document and its recipients') },
  }),
  board: apiRoute('office.read', {
    method: 'get',
    path: `${base}/outgoing/{id}`,
    tags,
    summary: 'Theo dõi nhận văn bản / Receipt board',
    request: { params: idParam },
    responses: { 200: jsonResponse(receiptBoardOut, 'The document and each unit’s receipt') },
  }),
  setPublic: apiRoute('office.issue', {
    method: 'put',
    path: `${base}/outgoing/{id}/public`,
    tags,
    summary: 'Công khai văn bản / Mark a document public (or not)',
    description: 'A public document is listed on the public website and its file may be downloaded without signing in.',
    request: { params: idParam, body: jsonBody(publicInput) },
    responses: { 200: jsonResponse(receiptBoardOut, 'The document') },
  }),
  attachFile: apiRoute('office.issue', {
    method: 'put',
    path: `${base}/outgoing/{id}/file`,
    tags,
    summary: 'Đính kèm bản ký (bản quét) / Attach the signed scan',
    request: { params: idParam, body: jsonBody(fileInput) },
    responses: { 200: jsonResponse(receiptBoardOut, 'The document with its file') },
  }),
  remind: apiRoute('office.issue', {
    method: 'post',
    path: `${base}/outgoing/{id}/reminders`,
    tags,
    summary: 'Nhắc đơn vị chưa xác nhận / Remind the units that have not acknowledged',
    request: { params: idParam },
    responses: { 200: jsonResponse(remindOut, 'How many people were notified') },
  }),
  inbox: apiRoute('office.receive', {
    method: 'get',
    path: `${base}/inbox`,
    tags,
    summary: 'Văn bản đến đơn vị / A unit’s inbox',
    description: 'Only the documents sent to the caller’s units.',
    request: { query: inboxQuery },
    responses: { 200: jsonResponse(inboxOut, 'The documents sent to the caller’s units') },
  }),
  open: apiRoute('office.receive', {
    method: 'post',
    path: `${base}/inbox/{id}/open`,
    tags,
    summary: 'Mở văn bản / Open a document',
    request: { params: deliveryParam },
    responses: { 200: jsonResponse(inboxItemOut, 'The document; the first opening is recorded') },
  }),
  acknowledge: apiRoute('office.receive', {
    method: 'post',
    path: `${base}/inbox/{id}/acknowledgement`,
    tags,
    summary: 'Xác nhận đã nhận / Acknowledge receipt',
    request: { params: deliveryParam },
    responses: { 200: jsonResponse(inboxItemOut, 'The document, acknowledged') },
  }),
  incoming: apiRoute('office.read', {
    method: 'get',
    path: `${base}/incoming`,
    tags,
    summary: 'Sổ văn bản đến / Incoming register',
    request: { query: incomingQuery },
    responses: { 200: jsonResponse(incomingListOut, 'Documents received, latest first') },
  }),
  record: apiRoute('office.incoming', {
    method: 'post',
    path: `${base}/incoming`,
    tags,
    summary: 'Vào sổ văn bản đến / Record an incoming document',
    request: { body: jsonBody(incomingInput) },
    responses: { 201: jsonResponse(incomingOut, 'The document with its arrival number') },
  }),
  getIncoming: apiRoute('office.read', {
    method: 'get',
    path: `${base}/incoming/{id}`,
    tags,
    summary: 'Một văn bản đến / One incoming document',
    request: { params: idParam },
    responses: { 200: jsonResponse(incomingOut, 'The document and its handling') },
  }),
  assign: apiRoute('office.incoming', {
    method: 'put',
    path: `${base}/incoming/{id}/assignment`,
    tags,
    summary: 'Giao xử lý / Assign the handling',
    request: { params: idParam, body: jsonBody(assignInput) },
    responses: { 200: jsonResponse(incomingOut, 'The document with its assignment') },
  }),
  task: apiRoute('office.incoming', {
    method: 'post',
    path: `${base}/incoming/{id}/task`,
    tags,
    summary: 'Đưa vào kế hoạch / Make the assignment a plan task',
    request: { params: idParam, body: jsonBody(taskInput) },
    responses: { 200: jsonResponse(incomingOut, 'The document; its status now comes from the task') },
  }),
  done: apiRoute('office.incoming', {
    method: 'post',
    path: `${base}/incoming/{id}/done`,
    tags,
    summary: 'Đã xử lý xong / Handling done',
    request: { params: idParam, body: jsonBody(doneInput) },
    responses: { 200: jsonResponse(incomingOut, 'The document') },
  }),
  book: apiRoute('office.read', {
    method: 'get',
    path: `${base}/books/{book}`,
    tags,
    summary: 'In sổ / Print a register book',
    description:
      'The outgoing and incoming registers, the tracking book and the handling slips of a year, as .xlsx or .pdf.',
    request: { params: bookParam, query: bookQuery },
    responses: { 200: binary('The book') },
  }),
};

export function registerOfficeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.settings, async (c) => c.json(await getSettings(c.get('platform')), 200));
  app.openapi(r.saveSettings, async (c) =>
    c.json(await saveSettings(c.get('platform'), callerOf(c), c.req.valid('json')), 200),
  );
  app.openapi(r.addTerm, async (c) => c.json(await addTerm(c.get('platform'), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.resolve, async (c) =>
    c.json(await resolveRecipients(c.get('platform'), callerOf(c), c.req.valid('json')), 200),
  );
  app.openapi(r.outgoing, async (c) =>
    c.json(await listOutgoing(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.issue, async (c) =>
    c.json(await issueDocument(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.board, async (c) =>
    c.json(await receiptBoard(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.setPublic, async (c) =>
    c.json(
      await setOutgoingPublic(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').isPublic),
      200,
    ),
  );
  app.openapi(r.attachFile, async (c) =>
    c.json(
      await attachOutgoingFile(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').fileId),
      200,
    ),
  );
  app.openapi(r.remind, async (c) =>
    c.json(await remindNow(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.inbox, async (c) => c.json(await listInbox(c.get('platform'), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.open, async (c) =>
    c.json(await openDelivery(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.acknowledge, async (c) =>
    c.json(await acknowledgeDelivery(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.incoming, async (c) =>
    c.json(await listIncoming(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.record, async (c) =>
    c.json(await recordIncoming(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.getIncoming, async (c) =>
    c.json(await getIncoming(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.assign, async (c) =>
    c.json(await assignIncoming(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.task, async (c) =>
    c.json(await incomingToTask(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.done, async (c) =>
    c.json(
      await markIncomingDone(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').doneOn),
      200,
    ),
  );
  app.openapi(r.book, async (c) => {
    const { book } = c.req.valid('param');
    const q = c.req.valid('query');
    const file = await officeBook(c.get('platform'), callerOf(c), book as BookName, q.year, q.format);
    return new Response(file.bytes as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': q.format === 'pdf' ? PDF : XLSX,
        'content-disposition': contentDisposition('attachment', file.name),
        'cache-control': 'no-store',
      },
    }) as never;
  });
}
