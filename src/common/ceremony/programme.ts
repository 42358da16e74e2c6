/**
 * The kinds of a ceremony's segments and the order a new programme starts from: Nghị định
 * 111/2018/NĐ-CP, Art. 13 (the order of a commemoration): programme announcement; flag salute and
 * the national anthem; the reason and the introduction of guests; the commemorative speech; the
 * announcement of decisions and the award presentation; the superior leaders' speech; the reply
 * of the host; closing. A welcome performance comes before, as the Bloc's stage-style conference
 * has one. Each is editable afterwards; the planned minutes here are a first guess.
 */
export const segmentKinds = [
  'welcome_performance',
  'programme',
  'anthem',
  'introduction',
  'speech',
  'awards',
  'leader_speech',
  'reply',
  'performance',
  'closing',
  'other',
] as const;
export type SegmentKind = (typeof segmentKinds)[number];

export const segmentKindLabels: Record<SegmentKind, { vi: string; en: string }> = {
  welcome_performance: { vi: 'Văn nghệ chào mừng', en: 'Welcome performance' },
  programme: { vi: 'Công bố chương trình', en: 'Programme announcement' },
  anthem: { vi: 'Chào cờ, hát Quốc ca', en: 'Flag salute and national anthem' },
  introduction: { vi: 'Tuyên bố lý do, giới thiệu đại biểu', en: 'Reason and introduction of guests' },
  speech: { vi: 'Diễn văn kỷ niệm, báo cáo thành tích', en: 'Commemorative speech, achievement report' },
  awards: { vi: 'Công bố quyết định, trao thưởng', en: 'Decisions announced, awards presented' },
  leader_speech: { vi: 'Phát biểu của lãnh đạo cấp trên', en: "Superior leader's speech" },
  reply: { vi: 'Phát biểu tiếp thu, đáp từ', en: 'Reply of the host' },
  performance: { vi: 'Tiết mục văn nghệ', en: 'Performance' },
  closing: { vi: 'Bế mạc', en: 'Closing' },
  other: { vi: 'Phần khác', en: 'Other' },
};

export const sections = ['opening', 'main', 'closing'] as const;
export type Section = (typeof sections)[number];
export const sectionLabels: Record<Section, { vi: string; en: string }> = {
  opening: { vi: 'Phần mở đầu', en: 'Opening' },
  main: { vi: 'Phần chính', en: 'Main part' },
  closing: { vi: 'Phần kết thúc', en: 'Closing' },
};

export type DefaultSegment = { kind: SegmentKind; section: Section; title: string; minutes: number };

/** Art. 13's order, with a welcome performance first. */
export const article13Order: readonly DefaultSegment[] = [
  { kind: 'welcome_performance', section: 'opening', title: 'Chương trình văn nghệ chào mừng', minutes: 15 },
  { kind: 'programme', section: 'opening', title: 'Công bố chương trình', minutes: 2 },
  { kind: 'anthem', section: 'opening', title: 'Chào cờ, hát Quốc ca', minutes: 3 },
  { kind: 'introduction', section: 'opening', title: 'Tuyên bố lý do, giới thiệu đại biểu', minutes: 5 },
  { kind: 'speech', section: 'main', title: 'Diễn văn kỷ niệm, báo cáo thành tích', minutes: 20 },
  { kind: 'awards', section: 'main', title: 'Công bố quyết định và trao thưởng', minutes: 30 },
  { kind: 'leader_speech', section: 'main', title: 'Phát biểu chỉ đạo của lãnh đạo tỉnh', minutes: 15 },
  { kind: 'reply', section: 'main', title: 'Phát biểu tiếp thu, đáp từ', minutes: 5 },
  { kind: 'closing', section: 'closing', title: 'Bế mạc', minutes: 3 },
];
