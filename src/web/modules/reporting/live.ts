import { useLiveTopic } from '../../app/live.ts';

/**
 * Live updates of the reporting screens: the server publishes the topic `reporting` on every
 * save, submit, approval, return and reopening, and the totals, completeness and report states on
 * screen are read again. The open form is not: the person typing into it keeps their values (a
 * save over a newer version is refused and says so).
 */
const refreshed = [
  ['reporting', 'totals'],
  ['reporting', 'children'],
  ['reporting', 'completeness'],
  ['reporting', 'status'],
] as const;

export function useReportingLive(enabled = true): void {
  useLiveTopic('reporting', refreshed, enabled);
}
