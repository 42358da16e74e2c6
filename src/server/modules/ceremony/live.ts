import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the ceremony (topic `ceremony` of GET /api/events, for those who hold
 * ceremony.read): the show-caller's start, next and hold, and edits of the programme. The event
 * names the ceremony and what changed with the state's version; a screen (or a device that has
 * reconnected) reads the state again, so none depends on having heard every event.
 */
export type CeremonyChange = 'programme' | 'guests' | 'awards' | 'live';

export function publishCeremony(platform: Platform, ceremonyId: string, change: CeremonyChange, version: number): void {
  void platform.events.publish('ceremony', { ceremonyId, change, version }).catch(() => {});
}
