import { z } from '@hono/zod-openapi';
import { locale, newPassword, requiredText, text, username } from '../../../common/schemas.ts';
import { roles } from '../../platform/policy/permissions.ts';

export const grantInput = z.strictObject({
  role: z.enum(roles),
  unitId: text(64)
    .nullable()
    .transform((v) => (v ? v : null)),
});

export const accountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(['vi', 'en']),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    grants: z.array(z.object({ role: z.string(), unitId: z.string().nullable() })),
  })
  .openapi('Account');

export const accountPage = z.object({
  items: z.array(accountSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A created account, with the password generated for it (shown once), or null when one was given. */
export const accountWithPassword = z.object({ account: accountSchema, generatedPassword: z.string().nullable() });
export const generatedPasswordOut = z.object({ generatedPassword: z.string().nullable() });

const bilingual = z.object({ vi: z.string(), en: z.string() });
export const rolesOut = z
  .object({
    roles: z.array(z.object({ role: z.string(), label: bilingual, permissions: z.array(z.string()) })),
    permissions: z.array(z.object({ permission: z.string(), label: bilingual })),
  })
  .openapi('Roles');

// The types the web client reads (src/web/modules/accounts/api.ts), from the schemas themselves.
export type Account = z.output<typeof accountSchema>;
export type AccountPage = z.output<typeof accountPage>;
export type AccountWithPassword = z.output<typeof accountWithPassword>;
export type GeneratedPassword = z.output<typeof generatedPasswordOut>;
export type Roles = z.output<typeof rolesOut>;
export type RoleInfo = Roles['roles'][number];
export type CreateAccountInput = z.input<typeof createAccountInput>;
export type UpdateAccountInput = z.input<typeof updateAccountInput>;
export type GrantsInput = z.input<typeof grantsInput>;
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const listQuery = z.object({
  q: text(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional().default(50),
  active: z.enum(['0', '1']).optional(),
});

export const createAccountInput = z.strictObject({
  username,
  displayName: requiredText(200),
  password: newPassword.optional(),
  locale: locale.optional(),
  grants: z.array(grantInput).max(50).optional(),
});

export const updateAccountInput = z.strictObject({
  displayName: requiredText(200).optional(),
  locale: locale.optional(),
  isActive: z.boolean().optional(),
});

export const resetPasswordInput = z.strictObject({ password: newPassword.optional() });

export const grantsInput = z.strictObject({ grants: z.array(grantInput).max(50) });

export const idParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
