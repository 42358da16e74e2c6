import { describe, expect, it } from 'vitest';
import { activityStatus, addDays, daysUntil, vietnamDay } from './status.ts';

describe('activity status (pure)', () => {
  const due = '2019-07-30';
  it('gives each of the four categories', () => {
    expect(activityStatus({ due, doneOn: '2019-07-29' }, '2019-08-10')).toBe('done_on_time');
    expect(activityStatus({ due, doneOn: '2019-08-02' }, '2019-08-10')).toBe('done_late');
    expect(activityStatus({ due, doneOn: null }, '2019-07-01')).toBe('in_progress');
    expect(activityStatus({ due, doneOn: null }, '2019-08-10')).toBe('overdue');
  });
  it('counts the due day itself as within the deadline, and the next day as overdue', () => {
    expect(activityStatus({ due, doneOn: null }, '2019-07-30')).toBe('in_progress');
    expect(activityStatus({ due, doneOn: '2019-07-30' }, '2019-07-30')).toBe('done_on_time');
    expect(activityStatus({ due, doneOn: null }, '2019-07-31')).toBe('overdue');
    expect(activityStatus({ due, doneOn: '2019-07-31' }, '2019-07-31')).toBe('done_late');
  });
  it('reads the day in Việt Nam: 23:59 on the due day is still the due day, 00:00 the next is not', () => {
    expect(vietnamDay(new Date('2019-07-30T16:59:59+00:00'))).toBe('2019-07-30'); // 23:59:59 in Hà Nội
    expect(vietnamDay(new Date('2019-07-30T17:00:00+00:00'))).toBe('2019-07-31'); // 00:00 in Hà Nội
    expect(activityStatus({ due, doneOn: null }, vietnamDay(new Date('2019-07-30T23:59:00+07:00')))).toBe(
      'in_progress',
    );
    expect(activityStatus({ due, doneOn: null }, vietnamDay(new Date('2019-07-31T00:00:00+07:00')))).toBe('overdue');
  });
  it('never makes an activity without a deadline overdue', () => {
    expect(activityStatus({ due: null, doneOn: null }, '2030-01-01')).toBe('in_progress');
    expect(activityStatus({ due: null, doneOn: '2019-01-01' }, '2030-01-01')).toBe('done_on_time');
  });
  it('counts days', () => {
    expect(daysUntil('2019-08-30', '2019-08-27')).toBe(3);
    expect(addDays('2019-08-31', 1)).toBe('2019-09-01');
  });
});
