/**
 * The team event between units: a tie is a set of rubbers (e.g. singles, singles, doubles,
 * singles, doubles) played in order; the team that wins most of them wins the tie, and the rubbers
 * left once it is decided need not be played. Team ties in a group are ranked by ties won, then the
 * difference of rubbers, games and points, with the winner of their tie first when two are level
 * (rankEncounters).
 */
import { type EventKind, eventKindLabels } from './entries.ts';
import { type Encounter, type RankedGroup, rankEncounters, RankingError } from './groupRanking.ts';
import { lotsFrom } from './lots.ts';
import { checkMatch, MatchScoreError, type MatchScore, type ScoringRule } from './scoring.ts';

export type TieFormat = { rubbers: readonly Exclude<EventKind, 'TEAM'>[] };

export type TieResult = {
  /** null while undecided. */
  winner: 0 | 1 | null;
  rubbers: [number, number];
  games: [number, number];
  points: [number, number];
};

export function tieResult(rule: ScoringRule, format: TieFormat, played: readonly (MatchScore | null)[]): TieResult {
  const need = Math.floor(format.rubbers.length / 2) + 1;
  const out: TieResult = { winner: null, rubbers: [0, 0], games: [0, 0], points: [0, 0] };
  for (const [i, score] of played.entries()) {
    if (score === null) continue;
    if (i >= format.rubbers.length) throw new RangeError(`the tie has ${format.rubbers.length} rubbers`);
    const r = checkMatch(rule, score);
    out.rubbers[r.winner]++;
    for (const s of [0, 1] as const) {
      out.games[s] += r.games[s];
      out.points[s] += r.points[s];
    }
  }
  if (out.rubbers[0] >= need) out.winner = 0;
  else if (out.rubbers[1] >= need) out.winner = 1;
  return out;
}

export type TeamTie = { a: string; b: string; rubbers: (MatchScore | null)[] };

export function rankTeams(
  teams: readonly string[],
  ties: readonly TeamTie[],
  rule: ScoringRule,
  format: TieFormat,
  randomSeed: string,
): RankedGroup {
  const encounters: Encounter[] = [];
  for (const t of ties) {
    let r: TieResult;
    try {
      r = tieResult(rule, format, t.rubbers);
    } catch (err) {
      if (!(err instanceof MatchScoreError)) throw err;
      throw new RankingError({ vi: `${t.a} – ${t.b}: ${err.reason.vi}.`, en: `${t.a} v ${t.b}: ${err.reason.en}.` });
    }
    if (r.winner === null) continue;
    encounters.push({
      a: t.a,
      b: t.b,
      winner: r.winner === 0 ? t.a : t.b,
      forA: [r.rubbers[0], r.games[0], r.points[0]],
      forB: [r.rubbers[1], r.games[1], r.points[1]],
    });
  }
  return rankEncounters(teams, encounters, new Set(), lotsFrom(randomSeed));
}

export const rubberLabel = (format: TieFormat, i: number) => {
  const kind = format.rubbers[i];
  const nth = format.rubbers.slice(0, i + 1).filter((k) => k === kind).length;
  const many = format.rubbers.filter((k) => k === kind).length > 1;
  return {
    vi: `${eventKindLabels[kind].vi}${many ? ` ${nth}` : ''}`,
    en: `${eventKindLabels[kind].en}${many ? ` ${nth}` : ''}`,
  };
};
