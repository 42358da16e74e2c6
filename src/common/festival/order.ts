/**
 * The performance order of a round, drawn by lot that anyone can repeat: the entries are put in
 * a stable order (by id) and shuffled by the tournament's seeded generator (`lotsFrom`), so the
 * same seed over the same entries gives the same order on the server, the phone and the command line.
 */
import { lotsFrom } from '../tournament/lots.ts';

export function drawPerformanceOrder(entryIds: readonly string[], seed: string): string[] {
  const stable = [...new Set(entryIds)].sort();
  return lotsFrom(`festival-order:${seed}`).shuffle(stable);
}
