import { z } from '@hono/zod-openapi';

/**
 * Routes that answer a file rather than JSON: the OpenAPI body of a binary answer, and the
 * response that hands the bytes over as a download (never cached: documents are built per caller).
 */
export const binaryBody = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});

export const download = (bytes: Uint8Array, type: string, name: string) =>
  new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
