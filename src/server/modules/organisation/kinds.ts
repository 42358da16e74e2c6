/** The kinds of unit in the tree and the restructuring operations, in the domain's own words. */
export const unitKinds = {
  bloc: { vi: 'Đảng bộ khối', en: 'Bloc Party organisation' },
  executive_committee: { vi: 'Ban Chấp hành', en: 'Executive Committee' },
  standing_committee: { vi: 'Ban Thường vụ', en: 'Standing Committee' },
  agency: { vi: 'Cơ quan Đảng ủy', en: 'Party Committee agency' },
  board: { vi: 'Ban tham mưu', en: 'Board' },
  inspection_commission: { vi: 'Ủy ban Kiểm tra', en: 'Inspection Commission' },
  office: { vi: 'Văn phòng', en: 'Office' },
  council: { vi: 'Hội đồng', en: 'Council' },
  mass_organisation: { vi: 'Đoàn thể', en: 'Mass organisation' },
  grassroots_committee: { vi: 'Đảng bộ cơ sở', en: 'Grassroots Party committee' },
  grassroots_cell: { vi: 'Chi bộ cơ sở', en: 'Grassroots Party cell' },
  sub_cell: { vi: 'Chi bộ trực thuộc', en: 'Subordinate Party cell' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  outside_body: { vi: 'Cơ quan, tổ chức bên ngoài', en: 'Outside body' },
} as const;

export type UnitKind = keyof typeof unitKinds;
export const unitKindCodes = Object.keys(unitKinds) as [UnitKind, ...UnitKind[]];

/** Kinds a committee member can be put in charge of. */
export const grassrootsKinds: readonly UnitKind[] = ['grassroots_committee', 'grassroots_cell'];
/** Kinds whose members may be put in charge of grassroots units. */
export const committeeKinds: readonly UnitKind[] = ['executive_committee', 'standing_committee'];

export const operationTypes = {
  found: { vi: 'Thành lập', en: 'Found' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  move: { vi: 'Chuyển đơn vị cấp trên', en: 'Move' },
  merge: { vi: 'Sáp nhập vào', en: 'Merge into' },
  split: { vi: 'Chia tách', en: 'Split' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
} as const;

export type OperationType = keyof typeof operationTypes;

export const genders = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
} as const;
export type Gender = keyof typeof genders;

/** A kind from its code or its Vietnamese or English label, as people type it in a spreadsheet. */
export function kindFromLabel(value: string, foldFn: (s: string) => string): UnitKind | null {
  const f = foldFn(value);
  for (const [code, label] of Object.entries(unitKinds)) {
    if (f === code || f === foldFn(label.vi) || f === foldFn(label.en)) return code as UnitKind;
  }
  return null;
}
