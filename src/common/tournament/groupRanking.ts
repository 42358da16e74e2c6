/**
 * Ranking a round-robin group by the federation's rule (BWF General Competition Regulations
 * 16.2): by matches won; two level → the winner of their match; three or more level → the
 * difference of games won and lost, then of points, going back to the two's own match as soon as
 * two remain level; then lots, which are recorded. The results of a player or pair who gives a
 * walkover, retires or is disqualified in the group are deleted before ranking, and they are
 * listed after the others. Team ties use the same rule over ties won, then the difference of
 * matches, games and points.
 */
import { type Bilingual, checkMatch, isScoringId, MatchScoreError, type Outcome, scoringRules } from './scoring.ts';
import { lotsFrom, type Lots } from './lots.ts';

/** One meeting of two entries: who won, and each side's tallies for the differences, in order. */
export type Encounter = { a: string; b: string; winner: string; forA: number[]; forB: number[] };

export type RankedGroup = {
  ranking: string[];
  /** Each drawing of lots: the tied entries in the order drawn. */
  lots: string[][];
  /** Entries whose results were deleted (walkover, retirement, disqualification), ranked last. */
  deleted: string[];
};

export class RankingError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/**
 * The general rule over encounters: `metrics` names how many differences there are after the
 * wins (games and points for players; matches, games and points for teams).
 */
export function rankEncounters(
  entries: readonly string[],
  encounters: readonly Encounter[],
  deleted: ReadonlySet<string>,
  lots: Lots,
): RankedGroup {
  const live = entries.filter((e) => !deleted.has(e));
  const counted = encounters.filter((m) => !deleted.has(m.a) && !deleted.has(m.b));
  const metrics = counted.reduce((n, m) => Math.max(n, m.forA.length), 0);
  const wins = new Map(live.map((e) => [e, 0]));
  const diffs = new Map(live.map((e) => [e, new Array<number>(metrics).fill(0)]));
  for (const m of counted) {
    wins.set(m.winner, (wins.get(m.winner) ?? 0) + 1);
    for (let k = 0; k < metrics; k++) {
      diffs.get(m.a)![k] += (m.forA[k] ?? 0) - (m.forB[k] ?? 0);
      diffs.get(m.b)![k] += (m.forB[k] ?? 0) - (m.forA[k] ?? 0);
    }
  }
  const drawn: string[][] = [];

  const headToHead = (x: string, y: string): string[] => {
    let xWins = 0;
    let yWins = 0;
    for (const m of counted) {
      if ((m.a === x && m.b === y) || (m.a === y && m.b === x)) {
        if (m.winner === x) xWins++;
        else yWins++;
      }
    }
    if (xWins !== yWins) return xWins > yWins ? [x, y] : [y, x];
    const order = lots.shuffle([x, y]);
    drawn.push(order);
    return order;
  };

  /** Splits `tied` by a score, best first, into classes of equal score. */
  const split = (tied: string[], score: (e: string) => number): string[][] => {
    const sorted = [...tied].sort((p, q) => score(q) - score(p));
    const classes: string[][] = [];
    for (const e of sorted) {
      const last = classes.at(-1);
      if (last && score(last[0]) === score(e)) last.push(e);
      else classes.push([e]);
    }
    return classes;
  };

  /** Orders a class tied on everything before `metric` (0 = the first difference). */
  const resolve = (tied: string[], metric: number): string[] => {
    if (tied.length === 1) return tied;
    if (tied.length === 2) return headToHead(tied[0], tied[1]);
    if (metric >= metrics) {
      const order = lots.shuffle(tied);
      drawn.push(order);
      return order;
    }
    return split(tied, (e) => diffs.get(e)![metric]).flatMap((c) => resolve(c, metric + 1));
  };

  const ranked = split(live, (e) => wins.get(e)!).flatMap((c) => resolve(c, 0));
  const removed = entries.filter((e) => deleted.has(e));
  return { ranking: [...ranked, ...removed], lots: drawn, deleted: removed };
}

export type GroupMatch = {
  a: string;
  b: string;
  games?: [number, number][];
  outcome?: Outcome;
  winner?: string;
};

export type GroupInput = {
  entries: string[];
  scoring: string;
  matches: GroupMatch[];
  randomSeed?: string;
};

const sides = (m: GroupMatch): Bilingual => ({ vi: `${m.a} – ${m.b}`, en: `${m.a} v ${m.b}` });

/** The group's ranking from its matches' scores, each checked against the scoring rule. */
export function rankGroup(input: GroupInput): RankedGroup {
  if (!isScoringId(input.scoring)) {
    throw new RankingError({
      vi: `Không có cách tính điểm "${input.scoring}" (có: ${Object.keys(scoringRules).join(', ')}).`,
      en: `There is no scoring "${input.scoring}" (known: ${Object.keys(scoringRules).join(', ')}).`,
    });
  }
  const rule = scoringRules[input.scoring];
  const known = new Set<string>();
  for (const e of input.entries) {
    if (typeof e !== 'string' || e === '')
      throw new RankingError({ vi: 'Mã vận động viên trống.', en: 'An entry id is empty.' });
    if (known.has(e)) throw new RankingError({ vi: `Mã ${e} bị trùng.`, en: `The entry ${e} appears twice.` });
    known.add(e);
  }
  const deleted = new Set<string>();
  const encounters: Encounter[] = [];
  for (const m of input.matches) {
    const who = sides(m);
    if (!known.has(m.a) || !known.has(m.b) || m.a === m.b) {
      throw new RankingError({
        vi: `${who.vi}: cả hai bên phải là hai vận động viên khác nhau của bảng.`,
        en: `${who.en}: both sides must be two different entries of the group.`,
      });
    }
    if (m.winner !== undefined && m.winner !== m.a && m.winner !== m.b) {
      throw new RankingError({
        vi: `${who.vi}: bên thắng ${m.winner} không phải một trong hai bên.`,
        en: `${who.en}: the winner ${m.winner} is neither side.`,
      });
    }
    let result: ReturnType<typeof checkMatch>;
    try {
      result = checkMatch(rule, {
        games: m.games ?? [],
        outcome: m.outcome,
        winner: m.winner === undefined ? undefined : m.winner === m.a ? 0 : 1,
      });
    } catch (err) {
      if (!(err instanceof MatchScoreError)) throw err;
      const at = err.game === null ? { vi: '', en: '' } : { vi: `, ván ${err.game}`, en: `, game ${err.game}` };
      throw new RankingError({
        vi: `${who.vi}${at.vi}: ${err.reason.vi}.`,
        en: `${who.en}${at.en}: ${err.reason.en}.`,
      });
    }
    const winner = result.winner === 0 ? m.a : m.b;
    if (result.outcome) deleted.add(winner === m.a ? m.b : m.a);
    encounters.push({
      a: m.a,
      b: m.b,
      winner,
      forA: [result.games[0], result.points[0]],
      forB: [result.games[1], result.points[1]],
    });
  }
  return rankEncounters(input.entries, encounters, deleted, lotsFrom(input.randomSeed ?? ''));
}
