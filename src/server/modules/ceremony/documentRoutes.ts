import type { OpenAPIHono } from '@hono/zod-openapi';
import { DOCX, PDF, XLSX } from '../../documents/mediaTypes.ts';
import type { AppContext, AppEnv } from '../../platform/http/context.ts';
import { binaryBody, download } from '../../platform/http/files.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import {
  cueSheetPdf,
  cueSheetXlsx,
  DEFAULT_SEATS_PER_ROW,
  invitationFile,
  invitationsPdf,
  officialFile,
  seatingPdf,
  seatingXlsx,
} from './documents.ts';
import { issueInvitation } from './invitations.ts';
import { clearRehearsal, recordRehearsal } from './rehearsal.ts';
import { ceremonyOut, guestParam, idParam, invitationInput, rehearsalInput, seatingQuery } from './schema.ts';

/**
 * The ceremony's files and the two records they rest on. Who follows the ceremony
 * (`ceremony.read`) may have the programme, the seating plan and, once held, the post-show report;
 * the show's crew (`ceremony.call`: the organisers and the show-caller) the MC's script and the
 * cue sheet; the organisers (`ceremony.manage`) the invitation letters, their number from the
 * office register, and the rehearsal's calibration of the reading pace.
 */
const tags = ['ceremony'];
const base = '/api/ceremonies/{id}';
const binary = (type: string, description: string) => ({ 200: binaryBody(type, description) });

