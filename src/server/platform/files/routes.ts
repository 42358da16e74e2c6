import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.ts';
import { actorOf, principalOf } from '../http/context.ts';
import { apiRoute, jsonResponse } from '../http/route.ts';
import { text } from '../../../common/schemas.ts';
import { fileKinds } from './mediaTypes.ts';
import { contentDisposition } from './names.ts';
import { storedFile } from './schema.ts';
import { withUploadSlot } from './slots.ts';
import { MAX_UPLOAD_BYTES, readStoredFile, saveUpload } from './store.ts';

const tags = ['files'];
const accepted = Object.values(fileKinds)
  .map((k) => k.label)
  .join(', ');

const r = {
  upload: apiRoute('files.upload', {
    method: 'post',
    path: '/api/files',
    tags,
    summary: 'Tải tệp lên / Upload a file',
    description:
      `The body is the file itself (any content type; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB), \`name\` its name as the person chose it. ` +
      `The kind is read from the bytes, not the name; accepted: ${accepted}. The file stays unowned, visible to its uploader only, ` +
      'until a form that takes `attachmentIds` (e.g. a progress report) attaches it; unowned files are removed after a day.',
    request: {
      query: z.object({ name: text(300).optional() }),
      body: {
        required: true,
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    responses: { 201: jsonResponse(storedFile, 'Stored') },
  }),
  read: apiRoute('signed-in', {
    method: 'get',
    path: '/api/files/{id}',
    tags,
    summary: 'Xem, tải tệp / Open a file',
    description:
      'PDF, images and text open in the browser; Word and Excel files download. Who may read a file is decided by what it is attached to.',
    request: {
      params: z.object({
        id: z
          .string()
          .uuid()
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
      query: z.object({ download: z.enum(['0', '1']).optional() }),
    },
    responses: {
      200: {
        description: 'The file, as the media type its bytes were found to be',
        content: Object.fromEntries(
          Object.values(fileKinds).map((k) => [
            k.mediaType.split(';')[0],
            { schema: z.string().openapi({ format: 'binary' }) },
          ]),
        ),
      },
    },
  }),
};

export function registerFileRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.upload, async (c) => {
    const actor = actorOf(c);
    // The body is read first (its own limit bounds it), so a slow sender holds no slot.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const file = await withUploadSlot(actor.userId, () =>
      saveUpload(c.get('platform'), actor, bytes, c.req.valid('query').name ?? null),
    );
    return c.json(file, 201);
  });
  app.openapi(r.read, async (c) => {
    const file = await readStoredFile(
      c.get('platform'),
      { actor: actorOf(c), grants: principalOf(c).grants },
      c.req.valid('param').id,
    );
    const inline =
      Object.values(fileKinds).some((k) => k.mediaType === file.mediaType && k.inline) &&
      c.req.valid('query').download !== '1';
    return new Response(file.content as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': file.mediaType,
        'content-length': String(file.size),
        'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
        // A file is shown as what it is, never run: nothing loads from it, and but for a PDF (which
        // the browser's viewer needs to open) it is sandboxed: no scripts, no same-origin access.
        'content-security-policy': `${file.mediaType === 'application/pdf' ? '' : 'sandbox; '}default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'`,
        'cache-control': 'private, no-store',
        etag: `"${file.sha256}"`,
      },
    }) as never;
  });
}
