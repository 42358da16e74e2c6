import type { Block, LineBlock } from './blocks.ts';
import { key } from './lexicon.ts';

/**
 * Tables of tasks ("TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành")
 * and layout tables (a .docx header or signature in two columns, read column by column as lines).
 */
export type TaskColumns = {
  index: number | null;
  title: number;
  lead: number | null;
  coordinating: number | null;
  time: number | null;
  note: number | null;
};

export function taskColumns(header: string[]): TaskColumns | null {
  const cols: TaskColumns = { index: null, title: -1, lead: null, coordinating: null, time: null, note: null };
  header.forEach((cell, i) => {
    const k = key(cell).replace(/\s+/g, ' ').trim();
    if (/^(s?tt|số tt|số thứ tự|stt\.?)$/.test(k)) cols.index ??= i;
    else if (/thời gian|thời hạn|hoàn thành|tiến độ|mốc|hạn chót/.test(k)) cols.time ??= i;
    else if (/phối hợp/.test(k)) cols.coordinating ??= i;
    else if (/nội dung|công việc|nhiệm vụ|hoạt động|tên hoạt động/.test(k))
      cols.title = cols.title < 0 ? i : cols.title;
    else if (/chủ trì|phụ trách|thực hiện|trách nhiệm|đơn vị|người|cơ quan/.test(k)) cols.lead ??= i;
    else if (/ghi chú|kết quả|sản phẩm|yêu cầu/.test(k)) cols.note ??= i;
  });
  if (cols.title < 0 || (cols.lead == null && cols.time == null && cols.coordinating == null)) return null;
  return cols;
}

/** The row that names the columns, among the first two rows (a title row may come first). */
export function taskTableHeader(rows: string[][]): { at: number; columns: TaskColumns } | null {
  for (let at = 0; at < Math.min(2, rows.length); at++) {
    const columns = taskColumns(rows[at]);
    if (columns) return { at, columns };
  }
  return null;
}

/** Replaces layout tables by their text, left column first; task tables stay tables. */
export function unfoldLayoutTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || taskTableHeader(b.rows)) {
      out.push(b);
      continue;
    }
    const width = Math.max(...b.rows.map((r) => r.length));
    const lines: LineBlock[] = [];
    const byColumn = b.rows.length <= 3; // a header/signature grid: each column is one block of text
    if (byColumn) {
      for (let c = 0; c < width; c++) for (const r of b.rows) pushCell(lines, r[c], b.line);
    } else {
      for (const r of b.rows) pushCell(lines, r.filter(Boolean).join('\t'), b.line);
    }
    out.push(...lines);
  }
  return out;
}

function pushCell(lines: LineBlock[], cell: string | undefined, line: number) {
  if (!cell) return;
  cell.split('\n').forEach((text, k) => {
    if (text.trim()) lines.push({ kind: 'line', text: text.trim(), line, afterBreak: k === 0 });
  });
}
