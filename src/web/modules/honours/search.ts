// The campaign page's address, apart from the page: its route declares it without loading the page.
import { nominationStatuses, type NominationStatus } from './api.ts';

export const campaignTabs = ['overview', 'nominations', 'council', 'results'] as const;
export type CampaignTab = (typeof campaignTabs)[number];
/** The tab, and the nominations' filter and page, are in the address, so a link opens them as they were. */
export type CampaignSearch = { tab?: CampaignTab; category?: string; status?: NominationStatus; page?: number };

export function validateCampaignSearch(search: Record<string, unknown>): CampaignSearch {
  const out: CampaignSearch = {};
  if (
    typeof search.tab === 'string' &&
    (campaignTabs as readonly string[]).includes(search.tab) &&
    search.tab !== 'overview'
  )
    out.tab = search.tab as CampaignTab;
  if (typeof search.category === 'string' && /^[0-9a-f-]{36}$/i.test(search.category)) out.category = search.category;
  if (typeof search.status === 'string' && (nominationStatuses as string[]).includes(search.status))
    out.status = search.status as NominationStatus;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}
