/**
 * The publicity module's public entry (ADR 17): what other modules may use of it: the published pieces for the public website —
 * the plan reads its progress through the status source registered at start.
 */
export type { PieceOut } from './schema.ts';
export { outletLabel, type PublicPiece, publishedPieces } from './publicPieces.ts';
