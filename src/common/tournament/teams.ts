/**
 * The team event between units: a tie is a set of rubbers (e.g. singles, singles, doubles,
 * singles, doubles) played in order; the team that wins most of them wins the tie, and the rubbers
 * left once it is decided need not be played. Team ties in a group are ranked by ties won, then the
 * difference of rubbers, games and points, with the winner of their tie first when two are level
 * (rankEncounters).
 */
import { type EventKind, eventKindLabels, type Gender, genderProblems } from './entries.ts';
import { type Encounter, type RankedGroup, rankEncounters, RankingError } from './groupRanking.ts';
import { lotsFrom } from './lots.ts';
import { type Bilingual, checkMatch, MatchScoreError, type MatchScore, type ScoringRule } from './scoring.ts';

export type RubberKind = Exclude<EventKind, 'TEAM'>;
export const rubberKinds = ['MS', 'WS', 'MD', 'WD', 'XD'] as const satisfies readonly RubberKind[];

/**
 * A tie's format: its rubbers in the order played (an odd number: the majority wins the tie),
 * whether the rubbers left once the tie is decided are still played, how many rubbers a player may
 * play in one tie (one, or one singles and one doubles as the federation's team rules have it) and
 * the roster's size. Only `rubbers` matters to the ranking.
 */
export type TieFormat = {
  rubbers: readonly RubberKind[];
  playAll?: boolean;
  playerRubbers?: 'one' | 'singles_and_doubles';
  rosterMin?: number;
  rosterMax?: number;
};

/** Rubbers one team must win to take the tie (3 of 5, 2 of 3). */
export const rubbersToWin = (format: TieFormat) => Math.floor(format.rubbers.length / 2) + 1;

/** Players a rubber of this discipline takes on each side. */
export const rubberSize = (kind: RubberKind) => (kind.endsWith('S') ? 1 : 2);

export type TieResult = {
  /** null while undecided. */
  winner: 0 | 1 | null;
  rubbers: [number, number];
  games: [number, number];
  points: [number, number];
};

