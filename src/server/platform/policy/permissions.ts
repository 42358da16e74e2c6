/**
 * Who may do what: the roles a user can be granted on a subtree of units, and the permissions
 * each role carries. Every route names one permission (or "public" / "signed-in"); record-level
 * checks (is this unit inside the grant's subtree?) go through `can` in policy.ts.
 * A module adds its permissions and extends the roles' lists here, in one readable place.
 */
export const permissions = {
  'system.admin': { vi: 'Quản trị hệ thống', en: 'Administer the system' },
  'audit.read': { vi: 'Xem nhật ký thay đổi', en: 'Read the audit log' },
  'accounts.read': { vi: 'Xem tài khoản', en: 'Read accounts' },
  'accounts.manage': { vi: 'Quản lý tài khoản và phân quyền', en: 'Manage accounts and roles' },
  'jobs.read': { vi: 'Xem hàng đợi công việc', en: 'Read the job queue' },
  'organisation.read': { vi: 'Xem đơn vị, nhân sự', en: 'Read units and people' },
  'organisation.manage': { vi: 'Quản lý toàn bộ cây đơn vị, nhân sự, phân công phụ trách', en: 'Manage the whole unit tree, people and who is in charge' },
  'unit.edit': { vi: 'Sửa đơn vị và nhân sự trong phạm vi được giao', en: 'Edit units and people in the assigned subtree' },
} as const;

export type Permission = keyof typeof permissions;

export const roles = [
  'system_admin',
  'bloc_leader',
  'board_staff',
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
  board_staff: { vi: 'Cán bộ các ban, Văn phòng', en: 'Board staff' },
  unit_officer: { vi: 'Bí thư / cán bộ cơ sở', en: 'Unit officer / secretary' },
  council_member: { vi: 'Thành viên Hội đồng TĐKT', en: 'Council member' },
  judge: { vi: 'Giám khảo', en: 'Judge' },
  umpire: { vi: 'Trọng tài', en: 'Umpire' },
  editor: { vi: 'Biên tập viên website', en: 'Website editor' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};

const all = Object.keys(permissions) as Permission[];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: all,
  bloc_leader: ['audit.read', 'accounts.read', 'organisation.read'],
  board_staff: ['accounts.read', 'organisation.read'],
  unit_officer: ['organisation.read', 'unit.edit'],
  council_member: ['organisation.read'],
  judge: ['organisation.read'],
  umpire: ['organisation.read'],
  editor: ['organisation.read'],
  viewer: ['organisation.read'],
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissions, value);
}
