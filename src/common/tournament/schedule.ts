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
  // Everything the loop touches is numbered once (matches' ids, players, courts, events) and kept
  // in flat arrays, so that the loop itself hashes no strings and allocates next to nothing
  // (ADR 36). Ids repeated in the input behave as the maps keyed by id they replace did: one
  // record per id.
  const rest = input.restMinutes;
  const notBefore = input.notBefore ?? Number.NEGATIVE_INFINITY;
  const list = input.matches;
  const count = list.length;

  const idNumbers = new Map<string, number>();
  const playerNumbers = new Map<string, number>();
  const eventNumbers = new Map<string, number>();
  const number = (names: Map<string, number>, name: string): number => {
    let n = names.get(name);
    if (n === undefined) {
      n = names.size;
      names.set(name, n);
    }
    return n;
  };
  const matchId = new Int32Array(count);
  const orderOf = new Float64Array(count);
  const eventOf = new Int32Array(count);
  // Match i's players are playerList[playersAt[i] … playersAt[i + 1]), its feeders likewise.
  const playersAt = new Int32Array(count + 1);
  const afterAt = new Int32Array(count + 1);
  const playerList: number[] = [];
  const afterList: number[] = [];
  for (let i = 0; i < count; i++) matchId[i] = number(idNumbers, list[i].id);
  for (let i = 0; i < count; i++) {
    const m = list[i];
    orderOf[i] = m.order;
    eventOf[i] = number(eventNumbers, m.event ?? '');
    for (const p of m.players) playerList.push(number(playerNumbers, p));
    playersAt[i + 1] = playerList.length;
    for (const f of m.after) afterList.push(number(idNumbers, f));
    afterAt[i + 1] = afterList.length;
  }
  const ids = idNumbers.size;
  /** A match's place in the input (the last one given under its id), for ties within a round. */
  const rank = new Int32Array(ids);
  for (let i = 0; i < count; i++) rank[matchId[i]] = i;
  // NaN until a match has a time, as a missing map entry reads in arithmetic (only repeated ids meet it).
  const ended = new Float64Array(ids).fill(Number.NaN);
  const hasEnded = new Uint8Array(ids);
  const playerFree = new Float64Array(playerNumbers.size).fill(Number.NEGATIVE_INFINITY);

  // Courts by name in the order given (a name given twice keeps the hours given last); court c's
  // hours, by start, are windowStart/windowEnd[windowsAt[c] … windowsEnd[c]).
  const courtNumbers = new Map<string, number>();
  const hours: (readonly { start: number; end: number }[])[] = [];
  for (const c of input.courts) hours[number(courtNumbers, c.court)] = c.open;
  const courts = courtNumbers.size;
  const courtNames = [...courtNumbers.keys()];
  const windowsAt = new Int32Array(courts);
  const windowsEnd = new Int32Array(courts);
  const windowStart: number[] = [];
  const windowEnd: number[] = [];
  for (let c = 0; c < courts; c++) {
    windowsAt[c] = windowStart.length;
    for (const w of [...hours[c]].sort((a, b) => a.start - b.start)) {
      windowStart.push(w.start);
      windowEnd.push(w.end);
    }
    windowsEnd[c] = windowStart.length;
  }
  const courtFree = new Float64Array(courts).fill(Number.NEGATIVE_INFINITY);
  /**
   * Per court, the first of its hours not yet past: a court's free time only grows, and hours
   * that cannot hold a minute from some time cannot from any later time either.
   */
  const firstWindow = windowsAt.slice();
  const closed = new Uint8Array(courts);

  const slotMatch: number[] = [];
  const slotCourt: string[] = [];
  const slotStart: number[] = [];
  const slotEnd: number[] = [];
  const occupy = (i: number, court: string, start: number, end: number) => {
    slotMatch.push(i);
    slotCourt.push(court);
    slotStart.push(start);
    slotEnd.push(end);
    ended[matchId[i]] = end;
    hasEnded[matchId[i]] = 1;
    const c = courtNumbers.get(court);
    if (c !== undefined && end > courtFree[c]) courtFree[c] = end;
    for (let k = playersAt[i]; k < playersAt[i + 1]; k++) {
      const p = playerList[k];
      playerFree[p] = Math.max(playerFree[p], end + rest);
    }
  };

  for (let i = 0; i < count; i++) {
    const fixed = list[i].fixed;
    if (fixed) occupy(i, fixed.court, fixed.start, fixed.end);
  }

  // Matches are released to be called once every match feeding them has a time.
  const before = (a: number, b: number) => orderOf[a] - orderOf[b] || rank[matchId[a]] - rank[matchId[b]];
  const waiting = new Int32Array(ids);
  const feeds: number[][] = new Array(ids);
  const pending: number[] = [];
  for (let i = 0; i < count; i++) {
    if (list[i].fixed) continue;
    let open = 0;
    for (let k = afterAt[i]; k < afterAt[i + 1]; k++) {
      const f = afterList[k];
      if (hasEnded[f]) continue;
      open++;
      if (feeds[f] === undefined) feeds[f] = [i];
      else feeds[f].push(i);
    }
    if (open === 0) pending.push(i);
    else waiting[matchId[i]] = open;
  }
  pending.sort(before);
  const release = (placed: number) => {
    const fed = feeds[matchId[placed]];
    if (fed === undefined) return;
    for (const m of fed) {
      if (--waiting[matchId[m]] > 0) continue;
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
  const readyAt = (i: number): number => {
    let t = notBefore;
    for (let k = afterAt[i]; k < afterAt[i + 1]; k++) t = Math.max(t, ended[afterList[k]] + rest);
    for (let k = playersAt[i]; k < playersAt[i + 1]; k++) t = Math.max(t, playerFree[playerList[k]]);
    return t;
  };

  /** Whether the court's first opening at or after `at` for `minutes` starts at `at`. */
  const fitsAt = (court: number, at: number, minutes: number): boolean => {
    // Hours before the court's first open one cannot hold a match of a minute or more.
    for (let k = minutes >= 1 ? firstWindow[court] : windowsAt[court]; k < windowsEnd[court]; k++) {
      const start = Math.max(at, windowStart[k]);
      if (start + minutes <= windowEnd[k]) return start === at;
    }
    return false;
  };

  // The events blocked in this call (stamped with the call) and the round they block after.
  const blockedOrder = new Float64Array(eventNumbers.size);
  const blockedCall = new Int32Array(eventNumbers.size).fill(-1);
  for (let call = 0; pending.length > 0; call++) {
    // The court that frees first (in its hours) takes the next playable match.
    let court = -1;
    let at = Number.POSITIVE_INFINITY;
    for (let c = 0; c < courts; c++) {
      if (closed[c]) continue;
      const from = Math.max(courtFree[c], notBefore);
      let k = firstWindow[c];
      const last = windowsEnd[c];
      while (k < last && !(Math.max(from, windowStart[k]) + 1 <= windowEnd[k])) k++;
      firstWindow[c] = k;
      if (k === last) {
        closed[c] = 1;
        continue;
      }
      const t = Math.max(from, windowStart[k]);
      if (t < at) {
        at = t;
        court = c;
      }
    }
    if (court === -1) break;

    let chosen = -1;
    let nextReady = Number.POSITIVE_INFINITY;
    for (let p = 0; p < pending.length; p++) {
      const i = pending[p];
      const event = eventOf[i];
      if (blockedCall[event] === call && orderOf[i] > blockedOrder[event]) continue;
      const ready = readyAt(i);
      if (ready <= at) {
        if (fitsAt(court, at, list[i].minutes)) {
          chosen = p;
          break;
        }
      } else {
        nextReady = Math.min(nextReady, ready);
        // A later round of the event waits while an earlier one is yet to be called.
        if (blockedCall[event] !== call) {
          blockedCall[event] = call;
          blockedOrder[event] = orderOf[i];
        }
      }
    }
    if (chosen >= 0) {
      const i = pending[chosen];
      pending.splice(chosen, 1);
      occupy(i, courtNames[court], at, at + list[i].minutes);
      release(i);
      continue;
    }
    if (nextReady === Number.POSITIVE_INFINITY) {
      // Nothing can start on this court in what is left of these hours: its next opening.
      let k = windowsAt[court];
      while (k < windowsEnd[court] && !(windowStart[k] > at)) k++;
      if (k === windowsEnd[court]) closed[court] = 1;
      else courtFree[court] = windowStart[k];
      continue;
    }
    courtFree[court] = nextReady;
  }

  // By start, then by court name as the language's collation orders it, placed order kept on ties.
  const names = [...new Set(slotCourt)].sort((a, b) => a.localeCompare(b));
  const nameRank = new Map<string, number>();
  for (let k = 0; k < names.length; k++)
    nameRank.set(names[k], k > 0 && names[k].localeCompare(names[k - 1]) === 0 ? nameRank.get(names[k - 1])! : k);
  const placedCount = slotMatch.length;
  const courtRank = new Int32Array(placedCount);
  const byTime: number[] = [];
  for (let k = 0; k < placedCount; k++) {
    courtRank[k] = nameRank.get(slotCourt[k])!;
    byTime.push(k);
  }
  byTime.sort((a, b) => slotStart[a] - slotStart[b] || courtRank[a] - courtRank[b] || a - b);
  const slots: Slot[] = [];
  const placed = new Uint8Array(ids);
  for (const x of byTime) {
    slots.push({ match: list[slotMatch[x]].id, court: slotCourt[x], start: slotStart[x], end: slotEnd[x] });
    placed[matchId[slotMatch[x]]] = 1;
  }
  const unplaced: string[] = [];
  for (let i = 0; i < count; i++) if (!placed[matchId[i]]) unplaced.push(list[i].id);
  return { slots, unplaced };
}
