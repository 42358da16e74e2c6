import { describe, expect, it } from 'vitest';
import {
  calendarPeriodTypes,
  campaign,
  contains,
  daysUntil,
  deadlinesOf,
  inWindow,
  isLeapYear,
  isLocked,
  monthsOf,
  next,
  parentsOf,
  parsePeriodId,
  periodId,
  periodLabel,
  periodOfDate,
  periodPhrase,
  periodWindow,
  periodsBetween,
  previous,
  regimes,
  reportTitle,
  timeliness,
  type CalendarPeriodType,
  type DeadlineSchedule,
  type Regime,
} from './periods.ts';

/** Every ISO day of a year, through Date (a second opinion on the module's own arithmetic). */
function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('period ids', () => {
  it('parses each kind of id', () => {
    expect(parsePeriodId('2019-08')).toEqual({ type: 'monthly', year: 2019, index: 8 });
    expect(parsePeriodId('2019-12')).toEqual({ type: 'monthly', year: 2019, index: 12 });
    expect(parsePeriodId('2019Q3')).toEqual({ type: 'quarterly', year: 2019, index: 3 });
    expect(parsePeriodId('2019H1')).toEqual({ type: 'half_yearly', year: 2019, index: 1 });
    expect(parsePeriodId('2019H2')).toEqual({ type: 'half_yearly', year: 2019, index: 2 });
    expect(parsePeriodId('2019')).toEqual({ type: 'yearly', year: 2019, index: 1 });
  });

  it('refuses malformed ids', () => {
    for (const id of [
      '2019-13',
      '2019-00',
      '2019Q5',
      '2019Q0',
      '2019H3',
      '2019H0',
      '19',
      '2019-8',
      '2019q3',
      '2019h1',
      '0999',
      '12019',
      ' 2019',
      '2019-08 ',
      '2019-08-01',
      '2019Q',
      '',
      'Q3 2019',
      '2019-W05',
    ]) {
      expect(parsePeriodId(id), id).toBeNull();
    }
    expect(parsePeriodId(2019 as unknown as string)).toBeNull();
  });

  it('builds ids and round-trips them', () => {
    expect(periodId('monthly', 2019, 8)).toBe('2019-08');
    expect(periodId('quarterly', 2019, 3)).toBe('2019Q3');
    expect(periodId('half_yearly', 2019, 2)).toBe('2019H2');
    expect(periodId('yearly', 2019)).toBe('2019');
    for (const id of ['2019-01', '2020-12', '2019Q1', '2019Q4', '2019H1', '2019H2', '2019', '1000', '9999-12']) {
      const p = parsePeriodId(id)!;
      expect(periodId(p.type, p.year, p.index)).toBe(id);
    }
  });

  it('refuses impossible periods', () => {
    expect(() => periodId('monthly', 2019, 13)).toThrow(RangeError);
    expect(() => periodId('monthly', 2019, 0)).toThrow(RangeError);
    expect(() => periodId('quarterly', 2019, 5)).toThrow(RangeError);
    expect(() => periodId('half_yearly', 2019, 3)).toThrow(RangeError);
    expect(() => periodId('yearly', 2019, 2)).toThrow(RangeError);
    expect(() => periodId('monthly', 19, 1)).toThrow(RangeError);
    expect(() => periodId('monthly', 2019.5, 1)).toThrow(RangeError);
    expect(() => periodId('campaign' as CalendarPeriodType, 2019, 1)).toThrow(RangeError);
  });

  it('steps to the previous and next period across year ends', () => {
    expect(previous('2019-01')).toBe('2018-12');
    expect(next('2019-12')).toBe('2020-01');
    expect(next('2019-08')).toBe('2019-09');
    expect(previous('2019Q1')).toBe('2018Q4');
    expect(next('2019Q4')).toBe('2020Q1');
    expect(previous('2019H1')).toBe('2018H2');
    expect(next('2019H1')).toBe('2019H2');
    expect(next('2019H2')).toBe('2020H1');
    expect(previous('2019')).toBe('2018');
    expect(next('2019')).toBe('2020');
    expect(() => next('9999-12')).toThrow(RangeError);
    expect(() => previous('1000')).toThrow(RangeError);
    expect(() => next('2019-13')).toThrow(RangeError);
  });
});

