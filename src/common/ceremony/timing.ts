/**
 * The programme's clock (issue 16, ADR 22), pure and shared by server, screens and the command
 * line (`kyniem ceremony times FILE --json`).
 *
 * Times are "HH:MM" on the evening of the event. A time earlier than the programme's `start` is on
 * the next day (a show that starts at 19:30 and runs past midnight ends at "00:10", never "24:10"):
 * every time is turned into minutes after the start's midnight, worked on, and written back modulo
 * a day.
 *
 * Forward: a segment starts when the one before it ends, or at its hard start if that is later
 * (a gap, which absorbs delays). A segment with actual times keeps them, and what follows moves
 * from its actual end. One that has started and not ended runs at least its planned minutes, and
 * until `now` if it is over. Back: `latestStart` = the target end minus the planned minutes of the
 * segment and of every segment after it.
 */

export type ClockTime = string;

export type TimingSegment = {
  id: string;
  minutes: number;
  hardStart?: ClockTime | null;
};

export type ActualTimes = { start: ClockTime; end?: ClockTime | null };

export type TimingInput = {
  start: ClockTime;
  targetEnd: ClockTime;
  segments: readonly TimingSegment[];
  actual?: Readonly<Record<string, ActualTimes>>;
  /** The clock now, for a segment that has started and not ended (the live show). */
  now?: ClockTime | null;
  /**
   * The server's form of `actual` and `now`: minutes after midnight of the event's day, taken
   * from instants, so a show started five minutes early (19:25 for 19:30) is early, not the next
   * day. When given they replace `actual` and `now`.
   */
  actualMinutes?: Readonly<Record<string, { start: number; end: number | null }>>;
  nowMinute?: number | null;
};

export type TimedSegment = {
  id: string;
  start: ClockTime;
  end: ClockTime;
  latestStart: ClockTime;
  /** minutes after the start's midnight (may pass 1440) */
  startMinute: number;
  endMinute: number;
  latestStartMinute: number;
  /** a gap before it, waiting for its hard start */
  gapMinutes: number;
  /** how late it starts against its hard start (0 when on time or soft) */
  lateMinutes: number;
  /** start − latestStart: positive when it can no longer end the show on time */
  slackMinutes: number;
  state: 'planned' | 'running' | 'done';
};

export type TimingWarning =
  | { kind: 'hard-start-missed'; segment: string; message: string; messages: { vi: string; en: string } }
  | { kind: 'past-target-end'; message: string; messages: { vi: string; en: string } };

export type Timing = {
  segments: TimedSegment[];
  end: ClockTime;
  endMinute: number;
  overUnderMinutes: number;
  warnings: TimingWarning[];
};

export class TimingError extends Error {
  constructor(readonly reason: { vi: string; en: string }) {
    super(reason.en);
  }
}

