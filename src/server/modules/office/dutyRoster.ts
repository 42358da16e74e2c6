import type ExcelJS from 'exceljs';
import { formatDmy, officialDate } from '../../../common/dates.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from './access.ts';
import { dutyEventDetail, momentText } from './duty.ts';
import { getSettings } from './settings.ts';

/**
 * The duty roster of one event as .xlsx (danh sách phân công cán bộ trực, phục vụ): the issuing
 * body's heading, the title, when and where, then one row per person on duty. Set up to print on A4
 * portrait, one page wide, the table's heading repeated; text wraps and each row is as tall as its
 * longest cell needs (Excel does not grow rows itself when a file sets wrapping).
 */
const FONT = 'Times New Roman';
const LINE_PT = 16;

type Col = { header: string; width: number };
const columns: Col[] = [
  { header: 'STT', width: 5 },
  { header: 'Họ và tên', width: 20 },
  { header: 'Chức vụ, đơn vị', width: 24 },
  { header: 'Nhiệm vụ được giao', width: 36 },
  { header: 'Thời gian', width: 15 },
  { header: 'Địa điểm', width: 20 },
];

/** How many lines a text takes in a column of `width` characters (Times New Roman 12: ~1.15 characters a unit). */
export function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split('\n').reduce((n, line) => {
    let lines = 1;
    let used = 0;
    for (const word of line.split(/\s+/u).filter(Boolean)) {
      const w = word.length;
      if (used === 0) used = w;
      else if (used + 1 + w <= perLine) used += 1 + w;
      else {
        lines++;
        used = w;
      }
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
    return n + lines;
  }, 0);
}

export async function dutyRosterXlsx(
  platform: Platform,
  caller: Caller,
  id: string,
): Promise<{ bytes: Uint8Array; name: string }> {
  const { event, duties } = await dutyEventDetail(platform, caller, id);
  const settings = await getSettings(platform);
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Kyniem';
  const ws = book.addWorksheet('Phân công trực', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  const font = (size = 12, bold = false, italic = false): Partial<ExcelJS.Font> => ({ name: FONT, size, bold, italic });
  const line = (r: number, from: number, to: number, value: string, f: Partial<ExcelJS.Font>, height?: number) => {
    ws.mergeCells(r, from, r, to);
    const cell = ws.getCell(r, from);
    cell.value = value.normalize('NFC');
    cell.font = f;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) ws.getRow(r).height = height;
  };
  // heading: the superior body and the issuing body on the left, the Party's name on the right
  line(1, 1, 3, settings.superiorBody.toLocaleUpperCase('vi'), font(12));
  line(1, 4, last, 'ĐẢNG CỘNG SẢN VIỆT NAM', font(12, true));
  line(2, 1, 3, settings.issuingBody.toLocaleUpperCase('vi'), font(12, true));
  line(2, 4, last, officialDate(null, settings.place, Number(event.startsAt.slice(0, 4))), font(12, false, true));
  line(3, 1, 3, '*', font(12));
  line(5, 1, last, 'DANH SÁCH PHÂN CÔNG CÁN BỘ TRỰC, PHỤC VỤ', font(14, true), 22);
  const titleLines = linesIn(event.title, 120);
  line(6, 1, last, event.title, font(13, true), titleLines * 18 + 4);
  const when = `Thời gian: từ ${momentText(event.startsAt)} đến ${momentText(event.endsAt)}. Địa điểm: ${event.place}.`;
  line(7, 1, last, when, font(12, false, true), linesIn(when, 120) * LINE_PT + 4);
  if (event.activity) {
    const act = `Thực hiện kế hoạch: ${event.activity.title}`;
    line(8, 1, last, act, font(11, false, true), linesIn(act, 130) * 15 + 4);
  }
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, bottom: thin, left: thin, right: thin };
  const headRow = 10;
  const head = ws.getRow(headRow);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = font(12, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  head.height = 2 * LINE_PT + 4;
  ws.pageSetup.printTitlesRow = `${headRow}:${headRow}`;
  duties.forEach((d, i) => {
    const values = [
      String(i + 1),
      d.person.name,
      [d.positionTitle, d.unit.name].filter(Boolean).join(', '),
      d.duties,
      d.startsAt.slice(0, 10) === d.endsAt.slice(0, 10)
        ? `${d.startsAt.slice(11, 16)} – ${d.endsAt.slice(11, 16)}\n${formatDmy(d.startsAt.slice(0, 10))}`
        : `${momentText(d.startsAt)}\nđến ${momentText(d.endsAt)}`,
      d.place,
    ];
    const row = ws.getRow(headRow + 1 + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      // the order number as a number (Excel flags a figure stored as text), the rest as text
      cell.value = c === 0 ? i + 1 : v.normalize('NFC');
      cell.font = font(12);
      cell.alignment = { vertical: 'top', horizontal: c === 0 ? 'center' : 'left', wrapText: true };
      cell.border = border;
    });
    row.height = Math.max(...values.map((v, c) => linesIn(v, columns[c].width))) * LINE_PT + 4;
  });
  if (duties.length === 0) {
    const r = headRow + 1;
    ws.mergeCells(r, 1, r, last);
    ws.getCell(r, 1).value = '(Chưa phân công cán bộ.)';
    ws.getCell(r, 1).font = font(12, false, true);
  }
  const signRow = headRow + Math.max(1, duties.length) + 2;
  line(signRow, 4, last, 'T/M VĂN PHÒNG', font(12, true));
  line(signRow + 1, 4, last, 'CHÁNH VĂN PHÒNG', font(12, true));
  const day = event.startsAt.slice(0, 10);
  return {
    bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    name: `phan-cong-truc-${day}.xlsx`,
  };
}
