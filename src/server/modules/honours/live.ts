import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the Council's screens: the topic `honours` (GET /api/events, for those who hold
 * honours.read) after a session opens, attendance or a conflict changes, a round opens or closes,
 * a ballot is counted, or results are confirmed. The event names the session, round or campaign and
 * the kind of change, never a member or a choice: a screen learns only to read again what it may
 * already read (how many have voted, the tally once closed).
 */
export type HonoursChange =
  | 'session'
  | 'attendance'
  | 'conflict'
  | 'round_opened'
  | 'ballot'
  | 'round_counting'
  | 'round_closed'
  | 'confirmed';

export function publishHonours(
  platform: Platform,
  change: HonoursChange,
  ids: { sessionId?: string; roundId?: string; campaignId?: string },
): void {
  void platform.events.publish('honours', { change, ...ids }).catch(() => {});
}
