import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { fold } from '../../../common/text.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, fail, type Bilingual } from '../../platform/http/errors.ts';
import { inspectOrRefuse, looksLikeZip } from '../../platform/files/archive.ts';
import { mayEdit, todayIn, type Caller, inTransaction } from './access.ts';
import { genders, kindFromLabel, unitKinds, type Gender, type UnitKind } from './kinds.ts';
import { groupLookup } from './groups.ts';
import { insertOperation, insertUnit, allUnits, publishOrganisation, setUnitGroups } from './units.ts';
import { allPeople, insertPerson, insertPosition } from './people.ts';
import type { UnitListFilter } from './repo.ts';
import { formatDmy, parseDmy, parseIsoDate } from '../../../common/dates.ts';
import { type Sheet, type SheetCell, type SheetColumn, toXlsx } from '../../documents/xlsx.ts';

/**
 * Units and people in and out of .xlsx. An upload is read and checked row by row; every problem
 * is named (row, column, what is wrong, in Vietnamese and English) and nothing is saved. Only a
 * file with no problem can be confirmed, and the confirm checks again and saves it all in one
 * transaction. The staged rows wait in the database, so any app process can take the confirm.
 */
type Executor = Kysely<Database>;
export type ImportKind = 'units' | 'people';

type Column = {
  key: string;
  vi: string;
  en: string;
  required?: boolean;
  width?: number;
  hint?: string;
  /** How the cell is stored: dates as dates (shown dd/mm/yyyy), years and counts as numbers. */
  type?: SheetColumn['type'];
};

const columns: Record<ImportKind, Column[]> = {
  units: [
    { key: 'code', vi: 'Mã đơn vị', en: 'Code', required: true, width: 16, hint: 'Không trùng, không có khoảng trắng' },
    { key: 'name', vi: 'Tên đơn vị', en: 'Name', required: true, width: 48 },
    { key: 'shortName', vi: 'Tên viết tắt', en: 'Short name', width: 18 },
    {
      key: 'kind',
      vi: 'Loại đơn vị',
      en: 'Kind',
      required: true,
      width: 24,
      hint: Object.values(unitKinds)
        .map((k) => k.vi)
        .join('; '),
    },
    {
      key: 'parentCode',
      vi: 'Mã đơn vị cấp trên',
      en: 'Parent code',
      width: 18,
      hint: 'Mã một đơn vị đã có hoặc một dòng trong tệp',
    },
    { key: 'validFrom', type: 'date', vi: 'Ngày thành lập', en: 'Founded on', width: 16, hint: 'dd/mm/yyyy' },
    { key: 'documentNumber', vi: 'Số văn bản thành lập', en: 'Founding document', width: 20 },
    { key: 'address', vi: 'Địa chỉ', en: 'Address', width: 36 },
    { key: 'phone', vi: 'Điện thoại', en: 'Phone', width: 16 },
    { key: 'email', vi: 'Thư điện tử', en: 'Email', width: 24 },
    { key: 'taxCode', vi: 'Mã số thuế', en: 'Tax code', width: 16 },
    { key: 'workers', vi: 'Số lao động', en: 'Workers', width: 12, type: 'integer' },
    { key: 'ownership', vi: 'Loại hình sở hữu', en: 'Ownership', width: 20 },
    { key: 'sector', vi: 'Ngành nghề', en: 'Sector', width: 20 },
  ],
  people: [
    { key: 'fullName', vi: 'Họ và tên', en: 'Full name', required: true, width: 28 },
    { key: 'gender', vi: 'Giới tính', en: 'Gender', width: 10, hint: 'Nam / Nữ' },
    { key: 'birthYear', vi: 'Năm sinh', en: 'Year of birth', width: 10, type: 'year' },
    {
      key: 'partyJoinedOn',
      type: 'date',
      vi: 'Ngày vào Đảng',
      en: 'Joined the Party on',
      width: 16,
      hint: 'dd/mm/yyyy',
    },
    { key: 'partyUnitCode', vi: 'Mã đơn vị sinh hoạt Đảng', en: 'Party unit code', width: 20 },
    { key: 'phone', vi: 'Điện thoại', en: 'Phone', width: 16 },
    { key: 'email', vi: 'Thư điện tử', en: 'Email', width: 24 },
    { key: 'title', vi: 'Chức vụ', en: 'Position', width: 24 },
    { key: 'positionUnitCode', vi: 'Mã đơn vị công tác', en: 'Position unit code', width: 20 },
    {
      key: 'positionFrom',
      type: 'date',
      vi: 'Giữ chức vụ từ ngày',
      en: 'Position from',
      width: 16,
      hint: 'dd/mm/yyyy',
    },
  ],
};

