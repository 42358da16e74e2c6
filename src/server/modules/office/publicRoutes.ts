import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import { publicDocumentFile } from './publish.ts';

/**
 * The public website's download of a public document's file: /van-ban/{id}/tai-ve, no session.
 * Anything else (a document not public, no file, an unknown id) is a plain 404.
 */
export function registerOfficePublicRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get('/van-ban/:id/tai-ve', async (c) => {
    try {
      const file = await publicDocumentFile(c.get('platform'), c.req.param('id'));
      return new Response(file.content as unknown as BodyInit, {
        status: 200,
        headers: {
          'content-type': file.mediaType,
          'content-length': String(file.size),
          'content-disposition': contentDisposition('attachment', file.name),
          'cache-control': 'public, max-age=300',
          etag: `"${file.sha256}"`,
          'x-content-type-options': 'nosniff',
          'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
        },
      });
    } catch (err) {
      if (err instanceof AppError && err.status === 404)
        return c.text('Không tìm thấy văn bản công khai. / Public document not found.', 404, {
          'cache-control': 'no-store',
        });
      throw err;
    }
  });
}
