import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the festival (topic `festival` of GET /api/events, for those who hold
 * festival.read): a sheet locked (who and which act, never the marks), the round closed or
 * certified, the act now performing changed, the ceremony's acts chosen. Screens read again.
 */
export type FestivalChange = 'sheet' | 'round' | 'now' | 'ceremony' | 'entry';

export function publishFestival(
  platform: Platform,
  change: FestivalChange,
  ids: { festivalId: string; roundId?: string; entryId?: string },
): void {
  void platform.events.publish('festival', { change, ...ids }).catch(() => {});
}