const DAY = 1440;
const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM", or null when it is not a clock time. */
export function clockMinutes(time: string): number | null {
  const m = clockPattern.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "HH:MM" of a minute count after the start's midnight (the next day wraps: 1450 → "00:10"). */
export function formatClock(minute: number): ClockTime {
  const m = ((Math.round(minute) % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function parseClock(time: string, what: { vi: string; en: string }): number {
  const m = typeof time === 'string' ? clockMinutes(time) : null;
  if (m === null)
    throw new TimingError({
      vi: `${what.vi}: "${String(time)}" không phải giờ dạng HH:MM (00:00–23:59).`,
      en: `${what.en}: "${String(time)}" is not a time as HH:MM (00:00–23:59).`,
    });
  return m;
}

/** A time on the event's evening: earlier than the start means the next day. */
export function onEvening(startMinute: number, time: number): number {
  return time < startMinute ? time + DAY : time;
}

export function computeTiming(input: TimingInput): Timing {
  const start = parseClock(input.start, { vi: 'Giờ bắt đầu', en: 'The start' });
  const at = (time: string, what: { vi: string; en: string }) => onEvening(start, parseClock(time, what));
  const targetEnd = at(input.targetEnd, { vi: 'Giờ kết thúc dự kiến', en: 'The target end' });
  const now =
    input.nowMinute != null
      ? input.nowMinute
      : input.now
        ? at(input.now, { vi: 'Giờ hiện tại', en: 'The time now' })
        : null;
  const ids = new Set<string>();
  for (const s of input.segments) {
    if (typeof s.id !== 'string' || s.id === '')
      throw new TimingError({ vi: 'Mỗi phần phải có mã (id).', en: 'Every segment needs an id.' });
    if (ids.has(s.id))
      throw new TimingError({ vi: `Mã phần "${s.id}" bị trùng.`, en: `The segment id "${s.id}" is used twice.` });
    ids.add(s.id);
    if (!Number.isInteger(s.minutes) || s.minutes < 0 || s.minutes > DAY)
      throw new TimingError({
        vi: `Phần "${s.id}": thời lượng phải là số phút nguyên từ 0 đến 1440.`,
        en: `Segment "${s.id}": minutes must be a whole number from 0 to 1440.`,
      });
  }
  for (const id of Object.keys(input.actualMinutes ?? input.actual ?? {}))
    if (!ids.has(id))
      throw new TimingError({
        vi: `Giờ thực tế cho phần "${id}" không có trong chương trình.`,
        en: `Actual times are given for "${id}", which is not in the segments.`,
      });

  // Back: the latest each may start, from the target end.
  const latest: number[] = [];
  let after = targetEnd;
  for (let i = input.segments.length - 1; i >= 0; i--) {
    after -= input.segments[i].minutes;
    latest[i] = after;
  }

  const segments: TimedSegment[] = [];
  const warnings: TimingWarning[] = [];
  let cursor = start;
  input.segments.forEach((s, i) => {
    const label = { vi: `Phần "${s.id}"`, en: `Segment "${s.id}"` };
    const hard =
      s.hardStart != null
        ? at(s.hardStart, { vi: `${label.vi}, giờ bắt đầu cố định`, en: `${label.en}, hard start` })
        : null;
    const given = input.actualMinutes?.[s.id];
    const written = input.actualMinutes ? undefined : input.actual?.[s.id];
    const actual = given
      ? given
      : written
        ? {
            start: at(written.start, { vi: `${label.vi}, giờ bắt đầu thực tế`, en: `${label.en}, actual start` }),
            end:
              written.end != null
                ? at(written.end, { vi: `${label.vi}, giờ kết thúc thực tế`, en: `${label.en}, actual end` })
                : null,
          }
        : null;
    let begin: number;
    let end: number;
    let state: TimedSegment['state'] = 'planned';
    let gap = 0;
    if (actual) {
      begin = actual.start;
      if (actual.end != null) {
        end = actual.end;
        if (end < begin)
          throw new TimingError({
            vi: `${label.vi}: giờ kết thúc thực tế ${formatClock(end)} trước giờ bắt đầu ${formatClock(begin)}.`,
            en: `${label.en}: the actual end ${formatClock(end)} is before the actual start ${formatClock(begin)}.`,
          });
        state = 'done';
      } else {
        end = Math.max(begin + s.minutes, now ?? begin);
        state = 'running';
      }
    } else {
      begin = hard !== null && hard > cursor ? hard : cursor;
      gap = begin - cursor;
      end = begin + s.minutes;
    }
    const late = hard !== null && begin > hard ? begin - hard : 0;
    if (late > 0)
      warnings.push({
        kind: 'hard-start-missed',
        segment: s.id,
        message: `Segment "${s.id}" starts at ${formatClock(begin)}, ${late} min after its hard start ${formatClock(hard!)}.`,
        messages: {
          vi: `Phần "${s.id}" bắt đầu lúc ${formatClock(begin)}, muộn ${late} phút so với giờ cố định ${formatClock(hard!)}.`,
          en: `Segment "${s.id}" starts at ${formatClock(begin)}, ${late} min after its hard start ${formatClock(hard!)}.`,
        },
      });
    segments.push({
      id: s.id,
      start: formatClock(begin),
      end: formatClock(end),
      latestStart: formatClock(latest[i]),
      startMinute: begin,
      endMinute: end,
      latestStartMinute: latest[i],
      gapMinutes: gap,
      lateMinutes: late,
      slackMinutes: begin - latest[i],
      state,
    });
    cursor = end;
  });
  const endMinute = segments.length ? segments[segments.length - 1].endMinute : start;
  const overUnder = endMinute - targetEnd;
  if (overUnder > 0)
    warnings.push({
      kind: 'past-target-end',
      message: `The programme ends at ${formatClock(endMinute)}, ${overUnder} min after the target end ${formatClock(targetEnd)}.`,
      messages: {
        vi: `Chương trình kết thúc lúc ${formatClock(endMinute)}, quá ${overUnder} phút so với dự kiến ${formatClock(targetEnd)}.`,
        en: `The programme ends at ${formatClock(endMinute)}, ${overUnder} min after the target end ${formatClock(targetEnd)}.`,
      },
    });
  return { segments, end: formatClock(endMinute), endMinute, overUnderMinutes: overUnder, warnings };
}

/** The contract's answer of `kyniem ceremony times` (nothing more, so outside checks stay stable). */
export function timingAnswer(t: Timing) {
  return {
    segments: t.segments.map((s) => ({ id: s.id, start: s.start, end: s.end, latestStart: s.latestStart })),
    end: t.end,
    overUnderMinutes: t.overUnderMinutes,
    warnings: t.warnings.map((w) =>
      w.kind === 'hard-start-missed'
        ? { kind: w.kind, segment: w.segment, message: w.message }
        : { kind: w.kind, message: w.message },
    ),
  };
}
