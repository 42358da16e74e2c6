import type { Transaction } from 'kysely';
import { fold } from '../../../common/text.ts';
import type { Database } from '../db/tables.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { recordAudit, type Actor } from '../audit/record.ts';
import { fail } from '../http/errors.ts';
import type { Role } from '../policy/permissions.ts';
import type { PasswordHasher } from './passwords.ts';

/** User accounts: the rows sign-in reads, and the changes every caller (API, CLI, start-up) shares. */
export type UserView = {
  id: string;
  username: string;
  displayName: string;
  locale: 'vi' | 'en';
  isActive: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
};

type UserRow = Database['users'];

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale === 'en' ? 'en' : 'vi',
    isActive: row.is_active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  locale?: 'vi' | 'en';
  mustChangePassword?: boolean;
  grants?: { role: Role; unitId: string | null }[];
};

export async function insertUser(
  tx: Transaction<Database>,
  passwords: PasswordHasher,
  input: NewUser,
  actor: Actor,
  now: Date,
): Promise<UserView> {
  const username = input.username.toLowerCase();
  const taken = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) {
    throw fail.conflict('USERNAME_TAKEN', {
      vi: `Tên đăng nhập "${username}" đã có người dùng.`,
      en: `The username "${username}" is already taken.`,
    });
  }
  const at = now.toISOString();
  const row: UserRow = {
    id: newId(now.getTime()),
    username,
    display_name: input.displayName.normalize('NFC'),
    display_name_folded: fold(input.displayName),
    password_hash: await passwords.hash(input.password),
    locale: input.locale ?? 'vi',
    is_active: 1,
    must_change_password: input.mustChangePassword ? 1 : 0,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('users').values(row).execute();
  const grants = input.grants ?? [];
  for (const g of grants) {
    await tx
      .insertInto('role_grants')
      .values({
        id: newId(),
        user_id: row.id,
        role: g.role,
        unit_id: g.unitId,
        granted_at: at,
        granted_by: actor.userId,
      })
      .execute();
  }
  const view = toUserView(row);
  await recordAudit(
    tx,
    actor,
    { action: 'user.create', entityType: 'user', entityId: row.id, after: { ...view, grants } },
    now,
  );
  return view;
}

export async function setPassword(
  tx: Transaction<Database>,
  passwords: PasswordHasher,
  userId: string,
  password: string,
  mustChange: boolean,
  actor: Actor,
  action: 'user.password_change' | 'user.password_reset',
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await tx
    .updateTable('users')
    .set({
      password_hash: await passwords.hash(password),
      must_change_password: mustChange ? 1 : 0,
      password_changed_at: at,
      updated_at: at,
    })
    .where('id', '=', userId)
    .execute();
  await recordAudit(
    tx,
    actor,
    { action, entityType: 'user', entityId: userId, after: { mustChangePassword: mustChange } },
    now,
  );
}

export type RoleHolder = { userId: string; username: string; displayName: string; role: Role; unitId: string | null };

/**
 * The grants of active accounts, one row per grant: of some roles, on one unit (`unitId`), of
 * some accounts (`userIds`). Modules ask this instead of reading `users` and
 * `role_grants` (ADR 17): whom to remind, who may sit on a Council.
 */
export async function activeRoleHolders(
  db: Db,
  filter: { roles?: readonly Role[]; unitId?: string; userIds?: readonly string[]; limit?: number },
): Promise<RoleHolder[]> {
  if (filter.roles?.length === 0 || filter.userIds?.length === 0) return [];
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'u.username', 'u.display_name', 'g.role', 'g.unit_id'])
    .where('u.is_active', '=', 1);
  if (filter.roles) q = q.where('g.role', 'in', [...filter.roles]);
  if (filter.unitId !== undefined) q = q.where('g.unit_id', '=', filter.unitId);
  if (filter.userIds) q = q.where('g.user_id', 'in', [...filter.userIds]);
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()).map((r) => ({
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    unitId: r.unit_id,
  }));
}

/**
 * The names people go by (`display_name`) of some accounts, for histories and the audit, which
 * store the username of who acted; an account not found (or a system actor) is left out.
 */
export async function displayNames(db: Db, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
