/**
 * The knockout draw by the federation's rules (BWF General Competition Regulations, the draw):
 * seed 1 on the top line, seed 2 on the bottom line, seeds 3–4 drawn by lot into the other two
 * quarters, 5–8 into the remaining eighths, and so on; byes only in the first round, to the
 * seeds in seed order, then spread evenly over the halves, quarters and eighths; entries of one
 * unit kept apart as far as the draw allows (two in different halves, up to four in different
 * quarters…); the rest drawn by lot. Any number of entries: the draw is the smallest power of two
 * that holds them. Pure and reproducible: every lot comes from `randomSeed`, and the log names
 * each lot in the order it was drawn.
 */
import type { Bilingual } from './scoring.ts';
import { lotsFrom, type Lots } from './lots.ts';

export type DrawEntry = { id: string; unit?: string | null; seed?: number | null };

export type DrawLot =
  | { step: 'seed'; entry: string; seed: number; line: number; among: number[] }
  | { step: 'bye'; line: number; among: number[] }
  | { step: 'separate'; entry: string; unit: string; line: number }
  | { step: 'entry'; entry: string; line: number };

export type Draw = {
  size: number;
  /** Entry ids by line, top to bottom; null is a bye. */
  positions: (string | null)[];
  /** Each lot in the order drawn; lines are 1-based as printed on the draw sheet. */
  log: DrawLot[];
};

export class DrawError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

const BYE = Symbol('bye');
type Line = string | typeof BYE | null;

export function drawSize(entries: number): number {
  let size = 1;
  while (size < entries) size *= 2;
  return size;
}

/**
 * The lines seeds go to, group by group: [[1st], [2nd], [3rd, 4th], [5th…8th], …] as 0-based
 * lines. From the third group on, each segment of the draw that holds no earlier seed line gets
 * one: its top line in the top half, its bottom line in the bottom half.
 */
export function seedLineGroups(size: number): number[][] {
  if (size < 2) return [[0]];
  const groups: number[][] = [[0], [size - 1]];
  const taken = new Set<number>([0, size - 1]);
  for (let segment = size / 4; segment >= 1; segment /= 2) {
    const group: number[] = [];
    for (let start = 0; start < size; start += segment) {
      let holds = false;
      for (let l = start; l < start + segment; l++) if (taken.has(l)) holds = true;
      if (holds) continue;
      group.push(start < size / 2 ? start : start + segment - 1);
    }
    for (const l of group) taken.add(l);
    groups.push(group);
  }
  return groups;
}

function validate(entries: readonly DrawEntry[]): DrawEntry[] {
  if (entries.length === 0)
    throw new DrawError({ vi: 'Không có vận động viên nào để bốc thăm.', en: 'There are no entries to draw.' });
  const ids = new Set<string>();
  for (const e of entries) {
    if (typeof e.id !== 'string' || e.id === '') {
      throw new DrawError({ vi: 'Mỗi lượt đăng ký cần một mã (id).', en: 'Every entry needs an id.' });
    }
    if (ids.has(e.id)) throw new DrawError({ vi: `Mã ${e.id} bị trùng.`, en: `The id ${e.id} appears twice.` });
    ids.add(e.id);
    if (e.seed != null && !(Number.isInteger(e.seed) && e.seed >= 1)) {
      throw new DrawError({
        vi: `Hạt giống của ${e.id} phải là số nguyên từ 1.`,
        en: `The seed of ${e.id} must be a whole number from 1.`,
      });
    }
  }
  const seeded = entries.filter((e) => e.seed != null).sort((a, b) => a.seed! - b.seed!);
  for (let i = 1; i < seeded.length; i++) {
    if (seeded[i].seed === seeded[i - 1].seed) {
      throw new DrawError({
        vi: `${seeded[i - 1].id} và ${seeded[i].id} cùng là hạt giống số ${seeded[i].seed}.`,
        en: `${seeded[i - 1].id} and ${seeded[i].id} are both seed ${seeded[i].seed}.`,
      });
    }
  }
  if (seeded.length * 4 > entries.length) {
    throw new DrawError({
      vi: `Nhiều nhất một phần tư số vận động viên là hạt giống: ${entries.length} lượt cho phép ${Math.floor(entries.length / 4)} hạt giống, có ${seeded.length}.`,
      en: `At most a quarter of the entries may be seeded: ${entries.length} entries allow ${Math.floor(entries.length / 4)} seeds, ${seeded.length} given.`,
    });
  }
  return seeded;
}

