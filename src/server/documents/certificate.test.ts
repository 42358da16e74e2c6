import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDocumentBrowser } from './browser.ts';
import { toCertificatePdf, toCertificatesPdf } from './certificate.ts';
import { sampleCertificate, sampleCertificates } from './fixtures/certificates.ts';
import { pdfInfo, pdfText } from '../../../test/support/documents.ts';

const out = path.resolve('test-results/documents');

describe('certificates of merit', () => {
  afterAll(closeDocumentBrowser);

  it('prints one on a single A4 landscape page with who, why, the decision and the signature', async () => {
    const pdf = await toCertificatePdf(sampleCertificate(17));
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'certificate.pdf'), pdf);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.round(info.widthPt)).toBe(842);
    expect(Math.round(info.heightPt)).toBe(595);
    const text = await pdfText(pdf);
    for (const words of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH',
      'GIẤY KHEN',
      'Đồng chí Lê Minh Tuấn',
      'kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình',
      'Quyết định số 125-QĐ/ĐUK, ngày 30/8/2019',
      'Thái Bình, ngày 04 tháng 9 năm 2019',
      'T/M BAN THƯỜNG VỤ',
      'Trần Hữu Nam',
    ]) {
      expect(text).toContain(words);
    }
  }, 60_000);

  it('prints many into one file, one page each', async () => {
    const pdf = await toCertificatesPdf(sampleCertificates(3));
    expect((await pdfInfo(pdf)).pages).toBe(3);
    expect(await pdfText(pdf, { first: 3, last: 3 })).toContain('Đảng bộ Công ty Cổ phần Mẫu số 03');
  }, 60_000);
});
