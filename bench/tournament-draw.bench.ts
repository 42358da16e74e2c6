// bench tournament-draw: a seeded 1,024-entry draw with unit separation plus its whole order of
// play on 8 courts, against brackets-manager (in-memory storage) creating a 1,024-entry single-
// elimination stage, in the same run. Also the ranking of a 64-group stage (every score checked,
// deleted results, head-to-head and lots) against a bare sort of the same tables by wins, games
// and points. Prints the median CPU time of several rounds of each, after warm-up rounds, and the
// ratios. (A forced full collection between rounds was tried: it throws away V8's type feedback and
// made the measured code six times slower than it runs in the server, so it is not used.)
import { BracketsManager } from 'brackets-manager';
import { InMemoryDatabase } from 'brackets-memory-db';
import { makeDraw } from '../src/common/tournament/draw.ts';
import { knockoutMatches } from '../src/common/tournament/knockout.ts';
import { type GroupMatch, rankGroup } from '../src/common/tournament/groupRanking.ts';
import { lotsFrom } from '../src/common/tournament/lots.ts';
import { type ScheduleMatch, scheduleMatches } from '../src/common/tournament/schedule.ts';

const ENTRIES = 1024;
const UNITS = 64;
const SEEDS = 32;
const COURTS = 8;
const ROUNDS = 21;
/** Rounds run before timing, so that both sides are measured compiled, not while the JIT works (with 8 the first timed rounds still tiered up, and a run read 4.7x where the next read 12.9x). */
const WARM_UP = 25;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** CPU time of this process (user + system), less disturbed than wall time by other work on a shared machine. */
const cpuMs = (t0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};

async function measure(name: string, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.cpuUsage();
    await fn();
    times.push(cpuMs(t0));
  }
  const m = median(times);
  if (process.env.BENCH_VERBOSE) console.log(times.map((t) => t.toFixed(1)).join(' '));
  console.log(
    `  ${name}: median ${m.toFixed(2)} ms of CPU over ${ROUNDS} (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})`,
  );
  return m;
}

const entries = Array.from({ length: ENTRIES }, (_, i) => ({
  id: `E${i + 1}`,
  unit: `U${i % UNITS}`,
  seed: i < SEEDS ? i + 1 : null,
}));

/** The draw, then every match of the knockout on the courts over four days of 07:00–11:30 and 13:30–22:00. */
function kyniem(seed: string) {
  const draw = makeDraw(entries, seed);
  // The bracket behind the draw (byes walked through), each match waiting for the ones that feed it.
  const bracket = knockoutMatches(draw.positions, { thirdPlace: false });
  const walked = new Set(bracket.filter((m) => m.walkThrough).map((m) => m.id));
  const matches: ScheduleMatch[] = bracket
    .filter((m) => !m.walkThrough)
    .map((m) => ({
      id: m.id,
      event: 'MS',
      order: m.round,
      minutes: 30,
      players: m.sides.flatMap((s) => ('entry' in s ? [s.entry] : [])),
      after: m.sides.flatMap((s) => ('winnerOf' in s && !walked.has(s.winnerOf) ? [s.winnerOf] : [])),
    }));
  const courts = Array.from({ length: COURTS }, (_, c) => ({
    court: `S${c + 1}`,
    open: [0, 1, 2, 3, 4, 5].flatMap((d) => [
      { start: d * 1440 + 420, end: d * 1440 + 690 },
      { start: d * 1440 + 810, end: d * 1440 + 1320 },
    ]),
  }));
  const s = scheduleMatches({ matches, courts, restMinutes: 20 });
  if (s.unplaced.length > 0) throw new Error(`${s.unplaced.length} matches found no time`);
  return s.slots.length;
}

async function bracketsManager() {
  const manager = new BracketsManager(new InMemoryDatabase());
  await manager.create.stage({
    tournamentId: 0,
    name: 'Đơn nam',
    type: 'single_elimination',
    seeding: entries.map((e) => e.id),
    settings: { seedOrdering: ['inner_outer'], balanceByes: true },
  });
}

// 64 groups of four, every pair played, one retirement in every eighth group.
const lots = lotsFrom('groups');
const groups = Array.from({ length: 64 }, (_, g) => {
  const ids = [0, 1, 2, 3].map((i) => `G${g}P${i}`);
  const matches: GroupMatch[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = i + 1; j < 4; j++) {
      const games: [number, number][] = [];
      let won = [0, 0];
      while (won[0] < 2 && won[1] < 2) {
        const w = lots.below(2);
        const loser = lots.below(20);
        games.push(w === 0 ? [21, loser] : [loser, 21]);
        won = w === 0 ? [won[0] + 1, won[1]] : [won[0], won[1] + 1];
      }
      matches.push({ a: ids[i], b: ids[j], games });
    }
  }
  if (g % 8 === 0)
    matches[0] = {
      a: ids[0],
      b: ids[1],
      games: [
        [21, 5],
        [3, 1],
      ],
      outcome: 'retired',
      winner: ids[0],
    };
  return { entries: ids, scoring: 'bo3-21', matches, randomSeed: `g${g}` };
});

function bareSort() {
  for (const g of groups) {
    const t = new Map(g.entries.map((e) => [e, [0, 0, 0]]));
    for (const m of g.matches) {
      let ga = 0;
      let gb = 0;
      let pa = 0;
      let pb = 0;
      for (const [a, b] of m.games ?? []) {
        if (a > b) ga++;
        else gb++;
        pa += a;
        pb += b;
      }
      const w = m.winner ?? (ga > gb ? m.a : m.b);
      t.get(w)![0]++;
      t.get(m.a)![1] += ga - gb;
      t.get(m.b)![1] += gb - ga;
      t.get(m.a)![2] += pa - pb;
      t.get(m.b)![2] += pb - pa;
    }
    [...t.entries()].sort((x, y) => y[1][0] - x[1][0] || y[1][1] - x[1][1] || y[1][2] - x[1][2]);
  }
}

console.log(`tournament-draw: ${ENTRIES} entries, ${UNITS} units, ${SEEDS} seeds; ${COURTS} courts`);
let k = 0;
const ours = await measure('kyniem draw + order of play', () => kyniem(`bench-${k++}`));
const theirs = await measure('brackets-manager single elimination stage', bracketsManager);
const ranking = await measure('kyniem ranking of 64 groups', () => groups.map(rankGroup));
const bare = await measure('bare sort of 64 groups', bareSort);
console.log(`bench tournament-draw: ${(theirs / ours).toFixed(1)}x`);
console.log(`bench tournament-rank-64-groups: ${ranking.toFixed(2)} ms, ${(ranking / bare).toFixed(1)}x a bare sort`);
