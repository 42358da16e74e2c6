import type { Platform } from './platform/platform.ts';
import { systemActor } from './platform/audit/record.ts';
import { generatePassword } from './platform/auth/passwords.ts';
import { insertUser } from './platform/auth/users.ts';

/**
 * On an empty database: the first administrator, `admin`, with KYNIEM_ADMIN_PASSWORD or a
 * generated password that is shown once. Returns the generated password, if any.
 */
export async function ensureFirstAdmin(platform: Platform): Promise<string | null> {
  const { n } = await platform.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) return null;
  const generated = platform.config.adminPassword ? null : generatePassword();
  try {
    await platform.db.transaction().execute((tx) =>
      insertUser(
        tx,
        platform.passwords,
        {
          username: 'admin',
          displayName: 'Quản trị hệ thống',
          password: platform.config.adminPassword ?? generated!,
          grants: [{ role: 'system_admin', unitId: null }],
        },
        systemActor('start-up'),
        platform.clock(),
      ),
    );
  } catch (err) {
    // Several processes starting together on one empty database: another one created it first.
    const exists = await platform.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirst();
    if (exists) return null;
    throw err;
  }
  return generated;
}