export function makeDraw(entries: readonly DrawEntry[], randomSeed: string): Draw {
  const seeded = validate(entries);
  const lots = lotsFrom(randomSeed);
  const size = drawSize(entries.length);
  const lines: Line[] = new Array(size).fill(null);
  const log: DrawLot[] = [];
  if (size === 1) return { size, positions: [entries[0].id], log };

  // Seeds, group by group, drawn by lot among the group's lines.
  const groups = seedLineGroups(size);
  const seedLine = new Map<string, number>();
  let next = 0;
  for (const group of groups) {
    if (next >= seeded.length) break;
    const inGroup = seeded.slice(next, next + group.length);
    const free = [...group];
    for (const e of inGroup) {
      const line = free.length === 1 ? free[0] : lots.pick(free);
      log.push({ step: 'seed', entry: e.id, seed: e.seed!, line: line + 1, among: free.map((l) => l + 1) });
      free.splice(free.indexOf(line), 1);
      lines[line] = e.id;
      seedLine.set(e.id, line);
    }
    next += inGroup.length;
  }

  placeByes(
    lines,
    size - entries.length,
    seeded.map((e) => seedLine.get(e.id)!),
    lots,
    log,
  );
  separateUnits(lines, entries, lots, log);

  // Everyone else by lot into the lines left.
  const rest = entries.filter((e) => !lines.includes(e.id));
  const free = lines.flatMap((v, i) => (v === null ? [i] : []));
  for (const e of rest) {
    const line = lots.pick(free);
    free.splice(free.indexOf(line), 1);
    lines[line] = e.id;
    log.push({ step: 'entry', entry: e.id, line: line + 1 });
  }
  return { size, positions: lines.map((v) => (v === BYE ? null : v)), log };
}

/** Byes: first beside the seeds in seed order, then one pair at a time where the fewest are. */
function placeByes(lines: Line[], byes: number, seedLines: number[], lots: Lots, log: DrawLot[]): void {
  const size = lines.length;
  let left = byes;
  for (const line of seedLines) {
    if (left === 0) return;
    lines[line ^ 1] = BYE;
    log.push({ step: 'bye', line: (line ^ 1) + 1, among: [(line ^ 1) + 1] });
    left--;
  }
  const byesIn = (start: number, length: number) => {
    let n = 0;
    for (let l = start; l < start + length; l++) if (lines[l] === BYE) n++;
    return n;
  };
  const openPairIn = (start: number, length: number) => {
    for (let l = start; l < start + length; l += 2) if (lines[l] === null && lines[l + 1] === null) return true;
    return false;
  };
  for (; left > 0; left--) {
    let start = 0;
    let length = size;
    while (length > 2) {
      const half = length / 2;
      const options = [start, start + half].filter((s) => openPairIn(s, half));
      const fewest = Math.min(...options.map((s) => byesIn(s, half)));
      const best = options.filter((s) => byesIn(s, half) === fewest);
      start = best.length === 1 ? best[0] : lots.pick(best);
      length = half;
    }
    const line = start < size / 2 ? start + 1 : start;
    lines[line] = BYE;
    log.push({ step: 'bye', line: line + 1, among: [line + 1] });
  }
}

/**
 * A unit's unseeded entries, largest units first, split as evenly as the free lines allow at
 * every level of the draw (its seeds already placed count where they stand): two in different
 * halves, up to four in different quarters, and so on. Which side takes the odd one is drawn.
 */
function separateUnits(lines: Line[], entries: readonly DrawEntry[], lots: Lots, log: DrawLot[]): void {
  const byUnit = new Map<string, DrawEntry[]>();
  for (const e of entries) if (e.unit != null && e.unit !== '') byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  const units = [...byUnit.entries()]
    .map(([unit, members]) => ({ unit, members, open: members.filter((m) => !lines.includes(m.id)) }))
    .filter((u) => u.members.length > 1 && u.open.length > 0)
    .sort((a, b) => b.members.length - a.members.length);

  for (const { unit, members, open } of units) {
    const ids = new Set(members.map((m) => m.id));
    const placedIn = (start: number, length: number) => {
      let n = 0;
      for (let l = start; l < start + length; l++) if (typeof lines[l] === 'string' && ids.has(lines[l] as string)) n++;
      return n;
    };
    const freeIn = (start: number, length: number) => {
      let n = 0;
      for (let l = start; l < start + length; l++) if (lines[l] === null) n++;
      return n;
    };
    const queue = [...open];
    const fill = (start: number, length: number, count: number): void => {
      if (count === 0) return;
      if (length === 1) {
        const e = queue.shift()!;
        lines[start] = e.id;
        log.push({ step: 'separate', entry: e.id, unit, line: start + 1 });
        return;
      }
      const half = length / 2;
      const sides = [start, start + half];
      const have = sides.map((s) => placedIn(s, half));
      const room = sides.map((s) => freeIn(s, half));
      const total = have[0] + have[1] + count;
      // The side that takes the larger share when the total is odd is drawn by lot.
      const first = total % 2 === 1 ? lots.below(2) : 0;
      const want = [0, 0];
      want[first] = Math.ceil(total / 2);
      want[1 - first] = Math.floor(total / 2);
      let give = [Math.max(0, want[0] - have[0]), Math.max(0, want[1] - have[1])];
      // A side that already holds more than its share takes none; then keep within the free lines.
      if (give[0] + give[1] > count) give = give[0] === 0 ? [0, count] : [count, 0];
      for (const s of [0, 1]) {
        const over = give[s] - room[s];
        if (over > 0) {
          give[s] -= over;
          give[1 - s] += over;
        }
      }
      // Which lines of a pair, and the order in which the two sides are filled, are lots too.
      const order = lots.below(2) === 0 ? [0, 1] : [1, 0];
      for (const s of order) fill(sides[s], half, give[s]);
    };
    fill(0, lines.length, open.length);
  }
}
