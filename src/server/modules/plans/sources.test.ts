import { describe, expect, it } from 'vitest';
import { combineParts, type SourcePart, sourceColumnOf, sourceKeysOf } from './activities.ts';
import { activityStatus } from './status.ts';

/** An activity holding several jobs, each decided by its own module (ADR 41): combined honestly. */
describe('several status sources', () => {
  const part = (key: SourcePart['key'], doneOn: string | null, percent: number | null): SourcePart => ({
    key,
    doneOn,
    percent,
    note: { vi: `${key} ${doneOn ?? percent}`, en: key },
  });
  const status = (parts: SourcePart[], due: string | null, today: string) =>
    activityStatus({ due, doneOn: combineParts(parts).doneOn }, today);

  it('is done only when every part is, on the latest day', () => {
    const both = [part('budget.settled', '2019-09-30', 100), part('office.duty', '2019-08-12', 100)];
    expect(combineParts(both)).toMatchObject({ doneOn: '2019-09-30', percent: 100, figure: null });
    const one = [part('budget.settled', '2019-09-30', 100), part('office.duty', null, 40)];
    expect(combineParts(one)).toMatchObject({ doneOn: null, percent: 70 });
    expect(combineParts(one).note?.vi).toBe('budget.settled 2019-09-30 office.duty 40');
  });

  it('is done late when any part was late, overdue while any part is not done after the due day', () => {
    const late = [part('budget.settled', '2019-09-30', 100), part('office.duty', '2019-08-12', 100)];
    expect(status(late, '2019-09-04', '2019-10-01')).toBe('done_late');
    expect(status(late, '2019-09-30', '2019-10-01')).toBe('done_on_time');
    const open = [part('budget.settled', '2019-08-30', 100), part('office.duty', null, 0)];
    expect(status(open, '2019-09-04', '2019-09-10')).toBe('overdue');
    expect(status(open, '2019-09-04', '2019-09-01')).toBe('in_progress');
    // a part nearly done never makes the whole 100 %
    expect(combineParts([part('budget.settled', null, 99), part('office.duty', '2019-08-12', 100)]).percent).toBe(99);
  });

  it('keeps the keys in the column, each once, in the order given', () => {
    expect(sourceColumnOf([])).toBeNull();
    expect(sourceColumnOf(['budget.settled', 'office.duty', 'budget.settled'])).toBe('budget.settled,office.duty');
    expect(sourceKeysOf('budget.settled,office.duty')).toEqual(['budget.settled', 'office.duty']);
    expect(sourceKeysOf('ceremony.held')).toEqual(['ceremony.held']);
    expect(sourceKeysOf(null)).toEqual([]);
    expect(() => sourceKeysOf('budget.settled,nonsense')).toThrow();
  });
});
