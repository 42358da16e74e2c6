import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from './errors.ts';
import { buildInvitationLetterDocx, buildPropagandaPlanDocx } from './fixtures/docx-fixtures.ts';
import { importPlanDocument } from './importPlan.ts';
import { readPlanDocument, textBlocks } from './read.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function refusal(bytes: Uint8Array): Promise<PlanImportError> {
  try {
    await importPlanDocument(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanImportError);
    const e = err as PlanImportError;
    // every refusal says it in Vietnamese first and in English, and says something
    expect(e.messages.vi.length).toBeGreaterThan(20);
    expect(e.messages.en.length).toBeGreaterThan(20);
    expect(e.status).toBe(422);
    return e;
  }
  throw new Error('the file was accepted');
}

/** A repeatable stream of bytes that looks like nothing. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('files that are not a readable plan get a clear message and no draft', () => {
  it('an empty file, and one with only blank lines', async () => {
    expect((await refusal(new Uint8Array())).code).toBe('IMPORT_EMPTY');
    expect((await refusal(Buffer.from('\n  \r\n\t\n', 'utf8'))).code).toBe('IMPORT_EMPTY');
    expect((await refusal(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('IMPORT_EMPTY');
    expect((await refusal(new Uint8Array())).messages).toEqual({
      vi: 'Tệp trống: không có nội dung nào để đọc.',
      en: 'The file is empty: there is nothing to read.',
    });
  });

  it('Windows-1258, TCVN3 (ABC) and VISCII bytes: not Unicode, with the way out', async () => {
    for (const name of ['bad/windows-1258.txt', 'bad/tcvn3-abc.txt', 'bad/viscii.txt']) {
      const e = await refusal(fixture(name));
      expect(e.code, name).toBe('IMPORT_ENCODING');
      expect(e.messages.vi).toContain('Windows-1258, TCVN3 (ABC) hoặc VNI');
      expect(e.messages.en).toContain('convert it to Unicode');
    }
    expect((await refusal(fixture('bad/windows-1258.txt'))).messages.en).toContain(
      'byte 0xFD at offset 1 is not valid UTF-8',
    );
  });

  it('TCVN3 text that was read as Latin-1 and saved as UTF-8: garbled letters are named', async () => {
    const e = await refusal(fixture('bad/tcvn3-read-as-latin1.utf8.txt'));
    expect(e.code).toBe('IMPORT_MOJIBAKE');
    expect(e.messages.vi).toContain('"Th¸i"');
  });

  it('random binary, a PDF, an old .doc', async () => {
    expect((await refusal(noise(4096))).code).toBe('IMPORT_BINARY');
    expect((await refusal(Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(500)]))).code).toBe('IMPORT_PDF');
    expect(
      (await refusal(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(500)]))).code,
    ).toBe('IMPORT_OLD_WORD');
  });

  it('a corrupt .docx: a zip that breaks off, a zip without word/document.xml, a document without a body', async () => {
    const good = await buildPropagandaPlanDocx();
    const cut = await refusal(good.subarray(0, 300));
    expect(cut.code).toBe('IMPORT_CORRUPT_DOCX');
    expect(cut.messages.en).toContain('not a valid zip archive');
    expect((await refusal(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(300)]))).code).toBe(
      'IMPORT_CORRUPT_DOCX',
    );

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/styles.xml', '<w:styles/>');
    const missing = await refusal(await zip.generateAsync({ type: 'uint8array' }));
    expect(missing.code).toBe('IMPORT_CORRUPT_DOCX');
    expect(missing.messages.vi).toContain('thiếu phần nội dung word/document.xml');

    zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="x"></w:document>');
    expect((await refusal(await zip.generateAsync({ type: 'uint8array' }))).messages.en).toContain('no document body');
  });

  it('a .docx that is a letter, not a plan', async () => {
    const e = await refusal(await buildInvitationLetterDocx());
    expect(e.code).toBe('IMPORT_NOT_A_PLAN');
    expect(e.messages.vi).toContain('không phải một kế hoạch');
    expect(e.messages.en).toContain('It looks like: a letter');
  });

  it('a text without a plan heading and without tasks', async () => {
    const e = await refusal(
      Buffer.from(
        'Biên bản họp chi bộ\n\nHôm nay các đồng chí đã thảo luận về tình hình sản xuất.\nCuộc họp kết thúc lúc 11 giờ.\n',
      ),
    );
    expect(e.code).toBe('IMPORT_NOT_A_PLAN');
  });

  it('a report (BÁO CÁO) names its type', async () => {
    const e = await refusal(
      Buffer.from('BÁO CÁO\nkết quả công tác tháng 8 năm 2019\n\nTrong tháng, chi bộ đã hoàn thành các nhiệm vụ.\n'),
    );
    expect(e.messages.vi).toContain('Văn bản có vẻ là: BÁO CÁO');
  });
});

describe('encodings and line ends that are accepted', () => {
  const plan = readFileSync(new URL('./fixtures/chi-bo-quy-3.vi.txt', import.meta.url), 'utf8');
  const expected = async () =>
    (await importPlanDocument(Buffer.from(plan, 'utf8'))).activities.map((a) => [a.title, a.lead, a.due]);

  it.each([
    ['UTF-8 with a BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan, 'utf8')])],
    ['UTF-16 LE with a BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')])],
    ['UTF-16 BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(plan, 'utf16le').swap16()])],
    ['UTF-16 LE without a BOM', () => Buffer.from(plan, 'utf16le')],
    ['CRLF line ends', () => Buffer.from(plan.replace(/\n/g, '\r\n'), 'utf8')],
    ['old Mac CR line ends', () => Buffer.from(plan.replace(/\n/g, '\r'), 'utf8')],
    ['decomposed letters (NFD)', () => Buffer.from(plan.normalize('NFD'), 'utf8')],
    [
      'old-style tone marks and non-breaking spaces',
      () =>
        Buffer.from(
          plan
            .replace(/ủy/g, 'uỷ')
            .replace(/Hòa/g, 'Hoà')
            .replace(/ (Chi ủy|Công đoàn) /g, '\u00a0$1\u00a0'),
          'utf8',
        ),
    ],
  ])('%s', async (_, bytes) => {
    const draft = await importPlanDocument(bytes());
    // names and titles are kept as written; only the old tone placement differs
    const newStyle = (s: string) => s.replace(/uỷ/g, 'ủy');
    expect(draft.activities.map((a) => [newStyle(a.title), a.lead.map(newStyle), a.due])).toEqual(await expected());
    expect(draft.header.number).toBe('12-KH/CB');
    expect(JSON.stringify(draft)).toBe(JSON.stringify(draft).normalize('NFC'));
  });
});

describe('reading text and .docx into lines and tables', () => {
  it('plain text: "|" rows and tab rows become tables, separators are dropped, blank lines are remembered', () => {
    const blocks = textBlocks(
      'Một\n\nTT | Nội dung | Chủ trì\n---|---|---\n1 | Việc một | Chi ủy\nHai\nA\tB\tC\nD\tE\tF\n',
    );
    expect(blocks).toEqual([
      { kind: 'line', text: 'Một', line: 1, afterBreak: true },
      {
        kind: 'table',
        rows: [
          ['TT', 'Nội dung', 'Chủ trì'],
          ['1', 'Việc một', 'Chi ủy'],
        ],
        line: 3,
      },
      { kind: 'line', text: 'Hai', line: 6, afterBreak: true },
      {
        kind: 'table',
        rows: [
          ['A', 'B', 'C'],
          ['D', 'E', 'F'],
        ],
        line: 7,
      },
    ]);
  });

  it('.docx: Word numbering is written out as the reader sees it (I., 1., -), tables keep their cells', async () => {
    const { format, blocks } = await readPlanDocument(await buildPropagandaPlanDocx());
    expect(format).toBe('docx');
    const lines = blocks.filter((b) => b.kind === 'line').map((b) => (b.kind === 'line' ? b.text : ''));
    expect(lines).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(lines).toContain('II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN');
    expect(lines).toContain('1. Tuyên truyền trên trang thông tin điện tử và bản tin nội bộ');
    expect(lines).toContain('2. Các hoạt động cụ thể');
    expect(lines).toContain('III. TỔ CHỨC THỰC HIỆN');
    expect(lines).toContain('1. Ban Tuyên giáo Đảng ủy Khối:');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(6);
    // a soft line break splits the title paragraph in two lines
    expect(lines).toContain('(03/02/1930 - 03/02/2020)');
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(3); // header grid, tasks, signature grid
    expect(tables[1].kind === 'table' && tables[1].rows[0]).toEqual([
      'STT',
      'Nội dung',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian',
    ]);
  });
});

describe('.docx details Word writes', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (text: string, pPr = '') =>
    `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  async function docx(body: string, numbering: string, styles: string) {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    );
    zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
    zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('numbering through a heading style, a restart by startOverride, deleted revisions left out, entities decoded', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1-"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MucDam"><w:basedOn w:val="Muc"/></w:style>';
    const item = (n: string) => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${n}"/></w:numPr>`;
    const body =
      para('MỤC ĐÍCH', '<w:pStyle w:val="Muc"/>') +
      para('NỘI DUNG', '<w:pStyle w:val="MucDam"/>') +
      para('Một &amp; hai', item('2')) +
      para('Ba', item('2')) +
      `<w:p><w:r><w:t>Giữ</w:t></w:r><w:del><w:r><w:delText>Bỏ</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> lại</w:t></w:r></w:p>` +
      para('Lại từ đầu', item('3'));
    const { blocks } = await readPlanDocument(await docx(body, numbering, styles));
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : 'table'))).toEqual([
      'I- MỤC ĐÍCH',
      'II- NỘI DUNG',
      'a) Một & hai',
      'b) Ba',
      'Giữ lại',
      'a) Lại từ đầu',
    ]);
  });
});
