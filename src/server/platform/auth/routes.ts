import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { actorOf, principalOf, type AppContext, type AppEnv } from '../http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../http/route.ts';
import { rolePermissions, type Permission } from '../policy/permissions.ts';
import type { Grant } from '../policy/policy.ts';
import { recordAudit } from '../audit/record.ts';
import { fold } from '../../../common/text.ts';
import { changePasswordInput, loginInput, meSchema, updateMeInput } from './schema.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { todayOf } from '../clock/clock.ts';
import type { Platform } from '../platform.ts';
import { changeOwnPassword, signIn, signOut } from './service.ts';

/** What the web app needs of the system's clock: its today and, when set, the demo date (ADR 30). */
const clockOf = (platform: Platform) => ({
  today: todayOf(platform.clock),
  demoDate: platform.config.demoDate ?? null,
});

// The permissions of a set of roles, worked out once per set (GET /api/auth/me runs often).
const permissionsByRoles = new Map<string, Permission[]>();
const permissionsOf = (grants: Grant[]): Permission[] => {
  const key = [...new Set(grants.map((g) => g.role))].sort().join(' ');
  let permissions = permissionsByRoles.get(key);
  if (!permissions) {
    permissions = [...new Set(grants.flatMap((g) => rolePermissions[g.role] ?? []))].sort();
    permissionsByRoles.set(key, permissions);
  }
  return permissions;
};

function isHttps(c: AppContext): boolean {
  const trust = c.get('platform').config.trustProxy;
  if (trust && c.req.header('x-forwarded-proto')) return c.req.header('x-forwarded-proto') === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

const login = apiRoute('public', {
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Đăng nhập / Sign in',
  description:
    'Sets an HTTP-only session cookie. Wrong credentials give 401; too many attempts give 429 with Retry-After.',
  request: {
    body: jsonBody(loginInput),
  },
  responses: { 200: jsonResponse(meSchema, 'Signed in') },
});

const logout = apiRoute(
  'signed-in',
  {
    method: 'post',
    path: '/api/auth/logout',
    tags: ['auth'],
    summary: 'Đăng xuất / Sign out',
    responses: { 204: { description: 'Signed out' } },
  },
  { allowPendingPasswordChange: true },
);

const me = apiRoute(
  'signed-in',
  {
    method: 'get',
    path: '/api/auth/me',
    tags: ['auth'],
    summary: 'Người dùng hiện tại / The signed-in user',
    responses: { 200: jsonResponse(meSchema, 'The signed-in user') },
  },
  { allowPendingPasswordChange: true },
);

const updateMe = apiRoute(
  'signed-in',
  {
    method: 'patch',
    path: '/api/auth/me',
    tags: ['auth'],
    summary: 'Đổi tên hiển thị, ngôn ngữ / Change display name or language',
    request: {
      body: jsonBody(updateMeInput),
    },
    responses: { 200: jsonResponse(meSchema, 'Updated') },
  },
  { allowPendingPasswordChange: true },
);

const changePassword = apiRoute(
  'signed-in',
  {
    method: 'post',
    path: '/api/auth/password',
    tags: ['auth'],
    summary: 'Đổi mật khẩu / Change password',
    description: 'Signs out every other session of the user.',
    request: { body: jsonBody(changePasswordInput) },
    responses: { 204: { description: 'Changed' } },
  },
  { allowPendingPasswordChange: true },
);

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(login, async (c) => {
    const platform = c.get('platform');
    const body = c.req.valid('json');
    const result = await signIn(platform, body, {
      ip: c.get('ip') ?? 'unknown',
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
    });
    setCookie(c, SESSION_COOKIE, result.session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      maxAge: platform.config.sessionMaxHours * 3600,
    });
    return c.json(
      {
        user: {
          id: result.user.id,
          username: result.user.username,
          displayName: result.user.displayName,
          locale: result.user.locale,
          mustChangePassword: result.user.mustChangePassword,
        },
        grants: result.grants,
        permissions: permissionsOf(result.grants),
        csrfToken: result.session.csrfToken,
        clock: clockOf(platform),
      },
      200,
    );
  });

  app.openapi(logout, async (c) => {
    await signOut(c.get('platform'), principalOf(c), actorOf(c));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  const meBody = (c: AppContext) => {
    const p = principalOf(c);
    return {
      user: {
        id: p.userId,
        username: p.username,
        displayName: p.displayName,
        locale: p.locale,
        mustChangePassword: p.mustChangePassword,
      },
      grants: p.grants,
      permissions: permissionsOf(p.grants),
      csrfToken: p.csrfToken,
      clock: clockOf(c.get('platform')),
    };
  };

  app.openapi(me, (c) => c.json(meBody(c), 200));

  app.openapi(updateMe, async (c) => {
    const { db, clock } = c.get('platform');
    const p = principalOf(c);
    const input = c.req.valid('json');
    const now = clock();
    await db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('users')
        .select(['display_name', 'locale'])
        .where('id', '=', p.userId)
        .executeTakeFirstOrThrow();
      const change = {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
      };
      if (Object.keys(change).length === 0) return;
      await tx
        .updateTable('users')
        .set({
          ...change,
          ...(input.displayName ? { display_name_folded: fold(input.displayName) } : {}),
          updated_at: now.toISOString(),
        })
        .where('id', '=', p.userId)
        .execute();
      await recordAudit(
        tx,
        actorOf(c),
        { action: 'user.update_self', entityType: 'user', entityId: p.userId, before, after: change },
        now,
      );
    });
    if (input.displayName !== undefined) p.displayName = input.displayName;
    if (input.locale !== undefined) p.locale = input.locale;
    return c.json(meBody(c), 200);
  });

  app.openapi(changePassword, async (c) => {
    await changeOwnPassword(c.get('platform'), principalOf(c), c.req.valid('json'), actorOf(c));
    return c.body(null, 204);
  });
}