describe('calendar windows', () => {
  const lengths2019 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const lengths2020 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  it.each([
    [2019, lengths2019],
    [2020, lengths2020],
  ])('ends every month of %i on its last day', (year, lengths) => {
    lengths.forEach((days, i) => {
      const month = String(i + 1).padStart(2, '0');
      expect(periodWindow(`${year}-${month}`, 'calendar')).toEqual({
        start: `${year}-${month}-01`,
        end: `${year}-${month}-${days}`,
      });
    });
  });

  it('follows the Gregorian leap rules', () => {
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2019)).toBe(false);
    expect(isLeapYear(2020)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2400)).toBe(true);
    expect(periodWindow('1900-02', 'calendar').end).toBe('1900-02-28');
    expect(periodWindow('2000-02', 'calendar').end).toBe('2000-02-29');
    expect(periodWindow('2020-02', 'calendar').end).toBe('2020-02-29');
    expect(periodWindow('2100-02', 'calendar').end).toBe('2100-02-28');
  });

  it('gives quarters, halves and years by the calendar', () => {
    expect(periodWindow('2019Q1', 'calendar')).toEqual({ start: '2019-01-01', end: '2019-03-31' });
    expect(periodWindow('2019Q2', 'calendar')).toEqual({ start: '2019-04-01', end: '2019-06-30' });
    expect(periodWindow('2019Q3', 'calendar')).toEqual({ start: '2019-07-01', end: '2019-09-30' });
    expect(periodWindow('2019Q4', 'calendar')).toEqual({ start: '2019-10-01', end: '2019-12-31' });
    expect(periodWindow('2019H1', 'calendar')).toEqual({ start: '2019-01-01', end: '2019-06-30' });
    expect(periodWindow('2019H2', 'calendar')).toEqual({ start: '2019-07-01', end: '2019-12-31' });
    expect(periodWindow('2019', 'calendar')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
  });
});

describe('vn_cutoff windows (15th → 14th)', () => {
  it('runs every month from the 15th of the month before to its 14th, January across the year', () => {
    expect(periodWindow('2019-01', 'vn_cutoff')).toEqual({ start: '2018-12-15', end: '2019-01-14' });
    expect(periodWindow('2019-02', 'vn_cutoff')).toEqual({ start: '2019-01-15', end: '2019-02-14' });
    expect(periodWindow('2019-03', 'vn_cutoff')).toEqual({ start: '2019-02-15', end: '2019-03-14' });
    expect(periodWindow('2019-08', 'vn_cutoff')).toEqual({ start: '2019-07-15', end: '2019-08-14' });
    expect(periodWindow('2019-12', 'vn_cutoff')).toEqual({ start: '2019-11-15', end: '2019-12-14' });
    for (let m = 2; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const prev = String(m - 1).padStart(2, '0');
      expect(periodWindow(`2020-${mm}`, 'vn_cutoff')).toEqual({ start: `2020-${prev}-15`, end: `2020-${mm}-14` });
    }
  });

  it('cuts quarters, halves and the year off on the 14th', () => {
    expect(periodWindow('2019Q1', 'vn_cutoff')).toEqual({ start: '2018-12-15', end: '2019-03-14' });
    expect(periodWindow('2019Q2', 'vn_cutoff')).toEqual({ start: '2019-03-15', end: '2019-06-14' });
    expect(periodWindow('2019Q3', 'vn_cutoff')).toEqual({ start: '2019-06-15', end: '2019-09-14' });
    expect(periodWindow('2019Q4', 'vn_cutoff')).toEqual({ start: '2019-09-15', end: '2019-12-14' });
    expect(periodWindow('2019H1', 'vn_cutoff')).toEqual({ start: '2018-12-15', end: '2019-06-14' });
    expect(periodWindow('2019H2', 'vn_cutoff')).toEqual({ start: '2019-06-15', end: '2019-12-14' });
    expect(periodWindow('2019', 'vn_cutoff')).toEqual({ start: '2018-12-15', end: '2019-12-14' });
    expect(periodWindow('2020', 'vn_cutoff')).toEqual({ start: '2019-12-15', end: '2020-12-14' });
  });

  it('refuses unknown regimes and ids', () => {
    expect(() => periodWindow('2019-08', 'fiscal' as Regime)).toThrow(RangeError);
    expect(() => periodWindow('2019-13', 'calendar')).toThrow(RangeError);
  });
});