const MAX_ROWS = 20_000;
export { XLSX as XLSX_CONTENT_TYPE } from '../../documents/mediaTypes.ts';

export type Problem = { row: number; column: string; code: string; messages: Bilingual };
type Row = Record<string, string | number | null> & { _row: number };

/** The sheet's columns for the shared builder: the header names the required ones with a star. */
const sheetColumns = (cols: Column[]): SheetColumn[] =>
  cols.map((c) => ({ header: `${c.vi}${c.required ? ' *' : ''}`, key: c.key, width: c.width ?? 16, type: c.type }));

const sheetNames: Record<ImportKind, string> = { units: 'Đơn vị', people: 'Nhân sự' };

/**
 * The template to fill in: the kind's columns with one example row, and a sheet that says what
 * each column means. Built by the shared builder (A4 set-up, real dates, fitted rows).
 */
export async function template(kind: ImportKind): Promise<Uint8Array> {
  const example: Record<string, SheetCell> =
    kind === 'units'
      ? {
          code: 'CB-VD01',
          name: 'Chi bộ Công ty Cổ phần Ví dụ',
          shortName: 'CB Ví dụ',
          kind: unitKinds.grassroots_cell.vi,
          parentCode: 'DBK',
          validFrom: '2019-07-15',
          documentNumber: '123-QĐ/ĐUK',
          workers: 120,
          ownership: 'Tư nhân',
          sector: 'Dệt may',
        }
      : {
          fullName: 'Nguyễn Thị Ví Dụ',
          gender: 'Nữ',
          birthYear: 1985,
          partyJoinedOn: '2010-02-03',
          partyUnitCode: 'CB-VD01',
          title: 'Bí thư Chi bộ',
          positionUnitCode: 'CB-VD01',
          positionFrom: '2020-01-01',
        };
  const help: Sheet = {
    name: 'Hướng dẫn',
    columns: [
      { header: 'Cột / Column', key: 'column', width: 28 },
      { header: 'Ý nghĩa / Meaning', key: 'meaning', width: 40 },
      { header: 'Ghi chú / Notes', key: 'notes', width: 60 },
    ],
    rows: [
      ...columns[kind].map((c) => ({
        column: c.vi,
        meaning: `${c.en}${c.required ? ' (bắt buộc / required)' : ''}`,
        notes: c.hint ?? '',
      })),
      {
        column: 'Dòng ví dụ ở trang đầu cần xóa trước khi tải lên.',
        meaning: 'Delete the example row before uploading.',
      },
    ],
  };
  const bytes = await toXlsx([{ name: sheetNames[kind], columns: sheetColumns(columns[kind]), rows: [example] }, help]);
  return new Uint8Array(bytes);
}

function cellText(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC').trim() || null;
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((r) => r.text)
          .join('')
          .normalize('NFC')
          .trim() || null
      );
    if ('text' in v && typeof v.text === 'string') return v.text.normalize('NFC').trim() || null;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or a date cell → ISO; null if it is not a real date. */
export function parseDay(v: string | number | Date): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromDate(v);
  const s = String(v).trim();
  return parseDmy(s) ?? (parseIsoDate(s) ? s : null);
}

const notXlsx = () =>
  fail.badRequest('NOT_XLSX', {
    vi: 'Tệp tải lên không phải tệp Excel .xlsx đọc được.',
    en: 'The uploaded file is not a readable Excel .xlsx file.',
  });

