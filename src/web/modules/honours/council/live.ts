import { useLiveTopic } from '../../../app/live.ts';

/**
 * Live updates of the honours screens: the server publishes the topic `honours` when a session
 * opens, attendance or a conflict changes, a round opens or closes, a ballot is counted or the
 * results are confirmed (never who chose what), and every honours query on screen is read again:
 * the secretary watches "voted 3/7" move, a member's phone sees the round open and close.
 */
const refreshed = [['honours']] as const;

export function useHonoursLive(enabled = true): void {
  useLiveTopic('honours', refreshed, enabled);
}
