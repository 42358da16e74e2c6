import { describe, expect, it } from 'vitest';
import { dateWords, formatDmy, isIsoDate, officialDate, parseDmy, shortDmy } from './dates.ts';

describe('date words of official documents', () => {
  it('writes the seed plan date line', () => {
    expect(officialDate('2019-06-10', 'Thái Bình')).toBe('Thái Bình, ngày 10 tháng 6 năm 2019');
  });

  it('gives days below 10 a leading zero, and months only for January and February', () => {
    expect(dateWords('2019-09-05')).toBe('ngày 05 tháng 9 năm 2019');
    expect(dateWords('2019-01-01')).toBe('ngày 01 tháng 01 năm 2019');
    expect(dateWords('2020-02-29')).toBe('ngày 29 tháng 02 năm 2020');
    expect(dateWords('2019-03-09')).toBe('ngày 09 tháng 3 năm 2019');
    expect(dateWords('2019-10-10')).toBe('ngày 10 tháng 10 năm 2019');
    expect(dateWords('2019-12-31')).toBe('ngày 31 tháng 12 năm 2019');
  });

  it('leaves day and month blank for a document not yet dated, and no place means just the date', () => {
    expect(officialDate(null, 'Thái Bình', 2019)).toBe(
      'Thái Bình, ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 năm 2019',
    );
    expect(officialDate('2019-09-04')).toBe('ngày 04 tháng 9 năm 2019');
    expect(officialDate('2019-09-04', '  ')).toBe('ngày 04 tháng 9 năm 2019');
  });

  it('refuses dates that do not exist', () => {
    expect(() => dateWords('2019-02-29')).toThrow(RangeError);
    expect(() => dateWords('2019-13-01')).toThrow(RangeError);
    expect(() => dateWords('10/06/2019')).toThrow(RangeError);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });
});

describe('dd/mm/yyyy', () => {
  it('formats with two-digit day and month', () => {
    expect(formatDmy('2019-06-10')).toBe('10/06/2019');
    expect(formatDmy('2004-09-06')).toBe('06/09/2004');
  });

  it('writes the short form running text uses', () => {
    expect(shortDmy('2004-09-06')).toBe('06/9/2004');
    expect(shortDmy('2018-12-28')).toBe('28/12/2018');
    expect(shortDmy('2019-01-15')).toBe('15/01/2019');
  });

  it('reads what people type', () => {
    expect(parseDmy('10/06/2019')).toBe('2019-06-10');
    expect(parseDmy('6/9/2019')).toBe('2019-09-06');
    expect(parseDmy(' 06-9-2019 ')).toBe('2019-09-06');
    expect(parseDmy('28.12.2018')).toBe('2018-12-28');
    expect(parseDmy('29/2/2020')).toBe('2020-02-29');
  });

  it('refuses impossible or ambiguous dates', () => {
    expect(parseDmy('31/4/2019')).toBeNull();
    expect(parseDmy('29/2/2019')).toBeNull();
    expect(parseDmy('0/1/2019')).toBeNull();
    expect(parseDmy('10/6/19')).toBeNull();
    expect(parseDmy('10/6-2019')).toBeNull();
    expect(parseDmy('2019-06-10')).toBeNull();
    expect(parseDmy('')).toBeNull();
  });

  it('round-trips every day of a leap year', () => {
    for (let d = new Date(Date.UTC(2020, 0, 1)); d.getUTCFullYear() === 2020; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      expect(parseDmy(formatDmy(iso))).toBe(iso);
      expect(parseDmy(shortDmy(iso))).toBe(iso);
    }
  });
});