/** Reads the first sheet: headers matched by their Vietnamese or English name (or key). */
async function readSheet(
  kind: ImportKind,
  bytes: Uint8Array,
): Promise<{ rows: Row[]; problems: Problem[]; letters: Map<string, string> }> {
  if (!looksLikeZip(bytes)) throw notXlsx();
  await inspectOrRefuse(bytes, notXlsx);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw notXlsx();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw notXlsx();
  const cols = columns[kind];
  const byHeader = new Map<string, Column>();
  for (const c of cols) for (const name of [c.vi, c.en, c.key]) byHeader.set(fold(name), c);
  const where = new Map<number, Column>();
  const letters = new Map<string, string>();
  ws.getRow(1).eachCell((cell, colNumber) => {
    const h = cellText(cell.value);
    const col = typeof h === 'string' ? byHeader.get(fold(h.replace(/\*\s*$/, ''))) : undefined;
    if (col && !letters.has(col.key)) {
      where.set(colNumber, col);
      letters.set(col.key, cell.address.replace(/\d+$/, ''));
    }
  });
  const problems: Problem[] = [];
  for (const c of cols.filter((c) => c.required && !letters.has(c.key))) {
    problems.push({
      row: 1,
      column: c.vi,
      code: 'missing_column',
      messages: { vi: `Thiếu cột "${c.vi}" ở dòng tiêu đề.`, en: `The header row lacks the column "${c.en}".` },
    });
  }
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const r: Row = { _row: rowNumber };
    let any = false;
    row.eachCell((cell, colNumber) => {
      const col = where.get(colNumber);
      if (!col) return;
      const v = cellText(cell.value);
      if (v === null) return;
      any = true;
      r[col.key] = v instanceof Date ? isoFromDate(v) : v;
    });
    if (any) rows.push(r);
  });
  if (rows.length > MAX_ROWS) {
    problems.push({
      row: 1,
      column: '',
      code: 'too_many_rows',
      messages: { vi: `Tệp có quá ${MAX_ROWS} dòng.`, en: `The file has more than ${MAX_ROWS} rows.` },
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      row: 2,
      column: '',
      code: 'empty',
      messages: { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
    });
  }
  return { rows, problems, letters };
}

type Checker = {
  problem(row: Row, key: string, code: string, messages: Bilingual): void;
  text(row: Row, key: string, max: number): string | null;
  day(row: Row, key: string): string | null;
  int(row: Row, key: string, min: number, max: number): number | null;
};

function checker(kind: ImportKind, letters: Map<string, string>, problems: Problem[]): Checker {
  const label = (key: string) => {
    const c = columns[kind].find((c) => c.key === key)!;
    return `${letters.get(key) ?? '?'} · ${c.vi}`;
  };
  const problem = (row: Row, key: string, code: string, messages: Bilingual) =>
    problems.push({ row: row._row, column: label(key), code, messages });
  return {
    problem,
    text(row, key, max) {
      const v = row[key];
      if (v === null || v === undefined) return null;
      const s = String(v).normalize('NFC').trim();
      if (s.length > max) {
        problem(row, key, 'too_long', { vi: `Dài quá ${max} ký tự.`, en: `Longer than ${max} characters.` });
        return null;
      }
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s)) {
        problem(row, key, 'invalid_text', {
          vi: 'Có ký tự không hợp lệ.',
          en: 'Contains characters that are not allowed.',
        });
        return null;
      }
      return s || null;
    },
    day(row, key) {
      const v = row[key];
      if (v === null || v === undefined) return null;
      const d = parseDay(v as string);
      if (!d)
        problem(row, key, 'bad_date', {
          vi: `"${v}" không phải ngày hợp lệ (dd/mm/yyyy).`,
          en: `"${v}" is not a valid date (dd/mm/yyyy).`,
        });
      return d;
    },
    int(row, key, min, max) {
      const v = row[key];
      if (v === null || v === undefined) return null;
      const n = typeof v === 'number' ? v : Number(String(v).replace(/[.,\s]/g, ''));
      if (!Number.isInteger(n) || n < min || n > max) {
        problem(row, key, 'bad_number', {
          vi: `"${v}" phải là số nguyên từ ${min} đến ${max}.`,
          en: `"${v}" must be a whole number from ${min} to ${max}.`,
        });
        return null;
      }
      return n;
    },
  };
}

const required = (c: Checker, row: Row, key: string, value: unknown) => {
  if (value === null || value === undefined || value === '') {
    c.problem(row, key, 'required', { vi: 'Bắt buộc phải có.', en: 'Required.' });
    return false;
  }
  return true;
};
const emailOk = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export type UnitImportRow = {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  validFrom: string;
  documentNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  taxCode: string | null;
  workers: number | null;
  groupIds: string[];
};
export type PersonImportRow = {
  row: number;
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  partyJoinedOn: string | null;
  partyUnitCode: string | null;
  phone: string | null;
  email: string | null;
  title: string | null;
  positionUnitCode: string | null;
  positionFrom: string | null;
};

async function unitsByCode(db: Executor, codes: string[]) {
  const map = new Map<string, { id: string; valid_to: string | null }>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 400) {
    const part = unique.slice(i, i + 400);
    for (const u of await db.selectFrom('units').select(['id', 'code', 'valid_to']).where('code', 'in', part).execute())
      map.set(u.code, u);
  }
  return map;
}

