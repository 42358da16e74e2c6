import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPropagandaPlanDocx } from './fixtures/docx-fixtures.ts';
import { importPlanDocument } from './importPlan.ts';

/**
 * Plans the parser has never been tuned on, in other styles than the seed (written for these
 * tests; the units and people are invented): a chi bộ's plan with "1. 2." numbering and a table
 * of tasks; a grassroots Party committee's plan with "a) b)" points, quarters, months, "hằng
 * tháng", a timeline and duties written "Ban …: …", saved with a BOM and CRLF; and a .docx whose
 * numbering is Word's own.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const rows = (draft: Awaited<ReturnType<typeof importPlanDocument>>) =>
  draft.activities.map((a) => ({
    id: a.id,
    section: a.section,
    title: a.title,
    lead: a.lead,
    coordinating: a.coordinating,
    start: a.start,
    due: a.due,
  }));

describe("a chi bộ's plan: two-column header in spaces, 1. 2. 3. sections, a table of tasks", () => {
  it('reads header, purposes, every row of the table, the duties, recipients and signer', async () => {
    const draft = await importPlanDocument(fixture('chi-bo-quy-3.vi.txt'));
    expect(draft.header).toMatchObject({
      superiorBody: 'ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH',
      issuingBody: 'CHI BỘ CÔNG TY CP MAY SÔNG TRÀ',
      number: '12-KH/CB',
      place: 'Hưng Yên',
      date: '2019-07-02',
      type: 'KẾ HOẠCH',
      title: 'thực hiện nhiệm vụ chính trị quý III năm 2019',
    });
    expect(draft.legalBasis).toHaveLength(2);
    expect(draft.purposes).toHaveLength(2);
    expect(rows(draft)).toEqual([
      {
        id: 'A1',
        section: '2',
        title: 'Tổ chức học tập, quán triệt Chỉ thị số 05-CT/TW cho toàn thể đảng viên',
        lead: ['Chi ủy'],
        coordinating: ['Công đoàn cơ sở', 'Chi đoàn thanh niên'],
        start: null,
        due: '2019-07-15',
      },
      {
        id: 'A2',
        section: '2',
        title: 'Kết nạp 02 quần chúng ưu tú vào Đảng',
        lead: ['Chi ủy'],
        coordinating: ['Công đoàn cơ sở'],
        start: '2019-07-01',
        due: '2019-09-30',
      },
      {
        id: 'A3',
        section: '2',
        title: 'Sinh hoạt chi bộ thường kỳ',
        lead: ['Bí thư chi bộ'],
        coordinating: ['Các đảng viên'],
        start: null,
        due: null,
      },
      {
        id: 'A4',
        section: '2',
        title: 'Tổ chức Hội thao công nhân chào mừng Quốc khánh 2/9',
        lead: ['Công đoàn cơ sở'],
        coordinating: ['Chi đoàn thanh niên', 'Phòng Hành chính – Nhân sự'],
        start: '2019-08-15',
        due: '2019-08-30',
      },
      {
        id: 'A5',
        section: '2',
        title: 'Sơ kết 9 tháng đầu năm, đánh giá kết quả sản xuất kinh doanh',
        lead: ['Ban Giám đốc'],
        coordinating: ['Phòng Kế toán'],
        start: '2019-01-01',
        due: '2019-09-30',
      },
      {
        id: 'A6',
        section: '2',
        title: 'Rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ 2020 - 2025',
        lead: ['Chi ủy'],
        coordinating: [],
        start: '2019-09-01',
        due: '2019-09-30',
      },
      {
        id: 'A7',
        section: '2',
        title: 'Báo cáo kết quả thực hiện kế hoạch về Đảng ủy Khối',
        lead: ['Bí thư chi bộ'],
        coordinating: [],
        start: null,
        due: null,
      },
      {
        id: 'A8',
        section: '3',
        title:
          'Chi ủy phân công đồng chí chi ủy viên theo dõi, đôn đốc từng nội dung; hằng tháng kiểm điểm tiến độ tại buổi sinh hoạt chi bộ',
        lead: ['Chi ủy'],
        coordinating: [],
        start: null,
        due: null,
      },
      {
        id: 'A9',
        section: '3',
        title: 'Các đảng viên căn cứ kế hoạch đăng ký việc làm cụ thể, báo cáo kết quả với chi bộ trước ngày 25/9/2019',
        lead: ['Các đảng viên'],
        coordinating: [],
        start: null,
        due: '2019-09-25',
      },
    ]);
    expect(draft.activities.map((a) => a.leadSource)).toEqual([
      'table',
      'table',
      'table',
      'table',
      'table',
      'table',
      'table',
      'subject',
      'subject',
    ]);
    expect(draft.activities.map((a) => a.kind)).toEqual([
      'task',
      'task',
      'task',
      'task',
      'task',
      'task',
      'task',
      'duty',
      'duty',
    ]);
    expect(draft.activities[2].recurrence).toBe('monthly');
    expect(draft.activities[7].recurrence).toBe('monthly');
    expect(draft.activities[1].target).toMatchObject({
      value: 2,
      comparator: 'eq',
      noun: 'quần chúng ưu tú',
      indicator: 'quần chúng ưu tú kết nạp',
    });
    // "Trước 31/9/2019": September has 30 days
    expect(draft.activities[6].warnings.map((w) => [w.code, w.vi])).toEqual([
      ['INVALID_DATE', 'Ngày "Trước 31/9/2019" không có thật; đã bỏ qua.'],
      ['NO_DUE_DATE', 'Chưa có thời hạn hoàn thành.'],
    ]);
    expect(draft.activities[6].warnings[0].line).toBe(26);
    expect(draft.milestones).toEqual([]);
    expect(draft.recipients).toEqual([
      'Đảng ủy Khối Doanh nghiệp tỉnh (để b/c)',
      'Ban Giám đốc Công ty',
      'Các đảng viên trong chi bộ',
      'Lưu Chi bộ',
    ]);
    expect(draft.signer).toEqual({ authority: 'T/M CHI BỘ', position: 'BÍ THƯ', name: 'Phạm Thị Hòa' });
    expect(draft.warnings).toEqual([]);
  });
});

describe('a đảng ủy cơ sở plan: I. II., a) b) c), quarters, months, a timeline, "Ban …:" duties; BOM and CRLF', () => {
  it('reads it all', async () => {
    const draft = await importPlanDocument(fixture('dang-uy-thi-dua.bom-crlf.vi.txt'));
    expect(draft.header).toMatchObject({
      superiorBody: 'ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH',
      issuingBody: 'ĐẢNG ỦY TỔNG CÔNG TY ĐIỆN LỰC MIỀN ĐÔNG',
      number: '08-KH/ĐU',
      place: 'Nam Định',
      date: '2019-07-18',
      title:
        'phát động đợt thi đua "Lao động giỏi, lao động sáng tạo" chào mừng kỷ niệm 74 năm Cách mạng tháng Tám và Quốc khánh 2/9',
    });
    expect(draft.legalBasis[0]).toMatch(/^Thực hiện Kế hoạch số 45-KH\/ĐUK ngày 10\/6\/2019/);
    expect(draft.purposes).toEqual([
      'Tạo khí thế thi đua sôi nổi trong cán bộ, đảng viên, người lao động; phấn đấu hoàn thành vượt mức kế hoạch sản xuất kinh doanh năm 2019',
      'Thi đua phải thiết thực, gắn với nhiệm vụ chuyên môn, tránh hình thức',
    ]);
    expect(draft.sections.map((s) => [s.path, s.role])).toEqual([
      ['I', 'purposes'],
      ['I.1', 'purposes'],
      ['I.2', 'purposes'],
      ['II', 'content'],
      ['II.1', 'content'],
      ['II.2', 'content'],
      ['III', 'timeline'],
      ['IV', 'organisation'],
    ]);
    expect(
      draft.activities.map((a) => [a.section, a.lead, a.coordinating, a.start, a.due, a.tentative, a.recurrence]),
    ).toEqual([
      ['II.1.a', ['Các chi bộ trực thuộc'], [], '2019-08-01', '2019-08-31', false, null], // trong tháng 8/2019
      ['II.1.b', [], [], '2019-07-01', '2019-09-30', false, null], // quý III/2019
      ['II.1.c', ['Công đoàn Tổng công ty'], ['Đoàn Thanh niên Tổng công ty'], '2019-08-24', '2019-08-24', true, null],
      ['II.2.a', [], [], '2019-07-01', '2019-12-31', false, null], // 6 tháng cuối năm 2019
      ['II.2.b', ['Các chi bộ'], [], null, null, false, 'quarterly'], // hằng quý
      ['II.2.c', [], [], '2019-12-01', '2019-12-31', false, null], // "năm 2019, hoàn thành trong tháng 12/2019"
      ['IV.1', ['Ban Tuyên giáo Đảng ủy'], [], null, null, false, 'continuous'],
      ['IV.2', ['Ủy ban Kiểm tra Đảng ủy'], ['Các chi bộ'], '2019-07-01', '2019-09-30', false, null],
      ['IV.3', ['Văn phòng Đảng ủy'], [], null, '2019-09-30', false, null],
    ]);
    expect(draft.activities[6].title).toBe(
      'Chủ trì tuyên truyền về đợt thi đua trên trang thông tin điện tử của Tổng công ty, thường xuyên trong thời gian thi đua',
    );
    expect(draft.activities[1].target).toMatchObject({
      value: 100,
      unit: '%',
      noun: 'đơn vị hoàn thành kế hoạch sản lượng',
    });
    expect(draft.activities[3].target).toMatchObject({
      value: 5,
      comparator: 'gte',
      noun: 'đảng viên mới',
      indicator: 'đảng viên mới kết nạp',
    });
    expect(draft.milestones.map((m) => [m.title, m.start, m.due, m.closes])).toEqual([
      ['Phát động thi đua', '2019-08-01', '2019-08-01', ['A1']],
      ['Sơ kết đợt thi đua', null, '2019-09-15', []],
      ['Khen thưởng tập thể, cá nhân tiêu biểu', '2019-09-20', '2019-09-20', []],
    ]);
    expect(draft.recipients).toEqual(['Ban Thường vụ Đảng ủy Khối (để báo cáo)', 'Các chi bộ trực thuộc', 'Lưu VP']);
    expect(draft.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Lê Văn Thịnh' });
  });
});

describe('a .docx built with Word numbering (no typed numbers), header and signature in tables', () => {
  it('reads it like a typed plan', async () => {
    const draft = await importPlanDocument(await buildPropagandaPlanDocx());
    expect(draft.source.format).toBe('docx');
    expect(draft.header).toMatchObject({
      superiorBody: 'ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH',
      issuingBody: 'BAN TUYÊN GIÁO',
      number: '27-KH/BTG',
      place: 'Thái Bình',
      date: '2019-11-15',
      type: 'KẾ HOẠCH',
      title: 'tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)',
    });
    expect(draft.purposes).toHaveLength(2);
    expect(draft.sections.map((s) => [s.path, s.marker, s.role])).toEqual([
      ['I', 'I.', 'purposes'],
      ['II', 'II.', 'content'],
      ['II.1', '1.', 'content'],
      ['II.2', '2.', 'content'],
      ['III', 'III.', 'organisation'],
      ['III.1', '1.', 'organisation'],
    ]);
    expect(rows(draft)).toEqual([
      {
        id: 'A1',
        section: 'II.1',
        title:
          'Mở chuyên mục "Mừng Đảng quang vinh" trên trang thông tin điện tử của Đảng bộ Khối trong quý IV/2019; Văn phòng Đảng ủy Khối cập nhật tin bài hằng tuần',
        lead: [],
        coordinating: [],
        start: '2019-10-01',
        due: '2019-12-31',
      },
      {
        id: 'A2',
        section: 'II.1',
        title: 'Các đảng ủy, chi bộ cơ sở treo băng rôn, khẩu hiệu tại trụ sở doanh nghiệp trong tháng 01/2020',
        lead: ['Các đảng ủy, chi bộ cơ sở'],
        coordinating: [],
        start: '2020-01-01',
        due: '2020-01-31',
      },
      {
        id: 'A3',
        section: 'II.2',
        title: 'Tọa đàm "Đảng trong doanh nghiệp"',
        lead: ['Ban Tuyên giáo Đảng ủy Khối'],
        coordinating: ['Hội Doanh nghiệp trẻ tỉnh'],
        start: null,
        due: '2019-12-25',
      }, // "trước ngày 25/12": the plan's year
      {
        id: 'A4',
        section: 'II.2',
        title: 'Hội thi tìm hiểu lịch sử Đảng trực tuyến',
        lead: ['Đoàn Thanh niên Khối'],
        coordinating: ['Ban Tuyên giáo Đảng ủy Khối', 'Văn phòng Đảng ủy Khối'],
        start: '2020-01-06',
        due: '2020-01-20',
      },
      {
        id: 'A5',
        section: 'II.2',
        title: 'Gặp mặt đảng viên được trao Huy hiệu 40 năm tuổi Đảng',
        lead: ['Văn phòng Đảng ủy Khối'],
        coordinating: ['Ban Tổ chức Đảng ủy Khối'],
        start: '2020-02-03',
        due: '2020-02-03',
      },
      {
        id: 'A6',
        section: 'III.1',
        title: 'Chủ trì hướng dẫn các cơ sở triển khai kế hoạch, hoàn thành trước ngày 30/11/2019',
        lead: ['Ban Tuyên giáo Đảng ủy Khối'],
        coordinating: [],
        start: null,
        due: '2019-11-30',
      },
      {
        id: 'A7',
        section: 'III.1',
        title: 'Phối hợp với Báo Thái Bình đưa tin về các hoạt động kỷ niệm',
        lead: ['Ban Tuyên giáo Đảng ủy Khối'],
        coordinating: ['Báo Thái Bình'],
        start: null,
        due: null,
      },
      {
        id: 'A8',
        section: 'III.2',
        title: 'Đoàn Thanh niên Khối xây dựng thể lệ Hội thi và báo cáo kết quả trong tháng 01/2020',
        lead: ['Đoàn Thanh niên Khối'],
        coordinating: [],
        start: '2020-01-01',
        due: '2020-01-31',
      },
    ]);
    expect(draft.activities[0].recurrence).toBe('weekly');
    expect(draft.recipients).toEqual([
      'Thường trực Đảng ủy Khối',
      'Ban Tuyên giáo Tỉnh ủy',
      'Các đảng ủy, chi bộ cơ sở',
      'Lưu BTG',
    ]);
    expect(draft.signer).toEqual({ authority: 'T/M BAN TUYÊN GIÁO', position: 'TRƯỞNG BAN', name: 'Đỗ Minh Khuê' });
    expect(draft.warnings).toEqual([]);
  });
});
