import { callerOf } from '../../platform/policy/caller.ts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { fail } from '../../platform/http/errors.ts';
import { contentDisposition, safeFileName } from '../../platform/files/names.ts';
import { withUploadSlot } from '../../platform/files/slots.ts';
import { DOCX, PDF, XLSX } from '../../documents/mediaTypes.ts';
import { formFilePreviewOut, formQuery, reportFormOut, periodIdSchema, totalsQuery } from './schema.ts';

// exceljs and docx cost about half a second and tens of MB to load: the first download loads them.
const excel = () => import('./excel.ts');
const documents = () => import('./documents.ts');
const printed = () => import('./printedForm.ts');

/** Reporting's files: the form as .xlsx and back, the form printed (.pdf/.docx), the totals as .xlsx, the drafted narrative report as .docx. */
const tags = ['reporting'];
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});
const xlsxBody = { required: true, content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } };
const confirmQuery = formQuery.extend({
  version: z.coerce.number().int().min(0).max(1_000_000_000).optional().openapi({
    description: 'The report version the preview showed (`currentVersion`); a save over a newer one is refused (409)',
  }),
});
const reportQuery = formQuery.extend({
  periodId: periodIdSchema.openapi({
    description:
      "One of the template's periods, or a quarter, half-year or year containing them (a monthly template's `2019H1`: the 6-month report)",
  }),
});

const printQuery = formQuery.extend({
  periodId: periodIdSchema.optional().openapi({
    description:
      "One of the template's periods: the unit's figures for it are printed in. Without it the period and the figures are left blank to fill in by hand.",
  }),
});
const printDescription =
  "The template's printable layout: the unit's letterhead, the title with the period, a table with a line per indicator under its section and a line per breakdown cell (unit of measure, figure, note), compulsory indicators marked (*), the rules between indicators and the deadline, and the signature block.";

const r = {
  printPdf: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/form.pdf',
    tags,
    summary: 'In biểu mẫu (.pdf) / The form printed, as PDF',
    description: printDescription,
    request: { query: printQuery },
    responses: { 200: binary(PDF, 'PDF') },
  }),
  printDocx: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/form.docx',
    tags,
    summary: 'In biểu mẫu (.docx) / The form printed, as Word',
    description: printDescription,
    request: { query: printQuery },
    responses: { 200: binary(DOCX, 'Word document') },
  }),
  form: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/form.xlsx',
    tags,
    summary: 'Tải mẫu báo cáo Excel / The form as .xlsx',
    description:
      "The template for a unit and period with the values so far: a title block, one row per indicator cell (code, name, breakdown, unit, compulsory, value, comment), Excel's data validation, protected labels and hidden ids that the upload is matched by.",
    request: { query: formQuery },
    responses: { 200: binary(XLSX, 'The form') },
  }),
  preview: apiRoute('reporting.submit', {
    method: 'post',
    path: '/api/reporting/form.xlsx/preview',
    tags,
    summary: 'Xem trước tệp báo cáo Excel / Preview an uploaded form',
    description:
      'The body is the .xlsx itself (at most 1 MB), uploaded to the form of the query. Every problem is named by its row: a file of another template, unit or period, a report that cannot be ' +
      'edited now, rows not in the form, values of the wrong type (errors); compulsory cells and the rules between indicators (warnings: a draft may break them). The rows come back beside the ' +
      'current values. Nothing is saved.',
    request: { query: formQuery, body: xlsxBody },
    responses: { 200: jsonResponse(formFilePreviewOut, 'The preview') },
  }),
  confirm: apiRoute('reporting.submit', {
    method: 'post',
    path: '/api/reporting/form.xlsx/confirm',
    tags,
    summary: 'Lưu số liệu từ tệp Excel / Save an uploaded form as a draft',
    description:
      'The same file again: it is read and checked again and, with no error, its values are saved as a draft exactly as PUT /api/reporting/reports saves them (value history, totals, audit).',
    request: { query: confirmQuery, body: xlsxBody },
    responses: { 200: jsonResponse(reportFormOut, 'The form') },
  }),
  totals: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/totals.xlsx',
    tags,
    summary: 'Xuất số liệu tổng hợp (.xlsx) / Totals as .xlsx',
    description:
      "The same totals as GET /api/reporting/totals, a column per breakdown category, and a second sheet with each child unit's totals for the range; formatted for printing.",
    request: { query: totalsQuery.omit({ indicatorIds: true }) },
    responses: { 200: binary(XLSX, 'The workbook') },
  }),
  report: apiRoute('reporting.read', {
    method: 'get',
    path: '/api/reporting/report.docx',
    tags,
    summary: 'Dự thảo báo cáo (.docx) / The drafted narrative report',
    description:
      "BÁO CÁO in the Party's format: the figures as sentences and a table beside the period before and the same period last year, who has reported, and the headings a person finishes.",
    request: { query: reportQuery },
    responses: { 200: binary(DOCX, 'Word document') },
  }),
};

const download = (bytes: Uint8Array, type: string, name: string, extension: string) =>
  new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': contentDisposition('attachment', safeFileName(name, extension)),
      'cache-control': 'no-store',
    },
  });

async function xlsxOf(c: AppContext): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== XLSX && type !== 'application/octet-stream') throw fail.unsupportedMediaType(XLSX);
  return new Uint8Array(await c.req.arrayBuffer());
}

export function registerReportingFileRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.form, async (c) => {
    const file = await (await excel()).formXlsx(c.get('platform'), callerOf(c), c.req.valid('query'));
    return download(file.bytes, XLSX, file.fileName, 'xlsx') as never;
  });
  app.openapi(r.preview, async (c) => {
    const caller = callerOf(c);
    const bytes = await xlsxOf(c); // before the slot: a slow sender holds none
    const answer = await withUploadSlot(caller.actor.userId, async () =>
      (await excel()).previewFormXlsx(c.get('platform'), caller, c.req.valid('query'), bytes),
    );
    return c.json(answer, 200);
  });
  app.openapi(r.confirm, async (c) => {
    const caller = callerOf(c);
    const bytes = await xlsxOf(c); // before the slot: a slow sender holds none
    const answer = await withUploadSlot(caller.actor.userId, async () =>
      (await excel()).confirmFormXlsx(c.get('platform'), caller, c.req.valid('query'), bytes),
    );
    return c.json(answer, 200);
  });
  app.openapi(r.totals, async (c) => {
    const file = await (await excel()).totalsXlsx(c.get('platform'), callerOf(c), c.req.valid('query'));
    return download(file.bytes, XLSX, file.fileName, 'xlsx') as never;
  });
  app.openapi(r.printPdf, async (c) => {
    const file = await (await printed()).printedForm(c.get('platform'), callerOf(c), c.req.valid('query'), 'pdf');
    return download(file.bytes, PDF, file.fileName, 'pdf') as never;
  });
  app.openapi(r.printDocx, async (c) => {
    const file = await (await printed()).printedForm(c.get('platform'), callerOf(c), c.req.valid('query'), 'docx');
    return download(file.bytes, DOCX, file.fileName, 'docx') as never;
  });
  app.openapi(r.report, async (c) => {
    const file = await (await documents()).reportDocx(c.get('platform'), callerOf(c), c.req.valid('query'));
    return download(file.bytes, DOCX, file.fileName, 'docx') as never;
  });
}
