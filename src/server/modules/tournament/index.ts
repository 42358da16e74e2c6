/**
 * The tournament module's public entry (ADR 17): what other modules may use of it. Nothing yet;
 * the website and the office register will read results and documents through here.
 */
export type { DrawOut, MatchOut, TournamentOut } from './schema.ts';
export { publicTournament, publicTournaments, type PublicTournamentSummary } from './publicView.ts';
