import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DOCX, PDF } from '../../documents/mediaTypes.ts';
import type { AppContext, AppEnv } from '../../platform/http/context.ts';
import { binaryBody, download } from '../../platform/http/files.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { decisionNumber, issueDecision } from './decisionNumber.ts';
import { certificatesPdf, minutesFile, resultsFile, scoreSheetsPdf } from './documents.ts';
import { idParam, decisionNumberOut } from './schema.ts';

/**
 * The festival's files, per round. Record-level access is the service's: score sheets for the
 * panel and the organisers (filled ones, and the minutes, only once the round is closed and only
 * for the head judge and the organisers); the prize decision for everyone who follows the festival
 * once certified; the certificates for the organisers (`festival.manage`).
 */
const tags = ['festival'];
const rounds = '/api/festival-rounds';
const binary = (type: string, description: string) => ({ 200: binaryBody(type, description) });
export const scoreSheetQuery = z.object({
  judgeId: z.string().uuid().optional().openapi({ description: 'One judge’s sheet' }),
  filled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'With the locked marks (closed round; head judge and organisers)' }),
});

const r = {
  decisionNumber: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/decision`,
    tags,
    summary: 'Số quyết định trao giải / The prize decision’s number',
    request: { params: idParam },
    responses: { 200: jsonResponse(decisionNumberOut, 'The number, or null before issue') },
  }),
  issueDecision: apiRoute('festival.manage', {
    method: 'post',
    path: `${rounds}/{id}/decision/issue`,
    tags,
    summary: 'Cấp số quyết định trao giải / Issue the prize decision',
    description:
      'Takes the next QĐ number of the term from the office’s outgoing register, once, after the head judge certified the round (else 409); a second issue answers 409.',
    request: { params: idParam },
    responses: { 200: jsonResponse(decisionNumberOut, 'The number the decision now prints') },
  }),
  scoreSheets: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/score-sheets.pdf`,
    tags,
    summary: 'Phiếu chấm điểm / Score sheets',
    description:
      'A page per judge, the acts in running order: blank (with one unnamed sheet first when no judge is chosen), or filled with the locked marks.',
    request: { params: idParam, query: scoreSheetQuery },
    responses: binary(PDF, 'PDF'),
  }),
  minutesDocx: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/minutes.docx`,
    tags,
    summary: 'Biên bản chấm thi (.docx) / Judges’ minutes',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  minutesPdf: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/minutes.pdf`,
    tags,
    summary: 'Biên bản chấm thi (PDF) / Judges’ minutes',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  resultsDocx: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/decision.docx`,
    tags,
    summary: 'Quyết định công nhận kết quả và trao giải (.docx) / Results and prize decision',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  resultsPdf: apiRoute('festival.read', {
    method: 'get',
    path: `${rounds}/{id}/decision.pdf`,
    tags,
    summary: 'Quyết định công nhận kết quả và trao giải (PDF) / Results and prize decision',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  certificates: apiRoute('festival.manage', {
    method: 'get',
    path: `${rounds}/{id}/certificates.pdf`,
    tags,
    summary: 'Giấy chứng nhận đạt giải / Prize winners’ certificates',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
};

export function registerFestivalDocumentRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: AppContext) => c.get('platform');
  app.openapi(r.decisionNumber, async (c) =>
    c.json({ issued: await decisionNumber(p(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(r.issueDecision, async (c) =>
    c.json({ issued: await issueDecision(p(c), callerOf(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(r.scoreSheets, async (c) => {
    const query = c.req.valid('query');
    return download(
      await scoreSheetsPdf(p(c), callerOf(c), c.req.valid('param').id, query),
      PDF,
      query.filled ? 'phieu-cham-diem-da-cham.pdf' : 'phieu-cham-diem.pdf',
    ) as never;
  });
  app.openapi(
    r.minutesDocx,
    async (c) =>
      download(
        await minutesFile(p(c), callerOf(c), c.req.valid('param').id, 'docx'),
        DOCX,
        'bien-ban-cham-thi.docx',
      ) as never,
  );
  app.openapi(
    r.minutesPdf,
    async (c) =>
      download(
        await minutesFile(p(c), callerOf(c), c.req.valid('param').id, 'pdf'),
        PDF,
        'bien-ban-cham-thi.pdf',
      ) as never,
  );
  app.openapi(
    r.resultsDocx,
    async (c) =>
      download(
        await resultsFile(p(c), callerOf(c), c.req.valid('param').id, 'docx'),
        DOCX,
        'quyet-dinh-trao-giai.docx',
      ) as never,
  );
  app.openapi(
    r.resultsPdf,
    async (c) =>
      download(
        await resultsFile(p(c), callerOf(c), c.req.valid('param').id, 'pdf'),
        PDF,
        'quyet-dinh-trao-giai.pdf',
      ) as never,
  );
  app.openapi(
    r.certificates,
    async (c) =>
      download(await certificatesPdf(p(c), callerOf(c), c.req.valid('param').id), PDF, 'giay-chung-nhan.pdf') as never,
  );
}
