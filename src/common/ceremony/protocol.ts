/**
 * The order in which guests are introduced, seated and called to present: the superior level
 * first (central, then the province, its boards and departments, then the Bloc, then the
 * grassroots), within a level the Party, then the State (People's Council, People's Committee and
 * its departments), then the Fatherland Front and the mass organisations, then the others
 * (enterprises, the press); within those by protocol rank (1 is the highest); then by name in
 * Vietnamese order. A guest who sends a deputy is introduced as the deputy, in the invitee's
 * place (the deputy stands for the office).
 */
export const guestLevels = ['central', 'province', 'department', 'bloc', 'grassroots', 'other'] as const;
export type GuestLevel = (typeof guestLevels)[number];
export const guestBranches = ['party', 'state', 'front', 'other'] as const;
export type GuestBranch = (typeof guestBranches)[number];

export const guestLevelLabels: Record<GuestLevel, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Tỉnh', en: 'Province' },
  department: { vi: 'Ban, sở, ngành tỉnh', en: 'Provincial boards and departments' },
  bloc: { vi: 'Đảng bộ Khối', en: 'The Bloc' },
  grassroots: { vi: 'Cơ sở', en: 'Grassroots' },
  other: { vi: 'Khác', en: 'Other' },
};
export const guestBranchLabels: Record<GuestBranch, { vi: string; en: string }> = {
  party: { vi: 'Đảng', en: 'Party' },
  state: { vi: 'Chính quyền', en: 'Government' },
  front: { vi: 'Mặt trận, đoàn thể', en: 'Front and mass organisations' },
  other: { vi: 'Doanh nghiệp, báo chí, khác', en: 'Enterprises, press, others' },
};

export type ProtocolGuest = { level: GuestLevel; branch: GuestBranch; rank: number; name: string };

const collator = new Intl.Collator('vi');

export function compareProtocol(a: ProtocolGuest, b: ProtocolGuest): number {
  return (
    guestLevels.indexOf(a.level) - guestLevels.indexOf(b.level) ||
    guestBranches.indexOf(a.branch) - guestBranches.indexOf(b.branch) ||
    a.rank - b.rank ||
    collator.compare(a.name, b.name)
  );
}

export function protocolOrder<G extends ProtocolGuest>(guests: readonly G[]): G[] {
  return [...guests].sort(compareProtocol);
}

export type GuestReply = 'pending' | 'attending' | 'deputy' | 'declined';

export type IntroducedGuest = ProtocolGuest & {
  title: string;
  reply: GuestReply;
  deputy?: { name: string; title: string } | null;
};

/**
 * The MC's introduction of guests, in protocol order, from the replies: those attending by their
 * title and name, a deputy by theirs ("thay mặt" the office), nobody who declined or has not
 * answered. One line per guest: "Đồng chí Nguyễn Văn A, Ủy viên Ban Thường vụ Tỉnh ủy, …".
 */
export function introductionLines(guests: readonly IntroducedGuest[]): string[] {
  const lines: string[] = [];
  for (const g of protocolOrder(guests)) {
    if (g.reply === 'attending') lines.push(`Đồng chí ${g.name}, ${g.title};`);
    else if (g.reply === 'deputy' && g.deputy) lines.push(`Đồng chí ${g.deputy.name}, ${g.deputy.title};`);
  }
  if (lines.length) lines[lines.length - 1] = `${lines[lines.length - 1].slice(0, -1)}.`;
  return lines;
}

export function introductionText(guests: readonly IntroducedGuest[]): string {
  const lines = introductionLines(guests);
  if (!lines.length) return '';
  return `Về dự buổi lễ hôm nay, chúng tôi trân trọng giới thiệu:\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
