/**
 * Lays an official document out as one HTML page with print CSS, in the same format as the Word
 * builder: the page the PDF builder prints, and a preview a browser can show as it is.
 */
import {
  numberLine,
  placeDateLine,
  recipientLines,
  runsOf,
  upper,
  type Block,
  type OfficialDocument,
  type RichText,
  type Run,
  type Table,
} from './model.ts';
import { cssFontStack, leftBlockShare, page, paragraph, signatureSpaceMm, size } from './format.ts';

import { escapeHtml } from '../../common/text.ts';

export { escapeHtml };

function run(r: Run, base: { bold?: boolean } = {}): string {
  let html = escapeHtml(r.text.normalize('NFC'));
  const bold = r.bold ?? base.bold;
  if (r.underline) html = `<u>${html}</u>`;
  if (r.italic) html = `<i>${html}</i>`;
  if (bold === true) html = `<b>${html}</b>`;
  else if (bold === false && base.bold) html = `<span class="normal">${html}</span>`;
  return html;
}

function rich(text: RichText, base: { bold?: boolean } = {}): string {
  return runsOf(text)
    .map((r) => run(r, base))
    .join('');
}

/** A ruled table; its last `keepTail` rows open the block kept on one page with the closing (closed after it). */
function table(t: Table, keepTail = 0): string {
  const total = t.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const cols = t.columns.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`).join('');
  const head = t.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const rowsOf = (list: RichText[][]) =>
    list
      .map(
        (row) =>
          `<tr>${row
            .map((cell, i) => `<td style="text-align:${t.columns[i]?.align ?? 'left'}">${rich(cell)}</td>`)
            .join('')}</tr>`,
      )
      .join('\n');
  const tail = Math.min(keepTail, t.rows.length);
  if (tail === 0)
    return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rowsOf(t.rows)}</tbody></table>`;
  // the last rows go on in a table of their own, inside the block that does not break before the closing
  const first = t.rows.slice(0, t.rows.length - tail);
  return `${first.length ? `<table class="grid open"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rowsOf(first)}</tbody></table>\n` : ''}<div class="keep-end">
<table class="grid"><colgroup>${cols}</colgroup>${first.length ? '' : `<thead><tr>${head}</tr></thead>`}<tbody>${rowsOf(t.rows.slice(-tail))}</tbody></table>`;
}

function blocks(list: Block[]): string {
  return list.map(block).join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'section':
      return `<p class="h${b.level}">${escapeHtml(b.number)} ${rich(b.title, { bold: true })}</p>\n${blocks(b.children)}`;
    case 'paragraph': {
      const cls = b.indent === false ? ' class="flush"' : '';
      const align = b.align && b.align !== 'justify' ? ` style="text-align:${b.align}"` : '';
      return `<p${cls}${align}>${rich(b.text)}</p>`;
    }
    case 'item':
      return `<p class="item">${escapeHtml(b.marker)} ${rich(b.text)}</p>${b.children ? `\n${blocks(b.children)}` : ''}`;
    case 'signatures':
      return `<table class="signatures"><tr>${b.columns
        .map(
          (c) =>
            `<td class="sign"><div>${escapeHtml(upper(c.title))}</div><div class="hint">(Ký, ghi rõ họ tên)</div><div class="space"></div><div>${escapeHtml(c.name)}</div></td>`,
        )
        .join('')}</tr></table>`;
    case 'table':
      return table(b);
  }
}

