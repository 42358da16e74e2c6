import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { actorOf } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { permissions, roleLabels, rolePermissions, roles } from '../../platform/policy/permissions.ts';
import {
  accountPage,
  accountSchema,
  accountWithPassword,
  createAccountInput,
  grantsInput,
  idParam,
  listQuery,
  resetPasswordInput,
  generatedPasswordOut,
  rolesOut,
  updateAccountInput,
} from './schema.ts';
import { createAccount, getAccount, listAccounts, replaceGrants, resetPassword, updateAccount } from './service.ts';

const tags = ['accounts'];

const list = apiRoute('accounts.read', {
  method: 'get',
  path: '/api/accounts',
  tags,
  summary: 'Danh sách tài khoản / List accounts',
  description:
    'Paginated with `page` (from 1) and `pageSize` (at most 200); `q` searches username and name without regard to diacritics.',
  request: { query: listQuery },
  responses: { 200: jsonResponse(accountPage, 'A page of accounts') },
});
const create = apiRoute('accounts.manage', {
  method: 'post',
  path: '/api/accounts',
  tags,
  summary: 'Tạo tài khoản / Create an account',
  description: 'Without a password one is generated and returned once. The user must change it at first sign-in.',
  request: { body: jsonBody(createAccountInput) },
  responses: { 201: jsonResponse(accountWithPassword, 'Created') },
});
const get = apiRoute('accounts.read', {
  method: 'get',
  path: '/api/accounts/{id}',
  tags,
  summary: 'Một tài khoản / One account',
  request: { params: idParam },
  responses: { 200: jsonResponse(accountSchema, 'The account') },
});
const update = apiRoute('accounts.manage', {
  method: 'patch',
  path: '/api/accounts/{id}',
  tags,
  summary: 'Sửa tài khoản / Update an account',
  request: { params: idParam, body: jsonBody(updateAccountInput) },
  responses: { 200: jsonResponse(accountSchema, 'Updated') },
});
const reset = apiRoute('accounts.manage', {
  method: 'post',
  path: '/api/accounts/{id}/reset-password',
  tags,
  summary: 'Đặt lại mật khẩu / Reset a password',
  description:
    "Sets a new password (generated when none is given) that the user must change; ends the user's sessions.",
  request: { params: idParam, body: jsonBody(resetPasswordInput) },
  responses: { 200: jsonResponse(generatedPasswordOut, 'Reset') },
});
const grants = apiRoute('accounts.manage', {
  method: 'put',
  path: '/api/accounts/{id}/grants',
  tags,
  summary: 'Phân quyền / Set roles',
  description:
    'Replaces the roles granted to the account. A role with a unit covers that unit and its subtree; without one, every unit.',
  request: { params: idParam, body: jsonBody(grantsInput) },
  responses: { 200: jsonResponse(accountSchema, 'Roles set') },
});
const roleList = apiRoute('signed-in', {
  method: 'get',
  path: '/api/roles',
  tags,
  summary: 'Các vai trò / The roles',
  responses: {
    200: jsonResponse(rolesOut, 'Roles and what they allow'),
  },
});

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listAccounts(c.get('platform'), c.req.valid('query')), 200));
  app.openapi(create, async (c) =>
    c.json(await createAccount(c.get('platform'), c.req.valid('json'), actorOf(c)), 201),
  );
  app.openapi(get, async (c) => c.json(await getAccount(c.get('platform'), c.req.valid('param').id), 200));
  app.openapi(update, async (c) =>
    c.json(await updateAccount(c.get('platform'), c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  );
  app.openapi(reset, async (c) =>
    c.json(
      await resetPassword(c.get('platform'), c.req.valid('param').id, c.req.valid('json').password, actorOf(c)),
      200,
    ),
  );
  app.openapi(grants, async (c) =>
    c.json(
      await replaceGrants(c.get('platform'), c.req.valid('param').id, c.req.valid('json').grants, actorOf(c)),
      200,
    ),
  );
  app.openapi(roleList, (c) =>
    c.json(
      {
        roles: roles.map((r) => ({ role: r, label: roleLabels[r], permissions: [...rolePermissions[r]] })),
        permissions: Object.entries(permissions).map(([permission, label]) => ({ permission, label })),
      },
      200,
    ),
  );
}
