import { isScoringId, type Outcome, scoringRules } from '../../../common/tournament/scoring.ts';
import {
  rubberLabel,
  rubbersToWin,
  type TeamTie,
  type TieFormat,
  tieResult,
} from '../../../common/tournament/teams.ts';
import type { Platform } from '../../platform/platform.ts';
import { personRefs } from '../organisation/index.ts';
import type { TieOut } from './schema.ts';

/** A tie's stored state (tournament_matches.tie_json, ADR 35) and how the screens see it. */

export type RubberResult = { games: [number, number][]; outcome: Outcome | null; winner: 0 | 1 };
export type TieState = {
  /** Per side, per rubber, the players' person ids; null until the captain gives it. */
  lineups: [string[][] | null, string[][] | null];
  rubbers: (RubberResult | null)[];
};

export const tieFormatOf = (json: string | null): TieFormat | null => (json ? (JSON.parse(json) as TieFormat) : null);

export function tieStateOf(json: string | null, format: TieFormat): TieState {
  const state = json ? (JSON.parse(json) as TieState) : null;
  return {
    lineups: state?.lineups ?? [null, null],
    rubbers: format.rubbers.map((_, i) => state?.rubbers[i] ?? null),
  };
}

/** The rubbers as the ranking and tieResult take them. */
export const rubberScores = (state: TieState) =>
  state.rubbers.map((r) =>
    r ? { games: r.games, outcome: r.outcome ?? undefined, winner: r.winner } : null,
  ) as TeamTie['rubbers'];

/** The tie as the screens show it: line-ups once both captains have given them, rubbers and score. */
export function tieView(
  row: { tie_json: string | null; outcome: string | null; winner_side: number | null },
  format: TieFormat,
  scoring: string,
  names: ReadonlyMap<string, string>,
): TieOut {
  const state = tieStateOf(row.tie_json, format);
  const rule = scoringRules[isScoringId(scoring) ? scoring : 'bo3-21'];
  const result = tieResult(rule, format, rubberScores(state));
  const bothIn = state.lineups[0] !== null && state.lineups[1] !== null;
  const decided = result.winner !== null || row.outcome !== null;
  return {
    needed: rubbersToWin(format),
    score: result.rubbers,
    lineupIn: [state.lineups[0] !== null, state.lineups[1] !== null],
    rubbers: format.rubbers.map((kind, i) => {
      const r = state.rubbers[i];
      const players = ([0, 1] as const).map((s) =>
        bothIn ? (state.lineups[s]![i] ?? []).map((id) => ({ id, name: names.get(id) ?? '' })) : [],
      );
      return {
        number: i + 1,
        kind,
        label: rubberLabel(format, i),
        players,
        games: r?.games ?? [],
        outcome: r?.outcome ?? null,
        winner: r ? (r.winner === 0 ? 'a' : 'b') : null,
        status: r
          ? 'finished'
          : decided && !(format.playAll && row.outcome === null)
            ? 'not_needed'
            : bothIn
              ? 'ready'
              : 'waiting',
      };
    }),
  };
}

/** The names of everyone in the ties' line-ups. */
export async function lineupNames(
  platform: Platform,
  rows: readonly { tie_json: string | null }[],
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const r of rows) {
    if (!r.tie_json) continue;
    const s = JSON.parse(r.tie_json) as TieState;
    for (const side of s.lineups) for (const rubber of side ?? []) for (const id of rubber) ids.add(id);
  }
  const refs = await personRefs(platform, [...ids]);
  return new Map([...refs].map(([id, p]) => [id, p.fullName]));
}
