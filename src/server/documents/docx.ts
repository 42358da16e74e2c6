/**
 * Writes an official document as a Word file in the Party's format: named paragraph styles for
 * each part (so the office can keep editing it in the same format), the header as a borderless
 * two-column table, page numbers centred at the top from page 2, the closing table with
 * "Nơi nhận:" on the left and the signature on the right.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type ITableBordersOptions,
} from 'docx';
import {
  numberLine,
  placeDateLine,
  plainText,
  recipientLines,
  runsOf,
  upper,
  type Block,
  type OfficialDocument,
  type RichText,
  type Signatures as SignaturesBlock,
  type Table as TableBlock,
} from './model.ts';
import {
  fontFamily,
  leftBlockShare,
  mmToTwip,
  page,
  paragraph,
  ptToHalfPt,
  signatureSpaceMm,
  size,
  textWidthMm,
} from './format.ts';

const pt = (n: number) => Math.round(n * 20); // points → twentieths of a point (spacing)
const line = Math.round(240 * paragraph.lineHeight);
const tight = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

/** The styles of the format, by id; the paragraphs below name them instead of repeating sizes. */
const styles: IParagraphStyleOptions[] = [
  {
    id: 'VbNoiDung',
    name: 'Văn bản - Nội dung',
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: ptToHalfPt(size.body) },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mmToTwip(paragraph.firstLineIndentMm) },
      spacing: { after: pt(paragraph.spaceAfterPt), line, lineRule: LineRuleType.AUTO },
    },
  },
  ...([1, 2, 3] as const).map(
    (level): IParagraphStyleOptions => ({
      id: `VbMuc${level}`,
      name: `Văn bản - Mục cấp ${level}`,
      basedOn: 'VbNoiDung',
      next: 'VbNoiDung',
      quickFormat: true,
      run: { bold: true },
      paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1 },
    }),
  ),
  {
    id: 'VbTieuDe',
    name: 'Văn bản - Tiêu đề Đảng',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.partyTitle), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: tight },
  },
  {
    id: 'VbCapTren',
    name: 'Văn bản - Cơ quan cấp trên',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.issuer) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: tight },
  },
  { id: 'VbCoQuan', name: 'Văn bản - Cơ quan ban hành', basedOn: 'VbCapTren', run: { bold: true } },
  {
    id: 'VbSoKyHieu',
    name: 'Văn bản - Số và ký hiệu',
    basedOn: 'VbCapTren',
    run: { size: ptToHalfPt(size.number) },
    paragraph: { spacing: { ...tight, before: pt(4) } },
  },
  {
    id: 'VbNgayThang',
    name: 'Văn bản - Địa danh, ngày tháng',
    basedOn: 'VbCapTren',
    run: { size: ptToHalfPt(size.placeDate), italics: true },
    paragraph: { spacing: { ...tight, before: pt(4) } },
  },
  {
    id: 'VbTenLoai',
    name: 'Văn bản - Tên loại',
    basedOn: 'Normal',
    next: 'VbTrichYeu',
    run: { size: ptToHalfPt(size.docType), bold: true },
    paragraph: {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: pt(18), after: 0, line: 240, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: 'VbTrichYeu',
    name: 'Văn bản - Trích yếu',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.summary), bold: true },
    paragraph: {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      indent: { left: mmToTwip(8), right: mmToTwip(8) },
      spacing: { ...tight, before: pt(2) },
    },
  },
  {
    id: 'VbGach',
    name: 'Văn bản - Gạch dưới trích yếu',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.body) },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...tight, after: pt(12) } },
  },
  {
    id: 'VbNoiNhanNhan',
    name: 'Văn bản - Nơi nhận (chữ)',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.recipientsLabel), underline: { type: UnderlineType.SINGLE } },
    paragraph: { keepNext: true, spacing: tight },
  },
  {
    id: 'VbNoiNhan',
    name: 'Văn bản - Nơi nhận',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.recipients) },
    paragraph: { keepNext: true, spacing: { ...tight, line: 250 } },
  },
  {
    id: 'VbChuKy',
    name: 'Văn bản - Chữ ký',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.signature), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...tight, line: 260 } },
  },
  {
    id: 'VbSoTrang',
    name: 'Văn bản - Số trang',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.pageNumber) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: tight },
  },
  {
    id: 'VbBang',
    name: 'Văn bản - Trong bảng',
    basedOn: 'Normal',
    run: { size: ptToHalfPt(size.body - 1) },
    paragraph: { spacing: { before: pt(2), after: pt(2), line: 240, lineRule: LineRuleType.AUTO } },
  },
];