function css(): string {
  const m = page.margin;
  const left = (leftBlockShare * 100).toFixed(1);
  const right = (100 - leftBlockShare * 100).toFixed(1);
  return `
@page { size: A4 portrait; margin: ${m.topMm}mm ${m.rightMm}mm ${m.bottomMm}mm ${m.leftMm}mm;
  @top-center { content: counter(page); font-family: ${cssFontStack}; font-size: ${size.pageNumber}pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${cssFontStack}; font-size: ${size.body}pt; line-height: ${paragraph.lineHeight}; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; font-kerning: normal; }
p { margin: 0 0 ${paragraph.spaceAfterPt}pt; text-align: justify; text-indent: ${paragraph.firstLineIndentMm}mm; orphans: 2; widows: 2; }
p.flush { text-indent: 0; }
p.h1, p.h2, p.h3 { font-weight: bold; break-after: avoid; }
.normal { font-weight: normal; }
table.head, table.closing { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.head td, table.closing td { padding: 0; vertical-align: top; text-align: center; }
table.head td.left, table.closing td.left { width: ${left}%; }
table.head td.right, table.closing td.right { width: ${right}%; }
.head .superior { font-size: ${size.issuer}pt; line-height: 1.2; }
.head .issuer { font-size: ${size.issuer}pt; font-weight: bold; line-height: 1.2; }
.head .star { font-size: ${size.issuer}pt; line-height: 1.1; }
.head .party span { display: inline-block; font-size: ${size.partyTitle}pt; font-weight: bold; line-height: 1.2;
  border-bottom: 0.9pt solid #000; padding-bottom: 1pt; }
.head .number { font-size: ${size.number}pt; padding-top: 4pt; white-space: pre; }
.head .date { font-size: ${size.placeDate}pt; font-style: italic; padding-top: 4pt; }
.doctype { font-size: ${size.docType}pt; font-weight: bold; text-align: center; margin-top: 18pt; line-height: 1.2; }
.summary { font-size: ${size.summary}pt; font-weight: bold; text-align: center; margin: 2pt 8mm 0; line-height: 1.2; }
.dashes { text-align: center; margin: 0 0 12pt; line-height: 1.2; }
.closing { break-inside: avoid; margin-top: 6pt; }
.closing td.left { text-align: left; }
.recipients .label { font-size: ${size.recipientsLabel}pt; text-decoration: underline; text-underline-offset: 2pt; }
.recipients .line { font-size: ${size.recipients}pt; line-height: 1.25; }
.sign div { font-size: ${size.signature}pt; font-weight: bold; line-height: 1.25; }
.sign .space { height: ${signatureSpaceMm}mm; }
table.grid { width: 100%; border-collapse: collapse; margin: 0 0 ${paragraph.spaceAfterPt}pt; font-size: ${size.body - 1}pt; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; line-height: 1.2; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid tr { break-inside: avoid; }
table.grid.open { margin-bottom: 0; }
.keep-end { break-inside: avoid; }
.annex { break-before: page; }
table.signatures { width: 100%; border-collapse: collapse; table-layout: fixed; break-inside: avoid; margin-top: 8pt; }
table.signatures td { padding: 0; vertical-align: top; text-align: center; }
.sign .hint { font-weight: normal; font-style: italic; }
`;
}

/** The whole document as an HTML page ready to print on A4. */
export function toHtml(doc: OfficialDocument): string {
  const recipients = recipientLines(doc)
    .map((line) => `<div class="line">${escapeHtml(line)}</div>`)
    .join('');
  const signature = [
    doc.signature.authority ? `<div>${escapeHtml(upper(doc.signature.authority))}</div>` : '',
    `<div>${escapeHtml(upper(doc.signature.position))}</div>`,
    `<div class="space"></div>`,
    `<div>${escapeHtml(doc.signature.name)}</div>`,
  ].join('');
  // a table that keeps its tail with the closing: from its last rows to the signature, one unbroken block
  const at = doc.body.findLastIndex((b) => b.kind === 'table' && (b.keepWithClosing ?? 0) > 0);
  const keptTable = at < 0 ? null : doc.body[at];
  const kept = keptTable?.kind === 'table';
  const body = kept
    ? [
        blocks(doc.body.slice(0, at)),
        table(keptTable, keptTable.keepWithClosing ?? 0),
        blocks(doc.body.slice(at + 1)),
      ].join('\n')
    : blocks(doc.body);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(`${doc.type} ${doc.title}`)}</title>
<style>${css()}</style></head>
<body>
<table class="head">
<tr><td class="left"><div class="superior">${escapeHtml(upper(doc.issuer.superior))}</div><div class="issuer">${escapeHtml(upper(doc.issuer.body))}</div><div class="star">*</div></td>
<td class="right"><div class="party"><span>ĐẢNG CỘNG SẢN VIỆT NAM</span></div></td></tr>
<tr><td class="left number">${escapeHtml(numberLine(doc))}</td><td class="right date">${escapeHtml(placeDateLine(doc))}</td></tr>
</table>
<div class="doctype">${escapeHtml(doc.type)}</div>
<div class="summary">${escapeHtml(doc.title)}</div>
<div class="dashes">-----</div>
${doc.basis.map((p) => `<p>${rich(p)}</p>`).join('\n')}
${body}
<table class="closing"><tr>
<td class="left recipients">${recipients ? `<div class="label">Nơi nhận:</div>${recipients}` : ''}</td>
<td class="right sign">${signature}</td>
</tr></table>${kept ? '</div>' : ''}
${doc.annex?.length ? `<div class="annex">${blocks(doc.annex)}</div>` : ''}
</body></html>`;
}
