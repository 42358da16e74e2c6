/**
 * A match scored rally by rally, as the umpire's phone keeps it (Laws of Badminton 8–12, 16):
 * from the list of rallies won and how each game started, it says the score, who serves from
 * which court to whom, when the interval comes, when the players change ends, and when a game and
 * the match are over. Everything is derived from the list, so undo is removing the last rally, and
 * a rally the Laws do not allow (after the match is over) is refused.
 */
import { type Bilingual, gamesToWin, gameState, type ScoringRule } from './scoring.ts';

export type Side = 0 | 1;

/** How a game starts: the side serving first, and, per side, the player in the right service court. */
export type GameStart = { server: Side; rightCourt: [string, string] };

export type RallyLog = {
  rule: ScoringRule;
  /** Players per side: one for singles, two for doubles. */
  players: [readonly string[], readonly string[]];
  /** The first game's start; later games may be set as the players stand (else: the winner serves, same places). */
  starts: readonly Partial<GameStart>[];
  /** Which side won each rally, in order. */
  rallies: readonly Side[];
  /** The side at the umpire's left at the start of the match. */
  leftEndAtStart: Side;
};

export type RallyState = {
  games: [number, number][];
  /** The game in play (1-based), or the last one once the match is over. */
  game: number;
  score: [number, number];
  server: { side: Side; player: string; court: 'right' | 'left' } | null;
  receiver: string | null;
  /** The side at the umpire's left now. */
  leftEnd: Side;
  /** Just happened with the last rally. */
  interval: boolean;
  changeEnds: boolean;
  gameOver: boolean;
  winner: Side | null;
};

export class RallyError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

const other = (s: Side): Side => (s === 0 ? 1 : 0);

/**
 * Where a match stands after some rallies, as plain data (kept beside the match so that the next
 * rally is checked and scored without replaying the ones before, ADR 28): stepRally moves it on
 * by one rally, rallyState says what the phone shows. scoreRallies is the same steps from the start.
 */
export type RallyCursor = {
  games: [number, number][];
  won: [number, number];
  leftEnd: Side;
  score: [number, number];
  serving: Side;
  /** The player in each side's right court now (doubles players change courts only when their side scores serving). */
  right: [string, string];
  interval: boolean;
  changeEnds: boolean;
  gameOver: boolean;
  winner: Side | null;
  deciding: boolean;
  endsChangedInDecider: boolean;
  /** Rallies played so far. */
  rallies: number;
};

export function startCursor(log: Omit<RallyLog, 'rallies'>): RallyCursor {
  const { rule, players } = log;
  const start: GameStart = {
    server: log.starts[0]?.server ?? 0,
    rightCourt: log.starts[0]?.rightCourt ?? [players[0][0], players[1][0]],
  };
  return {
    games: [],
    won: [0, 0],
    leftEnd: log.leftEndAtStart,
    score: [0, 0],
    serving: start.server,
    right: [...start.rightCourt],
    interval: false,
    changeEnds: false,
    gameOver: false,
    winner: null,
    deciding: rule.games === 1,
    endsChangedInDecider: false,
    rallies: 0,
  };
}

/** The cursor after one more rally won by `side` (a new object; the one given is not changed); refuses a rally after the match. */
export function stepRally(log: Omit<RallyLog, 'rallies'>, from: RallyCursor, side: Side): RallyCursor {
  const { rule, players } = log;
  const doubles = players[0].length === 2;
  const c: RallyCursor = {
    ...from,
    games: from.games,
    won: [from.won[0], from.won[1]],
    score: [from.score[0], from.score[1]],
    right: [from.right[0], from.right[1]],
  };
  if (c.winner !== null) {
    throw new RallyError({
      vi: `Trận đã kết thúc: không ghi thêm điểm (pha bóng thứ ${c.rallies + 1}).`,
      en: `The match is over: no more points (rally ${c.rallies + 1}).`,
    });
  }
  c.rallies++;
  if (c.gameOver) {
    // A new game: the winner of the last one serves first (Law 10.3), ends change (Law 16).
    const n = c.games.length;
    const set = log.starts[n] ?? {};
    const lastWinner: Side = c.games[n - 1][0] > c.games[n - 1][1] ? 0 : 1;
    c.score = [0, 0];
    c.serving = set.server ?? lastWinner;
    c.right = set.rightCourt ? [...set.rightCourt] : c.right;
    c.gameOver = false;
    c.deciding = rule.games === 1 || c.won[0] + c.won[1] === rule.games - 1;
    c.endsChangedInDecider = false;
  }
  c.interval = false;
  c.changeEnds = false;
  const wasServing = c.serving;
  c.score[side]++;
  if (side === wasServing) {
    // The serving side scores: its players change service courts.
    if (doubles) c.right[side] = players[side].find((p) => p !== c.right[side]) ?? c.right[side];
  } else {
    c.serving = side;
  }
  const state = gameState(rule, c.score);
  if (state.kind === 'won') {
    c.games = [...c.games, [c.score[0], c.score[1]]];
    c.won[state.winner]++;
    c.gameOver = true;
    if (c.won[state.winner] === gamesToWin(rule)) c.winner = state.winner;
    else {
      c.leftEnd = other(c.leftEnd);
      c.changeEnds = true;
    }
    return c;
  }
  const intervalAt = Math.ceil(rule.points / 2);
  if (Math.max(...c.score) === intervalAt && Math.min(...c.score) < intervalAt && c.score[side] === intervalAt) {
    c.interval = true;
    if (c.deciding && !c.endsChangedInDecider) {
      c.leftEnd = other(c.leftEnd);
      c.changeEnds = true;
      c.endsChangedInDecider = true;
    }
  }
  return c;
}

/** What the phone shows at the cursor. */
export function rallyState(log: Omit<RallyLog, 'rallies'>, c: RallyCursor): RallyState {
  const { players } = log;
  const doubles = players[0].length === 2;
  const inCourt = (side: Side, court: 'right' | 'left'): string => {
    if (!doubles) return players[side][0];
    const r = c.right[side];
    return court === 'right' ? r : (players[side].find((p) => p !== r) ?? r);
  };
  const live = c.winner === null && !c.gameOver;
  const courtOf = (s: Side): 'right' | 'left' => (c.score[s] % 2 === 0 ? 'right' : 'left');
  let server: RallyState['server'] = null;
  let receiver: string | null = null;
  if (live) {
    const court = courtOf(c.serving);
    server = { side: c.serving, player: inCourt(c.serving, court), court };
    receiver = inCourt(other(c.serving), court);
  }
  return {
    games: c.games.map((g) => [g[0], g[1]]),
    game: c.games.length + (live ? 1 : 0) || 1,
    score: live ? [c.score[0], c.score[1]] : ([...(c.games.at(-1) ?? [0, 0])] as [number, number]),
    server,
    receiver,
    leftEnd: c.leftEnd,
    interval: c.interval,
    changeEnds: c.changeEnds,
    gameOver: c.gameOver,
    winner: c.winner,
  };
}

export function scoreRallies(log: RallyLog): RallyState {
  let c = startCursor(log);
  for (const side of log.rallies) c = stepRally(log, c, side);
  return rallyState(log, c);
}
