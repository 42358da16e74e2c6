import { fold } from '../../../common/text.ts';
import { foldedContains } from '../../platform/db/search.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Actor } from '../../platform/audit/record.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import { generatePassword } from '../../platform/auth/passwords.ts';
import { endSessionsOf } from '../../platform/auth/sessions.ts';
import { insertUser, setPassword, toUserView, type NewUser } from '../../platform/auth/users.ts';
import type { Role } from '../../platform/policy/permissions.ts';

type Grant = { role: Role; unitId: string | null };

const notFound = () => fail.notFound({ vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });

async function grantsByUser(platform: Platform, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, Grant[]>();
  const rows = await platform.db
    .selectFrom('role_grants')
    .select(['user_id', 'role', 'unit_id'])
    .where('user_id', 'in', userIds)
    .orderBy('granted_at')
    .execute();
  const map = new Map<string, Grant[]>();
  for (const r of rows)
    map.set(r.user_id, [...(map.get(r.user_id) ?? []), { role: r.role as Role, unitId: r.unit_id }]);
  return map;
}

export async function listAccounts(
  platform: Platform,
  query: { q?: string; page: number; pageSize: number; active?: '0' | '1' },
) {
  let base = platform.db.selectFrom('users');
  if (query.q) {
    const term = foldedContains(query.q);
    base = base.where((w) => w.or([w('display_name_folded', 'like', term), w('username', 'like', term)]));
  }
  if (query.active) base = base.where('is_active', '=', Number(query.active));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const grants = await grantsByUser(
    platform,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...toUserView(r), grants: grants.get(r.id) ?? [] })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getAccount(platform: Platform, id: string) {
  const row = await platform.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const grants = await grantsByUser(platform, [id]);
  return { ...toUserView(row), grants: grants.get(id) ?? [] };
}

/** Creates an account; with no password given, one is generated and returned once. */
export async function createAccount(
  platform: Platform,
  input: Omit<NewUser, 'password'> & { password?: string },
  actor: Actor,
) {
  const generated = input.password ? null : generatePassword();
  const user = await platform.db
    .transaction()
    .execute((tx) =>
      insertUser(
        tx,
        platform.passwords,
        { ...input, password: input.password ?? generated!, mustChangePassword: true },
        actor,
        platform.clock(),
      ),
    );
  void platform.events.publish('accounts', { id: user.id, change: 'created' }).catch(() => {});
  return { account: await getAccount(platform, user.id), generatedPassword: generated };
}

export async function updateAccount(
  platform: Platform,
  id: string,
  input: { displayName?: string; locale?: 'vi' | 'en'; isActive?: boolean },
  actor: Actor,
) {
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    if (input.isActive === false && actor.userId === id) {
      throw fail.conflict('CANNOT_DISABLE_SELF', {
        vi: 'Không thể tự khóa tài khoản của mình.',
        en: 'You cannot disable your own account.',
      });
    }
    const change = {
      ...(input.displayName !== undefined
        ? { display_name: input.displayName, display_name_folded: fold(input.displayName) }
        : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive ? 1 : 0 } : {}),
    };
    if (Object.keys(change).length === 0) return;
    await tx
      .updateTable('users')
      .set({ ...change, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = { ...before, ...change };
    await recordAudit(
      tx,
      actor,
      { action: 'user.update', entityType: 'user', entityId: id, before: toUserView(before), after: toUserView(after) },
      now,
    );
  });
  if (input.isActive === false) await endSessionsOf(platform.db, id);
  void platform.events.publish('accounts', { id, change: 'updated' }).catch(() => {});
  return getAccount(platform, id);
}

/** An administrator's reset: a new password the user must change at next sign-in; their sessions end. */
export async function resetPassword(platform: Platform, id: string, password: string | undefined, actor: Actor) {
  const generated = password ? null : generatePassword();
  await platform.db.transaction().execute(async (tx) => {
    const exists = await tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound();
    await setPassword(
      tx,
      platform.passwords,
      id,
      password ?? generated!,
      true,
      actor,
      'user.password_reset',
      platform.clock(),
    );
  });
  await endSessionsOf(platform.db, id);
  return { generatedPassword: generated };
}

export async function replaceGrants(platform: Platform, id: string, grants: Grant[], actor: Actor) {
  const now = platform.clock();
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.unitId ?? ''}`, g])).values()];
  await platform.db.transaction().execute(async (tx) => {
    const exists = await tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound();
    const before = await tx.selectFrom('role_grants').select(['role', 'unit_id']).where('user_id', '=', id).execute();
    if (
      actor.userId === id &&
      before.some((g) => g.role === 'system_admin' && g.unit_id === null) &&
      !unique.some((g) => g.role === 'system_admin' && g.unitId === null)
    ) {
      throw fail.conflict('CANNOT_DROP_OWN_ADMIN', {
        vi: 'Không thể tự bỏ quyền quản trị hệ thống của mình.',
        en: 'You cannot remove your own system administrator role.',
      });
    }
    await tx.deleteFrom('role_grants').where('user_id', '=', id).execute();
    for (const g of unique) {
      await tx
        .insertInto('role_grants')
        .values({
          id: newId(),
          user_id: id,
          role: g.role,
          unit_id: g.unitId,
          granted_at: now.toISOString(),
          granted_by: actor.userId,
        })
        .execute();
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.grants',
        entityType: 'user',
        entityId: id,
        before: before.map((b) => ({ role: b.role, unitId: b.unit_id })),
        after: unique,
      },
      now,
    );
  });
  void platform.events.publish('accounts', { id, change: 'grants' }).catch(() => {});
  return getAccount(platform, id);
}
