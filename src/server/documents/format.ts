/**
 * The measures of the Party's document format (Hướng dẫn 36-HD/VPTW, 03/4/2018) that both the
 * Word and the PDF builder use, so the two come out alike: A4 portrait; margins top and bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm; a Times face; type sizes per part.
 */
export const page = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
} as const;

export const textWidthMm = page.widthMm - page.margin.leftMm - page.margin.rightMm;

/** Times New Roman where installed; Liberation Serif (metric-compatible, full Vietnamese) here. */
export const fontFamily = 'Times New Roman';
export const cssFontStack = '"Times New Roman", "Liberation Serif", Tinos, serif';

/** Type sizes in points, per part of the document. */
export const size = {
  partyTitle: 15, // ĐẢNG CỘNG SẢN VIỆT NAM: upper case, bold
  issuer: 14, // superior (regular) and issuing body (bold), upper case
  number: 14, // Số 45-KH/ĐUK
  placeDate: 14, // italic
  docType: 16, // KẾ HOẠCH: upper case, bold (15–16)
  summary: 14, // trích yếu: bold (14–15)
  body: 14, // running text (13–14)
  recipientsLabel: 14, // "Nơi nhận:" underlined
  recipients: 12, // the list under it
  signature: 14, // authority, position, name: bold
  pageNumber: 14,
} as const;

/** Running text: first-line indent, space between paragraphs, line height. */
export const paragraph = {
  firstLineIndentMm: 12.7,
  spaceAfterPt: 6,
  lineHeight: 1.15,
} as const;

/** Share of the text width taken by the left block of the header and of the closing table. */
export const leftBlockShare = 0.5;

/** The height left blank for the signature (and the seal), between the position and the name. */
export const signatureSpaceMm = 25;

export const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);
export const ptToHalfPt = (pt: number) => Math.round(pt * 2);
