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

/**
 * The version of the draw's algorithm, stamped on every draw made (tournament_draws.algorithm).
 * Anything that would place one entry differently for the same entries and random seed is a new
 * version, and the old one stays here to re-run the draws it made; making the same draw faster is
 * not. 1: the first (issue 14).
 */
export const DRAW_ALGORITHM = 1;
export const DRAW_ALGORITHMS: readonly number[] = [1];

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
 * one: its top line in the top half, its bottom line in the bottom half. Groups stop once they
 * hold `seeds` lines.
 */
export function seedLineGroups(size: number, seeds = size): number[][] {
  if (size < 2) return [[0]];
  const groups: number[][] = [[0], [size - 1]];
  const taken = new Uint8Array(size);
  taken[0] = 1;
  taken[size - 1] = 1;
  let lines = 2;
  for (let segment = size / 4; segment >= 1 && lines < seeds; segment /= 2) {
    const group: number[] = [];
    for (let start = 0; start < size; start += segment) {
      let holds = false;
      for (let l = start; l < start + segment && !holds; l++) holds = taken[l] === 1;
      if (!holds) group.push(start < size / 2 ? start : start + segment - 1);
    }
    for (const l of group) taken[l] = 1;
    lines += group.length;
    groups.push(group);
  }
  return groups;
}

function validate(entries: readonly DrawEntry[], maxSeeds: number): DrawEntry[] {
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
  if (seeded.length > maxSeeds) {
    throw new DrawError({
      vi: `Nhiều nhất một phần tư số vận động viên là hạt giống: ${entries.length} lượt cho phép ${Math.floor(entries.length / 4)} hạt giống, có ${seeded.length}.`,
      en: `At most a quarter of the entries may be seeded: ${entries.length} entries allow ${seedsWord(Math.floor(entries.length / 4))}, ${seeded.length} given.`,
    });
  }
  return seeded;
}

/**
 * Counts per segment of the draw, kept as a complete binary tree over the lines: node 1 is the
 * whole draw, nodes 2n and 2n + 1 its halves, node size + l the line l. Adding to a line adds to
 * every segment holding it, so "how many in this quarter" costs one read.
 */
class SegmentCounts {
  readonly counts: Int32Array;
  constructor(readonly size: number) {
    this.counts = new Int32Array(2 * size);
  }
  add(line: number, by: number): void {
    for (let node = this.size + line; node >= 1; node >>= 1) this.counts[node] += by;
  }
  of(node: number): number {
    return this.counts[node];
  }
}

/** The first line and the number of lines of a node. */
const span = (node: number, size: number): [number, number] => {
  let depth = 0;
  while (1 << (depth + 1) <= node) depth++;
  const length = size >> depth;
  return [(node - (1 << depth)) * length, length];
};

type Board = {
  size: number;
  lines: Line[];
  free: SegmentCounts;
  byes: SegmentCounts;
  /** First-round pairs with both lines still free. */
  openPairs: SegmentCounts;
  /** Each placed entry's line. */
  placed: Map<string, number>;
  log: DrawLot[];
  lots: Lots;
};

function put(board: Board, line: number, value: string | typeof BYE): void {
  const pairFree = board.lines[line ^ 1] === null;
  board.lines[line] = value;
  board.free.add(line, -1);
  if (pairFree) board.openPairs.add(line >> 1, -1);
  if (value === BYE) board.byes.add(line, 1);
  else board.placed.set(value, line);
}

export type DrawOptions = {
  /** At most a quarter of the entries by default; a knockout after groups seeds every group winner. */
  maxSeeds?: number;
};

export function makeDraw(entries: readonly DrawEntry[], randomSeed: string, options: DrawOptions = {}): Draw {
  const seeded = validate(entries, options.maxSeeds ?? Math.floor(entries.length / 4));
  const lots = lotsFrom(randomSeed);
  const size = drawSize(entries.length);
  const log: DrawLot[] = [];
  if (size === 1) return { size, positions: [entries[0].id], log };
  const board: Board = {
    size,
    lines: new Array(size).fill(null),
    free: new SegmentCounts(size),
    byes: new SegmentCounts(size),
    openPairs: new SegmentCounts(size / 2),
    placed: new Map(),
    log,
    lots,
  };
  for (let l = 0; l < size; l++) board.free.add(l, 1);
  for (let p = 0; p < size / 2; p++) board.openPairs.add(p, 1);

  // Seeds, group by group, drawn by lot among the group's lines.
  const groups = seedLineGroups(size, seeded.length);
  const seedLines: number[] = [];
  let next = 0;
  for (const group of groups) {
    if (next >= seeded.length) break;
    const inGroup = seeded.slice(next, next + group.length);
    const free = [...group];
    for (const e of inGroup) {
      const line = free.length === 1 ? free[0] : lots.pick(free);
      log.push({ step: 'seed', entry: e.id, seed: e.seed!, line: line + 1, among: free.map((l) => l + 1) });
      free.splice(free.indexOf(line), 1);
      put(board, line, e.id);
      seedLines.push(line);
    }
    next += inGroup.length;
  }

  placeByes(board, size - entries.length, seedLines);
  separateUnits(board, entries);

  // Everyone else by lot into the lines left.
  const free: number[] = [];
  for (let l = 0; l < size; l++) if (board.lines[l] === null) free.push(l);
  for (const e of entries) {
    if (board.placed.has(e.id)) continue;
    const i = lots.below(free.length);
    const line = free[i];
    free[i] = free[free.length - 1];
    free.pop();
    put(board, line, e.id);
    log.push({ step: 'entry', entry: e.id, line: line + 1 });
  }
  return { size, positions: board.lines.map((v) => (v === BYE ? null : v)), log };
}

