import { describe, expect, it } from 'vitest';
import { findDatePhrases, isoDate, parseDatePhrase } from './dates.ts';

const y2019 = { year: 2019 };
const span = (text: string, ctx = y2019) => {
  const d = parseDatePhrase(text, ctx);
  return [d.start, d.due];
};

describe('date phrases → YYYY-MM-DD', () => {
  it.each([
    ['trước ngày 30/7/2019', null, '2019-07-30'],
    ['hoàn thành trước ngày 10/6/2019', null, '2019-06-10'],
    ['trước 15/7/2019', null, '2019-07-15'],
    ['chậm nhất ngày 05/8/2019', null, '2019-08-05'],
    ['hạn chót 20/8/2019', null, '2019-08-20'],
    ['không quá ngày 31/12/2019', null, '2019-12-31'],
    ['đến hết ngày 30/8/2019', null, '2019-08-30'],
    ['trước tháng 9/2019', null, '2019-08-31'],
    ['trước tháng 01/2020', null, '2019-12-31'],
  ])('deadline: %s', (text, start, due) => {
    expect(span(text)).toEqual([start, due]);
    expect(parseDatePhrase(text, y2019).kind).toBe('deadline');
  });

  it.each([
    ['từ 15/6/2019 đến hết 30/8/2019', '2019-06-15', '2019-08-30'],
    ['từ ngày 01/7/2019 đến ngày 15/7/2019', '2019-07-01', '2019-07-15'],
    ['từ 15/6 đến 30/8/2019', '2019-06-15', '2019-08-30'],
    ['15/8 - 30/8/2019', '2019-08-15', '2019-08-30'],
    ['15/8–30/8/2019', '2019-08-15', '2019-08-30'],
    ['từ 20/12/2019 đến 10/01/2020', '2019-12-20', '2020-01-10'],
    ['từ tháng 6 đến tháng 8/2019', '2019-06-01', '2019-08-31'],
  ])('range: %s', (text, start, due) => {
    expect(span(text)).toEqual([start, due]);
    expect(parseDatePhrase(text, y2019).kind).toBe('range');
  });

  it('a range that ends before it starts is refused', () => {
    const d = parseDatePhrase('từ 30/8/2019 đến 15/6/2019', y2019);
    expect([d.start, d.due]).toEqual([null, null]);
    expect(d.problems.map((p) => p.problem)).toEqual(['invalid_date']);
  });

  it.each([
    ['dự kiến ngày 04/9/2019', '2019-09-04', true],
    ['Dự kiến ngày 04/9/2019', '2019-09-04', true],
    ['dự kiến tổ chức vào ngày 24/8/2019', '2019-08-24', true],
    ['ngày 05 tháng 9 năm 2019', '2019-09-05', false],
    ['ngày 5 tháng 9', '2019-09-05', false],
    ['dịp 19/8/2019', '2019-08-19', false],
    ['nhân dịp 02/9/2019', '2019-09-02', false],
    ['vào ngày 10/6/2019', '2019-06-10', false],
    ['30.7.2019', '2019-07-30', false],
    ['30-7-2019', '2019-07-30', false],
  ])('one day: %s', (text, day, tentative) => {
    const d = parseDatePhrase(text, y2019);
    expect([d.start, d.due, d.tentative, d.kind]).toEqual([day, day, tentative, 'day']);
  });

  it.each([
    ['trong tháng 8/2019', '2019-08-01', '2019-08-31'],
    ['tháng 8 năm 2019', '2019-08-01', '2019-08-31'],
    ['Tháng 9/2019', '2019-09-01', '2019-09-30'],
    ['trong tháng 2/2020', '2020-02-01', '2020-02-29'],
    ['trong tháng 2/2019', '2019-02-01', '2019-02-28'],
    ['cuối tháng 12/2019', '2019-12-01', '2019-12-31'],
    ['trong tháng 8', '2019-08-01', '2019-08-31'],
  ])('month: %s', (text, start, due) => {
    expect(span(text)).toEqual([start, due]);
    expect(parseDatePhrase(text, y2019).kind).toBe('month');
  });

  it.each([
    ['quý I/2019', '2019-01-01', '2019-03-31'],
    ['quý II/2019', '2019-04-01', '2019-06-30'],
    ['quý III/2019', '2019-07-01', '2019-09-30'],
    ['Quý III/2019', '2019-07-01', '2019-09-30'],
    ['quý IV năm 2019', '2019-10-01', '2019-12-31'],
    ['quý 3/2019', '2019-07-01', '2019-09-30'],
    ['trong quý II', '2019-04-01', '2019-06-30'],
  ])('quarter: %s', (text, start, due) => {
    expect(span(text)).toEqual([start, due]);
  });

  it.each([
    ['6 tháng đầu năm 2019', '2019-01-01', '2019-06-30'],
    ['6 tháng cuối năm 2019', '2019-07-01', '2019-12-31'],
    ['9 tháng đầu năm 2019', '2019-01-01', '2019-09-30'],
    ['sáu tháng đầu năm', '2019-01-01', '2019-06-30'],
    ['năm 2019', '2019-01-01', '2019-12-31'],
    ['trong năm 2020', '2020-01-01', '2020-12-31'],
  ])('part of a year: %s', (text, start, due) => {
    expect(span(text)).toEqual([start, due]);
  });

  it.each([
    ['hằng tháng', 'monthly'],
    ['hàng tháng', 'monthly'],
    ['hằng quý', 'quarterly'],
    ['hàng quý', 'quarterly'],
    ['hằng năm', 'yearly'],
    ['hằng tuần', 'weekly'],
    ['định kỳ 6 tháng', 'half-yearly'],
    ['Thường xuyên', 'continuous'],
  ])('recurrence: %s has no single date', (text, recurrence) => {
    const d = parseDatePhrase(text, y2019);
    expect([d.start, d.due, d.recurrence, d.kind]).toEqual([null, null, recurrence, 'recurring']);
  });

  it('a date without a year takes the plan year; without a plan year it is reported', () => {
    expect(span('trước ngày 30/7')).toEqual([null, '2019-07-30']);
    expect(span('trước ngày 30/7', { year: 2020 })).toEqual([null, '2020-07-30']);
    const d = parseDatePhrase('trước ngày 30/7', {});
    expect(d.due).toBeNull();
    expect(d.problems.map((p) => p.problem)).toEqual(['no_year']);
  });

  it('two-digit years are 20xx (19xx from 70)', () => {
    expect(span('trước ngày 30/7/19')).toEqual([null, '2019-07-30']);
    expect(span('ngày 01/01/98')).toEqual(['1998-01-01', '1998-01-01']);
  });

  it.each(['31/2/2019', '29/2/2019', '31/9/2019', '32/1/2019', '15/13/2019', '00/5/2019', 'ngày 31 tháng 4 năm 2019'])(
    'an impossible date is refused: %s',
    (text) => {
      const d = parseDatePhrase(text, y2019);
      expect([d.start, d.due]).toEqual([null, null]);
      expect(d.problems).toHaveLength(1);
      expect(d.problems[0].problem).toBe('invalid_date');
    },
  );

  it('29 February exists in leap years only', () => {
    expect(isoDate(2020, 2, 29)).toBe('2020-02-29');
    expect(isoDate(2019, 2, 29)).toBeNull();
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
  });

  it('finds the phrase inside a sentence and keeps the words as written', () => {
    const d = parseDatePhrase(
      'Việc bình chọn 45 tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu hoàn thành trước ngày 30/7/2019.',
      y2019,
    );
    expect([d.due, d.text]).toEqual(['2019-07-30', 'hoàn thành trước ngày 30/7/2019']);
  });

  it('is not fooled by numbers that are not dates', () => {
    for (const text of [
      'kỷ niệm Cách mạng tháng Tám, Quốc khánh 2-9',
      'báo cáo tháng, 6 tháng, 1 năm',
      'Thành lập mới từ 02 tổ chức cơ sở đảng trở lên',
      'Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu',
      'Hội nghị lần thứ 15 của Ban Chấp hành',
      'theo Quyết định số 1234/QĐ-UBND',
    ]) {
      expect(
        findDatePhrases(text, y2019).filter((f) => f.start || f.due),
        text,
      ).toEqual([]);
    }
  });

  it('the date of a cited document is not a date of the work', () => {
    const text = 'Triển khai sắp xếp tổ chức bộ máy theo Đề án 09-ĐA/TU, ngày 28/12/2018 của Ban Thường vụ Tỉnh ủy.';
    const found = findDatePhrases(text, y2019);
    expect(found.map((f) => [f.start, f.reference])).toEqual([['2018-12-28', true]]);
    expect(parseDatePhrase(text, y2019).due).toBeNull();
    expect(parseDatePhrase('theo Đề án số 09-ĐA/TU ngày 28/12/2018', y2019).due).toBeNull();
    expect(
      parseDatePhrase('Thực hiện Kế hoạch số 45-KH/ĐUK ngày 10/6/2019; hoàn thành trước ngày 30/9/2019', y2019).due,
    ).toBe('2019-09-30');
  });

  it('a start completed by a later deadline', () => {
    const d = parseDatePhrase('bắt đầu từ ngày 01/7/2019, hoàn thành trước ngày 30/7/2019', y2019);
    expect([d.start, d.due]).toEqual(['2019-07-01', '2019-07-30']);
  });

  it('the most telling phrase wins over a year said in passing', () => {
    expect(span('Đánh giá, xếp loại tổ chức đảng năm 2019, hoàn thành trong tháng 12/2019')).toEqual([
      '2019-12-01',
      '2019-12-31',
    ]);
    expect(span('Sinh hoạt hằng tháng, sơ kết trước ngày 15/9/2019')).toEqual([null, '2019-09-15']);
    expect(parseDatePhrase('Sinh hoạt hằng tháng, sơ kết trước ngày 15/9/2019', y2019).recurrence).toBe('monthly');
  });

  it('reads every phrase of a sentence in order, without overlaps', () => {
    const found = findDatePhrases(
      'Giao lưu dịp 19/8/2019; hội thi trong tháng 8/2019; báo cáo hằng quý; tổng kết quý IV/2019',
      y2019,
    );
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['day', 'dịp 19/8/2019'],
      ['month', 'trong tháng 8/2019'],
      ['recurring', 'hằng quý'],
      ['quarter', 'quý IV/2019'],
    ]);
  });

  it('reads text without diacritics too', () => {
    expect(span('truoc ngay 30/7/2019')).toEqual([null, '2019-07-30']);
    expect(span('tu 15/6/2019 den het 30/8/2019')).toEqual(['2019-06-15', '2019-08-30']);
    expect(parseDatePhrase('hang thang', y2019).recurrence).toBe('monthly');
  });
});