/** Checks every row; returns the rows as they will be saved and every problem found. */
async function checkUnits(
  platform: Platform,
  db: Executor,
  caller: Caller,
  raw: Row[],
  letters: Map<string, string>,
  problems: Problem[],
) {
  const c = checker('units', letters, problems);
  const today = todayIn(platform.clock());
  const lookup = await groupLookup(db);
  const out: UnitImportRow[] = [];
  const existing = await unitsByCode(
    db,
    raw.flatMap((r) => [r.code, r.parentCode].filter((v): v is string => v !== null && v !== undefined).map(String)),
  );
  const inFile = new Map<string, Row>();
  for (const row of raw) {
    const code = c.text(row, 'code', 40);
    const name = c.text(row, 'name', 300);
    const kindText = c.text(row, 'kind', 100);
    required(c, row, 'code', code);
    required(c, row, 'name', name);
    if (required(c, row, 'kind', kindText) && kindText && !kindFromLabel(kindText, fold)) {
      c.problem(row, 'kind', 'unknown_kind', {
        vi: `Không có loại đơn vị "${kindText}".`,
        en: `There is no unit kind "${kindText}".`,
      });
    }
    if (code && /\s/.test(code))
      c.problem(row, 'code', 'code_format', {
        vi: 'Mã không được chứa khoảng trắng.',
        en: 'A code must not contain spaces.',
      });
    if (code && existing.has(code))
      c.problem(row, 'code', 'code_taken', {
        vi: `Mã "${code}" đã có trong hệ thống.`,
        en: `The code "${code}" already exists.`,
      });
    if (code && inFile.has(code)) {
      c.problem(row, 'code', 'duplicate_code', {
        vi: `Mã "${code}" trùng với dòng ${inFile.get(code)!._row}.`,
        en: `The code "${code}" repeats row ${inFile.get(code)!._row}.`,
      });
    }
    if (code) inFile.set(code, row);
    const email = c.text(row, 'email', 200);
    if (email && !emailOk(email))
      c.problem(row, 'email', 'bad_email', {
        vi: `"${email}" không phải địa chỉ thư hợp lệ.`,
        en: `"${email}" is not a valid email address.`,
      });
    const groupIds: string[] = [];
    for (const set of ['ownership', 'sector']) {
      const v = c.text(row, set, 200);
      if (!v) continue;
      const id = lookup(set, v);
      if (id) groupIds.push(id);
      else
        c.problem(row, set, 'unknown_group', {
          vi: `Không có nhóm "${v}" trong danh mục.`,
          en: `There is no group "${v}" in the list.`,
        });
    }
    out.push({
      row: row._row,
      code: code ?? '',
      name: name ?? '',
      shortName: c.text(row, 'shortName', 100),
      kind: (kindText && kindFromLabel(kindText, fold)) || 'grassroots_cell',
      parentCode: c.text(row, 'parentCode', 40),
      validFrom: c.day(row, 'validFrom') ?? today,
      documentNumber: c.text(row, 'documentNumber', 100),
      address: c.text(row, 'address', 500),
      phone: c.text(row, 'phone', 50),
      email,
      taxCode: c.text(row, 'taxCode', 20),
      workers: c.int(row, 'workers', 0, 10_000_000),
      groupIds,
    });
  }
  // Parents: an existing unit the caller may edit under, or another row of the file (no cycles).
  const byCode = new Map(out.map((r) => [r.code, r]));
  const rowOf = (r: UnitImportRow) => raw.find((x) => x._row === r.row)!;
  for (const r of out) {
    if (!r.parentCode) {
      if (!(await mayEdit(db, caller, null))) {
        c.problem(rowOf(r), 'parentCode', 'forbidden', {
          vi: 'Bạn không có quyền tạo đơn vị cấp cao nhất.',
          en: 'You may not create a top-level unit.',
        });
      }
      continue;
    }
    const db0 = existing.get(r.parentCode);
    if (db0) {
      if (db0.valid_to !== null)
        c.problem(rowOf(r), 'parentCode', 'parent_ended', {
          vi: `Đơn vị "${r.parentCode}" đã giải thể hoặc sáp nhập.`,
          en: `The unit "${r.parentCode}" has ended.`,
        });
      else if (!(await mayEdit(db, caller, db0.id))) {
        c.problem(rowOf(r), 'parentCode', 'forbidden', {
          vi: `Bạn không có quyền thêm đơn vị dưới "${r.parentCode}".`,
          en: `You may not add units under "${r.parentCode}".`,
        });
      }
      continue;
    }
    if (!byCode.has(r.parentCode)) {
      c.problem(rowOf(r), 'parentCode', 'unknown_parent', {
        vi: `Không có đơn vị mã "${r.parentCode}".`,
        en: `There is no unit with the code "${r.parentCode}".`,
      });
      continue;
    }
    const seen = new Set<string>([r.code]);
    let p: UnitImportRow | undefined = byCode.get(r.parentCode);
    while (p) {
      if (seen.has(p.code)) {
        c.problem(rowOf(r), 'parentCode', 'cycle', {
          vi: 'Các đơn vị cấp trên tạo thành vòng lặp.',
          en: 'The parent codes form a loop.',
        });
        break;
      }
      seen.add(p.code);
      p = p.parentCode ? byCode.get(p.parentCode) : undefined;
    }
  }
  return out;
}

