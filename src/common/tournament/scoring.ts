/**
 * Scoring systems of badminton and what a score may be under each (Laws of Badminton, Law 7, and
 * the shorter formats organisers use for early or group rounds). Pure: the server checks every
 * score with it, and the umpire's phone refuses what the Laws don't allow before sending it.
 */

export type Bilingual = { vi: string; en: string };

export type ScoringRule = {
  id: ScoringId;
  /** Games in the match: the winner is the first to win more than half. */
  games: 1 | 3 | 5;
  /** Points to win a game. */
  points: number;
  /** From (cap − 1)-all the next point wins; before it a game needs two clear points. */
  cap: number;
  label: Bilingual;
};

export const scoringIds = ['bo3-21', 'bo1-21', 'bo1-31', 'bo3-15', 'bo5-11'] as const;
export type ScoringId = (typeof scoringIds)[number];

export const scoringRules: Record<ScoringId, ScoringRule> = {
  'bo3-21': {
    id: 'bo3-21',
    games: 3,
    points: 21,
    cap: 30,
    label: { vi: '3 ván thắng 2, mỗi ván 21 điểm', en: 'Best of three games to 21' },
  },
  'bo1-21': {
    id: 'bo1-21',
    games: 1,
    points: 21,
    cap: 30,
    label: { vi: '1 ván 21 điểm', en: 'One game to 21' },
  },
  'bo1-31': {
    id: 'bo1-31',
    games: 1,
    points: 31,
    cap: 40,
    label: { vi: '1 ván 31 điểm', en: 'One game to 31' },
  },
  'bo3-15': {
    id: 'bo3-15',
    games: 3,
    points: 15,
    cap: 21,
    label: { vi: '3 ván thắng 2, mỗi ván 15 điểm', en: 'Best of three games to 15' },
  },
  'bo5-11': {
    id: 'bo5-11',
    games: 5,
    points: 11,
    cap: 15,
    label: { vi: '5 ván thắng 3, mỗi ván 11 điểm', en: 'Best of five games to 11' },
  },
};

export function isScoringId(value: string): value is ScoringId {
  return Object.hasOwn(scoringRules, value);
}

/** Games a side must win to take the match. */
export const gamesToWin = (rule: ScoringRule): number => Math.floor(rule.games / 2) + 1;

export type GameState =
  | { kind: 'won'; winner: 0 | 1 }
  | { kind: 'in-play' }
  | { kind: 'impossible'; reason: Bilingual };

/** What a game's score says: won by one side, still in play, or one the Laws cannot produce. */
export function gameState(rule: ScoringRule, score: readonly [number, number]): GameState {
  const [a, b] = score;
  const { points, cap } = rule;
  if (![a, b].every((x) => Number.isInteger(x) && x >= 0)) {
    return {
      kind: 'impossible',
      reason: { vi: 'điểm phải là số nguyên không âm', en: 'points are whole numbers, 0 or more' },
    };
  }
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  const leader: 0 | 1 = a > b ? 0 : 1;
  if (hi > cap) {
    return {
      kind: 'impossible',
      reason: {
        vi: `ở ${cap - 1}-${cap - 1}, bên ghi điểm thứ ${cap} thắng ván: không ván nào quá ${cap} điểm`,
        en: `at ${cap - 1}-all the side scoring the ${cap}th point wins the game: no game goes beyond ${cap}`,
      },
    };
  }
  if (hi === points && lo <= points - 2) return { kind: 'won', winner: leader };
  if (hi > points && hi < cap && hi - lo === 2) return { kind: 'won', winner: leader };
  if (hi === cap && lo >= cap - 2) return { kind: 'won', winner: leader };
  // Not won: is it a score the game can pass through?
  if (hi < points) return { kind: 'in-play' };
  if (lo >= points - 1 && hi - lo <= 1) return { kind: 'in-play' };
  if (hi === cap) {
    return {
      kind: 'impossible',
      reason: {
        vi: `ván đã kết thúc trước khi tới ${hi}-${lo}`,
        en: `the game was over before ${hi}-${lo}`,
      },
    };
  }
  return {
    kind: 'impossible',
    reason: {
      vi: `ván kết thúc ngay khi một bên đạt ${points} điểm và hơn 2 điểm, hoặc cách biệt 2 điểm sau ${points - 1}-${points - 1}: không thể có ${hi}-${lo}`,
      en: `a game ends as soon as a side reaches ${points} with a two-point lead, or leads by two after ${points - 1}-all: ${hi}-${lo} cannot happen`,
    },
  };
}

