import ExcelJS from 'exceljs';
import { formatDmy, parseDmy, parseIsoDate, todayIso } from '../../../common/dates.ts';
import { periodLabel, periodsBetween, periodWindow, type PeriodRef } from '../../../common/periods.ts';
import {
  cellsOf,
  checkForm,
  checkValue,
  type Bilingual,
  type FormValue,
  type ValueType,
} from '../../../common/reportValues.ts';
import { fold } from '../../../common/text.ts';
import { fitRowHeights } from '../../documents/xlsx.ts';
import { AppError, fail, type FieldProblem } from '../../platform/http/errors.ts';
import { inspectOrRefuse, looksLikeZip } from '../../platform/files/archive.ts';
import type { Platform } from '../../platform/platform.ts';
import { childUnits, subtreeOf, unitRefs } from '../organisation/index.ts';
import { mayRead, maySubmit, type Caller } from './access.ts';
import { expectedUnits } from './assignment.ts';
import { aggregationWords, statusWords } from './documents.ts';
import { indicatorIdsOf, type Indicator, type Template } from './model.ts';
import { isTemplatePeriod, periodRef } from './periods.ts';
import { totalsOf } from './rollup.ts';
import { getForm, saveReport, scopeOf } from './submissions.ts';
import { findTemplate } from './templates.ts';
import { subtreeTotals, type TotalLine } from './totals.ts';

/**
 * A unit's report in and out of Excel, and the totals as a printable workbook.
 *
 * The form (`formXlsx`) is the template for one unit and period with the values so far: a title
 * block, one row per indicator cell, the value and comment cells open and everything else
 * protected, Excel's own data validation where a type allows it, and hidden ids — per row the
 * indicator and breakdown cell, and on a very hidden sheet the template, unit, period and the
 * report's version — so that an upload is matched by id, never by wording or position.
 *
 * An upload (`previewFormXlsx`) is read and checked without saving anything: a file of another
 * template, unit or period, a report that cannot be edited now, unknown rows, values of the wrong
 * type are errors, each named by its row; compulsory cells left empty and the rules between
 * indicators are warnings (a draft may break them; submitting may not). `confirmFormXlsx` reads
 * the same file again, refuses it while it has errors, and saves its values as a draft through
 * `saveReport`, so the same checks, value history, live totals and audit apply.
 */
const FORMAT = 'kyniem.report-form.v1';
const META_SHEET = 'kyniem';
const ID_HEADER = 'indicatorId';
const KEY_HEADER = 'breakdownKey';
const MAX_ROWS = 5000;
const font = 'Times New Roman';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, bottom: thin, left: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };
const inputFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF9DB' } };
const dmy = (iso: string | null | undefined) => (iso ? formatDmy(iso) : '');

type Form = Awaited<ReturnType<typeof getForm>>;

// ---------------------------------------------------------------------------------------------
// The form as .xlsx

const columns = [
  { key: 'no', vi: 'STT', width: 6 },
  { key: 'code', vi: 'Mã chỉ tiêu', width: 14 },
  { key: 'name', vi: 'Chỉ tiêu', width: 46 },
  { key: 'breakdown', vi: 'Phân tổ', width: 14 },
  { key: 'unit', vi: 'Đơn vị tính', width: 12 },
  { key: 'required', vi: 'Bắt buộc', width: 9 },
  { key: 'value', vi: 'Số liệu', width: 16 },
  { key: 'comment', vi: 'Ghi chú', width: 36 },
  { key: 'id', vi: ID_HEADER, width: 10 },
  { key: 'cell', vi: KEY_HEADER, width: 10 },
] as const;
const col = (key: (typeof columns)[number]['key']) => columns.findIndex((c) => c.key === key) + 1;
const letter = (n: number) => String.fromCharCode(64 + n);

const typeHints: Record<ValueType, string> = {
  integer: 'Số nguyên không âm',
  number: 'Số (dấu phẩy thập phân, ví dụ 12,5)',
  percentage: 'Tỷ lệ từ 0 đến 100',
  boolean: 'Chọn Có hoặc Không',
  date: 'Ngày dd/mm/yyyy',
  text: 'Văn bản, tối đa 2000 ký tự',
};

function validationOf(type: ValueType): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Số liệu không hợp lệ',
    showInputMessage: true,
    promptTitle: 'Nhập số liệu',
    prompt: typeHints[type],
  };
  switch (type) {
    case 'integer':
      return { ...base, type: 'whole', operator: 'between', formulae: [0, 1e12], error: 'Phải là số nguyên không âm.' };
    case 'number':
      return { ...base, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], error: 'Phải là một số.' };
    case 'percentage':
      return {
        ...base,
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100],
        error: 'Phải là tỷ lệ từ 0 đến 100 (%).',
      };
    case 'boolean':
      return { ...base, type: 'list', formulae: ['"Có,Không"'], error: 'Chọn Có hoặc Không.' };
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2999, 11, 31))],
        error: 'Ngày không hợp lệ (dd/mm/yyyy).',
      };
    case 'text':
      return {
        ...base,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [2000],
        error: 'Nội dung quá dài (tối đa 2000 ký tự).',
      };
  }
}