async function checkPeople(
  db: Executor,
  caller: Caller,
  raw: Row[],
  letters: Map<string, string>,
  problems: Problem[],
) {
  const c = checker('people', letters, problems);
  const existing = await unitsByCode(
    db,
    raw.flatMap((r) =>
      [r.partyUnitCode, r.positionUnitCode].filter((v): v is string => v !== null && v !== undefined).map(String),
    ),
  );
  const out: PersonImportRow[] = [];
  for (const row of raw) {
    const fullName = c.text(row, 'fullName', 200);
    required(c, row, 'fullName', fullName);
    const genderText = c.text(row, 'gender', 20);
    let gender: Gender | null = null;
    if (genderText) {
      const f = fold(genderText);
      gender =
        (Object.entries(genders).find(([code, l]) => f === code || f === fold(l.vi) || f === fold(l.en))?.[0] as
          | Gender
          | undefined) ?? null;
      if (!gender)
        c.problem(row, 'gender', 'bad_gender', {
          vi: `"${genderText}": giới tính ghi "Nam" hoặc "Nữ".`,
          en: `"${genderText}": write "Nam" or "Nữ".`,
        });
    }
    const birthYear = c.int(row, 'birthYear', 1900, 2100);
    const partyJoinedOn = c.day(row, 'partyJoinedOn');
    if (birthYear && partyJoinedOn && Number(partyJoinedOn.slice(0, 4)) < birthYear + 16) {
      c.problem(row, 'partyJoinedOn', 'too_young', {
        vi: 'Ngày vào Đảng quá sớm so với năm sinh.',
        en: 'The Party joining date is too early for the year of birth.',
      });
    }
    const email = c.text(row, 'email', 200);
    if (email && !emailOk(email))
      c.problem(row, 'email', 'bad_email', {
        vi: `"${email}" không phải địa chỉ thư hợp lệ.`,
        en: `"${email}" is not a valid email address.`,
      });
    const partyUnitCode = c.text(row, 'partyUnitCode', 40);
    const title = c.text(row, 'title', 200);
    const positionUnitCode = c.text(row, 'positionUnitCode', 40);
    for (const [key, code] of [
      ['partyUnitCode', partyUnitCode],
      ['positionUnitCode', positionUnitCode],
    ] as const) {
      if (!code) continue;
      const u = existing.get(code);
      if (!u)
        c.problem(row, key, 'unknown_unit', {
          vi: `Không có đơn vị mã "${code}".`,
          en: `There is no unit with the code "${code}".`,
        });
      else if (!(await mayEdit(db, caller, u.id)))
        c.problem(row, key, 'forbidden', {
          vi: `Bạn không có quyền với đơn vị "${code}".`,
          en: `You may not edit the unit "${code}".`,
        });
    }
    if (!partyUnitCode && !(await mayEdit(db, caller, null))) {
      c.problem(row, 'partyUnitCode', 'required', {
        vi: 'Cần mã đơn vị sinh hoạt Đảng trong phạm vi của bạn.',
        en: 'A Party unit code within your reach is required.',
      });
    }
    if (title && !positionUnitCode)
      c.problem(row, 'positionUnitCode', 'required', {
        vi: 'Có chức vụ thì cần mã đơn vị công tác.',
        en: 'A position needs the code of its unit.',
      });
    if (positionUnitCode && !title)
      c.problem(row, 'title', 'required', { vi: 'Cần ghi chức vụ.', en: 'The position title is required.' });
    out.push({
      row: row._row,
      fullName: fullName ?? '',
      gender,
      birthYear,
      partyJoinedOn,
      partyUnitCode,
      phone: c.text(row, 'phone', 50),
      email,
      title,
      positionUnitCode,
      positionFrom: c.day(row, 'positionFrom'),
    });
  }
  return out;
}