/** Byes: first beside the seeds in seed order, then one pair at a time where the fewest are. */
function placeByes(board: Board, byes: number, seedLines: number[]): void {
  const { size, lots, log } = board;
  let left = byes;
  for (const line of seedLines) {
    if (left === 0) return;
    put(board, line ^ 1, BYE);
    log.push({ step: 'bye', line: (line ^ 1) + 1, among: [(line ^ 1) + 1] });
    left--;
  }
  for (; left > 0; left--) {
    // Descend from the whole draw to a pair, each time into the half with fewer byes.
    let node = 1;
    while (node < size / 2) {
      const options = [2 * node, 2 * node + 1].filter((c) => board.openPairs.of(c) > 0);
      const fewest = Math.min(...options.map((c) => board.byes.of(c)));
      const best = options.filter((c) => board.byes.of(c) === fewest);
      node = best.length === 1 ? best[0] : lots.pick(best);
    }
    const [start] = span(node, size);
    const line = start < size / 2 ? start + 1 : start;
    put(board, line, BYE);
    log.push({ step: 'bye', line: line + 1, among: [line + 1] });
  }
}

/**
 * A unit's unseeded entries, largest units first, split as evenly as the free lines allow at
 * every level of the draw (its seeds already placed count where they stand): two in different
 * halves, up to four in different quarters, and so on. Which side takes the odd one is drawn.
 */
function separateUnits(board: Board, entries: readonly DrawEntry[]): void {
  const { size, lots, log } = board;
  const byUnit = new Map<string, DrawEntry[]>();
  for (const e of entries) {
    if (e.unit == null || e.unit === '') continue;
    const members = byUnit.get(e.unit);
    if (members) members.push(e);
    else byUnit.set(e.unit, [e]);
  }
  const units = [...byUnit.entries()]
    .map(([unit, members]) => ({ unit, members, open: members.filter((m) => !board.placed.has(m.id)) }))
    .filter((u) => u.members.length > 1 && u.open.length > 0)
    .sort((a, b) => b.members.length - a.members.length);

  // The current unit's members on the board, counted per segment (cleared after each unit).
  const mine = new Int32Array(2 * size);
  const touched: number[] = [];
  const count = (line: number) => {
    for (let node = size + line; node >= 1; node >>= 1) {
      if (mine[node] === 0) touched.push(node);
      mine[node]++;
    }
  };
  for (const { unit, members, open } of units) {
    for (const m of members) {
      const line = board.placed.get(m.id);
      if (line !== undefined) count(line);
    }
    let nextMember = 0;
    const fill = (node: number, n: number): void => {
      if (n === 0) return;
      if (node >= size) {
        const e = open[nextMember++];
        const line = node - size;
        put(board, line, e.id);
        count(line);
        log.push({ step: 'separate', entry: e.id, unit, line: line + 1 });
        return;
      }
      const left = 2 * node;
      const right = left + 1;
      const haveL = mine[left];
      const haveR = mine[right];
      const total = haveL + haveR + n;
      // The side that takes the larger share when the total is odd is drawn by lot.
      const leftTakesMore = total % 2 === 1 && lots.below(2) === 0;
      const wantL = leftTakesMore ? (total + 1) >> 1 : total >> 1;
      const wantR = total - wantL;
      let giveL = Math.max(0, wantL - haveL);
      let giveR = Math.max(0, wantR - haveR);
      // A side that already holds more than its share takes none; then keep within the free lines.
      if (giveL + giveR > n) {
        giveL = giveL === 0 ? 0 : n;
        giveR = n - giveL;
      }
      const roomL = board.free.of(left);
      const roomR = board.free.of(right);
      if (giveL > roomL) {
        giveR += giveL - roomL;
        giveL = roomL;
      } else if (giveR > roomR) {
        giveL += giveR - roomR;
        giveR = roomR;
      }
      if (lots.below(2) === 0) {
        fill(left, giveL);
        fill(right, giveR);
      } else {
        fill(right, giveR);
        fill(left, giveL);
      }
    };
    fill(1, open.length);
    for (const node of touched) mine[node] = 0;
    touched.length = 0;
  }
}

/** "1 seed", "2 seeds", "0 seeds": the English message's count. */
function seedsWord(n: number): string {
  return n === 1 ? '1 seed' : `${n} seeds`;
}
