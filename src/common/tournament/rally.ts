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

export function scoreRallies(log: RallyLog): RallyState {
  const { rule, players } = log;
  const need = gamesToWin(rule);
  const intervalAt = Math.ceil(rule.points / 2);
  const doubles = players[0].length === 2;

  const games: [number, number][] = [];
  const won: [number, number] = [0, 0];
  let start: GameStart = {
    server: log.starts[0]?.server ?? 0,
    rightCourt: log.starts[0]?.rightCourt ?? [players[0][0], players[1][0]],
  };
  let leftEnd: Side = log.leftEndAtStart;
  let score: [number, number] = [0, 0];
  let serving: Side = start.server;
  // The player in each side's right court now (doubles players change courts only when their side scores serving).
  let right: [string, string] = [...start.rightCourt];
  let interval = false;
  let changeEnds = false;
  let gameOver = false;
  let winner: Side | null = null;
  let deciding = rule.games === 1 || won[0] + won[1] === rule.games - 1;
  let endsChangedInDecider = false;

  const inCourt = (side: Side, court: 'right' | 'left'): string => {
    if (!doubles) return players[side][0];
    const r = right[side];
    return court === 'right' ? r : (players[side].find((p) => p !== r) ?? r);
  };

  for (const [i, side] of log.rallies.entries()) {
    if (winner !== null) {
      throw new RallyError({
        vi: `Trận đã kết thúc: không ghi thêm điểm (pha bóng thứ ${i + 1}).`,
        en: `The match is over: no more points (rally ${i + 1}).`,
      });
    }
    if (gameOver) {
      // A new game: the winner of the last one serves first (Law 10.3), ends change (Law 16).
      const n = games.length;
      const set = log.starts[n] ?? {};
      const lastWinner: Side = games[n - 1][0] > games[n - 1][1] ? 0 : 1;
      start = { server: set.server ?? lastWinner, rightCourt: set.rightCourt ?? right };
      score = [0, 0];
      serving = start.server;
      right = [...start.rightCourt];
      gameOver = false;
      deciding = rule.games === 1 || won[0] + won[1] === rule.games - 1;
      endsChangedInDecider = false;
    }
    interval = false;
    changeEnds = false;
    const wasServing = serving;
    score[side]++;
    if (side === wasServing) {
      // The serving side scores: its players change service courts.
      if (doubles) right[side] = players[side].find((p) => p !== right[side]) ?? right[side];
    } else {
      serving = side;
    }
    const state = gameState(rule, score);
    if (state.kind === 'won') {
      games.push([score[0], score[1]]);
      won[state.winner]++;
      gameOver = true;
      if (won[state.winner] === need) winner = state.winner;
      else {
        leftEnd = other(leftEnd);
        changeEnds = true;
      }
      continue;
    }
    if (Math.max(...score) === intervalAt && Math.min(...score) < intervalAt && score[side] === intervalAt) {
      interval = true;
      if (deciding && !endsChangedInDecider) {
        leftEnd = other(leftEnd);
        changeEnds = true;
        endsChangedInDecider = true;
      }
    }
  }

  const live = winner === null && !gameOver;
  const courtOf = (s: Side): 'right' | 'left' => (score[s] % 2 === 0 ? 'right' : 'left');
  let server: RallyState['server'] = null;
  let receiver: string | null = null;
  if (live) {
    const court = courtOf(serving);
    server = { side: serving, player: inCourt(serving, court), court };
    receiver = inCourt(other(serving), court);
  }
  return {
    games,
    game: games.length + (live ? 1 : 0) || 1,
    score: live ? score : (games.at(-1) ?? [0, 0]),
    server,
    receiver,
    leftEnd,
    interval,
    changeEnds,
    gameOver,
    winner,
  };
}