export function tieResult(rule: ScoringRule, format: TieFormat, played: readonly (MatchScore | null)[]): TieResult {
  const need = rubbersToWin(format);
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

/**
 * A tie in a group: its rubbers' scores, or a walkover or disqualification of a whole team
 * (`outcome`, with `winner` the side that goes on). As for players (GCR 16.2), the results of a
 * team that gives a walkover or is disqualified in the group are deleted and it is ranked last.
 */
export type TeamTie = {
  a: string;
  b: string;
  rubbers: (MatchScore | null)[];
  outcome?: 'walkover' | 'disqualified' | 'retired';
  winner?: 0 | 1;
};

export function rankTeams(
  teams: readonly string[],
  ties: readonly TeamTie[],
  rule: ScoringRule,
  format: TieFormat,
  randomSeed: string,
): RankedGroup {
  const encounters: Encounter[] = [];
  const deleted = new Set<string>();
  for (const t of ties) {
    if (t.outcome && t.winner !== undefined) {
      deleted.add(t.winner === 0 ? t.b : t.a);
      continue;
    }
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
  return rankEncounters(teams, encounters, deleted, lotsFrom(randomSeed));
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

/** A team's line of the group table: ties, rubbers, games and points for and against. */
export type TeamTally = {
  ties: [number, number];
  rubbers: [number, number];
  games: [number, number];
  points: [number, number];
};

export function teamTallies(
  teams: readonly string[],
  ties: readonly TeamTie[],
  rule: ScoringRule,
  format: TieFormat,
): Map<string, TeamTally> {
  const out = new Map<string, TeamTally>(
    teams.map((t) => [t, { ties: [0, 0], rubbers: [0, 0], games: [0, 0], points: [0, 0] }]),
  );
  for (const t of ties) {
    const sides = [out.get(t.a), out.get(t.b)];
    if (!sides[0] || !sides[1]) continue;
    if (t.outcome && t.winner !== undefined) {
      sides[t.winner]!.ties[0]++;
      sides[1 - t.winner]!.ties[1]++;
      continue;
    }
    const r = tieResult(rule, format, t.rubbers);
    if (r.winner === null) continue;
    for (const s of [0, 1] as const) {
      const mine = sides[s]!;
      const o = (1 - s) as 0 | 1;
      mine.ties[r.winner === s ? 0 : 1]++;
      mine.rubbers[0] += r.rubbers[s];
      mine.rubbers[1] += r.rubbers[o];
      mine.games[0] += r.games[s];
      mine.games[1] += r.games[o];
      mine.points[0] += r.points[s];
      mine.points[1] += r.points[o];
    }
  }
  return out;
}

/** A member of a team's roster, as the line-up check needs them. */
export type RosterPlayer = { personId: string; name: string; gender: Gender | null };

/** The problems of a format as the organisers set it up; empty when it may be used. */
export function tieFormatProblems(format: TieFormat): { path: string; message: Bilingual }[] {
  const out: { path: string; message: Bilingual }[] = [];
  if (format.rubbers.length === 0 || format.rubbers.length % 2 === 0)
    out.push({
      path: 'rubbers',
      message: {
        vi: 'Một lượt trận đồng đội cần số trận lẻ (1, 3, 5, 7 hoặc 9) để có đội thắng.',
        en: 'A tie needs an odd number of rubbers (1, 3, 5, 7 or 9) to have a winner.',
      },
    });
  const min = format.rosterMin ?? 0;
  const max = format.rosterMax ?? Number.POSITIVE_INFINITY;
  if (min > max)
    out.push({
      path: 'rosterMax',
      message: {
        vi: 'Số vận động viên tối đa của đội nhỏ hơn số tối thiểu.',
        en: 'The most players a team may have is fewer than the fewest.',
      },
    });
  // The fewest players who can fill every rubber: each plays one rubber, or one singles and one doubles.
  const singles = format.rubbers.filter((k) => rubberSize(k) === 1).length;
  const doubles = format.rubbers.filter((k) => rubberSize(k) === 2).length * 2;
  const fewest = format.playerRubbers === 'one' ? singles + doubles : Math.max(singles, doubles);
  if (max < fewest)
    out.push({
      path: 'rosterMax',
      message: {
        vi: `Đội cần ít nhất ${fewest} vận động viên để xếp đủ các trận của một lượt.`,
        en: `A team needs at least ${fewest} players to fill every rubber of a tie.`,
      },
    });
  return out;
}

/** The roster's size against the format's limits. */
export function rosterProblems(format: TieFormat, size: number): Bilingual[] {
  if (format.rosterMin !== undefined && size < format.rosterMin)
    return [
      {
        vi: `Đội cần ít nhất ${format.rosterMin} vận động viên.`,
        en: `A team needs at least ${format.rosterMin} players.`,
      },
    ];
  if (format.rosterMax !== undefined && size > format.rosterMax)
    return [
      {
        vi: `Đội có tối đa ${format.rosterMax} vận động viên.`,
        en: `A team has at most ${format.rosterMax} players.`,
      },
    ];
  return [];
}

/**
 * A captain's line-up for a tie: per rubber, the players of that rubber from the team's roster.
 * Each rubber takes its number of players of the right gender; a player plays one rubber, or one
 * singles and one doubles, as the format says. Each problem names the rubber.
 */
export function lineupProblems(
  format: TieFormat,
  roster: readonly RosterPlayer[],
  lineup: readonly (readonly string[])[],
): { rubber: number | null; message: Bilingual }[] {
  const out: { rubber: number | null; message: Bilingual }[] = [];
  if (lineup.length !== format.rubbers.length) {
    out.push({
      rubber: null,
      message: {
        vi: `Cần xếp đủ ${format.rubbers.length} trận của lượt.`,
        en: `All ${format.rubbers.length} rubbers of the tie need players.`,
      },
    });
    return out;
  }
  const byId = new Map(roster.map((p) => [p.personId, p]));
  const played = new Map<string, RubberKind[]>();
  for (const [i, ids] of lineup.entries()) {
    const kind = format.rubbers[i];
    const label = rubberLabel(format, i);
    const at = (m: Bilingual): { rubber: number; message: Bilingual } => ({
      rubber: i,
      message: { vi: `${label.vi}: ${m.vi}`, en: `${label.en}: ${m.en}` },
    });
    if (ids.length !== rubberSize(kind)) {
      out.push(at({ vi: `cần ${rubberSize(kind)} vận động viên.`, en: `takes ${rubberSize(kind)} player(s).` }));
      continue;
    }
    if (new Set(ids).size !== ids.length) {
      out.push(at({ vi: 'một người được ghi hai lần.', en: 'a person is named twice.' }));
      continue;
    }
    const players = ids.map((id) => byId.get(id));
    if (players.some((p) => p === undefined)) {
      out.push(at({ vi: 'có người không thuộc danh sách đội.', en: 'a player is not on the team’s roster.' }));
      continue;
    }
    const genders = genderProblems(
      kind,
      players.map((p) => ({ ...p!, birthYear: null, unitId: null, leader: false })),
    );
    if (players.some((p) => p!.gender === null))
      for (const g of genders) out.push(at({ vi: lowerFirst(g.vi), en: lowerFirst(g.en) }));
    else if (genders.length > 0)
      out.push(
        at({
          vi: 'giới tính vận động viên không đúng nội dung.',
          en: 'the players’ genders do not fit the discipline.',
        }),
      );
    for (const id of ids) played.set(id, [...(played.get(id) ?? []), kind]);
  }
  for (const [id, kinds] of played) {
    const name = byId.get(id)!.name;
    const singles = kinds.filter((k) => rubberSize(k) === 1).length;
    const doubles = kinds.length - singles;
    if (format.playerRubbers === 'one' ? kinds.length > 1 : singles > 1 || doubles > 1)
      out.push({
        rubber: null,
        message:
          format.playerRubbers === 'one'
            ? {
                vi: `${name} chỉ được đánh một trận trong một lượt.`,
                en: `${name} may play only one rubber of a tie.`,
              }
            : {
                vi: `${name} chỉ được đánh tối đa một trận đơn và một trận đôi trong một lượt.`,
                en: `${name} may play at most one singles and one doubles in a tie.`,
              },
      });
  }
  return out;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
