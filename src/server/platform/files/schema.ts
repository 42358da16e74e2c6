import { z } from '@hono/zod-openapi';

/** An uploaded file as the API describes it (what POST /api/files answers, and a record's attachments). */
export const storedFile = z
  .object({ id: z.string(), name: z.string(), size: z.number(), mediaType: z.string(), uploadedAt: z.string() })
  .openapi('StoredFile');

// The type the web client reads (src/web/app/files.ts).
export type StoredFile = z.output<typeof storedFile>;
