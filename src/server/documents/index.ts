/**
 * The official-format builders every module prints with. Build an `OfficialDocument` (model.ts)
 * and hand it to `toDocx` or `toPdf`; tables go to `toXlsx`; certificates of merit to
 * `toCertificatePdf`. PDFs come from one shared headless Chromium: call `closeDocumentBrowser()`
 * when the process stops (it also closes itself after a minute of idleness).
 */
export type {
  Block,
  DocumentType,
  Issuer,
  Item,
  OfficialDocument,
  Paragraph,
  RichText,
  Run,
  Section,
  Signature,
  Table,
  TableColumn,
} from './model.ts';
export { documentTypes, numberLine, placeDateLine, recipientLines } from './model.ts';
export { toDocx } from './docx.ts';
export { escapeHtml, toHtml } from './html.ts';
export { cssFontStack } from './format.ts';
export { htmlToPdf, toPdf } from './pdf.ts';
export { fitRowHeights, toXlsx, type Sheet, type SheetColumn, type SheetCell } from './xlsx.ts';
export { toCertificatePdf, toCertificatesPdf, certificatesHtml, type CertificateData } from './certificate.ts';
export { closeDocumentBrowser } from './browser.ts';
