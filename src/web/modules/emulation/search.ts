// The drive page's address, apart from the page: its route declares it without loading the page.

export const driveTabs = ['overview', 'participants', 'registrations', 'results'] as const;
export type DriveTab = (typeof driveTabs)[number];
export type DriveSearch = { tab?: DriveTab };

/** The tab is in the address (`?tab=registrations`), so a link can open the right one. */
export function validateDriveSearch(search: Record<string, unknown>): DriveSearch {
  return typeof search.tab === 'string' &&
    (driveTabs as readonly string[]).includes(search.tab) &&
    search.tab !== 'overview'
    ? { tab: search.tab as DriveTab }
    : {};
}
