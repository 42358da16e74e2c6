import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of budgets (topic `budget` of GET /api/events, for those who hold budget.read): a
 * sponsor's payment received, spending recorded, an estimate's version moved, the settlement
 * closed. The event names what changed and the plan; an open budget page reads again.
 */
export type BudgetChange = 'receipt' | 'spending' | 'estimate' | 'settlement' | 'sponsor';

export function publishBudget(platform: Platform, change: BudgetChange, planId: string) {
  void platform.events.publish('budget', { change, planId }).catch(() => {});
}
