/**
 * An official Party document as data, in the parts Hướng dẫn 36-HD/VPTW names: the issuing
 * body under its superior, number and symbol, place and date, the document type and its summary,
 * the body, the recipients and the signature. Every module that prints (plans, reports,
 * decisions, minutes, invitations) builds one of these; the builders (`toDocx`, `toPdf`) lay it
 * out in the official format. Nothing here knows about a particular document.
 */
import { blank, officialDate, type IsoDate } from '../../common/dates.ts';

/** A stretch of text with its own emphasis. Unset flags inherit the block's style. */
export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

/** Text of a block: plain, or runs with their own emphasis. */
export type RichText = string | Run[];

/**
 * A numbered heading and what falls under it. `number` is written as the document writes it
 * ("I-", "1.", "5-", "a)"); level 1 headings are upper case ("I- MỤC ĐÍCH, YÊU CẦU"), level 2 and
 * 3 ordinary sentences. The title is bold; a run with `bold: false` continues the heading line
 * in ordinary type ("5. Hội Cựu chiến binh… xây dựng kế hoạch…").
 */
export type Section = {
  kind: 'section';
  level: 1 | 2 | 3;
  number: string;
  title: RichText;
  children: Block[];
};

/** A paragraph of running text: justified, first line indented, unless told otherwise. */
export type Paragraph = {
  kind: 'paragraph';
  text: RichText;
  align?: 'justify' | 'center' | 'right' | 'left';
  /** Indent the first line (default true). */
  indent?: boolean;
};

/** A "-" item, or a "+" item under it; items can hold further blocks ("trong đó:" then "+ …"). */
export type Item = {
  kind: 'item';
  marker: '-' | '+';
  text: RichText;
  children?: Block[];
};

export type TableColumn = {
  title: string;
  /** Share of the text width, in any unit; the builders scale the shares to 100 %. */
  width?: number;
  align?: 'left' | 'center' | 'right';
};

/** A ruled table; the header row repeats on every page it runs over. */
export type Table = {
  kind: 'table';
  columns: TableColumn[];
  rows: RichText[][];
  /**
   * For a table of the body itself (not inside a section): its last rows that stay on one page
   * with every block after it and the closing, so that the signature never stands alone on a
   * page (a form that is signed under its table).
   */
  keepWithClosing?: number;
};

/**
 * Signatures side by side, without rules: each column its title ("THƯ KÝ HỘI ĐỒNG"), the hint
 * "(Ký, ghi rõ họ tên)", the space to sign (as under the document's signature) and the name.
 * Kept together on one page; for minutes, signed by several.
 */
export type Signatures = {
  kind: 'signatures';
  columns: { title: string; name: string }[];
};

export type Block = Section | Paragraph | Item | Table | Signatures;

/** The document types the Party's rules name, written as the title line prints them. */
export const documentTypes = {
  'NGHỊ QUYẾT': 'NQ',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHỈ THỊ': 'CT',
  'KẾT LUẬN': 'KL',
  'QUY ĐỊNH': 'QĐi',
  'QUY CHẾ': 'QC',
  'HƯỚNG DẪN': 'HD',
  'KẾ HOẠCH': 'KH',
  'CHƯƠNG TRÌNH': 'CTr',
  'BÁO CÁO': 'BC',
  'TỜ TRÌNH': 'TTr',
  'THÔNG BÁO': 'TB',
  'BIÊN BẢN': 'BB',
  'GIẤY MỜI': 'GM',
  'CÔNG VĂN': 'CV',
  /** a letter of thanks, numbered in the Công văn series of the outgoing register */
  'THƯ CẢM ƠN': 'CV',
} as const;

export type DocumentType = keyof typeof documentTypes;

export type Issuer = {
  /** The superior body, printed in upper case, regular: "ĐẢNG BỘ TỈNH THÁI BÌNH". */
  superior: string;
  /** The issuing body, printed in upper case, bold, with "*" under it: "ĐẢNG ỦY KHỐI DOANH NGHIỆP". */
  body: string;
  /** The issuer's part of the symbol, after the slash: "ĐUK" in "45-KH/ĐUK". */
  symbolSuffix: string;
};

export type Signature = {
  /** "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"…; absent when the signer signs in their own right. */
  authority?: string;
  /** "BÍ THƯ", "PHÓ BÍ THƯ". */
  position: string;
  /** The signer's name as printed under the signature: "Trần Hữu Nam". */
  name: string;
};

export type OfficialDocument = {
  issuer: Issuer;
  /** The register number ("45"); empty until the office registers the document. */
  number: string;
  /** The type's part of the symbol ("KH"); defaults to the type's abbreviation. */
  symbol?: string;
  place: string;
  /** ISO date of issue; null leaves day and month blank for the office to fill in. */
  date: IsoDate | null;
  type: DocumentType;
  /** The summary (trích yếu) under the type: "tổ chức các hoạt động kỷ niệm…". */
  title: string;
  /** The grounds the document rests on ("Căn cứ…", "Thực hiện…"), before the body. */
  basis: RichText[];
  body: Block[];
  /** Who receives it, one per line, without the leading "- " or trailing punctuation. */
  recipients: string[];
  /** Where the file copies stay: "Ban TG, Văn phòng DUK" prints as "- Lưu: Ban TG, Văn phòng DUK." */
  archive?: string;
  signature: Signature;
  /**
   * What the document carries after its signature, on a page of its own: a decision's list of
   * honourees ("DANH SÁCH … (Kèm theo Quyết định số …)"). Its first blocks are its title lines.
   */
  annex?: Block[];
};

// The lines both builders print the same way, worked out once from the model.

export function symbolOf(doc: OfficialDocument): string {
  return `${doc.symbol ?? documentTypes[doc.type]}/${doc.issuer.symbolSuffix}`;
}

/** "Số 45-KH/ĐUK"; with no number yet, a gap to write it in: "Số      -KH/ĐUK". */
export function numberLine(doc: OfficialDocument): string {
  const number = doc.number.trim();
  return `Số ${number || blank}-${symbolOf(doc)}`;
}

/** "Thái Bình, ngày 10 tháng 6 năm 2019". */
export function placeDateLine(doc: OfficialDocument): string {
  return officialDate(doc.date, doc.place);
}

export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/** The recipients as printed: "- name;" on each line, the last one ending with ".". */
export function recipientLines(doc: OfficialDocument): string[] {
  const names = [...doc.recipients.map((r) => r.trim()).filter(Boolean)];
  if (doc.archive?.trim()) names.push(`Lưu: ${doc.archive.trim()}`);
  return names.map((name, i) => `- ${name.replace(/[;.,]+$/, '')}${i === names.length - 1 ? '.' : ';'}`);
}

/** The runs of a text, the plain string case included. */
export function runsOf(text: RichText): Run[] {
  return typeof text === 'string' ? [{ text }] : text;
}

export function plainText(text: RichText): string {
  return runsOf(text)
    .map((r) => r.text)
    .join('');
}
