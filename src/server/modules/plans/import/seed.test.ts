import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftActivity, PlanDraft } from './draft.ts';
import { planDraft } from './draft.ts';
import { importPlanDocument } from './importPlan.ts';

/**
 * The seed plan (shared/seed/ke-hoach-ky-niem-15-nam.vi.txt) is the authority: every date, lead
 * and coordinating unit, recipient and the signer must come out exactly as it says.
 */
/** The seed plan as shipped with the demo data (a byte-for-byte copy of shared/seed's). */
const seedFile = fileURLToPath(new URL('../fixtures/ke-hoach-ky-niem-15-nam.vi.txt', import.meta.url));

let draft: PlanDraft;
beforeAll(async () => {
  draft = await importPlanDocument(readFileSync(seedFile));
});

const byTitle = (start: string): DraftActivity => {
  const found = draft.activities.filter((a) => a.title.startsWith(start));
  expect(found, `one activity titled "${start}…"`).toHaveLength(1);
  return found[0];
};

describe('the seed plan, imported', () => {
  it('validates against the draft schema', () => {
    expect(planDraft.safeParse(draft).success).toBe(true);
    expect(draft.source.format).toBe('text');
  });

  it('reads the header: place, date, type, title; no number, no issuing bodies', () => {
    expect(draft.header).toEqual({
      superiorBody: null,
      issuingBody: null,
      number: null,
      place: 'Thái Bình',
      date: '2019-06-10',
      dateText: 'Thái Bình, ngày 10 tháng 6 năm 2019',
      type: 'KẾ HOẠCH',
      title:
        'tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình (06/9/2004 - 06/9/2019)',
      line: 5,
    });
    expect(draft.warnings.map((w) => w.code)).toEqual(['NO_NUMBER']);
  });

  it('reads the legal basis, the three purposes and the closing sentence', () => {
    expect(draft.legalBasis).toHaveLength(1);
    expect(draft.legalBasis[0]).toMatch(
      /^Thực hiện Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ khối Doanh nghiệp tỉnh/,
    );
    // as the plan wrote it, its colon included
    expect(draft.legalBasis[0]).toMatch(/\(06\/9\/2004 - 06\/9\/2019\) với các nội dung sau:$/);
    expect(draft.purposes).toHaveLength(3);
    expect(draft.purposes[0]).toMatch(/^Tổ chức các hoạt động Kỷ niệm 15 năm/);
    expect(draft.purposes[2]).toMatch(/tránh phô trương, hình thức, lãng phí$/);
    expect(draft.closing).toMatch(
      /^Ban Thường vụ Đảng ủy Khối yêu cầu các đơn vị nghiêm túc triển khai thực hiện.*chỉ đạo kịp thời$/,
    );
  });

  it('reads the sections by their numbering (I-, II-, 1., 5-, III-)', () => {
    expect(draft.sections.map((s) => [s.path, s.marker, s.role])).toEqual([
      ['I', 'I-', 'purposes'],
      ['II', 'II-', 'content'],
      ['II.1', '1.', 'content'],
      ['II.2', '2.', 'content'],
      ['II.3', '3.', 'content'],
      ['II.4', '4.', 'content'],
      ['II.5', '5-', 'timeline'],
      ['III', 'III-', 'organisation'],
      ['III.1', '1.', 'organisation'],
      ['III.2', '2.', 'organisation'],
      ['III.3', '3.', 'organisation'],
      ['III.4', '4.', 'organisation'],
      ['III.6', '6.', 'organisation'],
    ]);
    expect(draft.sections.find((s) => s.path === 'III.1')?.title).toBe('Ban Tuyên giáo Đảng ủy Khối');
  });

  it('finds every activity of II and every duty of III: 12 tasks and 17 duties', () => {
    expect(draft.activities).toHaveLength(29);
    expect(draft.activities.filter((a) => a.kind === 'task').map((a) => a.section)).toEqual([
      'II.1',
      'II.1',
      'II.1',
      'II.2',
      'II.2',
      'II.2',
      'II.2',
      'II.2',
      'II.3',
      'II.3',
      'II.4',
      'II.4',
    ]);
    expect(draft.activities.filter((a) => a.kind === 'duty').map((a) => a.section)).toEqual([
      'III.1',
      'III.1',
      'III.1',
      'III.1',
      'III.1',
      'III.2',
      'III.2',
      'III.3',
      'III.3',
      'III.4',
      'III.4',
      'III.4',
      'III.5',
      'III.6',
      'III.6',
      'III.6',
      'III.7',
    ]);
    // the period line of II.1 is not a task, and the timeline's lines are milestones
    expect(draft.activities.some((a) => a.title.startsWith('Thời gian'))).toBe(false);
    expect(draft.activities.some((a) => a.title.startsWith('Việc'))).toBe(false);
  });

  it('gives every activity its lead and coordinating units, exactly', () => {
    const TG = 'Ban Tuyên giáo Đảng ủy Khối';
    const TC = 'Ban Tổ chức Đảng ủy Khối';
    const UBKT = 'Ủy ban Kiểm tra Đảng ủy Khối';
    const VP = 'Văn phòng Đảng ủy Khối';
    const CS = 'Các đảng ủy, chi ủy trực thuộc Đảng ủy khối';
    const expected: [string, string[], string[], DraftActivity['leadSource']][] = [
      ['A1', ['Các tổ chức cơ sở đảng trực thuộc'], [], 'subject'],
      ['A2', [], [], null],
      ['A3', ['Các cơ sở'], [], 'subject'],
      ['A4', [TC], [], 'duty'],
      ['A5', [TC], [], 'duty'],
      ['A6', [TC], [], 'duty'],
      ['A7', [TG], [], 'duty'],
      ['A8', [VP], [], 'duty'],
      ['A9', ['Hội Cựu chiến binh khối'], [], 'assigned'],
      ['A10', ['Đoàn TNCS Hồ Chí Minh khối'], ['Đoàn TNCS Hồ Chí Minh Thành phố', 'Các đơn vị liên quan'], 'assigned'],
      ['A11', [TG], [], 'duty'],
      ['A12', [], [], null],
      ['A13', [TG], [], 'heading'],
      ['A14', [TG], [], 'heading'],
      ['A15', [TG], ['Các ban', VP], 'heading'],
      ['A16', [TG], [], 'heading'],
      [
        'A17',
        [TG],
        [
          'Báo Thái Bình',
          'Đài Phát thanh – truyền hình Thái Bình',
          'Ban Biên tập website của Đảng bộ Khối',
          'Các phương tiện thông tin đại chúng',
        ],
        'heading',
      ],
      ['A18', [TC], [], 'heading'],
      ['A19', [TC], [], 'heading'],
      ['A20', [UBKT], ['Các đoàn thể trong khối'], 'heading'],
      ['A21', [UBKT], [], 'heading'],
      ['A22', [VP], [], 'heading'],
      ['A23', [VP], ['Các ban xây dựng đảng', 'Các đoàn thể chính trị - xã hội thuộc Khối'], 'heading'],
      ['A24', [VP], [], 'heading'],
      ['A25', ['Hội Cựu chiến binh', 'Đoàn TNCS Hồ Chí Minh khối Doanh nghiệp'], [], 'subject'],
      ['A26', [CS], [], 'heading'],
      ['A27', [CS], ['Ban tổ chức các hoạt động'], 'heading'],
      ['A28', [CS], [], 'heading'],
      ['A29', ['Các đồng chí ủy viên Ban Thường vụ', 'Ủy viên Ban Chấp hành Đảng bộ Khối'], [], 'subject'],
    ];
    expect(draft.activities.map((a) => [a.id, a.lead, a.coordinating, a.leadSource])).toEqual(expected);
  });

  it('links the tasks of II to the duties of III that carry them', () => {
    const related = Object.fromEntries(draft.activities.filter((a) => a.related.length).map((a) => [a.id, a.related]));
    expect(related).toMatchObject({ A4: ['A18'], A5: ['A18'], A6: ['A19'], A7: ['A16'], A8: ['A22'], A11: ['A15'] });
    expect(related.A18).toEqual(['A4', 'A5']);
  });

  it('gives every activity its dates, and says where they come from', () => {
    const dates = draft.activities.map((a) => [a.id, a.start, a.due, a.dateSource]);
    expect(dates).toEqual([
      // II.1: the emulation period 15/6 – 30/8/2019 of its last line
      ['A1', '2019-06-15', '2019-08-30', 'section'],
      ['A2', '2019-06-15', '2019-08-30', 'section'],
      ['A3', '2019-06-15', '2019-08-30', 'section'],
      ['A4', null, null, null], // 28/12/2018 is the date of Đề án 09-ĐA/TU, not of the work
      ['A5', null, null, null],
      ['A6', null, '2019-08-30', 'milestone'],
      ['A7', null, '2019-08-30', 'milestone'],
      ['A8', null, null, null],
      ['A9', null, '2019-08-20', 'milestone'],
      ['A10', '2019-08-19', '2019-08-19', 'text'], // "dịp 19/8/2019"
      ['A11', null, '2019-07-30', 'milestone'],
      ['A12', '2019-09-04', '2019-09-04', 'milestone'], // the ceremony, "Dự kiến ngày 04/9/2019"
      ...Array.from({ length: 17 }, (_, i) => [`A${i + 13}`, null, null, null]),
    ]);
    expect(byTitle('Tổ chức Hội nghị tôn vinh').tentative).toBe(true);
    expect(draft.sections.find((s) => s.path === 'II.1')?.period).toEqual({
      start: '2019-06-15',
      due: '2019-08-30',
      text: 'từ 15/6/2019 đến hết 30/8/2019',
    });
    expect(draft.period).toBeNull();
  });

  it('reads the five timeline milestones and the tasks they close', () => {
    expect(draft.milestones.map((m) => [m.title, m.start, m.due, m.tentative, m.closes])).toEqual([
      ['Việc triển khai Kế hoạch tới cơ sở', null, '2019-06-10', false, []],
      [
        'Hoạt động văn nghệ, thể thao tổ chức gắn với chào mừng kỷ niệm Cách mạng tháng Tám, Quốc khánh 2-9',
        null,
        '2019-08-20',
        false,
        ['A9', 'A10'],
      ],
      ['Việc bình chọn 45 tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu', null, '2019-07-30', false, ['A11']],
      [
        'Việc xây dựng các Nghị quyết chuyên đề về củng cố, đổi mới nội dung, hình thức hoạt động và phát triển tổ chức đảng trong khối',
        null,
        '2019-08-30',
        false,
        ['A6', 'A7'],
      ],
      [
        'Tổ chức Hội nghị tôn vinh, tuyên dương các tập thể, cá nhân, các sản phẩm tiêu biểu xuất sắc',
        '2019-09-04',
        '2019-09-04',
        true,
        ['A12'],
      ],
    ]);
    expect(draft.milestones.map((m) => m.line)).toEqual([71, 73, 75, 77, 79]);
  });

  it('reads the measurable targets: at least 2 new grassroots organisations; 45 = 15 + 15 + 15', () => {
    expect(byTitle('Thành lập mới').target).toEqual({
      value: 2,
      comparator: 'gte',
      unit: null,
      noun: 'tổ chức cơ sở đảng',
      indicator: 'tổ chức cơ sở đảng thành lập mới',
      text: 'Thành lập mới từ 02 tổ chức cơ sở đảng trở lên',
      breakdown: [],
    });
    const honours = byTitle('Bình chọn 45');
    expect(honours.title).toBe('Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu');
    expect(honours.target?.value).toBe(45);
    expect(honours.target?.breakdown.map((b) => [b.value, b.noun])).toEqual([
      [15, 'tập thể xuất sắc tiêu biểu'],
      [15, 'cá nhân tiêu biểu'],
      [15, 'sản phẩm tiêu biểu'],
    ]);
    expect(draft.activities.filter((a) => a.target).map((a) => a.id)).toEqual(['A5', 'A11']);
  });

  it('keeps the "+" points under their task as its description', () => {
    const ceremony = byTitle('Tổ chức Hội nghị tôn vinh');
    expect(ceremony.description.split('\n')).toHaveLength(5);
    expect(ceremony.description).toContain(
      '+ Xây dựng kịch bản tổ chức và chương trình cụ thể chi tiết thời lượng hợp lý, chọn phương án tổ chức hội nghị vào buổi tối',
    );
  });

  it('joins the line the seed breaks in the middle of a sentence ("Website / của Đảng bộ Khối")', () => {
    expect(draft.activities.find((a) => a.id === 'A22')?.description).toContain(
      'duy trì hiệu quả Website của Đảng bộ Khối, thực hiện đơn giản hóa',
    );
  });

  it('reads the six recipients, one per item, without "- " and the trailing ";" or "."', () => {
    expect(draft.recipients).toEqual([
      'Thường trực Tỉnh ủy',
      'Các Ban xây dựng đảng Tỉnh ủy',
      'Văn phòng Tỉnh ủy',
      'BCH Đảng bộ khối',
      'Các đơn vị có liên quan',
      'Lưu: Ban TG, Văn phòng DUK',
    ]);
  });

  it('reads the signer', () => {
    expect(draft.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Trần Hữu Nam' });
  });

  it('warns where a person has to decide: no lead, no date', () => {
    const codes = (id: string) => draft.activities.find((a) => a.id === id)!.warnings.map((w) => w.code);
    expect(codes('A2')).toEqual(['NO_LEAD']);
    expect(codes('A4')).toEqual(['NO_DUE_DATE']);
    expect(codes('A12')).toEqual(['NO_LEAD']);
    expect(codes('A10')).toEqual([]);
    expect(draft.activities.find((a) => a.id === 'A2')!.warnings[0]).toEqual({
      code: 'NO_LEAD',
      line: 25,
      vi: 'Chưa xác định được đơn vị chủ trì.',
      en: 'No lead unit found.',
    });
  });

  it('reads the same plan from UTF-16 and from decomposed (NFD) text', async () => {
    const text = readFileSync(seedFile, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const nfd = Buffer.from(text.normalize('NFD'), 'utf8');
    for (const bytes of [utf16, nfd]) {
      const again = await importPlanDocument(bytes);
      expect(again.activities.map((a) => [a.lead, a.due])).toEqual(draft.activities.map((a) => [a.lead, a.due]));
      expect(again.recipients).toEqual(draft.recipients);
    }
  });
});
