import type { Block } from './blocks.ts';
import { decodeText } from './decode.ts';
import { readDocx } from './docx.ts';
import { importFail } from './errors.ts';

export const maxImportBytes = 20 * 1024 * 1024;

export type DocumentFormat = 'text' | 'docx';

/**
 * The bytes of a plan file → lines and tables, NFC, whatever the container: a .docx is recognised
 * by its zip signature (not its name), anything else must be Unicode text.
 */
export async function readPlanDocument(bytes: Uint8Array): Promise<{ format: DocumentFormat; blocks: Block[] }> {
  if (bytes.length === 0) throw importFail.empty();
  if (bytes.length > maxImportBytes) throw importFail.tooLarge(maxImportBytes / 1024 / 1024);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const blocks = cleanBlocks(await readDocx(bytes), true);
    if (!blocks.length) throw importFail.empty();
    return { format: 'docx', blocks };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw importFail.oldWord();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw importFail.pdf();
  const blocks = textBlocks(decodeText(bytes));
  if (!blocks.length) throw importFail.empty();
  return { format: 'text', blocks };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** One line of text as the parser wants it: NFC, no invisible characters, no trailing spaces. */
export function cleanLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ ]+$/g, '');
}

/** Plain text → lines; runs of "a | b | c" rows or tab-separated rows become tables. */
export function textBlocks(text: string): Block[] {
  const lines = text.normalize('NFC').split(/\r\n|\r|\n|\u2028|\u2029/);
  const blocks: Block[] = [];
  let afterBreak = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = cleanLine(lines[i]);
    if (!raw.trim()) {
      afterBreak = true;
      continue;
    }
    const table = tableAt(lines, i);
    if (table) {
      blocks.push({ kind: 'table', rows: table.rows, line: i + 1 });
      i = table.next - 1;
      afterBreak = true;
      continue;
    }
    blocks.push({ kind: 'line', text: raw, line: i + 1, afterBreak });
    afterBreak = false;
  }
  return blocks;
}

function cellsOf(line: string): string[] | null {
  const l = cleanLine(line).trim();
  if ((l.match(/\|/g)?.length ?? 0) >= 2) {
    return l
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  }
  if ((l.match(/\t/g)?.length ?? 0) >= 2) {
    const cells = l.split(/\t+/).map((c) => c.trim());
    return cells.filter(Boolean).length >= 3 ? cells : null;
  }
  return null;
}

const separatorRow = /^[\s|:+\-=–—]+$/;

function tableAt(lines: string[], start: number): { rows: string[][]; next: number } | null {
  const rows: string[][] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (separatorRow.test(line) && line.trim() && rows.length) continue;
    const cells = cellsOf(line);
    if (!cells) break;
    rows.push(cells);
  }
  return rows.length >= 2 ? { rows, next: i } : null;
}

/** .docx paragraphs → lines (soft line breaks split a paragraph), tables' cells cleaned. */
function cleanBlocks(blocks: Block[], docx: boolean): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      const rows = b.rows.map((r) =>
        r.map((c) =>
          c
            .split('\n')
            .map(cleanLine)
            .map((s) => s.trim())
            .filter(Boolean)
            .join('\n'),
        ),
      );
      if (rows.some((r) => r.some(Boolean))) out.push({ ...b, rows });
      continue;
    }
    const parts = b.text
      .split('\n')
      .map(cleanLine)
      .filter((s) => s.trim());
    parts.forEach((text, k) =>
      out.push({ kind: 'line', text, line: b.line, afterBreak: docx ? k === 0 : b.afterBreak }),
    );
  }
  return out;
}
