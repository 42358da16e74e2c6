/**
 * The knockout bracket behind a draw: the matches of every round, where each side comes from
 * (an entry on its line, the winner or the loser of an earlier match, a bye), who is known to
 * play as results come in, and the medals. A first-round match against a bye is not played: its
 * entry goes through. The third place is a play-off between the semi-finals' losers, or shared
 * ("đồng hạng ba") without one.
 */
import type { Bilingual } from './scoring.ts';

export type SideSource = { entry: string } | { winnerOf: string } | { loserOf: string } | { bye: true };

export type KnockoutMatch = {
  id: string;
  /** 1 is the first round; the final is the last. */
  round: number;
  /** Top to bottom within the round (0-based). */
  index: number;
  sides: [SideSource, SideSource];
  /** A first-round line against a bye: nobody plays it. */
  walkThrough: boolean;
  thirdPlace: boolean;
};

export type Winner = 0 | 1;

export const matchId = (round: number, index: number) => `R${round}-${index + 1}`;
export const THIRD_PLACE = 'R3P';

export function knockoutMatches(
  positions: readonly (string | null)[],
  options: { thirdPlace: boolean },
): KnockoutMatch[] {
  const size = positions.length;
  if (size < 2 || (size & (size - 1)) !== 0) throw new RangeError('a draw has a power of two lines, at least two');
  const rounds = Math.log2(size);
  const matches: KnockoutMatch[] = [];
  for (let i = 0; i < size / 2; i++) {
    const a = positions[2 * i];
    const b = positions[2 * i + 1];
    matches.push({
      id: matchId(1, i),
      round: 1,
      index: i,
      sides: [a === null ? { bye: true } : { entry: a }, b === null ? { bye: true } : { entry: b }],
      walkThrough: a === null || b === null,
      thirdPlace: false,
    });
  }
  // Each match's id is built once and read again by the two matches of the next round it feeds.
  let previous = matches.map((m) => m.id);
  for (let r = 2; r <= rounds; r++) {
    const ids: string[] = [];
    for (let i = 0; i < size / 2 ** r; i++) {
      const id = matchId(r, i);
      ids.push(id);
      matches.push({
        id,
        round: r,
        index: i,
        sides: [{ winnerOf: previous[2 * i] }, { winnerOf: previous[2 * i + 1] }],
        walkThrough: false,
        thirdPlace: false,
      });
    }
    previous = ids;
  }
  if (options.thirdPlace && rounds >= 2) {
    matches.push({
      id: THIRD_PLACE,
      round: rounds,
      index: 1,
      sides: [{ loserOf: matchId(rounds - 1, 0) }, { loserOf: matchId(rounds - 1, 1) }],
      walkThrough: false,
      thirdPlace: true,
    });
  }
  return matches;
}

export type Resolved = { players: [string | null, string | null]; winner: string | null; loser: string | null };

/** Who plays in each match and who won, from the results recorded so far (side 0 or 1 by match id). */
export function resolveKnockout(
  matches: readonly KnockoutMatch[],
  results: Readonly<Record<string, Winner>>,
): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  const of = (source: SideSource): string | null => {
    if ('entry' in source) return source.entry;
    if ('bye' in source) return null;
    const r = out.get('winnerOf' in source ? source.winnerOf : source.loserOf);
    if (!r) return null;
    return 'winnerOf' in source ? r.winner : r.loser;
  };
  for (const m of matches) {
    const players: [string | null, string | null] = [of(m.sides[0]), of(m.sides[1])];
    let winner: string | null = null;
    let loser: string | null = null;
    if (m.walkThrough) {
      winner = players[0] ?? players[1];
    } else if (results[m.id] !== undefined && players[0] !== null && players[1] !== null) {
      winner = players[results[m.id]];
      loser = players[1 - results[m.id]];
    }
    out.set(m.id, { players, winner, loser });
  }
  return out;
}

/** The matches that take a side from this one's result: a correction must come before they are played. */
export function dependents(matches: readonly KnockoutMatch[], id: string): KnockoutMatch[] {
  return matches.filter((m) =>
    m.sides.some((s) => ('winnerOf' in s && s.winnerOf === id) || ('loserOf' in s && s.loserOf === id)),
  );
}

export type Medals = { gold: string | null; silver: string | null; bronze: string[] };

export function medals(matches: readonly KnockoutMatch[], resolved: Map<string, Resolved>): Medals {
  const rounds = Math.max(...matches.map((m) => m.round));
  const final = resolved.get(matchId(rounds, 0));
  const third = resolved.get(THIRD_PLACE);
  const semis = rounds >= 2 ? [matchId(rounds - 1, 0), matchId(rounds - 1, 1)] : [];
  const bronze = third
    ? third.winner
      ? [third.winner]
      : []
    : semis.flatMap((id) => {
        const loser = resolved.get(id)?.loser;
        return loser ? [loser] : [];
      });
  return { gold: final?.winner ?? null, silver: final?.loser ?? null, bronze };
}

/** The round's name as printed: Chung kết, Bán kết, Tứ kết, Vòng 1/8… */
export function roundName(round: number, rounds: number, thirdPlace = false): Bilingual {
  if (thirdPlace) return { vi: 'Tranh hạng ba', en: 'Third place play-off' };
  const fromEnd = rounds - round;
  if (fromEnd === 0) return { vi: 'Chung kết', en: 'Final' };
  if (fromEnd === 1) return { vi: 'Bán kết', en: 'Semi-finals' };
  if (fromEnd === 2) return { vi: 'Tứ kết', en: 'Quarter-finals' };
  const last = 2 ** fromEnd;
  return { vi: `Vòng 1/${last}`, en: `Round of ${2 * last}` };
}
