import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDocumentBrowser, chromiumPath } from './browser.ts';
import { toPdf } from './pdf.ts';
import { toHtml } from './html.ts';
import { seedPlan } from './fixtures/seedPlan.ts';
import { pdfFonts, pdfInfo, pdfText } from '../../../test/support/documents.ts';

const out = path.resolve('test-results/documents');

describe('toPdf: the seed plan printed through Chromium', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    if (!fs.existsSync(chromiumPath())) {
      throw new Error(
        `Chromium is not at ${chromiumPath()}: install it with "apt-get install -y --no-install-recommends chromium" (or set KYNIEM_CHROMIUM)`,
      );
    }
    pdf = await toPdf(seedPlan);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'seed-plan.chromium.pdf'), pdf);
  }, 60_000);

  afterAll(closeDocumentBrowser);

  it('is A4 portrait with the Vietnamese text intact', async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(Math.round(info.widthPt)).toBe(595);
    expect(Math.round(info.heightPt)).toBe(842);
    const text = await pdfText(pdf);
    for (const words of [
      'ĐẢNG BỘ TỈNH THÁI BÌNH',
      'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Thái Bình, ngày 10 tháng 6 năm 2019',
      'KẾ HOẠCH',
      'kỷ niệm 15 năm',
      'Đảng bộ khối Doanh nghiệp',
      'Nơi nhận:',
      '- Lưu: Ban TG, Văn phòng DUK.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Hữu Nam',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('numbers pages from the second one, at the top', async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(1);
    expect(await pdfText(pdf, { first: 1, last: 1 })).toMatch(/^ĐẢNG BỘ TỈNH THÁI BÌNH/);
    expect(await pdfText(pdf, { first: 2, last: 2 })).toMatch(/^2 /);
    expect(await pdfText(pdf, { first: info.pages, last: info.pages })).toMatch(new RegExp(`^${info.pages} `));
  });

  it('uses a Times face', async () => {
    expect((await pdfFonts(pdf)).every((f) => /Liberation ?Serif|Times ?New ?Roman|Tinos/i.test(f))).toBe(true);
  });

  it('prints again on the same browser, and in parallel', async () => {
    const many = await Promise.all([toPdf(seedPlan), toPdf({ ...seedPlan, number: '45' }), toPdf(seedPlan)]);
    expect(await pdfText(many[1], { first: 1, last: 1 })).toContain('Số 45-KH/ĐUK');
    for (const p of many) expect((await pdfInfo(p)).pages).toBe((await pdfInfo(pdf)).pages);
  }, 60_000);

  it('escapes what it is given', () => {
    const html = toHtml({ ...seedPlan, title: '<script>alert(1)</script> & "x"' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;x&#34;');
  });
});