type RunBase = { bold?: boolean; italics?: boolean; underline?: boolean };

function runs(text: RichText, base: RunBase = {}): TextRun[] {
  return runsOf(text).map((r) => {
    const bold = r.bold ?? base.bold;
    const italics = r.italic ?? base.italics;
    const underline = r.underline ?? base.underline;
    return new TextRun({
      text: r.text.normalize('NFC'),
      ...(bold !== undefined ? { bold } : {}),
      ...(italics !== undefined ? { italics } : {}),
      ...(underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    });
  });
}

const p = (style: string, text: RichText, extra: RunBase = {}) => new Paragraph({ style, children: runs(text, extra) });

const noBorders: ITableBordersOptions = TableBorders.NONE;
const singleLine = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const ruled: ITableBordersOptions = {
  top: singleLine,
  bottom: singleLine,
  left: singleLine,
  right: singleLine,
  insideHorizontal: singleLine,
  insideVertical: singleLine,
};

const textWidth = mmToTwip(textWidthMm);
const leftWidth = Math.round(textWidth * leftBlockShare);
const rightWidth = textWidth - leftWidth;

/** A borderless two-cell row layout: the header and the closing both use it. */
function twoBlocks(rows: Array<[Paragraph[], Paragraph[]]>): Table {
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: rows.map(
      ([left, right]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: leftWidth, type: WidthType.DXA },
              children: left.length ? left : [new Paragraph('')],
            }),
            new TableCell({
              width: { size: rightWidth, type: WidthType.DXA },
              children: right.length ? right : [new Paragraph('')],
            }),
          ],
        }),
    ),
  });
}

function header(doc: OfficialDocument): Table {
  return twoBlocks([
    [
      [
        p('VbCapTren', upper(doc.issuer.superior)),
        p('VbCoQuan', upper(doc.issuer.body), { bold: true }),
        p('VbCapTren', '*'),
      ],
      [new Paragraph({ style: 'VbTieuDe', children: runs('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true }) })],
    ],
    [[p('VbSoKyHieu', numberLine(doc))], [p('VbNgayThang', placeDateLine(doc), { italics: true })]],
  ]);
}

function closing(doc: OfficialDocument): Table {
  const lines = recipientLines(doc);
  const left = lines.length ? [p('VbNoiNhanNhan', 'Nơi nhận:'), ...lines.map((l) => p('VbNoiNhan', l))] : [];
  const s = doc.signature;
  const right = [
    ...(s.authority ? [p('VbChuKy', upper(s.authority))] : []),
    p('VbChuKy', upper(s.position)),
    new Paragraph({ style: 'VbChuKy', spacing: { before: mmToTwip(signatureSpaceMm) }, children: runs(s.name) }),
  ];
  return twoBlocks([[left, right]]);
}

/** Signatures side by side: no rules, the columns sharing the width, a row that does not split. */
function signaturesTable(b: SignaturesBlock): Table {
  const width = Math.floor(textWidth / Math.max(1, b.columns.length));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: b.columns.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: b.columns.map(
          (c) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: 'VbChuKy',
                  keepNext: true,
                  spacing: { before: mmToTwip(4) },
                  children: runs(upper(c.title)),
                }),
                new Paragraph({
                  style: 'VbChuKy',
                  keepNext: true,
                  children: runs([{ text: '(Ký, ghi rõ họ tên)', bold: false, italic: true }]),
                }),
                new Paragraph({
                  style: 'VbChuKy',
                  spacing: { before: mmToTwip(signatureSpaceMm) },
                  children: runs(c.name),
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

/** A ruled table; its last `tail` rows keep with the next paragraph (they stay on the page of what follows). */
function bodyTable(t: TableBlock, tail = 0): Table {
  const total = t.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = t.columns.map((c) => Math.round(((c.width ?? 1) / total) * textWidth));
  const align = (a?: 'left' | 'center' | 'right') =>
    a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP, children });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ruled,
    margins: { left: mmToTwip(1.5), right: mmToTwip(1.5) },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) =>
          cell(
            [
              new Paragraph({
                style: 'VbBang',
                alignment: AlignmentType.CENTER,
                children: runs(c.title, { bold: true }),
              }),
            ],
            widths[i],
          ),
        ),
      }),
      ...t.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: t.columns.map((c, i) =>
              cell(
                [
                  new Paragraph({
                    style: 'VbBang',
                    alignment: align(c.align),
                    ...(r >= t.rows.length - tail ? { keepNext: true } : {}),
                    children: runs(row[i] ?? ''),
                  }),
                ],
                widths[i],
              ),
            ),
          }),
      ),
    ],
  });
}

