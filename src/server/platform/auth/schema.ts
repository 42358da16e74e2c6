import { z } from '@hono/zod-openapi';
import { locale, newPassword, requiredText, typedText } from '../../../common/schemas.ts';

const grantSchema = z.object({ role: z.string(), unitId: z.string().nullable() });

export const meSchema = z
  .object({
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      locale: z.enum(['vi', 'en']),
      mustChangePassword: z.boolean(),
    }),
    grants: z.array(grantSchema),
    permissions: z.array(z.string()),
    csrfToken: z.string(),
    /** The system's clock (ADR 30): its today, and the demo date it started from when one is set. */
    clock: z.object({ today: z.string(), demoDate: z.string().nullable() }),
  })
  .openapi('Me');

export const loginInput = z.strictObject({ username: typedText(1, 200), password: typedText(1, 1000) });
export const updateMeInput = z.strictObject({ displayName: requiredText(200).optional(), locale: locale.optional() });
export const changePasswordInput = z.strictObject({ currentPassword: typedText(1, 1000), newPassword });

// The types the web client reads (src/web/app/auth.tsx, the sign-in and password screens).
export type Me = z.output<typeof meSchema>;
export type Grant = Me['grants'][number];
export type LoginInput = z.input<typeof loginInput>;
export type UpdateMeInput = z.input<typeof updateMeInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
