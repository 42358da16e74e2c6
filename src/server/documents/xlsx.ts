/**
 * Tables to Excel: one worksheet per table, a bold header row that stays in view, column
 * widths, and real dates (ISO text in, Excel dates shown dd/mm/yyyy out) so that a person can
 * sort and filter them in Excel or LibreOffice.
 */
import ExcelJS from 'exceljs';
import { parseIsoDate } from '../../common/dates.ts';

export type SheetColumn = {
  /** The header cell's text. */
  header: string;
  /** The row field the column shows. */
  key: string;
  /**
   * 'date' columns take ISO `YYYY-MM-DD` text; 'year' is a whole number shown without a
   * thousands separator (a year, a code); 'text' is the default.
   */
  type?: 'text' | 'number' | 'integer' | 'year' | 'date';
  /** Width in characters; worked out from the content when absent. */
  width?: number;
};

export type SheetCell = string | number | null | undefined;

export type Sheet = {
  name: string;
  columns: SheetColumn[];
  rows: Array<Record<string, SheetCell>>;
  /** How the page lies when printed; by default portrait when the columns fit its width, else landscape. */
  orientation?: 'portrait' | 'landscape';
};

/**
 * The columns' total width (Excel's character units) that still prints at full size on A4
 * portrait between the margins below (8.27 in − 1.38 in ≈ 496 pt, a unit of Times New Roman 12
 * about 5.25 pt); wider sheets lie landscape, and `fitToWidth` shrinks whatever is wider still.
 */
export const PORTRAIT_WIDTH = 94;

export function orientationFor(widths: readonly number[]): 'portrait' | 'landscape' {
  return widths.reduce((a, b) => a + b, 0) <= PORTRAIT_WIDTH ? 'portrait' : 'landscape';
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFC')
      .replace(/[:\\/?*[\]]/g, '-')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function cellValue(column: SheetColumn, value: SheetCell): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'date': {
      const parts = typeof value === 'string' ? parseIsoDate(value) : null;
      if (!parts) throw new RangeError(`column "${column.header}": not an ISO date: ${String(value)}`);
      return new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
    }
    case 'number':
    case 'year':
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw new RangeError(`column "${column.header}": not a number: ${String(value)}`);
      return n;
    }
    default:
      return String(value).normalize('NFC');
  }
}

const numberFormats: Record<NonNullable<SheetColumn['type']>, string | undefined> = {
  date: 'dd/mm/yyyy',
  integer: '#,##0',
  year: '0',
  number: '#,##0.##',
  text: '@',
};

function fittedWidth(column: SheetColumn, rows: Sheet['rows']): number {
  if (column.width) return column.width;
  if (column.type === 'date') return Math.max(12, column.header.length + 2);
  if (column.type === 'year') return Math.max(8, column.header.length + 2);
  let longest = column.header.length;
  for (const row of rows) {
    const v = row[column.key];
    if (v !== null && v !== undefined)
      longest = Math.max(
        longest,
        ...String(v)
          .split('\n')
          .map((l) => l.length),
      );
  }
  return Math.min(60, Math.max(8, longest + 2));
}

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };

/** A 12 pt Times New Roman line, in points (Excel's row height unit). */
const lineHeightPt = 15.75;

/**
 * The height a row needs for its wrapped text: Excel does not fit rows to wrapped text when it
 * opens a file (LibreOffice does), so each row states it. The lines a cell takes are counted from
 * the column's width in characters (a character's width is about Excel's unit; a little is kept
 * for the cell's padding), paragraph by paragraph.
 */
export function fittedHeight(values: readonly ExcelJS.CellValue[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !v) return;
    const perLine = Math.max(1, Math.floor((widths[i] ?? 10) - 1));
    const needed = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.round(lines * lineHeightPt * 100) / 100;
}

/**
 * Gives rows `from`…`to` of a sheet built by hand the height their wrapped text needs (as
 * `toXlsx` does for its own rows): Excel keeps a row one line high when it opens a file, and
 * LibreOffice does too for a row written without a height, so a long name ran over the rows
 * below on the printed page. A merged cell counts the width of all its columns, a hidden
 * column nothing; a row keeps a greater height already set.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, from: number, to: number): void {
  const widthOf = (c: number) => ws.getColumn(c).width ?? 9;
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    const values: ExcelJS.CellValue[] = [];
    const widths: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if ((cell.isMerged && cell.master !== cell) || ws.getColumn(c).hidden) return;
      let width = widthOf(c);
      if (cell.isMerged)
        for (let next = c + 1; next <= ws.columnCount && row.getCell(next).master === cell; next++)
          width += widthOf(next);
      values.push(cell.value);
      // measured on LibreOffice's page: a unit name of Times New Roman 12 in a column 44 wide
      // wrapped after 38 characters, so count a little less than the width
      widths.push(width * 0.86);
    });
    const needed = fittedHeight(values, widths);
    if (needed > (row.height ?? lineHeightPt)) row.height = needed;
  }
}

/** The sheets as an .xlsx file. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Kyniem';
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const widths = sheet.columns.map((c) => fittedWidth(c, sheet.rows));
    const ws = book.addWorksheet(sheetName(sheet.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      // A4 (paper size 9), the way the columns fit, as wide as the page, the Party format's margins in inches
      pageSetup: {
        paperSize: 9,
        orientation: sheet.orientation ?? orientationFor(widths),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    });
    ws.columns = sheet.columns.map((c, i) => ({
      key: c.key,
      width: widths[i],
      style: { font: { name: 'Times New Roman', size: 12 }, numFmt: numberFormats[c.type ?? 'text'] },
    }));
    const headers = sheet.columns.map((c) => c.header.normalize('NFC'));
    const head = ws.addRow(headers);
    head.height = fittedHeight(headers, widths);
    head.font = { name: 'Times New Roman', size: 12, bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    head.eachCell((cell) => {
      cell.numFmt = 'General';
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    });
    for (const row of sheet.rows) {
      const values = sheet.columns.map((c) => cellValue(c, row[c.key]));
      const added = ws.addRow(values);
      added.alignment = { vertical: 'top', wrapText: true };
      added.height = fittedHeight(values, widths);
    }
    if (sheet.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
      ws.pageSetup.printTitlesRow = '1:1';
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