async function check(
  platform: Platform,
  db: Executor,
  caller: Caller,
  kind: ImportKind,
  raw: Row[],
  letters: Map<string, string>,
  problems: Problem[],
) {
  return kind === 'units'
    ? checkUnits(platform, db, caller, raw, letters, problems)
    : checkPeople(db, caller, raw, letters, problems);
}

function view(row: {
  id: string;
  kind: string;
  status: string;
  file_name: string | null;
  row_count: number;
  rows_json: string;
  problems_json: string;
}) {
  const stored = JSON.parse(row.rows_json) as { raw: Row[] };
  const problems = JSON.parse(row.problems_json) as Problem[];
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    status: row.status as 'previewed' | 'confirmed',
    fileName: row.file_name,
    rowCount: row.row_count,
    valid: problems.length === 0,
    problems,
    rows: stored.raw.slice(0, 50),
  };
}

/** Reads and checks an upload; stages it (nothing else is saved) and answers the preview. */
export async function previewImport(
  platform: Platform,
  caller: Caller,
  kind: ImportKind,
  bytes: Uint8Array,
  fileName: string | null,
) {
  const { rows, problems, letters } = await readSheet(kind, bytes);
  if (problems.length === 0) await check(platform, platform.db, caller, kind, rows, letters, problems);
  problems.sort((a, b) => a.row - b.row);
  const now = platform.clock();
  const record = {
    id: newId(now.getTime()),
    kind,
    status: 'previewed',
    file_name: fileName,
    row_count: rows.length,
    rows_json: JSON.stringify({ raw: rows, letters: [...letters] }),
    problems_json: JSON.stringify(problems.slice(0, 2000)),
    created_by: caller.actor.userId,
    created_at: now.toISOString(),
    confirmed_at: null,
  };
  await inTransaction(platform, async (tx) => {
    await tx.insertInto('organisation_imports').values(record).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'organisation_import.preview',
        entityType: 'organisation_import',
        entityId: record.id,
        after: { kind, fileName, rowCount: rows.length, problems: problems.length },
      },
      now,
    );
  });
  return view(record);
}

const importNotFound = () => fail.notFound({ vi: 'Không tìm thấy lần nhập này.', en: 'Import not found.' });