function cellValueOut(type: ValueType, value: number | string | null): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'boolean') return Number(value) === 1 ? 'Có' : 'Không';
  if (type === 'date' && typeof value === 'string') {
    const p = parseIsoDate(value);
    return p ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : value;
  }
  return value;
}

const numberFormats: Partial<Record<ValueType, string>> = { integer: '#,##0', date: 'dd/mm/yyyy', text: '@' };

/** Who the file is for, in words, and how the report stands. */
function titleLines(form: Form, template: Template): string[] {
  const ref = periodRef(template, form.periodId);
  const d = form.deadlines;
  const status = form.submission ? statusWords[form.submission.status].vi : 'Chưa nhập';
  return [
    form.template.name,
    `Đơn vị: ${form.unit.name}`,
    `Kỳ báo cáo: ${periodLabel(ref, 'vi')} (số liệu từ ngày ${dmy(d.window.start)} đến ngày ${dmy(d.window.end)})`,
    `Hạn nộp: ${dmy(d.due)} · Khóa sổ từ ngày ${dmy(d.lockOn)}`,
    `Tình trạng: ${status}${form.submission ? ` (phiên bản ${form.submission.version})` : ''}${form.locked ? ` — ${form.locked.messages.vi}` : ''}`,
    'Chỉ nhập vào hai cột "Số liệu" và "Ghi chú"; không thêm, xóa hay đổi thứ tự dòng. Tải tệp lên ở màn hình báo cáo của đơn vị để xem trước rồi lưu.',
  ];
}

