import { describe, expect, it } from 'vitest';
import { readClosing } from './closing.ts';
import { findHeading, readHeader } from './header.ts';
import { buildOutline, pathOf, readMarker, type OutlineNode } from './outline.ts';
import { textBlocks } from './read.ts';
import { extractResponsibilities, headingUnits } from './responsibilities.ts';
import { findTarget } from './targets.ts';
import type { LineBlock } from './blocks.ts';

const lines = (text: string) => textBlocks(text).filter((b): b is LineBlock => b.kind === 'line');

describe('numbering markers', () => {
  it.each([
    ['I- MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['II. NỘI DUNG', 'roman', 'II'],
    ['IV - TỔ CHỨC THỰC HIỆN', 'roman', 'IV'],
    ['1. Phát động', 'arabic', '1'],
    ['5- Thời gian thực hiện', 'arabic', '5'],
    ['2) Tổ chức', 'arabic', '2'],
    ['1.2. Tuyên truyền', 'multilevel', '1.2'],
    ['a) Các chi bộ', 'letter', 'a'],
    ['đ) Nội dung', 'letter', 'đ'],
    ['- Thành lập mới', 'dash', '-'],
    ['+ Bình chọn 15', 'plus', '+'],
    ['• Mở chuyên mục', 'bullet', '•'],
  ])('%s', (line, kind, label) => {
    expect(readMarker(line)).toMatchObject({ kind, label });
  });

  it.each([
    '10/6/2019 là ngày ban hành',
    '15 tập thể xuất sắc',
    '-----',
    'Quốc khánh 2-9',
    'Ban Thường vụ',
    '2019. Năm bản lề',
  ])('not a marker: %s', (line) => {
    expect(readMarker(line)).toBeNull();
  });

  it('the first style seen is the outer one, whatever it is', () => {
    const root = buildOutline(textBlocks('1. Một\na) Một a\n- gạch\n+ cộng\nb) Một b\n2. Hai\n- gạch hai\n'));
    const paths: string[] = [];
    const walk = (n: OutlineNode) => n.children.forEach((c) => (paths.push(`${pathOf(c)}:${c.kind}`), walk(c)));
    walk(root);
    expect(paths).toEqual(['1:arabic', '1.a:letter', '1.a:dash', '1.a:plus', '1.b:letter', '2:arabic', '2:dash']);
  });

  it('a line in lower case continues the line above; a capitalised line after a full stop does not', () => {
    const root = buildOutline(
      textBlocks('- Thành lập và duy trì Website\n\ncủa Đảng bộ Khối.\nBan Thường vụ yêu cầu.\n'),
    );
    expect(root.children.map((c) => [c.kind, c.text])).toEqual([
      ['dash', 'Thành lập và duy trì Website của Đảng bộ Khối.'],
    ]);
    expect(root.children[0].children.map((c) => [c.kind, c.text])).toEqual([['paragraph', 'Ban Thường vụ yêu cầu.']]);
  });
});

describe('lead and coordinating units', () => {
  it.each([
    ['Giao cho Hội Cựu chiến binh khối chủ trì tổ chức.', ['Hội Cựu chiến binh khối'], [], 'assigned'],
    ['Giao nhiệm vụ cho Ban Tổ chức thực hiện.', ['Ban Tổ chức'], [], 'assigned'],
    [
      'Hội thi do Đoàn Thanh niên Khối chủ trì, phối hợp với Công đoàn Khối.',
      ['Đoàn Thanh niên Khối'],
      ['Công đoàn Khối'],
      'assigned',
    ],
    [
      'Đơn vị chủ trì: Văn phòng Đảng ủy; Đơn vị phối hợp: Ban Tổ chức, Ban Tuyên giáo.',
      ['Văn phòng Đảng ủy'],
      ['Ban Tổ chức', 'Ban Tuyên giáo'],
      'label',
    ],
    ['Các tổ chức cơ sở đảng trực thuộc phát động thi đua.', ['Các tổ chức cơ sở đảng trực thuộc'], [], 'subject'],
    [
      'Hội Cựu chiến binh, Đoàn TNCS Hồ Chí Minh khối Doanh nghiệp xây dựng kế hoạch.',
      ['Hội Cựu chiến binh', 'Đoàn TNCS Hồ Chí Minh khối Doanh nghiệp'],
      [],
      'subject',
    ],
    ['Ban hành Nghị quyết chuyên đề của Ban Chấp hành.', [], [], null],
    ['Hội nghị được tổ chức vào buổi tối.', [], [], null],
    ['Tổ chức giải Cầu lông trong Khối.', [], [], null],
  ])('%s', (text, lead, coordinating, source) => {
    expect(extractResponsibilities(text)).toEqual({ lead, coordinating, leadSource: source });
  });

  it('a duty under a unit heading is led by that unit; "phối hợp giữa … với …" is a topic, not a partner', () => {
    expect(
      extractResponsibilities('Chủ trì, phối hợp với các ban, Văn phòng Đảng ủy Khối xây dựng tiêu chí.', [
        'Ban Tuyên giáo Đảng ủy Khối',
      ]),
    ).toEqual({
      lead: ['Ban Tuyên giáo Đảng ủy Khối'],
      coordinating: ['Các ban', 'Văn phòng Đảng ủy Khối'],
      leadSource: 'heading',
    });
    expect(
      extractResponsibilities('Ban hành Nghị quyết về công tác phối hợp giữa Đảng ủy khối với Hiệp hội Doanh nghiệp.')
        .coordinating,
    ).toEqual([]);
  });

  it('a heading made only of unit names', () => {
    expect(headingUnits('Ban Tuyên giáo Đảng ủy Khối:')).toEqual(['Ban Tuyên giáo Đảng ủy Khối']);
    expect(headingUnits('Các đảng ủy, chi ủy trực thuộc Đảng ủy khối:')).toEqual([
      'Các đảng ủy, chi ủy trực thuộc Đảng ủy khối',
    ]);
    expect(headingUnits('Tổ chức các hoạt động văn nghệ, thể thao')).toBeNull();
    expect(headingUnits('Ban hành nghị quyết')).toBeNull();
  });
});

describe('measurable targets', () => {
  it.each([
    ['Thành lập mới từ 02 tổ chức cơ sở đảng trở lên trực thuộc.', 2, 'gte', null, 'tổ chức cơ sở đảng thành lập mới'],
    [
      'Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu trong đó:',
      45,
      'eq',
      null,
      'tập thể, cá nhân, sản phẩm tiêu biểu bình chọn',
    ],
    ['Kết nạp ít nhất 03 đảng viên mới trong năm 2019', 3, 'gte', null, 'đảng viên mới kết nạp'],
    ['Phấn đấu 100% đảng viên được học tập nghị quyết.', 100, 'eq', '%', 'đảng viên được học tập nghị quyết'],
    ['Tổ chức không quá 02 đoàn công tác ra nước ngoài', 2, 'lte', null, 'đoàn công tác ra nước ngoài tổ chức'],
  ])('%s', (text, value, comparator, unit, indicator) => {
    expect(findTarget(text)).toMatchObject({ value, comparator, unit, indicator });
  });

  it.each([
    'Tổ chức kỷ niệm 15 năm Ngày thành lập',
    'Sơ kết 9 tháng đầu năm',
    'Các tổ chức cơ sở đảng phát động thi đua',
    'Hội nghị lần thứ 15',
  ])('no target in: %s', (text) => {
    expect(findTarget(text)).toBeNull();
  });
});

describe('header and closing', () => {
  it('two header columns on one line, the number with or without "Số:", an empty number', () => {
    const text =
      'ĐẢNG BỘ TỈNH THÁI BÌNH\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY KHỐI DOANH NGHIỆP\n*\nSố:    -KH/ĐUK        Thái Bình, ngày    tháng 6 năm 2019\n\nKẾ HOẠCH\nvề việc tổ chức hội nghị\n';
    const ls = lines(text);
    const { header } = readHeader(ls, findHeading(ls));
    expect(header).toMatchObject({
      superiorBody: 'ĐẢNG BỘ TỈNH THÁI BÌNH',
      issuingBody: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      number: '-KH/ĐUK',
      place: 'Thái Bình',
      date: null,
      type: 'KẾ HOẠCH',
      title: 'về việc tổ chức hội nghị',
    });
  });

  it('"KẾ HOẠCH tổ chức …" on one line; CHƯƠNG TRÌNH is a plan too', () => {
    const ls = lines('Số 45-KH/ĐUK\nKẾ HOẠCH tổ chức hội nghị tôn vinh\n');
    expect(readHeader(ls, findHeading(ls)).header).toMatchObject({
      number: '45-KH/ĐUK',
      type: 'KẾ HOẠCH',
      title: 'tổ chức hội nghị tôn vinh',
    });
    expect(findHeading(lines('CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết\n'))).toMatchObject({
      type: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      plan: true,
    });
    expect(findHeading(lines('THÔNG BÁO\nkết luận\n'))).toMatchObject({ type: 'THÔNG BÁO', plan: false });
  });

  it('"K/T BÍ THƯ / PHÓ BÍ THƯ", recipients written after "Nơi nhận:" on the same line', () => {
    const { recipients, signer } = readClosing(
      lines('Nơi nhận: - Như trên;\n- Lưu VT.\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n(Đã ký)\nNguyễn Thị Lan\n'),
    );
    expect(recipients).toEqual(['Như trên', 'Lưu VT']);
    expect(signer).toEqual({ authority: 'K/T BÍ THƯ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Thị Lan' });
  });
});
