import { organisersSignature } from '../organisation/index.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { issueOnce, registeredNumber } from '../office/index.ts';
import { type Caller, requireManage } from './access.ts';
import { findFestival } from './festivals.ts';
import { findRound } from './rounds.ts';

/**
 * The prize decision's number (ADR 23): the organisers take it once from the office's outgoing
 * register, in the QĐ series of the term the round's day falls in, once the head judge has
 * certified the round. The decision prints it from then on; before, its number line is blank.
 */
export const decisionSource = (roundId: string) => ({ type: 'festival.decision', id: roundId });

export type DecisionNumber = { symbol: string; number: number; issuedOn: string } | null;

export async function decisionNumber(platform: Platform, roundId: string): Promise<DecisionNumber> {
  await findRound(platform.db, roundId);
  const found = await registeredNumber(platform.db, decisionSource(roundId));
  return found ? { symbol: found.symbol, number: found.number, issuedOn: found.issuedOn } : null;
}

export async function issueDecision(platform: Platform, caller: Caller, roundId: string): Promise<DecisionNumber> {
  requireManage(caller);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const round = await findRound(tx, roundId);
    // The round's row first (a row lock): two organisers issuing at once take one number between them.
    const locked = await tx
      .updateTable('festival_rounds')
      .set({ status: 'certified' })
      .where('id', '=', roundId)
      .where('status', '=', 'certified')
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) === 0)
      throw fail.conflict('RESULTS_SECRET', {
        vi: 'Vòng thi chưa được Trưởng ban giám khảo chứng nhận kết quả: chưa cấp số quyết định được.',
        en: 'The head judge has not certified this round: the decision cannot take a number yet.',
      });
    const festival = await findFestival(tx, round.festival_id);
    const issued = await issueOnce(
      tx,
      caller.actor,
      {
        type: 'QĐ',
        date: round.held_on,
        summary: `Công nhận kết quả và trao giải ${round.name}, ${festival.name}`,
        signer: {
          name: (await organisersSignature({ db: tx }, festival.organiser_unit_id, round.held_on)).name,
          position: 'Trưởng Ban Tổ chức liên hoan',
        },
        source: decisionSource(roundId),
      },
      now,
    );
    if (issued.existing)
      throw fail.conflict('DECISION_ISSUED', {
        vi: `Quyết định trao giải của vòng thi này đã có số ${issued.symbol}.`,
        en: `This round’s prize decision already has the number ${issued.symbol}.`,
      });
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.decision_issue',
        entityType: 'festival_round',
        entityId: roundId,
        after: { outgoingId: issued.id, symbol: issued.symbol },
      },
      now,
    );
  });
  return decisionNumber(platform, roundId);
}
