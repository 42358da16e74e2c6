import type { Sheet } from '../../documents/index.ts';
import { formatDmy } from '../../../common/dates.ts';
import { partyDocumentTypes } from '../../../common/partyDocumentTypes.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requirePermission } from './access.ts';
import { listIncoming } from './incoming.ts';
import { listOutgoing } from './outgoing.ts';
import { getSettings } from './settings.ts';
import type { IncomingOut, OutgoingOut } from './schema.ts';

const builders = () => import('../../documents/index.ts');

/**
 * The registers printed as the books the rules describe: the outgoing register (sổ đăng ký văn bản
 * đi), the incoming register (sổ đăng ký văn bản đến), the tracking book of incoming documents'
 * handling (sổ theo dõi giải quyết văn bản đến) and the handling slips (phiếu giải quyết văn bản
 * đến), for a year, as .xlsx (one sheet) or .pdf (A4 landscape, the header row on every page; one
 * slip per page).
 */
export type BookName = 'outgoing' | 'incoming' | 'tracking' | 'slip';

const typeName = new Map(partyDocumentTypes.map((t) => [t.code as string, t.vi]));
const dmy = (iso: string | null) => (iso ? formatDmy(iso) : '');
const statusVi: Record<IncomingOut['status'], string> = {
  unassigned: 'Chưa giao',
  in_progress: 'Đang xử lý',
  overdue: 'Quá hạn',
  done: 'Đã xong',
  done_late: 'Xong quá hạn',
};

type Column = { header: string; key: string; width: number; type?: 'date' | 'integer' };
type Book = { title: string; columns: Column[]; rows: Record<string, string | number | null>[] };

function outgoingBook(year: number, items: OutgoingOut[]): Book {
  return {
    title: `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year}`,
    columns: [
      { header: 'Số, ký hiệu', key: 'symbol', width: 17 },
      { header: 'Ngày tháng', key: 'date', width: 15, type: 'date' },
      { header: 'Tên loại và trích yếu nội dung', key: 'summary', width: 50 },
      { header: 'Người ký', key: 'signer', width: 20 },
      { header: 'Nơi nhận', key: 'recipients', width: 36 },
      { header: 'Đã nhận / gửi', key: 'receipt', width: 12 },
      { header: 'Ghi chú', key: 'note', width: 14 },
    ],
    rows: [...items]
      .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.symbol.localeCompare(b.symbol))
      .map((d) => ({
        symbol: d.symbol,
        date: d.issuedOn,
        summary: `${typeName.get(d.type) ?? d.type} ${d.summary}`,
        signer: `${d.signer.name} (${d.signer.position})`,
        recipients: d.recipients.join('; '),
        receipt: d.receipt.units ? `${d.receipt.acknowledged}/${d.receipt.units}` : '',
        note: d.isPublic ? 'Công khai' : '',
      })),
  };
}

const byArrival = (items: IncomingOut[]) => [...items].sort((a, b) => a.arrivalNumber - b.arrivalNumber);

