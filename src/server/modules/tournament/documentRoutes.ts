import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DOCX, PDF, XLSX } from '../../documents/mediaTypes.ts';
import type { AppContext, AppEnv } from '../../platform/http/context.ts';
import { day } from '../../platform/http/params.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { binaryBody, download } from '../../platform/http/files.ts';
import {
  certificatesPdf,
  drawPdf,
  drawXlsx,
  medalTablePdf,
  medalTableXlsx,
  orderOfPlayPdf,
  orderOfPlayXlsx,
  resultsFile,
  scoreSheetsPdf,
} from './documents.ts';
import { issueNotice, noticeNumber } from './noticeNumber.ts';
import { eventParam, idParam, noticeNumberOut } from './schema.ts';

/**
 * The tournament's files: who follows the tournament (`tournament.read`) may download the draw
 * sheets, the order of play, the results and the medal table; the umpires and organisers
 * (`tournament.score`) the score sheets; the organisers (`tournament.manage`) the certificates.
 */
const tags = ['tournament'];
const base = '/api/tournaments';
const binary = (type: string, description: string) => ({ 200: binaryBody(type, description) });
const uuid = z.string().uuid();
export const scoreSheetQuery = z.object({
  day: day.optional().openapi({ description: 'The matches of this day in the order of play' }),
  matchId: uuid.optional().openapi({ description: 'One match' }),
  eventId: uuid.optional().openapi({ description: 'Only this event’s matches (with day)' }),
});

const r = {
  noticeNumber: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/results-notice`,
    tags,
    summary: 'Số thông báo kết quả / The results notice’s number',
    request: { params: idParam },
    responses: { 200: jsonResponse(noticeNumberOut, 'The number, or null before issue') },
  }),
  issueNotice: apiRoute('tournament.manage', {
    method: 'post',
    path: `${base}/{id}/results-notice/issue`,
    tags,
    summary: 'Cấp số thông báo kết quả / Issue the results notice',
    description:
      'Takes the next TB number of the term from the office’s outgoing register, once, after every event is decided (else 409); a second issue answers 409.',
    request: { params: idParam },
    responses: { 200: jsonResponse(noticeNumberOut, 'The number the notice now prints') },
  }),
  drawPdf: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/events/{eventId}/draw.pdf`,
    tags,
    summary: 'Sơ đồ thi đấu (PDF) / Draw sheet',
    description:
      'The bracket’s lines with seeds, units and byes and the winners so far, or the groups with their tables.',
    request: { params: eventParam },
    responses: binary(PDF, 'PDF'),
  }),
  drawXlsx: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/events/{eventId}/draw.xlsx`,
    tags,
    summary: 'Sơ đồ thi đấu (.xlsx) / Draw sheet',
    request: { params: eventParam },
    responses: binary(XLSX, 'Spreadsheet'),
  }),
  orderPdf: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/order-of-play.pdf`,
    tags,
    summary: 'Lịch thi đấu (PDF) / Order of play',
    description: 'A page per day, matches by time and court.',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  orderXlsx: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/order-of-play.xlsx`,
    tags,
    summary: 'Lịch thi đấu (.xlsx) / Order of play',
    request: { params: idParam },
    responses: binary(XLSX, 'Spreadsheet'),
  }),
  scoreSheets: apiRoute('tournament.score', {
    method: 'get',
    path: `${base}/{id}/score-sheets.pdf`,
    tags,
    summary: 'Phiếu ghi điểm / Score sheets',
    description: 'One page per match: a match, a day’s matches, or a blank sheet when neither is given.',
    request: { params: idParam, query: scoreSheetQuery },
    responses: binary(PDF, 'PDF'),
  }),
  resultsDocx: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/results.docx`,
    tags,
    summary: 'Thông báo kết quả (.docx) / Results and prize list',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  resultsPdf: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/results.pdf`,
    tags,
    summary: 'Thông báo kết quả (PDF) / Results and prize list',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  certificates: apiRoute('tournament.manage', {
    method: 'get',
    path: `${base}/{id}/certificates.pdf`,
    tags,
    summary: 'Giấy chứng nhận đạt giải / Medallists’ certificates',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  medalsPdf: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/medals.pdf`,
    tags,
    summary: 'Xếp hạng toàn đoàn (PDF) / Medal table by unit',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  medalsXlsx: apiRoute('tournament.read', {
    method: 'get',
    path: `${base}/{id}/medals.xlsx`,
    tags,
    summary: 'Xếp hạng toàn đoàn (.xlsx) / Medal table by unit',
    request: { params: idParam },
    responses: binary(XLSX, 'Spreadsheet'),
  }),
};

export function registerTournamentDocumentRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: AppContext) => c.get('platform');
  app.openapi(r.noticeNumber, async (c) => c.json({ issued: await noticeNumber(p(c), c.req.valid('param').id) }, 200));
  app.openapi(r.issueNotice, async (c) =>
    c.json({ issued: await issueNotice(p(c), callerOf(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(r.drawPdf, async (c) => {
    const { id, eventId } = c.req.valid('param');
    return download(await drawPdf(p(c), id, eventId), PDF, 'so-do-thi-dau.pdf') as never;
  });
  app.openapi(r.drawXlsx, async (c) => {
    const { id, eventId } = c.req.valid('param');
    return download(await drawXlsx(p(c), id, eventId), XLSX, 'so-do-thi-dau.xlsx') as never;
  });
  app.openapi(
    r.orderPdf,
    async (c) => download(await orderOfPlayPdf(p(c), c.req.valid('param').id), PDF, 'lich-thi-dau.pdf') as never,
  );
  app.openapi(
    r.orderXlsx,
    async (c) => download(await orderOfPlayXlsx(p(c), c.req.valid('param').id), XLSX, 'lich-thi-dau.xlsx') as never,
  );
  app.openapi(
    r.scoreSheets,
    async (c) =>
      download(
        await scoreSheetsPdf(p(c), c.req.valid('param').id, c.req.valid('query')),
        PDF,
        'phieu-ghi-diem.pdf',
      ) as never,
  );
  app.openapi(
    r.resultsDocx,
    async (c) =>
      download(await resultsFile(p(c), c.req.valid('param').id, 'docx'), DOCX, 'thong-bao-ket-qua.docx') as never,
  );
  app.openapi(
    r.resultsPdf,
    async (c) =>
      download(await resultsFile(p(c), c.req.valid('param').id, 'pdf'), PDF, 'thong-bao-ket-qua.pdf') as never,
  );
  app.openapi(
    r.certificates,
    async (c) =>
      download(await certificatesPdf(p(c), callerOf(c), c.req.valid('param').id), PDF, 'giay-chung-nhan.pdf') as never,
  );
  app.openapi(
    r.medalsPdf,
    async (c) => download(await medalTablePdf(p(c), c.req.valid('param').id), PDF, 'xep-hang-toan-doan.pdf') as never,
  );
  app.openapi(
    r.medalsXlsx,
    async (c) =>
      download(await medalTableXlsx(p(c), c.req.valid('param').id), XLSX, 'xep-hang-toan-doan.xlsx') as never,
  );
}
