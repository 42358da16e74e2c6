import { ArchiveRefused, type InspectedArchive, inspectArchive } from '../../../platform/files/archive.ts';
import type { Block } from './blocks.ts';
import { importFail } from './errors.ts';
import { tokenizeXml } from './xml.ts';

/**
 * A .docx → paragraphs and tables in reading order. Word's automatic numbering (w:numPr, in the
 * paragraph or through its style) is written out as the text a reader sees ("1.", "a)", "-"), so
 * the parser reads typed and automatic numbering alike. Deleted revisions and field codes are left
 * out. A table's cell keeps its paragraphs, one per line.
 */
export async function readDocx(bytes: Uint8Array): Promise<Block[]> {
  // Checked for bombs before anything is inflated for reading (platform/files/archive.ts).
  let zip: InspectedArchive;
  try {
    zip = await inspectArchive(bytes);
  } catch (e) {
    if (!(e instanceof ArchiveRefused) || e.problem !== 'not_zip') throw e;
    throw importFail.corruptDocx({
      vi: 'không giải nén được (không phải tệp zip hợp lệ).',
      en: 'it cannot be unzipped (not a valid zip archive).',
    });
  }
  if (!zip.has('word/document.xml')) {
    throw importFail.corruptDocx({
      vi: 'thiếu phần nội dung word/document.xml.',
      en: 'the part word/document.xml is missing.',
    });
  }
  let xml: string;
  let numberingXml: string | null;
  let stylesXml: string | null;
  try {
    const text = async (name: string) => (await zip.read(name))?.toString('utf8') ?? null;
    xml = (await text('word/document.xml')) ?? '';
    numberingXml = await text('word/numbering.xml');
    stylesXml = await text('word/styles.xml');
  } catch {
    throw importFail.corruptDocx({
      vi: 'không đọc được nội dung nén bên trong.',
      en: 'its compressed contents cannot be read.',
    });
  }
  if (!/<w:body[\s>]/.test(xml)) {
    throw importFail.corruptDocx({
      vi: 'word/document.xml không có phần thân văn bản (w:body).',
      en: 'word/document.xml has no document body (w:body).',
    });
  }
  const numbering = new Numbering(
    numberingXml ? readNumbering(numberingXml) : { abstracts: new Map(), nums: new Map() },
  );
  return readBody(xml, numbering, stylesXml ? readStyleNumbering(stylesXml) : new Map());
}

// ── numbering.xml ──────────────────────────────────────────────────────────────────────────
type Level = { start: number; format: string; text: string };
type NumberingDefinitions = {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
};

function readNumbering(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; startOverrides: Map<number, number> }>();
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; startOverrides: Map<number, number> } | null = null;
  let overrideLevel: number | null = null;
  for (const t of tokenizeXml(xml)) {
    if (t.type === 'open') {
      const val = t.attrs['w:val'];
      switch (t.name) {
        case 'w:abstractNum':
          abstract = new Map();
          abstracts.set(t.attrs['w:abstractNumId'], abstract);
          break;
        case 'w:lvl':
          if (abstract) {
            level = { start: 1, format: 'decimal', text: '' };
            abstract.set(Number(t.attrs['w:ilvl'] ?? 0), level);
          }
          break;
        case 'w:start':
          if (level) level.start = Number(val ?? 1);
          break;
        case 'w:numFmt':
          if (level) level.format = val ?? 'decimal';
          break;
        case 'w:lvlText':
          if (level) level.text = val ?? '';
          break;
        case 'w:num':
          num = { abstractId: '', startOverrides: new Map() };
          nums.set(t.attrs['w:numId'], num);
          break;
        case 'w:abstractNumId':
          if (num) num.abstractId = val ?? '';
          break;
        case 'w:lvlOverride':
          overrideLevel = Number(t.attrs['w:ilvl'] ?? 0);
          break;
        case 'w:startOverride':
          if (num && overrideLevel != null) num.startOverrides.set(overrideLevel, Number(val ?? 1));
          break;
      }
    } else if (t.type === 'close') {
      if (t.name === 'w:abstractNum') abstract = null;
      else if (t.name === 'w:lvl') level = null;
      else if (t.name === 'w:num') num = null;
      else if (t.name === 'w:lvlOverride') overrideLevel = null;
    }
  }
  return { abstracts, nums };
}

/** The numbering a paragraph style carries (headings numbered through their style). */
function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  const basedOn = new Map<string, string>();
  let style: string | null = null;
  let inPPr = false;
  for (const t of tokenizeXml(xml)) {
    if (t.type === 'open') {
      if (t.name === 'w:style') style = t.attrs['w:styleId'] ?? null;
      else if (t.name === 'w:pPr') inPPr = true;
      else if (style && t.name === 'w:basedOn' && t.attrs['w:val']) basedOn.set(style, t.attrs['w:val']);
      else if (style && inPPr && t.name === 'w:numId')
        out.set(style, { numId: t.attrs['w:val'] ?? '0', ilvl: out.get(style)?.ilvl ?? 0 });
      else if (style && inPPr && t.name === 'w:ilvl')
        out.set(style, { numId: out.get(style)?.numId ?? '0', ilvl: Number(t.attrs['w:val'] ?? 0) });
    } else if (t.type === 'close') {
      if (t.name === 'w:style') style = null;
      else if (t.name === 'w:pPr') inPPr = false;
    }
  }
  for (const [id] of basedOn) {
    let parent = basedOn.get(id);
    for (let depth = 0; parent && !out.has(id) && depth < 10; depth++) {
      const inherited = out.get(parent);
      if (inherited) out.set(id, inherited);
      parent = basedOn.get(parent);
    }
  }
  return out;
}

