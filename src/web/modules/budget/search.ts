// The budget page's address, apart from the page: its route declares it without loading the page.

export const budgetTabs = ['overview', 'estimates', 'awards', 'sponsors', 'spending', 'settlement'] as const;
export type BudgetTab = (typeof budgetTabs)[number];
export type BudgetSearch = { tab?: BudgetTab; plan?: string; activity?: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateBudgetSearch(search: Record<string, unknown>): BudgetSearch {
  const out: BudgetSearch = {};
  if (
    typeof search.tab === 'string' &&
    (budgetTabs as readonly string[]).includes(search.tab) &&
    search.tab !== 'overview'
  )
    out.tab = search.tab as BudgetTab;
  if (typeof search.plan === 'string' && uuid.test(search.plan)) out.plan = search.plan;
  if (typeof search.activity === 'string' && uuid.test(search.activity)) out.activity = search.activity;
  return out;
}
