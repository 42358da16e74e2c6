import type { modules } from '../../modules.ts';
import type { PermissionOf } from '../modules.ts';

/**
 * Who may do what: the roles a user can be granted on a subtree of units, and the permissions
 * each role carries. Every route names one permission (or "public" / "signed-in"); record-level
 * checks (is this unit inside the grant's subtree?) go through `can` in policy.ts.
 * The platform declares its own permissions here; each module declares its own, and which roles
 * hold them, in its descriptor (`modules/<name>/module.ts`, ADR 13). The roles are the platform's.
 */
export type Label = { readonly vi: string; readonly en: string };
export type PermissionTable = Readonly<Record<string, Label>>;

export const platformPermissions = {
  'system.admin': { vi: 'Quản trị hệ thống', en: 'Administer the system' },
  'jobs.read': { vi: 'Xem hàng đợi công việc', en: 'Read the job queue' },
  'files.upload': { vi: 'Tải tệp lên (đính kèm báo cáo, hồ sơ)', en: 'Upload files (report attachments, dossiers)' },
} as const satisfies PermissionTable;

export type PlatformPermission = keyof typeof platformPermissions;

/** Every permission: the platform's and those of every module in the list (a precise union). */
export type Permission = PlatformPermission | PermissionOf<(typeof modules)[number]>;

export const roles = [
  'system_admin',
  'bloc_leader',
  'board_staff',
  'office_staff',
  'propaganda_staff',
  'organisation_staff',
  'inspection_staff',
  'unit_officer',
  'council_member',
  'judge',
  'umpire',
  'editor',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  bloc_leader: { vi: 'Lãnh đạo Đảng ủy Khối', en: 'Bloc leader' },
  board_staff: { vi: 'Cán bộ các ban (việc chung)', en: 'Board staff (common work)' },
  office_staff: { vi: 'Cán bộ Văn phòng Đảng ủy Khối', en: "Staff of the Bloc's Office" },
  propaganda_staff: { vi: 'Cán bộ Ban Tuyên giáo', en: 'Staff of the Propaganda Board' },
  organisation_staff: { vi: 'Cán bộ Ban Tổ chức', en: 'Staff of the Organisation Board' },
  inspection_staff: { vi: 'Cán bộ Ủy ban Kiểm tra', en: 'Staff of the Inspection Commission' },
  unit_officer: { vi: 'Bí thư / cán bộ cơ sở', en: 'Unit officer / secretary' },
  council_member: { vi: 'Thành viên Hội đồng TĐKT', en: 'Council member' },
  judge: { vi: 'Giám khảo', en: 'Judge' },
  umpire: { vi: 'Trọng tài', en: 'Umpire' },
  editor: { vi: 'Biên tập viên website', en: 'Website editor' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};

/**
 * The boards' roles (ADR 31). The plan (part III) gives each board of the Bloc its own work: the
 * Office helps the Council with the procedure, keeps the office network and the budget; the
 * Propaganda Board sets the criteria and screens the dossiers; the Organisation Board restructures
 * units and founds grassroots organisations; the Inspection Commission supervises and urges. A
 * staff member holds the role of their board (granted on the subtree where they act: the Office's
 * and the Propaganda Board's own unit, the Organisation Board's on the Bloc), and every board role
 * carries what `board_staff` carries — the work every board shares (reading, reporting on its own
 * activities, its inbox). A module grants to one board by naming that board's role, to every
 * board by naming `board_staff`.
 */
export const boardRoles = ['office_staff', 'propaganda_staff', 'organisation_staff', 'inspection_staff'] as const;
export type BoardRole = (typeof boardRoles)[number];

/** What a role carries besides its own grants: every board role carries the boards' common work. */
export const roleIncludes: { readonly [R in Role]?: readonly Role[] } = Object.fromEntries(
  boardRoles.map((r) => [r, ['board_staff']]),
);

/** The platform's own grants (system_admin holds every permission, the platform's and the modules'). */
const platformGrants: { readonly [R in Exclude<Role, 'system_admin'>]?: readonly PlatformPermission[] } = {
  bloc_leader: ['files.upload'],
  board_staff: ['files.upload'],
  unit_officer: ['files.upload'],
  council_member: ['files.upload'],
  editor: ['files.upload'],
};

const table: Record<string, Label> = {};
const held = Object.fromEntries(roles.map((r) => [r, [] as Permission[]])) as Record<Role, Permission[]>;

/**
 * Every permission with its label: the platform's, then each module's in the list's order. Filled
 * when the module list is installed (`installModules`, at the import of `src/server/modules.ts`).
 */
export const permissions = table as Readonly<Record<Permission, Label>>;

/** The permissions each role carries, computed from the platform's and the modules' grants. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = held;

function grant(owner: string, perms: PermissionTable, grants: { readonly [R in Role]?: readonly string[] }) {
  for (const name of Object.keys(perms)) {
    if (Object.hasOwn(table, name)) throw new Error(`permission ${name} of ${owner} is declared twice`);
    table[name] = perms[name];
  }
  for (const [role, names] of Object.entries(grants) as [Role, readonly string[]][]) {
    if (role === 'system_admin' || !Object.hasOwn(held, role)) throw new Error(`${owner} grants to role ${role}`);
    for (const name of names) {
      if (!Object.hasOwn(perms, name)) throw new Error(`${owner} grants ${name}, which it does not declare`);
      for (const r of [role, ...roles.filter((x) => roleIncludes[x]?.includes(role))])
        if (!held[r].includes(name as Permission)) held[r].push(name as Permission);
    }
  }
  held.system_admin = Object.keys(table) as Permission[];
}

grant('the platform', platformPermissions, platformGrants);

let pending: string[] | null = [];

/** Declares a module's permissions and the roles that hold them (done by `installModules`). */
export function declareModulePermissions(
  module: string,
  perms: PermissionTable,
  grants: { readonly [R in Role]?: readonly string[] },
): void {
  grant(`module ${module}`, perms, grants);
}

/**
 * Called once every module's permissions are declared: from then on `requireKnown` checks at once,
 * and the names asked for before (routes are defined while the modules load) are checked now.
 */
export function permissionsComplete(): void {
  const unknown = (pending ?? []).filter((p) => !isPermission(p));
  pending = null;
  if (unknown.length > 0) throw new Error(`unknown permission ${unknown.join(', ')}`);
}

/** Refuses a permission nobody declares: at once, or when the module list is installed. */
export function requireKnown(permission: string): void {
  if (pending) pending.push(permission);
  else if (!isPermission(permission)) throw new Error(`unknown permission ${permission}`);
}

/** The roles that carry a permission (read when asked: the table is complete once the list is installed). */
export function rolesHolding(permission: Permission): Role[] {
  return roles.filter((r) => held[r].includes(permission));
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(table, value);
}