class Numbering {
  private counters = new Map<string, number[]>();
  constructor(private readonly defs: NumberingDefinitions) {}

  /** The marker Word would show for the next paragraph of list `numId` at level `ilvl`. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const levels = num ? this.defs.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const counts = this.counters.get(numId) ?? [];
    const startOf = (l: number) => num.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === 'none') return '';
    if (level.format === 'bullet') return bulletFor(level.text, ilvl);
    return level.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const value = counts[l] ?? startOf(l);
      return formatNumber(value, l === ilvl ? level.format : (levels.get(l)?.format ?? 'decimal'));
    });
  }
}

function bulletFor(symbol: string, ilvl: number): string {
  if (symbol === '-' || symbol === '+' || symbol === '–') return symbol === '–' ? '-' : symbol;
  return ilvl === 0 ? '-' : ilvl === 1 ? '+' : '•';
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    default:
      return String(n);
  }
}

function letters(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  return alphabet[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1);
}

function toRoman(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, glyph] of parts) while (n >= value) (out += glyph), (n -= value);
  return out;
}

// ── document.xml ───────────────────────────────────────────────────────────────────────────
type Paragraph = { text: string; numId: string | null; ilvl: number; style: string | null };
type Table = { rows: string[][]; row: string[] | null; cell: string[] | null };

function readBody(
  xml: string,
  numbering: Numbering,
  styleNumbering: Map<string, { numId: string; ilvl: number }>,
): Block[] {
  const blocks: Block[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];
  let paragraphCount = 0;
  let skip = 0; // inside deleted text, field instructions, fallbacks, change records
  let inText = false;
  let inPPr = 0;

  const emit = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(text);
    else blocks.push({ kind: 'line', text, line: paragraphCount, afterBreak: true });
  };

  for (const t of tokenizeXml(xml)) {
    if (t.type === 'open') {
      if (skip) {
        if (isSkipped(t.name)) skip++;
        continue;
      }
      switch (t.name) {
        case 'w:del':
        case 'w:instrText':
        case 'w:delText':
        case 'mc:Fallback':
        case 'w:pPrChange':
        case 'w:rPrChange':
          skip++;
          break;
        case 'w:p':
          paragraphs.push({ text: '', numId: null, ilvl: 0, style: null });
          break;
        case 'w:pPr':
          inPPr++;
          break;
        case 'w:pStyle':
          if (inPPr && paragraphs.length) paragraphs[paragraphs.length - 1].style = t.attrs['w:val'] ?? null;
          break;
        case 'w:numId':
          if (inPPr && paragraphs.length) paragraphs[paragraphs.length - 1].numId = t.attrs['w:val'] ?? null;
          break;
        case 'w:ilvl':
          if (inPPr && paragraphs.length) paragraphs[paragraphs.length - 1].ilvl = Number(t.attrs['w:val'] ?? 0);
          break;
        case 'w:t':
          inText = !t.selfClosing;
          break;
        case 'w:tab':
          if (!inPPr && paragraphs.length) paragraphs[paragraphs.length - 1].text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (paragraphs.length) paragraphs[paragraphs.length - 1].text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (paragraphs.length) paragraphs[paragraphs.length - 1].text += '-';
          break;
        case 'w:tbl':
          tables.push({ rows: [], row: null, cell: null });
          break;
        case 'w:tr':
          if (tables.length) tables[tables.length - 1].row = [];
          break;
        case 'w:tc':
          if (tables.length) tables[tables.length - 1].cell = [];
          break;
      }
      continue;
    }
    if (t.type === 'text') {
      if (!skip && inText && paragraphs.length) paragraphs[paragraphs.length - 1].text += t.text;
      continue;
    }
    // close
    if (skip) {
      if (isSkipped(t.name)) skip--;
      continue;
    }
    switch (t.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:pPr':
        inPPr = Math.max(0, inPPr - 1);
        break;
      case 'w:p': {
        const p = paragraphs.pop();
        if (!p) break;
        paragraphCount++;
        const viaStyle = p.numId == null && p.style ? styleNumbering.get(p.style) : undefined;
        const numId = p.numId ?? viaStyle?.numId ?? null;
        const ilvl = p.numId != null ? p.ilvl : (viaStyle?.ilvl ?? 0);
        const body = p.text.replace(/[ \u00a0]+$/g, '');
        const marker = numId && numId !== '0' && body.trim() ? numbering.next(numId, ilvl) : '';
        emit(marker ? `${marker} ${body.trimStart()}` : body);
        break;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (table?.cell && table.row) table.row.push(table.cell.join('\n'));
        if (table) table.cell = null;
        break;
      }
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      }
      case 'w:tbl': {
        const table = tables.pop();
        if (!table) break;
        const outer = tables[tables.length - 1];
        if (outer?.cell) outer.cell.push(...table.rows.map((r) => r.join(' | ')));
        else blocks.push({ kind: 'table', rows: table.rows, line: paragraphCount + 1 });
        break;
      }
    }
  }
  return blocks;
}

function isSkipped(name: string): boolean {
  return (
    name === 'w:del' ||
    name === 'w:instrText' ||
    name === 'w:delText' ||
    name === 'mc:Fallback' ||
    name === 'w:pPrChange' ||
    name === 'w:rPrChange'
  );
}
