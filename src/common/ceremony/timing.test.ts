import { describe, expect, it } from 'vitest';
import { computeTiming, formatClock, TimingError, timingAnswer } from './timing.ts';

describe('the programme clock', () => {
  it('the issue’s example: s1 kept its actual times, s2 starts at s1’s actual end (after its hard start, so warned)', () => {
    const t = computeTiming({
      start: '19:30',
      targetEnd: '21:30',
      segments: [
        { id: 's1', minutes: 5 },
        { id: 's2', minutes: 12, hardStart: '19:40' },
      ],
      actual: { s1: { start: '19:33', end: '19:41' } },
    });
    // latestStart: 21:30 − (5 + 12) = 21:13 for s1; 21:30 − 12 = 21:18 for s2
    expect(timingAnswer(t)).toEqual({
      segments: [
        { id: 's1', start: '19:33', end: '19:41', latestStart: '21:13' },
        { id: 's2', start: '19:41', end: '19:53', latestStart: '21:18' },
      ],
      end: '19:53',
      overUnderMinutes: -97,
      warnings: [{ kind: 'hard-start-missed', segment: 's2', message: expect.stringContaining('1 min') }],
    });
  });

  it('a hard start later than the previous end leaves a gap that absorbs a delay', () => {
    const segments = [
      { id: 'a', minutes: 10 },
      { id: 'b', minutes: 10, hardStart: '20:00' },
      { id: 'c', minutes: 5 },
    ];
    const planned = computeTiming({ start: '19:30', targetEnd: '20:30', segments });
    // a 19:30–19:40, gap of 20, b 20:00–20:10, c 20:10–20:15
    expect(planned.segments.map((s) => [s.start, s.end, s.gapMinutes])).toEqual([
      ['19:30', '19:40', 0],
      ['20:00', '20:10', 20],
      ['20:10', '20:15', 0],
    ]);
    expect(planned.overUnderMinutes).toBe(-15);
    // a runs 15 minutes late: the gap shrinks to 5, b still starts at 20:00, no warning
    const late = computeTiming({
      start: '19:30',
      targetEnd: '20:30',
      segments,
      actual: { a: { start: '19:45', end: '19:55' } },
    });
    expect(late.segments[1]).toMatchObject({ start: '20:00', gapMinutes: 5, lateMinutes: 0 });
    expect(late.warnings).toEqual([]);
  });

  it('one that starts exactly on its hard start is not warned; one minute after is', () => {
    const on = computeTiming({
      start: '19:30',
      targetEnd: '21:00',
      segments: [
        { id: 'a', minutes: 30 },
        { id: 'b', minutes: 5, hardStart: '20:00' },
      ],
    });
    expect(on.warnings).toEqual([]);
    const after = computeTiming({
      start: '19:30',
      targetEnd: '21:00',
      segments: [
        { id: 'a', minutes: 31 },
        { id: 'b', minutes: 5, hardStart: '20:00' },
      ],
    });
    expect(after.warnings.map((w) => w.kind)).toEqual(['hard-start-missed']);
    expect(after.segments[1].lateMinutes).toBe(1);
  });

  it('runs past midnight: written 00:10, never 24:10; the target end after midnight is the next day', () => {
    const t = computeTiming({
      start: '23:00',
      targetEnd: '00:05',
      segments: [
        { id: 'a', minutes: 40 },
        { id: 'b', minutes: 30 },
      ],
    });
    expect(timingAnswer(t).segments).toEqual([
      { id: 'a', start: '23:00', end: '23:40', latestStart: '22:55' },
      { id: 'b', start: '23:40', end: '00:10', latestStart: '23:35' },
    ]);
    expect(t.end).toBe('00:10');
    expect(t.overUnderMinutes).toBe(5);
    expect(t.warnings.map((w) => w.kind)).toEqual(['past-target-end']);
    // a hard start after midnight is after the start
    const h = computeTiming({
      start: '23:30',
      targetEnd: '01:00',
      segments: [{ id: 'x', minutes: 10, hardStart: '00:15' }],
    });
    expect(h.segments[0]).toMatchObject({ start: '00:15', end: '00:25', gapMinutes: 45 });
  });

  it('a programme that runs too long says by how much and which segments can no longer end on time', () => {
    const t = computeTiming({
      start: '19:30',
      targetEnd: '20:00',
      segments: [
        { id: 'a', minutes: 20 },
        { id: 'b', minutes: 15 },
      ],
    });
    expect(t.overUnderMinutes).toBe(5);
    expect(t.segments.map((s) => s.slackMinutes)).toEqual([5, 5]);
    expect(timingAnswer(t).warnings).toEqual([{ kind: 'past-target-end', message: expect.stringContaining('20:05') }]);
  });

  it('a running segment is forecast to its planned end, or until now when it is over', () => {
    const segments = [
      { id: 'a', minutes: 10 },
      { id: 'b', minutes: 10 },
    ];
    const onTime = computeTiming({
      start: '19:30',
      targetEnd: '20:00',
      segments,
      actual: { a: { start: '19:31' } },
      now: '19:35',
    });
    expect(onTime.segments.map((s) => [s.start, s.end, s.state])).toEqual([
      ['19:31', '19:41', 'running'],
      ['19:41', '19:51', 'planned'],
    ]);
    const over = computeTiming({
      start: '19:30',
      targetEnd: '20:00',
      segments,
      actual: { a: { start: '19:31' } },
      now: '19:47',
    });
    expect(over.segments[1]).toMatchObject({ start: '19:47', end: '19:57' });
  });

  it('the server gives actual times as minutes of the event’s day: a show started five minutes early is early, not the next day', () => {
    const t = computeTiming({
      start: '19:30',
      targetEnd: '20:00',
      segments: [
        { id: 'a', minutes: 10 },
        { id: 'b', minutes: 10 },
      ],
      actualMinutes: { a: { start: 19 * 60 + 25, end: null } },
      nowMinute: 19 * 60 + 27,
    });
    expect(t.segments.map((s) => `${s.start}-${s.end}`)).toEqual(['19:25-19:35', '19:35-19:45']);
    expect(t.overUnderMinutes).toBe(-15);
    // past midnight in minutes: 1450 is 00:10
    const late = computeTiming({
      start: '23:30',
      targetEnd: '00:30',
      segments: [{ id: 'a', minutes: 30 }],
      actualMinutes: { a: { start: 23 * 60 + 40, end: 1450 } },
    });
    expect([late.end, late.overUnderMinutes]).toEqual(['00:10', -20]);
  });

  it('refuses what it cannot read', () => {
    const bad = (input: Parameters<typeof computeTiming>[0]) => () => computeTiming(input);
    expect(bad({ start: '7:30', targetEnd: '21:00', segments: [] })).toThrow(TimingError);
    expect(bad({ start: '19:30', targetEnd: '24:10', segments: [] })).toThrow(/HH:MM/);
    expect(bad({ start: '19:30', targetEnd: '21:00', segments: [{ id: 'a', minutes: -1 }] })).toThrow(TimingError);
    expect(
      bad({
        start: '19:30',
        targetEnd: '21:00',
        segments: [
          { id: 'a', minutes: 1 },
          { id: 'a', minutes: 1 },
        ],
      }),
    ).toThrow(/twice/);
    expect(
      bad({
        start: '19:30',
        targetEnd: '21:00',
        segments: [{ id: 'a', minutes: 1 }],
        actual: { z: { start: '19:30', end: '19:40' } },
      }),
    ).toThrow(TimingError);
    expect(
      bad({
        start: '19:30',
        targetEnd: '21:00',
        segments: [{ id: 'a', minutes: 1 }],
        actual: { a: { start: '19:40', end: '19:35' } },
      }),
    ).toThrow(/before/);
  });

  it('formats minutes modulo a day', () => {
    expect(formatClock(1450)).toBe('00:10');
    expect(formatClock(1439)).toBe('23:59');
    expect(formatClock(-5)).toBe('23:55');
  });
});