describe('campaigns', () => {
  const drive = campaign('thi-dua-15-nam', '2019-06-15', '2019-08-30');

  it('keep their own dates under either regime', () => {
    expect(periodWindow(drive, 'calendar')).toEqual({ start: '2019-06-15', end: '2019-08-30' });
    expect(periodWindow(drive, 'vn_cutoff')).toEqual({ start: '2019-06-15', end: '2019-08-30' });
    expect(periodWindow(campaign('one-day', '2019-09-04', '2019-09-04'), 'calendar')).toEqual({
      start: '2019-09-04',
      end: '2019-09-04',
    });
  });

  it('are refused when malformed', () => {
    expect(() => campaign('', '2019-06-15', '2019-08-30')).toThrow(RangeError);
    expect(() => campaign('2019Q3', '2019-06-15', '2019-08-30')).toThrow(RangeError);
    expect(() => campaign('x', '2019-08-30', '2019-06-15')).toThrow(RangeError);
    expect(() => campaign('x', '2019-02-29', '2019-06-15')).toThrow(RangeError);
    expect(() => periodWindow({ id: 'x', start: '15/06/2019', end: '2019-08-30' }, 'calendar')).toThrow(RangeError);
  });

  it('are labelled by their dates', () => {
    expect(periodLabel(drive, 'vi')).toBe('15/06/2019 – 30/08/2019');
    expect(periodLabel(drive, 'en')).toBe('15/06/2019 – 30/08/2019');
    expect(periodPhrase(drive)).toBe('từ ngày 15/6/2019 đến ngày 30/8/2019');
  });
});

