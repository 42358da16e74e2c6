// The tournament page's address, apart from the page: its route declares it without loading the page.

export const tournamentTabs = [
  'events',
  'entries',
  'draw',
  'matches',
  'order',
  'standings',
  'participation',
  'umpires',
] as const;
export type TournamentTab = (typeof tournamentTabs)[number];
export type TournamentSearch = { tab?: TournamentTab; event?: string };

/** The tab and the event shown are in the address (`?tab=draw&event=…`), so a link opens them. */
export function validateTournamentSearch(search: Record<string, unknown>): TournamentSearch {
  const out: TournamentSearch = {};
  if (
    typeof search.tab === 'string' &&
    (tournamentTabs as readonly string[]).includes(search.tab) &&
    search.tab !== 'events'
  )
    out.tab = search.tab as TournamentTab;
  if (typeof search.event === 'string' && /^[0-9a-f-]{36}$/i.test(search.event)) out.event = search.event;
  return out;
}

export type UmpireSearch = { rubber?: number };

/** The umpire's phone on a tie names the rubber scored (`?rubber=2`); without it the next one to play opens. */
export function validateUmpireSearch(search: Record<string, unknown>): UmpireSearch {
  const n = Number(search.rubber);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? { rubber: n } : {};
}
