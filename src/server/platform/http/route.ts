import { timingSafeEqual } from 'node:crypto';
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { holdsAnywhere } from '../policy/policy.ts';
import { requireKnown, type Permission } from '../policy/permissions.ts';
import type { AppEnv } from './context.ts';
import { AppError, fail } from './errors.ts';
import { checkResponse, responseChecksOn } from './responseCheck.ts';

/**
 * What a route needs: "public", "signed-in", or a permission the user must hold on some unit.
 * Every /api route is made with `apiRoute`, which puts this in the OpenAPI document as
 * `x-kyniem-access` and checks it before the request is validated or handled.
 */
export type Access = 'public' | 'signed-in' | Permission;

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser sends Origin on cross-site writes; refuse one that is not this site. */
function foreignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export type GuardOptions = {
  /** Usable while the user must still change a reset password (the auth routes). */
  allowPendingPasswordChange?: boolean;
  /** Check the route's 2xx answers against its declared schemas (responseCheck.ts); default KYNIEM_CHECK_RESPONSES=1. */
  checkResponses?: boolean;
};

export function guard(access: Access, options: GuardOptions = {}): MiddlewareHandler<AppEnv> {
  // Refuses a permission nobody declares (at once, or when the module list is installed).
  if (access !== 'public' && access !== 'signed-in') requireKnown(access);
  // Not async: a refusal is thrown, and Hono's chain turns it into the error answer as before.
  return (c, next) => {
    const writes = stateChanging.has(c.req.method);
    if (writes) {
      const host = (c.get('platform').config.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host');
      if (foreignOrigin(c.req.header('origin'), host)) throw fail.csrf();
    }
    if (access !== 'public') {
      const p = c.get('principal');
      if (!p) throw fail.unauthenticated();
      if (writes && !sameToken(c.req.header('x-csrf-token'), p.csrfToken)) throw fail.csrf();
      if (p.mustChangePassword && !options.allowPendingPasswordChange) {
        throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', {
          vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
          en: 'You must change your password before going on.',
        });
      }
      if (access !== 'signed-in' && !holdsAnywhere(p.grants, access)) throw fail.forbidden();
    }
    return next();
  };
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      messages: z.object({ vi: z.string(), en: z.string() }),
      details: z
        .array(
          z.object({
            in: z.string(),
            path: z.string(),
            code: z.string(),
            message: z.string(),
            messages: z.object({ vi: z.string(), en: z.string() }),
          }),
        )
        .optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

const standardErrors = {
  400: errorResponse('Dữ liệu không hợp lệ / invalid input'),
  401: errorResponse('Chưa đăng nhập / not signed in'),
  403: errorResponse('Không có quyền / forbidden'),
  404: errorResponse('Không tìm thấy / not found'),
  409: errorResponse('Xung đột / conflict'),
  413: errorResponse('Quá lớn / too large'),
  415: errorResponse('Sai kiểu nội dung / unsupported media type'),
  429: errorResponse('Quá nhiều yêu cầu / too many requests'),
};

/**
 * Declares an /api route with its access and the standard error responses. Its success responses
 * are its own to declare, each with a real schema (ADR 14); in tests they are checked at run time.
 */
export function apiRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  access: Access,
  config: R,
  options: GuardOptions = {},
) {
  const responses = { ...standardErrors, ...config.responses };
  const checked = options.checkResponses ?? responseChecksOn;
  const route = {
    ...config,
    responses,
    middleware: checked
      ? [guard(access, options), checkResponse({ method: config.method, path: config.path, responses })]
      : [guard(access, options)],
    'x-kyniem-access': access,
  };
  return createRoute(route as unknown as R & { middleware: MiddlewareHandler<AppEnv>[] });
}

/** A JSON request body that must be present and hold nothing beyond the schema. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    description,
    content: { 'application/json': { schema } },
  };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
