import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocx } from './docx.ts';
import { seedPlan } from './fixtures/seedPlan.ts';
import type { OfficialDocument } from './model.ts';
import { docxToPdfWithLibreOffice, pdfFonts, pdfInfo, pdfText } from '../../../test/support/documents.ts';

const out = path.resolve('test-results/documents');

/** The `<w:r>` elements of a part, with their properties and text. */
function runsOf(xml: string): Array<{ props: string; text: string }> {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => ({
    props: /<w:rPr>(.*?)<\/w:rPr>/s.exec(m[1])?.[1] ?? '',
    text: [...m[1].matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => t[1]).join(''),
  }));
}

describe('toDocx: the seed plan as a Word file', () => {
  let docx: Buffer;
  let documentXml: string;
  let stylesXml: string;
  let zip: JSZip;

  beforeAll(async () => {
    docx = await toDocx(seedPlan);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'seed-plan.docx'), docx);
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
    stylesXml = await zip.file('word/styles.xml')!.async('string');
  });

  it('holds the header blocks: superior, bold issuing body with "*", number, Party title, date in italics', () => {
    const runs = runsOf(documentXml);
    const run = (text: string) => {
      const found = runs.find((r) => r.text === text);
      expect(found, `a run "${text}"`).toBeDefined();
      return found!;
    };
    expect(run('ĐẢNG BỘ TỈNH THÁI BÌNH').props).not.toContain('<w:b/>');
    expect(run('ĐẢNG ỦY KHỐI DOANH NGHIỆP').props).toContain('<w:b/>');
    expect(run('*')).toBeDefined();
    expect(run('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-KH/ĐUK')).toBeDefined();
    const party = run('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party.props).toContain('<w:b/>');
    expect(party.props).toMatch(/<w:u w:val="single"\/>/);
    expect(run('Thái Bình, ngày 10 tháng 6 năm 2019').props).toContain('<w:i/>');
    expect(run('KẾ HOẠCH')).toBeDefined();
  });

  it('has the body, "Nơi nhận:" and the signature block', () => {
    const text = runsOf(documentXml).map((r) => r.text);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu: Ban TG, Văn phòng DUK.');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('BÍ THƯ');
    expect(text).toContain('Trần Hữu Nam');
    expect(text).toContain('MỤC ĐÍCH, YÊU CẦU');
    expect(documentXml).toContain('kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình');
  });

  it('lays out A4 portrait with the format’s margins, Times New Roman and named styles', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    expect(stylesXml).toContain('w:styleId="VbNoiDung"');
    expect(stylesXml).toContain('w:styleId="VbMuc1"');
    expect(documentXml).toContain('<w:pStyle w:val="VbNoiDung"/>');
  });

  it('numbers pages from the second one, centred at the top', async () => {
    expect(documentXml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(headers.some((h) => !/PAGE/.test(h))).toBe(true);
  });

  it('opens in LibreOffice, which prints it on A4 with the Vietnamese text intact', async () => {
    const pdf = await docxToPdfWithLibreOffice(docx);
    fs.writeFileSync(path.join(out, 'seed-plan.libreoffice.pdf'), pdf);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(Math.round(info.widthPt)).toBe(595);
    expect(Math.round(info.heightPt)).toBe(842);
    const text = await pdfText(pdf);
    for (const words of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      'Thái Bình, ngày 10 tháng 6 năm 2019',
      'kỷ niệm 15 năm',
      'Đảng bộ khối Doanh nghiệp',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'Trần Hữu Nam',
    ]) {
      expect(text).toContain(words);
    }
    expect(await pdfText(pdf, { first: 1, last: 1 })).toMatch(/^ĐẢNG BỘ TỈNH THÁI BÌNH/);
    if (info.pages > 1) expect(await pdfText(pdf, { first: 2, last: 2 })).toMatch(/^2 /);
    expect((await pdfFonts(pdf)).some((f) => /Liberation ?Serif|TimesNewRoman|Times New Roman|Tinos/i.test(f))).toBe(
      true,
    );
  }, 180_000);

  it('writes tables with a repeating header row', async () => {
    const doc: OfficialDocument = {
      ...seedPlan,
      type: 'BÁO CÁO',
      symbol: undefined,
      number: '7',
      body: [
        {
          kind: 'table',
          columns: [
            { title: 'TT', width: 1, align: 'center' },
            { title: 'Nội dung', width: 6 },
            { title: 'Thời hạn', width: 2, align: 'center' },
          ],
          rows: [['1', 'Bình chọn 45 tập thể, cá nhân, sản phẩm', '30/7/2019']],
        },
      ],
    };
    const xml = await (await JSZip.loadAsync(await toDocx(doc))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Số 7-BC/ĐUK');
    expect(xml).toContain('Bình chọn 45 tập thể, cá nhân, sản phẩm');
  });
});
