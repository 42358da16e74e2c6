import { onSubtreeMove } from '../organisation/index.ts';
import { registerStatusSource } from '../plans/index.ts';
import { reportTemplatesSource } from './planSource.ts';
import { moveTotals } from './totals.ts';

/** What the reporting module sets up at start: its live totals follow a subtree that moves in the unit tree, and plan activities may take their status from it. */
const followMoves = (
  db: Parameters<Parameters<typeof onSubtreeMove>[0]>[0],
  move: { unitId: string; oldAncestors: string[]; newAncestors: string[] },
) => moveTotals(db, move.unitId, move.oldAncestors, move.newAncestors);

export function registerReportingTotals(): void {
  onSubtreeMove(followMoves);
  registerStatusSource(reportTemplatesSource);
}
