/**
 * The system module's public entry (ADR 17): the home page's counts and the live topics.
 */

export { type OverviewSource, overviewSources, topicPermission } from './service.ts';
