import { formatDmy } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';
import { planLines, settlementOf } from './figures.ts';

/**
 * The plan's budget activity (III.4: the Office prepares the estimate and mobilises social
 * resources) takes its status from the budget: done on the day the settlement is closed, once
 * every estimate of the plan has an approved version; in progress until then, the percent being
 * the share of estimates approved (half) and the settlement (the other half).
 */
export const budgetSettledSource: ActivityStatusSource = {
  key: 'budget.settled',
  label: {
    vi: 'Dự toán được duyệt và quyết toán đã khóa sổ (phân hệ kinh phí)',
    en: 'Estimates approved and the settlement closed (budget)',
  },
  async evaluate(platform, activity, _plan, today) {
    const { estimates } = await planLines(platform.db, activity.planId);
    if (estimates.length === 0) return null;
    const approved = estimates.filter((e) => e.approved && e.approved.decided_on && e.approved.decided_on <= today);
    const settlement = await settlementOf(platform.db, activity.planId);
    const settled = settlement !== null && settlement.closedOn <= today;
    const all = approved.length === estimates.length;
    if (all && settled)
      return {
        doneOn: settlement.closedOn,
        percent: 100,
        figure: approved.length,
        note: {
          vi: `${approved.length}/${estimates.length} dự toán đã duyệt; quyết toán khóa sổ ngày ${formatDmy(settlement.closedOn)}.`,
          en: `${approved.length} of ${estimates.length} estimates approved; settlement closed on ${formatDmy(settlement.closedOn)}.`,
        },
      };
    return {
      doneOn: null,
      percent: Math.min(99, Math.round((approved.length / estimates.length) * 50 + (settled ? 50 : 0))),
      figure: approved.length,
      note: {
        vi: `${approved.length}/${estimates.length} dự toán đã duyệt; ${settled ? 'quyết toán đã khóa sổ' : 'chưa quyết toán'}.`,
        en: `${approved.length} of ${estimates.length} estimates approved; ${settled ? 'settlement closed' : 'not settled yet'}.`,
      },
    };
  },
};
