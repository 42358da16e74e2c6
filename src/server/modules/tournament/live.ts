import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the tournament (topic `tournament` of GET /api/events, for those who hold
 * tournament.read): a draw made, a result recorded or corrected, the order of play worked out
 * again, a point scored on the umpire's phone (with the score, for the public pages and court
 * boards). The event names what changed; screens read it again.
 */
export type TournamentChange = 'draw' | 'result' | 'schedule' | 'score';

import type { LiveScore } from '../../../common/tournament/umpire.ts';

export function publishTournament(
  platform: Platform,
  change: TournamentChange,
  ids: { tournamentId: string; eventId?: string; matchId?: string; live?: LiveScore },
): void {
  void platform.events.publish('tournament', { change, ...ids }).catch(() => {});
}
