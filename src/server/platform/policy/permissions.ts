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
  'organisation.manage': {
    vi: 'Quản lý toàn bộ cây đơn vị, nhân sự, phân công phụ trách',
    en: 'Manage the whole unit tree, people and who is in charge',
  },
  'unit.edit': {
    vi: 'Sửa đơn vị và nhân sự trong phạm vi được giao',
    en: 'Edit units and people in the assigned subtree',
  },
  'plans.read': { vi: 'Xem kế hoạch và nhiệm vụ của đơn vị mình', en: "Read plans and the own unit's tasks" },
  'plans.overview': { vi: 'Theo dõi toàn bộ kế hoạch, mọi đơn vị', en: 'Follow whole plans, every unit' },
  'plans.manage': { vi: 'Lập, sửa kế hoạch và nhiệm vụ', en: 'Create and edit plans and tasks' },
  'plans.report': {
    vi: 'Báo cáo tiến độ nhiệm vụ của đơn vị, lập kế hoạch cơ sở',
    en: "Report progress on the unit's tasks, derive the unit's plan",
  },
  'plans.supervise': {
    vi: 'Ghi nhận đôn đốc, kiểm tra cơ sở phụ trách',
    en: 'Record urging and inspection of the units one is in charge of',
  },
  'reporting.read': {
    vi: 'Xem báo cáo định kỳ và số liệu tổng hợp của đơn vị mình và cấp dưới',
    en: "Read periodic reports and totals of one's units and below",
  },
  'reporting.overview': {
    vi: 'Theo dõi báo cáo của mọi đơn vị trong Khối',
    en: 'Follow the reports of every unit of the Bloc',
  },
  'reporting.submit': {
    vi: 'Nhập và gửi báo cáo định kỳ của đơn vị',
    en: "Enter and submit the unit's periodic reports",
  },
  'reporting.approve': {
    vi: 'Duyệt hoặc trả lại báo cáo của cấp dưới',
    en: 'Approve or return the reports of the level below',
  },
  'reporting.manage': {
    vi: 'Quản lý chỉ tiêu, biểu mẫu báo cáo; mở lại kỳ đã khóa',
    en: 'Manage indicators and report templates; reopen locked periods',
  },
  'emulation.read': {
    vi: 'Xem phong trào thi đua, kết quả và xếp hạng',
    en: 'Read emulation drives, results and rankings',
  },
  'emulation.register': { vi: 'Đăng ký thi đua của đơn vị', en: "Register the unit's emulation targets" },
  'emulation.manage': {
    vi: 'Phát động, quản lý phong trào thi đua; duyệt đăng ký; chấm điểm',
    en: 'Launch and run drives; review registrations; score units',
  },
  'honours.read': {
    vi: 'Xem đợt tôn vinh, hồ sơ của đơn vị mình, kết quả',
    en: "Read honours campaigns, one's unit's nominations, results",
  },
  'honours.nominate': {
    vi: 'Lập và gửi hồ sơ đề nghị tôn vinh của đơn vị',
    en: "Prepare and submit the unit's nominations",
  },
  'honours.screen': { vi: 'Thẩm định hồ sơ theo tiêu chí', en: 'Screen nominations against the criteria' },
  'honours.manage': {
    vi: 'Lập đợt tôn vinh, tiêu chí, cơ cấu; xác nhận kết quả',
    en: 'Set up campaigns, criteria and quotas; confirm results',
  },
  'honours.vote': {
    vi: 'Thành viên Hội đồng: xem hồ sơ, bỏ phiếu kín',
    en: 'Council member: read dossiers, cast secret ballots',
  },
  'honours.secretary': {
    vi: 'Thư ký Hội đồng: điều hành phiên họp, vòng bỏ phiếu, biên bản',
    en: 'Council secretary: run sessions, rounds and minutes',
  },
  'files.upload': { vi: 'Tải tệp lên (đính kèm báo cáo, hồ sơ)', en: 'Upload files (report attachments, dossiers)' },
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
  bloc_leader: [
    'audit.read',
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.manage',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'reporting.approve',
    'emulation.read',
    'emulation.manage',
    'honours.read',
    'honours.manage',
  ],
  board_staff: [
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.manage',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'reporting.approve',
    'reporting.manage',
    'emulation.read',
    'emulation.manage',
    'honours.read',
    'honours.screen',
    'honours.manage',
    'honours.secretary',
  ],
  unit_officer: [
    'organisation.read',
    'unit.edit',
    'plans.read',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.submit',
    'reporting.approve',
    'emulation.read',
    'emulation.register',
    'honours.read',
    'honours.nominate',
  ],
  council_member: [
    'organisation.read',
    'plans.read',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'emulation.read',
    'honours.read',
    'honours.vote',
  ],
  judge: ['organisation.read', 'plans.read'],
  umpire: ['organisation.read', 'plans.read'],
  editor: ['organisation.read', 'plans.read', 'files.upload'],
  viewer: ['organisation.read', 'plans.read', 'reporting.read', 'emulation.read', 'honours.read'],
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissions, value);
}
