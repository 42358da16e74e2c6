import { describe, expect, it } from 'vitest';
import { lotsFrom } from './lots.ts';
import { type CourtHours, type Schedule, type ScheduleMatch, scheduleMatches } from './schedule.ts';

const day = (d: number, from: number, to: number) => ({ start: d * 1440 + from * 60, end: d * 1440 + to * 60 });

/** A knockout of `n` players (ids `${prefix}1…`): first-round matches know their players, later ones their feeders. */
function knockout(event: string, players: string[][], minutes: number): ScheduleMatch[] {
  const matches: ScheduleMatch[] = [];
  const round = players.map((side, i) => ({ id: `${event}-R1-${i}`, side }));
  const firsts: ScheduleMatch[] = [];
  for (let i = 0; i < round.length; i += 2) {
    firsts.push({
      id: `${event}-1-${i / 2}`,
      event,
      order: 1,
      minutes,
      players: [...round[i].side, ...round[i + 1].side],
      after: [],
    });
  }
  matches.push(...firsts);
  let prev = firsts;
  for (let r = 2; prev.length > 1; r++) {
    const next: ScheduleMatch[] = [];
    for (let i = 0; i < prev.length; i += 2) {
      next.push({
        id: `${event}-${r}-${i / 2}`,
        event,
        order: r,
        minutes,
        players: [],
        after: [prev[i].id, prev[i + 1].id],
      });
    }
    matches.push(...next);
    prev = next;
  }
  return matches;
}

function expectValid(input: { matches: ScheduleMatch[]; courts: CourtHours[]; restMinutes: number }, s: Schedule) {
  const byId = new Map(input.matches.map((m) => [m.id, m]));
  const slotOf = new Map(s.slots.map((x) => [x.match, x]));
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  for (const [i, a] of s.slots.entries()) {
    const ma = byId.get(a.match)!;
    const hours = input.courts.find((c) => c.court === a.court)!.open;
    expect(
      hours.some((w) => a.start >= w.start && a.end <= w.end),
      `${a.match} within the court's hours`,
    ).toBe(true);
    for (const f of ma.after) {
      const fs = slotOf.get(f);
      expect(fs, `${a.match} waits for ${f}`).toBeDefined();
      expect(a.start).toBeGreaterThanOrEqual(fs!.end + input.restMinutes);
    }
    for (const b of s.slots.slice(i + 1)) {
      const mb = byId.get(b.match)!;
      if (a.court === b.court) expect(overlaps(a, b), `${a.match} and ${b.match} on one court`).toBe(false);
      const shared = ma.players.filter((p) => mb.players.includes(p));
      if (shared.length > 0) {
        const [first, second] = a.start <= b.start ? [a, b] : [b, a];
        expect(second.start, `${shared[0]} rests between ${a.match} and ${b.match}`).toBeGreaterThanOrEqual(
          first.end + input.restMinutes,
        );
      }
    }
  }
}

describe('the order of play', () => {
  const lots = lotsFrom('schedule');
  const people = Array.from({ length: 32 }, (_, i) => `P${i}`);
  const singles = knockout(
    'MS',
    lots
      .shuffle(people)
      .slice(0, 16)
      .map((p) => [p]),
    30,
  );
  const pairs = lots.shuffle(people);
  const doubles = knockout(
    'MD',
    Array.from({ length: 16 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]]),
    35,
  );
  const courts: CourtHours[] = ['S1', 'S2', 'S3', 'S4'].map((court) => ({
    court,
    open: [day(0, 7, 11.5), day(0, 13.5, 22)],
  }));
  const input = { matches: [...singles, ...doubles], courts, restMinutes: 20 };

  it('keeps courts, players, rests, feeders, hours and rounds in order', () => {
    const s = scheduleMatches(input);
    expect(s.unplaced).toEqual([]);
    expect(s.slots).toHaveLength(singles.length + doubles.length);
    expectValid(input, s);
    // Rounds in order within an event: no second-round match starts before every first-round one has.
    for (const ev of ['MS', 'MD']) {
      const starts = (order: number) =>
        s.slots.filter((x) => x.match.startsWith(`${ev}-${order}-`)).map((x) => x.start);
      expect(Math.min(...starts(2))).toBeGreaterThanOrEqual(Math.max(...starts(1)));
    }
  });

  it('pushes back what follows when a match runs late', () => {
    const planned = scheduleMatches(input);
    const first = planned.slots[0];
    const late = {
      ...input,
      matches: input.matches.map((m) =>
        m.id === first.match ? { ...m, fixed: { court: first.court, start: first.start, end: first.end + 45 } } : m,
      ),
      notBefore: first.start + 10,
    };
    const again = scheduleMatches(late);
    expect(again.unplaced).toEqual([]);
    expectValid(late, again);
    const lateMatch = input.matches.find((m) => m.id === first.match)!;
    for (const slot of again.slots) {
      const m = input.matches.find((x) => x.id === slot.match)!;
      if (slot.match !== first.match && m.players.some((p) => lateMatch.players.includes(p))) {
        expect(slot.start).toBeGreaterThanOrEqual(first.end + 45 + 20);
      }
      if (slot.match !== first.match) expect(slot.start).toBeGreaterThanOrEqual(first.start + 10);
    }
  });

  it('leaves unplaced what does not fit the hours, and what waits on it', () => {
    const short = { ...input, courts: [{ court: 'S1', open: [day(0, 8, 10)] }] };
    const s = scheduleMatches(short);
    expect(s.slots.length).toBeGreaterThan(0);
    expect(s.unplaced.length).toBe(input.matches.length - s.slots.length);
    expectValid(short, s);
  });
});
