/**
 * The Party's document types and their codes in a symbol ("45-KH/ĐUK"), after Hướng dẫn
 * 36-HD/VPTW (2018), in the order the register offers them. Each type is numbered in its own
 * series within the committee's term; congress documents share one series.
 */
export const partyDocumentTypes = [
  { code: 'NQ', vi: 'Nghị quyết', en: 'Resolution' },
  { code: 'QĐ', vi: 'Quyết định', en: 'Decision' },
  { code: 'CT', vi: 'Chỉ thị', en: 'Directive' },
  { code: 'KL', vi: 'Kết luận', en: 'Conclusion' },
  { code: 'QC', vi: 'Quy chế', en: 'Regulation (rules of procedure)' },
  { code: 'QĐi', vi: 'Quy định', en: 'Regulation' },
  { code: 'HD', vi: 'Hướng dẫn', en: 'Guidance' },
  { code: 'TT', vi: 'Thông tri', en: 'Circular' },
  { code: 'BC', vi: 'Báo cáo', en: 'Report' },
  { code: 'KH', vi: 'Kế hoạch', en: 'Plan' },
  { code: 'CTr', vi: 'Chương trình', en: 'Programme' },
  { code: 'TB', vi: 'Thông báo', en: 'Notice' },
  { code: 'TTr', vi: 'Tờ trình', en: 'Submission' },
  { code: 'ĐA', vi: 'Đề án', en: 'Scheme' },
  { code: 'BB', vi: 'Biên bản', en: 'Minutes' },
  { code: 'GM', vi: 'Giấy mời', en: 'Invitation' },
  { code: 'GGT', vi: 'Giấy giới thiệu', en: 'Letter of introduction' },
  { code: 'CV', vi: 'Công văn', en: 'Official letter' },
] as const;

export type PartyDocumentCode = (typeof partyDocumentTypes)[number]['code'];
export const partyDocumentCodes = partyDocumentTypes.map((t) => t.code) as [PartyDocumentCode, ...PartyDocumentCode[]];

/** "01", "09", "10", "125": numbers are written with at least two digits. */
export const registerNumber = (n: number) => String(n).padStart(2, '0');

/** "05-KH/ĐUK". */
export const documentSymbol = (number: number, code: string, suffix: string) =>
  `${registerNumber(number)}-${code}/${suffix}`;