export async function getImport(platform: Platform, caller: Caller, id: string) {
  const row = await platform.db.selectFrom('organisation_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.created_by !== caller.actor.userId && !(await mayEdit(platform.db, caller, null))))
    throw importNotFound();
  return view(row);
}

/** Saves a staged import whose every row is valid, checking it all again, in one transaction. */
export async function confirmImport(platform: Platform, caller: Caller, id: string) {
  const now = platform.clock();
  const created = await inTransaction(platform, async (tx) => {
    const record = await tx.selectFrom('organisation_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!record || (record.created_by !== caller.actor.userId && !(await mayEdit(tx, caller, null))))
      throw importNotFound();
    if (record.status !== 'previewed') {
      throw fail.conflict('IMPORT_ALREADY_CONFIRMED', {
        vi: 'Tệp này đã được nhập.',
        en: 'This file has already been imported.',
      });
    }
    const stored = JSON.parse(record.rows_json) as { raw: Row[]; letters: [string, string][] };
    const problems: Problem[] = JSON.parse(record.problems_json);
    if (problems.length > 0) {
      throw fail.conflict('IMPORT_HAS_PROBLEMS', {
        vi: 'Tệp còn lỗi; hãy sửa và tải lên lại. Chưa có gì được lưu.',
        en: 'The file has problems; fix it and upload again. Nothing was saved.',
      });
    }
    const kind = record.kind as ImportKind;
    const again: Problem[] = [];
    const rows = await check(platform, tx, caller, kind, stored.raw, new Map(stored.letters), again);
    if (again.length > 0) {
      throw new AppError(
        409,
        'IMPORT_STALE',
        {
          vi: 'Dữ liệu đã thay đổi từ lúc xem trước; hãy tải tệp lên lại. Chưa có gì được lưu.',
          en: 'The data changed since the preview; upload the file again. Nothing was saved.',
        },
        again
          .slice(0, 50)
          .map((p) => ({ in: 'file', path: `row ${p.row} · ${p.column}`, code: p.code, messages: p.messages })),
      );
    }
    let count = 0;
    if (kind === 'units') {
      const ids = new Map<string, string>();
      const pending = [...(rows as UnitImportRow[])];
      // Parents first: a row waits until its parent (in the file) has been inserted.
      while (pending.length) {
        const ready = pending.filter((r) => !r.parentCode || !pending.some((p) => p.code === r.parentCode));
        for (const r of ready) {
          pending.splice(pending.indexOf(r), 1);
          const parentId = r.parentCode
            ? (ids.get(r.parentCode) ?? (await unitsByCode(tx, [r.parentCode])).get(r.parentCode)!.id)
            : null;
          const unit = await insertUnit(tx, { ...r, parentId }, now);
          ids.set(r.code, unit.id);
          if (r.groupIds.length) await setUnitGroups(tx, unit.id, r.groupIds);
          await insertOperation(
            tx,
            {
              type: 'found',
              unitId: unit.id,
              targetId: parentId,
              effectiveOn: r.validFrom,
              documentNumber: r.documentNumber,
            },
            caller.actor,
            now,
          );
          await recordAudit(
            tx,
            caller.actor,
            {
              action: 'unit.create',
              entityType: 'unit',
              entityId: unit.id,
              after: { ...unit, groupIds: r.groupIds, importId: id },
            },
            now,
          );
          count++;
        }
      }
    } else {
      const codes = await unitsByCode(
        tx,
        (rows as PersonImportRow[]).flatMap((r) =>
          [r.partyUnitCode, r.positionUnitCode].filter((v): v is string => !!v),
        ),
      );
      for (const r of rows as PersonImportRow[]) {
        const person = await insertPerson(
          tx,
          {
            fullName: r.fullName,
            gender: r.gender,
            birthYear: r.birthYear,
            partyJoinedOn: r.partyJoinedOn,
            partyUnitId: r.partyUnitCode ? codes.get(r.partyUnitCode)!.id : null,
            phone: r.phone,
            email: r.email,
          },
          now,
        );
        await recordAudit(
          tx,
          caller.actor,
          { action: 'person.create', entityType: 'person', entityId: person.id, after: { ...person, importId: id } },
          now,
        );
        if (r.title && r.positionUnitCode) {
          const pos = await insertPosition(
            tx,
            person.id,
            { unitId: codes.get(r.positionUnitCode)!.id, title: r.title, validFrom: r.positionFrom },
            now,
          );
          await recordAudit(
            tx,
            caller.actor,
            { action: 'position.create', entityType: 'position', entityId: pos.id, after: pos },
            now,
          );
        }
        count++;
      }
    }
    await tx
      .updateTable('organisation_imports')
      .set({ status: 'confirmed', confirmed_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'organisation_import.confirm',
        entityType: 'organisation_import',
        entityId: id,
        after: { kind, created: count },
      },
      now,
    );
    return { kind, count };
  });
  publishOrganisation(platform, { entity: created.kind === 'units' ? 'unit' : 'person', id, change: 'imported' });
  return { id, kind: created.kind, created: created.count };
}

const EXPORT_LIMIT = 50_000;

/** The current view (the list's filters) as .xlsx, in the template's columns. */
export async function exportXlsx(
  platform: Platform,
  caller: Caller,
  kind: ImportKind,
  filter: { q?: string; asOf?: string; parentId?: string | 'none'; unitId?: string; unitKind?: UnitKind },
): Promise<Uint8Array> {
  // dates go to the shared builder as ISO days: it stores them as dates, shown dd/mm/yyyy
  const rows: Array<Record<string, SheetCell>> = [];
  let cols = columns[kind];
  if (kind === 'units') {
    cols = [...columns.units, { key: 'validTo', vi: 'Ngày kết thúc', en: 'Ended on', width: 16, type: 'date' }];
    const units = await allUnits(
      platform,
      { q: filter.q, asOf: filter.asOf, parentId: filter.parentId, kind: filter.unitKind } as Omit<
        UnitListFilter,
        'today'
      >,
      EXPORT_LIMIT,
    );
    const ids = units.map((u) => u.id);
    const details = new Map<string, Record<string, unknown>>();
    const parentCodes = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 400) {
      const part = ids.slice(i, i + 400);
      for (const d of await platform.db.selectFrom('units').selectAll().where('id', 'in', part).execute())
        details.set(d.id, d);
      const groups = await platform.db
        .selectFrom('unit_groups as ug')
        .innerJoin('groups as g', 'g.id', 'ug.group_id')
        .innerJoin('group_sets as s', 's.id', 'ug.set_id')
        .select(['ug.unit_id', 's.code as set_code', 'g.name'])
        .where('ug.unit_id', 'in', part)
        .execute();
      for (const g of groups) details.get(g.unit_id)![g.set_code] = g.name;
    }
    const parentIds = [...new Set(units.map((u) => u.parentId).filter((p): p is string => !!p))];
    for (let i = 0; i < parentIds.length; i += 400) {
      for (const p of await platform.db
        .selectFrom('units')
        .select(['id', 'code'])
        .where('id', 'in', parentIds.slice(i, i + 400))
        .execute())
        parentCodes.set(p.id, p.code);
    }
    for (const u of units) {
      const d = details.get(u.id) ?? {};
      rows.push({
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        kind: unitKinds[u.kind]?.vi ?? u.kind,
        parentCode: u.parentId ? parentCodes.get(u.parentId) : null,
        validFrom: u.validFrom,
        address: d.address as SheetCell,
        phone: d.phone as SheetCell,
        email: d.email as SheetCell,
        taxCode: d.tax_code as SheetCell,
        workers: d.workers as SheetCell,
        ownership: d.ownership as SheetCell,
        sector: d.sector as SheetCell,
        validTo: u.validTo,
      });
    }
  } else {
    cols = [
      ...columns.people,
      { key: 'otherPositions', vi: 'Chức vụ khác đang giữ', en: 'Other positions held', width: 36 },
    ];
    const people = await allPeople(platform, caller, { q: filter.q, unitId: filter.unitId }, EXPORT_LIMIT);
    const held = await currentPositions(
      platform.db,
      people.map((p) => p.id),
      todayIn(platform.clock()),
    );
    const codes = new Map<string, string>();
    const unitIds = [...new Set(people.map((p) => p.partyUnitId).filter((v): v is string => !!v))];
    for (let i = 0; i < unitIds.length; i += 400) {
      for (const u of await platform.db
        .selectFrom('units')
        .select(['id', 'code'])
        .where('id', 'in', unitIds.slice(i, i + 400))
        .execute())
        codes.set(u.id, u.code);
    }
    for (const p of people) {
      // the template's one position is the first the person holds by rank; the others beside it
      const [first, ...others] = held.get(p.id) ?? [];
      rows.push({
        fullName: p.fullName,
        gender: p.gender ? genders[p.gender].vi : null,
        birthYear: p.birthYear,
        partyJoinedOn: p.partyJoinedOn,
        partyUnitCode: p.partyUnitId ? codes.get(p.partyUnitId) : null,
        phone: p.phone,
        email: p.email,
        title: first?.title,
        positionUnitCode: first?.code,
        positionFrom: first?.validFrom,
        otherPositions: others
          .map((o) => `${o.title} (${o.code}${o.validFrom ? `, từ ${formatDmy(o.validFrom)}` : ''})`)
          .join('; '),
      });
    }
  }
  return new Uint8Array(await toXlsx([{ name: sheetNames[kind], columns: sheetColumns(cols), rows }]));
}

/**
 * The positions each person holds on the day (begun, not ended), by rank then the unit's place,
 * with the unit's code and the day each began: what the people sheet's position columns show.
 */
async function currentPositions(db: Executor, personIds: string[], today: string) {
  const held = new Map<string, Array<{ title: string; code: string; validFrom: string | null }>>();
  for (let i = 0; i < personIds.length; i += 400) {
    const rows = await db
      .selectFrom('positions as pos')
      .innerJoin('units as u', 'u.id', 'pos.unit_id')
      .select(['pos.person_id', 'pos.title', 'u.code', 'pos.valid_from'])
      .where('pos.person_id', 'in', personIds.slice(i, i + 400))
      .where((w) => w.or([w('pos.valid_from', 'is', null), w('pos.valid_from', '<=', today)]))
      .where((w) => w.or([w('pos.valid_to', 'is', null), w('pos.valid_to', '>', today)]))
      .orderBy('pos.rank')
      .orderBy('u.sort_key')
      .orderBy('pos.id')
      .execute();
    for (const r of rows)
      held.set(r.person_id, [
        ...(held.get(r.person_id) ?? []),
        { title: r.title, code: r.code, validFrom: r.valid_from },
      ]);
  }
  return held;
}