describe('containment for roll-up', () => {
  it('lists the months of each period', () => {
    expect(monthsOf('2019-08')).toEqual(['2019-08']);
    expect(monthsOf('2019Q1')).toEqual(['2019-01', '2019-02', '2019-03']);
    expect(monthsOf('2019Q4')).toEqual(['2019-10', '2019-11', '2019-12']);
    expect(monthsOf('2019H2')).toEqual(['2019-07', '2019-08', '2019-09', '2019-10', '2019-11', '2019-12']);
    expect(monthsOf('2019')).toHaveLength(12);
    expect(monthsOf('2019')[0]).toBe('2019-01');
    expect(monthsOf('2019')[11]).toBe('2019-12');
  });

  it('names the parents of a month, smallest first', () => {
    expect(parentsOf('2019-08')).toEqual(['2019Q3', '2019H2', '2019']);
    expect(parentsOf('2019-01')).toEqual(['2019Q1', '2019H1', '2019']);
    expect(parentsOf('2019-06')).toEqual(['2019Q2', '2019H1', '2019']);
    expect(parentsOf('2019-07')).toEqual(['2019Q3', '2019H2', '2019']);
    expect(parentsOf('2019-12')).toEqual(['2019Q4', '2019H2', '2019']);
    expect(parentsOf('2019Q2')).toEqual(['2019H1', '2019']);
    expect(parentsOf('2019Q3')).toEqual(['2019H2', '2019']);
    expect(parentsOf('2019H2')).toEqual(['2019']);
    expect(parentsOf('2019')).toEqual([]);
  });

  it('agrees both ways: a parent contains its months, and only its months', () => {
    for (const month of periodsBetween('2019-01', '2020-12')) {
      for (const parent of parentsOf(month)) {
        expect(contains(parent, month)).toBe(true);
        expect(monthsOf(parent)).toContain(month);
        expect(contains(month, parent)).toBe(false);
      }
    }
    for (const outer of ['2019Q3', '2019H2', '2019']) {
      const inside = new Set(monthsOf(outer));
      for (const month of periodsBetween('2018-01', '2020-12')) expect(contains(outer, month)).toBe(inside.has(month));
    }
  });

  it('answers across types and years', () => {
    expect(contains('2019', '2019Q3')).toBe(true);
    expect(contains('2019', '2019H1')).toBe(true);
    expect(contains('2019H2', '2019Q3')).toBe(true);
    expect(contains('2019H1', '2019Q3')).toBe(false);
    expect(contains('2019Q3', '2019H2')).toBe(false);
    expect(contains('2020', '2019-12')).toBe(false);
    expect(contains('2019Q3', '2019Q3')).toBe(true);
    expect(contains('2019-08', '2019-08')).toBe(true);
    expect(contains('2019-08', '2019-09')).toBe(false);
    expect(() => contains('2019', '2019-13')).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('lists periods in order across year ends, both ends included', () => {
    expect(periodsBetween('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(periodsBetween('2019Q3', '2020Q2')).toEqual(['2019Q3', '2019Q4', '2020Q1', '2020Q2']);
    expect(periodsBetween('2018H2', '2020H1')).toEqual(['2018H2', '2019H1', '2019H2', '2020H1']);
    expect(periodsBetween('2018', '2021')).toEqual(['2018', '2019', '2020', '2021']);
    expect(periodsBetween('2019-08', '2019-08')).toEqual(['2019-08']);
    expect(periodsBetween('2019-08', '2019-07')).toEqual([]);
  });

  it('refuses mixed types, malformed ids and ranges over 1200 periods', () => {
    expect(() => periodsBetween('2019-01', '2019Q4')).toThrow(RangeError);
    expect(() => periodsBetween('2019-01', '2019-13')).toThrow(RangeError);
    expect(periodsBetween('1901-01', '2000-12')).toHaveLength(1200);
    expect(() => periodsBetween('1901-01', '2001-01')).toThrow(RangeError);
    expect(periodsBetween('1000', '2199')).toHaveLength(1200);
    expect(() => periodsBetween('1000', '2200')).toThrow(RangeError);
  });
});

describe('periodOfDate', () => {
  it('puts a day in its calendar month, quarter, half and year', () => {
    expect(periodOfDate('monthly', '2019-12-20', 'calendar')).toBe('2019-12');
    expect(periodOfDate('monthly', '2019-08-14', 'calendar')).toBe('2019-08');
    expect(periodOfDate('monthly', '2019-08-15', 'calendar')).toBe('2019-08');
    expect(periodOfDate('monthly', '2019-12-31', 'calendar')).toBe('2019-12');
    expect(periodOfDate('monthly', '2020-01-01', 'calendar')).toBe('2020-01');
    expect(periodOfDate('quarterly', '2019-12-31', 'calendar')).toBe('2019Q4');
    expect(periodOfDate('half_yearly', '2019-06-30', 'calendar')).toBe('2019H1');
    expect(periodOfDate('half_yearly', '2019-07-01', 'calendar')).toBe('2019H2');
    expect(periodOfDate('yearly', '2019-12-31', 'calendar')).toBe('2019');
  });

  it('moves the days from the 15th on into the next period under vn_cutoff', () => {
    expect(periodOfDate('monthly', '2019-12-20', 'vn_cutoff')).toBe('2020-01');
    expect(periodOfDate('yearly', '2019-12-20', 'vn_cutoff')).toBe('2020');
    expect(periodOfDate('quarterly', '2019-12-20', 'vn_cutoff')).toBe('2020Q1');
    expect(periodOfDate('half_yearly', '2019-12-20', 'vn_cutoff')).toBe('2020H1');
    expect(periodOfDate('monthly', '2019-12-14', 'vn_cutoff')).toBe('2019-12');
    expect(periodOfDate('yearly', '2019-12-14', 'vn_cutoff')).toBe('2019');
    expect(periodOfDate('monthly', '2019-12-15', 'vn_cutoff')).toBe('2020-01');
    expect(periodOfDate('monthly', '2019-12-31', 'vn_cutoff')).toBe('2020-01');
    expect(periodOfDate('monthly', '2020-01-01', 'vn_cutoff')).toBe('2020-01');
    expect(periodOfDate('monthly', '2020-01-14', 'vn_cutoff')).toBe('2020-01');
    expect(periodOfDate('monthly', '2020-01-15', 'vn_cutoff')).toBe('2020-02');
    expect(periodOfDate('monthly', '2019-08-14', 'vn_cutoff')).toBe('2019-08');
    expect(periodOfDate('monthly', '2019-08-15', 'vn_cutoff')).toBe('2019-09');
    expect(periodOfDate('quarterly', '2019-03-14', 'vn_cutoff')).toBe('2019Q1');
    expect(periodOfDate('quarterly', '2019-03-15', 'vn_cutoff')).toBe('2019Q2');
    expect(periodOfDate('half_yearly', '2019-06-14', 'vn_cutoff')).toBe('2019H1');
    expect(periodOfDate('half_yearly', '2019-06-15', 'vn_cutoff')).toBe('2019H2');
    expect(periodOfDate('monthly', '2020-02-29', 'vn_cutoff')).toBe('2020-03');
  });

  it('refuses bad input', () => {
    expect(() => periodOfDate('monthly', '2019-02-29', 'calendar')).toThrow(RangeError);
    expect(() => periodOfDate('monthly', '20/12/2019', 'vn_cutoff')).toThrow(RangeError);
    expect(() => periodOfDate('monthly', '2019-12-20', 'other' as Regime)).toThrow(RangeError);
    expect(() => periodOfDate('campaign' as CalendarPeriodType, '2019-12-20', 'calendar')).toThrow(RangeError);
    expect(() => periodOfDate('monthly', '9999-12-20', 'vn_cutoff')).toThrow(RangeError);
  });
});

describe('every day, both regimes (property checks)', () => {
  const days = [...daysOfYear(2019), ...daysOfYear(2020)];
  const months = periodsBetween('2018-11', '2021-02');

  for (const regime of regimes) {
    it(`puts each day of 2019 and 2020 in exactly one month window under ${regime}, the one periodOfDate names`, () => {
      const windows = months.map((id) => [id, periodWindow(id, regime)] as const);
      for (const day of days) {
        const holders = windows.filter(([, w]) => inWindow(day, w)).map(([id]) => id);
        expect(holders, day).toEqual([periodOfDate('monthly', day, regime)]);
        for (const type of calendarPeriodTypes) {
          const id = periodOfDate(type, day, regime);
          expect(inWindow(day, periodWindow(id, regime)), `${day} ${type}`).toBe(true);
          expect(contains(id, holders[0])).toBe(true);
        }
      }
    });

    it(`tiles each year with its months, quarters and halves under ${regime}, no gap, no overlap`, () => {
      for (const year of ['1900', '2000', '2019', '2020', '2100']) {
        const whole = periodWindow(year, regime);
        for (const type of ['monthly', 'quarterly', 'half_yearly'] as const) {
          const parts = periodsBetween(
            periodId(type, Number(year), 1),
            periodId(type, Number(year), type === 'monthly' ? 12 : type === 'quarterly' ? 4 : 2),
          );
          const windows = parts.map((id) => periodWindow(id, regime));
          expect(windows[0].start).toBe(whole.start);
          expect(windows[windows.length - 1].end).toBe(whole.end);
          for (let i = 0; i < windows.length; i++) {
            expect(windows[i].start <= windows[i].end).toBe(true);
            if (i > 0) expect(windows[i].start, `${year} ${type} ${i}`).toBe(dayAfter(windows[i - 1].end));
          }
        }
        // and consecutive years tile time
        expect(periodWindow(next(year), regime).start).toBe(dayAfter(whole.end));
      }
    });
  }
});

describe('deadlines', () => {
  const schedule: DeadlineSchedule = {
    levels: [
      { level: 'cell', daysAfterEnd: 3 },
      { level: 'grassroots', daysAfterEnd: 10 },
      { level: 'bloc', daysAfterEnd: 20 },
    ],
    onTimeDays: 0,
    lockDays: 30,
  };

  it('counts days after the window end across month ends (14/02 + 20 days)', () => {
    const d = deadlinesOf('2019-02', 'vn_cutoff', schedule);
    expect(d.window).toEqual({ start: '2019-01-15', end: '2019-02-14' });
    expect(d.levels).toEqual([
      { level: 'cell', due: '2019-02-17', onTimeBy: '2019-02-17' },
      { level: 'grassroots', due: '2019-02-24', onTimeBy: '2019-02-24' },
      { level: 'bloc', due: '2019-03-06', onTimeBy: '2019-03-06' },
    ]);
    expect(d.lockOn).toBe('2019-03-16');
    // a leap February is one day longer
    expect(deadlinesOf('2020-02', 'vn_cutoff', schedule).levels[2].due).toBe('2020-03-05');
  });

  it('crosses year ends and follows the calendar regime', () => {
    const dec = deadlinesOf('2019-12', 'calendar', schedule);
    expect(dec.levels.map((l) => l.due)).toEqual(['2020-01-03', '2020-01-10', '2020-01-20']);
    expect(dec.lockOn).toBe('2020-01-30');
    expect(deadlinesOf('2019-01', 'calendar', schedule).levels[2].due).toBe('2019-02-20');
    expect(deadlinesOf('2019', 'vn_cutoff', schedule).levels[2].due).toBe('2020-01-03');
    expect(deadlinesOf('2019H1', 'vn_cutoff', schedule).levels[0].due).toBe('2019-06-17');
  });

  it('gives grace days and a lock for a campaign', () => {
    const drive = campaign('thi-dua-15-nam', '2019-06-15', '2019-08-30');
    const d = deadlinesOf(drive, 'vn_cutoff', {
      levels: [
        { level: 'grassroots', daysAfterEnd: 2 },
        { level: 'enterprise', daysAfterEnd: 0 },
      ],
      onTimeDays: 3,
      lockDays: 10,
    });
    expect(d.window).toEqual({ start: '2019-06-15', end: '2019-08-30' });
    expect(d.levels).toEqual([
      { level: 'grassroots', due: '2019-09-01', onTimeBy: '2019-09-04' },
      { level: 'enterprise', due: '2019-08-30', onTimeBy: '2019-09-02' },
    ]);
    expect(d.lockOn).toBe('2019-09-09');
  });

  it('refuses a schedule that cannot be kept', () => {
    const bad = (s: Partial<DeadlineSchedule>) => () => deadlinesOf('2019-08', 'vn_cutoff', { ...schedule, ...s });
    expect(bad({ lockDays: 20 })).toThrow(RangeError); // locks on the bloc's due date
    expect(bad({ onTimeDays: 10 })).toThrow(RangeError); // bloc's on-time days run past the lock
    expect(bad({ onTimeDays: -1 })).toThrow(RangeError);
    expect(bad({ lockDays: 1.5 })).toThrow(RangeError);
    expect(bad({ levels: [{ level: 'cell', daysAfterEnd: -1 }] })).toThrow(RangeError);
    expect(
      bad({
        levels: [
          { level: 'cell', daysAfterEnd: 1 },
          { level: 'cell', daysAfterEnd: 2 },
        ],
      }),
    ).toThrow(RangeError);
    expect(bad({ levels: [{ level: ' ', daysAfterEnd: 1 }] })).toThrow(RangeError);
    expect(deadlinesOf('2019-08', 'vn_cutoff', { ...schedule, levels: [] }).levels).toEqual([]);
  });

  it('judges timeliness by the day', () => {
    expect(timeliness('2019-03-06', '2019-03-06')).toBe('on_time');
    expect(timeliness('2019-02-20', '2019-03-06')).toBe('on_time');
    expect(timeliness('2019-03-07', '2019-03-06')).toBe('late');
    expect(timeliness('2020-01-01', '2019-12-31')).toBe('late');
    expect(() => timeliness('2019-02-30', '2019-03-06')).toThrow(RangeError);
  });

  it('locks on the lock date and after', () => {
    expect(isLocked('2019-03-15', '2019-03-16')).toBe(false);
    expect(isLocked('2019-03-16', '2019-03-16')).toBe(true);
    expect(isLocked('2019-04-01', '2019-03-16')).toBe(true);
    expect(() => isLocked('today', '2019-03-16')).toThrow(RangeError);
  });

  it('counts down in calendar days, negative once past', () => {
    expect(daysUntil('2019-09-04', '2019-08-30')).toBe(5);
    expect(daysUntil('2019-09-04', '2019-09-04')).toBe(0);
    expect(daysUntil('2019-09-04', '2019-09-05')).toBe(-1);
    expect(daysUntil('2020-01-01', '2019-12-31')).toBe(1);
    expect(daysUntil('2020-03-01', '2020-02-28')).toBe(2);
    expect(daysUntil('2019-03-01', '2019-02-28')).toBe(1);
    expect(daysUntil('2020-01-01', '2019-01-01')).toBe(365);
    expect(daysUntil('2021-01-01', '2020-01-01')).toBe(366);
    expect(daysUntil('2000-01-01', '1900-01-01')).toBe(36524);
    expect(() => daysUntil('30/08/2019', '2019-08-30')).toThrow(RangeError);
  });

  it('agrees with Date on day counts over four centuries', () => {
    for (let t = Date.UTC(1801, 0, 1); t < Date.UTC(2201, 0, 1); t += 86_400_000 * 97) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(daysUntil(iso, '1970-01-01')).toBe(Math.round(t / 86_400_000));
    }
  });
});

describe('labels', () => {
  it('names periods in Vietnamese and English', () => {
    const cases: [string, string, string][] = [
      ['2019-08', 'Tháng 8/2019', 'August 2019'],
      ['2019-01', 'Tháng 1/2019', 'January 2019'],
      ['2019-12', 'Tháng 12/2019', 'December 2019'],
      ['2019Q1', 'Quý I/2019', 'Q1 2019'],
      ['2019Q2', 'Quý II/2019', 'Q2 2019'],
      ['2019Q3', 'Quý III/2019', 'Q3 2019'],
      ['2019Q4', 'Quý IV/2019', 'Q4 2019'],
      ['2019H1', '6 tháng đầu năm 2019', 'First half of 2019'],
      ['2019H2', '6 tháng cuối năm 2019', 'Second half of 2019'],
      ['2019', 'Năm 2019', 'Year 2019'],
    ];
    for (const [id, vi, en] of cases) {
      expect(periodLabel(id, 'vi')).toBe(vi);
      expect(periodLabel(id, 'en')).toBe(en);
    }
    expect(() => periodLabel('2019-13', 'vi')).toThrow(RangeError);
  });

  it('writes the period as a report names it in running text', () => {
    expect(periodPhrase('2019-08')).toBe('tháng 8 năm 2019');
    expect(periodPhrase('2019Q3')).toBe('quý III năm 2019');
    expect(periodPhrase('2019H1')).toBe('6 tháng đầu năm 2019');
    expect(periodPhrase('2019H2')).toBe('6 tháng cuối năm 2019');
    expect(periodPhrase('2019')).toBe('năm 2019');
  });

  it('names the kind of report', () => {
    expect(reportTitle('monthly')).toBe('tháng');
    expect(reportTitle('quarterly')).toBe('quý');
    expect(reportTitle('half_yearly')).toBe('6 tháng');
    expect(reportTitle('yearly')).toBe('năm');
    expect(reportTitle('campaign')).toBe('đợt');
    expect(reportTitle('half_yearly', 'en')).toBe('half-yearly');
    expect(reportTitle('yearly', 'en')).toBe('annual');
    expect(`BÁO CÁO ${reportTitle('monthly')}`).toBe('BÁO CÁO tháng');
  });
});
