/**
 * The home module's public entry (ADR 17): nothing other modules need; the to-do list is made of
 * their own `todo` hooks and the leader's view of their own answers.
 */
export type { LeaderView, Todo, TodoEntry } from './schema.ts';