function incomingBook(year: number, items: IncomingOut[]): Book {
  return {
    title: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM ${year}`,
    columns: [
      { header: 'Ngày đến', key: 'received', width: 15, type: 'date' },
      { header: 'Số đến', key: 'arrival', width: 8, type: 'integer' },
      { header: 'Tác giả', key: 'sender', width: 24 },
      { header: 'Số, ký hiệu', key: 'reference', width: 17 },
      { header: 'Ngày tháng', key: 'docDate', width: 15, type: 'date' },
      { header: 'Tên loại và trích yếu nội dung', key: 'summary', width: 46 },
      { header: 'Đơn vị nhận', key: 'lead', width: 24 },
      { header: 'Ghi chú', key: 'note', width: 14 },
    ],
    rows: byArrival(items).map((d) => ({
      received: d.receivedOn,
      arrival: d.arrivalNumber,
      sender: d.sender,
      reference: d.reference,
      docDate: d.docDate,
      summary: d.summary,
      lead: d.lead?.name ?? '',
      note: d.status === 'overdue' ? 'Quá hạn' : '',
    })),
  };
}

function trackingBook(year: number, items: IncomingOut[]): Book {
  return {
    title: `SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN NĂM ${year}`,
    columns: [
      { header: 'Số đến', key: 'arrival', width: 8, type: 'integer' },
      { header: 'Ngày đến', key: 'received', width: 15, type: 'date' },
      { header: 'Số, ký hiệu; trích yếu', key: 'summary', width: 44 },
      { header: 'Đơn vị chủ trì', key: 'lead', width: 24 },
      { header: 'Đơn vị phối hợp', key: 'coordinating', width: 28 },
      { header: 'Hạn giải quyết', key: 'deadline', width: 15, type: 'date' },
      { header: 'Tiến độ giải quyết', key: 'status', width: 14 },
      { header: 'Ngày xong', key: 'done', width: 15, type: 'date' },
    ],
    rows: byArrival(items).map((d) => ({
      arrival: d.arrivalNumber,
      received: d.receivedOn,
      summary: `${d.reference} — ${d.summary}`,
      lead: d.lead?.name ?? '',
      coordinating: d.coordinating.map((u) => u.name).join('; '),
      deadline: d.deadline,
      status: statusVi[d.status],
      done: d.doneOn,
    })),
  };
}

function slipBook(year: number, items: IncomingOut[]): Book {
  return {
    title: `PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN NĂM ${year}`,
    columns: [
      { header: 'Số đến', key: 'arrival', width: 8, type: 'integer' },
      { header: 'Ngày đến', key: 'received', width: 15, type: 'date' },
      { header: 'Tác giả; số, ký hiệu', key: 'from', width: 28 },
      { header: 'Trích yếu', key: 'summary', width: 40 },
      { header: 'Ý kiến của lãnh đạo', key: 'instructions', width: 40 },
      { header: 'Chủ trì', key: 'lead', width: 22 },
      { header: 'Phối hợp', key: 'coordinating', width: 26 },
      { header: 'Hạn xử lý', key: 'deadline', width: 15, type: 'date' },
    ],
    rows: byArrival(items).map((d) => ({
      arrival: d.arrivalNumber,
      received: d.receivedOn,
      from: `${d.sender}; ${d.reference}`,
      summary: d.summary,
      instructions: d.instructions ?? '',
      lead: d.lead?.name ?? '',
      coordinating: d.coordinating.map((u) => u.name).join('; '),
      deadline: d.deadline,
    })),
  };
}

function bookHtml(
  book: Book,
  header: { superior: string; body: string },
  escape: (s: string) => string,
  fonts: string,
  slips: boolean,
): string {
  const cell = (c: Column, v: string | number | null) =>
    escape(v === null || v === undefined ? '' : c.type === 'date' ? dmy(String(v)) : String(v));
  const head = `<div class="head"><div>${escape(header.superior.toLocaleUpperCase('vi'))}</div><div><b>${escape(
    header.body.toLocaleUpperCase('vi'),
  )}</b></div><div>*</div></div>`;
  if (slips) {
    const pages = book.rows.map((r) => {
      const line = (label: string, key: string) => {
        const c = book.columns.find((x) => x.key === key)!;
        return `<tr><th>${escape(label)}</th><td>${cell(c, r[key])}</td></tr>`;
      };
      return `<section class="slip">${head}<h1>PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN</h1><table class="slip">${line('Số đến', 'arrival')}${line('Ngày đến', 'received')}${line('Tác giả; số, ký hiệu', 'from')}${line('Trích yếu', 'summary')}${line('Ý kiến của lãnh đạo', 'instructions')}${line('Đơn vị chủ trì', 'lead')}${line('Đơn vị phối hợp', 'coordinating')}${line('Hạn xử lý', 'deadline')}</table></section>`;
    });
    return `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm }
body { font-family: ${fonts}; font-size: 13pt }
.head { text-align: center; width: 45%; line-height: 1.3 }
h1 { text-align: center; font-size: 15pt; margin: 10mm 0 6mm }
table.slip { width: 100%; border-collapse: collapse }
table.slip th { text-align: left; width: 32%; vertical-align: top; padding: 3mm 2mm; font-weight: bold }
table.slip td { padding: 3mm 2mm; border-bottom: 1px dotted #000 }
section.slip { break-after: page }
</style><body>${pages.join('') || `${head}<h1>PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN</h1><p>(Chưa có văn bản đến.)</p>`}</body></html>`;
  }
  const total = book.columns.reduce((s, c) => s + c.width, 0);
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm 12mm 15mm 20mm }
body { font-family: ${fonts}; font-size: 11pt }
.head { text-align: center; width: 40%; line-height: 1.3; font-size: 12pt }
h1 { text-align: center; font-size: 15pt; margin: 6mm 0 5mm }
table { width: 100%; border-collapse: collapse; table-layout: fixed }
thead { display: table-header-group }
th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; word-wrap: break-word }
th { font-weight: bold; text-align: center }
tr { break-inside: avoid }
</style><body>${head}<h1>${escape(book.title)}</h1><table><colgroup>${book.columns
    .map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`)
    .join(
      '',
    )}</colgroup><thead><tr>${book.columns.map((c) => `<th>${escape(c.header)}</th>`).join('')}</tr></thead><tbody>${
    book.rows.map((r) => `<tr>${book.columns.map((c) => `<td>${cell(c, r[c.key])}</td>`).join('')}</tr>`).join('') ||
    `<tr><td colspan="${book.columns.length}">(Chưa có văn bản.)</td></tr>`
  }</tbody></table></body></html>`;
}

export async function officeBook(
  platform: Platform,
  caller: Caller,
  name: BookName,
  year: number,
  format: 'xlsx' | 'pdf',
): Promise<{ bytes: Uint8Array; name: string }> {
  requirePermission(caller, 'office.read');
  const book =
    name === 'outgoing'
      ? outgoingBook(year, (await listOutgoing(platform, caller, { year })).items)
      : (name === 'incoming' ? incomingBook : name === 'tracking' ? trackingBook : slipBook)(
          year,
          (await listIncoming(platform, caller, { year })).items,
        );
  const files: Record<BookName, string> = {
    outgoing: 'so-van-ban-di',
    incoming: 'so-van-ban-den',
    tracking: 'so-theo-doi-giai-quyet',
    slip: 'phieu-giai-quyet',
  };
  const b = await builders();
  if (format === 'xlsx') {
    const sheet: Sheet = { name: book.title, columns: book.columns, rows: book.rows };
    return { bytes: await b.toXlsx([sheet]), name: `${files[name]}-${year}.xlsx` };
  }
  const settings = await getSettings(platform);
  const html = bookHtml(
    book,
    { superior: settings.superiorBody, body: settings.issuingBody },
    b.escapeHtml,
    b.cssFontStack,
    name === 'slip',
  );
  return { bytes: await b.htmlToPdf(html), name: `${files[name]}-${year}.pdf` };
}
