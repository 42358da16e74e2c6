/**
 * The order of play over the courts: each match gets a court and a start so that no court holds
 * two matches at once, nobody plays two at once (across events, partners included), everyone
 * rests at least `restMinutes` between matches, a match waits for the matches that feed it (their
 * winners need the rest too), courts are used only in their opening hours, and rounds go in
 * order (a match of a later `order` is taken only when no earlier one can start). Matches already
 * on court or played are given as `fixed`; re-running from `notBefore` after a delay pushes back
 * what follows. Pure; times are minutes on any common clock (the module uses epoch minutes).
 */

export type ScheduleMatch = {
  id: string;
  /** Everyone known to play in it (both sides). */
  players: readonly string[];
  /** Matches whose winners (or losers) play in it. */
  after: readonly string[];
  /** Estimated length. */
  minutes: number;
  /** Rounds in order within an event: lower first. Ties keep the given order. */
  order: number;
  /** The event: a later round waits until the earlier rounds of the same event are called. */
  event?: string;
  /** Already on a court or played: where and when, kept as is. */
  fixed?: { court: string; start: number; end: number };
};

export type CourtHours = { court: string; open: readonly { start: number; end: number }[] };

export type ScheduleInput = {
  matches: readonly ScheduleMatch[];
  courts: readonly CourtHours[];
  restMinutes: number;
  /** Nothing new starts before this time (the present, on the day). */
  notBefore?: number;
};

export type Slot = { match: string; court: string; start: number; end: number };

export type Schedule = {
  slots: Slot[];
  /** Matches that found no time in the courts' hours, or wait on one that did not. */
  unplaced: string[];
};

export function scheduleMatches(input: ScheduleInput): Schedule {
  const rest = input.restMinutes;
  const notBefore = input.notBefore ?? Number.NEGATIVE_INFINITY;
  const windows = new Map(input.courts.map((c) => [c.court, [...c.open].sort((a, b) => a.start - b.start)]));
  const courtFree = new Map(input.courts.map((c) => [c.court, Number.NEGATIVE_INFINITY]));
  const playerFree = new Map<string, number>();
  const ended = new Map<string, number>();
  const slots: Slot[] = [];

  const occupy = (m: ScheduleMatch, court: string, start: number, end: number) => {
    slots.push({ match: m.id, court, start, end });
    ended.set(m.id, end);
    if (end > (courtFree.get(court) ?? Number.NEGATIVE_INFINITY)) courtFree.set(court, end);
    for (const p of m.players) playerFree.set(p, Math.max(playerFree.get(p) ?? Number.NEGATIVE_INFINITY, end + rest));
  };

  for (const m of input.matches) if (m.fixed) occupy(m, m.fixed.court, m.fixed.start, m.fixed.end);

  // Matches are released to be called once every match feeding them has a time.
  const rank = new Map(input.matches.map((m, index) => [m.id, index]));
  const before = (a: ScheduleMatch, b: ScheduleMatch) => a.order - b.order || rank.get(a.id)! - rank.get(b.id)!;
  const waiting = new Map<string, number>();
  const feeds = new Map<string, ScheduleMatch[]>();
  const pending: ScheduleMatch[] = [];
  for (const m of input.matches) {
    if (m.fixed) continue;
    const open = m.after.filter((f) => !ended.has(f));
    if (open.length === 0) {
      pending.push(m);
      continue;
    }
    waiting.set(m.id, open.length);
    for (const f of open) feeds.set(f, [...(feeds.get(f) ?? []), m]);
  }
  pending.sort(before);
  const release = (placed: string) => {
    for (const m of feeds.get(placed) ?? []) {
      const left = waiting.get(m.id)! - 1;
      waiting.set(m.id, left);
      if (left > 0) continue;
      // Insert in order (binary search).
      let lo = 0;
      let hi = pending.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(pending[mid], m) < 0) lo = mid + 1;
        else hi = mid;
      }
      pending.splice(lo, 0, m);
    }
  };

  /** When a released match could start at the earliest. */
  const readyAt = (m: ScheduleMatch): number => {
    let t = notBefore;
    for (const f of m.after) t = Math.max(t, ended.get(f)! + rest);
    for (const p of m.players) t = Math.max(t, playerFree.get(p) ?? Number.NEGATIVE_INFINITY);
    return t;
  };

  /** The first start at or after t when the court is open for `minutes`, or null. */
  const openingFrom = (court: string, t: number, minutes: number): number | null => {
    for (const w of windows.get(court) ?? []) {
      const start = Math.max(t, w.start);
      if (start + minutes <= w.end) return start;
    }
    return null;
  };

  const closed = new Set<string>();
  while (pending.length > 0) {
    // The court that frees first (in its hours) takes the next playable match.
    let court: string | null = null;
    let at = Number.POSITIVE_INFINITY;
    for (const c of courtFree.keys()) {
      if (closed.has(c)) continue;
      const t = openingFrom(c, Math.max(courtFree.get(c)!, notBefore), 1);
      if (t === null) {
        closed.add(c);
        continue;
      }
      if (t < at) {
        at = t;
        court = c;
      }
    }
    if (court === null) break;

    let chosen = -1;
    let nextReady = Number.POSITIVE_INFINITY;
    const blocked = new Map<string, number>();
    for (let i = 0; i < pending.length; i++) {
      const m = pending[i];
      const event = m.event ?? '';
      if (m.order > (blocked.get(event) ?? Number.POSITIVE_INFINITY)) continue;
      const ready = readyAt(m);
      if (ready <= at) {
        if (openingFrom(court, at, m.minutes) === at) {
          chosen = i;
          break;
        }
      } else {
        nextReady = Math.min(nextReady, ready);
        // A later round of the event waits while an earlier one is yet to be called.
        if (!blocked.has(event)) blocked.set(event, m.order);
      }
    }
    if (chosen >= 0) {
      const m = pending.splice(chosen, 1)[0];
      occupy(m, court, at, at + m.minutes);
      release(m.id);
      continue;
    }
    if (nextReady === Number.POSITIVE_INFINITY) {
      // Nothing can start on this court in what is left of these hours: its next opening.
      const next = windows.get(court)!.find((w) => w.start > at);
      if (next === undefined) closed.add(court);
      else courtFree.set(court, next.start);
      continue;
    }
    courtFree.set(court, nextReady);
  }
  slots.sort((a, b) => a.start - b.start || a.court.localeCompare(b.court));
  const placed = new Set(slots.map((x) => x.match));
  return { slots, unplaced: input.matches.filter((m) => !placed.has(m.id)).map((m) => m.id) };
}
