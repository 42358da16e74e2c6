import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the tournament (topic `tournament` of GET /api/events, for those who hold
 * tournament.read): a draw made, a result recorded or corrected, the order of play worked out
 * again, a point scored on the umpire's phone (with the score, for the public pages and court
 * boards). The event names what changed; screens read it again.
 */
export type TournamentChange = 'draw' | 'result' | 'schedule' | 'score';

/** With a point scored on the umpire's phone: the match's games, the game in play, the side serving. */
export type LiveScore = { games: [number, number][]; score: [number, number]; serving: 0 | 1 | null };

export function publishTournament(
  platform: Platform,
  change: TournamentChange,
  ids: { tournamentId: string; eventId?: string; matchId?: string; live?: LiveScore },
): void {
  void platform.events.publish('tournament', { change, ...ids }).catch(() => {});
}
