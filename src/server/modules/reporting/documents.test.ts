import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { DOCX } from '../../documents/mediaTypes.ts';
import { DRIVE_CODE, MONTHLY_CODE } from './demo.ts';
import { committeeName, formatNumberVi } from './documents.ts';
import type { totalsOf } from './rollup.ts';
import type { getForm } from './submissions.ts';

/**
 * The drafted narrative report on both databases: the letterhead of the unit that reports, the
 * period in words, the figures of GET /totals as sentences and in the table, who has reported,
 * the headings left for a person to write; and the .docx opens and prints in LibreOffice.
 */
const out = path.resolve('test-results/documents');

/** The text of each page of a PDF. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const { pages } = await pdfInfo(pdf);
  const texts: string[] = [];
  for (let page = 1; page <= pages; page++) texts.push(await pdfText(pdf, { first: page, last: page }));
  return texts;
}

describeEachDatabase('reporting: the narrative report', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'reporting'] },
  );
  const unit = new Map<string, string>();
  let monthly = '';
  let drive = '';
  let leader: Client;
  let cs02: Client;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-09-12T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    for (const t of await platform.db.selectFrom('report_templates').select(['id', 'code']).execute()) {
      if (t.code === MONTHLY_CODE) monthly = t.id;
      if (t.code === DRIVE_CODE) drive = t.id;
    }
    const as = async (role: 'unit_officer' | 'bloc_leader', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: unit.get(code)! }] });
      return signIn(app, u.username, u.password);
    };
    leader = await as('bloc_leader', 'DBK');
    cs02 = await as('unit_officer', 'CS02');
  }, 120_000);

  const json = async (res: Response) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
    return body;
  };
  const docx = async (client: Client, query: string, route = '/api/reporting/report.docx') => {
    const res = await client.get(`${route}?${query}`);
    expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.docx"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)]
      .map((m) => m[1])
      .join('|')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    return { bytes, text };
  };

  it("drafts the Bloc's monthly report: letterhead, title, who reported, every figure of the totals, the table, the parts to finish", async () => {
    const query = `templateId=${monthly}&unitId=${unit.get('DBK')}&periodId=2019-08`;
    const { bytes, text } = await docx(leader, query);
    for (const s of [
      'ĐẢNG BỘ TỈNH THÁI BÌNH',
      'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '-BC/ĐUK',
      'Thái Bình, ngày 12 tháng 9 năm 2019',
      'BÁO CÁO',
      'Kết quả công tác tháng 8 năm 2019',
      'I. ',
      'KẾT QUẢ THỰC HIỆN',
      'II. ',
      'PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 9 NĂM 2019',
      'III. ',
      'ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Hữu Nam',
      'Kỳ trước (Tháng 7/2019)',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/\[Cần bổ sung: [^\]]+\]/);
    const totals: Answer<typeof totalsOf> = await json(
      await leader.get(`/api/reporting/totals?templateId=${monthly}&unitId=${unit.get('DBK')}&from=2019-08&to=2019-08`),
    );
    const figure = (code: string) => totals.indicators.find((i) => i.code === code)!;
    expect(text).toContain(`Tổng số đảng viên: ${formatNumberVi(figure('DV_TONG').value!)} người`);
    const news = figure('DV_MOI');
    expect(text).toContain(
      `Đảng viên mới kết nạp: ${news.value} người (trong đó: nam ${news.breakdown.find((b) => b.key === 'nam')!.value}, nữ ${news.breakdown.find((b) => b.key === 'nu')!.value})`,
    );
    expect(text).toContain(`Tỷ lệ đảng viên dự sinh hoạt (bình quân): ${formatNumberVi(figure('TL_DU_SH').value!)}%`);
    const c = await json(
      await leader.get(`/api/reporting/completeness?templateId=${monthly}&unitId=${unit.get('DBK')}&periodId=2019-08`),
    );
    expect(text).toContain(`${c.received}/${c.expected} đơn vị đã báo cáo, ${c.onTime} đơn vị đúng hạn`);
    expect(c.missing).toBeGreaterThan(0);

    // LibreOffice opens it and prints the same words
    const pdf = await docxToPdfWithLibreOffice(bytes);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `bao-cao-thang-8-2019-${kind}.pdf`), pdf);
    const printed = await pdfText(pdf);
    for (const s of [
      'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      'Kết quả công tác tháng 8 năm 2019',
      `Tổng số đảng viên: ${formatNumberVi(figure('DV_TONG').value!)} người`,
      'T/M BAN THƯỜNG VỤ',
      'Trần Hữu Nam',
    ])
      expect(printed, s).toContain(s);
  }, 180_000);

  it("drafts a grassroots committee's quarterly report from the monthly ones, under its own letterhead", async () => {
    const { text } = await docx(cs02, `templateId=${monthly}&unitId=${unit.get('CS02')}&periodId=2019Q3`);
    for (const s of [
      'ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH',
      'ĐẢNG ỦY CÔNG TY CỔ PHẦN MAY KIẾN XƯƠNG XANH',
      '-BC/ĐU',
      'Kết quả công tác quý III năm 2019',
      'Thực hiện chế độ báo cáo quý',
      'Tháng 7/2019: ',
      'Tháng 8/2019: ',
      'T/M ĐẢNG ỦY',
      'PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2019',
      'Kỳ trước (Quý II/2019)',
    ]) {
      expect(text, s).toContain(s);
    }
    const totals: Answer<typeof totalsOf> = await json(
      await cs02.get(`/api/reporting/totals?templateId=${monthly}&unitId=${unit.get('CS02')}&from=2019-07&to=2019-09`),
    );
    expect(text).toContain(
      `Số buổi sinh hoạt chi bộ: ${totals.indicators.find((i) => i.code === 'SH_CHI_BO')!.value} buổi`,
    );
    // a unit officer reads only its own subtree; a period that does not fit the template is refused
    expect(
      (await cs02.get(`/api/reporting/report.docx?templateId=${monthly}&unitId=${unit.get('DBK')}&periodId=2019-08`))
        .status,
    ).toBe(404);
    const wrong = await leader.get(
      `/api/reporting/report.docx?templateId=${drive}&unitId=${unit.get('DBK')}&periodId=2019-08`,
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.details[0].path).toBe('periodId');
  });

  it("drafts the emulation drive's results for its campaign, counting approved reports", async () => {
    const { text } = await docx(
      leader,
      `templateId=${drive}&unitId=${unit.get('DBK')}&periodId=campaign:${DRIVE_CODE}`,
    );
    expect(text).toContain(
      'Kết quả phong trào thi đua chào mừng 15 năm thành lập Đảng bộ Khối từ ngày 15/6/2019 đến ngày 30/8/2019',
    );
    expect(text).toContain('PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI');
    expect(text).toContain('đã được duyệt');
    const totals: Answer<typeof totalsOf> = await json(
      await leader.get(
        `/api/reporting/totals?templateId=${drive}&unitId=${unit.get('DBK')}&from=campaign:${DRIVE_CODE}&to=campaign:${DRIVE_CODE}`,
      ),
    );
    const value = totals.indicators.find((i) => i.code === 'TD_LAM_LOI')!.value;
    expect(text).toContain(`Giá trị làm lợi: ${formatNumberVi(value!)} triệu đồng`);
  });

  /** The page that bears the signature also bears the table's last lines (and the signer's name). */
  const expectSignedUnderTable = async (pdf: Buffer) => {
    const pages = await pageTexts(pdf);
    const signed = pages.findIndex((p) => p.includes('T/M ĐẢNG ỦY'));
    expect(signed, pages.join('\n---\n')).toBeGreaterThanOrEqual(0);
    expect(pages[signed]).toContain('Chi bộ sinh hoạt chuyên đề');
    expect(pages[signed]).toContain('Nơi nhận:');
  };

  it("prints the template as a form: blank to fill by hand, or with the unit's own figures for a period, as .docx and .pdf", async () => {
    const blank = await docx(cs02, `templateId=${monthly}&unitId=${unit.get('CS02')}`, '/api/reporting/form.docx');
    for (const s of [
      'ĐẢNG ỦY CÔNG TY CỔ PHẦN MAY KIẾN XƯƠNG XANH',
      'BÁO CÁO',
      'Số liệu báo cáo tháng của tổ chức cơ sở đảng, tháng …… năm ……',
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Số liệu',
      'Ghi chú',
      'Tổng số đảng viên (*)',
      '- Nam',
      '- Nữ',
      'Chỉ tiêu đánh dấu (*) là chỉ tiêu bắt buộc.',
      'T/M ĐẢNG ỦY',
    ]) {
      expect(blank.text, s).toContain(s);
    }
    expect(blank.text).not.toContain('Hạn gửi báo cáo');
    const form: Answer<typeof getForm> = await json(
      await cs02.get(`/api/reporting/form?templateId=${monthly}&unitId=${unit.get('CS02')}&periodId=2019-08`),
    );
    const own = (code: string, key = '') =>
      form.values.find(
        (v) => v.indicatorId === form.indicators.find((i) => i.code === code)!.id && v.breakdownKey === key,
      )?.value;
    expect(own('DV_TONG')).toBeTypeOf('number');
    const filled = await docx(
      cs02,
      `templateId=${monthly}&unitId=${unit.get('CS02')}&periodId=2019-08`,
      '/api/reporting/form.docx',
    );
    for (const s of [
      'Số liệu báo cáo tháng của tổ chức cơ sở đảng, tháng 8 năm 2019',
      `|${formatNumberVi(own('DV_TONG') as number)}|`,
      `|${formatNumberVi(own('DV_MOI', 'nam') as number)}|`,
      'Hạn gửi báo cáo: ngày ',
    ]) {
      expect(filled.text, s).toContain(s);
    }
    // an indicator split by breakdown prints its total on its own line, above its categories
    const newMembers = (own('DV_MOI', 'nam') as number) + (own('DV_MOI', 'nu') as number);
    expect(filled.text).toContain(`|Đảng viên mới kết nạp (*)|người|${formatNumberVi(newMembers)}|||- Nam|`);
    expect(blank.text).toContain('|Đảng viên mới kết nạp (*)|người||||- Nam|');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `bieu-mau-thang-8-2019-${kind}.docx`), filled.bytes);
    // as LibreOffice prints it, the signature is not alone on a page: the table's last lines go with it
    const office = await docxToPdfWithLibreOffice(filled.bytes);
    fs.writeFileSync(path.join(out, `bieu-mau-thang-8-2019-${kind}-libreoffice.pdf`), office);
    await expectSignedUnderTable(office);
    const res = await cs02.get(
      `/api/reporting/form.pdf?templateId=${monthly}&unitId=${unit.get('CS02')}&periodId=2019-08`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `bieu-mau-thang-8-2019-${kind}.pdf`), pdf);
    const printed = await pdfText(pdf);
    for (const s of ['Tổng số đảng viên (*)', 'Số buổi sinh hoạt chi bộ', 'T/M ĐẢNG ỦY'])
      expect(printed, s).toContain(s);
    await expectSignedUnderTable(pdf);
    // the campaign template prints its own dates; another unit's form and a wrong period are refused
    const campaign = await docx(leader, `templateId=${drive}&unitId=${unit.get('CS02')}`, '/api/reporting/form.docx');
    expect(campaign.text).toContain('từ ngày 15/6/2019 đến ngày 30/8/2019');
    expect((await cs02.get(`/api/reporting/form.docx?templateId=${monthly}&unitId=${unit.get('DBK')}`)).status).toBe(
      404,
    );
    const wrong = await cs02.get(
      `/api/reporting/form.pdf?templateId=${monthly}&unitId=${unit.get('CS02')}&periodId=2019Q3`,
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.details[0].messages.vi).toContain('Kỳ báo cáo không khớp');
  }, 120_000);

  it('names the body that speaks for a Party organisation', () => {
    expect(committeeName('Đảng bộ Công ty Cổ phần May Kiến Xương Xanh')).toBe(
      'Đảng ủy Công ty Cổ phần May Kiến Xương Xanh',
    );
    expect(committeeName('Đảng bộ tỉnh Thái Bình')).toBe('Tỉnh ủy Thái Bình');
    expect(committeeName('Chi bộ Phân xưởng May 1')).toBe('Chi bộ Phân xưởng May 1');
  });
});