/** The template for a unit and period as .xlsx, prefilled with the values so far. */
export async function formXlsx(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string },
) {
  const form = await getForm(platform, caller, q.templateId, q.unitId, q.periodId);
  const template = await findTemplate(platform, q.templateId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kyniem';
  wb.created = platform.clock();
  const ws = wb.addWorksheet('Báo cáo', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { font: { name: font, size: 12 } } }));
  const lines = titleLines(form, template);
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, col('comment'));
    row.getCell(1).font = { name: font, size: i === 0 ? 14 : 12, bold: i === 0, italic: i === lines.length - 1 };
    row.getCell(1).alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (i === lines.length - 1) row.height = 32;
  });
  const headerRow = lines.length + 2;
  const head = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.vi;
    cell.font = { name: font, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = headerFill;
    cell.border = border;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const byId = new Map(form.indicators.map((i) => [i.id, i]));
  const values = new Map(form.values.map((v) => [`${v.indicatorId}|${v.breakdownKey}`, v]));
  let r = headerRow + 1;
  let no = 0;
  for (const section of form.template.sections) {
    const sectionRow = ws.getRow(r);
    sectionRow.getCell(1).value = section.title;
    ws.mergeCells(r, 1, r, col('comment'));
    sectionRow.getCell(1).font = { name: font, size: 12, bold: true };
    sectionRow.getCell(1).border = border;
    r++;
    for (const item of section.items) {
      const ind = byId.get(item.indicatorId);
      if (!ind) continue;
      no++;
      for (const key of cellsOf(ind)) {
        const v = values.get(`${ind.id}|${key}`);
        const row = ws.getRow(r);
        const label = ind.breakdown.find((b) => b.key === key)?.label.vi ?? '';
        row.getCell(col('no')).value = key === cellsOf(ind)[0] ? no : null;
        row.getCell(col('code')).value = ind.code;
        row.getCell(col('name')).value = ind.name;
        row.getCell(col('breakdown')).value = label || null;
        row.getCell(col('unit')).value = ind.unit;
        row.getCell(col('required')).value = item.required ? 'Có' : null;
        const value = row.getCell(col('value'));
        value.value = cellValueOut(ind.valueType, v?.value ?? null);
        value.numFmt = numberFormats[ind.valueType] ?? 'General';
        value.dataValidation = validationOf(ind.valueType);
        value.protection = { locked: false };
        value.fill = inputFill;
        value.alignment = {
          horizontal: ind.valueType === 'text' ? 'left' : 'right',
          vertical: 'top',
          wrapText: ind.valueType === 'text',
        };
        const comment = row.getCell(col('comment'));
        comment.value = v?.comment ?? null;
        comment.numFmt = '@';
        comment.protection = { locked: false };
        comment.fill = inputFill;
        comment.alignment = { vertical: 'top', wrapText: true };
        comment.dataValidation = {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: [1000],
          allowBlank: true,
          showErrorMessage: true,
          error: 'Ghi chú tối đa 1000 ký tự.',
        };
        row.getCell(col('id')).value = ind.id;
        row.getCell(col('cell')).value = key;
        for (let c = 1; c <= col('comment'); c++) {
          const cell = row.getCell(c);
          cell.border = border;
          if (c < col('value'))
            cell.alignment = {
              vertical: 'top',
              wrapText: true,
              horizontal: c === col('no') || c === col('required') ? 'center' : 'left',
            };
        }
        r++;
      }
    }
  }
  ws.getColumn(col('id')).hidden = true;
  ws.getColumn(col('cell')).hidden = true;
  // the codes whole on one line (capitals and underscores are wider than a character unit),
  // every row as high as its wrapped text
  ws.getColumn(col('code')).width = Math.max(14, ...form.indicators.map((i) => Math.ceil(i.code.length * 1.3) + 2));
  fitRowHeights(ws, headerRow, r - 1);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['format', FORMAT],
    ['templateId', form.template.id],
    ['templateCode', form.template.code],
    ['unitId', form.unit.id],
    ['periodId', form.periodId],
    ['version', form.submission?.version ?? 0],
    ['downloadedAt', platform.clock().toISOString()],
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    bytes,
    fileName: `${form.template.code} - ${form.unit.shortName ?? form.unit.name} - ${periodLabel(periodRef(template, form.periodId), 'vi').replace(/\//g, '-')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading an upload

export type FormFileProblem = {
  /** The sheet row (as Excel numbers it), null for the file as a whole. */
  row: number | null;
  column: string | null;
  code: string;
  /** Errors stop the file from being saved; warnings only say what a submit will ask for. */
  severity: 'error' | 'warning';
  indicatorId?: string;
  breakdownKey?: string;
  messages: Bilingual;
};

export type FormFileRow = {
  row: number;
  indicatorId: string;
  code: string;
  name: string;
  breakdownKey: string;
  breakdownLabel: string | null;
  current: number | string | null;
  value: number | string | null;
  currentComment: string | null;
  comment: string | null;
  changed: boolean;
};

const notXlsx = () =>
  fail.badRequest('NOT_XLSX', {
    vi: 'Tệp tải lên không phải tệp Excel .xlsx đọc được.',
    en: 'The uploaded file is not a readable Excel .xlsx file.',
  });

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!looksLikeZip(bytes)) throw notXlsx();
  await inspectOrRefuse(bytes, notXlsx);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw notXlsx();
  }
  return wb;
}

type Raw = string | number | boolean | Date | { error: string } | null;

function rawOf(value: ExcelJS.CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC').trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value)
      return (
        value.richText
          .map((t) => t.text)
          .join('')
          .normalize('NFC')
          .trim() || null
      );
    if ('error' in value) return { error: String(value.error) };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? { error: 'formula' } : rawOf(result);
    }
    if ('text' in value && typeof value.text === 'string') return value.text.normalize('NFC').trim() || null;
  }
  return String(value);
}

const textOf = (raw: Raw): string | null =>
  raw === null
    ? null
    : raw instanceof Date
      ? raw.toISOString().slice(0, 10)
      : typeof raw === 'object'
        ? null
        : String(raw).normalize('NFC').trim() || null;

/** Numbers as a Vietnamese writes them ("1.234,5", "12,5") or as Excel stores them. */
export function numberFromText(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^[-+]?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^[-+]?\d*\.\d+$|^[-+]?\d+$/.test(t)) return Number(t);
  return null;
}

const yes = new Set(['co', 'x', '1', 'yes', 'y', 'true', 'dung']);
const no = new Set(['khong', '0', 'no', 'n', 'false', 'sai']);

/** What was typed, as a message quotes it: at most 40 characters. */
const quote = (raw: Raw) => {
  const t = textOf(raw) ?? '';
  return `"${t.length > 40 ? `${t.slice(0, 39)}…` : t}"`;
};

/** A cell's value as the form takes it, or why it cannot be one. */
function readValue(type: ValueType, cell: ExcelJS.Cell): { value: number | string | null } | { problem: Bilingual } {
  const raw = rawOf(cell.value);
  if (raw === null) return { value: null };
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    return {
      problem: {
        vi: `Ô có lỗi hoặc công thức chưa tính (${raw.error}); hãy nhập số liệu trực tiếp.`,
        en: `The cell holds an error or an uncalculated formula (${raw.error}); type the value in.`,
      },
    };
  }
  let value: number | string | null = null;
  switch (type) {
    case 'integer':
    case 'number':
    case 'percentage': {
      if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string') {
        const percent = type === 'percentage' && raw.trim().endsWith('%');
        const n = numberFromText(percent ? raw.trim().slice(0, -1) : raw);
        value = n;
      }
      // 95 % typed into a cell formatted as a percentage is stored as 0.95
      if (type === 'percentage' && typeof raw === 'number' && /%/.test(cell.numFmt ?? ''))
        value = Math.round(raw * 100 * 1e9) / 1e9;
      if (value === null)
        return { problem: { vi: `${quote(raw)} không phải là số.`, en: `${quote(raw)} is not a number.` } };
      break;
    }
    case 'boolean': {
      const f = typeof raw === 'boolean' ? (raw ? '1' : '0') : fold(String(textOf(raw) ?? ''));
      if (yes.has(f)) value = 1;
      else if (no.has(f)) value = 0;
      else
        return {
          problem: {
            vi: `${quote(raw)}: chọn "Có" hoặc "Không".`,
            en: `${quote(raw)}: choose "Có" (yes) or "Không" (no).`,
          },
        };
      break;
    }
    case 'date': {
      if (raw instanceof Date) value = raw.toISOString().slice(0, 10);
      else {
        const s = String(raw).trim();
        value = parseDmy(s) ?? (parseIsoDate(s) ? s : null);
      }
      if (value === null)
        return {
          problem: {
            vi: `${quote(raw)} không phải ngày hợp lệ (dd/mm/yyyy).`,
            en: `${quote(raw)} is not a valid date (dd/mm/yyyy).`,
          },
        };
      break;
    }
    case 'text':
      value = raw instanceof Date ? formatDmy(raw.toISOString().slice(0, 10)) : String(raw).normalize('NFC').trim();
      break;
  }
  const wrong = checkValue(type, value);
  return wrong ? { problem: wrong } : { value };
}

type Located = {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  at: Record<'id' | 'cell' | 'value' | 'comment' | 'code', number>;
};

/** The sheet whose header row carries the hidden id columns, and where each column is. */
function locate(wb: ExcelJS.Workbook): Located | null {
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
      const found: Partial<Located['at']> = {};
      ws.getRow(r).eachCell((cell, c) => {
        const t = textOf(rawOf(cell.value));
        if (t === ID_HEADER) found.id = c;
        else if (t === KEY_HEADER) found.cell = c;
        else if (t && fold(t) === fold('Số liệu')) found.value = c;
        else if (t && fold(t) === fold('Ghi chú')) found.comment = c;
        else if (t && fold(t) === fold('Mã chỉ tiêu')) found.code = c;
      });
      if (found.id && found.cell && found.value)
        return { ws, headerRow: r, at: { comment: 0, code: 0, ...found } as Located['at'] };
    }
  }
  return null;
}

function metaOf(wb: ExcelJS.Workbook): Record<string, string> | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  const out: Record<string, string> = {};
  ws.eachRow((row) => {
    const k = textOf(rawOf(row.getCell(1).value));
    const v = textOf(rawOf(row.getCell(2).value));
    if (k && v !== null) out[k] = v;
  });
  return out.format === FORMAT ? out : null;
}

const fileProblem = (
  code: string,
  vi: string,
  en: string,
  severity: 'error' | 'warning' = 'error',
): FormFileProblem => ({ row: null, column: null, code, severity, messages: { vi, en } });

/**
 * Reads and checks an uploaded form against the form it is uploaded to (template, unit,
 * period of the query). Saves nothing.
 */
async function readFormFile(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string },
  bytes: Uint8Array,
) {
  const form = await getForm(platform, caller, q.templateId, q.unitId, q.periodId);
  const template = await findTemplate(platform, q.templateId);
  if (!(await maySubmit(platform, caller, q.unitId))) throw fail.forbidden();
  const wb = await loadWorkbook(bytes);
  const problems: FormFileProblem[] = [];
  const rows: FormFileRow[] = [];
  const ref = periodRef(template, form.periodId);
  const head = {
    templateId: form.template.id,
    unitId: form.unit.id,
    periodId: form.periodId,
    template: { code: form.template.code, name: form.template.name },
    unit: { id: form.unit.id, name: form.unit.name },
    periodLabel: periodLabel(ref, 'vi'),
    currentVersion: form.submission?.version ?? 0,
  };
  const meta = metaOf(wb);
  const located = locate(wb);
  if (!meta || !located) {
    problems.push(
      fileProblem(
        'not_a_form',
        'Tệp không phải mẫu báo cáo tải từ Kyniem (thiếu mã nhận dạng ẩn). Hãy tải mẫu Excel của kỳ này, nhập số liệu vào đó rồi tải lên.',
        "The file is not a report form downloaded from Kyniem (its hidden ids are missing). Download this period's Excel form, fill it in and upload it.",
      ),
    );
    return { ...head, form, fileVersion: null, problems, rows };
  }
  const fileVersion = Number(meta.version ?? 0);
  // A file of another form is refused whole: its rows would be matched against the wrong report.
  if (meta.templateId !== form.template.id) {
    const other = await findTemplate(platform, meta.templateId ?? '').catch(() => null);
    problems.push(
      fileProblem(
        'other_template',
        `Tệp là mẫu của biểu mẫu khác${other ? ` ("${other.name}")` : ''}, không phải "${form.template.name}".`,
        `The file is the form of another template${other ? ` ("${other.name}")` : ''}, not "${form.template.name}".`,
      ),
    );
  } else {
    if (meta.unitId !== form.unit.id) {
      const other =
        meta.unitId && (await mayRead(platform, caller, meta.unitId).catch(() => false))
          ? (await unitRefs(platform, [meta.unitId])).get(meta.unitId)
          : undefined;
      problems.push(
        fileProblem(
          'other_unit',
          `Tệp là báo cáo của đơn vị khác${other ? ` (${other.name})` : ''}, không phải của ${form.unit.name}.`,
          `The file is the report of another unit${other ? ` (${other.name})` : ''}, not of ${form.unit.name}.`,
        ),
      );
    }
    if (meta.periodId !== form.periodId) {
      const theirs =
        meta.periodId && isTemplatePeriod(template, meta.periodId)
          ? periodLabel(periodRef(template, meta.periodId), 'vi')
          : meta.periodId;
      problems.push(
        fileProblem(
          'other_period',
          `Tệp là báo cáo kỳ ${theirs ?? '?'}, không phải kỳ ${head.periodLabel}.`,
          `The file is the report for ${theirs ?? '?'}, not for ${periodLabel(ref, 'en')}.`,
        ),
      );
    }
  }
  if (problems.length) return { ...head, form, fileVersion, problems, rows };

  if (!template.isActive)
    problems.push(fileProblem('TEMPLATE_INACTIVE', 'Biểu mẫu đã ngừng sử dụng.', 'The template is no longer in use.'));
  if (form.locked) problems.push(fileProblem(form.locked.code, form.locked.messages.vi, form.locked.messages.en));
  else if (!form.expected)
    problems.push(
      fileProblem(
        'not_expected',
        'Đơn vị này không thuộc diện báo cáo theo biểu mẫu này trong kỳ.',
        'This unit is not asked to report on this template for the period.',
      ),
    );
  if (form.submission && fileVersion !== form.submission.version) {
    problems.push(
      fileProblem(
        'changed_since_download',
        `Báo cáo đã được sửa sau khi tải tệp (phiên bản ${fileVersion} → ${form.submission.version}); hãy xem kỹ cột số liệu hiện tại bên cạnh số liệu trong tệp.`,
        `The report has changed since the file was downloaded (version ${fileVersion} → ${form.submission.version}); check the current values beside the file's.`,
        'warning',
      ),
    );
  }

  const { ws, headerRow, at } = located;
  const name = (c: number) => `${letter(c)} · ${textOf(rawOf(ws.getRow(headerRow).getCell(c).value)) ?? ''}`;
  const indicators = new Map<string, Indicator>(form.indicators.map((i) => [i.id, i]));
  const current = new Map(form.values.map((v) => [`${v.indicatorId}|${v.breakdownKey}`, v]));
  const seen = new Map<string, number>();
  if (ws.rowCount > MAX_ROWS)
    problems.push(
      fileProblem('too_many_rows', `Tệp có quá ${MAX_ROWS} dòng.`, `The file has more than ${MAX_ROWS} rows.`),
    );
  for (let r = headerRow + 1; r <= Math.min(ws.rowCount, MAX_ROWS); r++) {
    const row = ws.getRow(r);
    const id = textOf(rawOf(row.getCell(at.id).value));
    const key = textOf(rawOf(row.getCell(at.cell).value)) ?? '';
    const valueCell = row.getCell(at.value);
    const typed = rawOf(valueCell.value) !== null || (at.comment > 0 && rawOf(row.getCell(at.comment).value) !== null);
    if (!id) {
      if (typed && !row.getCell(1).isMerged) {
        problems.push({
          row: r,
          column: name(at.value),
          code: 'unknown_row',
          severity: 'error',
          messages: {
            vi: 'Dòng này không thuộc mẫu báo cáo (không có mã chỉ tiêu ẩn); số liệu ở đây không được nhận. Hãy nhập vào dòng của chỉ tiêu.',
            en: "This row is not part of the form (it has no hidden indicator id); its value cannot be taken. Enter it on the indicator's row.",
          },
        });
      }
      continue;
    }
    const ind = indicators.get(id);
    if (!ind || !cellsOf(ind).includes(key)) {
      problems.push({
        row: r,
        column: name(at.id),
        code: 'unknown_indicator',
        severity: 'error',
        messages: {
          vi: 'Chỉ tiêu (hoặc phân tổ) của dòng này không có trong biểu mẫu.',
          en: 'The indicator (or breakdown cell) of this row is not in the template.',
        },
      });
      continue;
    }
    const k = `${id}|${key}`;
    if (seen.has(k)) {
      problems.push({
        row: r,
        column: name(at.id),
        code: 'duplicate_row',
        severity: 'error',
        indicatorId: id,
        breakdownKey: key,
        messages: {
          vi: `Chỉ tiêu "${ind.name}" xuất hiện hai lần (dòng ${seen.get(k)} và dòng ${r}).`,
          en: `The indicator "${ind.name}" appears twice (rows ${seen.get(k)} and ${r}).`,
        },
      });
      continue;
    }
    seen.set(k, r);
    if (at.code) {
      const code = textOf(rawOf(row.getCell(at.code).value));
      if (code && code !== ind.code) {
        problems.push({
          row: r,
          column: name(at.code),
          code: 'code_mismatch',
          severity: 'error',
          indicatorId: id,
          breakdownKey: key,
          messages: {
            vi: `Mã chỉ tiêu ${quote(code)} không khớp với chỉ tiêu của dòng (${ind.code}); đừng sửa các cột nhãn.`,
            en: `The code ${quote(code)} does not match the row's indicator (${ind.code}); do not edit the label columns.`,
          },
        });
        continue;
      }
    }
    const read = readValue(ind.valueType, valueCell);
    const label = ind.breakdown.find((b) => b.key === key)?.label.vi ?? null;
    const what = `${ind.name}${label ? ` (${label})` : ''}`;
    if ('problem' in read) {
      problems.push({
        row: r,
        column: name(at.value),
        code: 'invalid_value',
        severity: 'error',
        indicatorId: id,
        breakdownKey: key,
        messages: { vi: `${what}: ${read.problem.vi}`, en: `${what}: ${read.problem.en}` },
      });
      continue;
    }
    let comment: string | null = null;
    if (at.comment) {
      comment = textOf(rawOf(row.getCell(at.comment).value));
      if (comment && comment.length > 1000) {
        problems.push({
          row: r,
          column: name(at.comment),
          code: 'too_long',
          severity: 'error',
          indicatorId: id,
          breakdownKey: key,
          messages: { vi: 'Ghi chú dài quá 1000 ký tự.', en: 'The comment is longer than 1000 characters.' },
        });
        continue;
      }
    }
    const before = current.get(k);
    const cur = before?.value ?? null;
    const curComment = before?.comment ?? null;
    rows.push({
      row: r,
      indicatorId: id,
      code: ind.code,
      name: ind.name,
      breakdownKey: key,
      breakdownLabel: label,
      current: cur,
      value: read.value,
      currentComment: curComment,
      comment,
      changed: String(cur ?? '') !== String(read.value ?? '') || (curComment ?? '') !== (comment ?? ''),
    });
  }
  if (!rows.length && !problems.some((p) => p.severity === 'error')) {
    problems.push(fileProblem('empty', 'Tệp không có dòng chỉ tiêu nào.', 'The file has no indicator rows.'));
  }

  // What a submit will ask for: compulsory cells and the rules, on the report as it would stand.
  const merged = new Map<string, FormValue>(
    form.values.map((v) => [
      `${v.indicatorId}|${v.breakdownKey}`,
      { indicatorId: v.indicatorId, breakdownKey: v.breakdownKey, value: v.value },
    ]),
  );
  for (const row of rows)
    merged.set(`${row.indicatorId}|${row.breakdownKey}`, {
      indicatorId: row.indicatorId,
      breakdownKey: row.breakdownKey,
      value: row.value,
    });
  const items = form.template.sections.flatMap((s) => s.items);
  /** A cell's row; for a rule, the indicator's first row. */
  const rowOf = (indicatorId: string, breakdownKey: string | null) =>
    breakdownKey !== null
      ? (seen.get(`${indicatorId}|${breakdownKey}`) ?? null)
      : ([...seen]
          .filter(([k]) => k.startsWith(`${indicatorId}|`))
          .map(([, r]) => r)
          .sort((x, y) => x - y)[0] ?? null);
  for (const p of checkForm(form.indicators, items, form.template.rules, [...merged.values()], { complete: true })) {
    if (p.code !== 'required' && p.code !== 'rule') continue;
    const ind = indicators.get(p.indicatorId);
    const label = ind?.breakdown.find((b) => b.key === p.breakdownKey)?.label.vi;
    const what = `${ind?.name ?? ''}${label ? ` (${label})` : ''}`;
    problems.push({
      row: rowOf(p.indicatorId, p.breakdownKey),
      column: name(at.value),
      code: p.code,
      severity: 'warning',
      indicatorId: p.indicatorId,
      ...(p.breakdownKey !== null ? { breakdownKey: p.breakdownKey } : {}),
      messages: {
        vi: `${p.code === 'rule' ? '' : `${what}: `}${p.messages.vi} (Lưu nháp được; cần sửa trước khi gửi.)`,
        en: `${p.code === 'rule' ? '' : `${what}: `}${p.messages.en} (The draft can be saved; fix this before submitting.)`,
      },
    });
  }
  problems.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  return { ...head, form, fileVersion, problems, rows };
}

