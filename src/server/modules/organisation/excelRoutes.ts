import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { actorOf, principalOf } from '../../platform/http/context.ts';
import { apiRoute, jsonResponse } from '../../platform/http/route.ts';
import { fail } from '../../platform/http/errors.ts';
import { withUploadSlot } from '../../platform/files/slots.ts';
import { XLSX as XLSX_CONTENT_TYPE } from '../../documents/mediaTypes.ts';

// exceljs costs about half a second and 30 MB to load: it is loaded by the first Excel request,
// not at every start.
const excel = () => import('./excel.ts');
import { exportQuery, idParam, importPreview, importResult, kindQuery } from './schema.ts';

/** Excel in and out: the template, the upload with its preview, the confirm, the export. */
const tags = ['organisation'];
const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
});

const templateRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/organisation/template.xlsx',
  tags,
  summary: 'Tải mẫu Excel / Download the Excel template',
  request: { query: kindQuery },
  responses: { 200: xlsxResponse('The template, with a sheet that explains each column') },
});
const uploadRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/organisation/imports',
  tags,
  summary: 'Tải lên tệp Excel để xem trước / Upload an .xlsx for preview',
  description:
    'The body is the .xlsx file itself (at most 1 MB). Every row is checked; the answer names each problem (row, column, what is wrong, ' +
    'in Vietnamese and English). Nothing is saved until the file has no problem and the import is confirmed.',
  request: {
    query: kindQuery.extend({ fileName: z.string().max(200).optional() }),
    body: { required: true, content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: { 201: jsonResponse(importPreview, 'The preview') },
});
const getImportRoute = apiRoute('unit.edit', {
  method: 'get',
  path: '/api/organisation/imports/{id}',
  tags,
  summary: 'Xem lại bản xem trước / A staged import',
  request: { params: idParam },
  responses: { 200: jsonResponse(importPreview, 'The preview') },
});
const confirmRoute = apiRoute('unit.edit', {
  method: 'post',
  path: '/api/organisation/imports/{id}/confirm',
  tags,
  summary: 'Xác nhận nhập / Confirm an import',
  description: 'Checks every row again and saves them all in one transaction, or nothing.',
  request: { params: idParam },
  responses: { 201: jsonResponse(importResult, 'Imported') },
});
const exportRoute = apiRoute('organisation.read', {
  method: 'get',
  path: '/api/organisation/export.xlsx',
  tags,
  summary: 'Xuất Excel / Export to Excel',
  description:
    'The current view — the same filters as GET /api/units (q, asOf, parentId, unitKind) or GET /api/people (q, unitId) — at most 50,000 rows.',
  request: { query: exportQuery },
  responses: { 200: xlsxResponse('The .xlsx file') },
});

const download = (bytes: Uint8Array, name: string) =>
  new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });

const caller = (c: Parameters<Parameters<OpenAPIHono<AppEnv>['openapi']>[1]>[0]) => ({
  actor: actorOf(c),
  grants: principalOf(c).grants,
});

export function registerExcelRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(templateRoute, async (c) => {
    const { kind } = c.req.valid('query');
    return download(
      await (await excel()).template(kind),
      `mau-${kind === 'units' ? 'don-vi' : 'nhan-su'}.xlsx`,
    ) as never;
  });
  app.openapi(uploadRoute, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== XLSX_CONTENT_TYPE && type !== 'application/octet-stream') throw fail.unsupportedMediaType();
    const { kind, fileName } = c.req.valid('query');
    const who = caller(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer()); // before the slot: a slow sender holds none
    const preview = await withUploadSlot(who.actor.userId, async () =>
      (await excel()).previewImport(c.get('platform'), who, kind, bytes, fileName?.normalize('NFC') ?? null),
    );
    return c.json(preview, 201);
  });
  app.openapi(getImportRoute, async (c) =>
    c.json(await (await excel()).getImport(c.get('platform'), caller(c), c.req.valid('param').id), 200),
  );
  app.openapi(confirmRoute, async (c) =>
    c.json(await (await excel()).confirmImport(c.get('platform'), caller(c), c.req.valid('param').id), 201),
  );
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    return download(
      await (await excel()).exportXlsx(c.get('platform'), caller(c), q.kind, q),
      `${q.kind === 'units' ? 'don-vi' : 'nhan-su'}.xlsx`,
    ) as never;
  });
}
