/**
 * The ceremony module's public entry (ADR 17): what other modules may use of it. The singing
 * festival registers its chosen acts here as a performance source (see sources.ts).
 */
export { type CeremonyAct, type PerformanceSource, registerPerformanceSource } from './sources.ts';
export type { CeremonyOut, LiveOut, PublicProgrammeOut } from './schema.ts';
export { publicCeremonies, publicProgramme, publishedCeremony } from './ceremonies.ts';