const previewOf = (read: Awaited<ReturnType<typeof readFormFile>>) => {
  const { form: _form, ...rest } = read;
  const errors = read.problems.filter((p) => p.severity === 'error').length;
  return {
    ...rest,
    valid: errors === 0,
    errors,
    warnings: read.problems.length - errors,
    changed: read.rows.filter((r) => r.changed).length,
  };
};

/** The preview of an uploaded form: every problem by row, the values beside the current ones. Nothing is saved. */
export async function previewFormXlsx(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string },
  bytes: Uint8Array,
) {
  return previewOf(await readFormFile(platform, caller, q, bytes));
}

/**
 * Reads the file again and saves its values as a draft through `saveReport` (the same checks,
 * history, totals and audit as the form on screen). `version`: the report's version the preview
 * showed; a save over a newer one is refused (409).
 */
export async function confirmFormXlsx(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string; version?: number },
  bytes: Uint8Array,
) {
  const read = await readFormFile(platform, caller, q, bytes);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const details: FieldProblem[] = errors.slice(0, 200).map((p) => ({
      in: 'file',
      path: p.row === null ? 'file' : `row ${p.row}${p.column ? ` · ${p.column}` : ''}`,
      code: p.code,
      messages: p.messages,
    }));
    throw new AppError(
      400,
      'XLSX_HAS_PROBLEMS',
      {
        vi: 'Tệp còn lỗi; hãy sửa và tải lên lại. Chưa có gì được lưu.',
        en: 'The file has problems; fix it and upload again. Nothing was saved.',
      },
      details,
    );
  }
  return saveReport(platform, caller, {
    templateId: q.templateId,
    unitId: q.unitId,
    periodId: q.periodId,
    values: read.rows.map((r) => ({
      indicatorId: r.indicatorId,
      breakdownKey: r.breakdownKey,
      value: r.value,
      comment: r.comment,
    })),
    ...(q.version !== undefined ? { version: q.version } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// The totals as a printable workbook

const numFmt = (v: number) => (Number.isInteger(v) ? '#,##0' : '#,##0.00');

function styleTable(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, width: number) {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.border = border;
      if (typeof cell.value === 'number') {
        cell.numFmt = numFmt(cell.value);
        cell.alignment = { horizontal: 'right', vertical: 'top' };
      } else if (!cell.alignment) cell.alignment = { vertical: 'top', wrapText: true };
    }
  }
}

function titleBlock(ws: ExcelJS.Worksheet, lines: string[], width: number) {
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, width);
    row.getCell(1).font = { name: font, size: i === 0 ? 14 : 12, bold: i === 0, italic: i > 1 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

function headerCells(ws: ExcelJS.Worksheet, row: number, titles: string[]) {
  titles.forEach((t, i) => {
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = t;
    cell.font = { name: font, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = headerFill;
    cell.border = border;
  });
}

/** The template's own periods from … to (a campaign: its one period). */
function periodsOf(template: { periodType: string; code: string }, from: string, to: string): string[] {
  return template.periodType === 'campaign' ? [from] : periodsBetween(from, to);
}

/**
 * The totals of a unit's subtree over a range as .xlsx: sheet 1 the totals per indicator with
 * a column per breakdown category (the same numbers as GET /api/reporting/totals); sheet 2 the
 * drill-down, one row per child unit that reports or holds reporting units, its subtree's
 * totals for the range; formatted for printing (A4 landscape, headers repeated, numbers right
 * aligned with thousands separators).
 */
export async function totalsXlsx(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; from: string; to: string },
) {
  const totals = await totalsOf(platform, caller, q);
  const template = await findTemplate(platform, q.templateId);
  const { scope, indicators } = await scopeOf(platform, template);
  const unit = (await unitRefs(platform, [q.unitId])).get(q.unitId)!;
  const ref = (id: string): PeriodRef => periodRef(template, id);
  const range =
    q.from === q.to
      ? periodLabel(ref(q.from), 'vi')
      : `${periodLabel(ref(q.from), 'vi')} – ${periodLabel(ref(q.to), 'vi')}`;
  const today = dmy(todayIso(platform.clock()));
  const counted = template.countsOn === 'approved' ? 'các báo cáo đã được duyệt' : 'các báo cáo đã gửi và đã duyệt';
  const title = [
    'SỐ LIỆU TỔNG HỢP',
    template.name,
    `Đơn vị: ${unit.name} (gồm các đơn vị trực thuộc) · Kỳ: ${range}`,
    `Số liệu đến ngày ${today}, gồm ${counted}.`,
  ];

  const ids = indicatorIdsOf(template).filter((id) => indicators.get(id)?.aggregation !== 'none');
  const cats: { key: string; label: string }[] = [];
  for (const id of ids)
    for (const b of indicators.get(id)!.breakdown)
      if (!cats.some((c) => c.key === b.key)) cats.push({ key: b.key, label: b.label.vi });

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kyniem';
  const page: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };

  // Sheet 1: the totals per indicator
  const ws = wb.addWorksheet('Tổng hợp', { pageSetup: page });
  const heads = [
    'STT',
    'Mã chỉ tiêu',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Cách tổng hợp',
    'Tổng số',
    ...cats.map((c) => c.label),
    'Số lượt báo cáo',
  ];
  ws.columns = heads.map((h, i) => ({
    width: i === 2 ? 46 : i === 0 ? 6 : i === 4 ? 18 : Math.max(12, h.length + 2),
    style: { font: { name: font, size: 12 } },
  }));
  titleBlock(ws, title, heads.length);
  const h1 = title.length + 2;
  headerCells(ws, h1, heads);
  let r = h1 + 1;
  const byId = new Map(totals.indicators.map((t) => [t.id, t]));
  ids.forEach((id, i) => {
    const t = byId.get(id)!;
    const ind = indicators.get(id)!;
    const row = ws.getRow(r++);
    // reports that gave the figure: with a breakdown, each report gives one value per category
    const reports = t.breakdown.length ? Math.max(...t.breakdown.map((b) => b.count)) : t.count;
    const how =
      ind.valueType === 'boolean' && ind.aggregation === 'sum'
        ? 'Đếm số trả lời "Có"'
        : aggregationWords[ind.aggregation].vi;
    row.values = [
      i + 1,
      ind.code,
      ind.name,
      ind.unit ?? '',
      how,
      t.value,
      ...cats.map((c) => t.breakdown.find((b) => b.key === c.key)?.value ?? null),
      reports,
    ];
  });
  styleTable(ws, h1 + 1, r - 1, heads.length);
  ws.getColumn(2).width = Math.max(12, ...ids.map((id) => Math.ceil(indicators.get(id)!.code.length * 1.3) + 2));
  fitRowHeights(ws, h1, r - 1);
  ws.getColumn(1).alignment = { horizontal: 'center', vertical: 'top' };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h1 }];
  ws.pageSetup.printTitlesRow = `${h1}:${h1}`;

  // Sheet 2: the child units (drill-down)
  const wsc = wb.addWorksheet('Theo đơn vị', { pageSetup: page });
  const lines: { id: string; label: string; key: string }[] = ids.flatMap((id) => {
    const ind = indicators.get(id)!;
    return ind.breakdown.length
      ? [{ id, key: '', label: 'Tổng' }, ...ind.breakdown.map((b) => ({ id, key: b.key, label: b.label.vi }))]
      : [{ id, key: '', label: ind.unit ?? '' }];
  });
  const width = 2 + lines.length;
  wsc.columns = [{ width: 6 }, { width: 44 }, ...lines.map(() => ({ width: 13 }))].map((c) => ({
    ...c,
    style: { font: { name: font, size: 12 } },
  }));
  titleBlock(
    wsc,
    [...title.slice(0, 2), `Chi tiết theo đơn vị trực thuộc ${unit.name} · Kỳ: ${range}`, title[3]],
    width,
  );
  const top = title.length + 2;
  // two header rows: the indicator over its columns, then its breakdown categories
  headerCells(wsc, top, ['STT', 'Đơn vị', ...lines.map((l) => indicators.get(l.id)!.name)]);
  headerCells(wsc, top + 1, ['', '', ...lines.map((l) => l.label)]);
  wsc.mergeCells(top, 1, top + 1, 1);
  wsc.mergeCells(top, 2, top + 1, 2);
  let c0 = 3;
  for (const id of ids) {
    const n = lines.filter((l) => l.id === id).length;
    if (n > 1) wsc.mergeCells(top, c0, top, c0 + n - 1);
    c0 += n;
  }
  wsc.getRow(top).height = 48;
  const children = await childUnits(platform.db, q.unitId);
  const periods = periodsOf(template, q.from, q.to);
  const window = {
    start: periodWindow(ref(periods[0]), template.regime).start,
    end: periodWindow(ref(periods.at(-1)!), template.regime).end,
  };
  const reporting = new Set(
    children.length
      ? (
          await expectedUnits(platform.db, template, window, q.unitId)
            .innerJoin(
              subtreeOf(
                platform.db,
                children.map((c) => c.id),
              ).as('cc'),
              'cc.unit_id',
              'u.id',
            )
            .select('cc.root_id')
            .distinct()
            .execute()
        ).map((x) => x.root_id)
      : [],
  );
  const cellOf = (list: TotalLine[], id: string, key: string) => {
    const mine = list.filter((l) => l.indicatorId === id && (key === '' ? true : l.breakdownKey === key));
    if (!mine.length) return null;
    if (key !== '') return mine[0].value;
    const sum = mine.reduce((a, l) => a + l.sum, 0);
    const count = mine.reduce((a, l) => a + l.count, 0);
    return indicators.get(id)!.aggregation === 'average' ? (count ? sum / count : null) : sum;
  };
  r = top + 2;
  let no = 0;
  for (const child of children) {
    const list = await subtreeTotals(platform.db, scope, child.id, q.from, q.to, ids);
    if (!list.length && !reporting.has(child.id)) continue;
    wsc.getRow(r++).values = [++no, child.name, ...lines.map((l) => cellOf(list, l.id, l.key))];
  }
  const all = await subtreeTotals(platform.db, scope, q.unitId, q.from, q.to, ids);
  const totalRow = wsc.getRow(r++);
  totalRow.values = ['', `Tổng cộng ${unit.shortName ?? unit.name}`, ...lines.map((l) => cellOf(all, l.id, l.key))];
  totalRow.font = { name: font, size: 12, bold: true };
  styleTable(wsc, top + 2, r - 1, width);
  fitRowHeights(wsc, top, r - 1);
  wsc.views = [{ state: 'frozen', xSplit: 2, ySplit: top + 1 }];
  wsc.pageSetup.printTitlesRow = `${top}:${top + 1}`;

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    bytes,
    fileName: `Tổng hợp ${template.code} - ${unit.shortName ?? unit.name} - ${range.replace(/\//g, '-')}`,
  };
}
