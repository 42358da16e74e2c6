import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { AppEnv } from './context.ts';
import { AppError, type FieldProblem } from './errors.ts';

/**
 * The response check (ADR 14): with KYNIEM_CHECK_RESPONSES=1 — set by the Vitest setup and by the
 * browser journeys' server, never in production — every route made by `apiRoute` validates its
 * own 2xx answers against the schema it declares for that status, so a schema that lies fails the
 * tests that call the route. Off, it is not installed at all: a request pays nothing for it.
 */
export const responseChecksOn = process.env.KYNIEM_CHECK_RESPONSES === '1';

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Whether a declared media type covers the answer's: exactly, or by a range such as image/star or star/star. */
function declaresMediaType(declared: string[], mediaType: string): boolean {
  const major = mediaType.split('/')[0];
  return declared.some((d) => d === mediaType || d === '*/*' || d === `${major}/*`);
}

type Declared = { mediaTypes: string[]; json: ZodType | null };

/** What the route declares for each 2xx status: its media types and, for JSON, the zod schema. */
function declaredAnswers(config: Pick<RouteConfig, 'responses'>): Map<number, Declared> {
  const out = new Map<number, Declared>();
  for (const [status, response] of Object.entries(config.responses)) {
    const code = Number(status);
    if (!(code >= 200 && code < 300)) continue;
    const content = ('content' in response ? response.content : undefined) ?? {};
    const mediaTypes = Object.keys(content);
    const jsonType = mediaTypes.find(isJson);
    const media = jsonType ? (content[jsonType] as { schema?: ZodType } | undefined) : undefined;
    const schema = media?.schema;
    out.set(code, { mediaTypes, json: schema && typeof schema.safeParse === 'function' ? schema : null });
  }
  return out;
}

function mismatch(name: string, status: number, why: string, details: FieldProblem[] = []): AppError {
  return new AppError(
    500,
    'RESPONSE_SCHEMA_MISMATCH',
    {
      vi: `${name} trả lời ${status} không khớp với lược đồ đã khai báo: ${why}`,
      en: `${name} answered ${status} with a body its declared schema refuses: ${why}`,
    },
    details,
  );
}

/** The middleware that checks a route's answers; `apiRoute` installs it when the check is on. */
export function checkResponse(config: Pick<RouteConfig, 'method' | 'path' | 'responses'>): MiddlewareHandler<AppEnv> {
  const name = `${config.method.toUpperCase()} ${config.path}`;
  const declared = declaredAnswers(config);
  return async (c, next) => {
    await next();
    const res = c.res;
    if (res.status < 200 || res.status >= 300) return;
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const answer = declared.get(res.status);
    let error: AppError | null = null;
    if (!answer) error = mismatch(name, res.status, `status ${res.status} is not declared`);
    else if (!mediaType) {
      if (answer.mediaTypes.length > 0 && res.body !== null) error = mismatch(name, res.status, 'no content type');
    } else if (!declaresMediaType(answer.mediaTypes, mediaType)) {
      error = mismatch(name, res.status, `${mediaType} is not declared (${answer.mediaTypes.join(', ') || 'none'})`);
    } else if (isJson(mediaType) && answer.json) {
      const parsed = answer.json.safeParse(await res.clone().json());
      if (!parsed.success) {
        const details = parsed.error.issues.slice(0, 20).map((issue) => ({
          in: 'response',
          path: issue.path.map(String).join('.'),
          code: issue.code,
          messages: { vi: issue.message, en: issue.message },
        }));
        const summary = details.map((d) => `${d.path || '(root)'}: ${d.messages.en}`).join('; ');
        error = mismatch(name, res.status, summary, details);
      }
    }
    if (error) {
      c.get('platform')?.logger.error('response schema mismatch', {
        requestId: c.get('requestId'),
        route: name,
        status: res.status,
        problem: error.messages.en,
      });
      throw error;
    }
  };
}
