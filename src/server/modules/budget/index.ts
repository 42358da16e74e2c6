/**
 * The budget module's public entry (ADR 17): what other modules may use of it. The public website
 * lists the sponsors that agreed to be acknowledged.
 */
export { publicSponsors } from './sponsors.ts';
export type { AwardsOut, EstimateOut, OverviewOut, SponsorOut } from './schema.ts';
