/**
 * The festival module's public entry (ADR 17): what other modules may use of it. The ceremony
 * reads the chosen acts with their measured durations; the documents read festivals, rounds,
 * sheets (with the head judge's changes) and the certified results through these.
 */
export { actsForCeremonyOn, ceremonyActs, describeEntries, getFestival, listFestivals } from './festivals.ts';
export { listSheets, roundResults } from './judging.ts';
export { getRound, runningOrder } from './rounds.ts';
export type { CeremonyOut, EntryOut, FestivalOut, ResultsOut, RoundOut, SheetOut } from './schema.ts';
// The public website's events page lists the festivals (code, name, date, venue, certified, link).
export { type PublicFestivalSummary, publicFestivals } from './publicFestivals.ts';