const r = {
  scriptDocx: apiRoute('ceremony.call', {
    method: 'get',
    path: `${base}/script.docx`,
    tags,
    summary: 'Kịch bản chương trình (.docx) / The MC’s script',
    description:
      'Every segment with its planned time, who is on stage, microphones, cues, the MC’s words, the introduction of guests in protocol order, the award batches with honourees and presenters, the festival’s acts.',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  scriptPdf: apiRoute('ceremony.call', {
    method: 'get',
    path: `${base}/script.pdf`,
    tags,
    summary: 'Kịch bản chương trình (PDF) / The MC’s script',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  programmeDocx: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/programme.docx`,
    tags,
    summary: 'Chương trình buổi lễ (.docx) / The printed programme',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  programmePdf: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/programme.pdf`,
    tags,
    summary: 'Chương trình buổi lễ (PDF) / The printed programme',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  cuesXlsx: apiRoute('ceremony.call', {
    method: 'get',
    path: `${base}/cue-sheet.xlsx`,
    tags,
    summary: 'Bảng hiệu lệnh (.xlsx) / Cue sheet',
    description: 'For sound, light and backstage: time, segment, cue, who runs it, who must be ready.',
    request: { params: idParam },
    responses: binary(XLSX, 'Spreadsheet'),
  }),
  cuesPdf: apiRoute('ceremony.call', {
    method: 'get',
    path: `${base}/cue-sheet.pdf`,
    tags,
    summary: 'Bảng hiệu lệnh (PDF) / Cue sheet',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  seatingPdf: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/seating.pdf`,
    tags,
    summary: 'Sơ đồ chỗ ngồi (PDF) / Seating plan',
    description: 'The guests who come, by protocol order: the highest in the centre of the front row.',
    request: { params: idParam, query: seatingQuery },
    responses: binary(PDF, 'PDF'),
  }),
  seatingXlsx: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/seating.xlsx`,
    tags,
    summary: 'Sơ đồ chỗ ngồi (.xlsx) / Seating plan',
    request: { params: idParam, query: seatingQuery },
    responses: binary(XLSX, 'Spreadsheet'),
  }),
  invitationDocx: apiRoute('ceremony.manage', {
    method: 'get',
    path: `${base}/guests/{guestId}/invitation.docx`,
    tags,
    summary: 'Giấy mời một khách (.docx) / A guest’s invitation letter',
    request: { params: guestParam },
    responses: binary(DOCX, 'Word document'),
  }),
  invitationPdf: apiRoute('ceremony.manage', {
    method: 'get',
    path: `${base}/guests/{guestId}/invitation.pdf`,
    tags,
    summary: 'Giấy mời một khách (PDF) / A guest’s invitation letter',
    request: { params: guestParam },
    responses: binary(PDF, 'PDF'),
  }),
  invitationsPdf: apiRoute('ceremony.manage', {
    method: 'get',
    path: `${base}/invitations.pdf`,
    tags,
    summary: 'Giấy mời mọi khách (PDF) / Every guest’s invitation letter',
    description: 'A letter a page, in protocol order.',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  reportDocx: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/report.docx`,
    tags,
    summary: 'Báo cáo kết quả (.docx) / Post-show report',
    description:
      'Planned against actual times, the awards presented, the guests who came; 409 until the ceremony is held.',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  reportPdf: apiRoute('ceremony.read', {
    method: 'get',
    path: `${base}/report.pdf`,
    tags,
    summary: 'Báo cáo kết quả (PDF) / Post-show report',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  issueInvitation: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/invitation`,
    tags,
    summary: 'Cấp số giấy mời / Issue the invitation',
    description: 'Takes the letter’s number (GM) from the office’s outgoing register, once.',
    request: { params: idParam, body: jsonBody(invitationInput) },
    responses: { 200: jsonResponse(ceremonyOut, 'The ceremony with its invitation number') },
  }),
  rehearsal: apiRoute('ceremony.manage', {
    method: 'post',
    path: `${base}/rehearsal`,
    tags,
    summary: 'Ghi thời gian đọc thử / Record a rehearsal timing',
    description: 'A passage and the seconds the MC took; the pace is calibrated from every timing so far.',
    request: { params: idParam, body: jsonBody(rehearsalInput) },
    responses: { 200: jsonResponse(ceremonyOut, 'The ceremony, its reading times at the new pace') },
  }),
  clearRehearsal: apiRoute('ceremony.manage', {
    method: 'delete',
    path: `${base}/rehearsal`,
    tags,
    summary: 'Xóa các lần đọc thử / Clear the rehearsal timings',
    description: 'The pace they gave stays.',
    request: { params: idParam },
    responses: { 200: jsonResponse(ceremonyOut, 'The ceremony') },
  }),
};

export function registerCeremonyDocumentRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: AppContext) => c.get('platform');
  const id = (c: { req: { valid(t: 'param'): { id: string } } }) => c.req.valid('param').id;
  app.openapi(
    r.scriptDocx,
    async (c) =>
      download(await officialFile(p(c), id(c), 'script', 'docx'), DOCX, 'kich-ban-chuong-trinh.docx') as never,
  );
  app.openapi(
    r.scriptPdf,
    async (c) => download(await officialFile(p(c), id(c), 'script', 'pdf'), PDF, 'kich-ban-chuong-trinh.pdf') as never,
  );
  app.openapi(
    r.programmeDocx,
    async (c) => download(await officialFile(p(c), id(c), 'programme', 'docx'), DOCX, 'chuong-trinh.docx') as never,
  );
  app.openapi(
    r.programmePdf,
    async (c) => download(await officialFile(p(c), id(c), 'programme', 'pdf'), PDF, 'chuong-trinh.pdf') as never,
  );
  app.openapi(r.cuesXlsx, async (c) => download(await cueSheetXlsx(p(c), id(c)), XLSX, 'bang-hieu-lenh.xlsx') as never);
  app.openapi(r.cuesPdf, async (c) => download(await cueSheetPdf(p(c), id(c)), PDF, 'bang-hieu-lenh.pdf') as never);
  app.openapi(r.seatingPdf, async (c) => {
    const perRow = c.req.valid('query').perRow ?? DEFAULT_SEATS_PER_ROW;
    return download(await seatingPdf(p(c), id(c), perRow), PDF, 'so-do-cho-ngoi.pdf') as never;
  });
  app.openapi(r.seatingXlsx, async (c) => {
    const perRow = c.req.valid('query').perRow ?? DEFAULT_SEATS_PER_ROW;
    return download(await seatingXlsx(p(c), id(c), perRow), XLSX, 'so-do-cho-ngoi.xlsx') as never;
  });
  app.openapi(r.invitationDocx, async (c) => {
    const q = c.req.valid('param');
    return download(await invitationFile(p(c), q.id, q.guestId, 'docx'), DOCX, 'giay-moi.docx') as never;
  });
  app.openapi(r.invitationPdf, async (c) => {
    const q = c.req.valid('param');
    return download(await invitationFile(p(c), q.id, q.guestId, 'pdf'), PDF, 'giay-moi.pdf') as never;
  });
  app.openapi(r.invitationsPdf, async (c) => download(await invitationsPdf(p(c), id(c)), PDF, 'giay-moi.pdf') as never);
  app.openapi(
    r.reportDocx,
    async (c) => download(await officialFile(p(c), id(c), 'report', 'docx'), DOCX, 'bao-cao-ket-qua.docx') as never,
  );
  app.openapi(
    r.reportPdf,
    async (c) => download(await officialFile(p(c), id(c), 'report', 'pdf'), PDF, 'bao-cao-ket-qua.pdf') as never,
  );
  app.openapi(r.issueInvitation, async (c) =>
    c.json(await issueInvitation(p(c), callerOf(c), id(c), c.req.valid('json')), 200),
  );
  app.openapi(r.rehearsal, async (c) =>
    c.json(await recordRehearsal(p(c), callerOf(c), id(c), c.req.valid('json')), 200),
  );
  app.openapi(r.clearRehearsal, async (c) => c.json(await clearRehearsal(p(c), callerOf(c), id(c)), 200));
}