/** Why a finished game's score is refused, or null when it is a won game. */
export function finishedGameProblem(rule: ScoringRule, score: readonly [number, number]): Bilingual | null {
  const state = gameState(rule, score);
  if (state.kind === 'won') return null;
  if (state.kind === 'impossible') return state.reason;
  const [a, b] = score;
  return {
    vi: `${a}-${b} chưa kết thúc ván: cần ${rule.points} điểm và hơn 2 điểm (ở ${rule.cap - 1}-${rule.cap - 1}, điểm thứ ${rule.cap} thắng)`,
    en: `${a}-${b} does not finish a game: it takes ${rule.points} points and a two-point lead (at ${rule.cap - 1}-all the ${rule.cap}th point wins)`,
  };
}

export const outcomes = ['walkover', 'retired', 'disqualified'] as const;
export type Outcome = (typeof outcomes)[number];

export type MatchScore = {
  games: readonly (readonly [number, number])[];
  /** Absent for a match played to its end. */
  outcome?: Outcome;
  /** Side 0 or 1; required with an outcome, else follows from the games. */
  winner?: 0 | 1;
};

export type MatchResult = {
  winner: 0 | 1;
  outcome: Outcome | null;
  /** Games won by each side (a game in play when a side retired counts for neither). */
  games: [number, number];
  /** Points scored by each side, every game counted. */
  points: [number, number];
};

export class MatchScoreError extends Error {
  constructor(
    readonly game: number | null,
    readonly reason: Bilingual,
  ) {
    super(reason.en);
  }
}

/**
 * Checks a match's score against the rule and says who won. A completed match must be decided
 * by its games and hold no game after the deciding one; a retirement or disqualification keeps the
 * score at that moment (its last game may be unfinished); a walkover has no games.
 */
export function checkMatch(rule: ScoringRule, match: MatchScore): MatchResult {
  const need = gamesToWin(rule);
  const won: [number, number] = [0, 0];
  const points: [number, number] = [0, 0];
  if (match.outcome === 'walkover') {
    if (match.games.length > 0) {
      throw new MatchScoreError(1, {
        vi: 'trận bỏ cuộc trước khi thi đấu (walkover) không có tỷ số',
        en: 'a walkover has no score',
      });
    }
  }
  if (match.games.length > rule.games) {
    throw new MatchScoreError(rule.games + 1, {
      vi: `trận chỉ có tối đa ${rule.games} ván`,
      en: `the match has at most ${rule.games} games`,
    });
  }
  let decided: 0 | 1 | null = null;
  for (const [i, score] of match.games.entries()) {
    const n = i + 1;
    if (decided !== null) {
      throw new MatchScoreError(n, {
        vi: `trận đã kết thúc sau ván ${i}: không còn ván ${n}`,
        en: `the match was over after game ${i}: there is no game ${n}`,
      });
    }
    const last = i === match.games.length - 1;
    const state = gameState(rule, score);
    if (state.kind === 'impossible') throw new MatchScoreError(n, state.reason);
    points[0] += score[0];
    points[1] += score[1];
    if (state.kind === 'in-play') {
      if (!(last && (match.outcome === 'retired' || match.outcome === 'disqualified'))) {
        throw new MatchScoreError(n, finishedGameProblem(rule, score)!);
      }
      continue;
    }
    won[state.winner]++;
    if (won[state.winner] === need) decided = state.winner;
  }
  if (!match.outcome) {
    if (decided === null) {
      throw new MatchScoreError(Math.min(match.games.length + 1, rule.games), {
        vi: `trận chưa kết thúc: chưa bên nào thắng ${need} ván, và không ghi bỏ cuộc, bỏ dở hay truất quyền`,
        en: `the match is unfinished: no side has won ${need} games, and no walkover, retirement or disqualification is recorded`,
      });
    }
    if (match.winner !== undefined && match.winner !== decided) {
      throw new MatchScoreError(null, {
        vi: 'bên thắng ghi khác với tỷ số',
        en: 'the winner given differs from the score',
      });
    }
    return { winner: decided, outcome: null, games: won, points };
  }
  if (match.winner === undefined) {
    throw new MatchScoreError(null, {
      vi: 'trận bỏ cuộc, bỏ dở hay truất quyền phải ghi bên thắng',
      en: 'a walkover, retirement or disqualification must name the winner',
    });
  }
  if (decided !== null && match.outcome === 'retired') {
    throw new MatchScoreError(match.games.length, {
      vi: 'trận đã có kết quả theo tỷ số: không thể bỏ dở sau đó',
      en: 'the score had already decided the match: no retirement after it',
    });
  }
  return { winner: match.winner, outcome: match.outcome, games: won, points };
}
