// The ceremony pages' addresses, apart from the pages: their routes declare them without loading the pages.

export const ceremonyTabs = ['programme', 'guests', 'awards', 'rehearsal', 'report'] as const;
export type CeremonyTab = (typeof ceremonyTabs)[number];
export type CeremonySearch = { tab?: CeremonyTab };

export function validateCeremonySearch(search: Record<string, unknown>): CeremonySearch {
  return typeof search.tab === 'string' &&
    (ceremonyTabs as readonly string[]).includes(search.tab) &&
    search.tab !== 'programme'
    ? { tab: search.tab as CeremonyTab }
    : {};
}

export const showViews = ['caller', 'timer', 'mc', 'backstage', 'screen'] as const;
export type ShowView = (typeof showViews)[number];
export type ShowSearch = { view?: ShowView };

export function validateShowSearch(search: Record<string, unknown>): ShowSearch {
  return typeof search.view === 'string' &&
    (showViews as readonly string[]).includes(search.view) &&
    search.view !== 'caller'
    ? { view: search.view as ShowView }
    : {};
}