function blocks(list: Block[], keep = false): Array<Paragraph | Table> {
  return list.flatMap((b) => block(b, keep));
}

/**
 * The body: a table that keeps its tail with the closing (`keepWithClosing`) makes its last rows
 * and every block after it keep with the next paragraph, down to the closing.
 */
function bodyBlocks(list: Block[]): Array<Paragraph | Table> {
  const at = list.findLastIndex((b) => b.kind === 'table' && (b.keepWithClosing ?? 0) > 0);
  if (at < 0) return blocks(list);
  return [...blocks(list.slice(0, at)), ...block(list[at], false, true), ...blocks(list.slice(at + 1), true)];
}

/** `keep`: the block stays on the page of what follows; `tail`: a table keeps its last rows so. */
function block(b: Block, keep = false, tail = false): Array<Paragraph | Table> {
  const keepNext = keep ? { keepNext: true } : {};
  switch (b.kind) {
    case 'section':
      return [
        new Paragraph({
          style: `VbMuc${b.level}`,
          children: [new TextRun(`${b.number} `), ...runs(b.title)],
        }),
        ...blocks(b.children, keep),
      ];
    case 'paragraph': {
      const alignment =
        b.align === 'center'
          ? AlignmentType.CENTER
          : b.align === 'right'
            ? AlignmentType.RIGHT
            : b.align === 'left'
              ? AlignmentType.LEFT
              : undefined;
      return [
        new Paragraph({
          style: 'VbNoiDung',
          ...(alignment ? { alignment } : {}),
          ...(b.indent === false ? { indent: { firstLine: 0 } } : {}),
          ...keepNext,
          children: runs(b.text),
        }),
      ];
    }
    case 'item':
      return [
        new Paragraph({ style: 'VbNoiDung', ...keepNext, children: [new TextRun(`${b.marker} `), ...runs(b.text)] }),
        ...blocks(b.children ?? [], keep),
      ];
    case 'signatures':
      return [signaturesTable(b)];
    case 'table':
      return [
        bodyTable(b, keep ? b.rows.length : tail ? (b.keepWithClosing ?? 0) : 0),
        new Paragraph({
          style: 'VbNoiDung',
          spacing: { after: 0, line: 120, lineRule: LineRuleType.AUTO },
          ...(keep || tail ? { keepNext: true } : {}),
          children: [],
        }),
      ];
  }
}

/** The document as a .docx file. */
export async function toDocx(doc: OfficialDocument): Promise<Buffer> {
  const m = page.margin;
  const word = new Document({
    creator: 'Kyniem',
    title: `${doc.type} ${plainText(doc.title)}`,
    subject: numberLine(doc),
    styles: {
      default: {
        document: {
          run: { font: fontFamily, size: ptToHalfPt(size.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: styles,
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: mmToTwip(page.widthMm),
              height: mmToTwip(page.heightMm),
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(m.topMm),
              bottom: mmToTwip(m.bottomMm),
              left: mmToTwip(m.leftMm),
              right: mmToTwip(m.rightMm),
              header: mmToTwip(10),
              footer: mmToTwip(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ style: 'VbSoTrang', children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({ style: 'VbSoTrang', children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
            ],
          }),
        },
        children: [
          header(doc),
          p('VbTenLoai', upper(doc.type)),
          p('VbTrichYeu', doc.title),
          p('VbGach', '-----'),
          ...doc.basis.map((b) => p('VbNoiDung', b)),
          ...bodyBlocks(doc.body),
          closing(doc),
          ...(doc.annex?.length ? [new Paragraph({ children: [new PageBreak()] }), ...blocks(doc.annex)] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(word);
}
