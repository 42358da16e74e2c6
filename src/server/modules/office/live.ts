import type { Platform } from '../../platform/platform.ts';

/**
 * Live updates of the office network (topic `office` of GET /api/events, for those who hold
 * office.receive): a document sent, opened or acknowledged by a unit, an incoming document recorded
 * or assigned. The event names what changed; the receipt board and the inbox read again.
 */
export type OfficeChange = 'sent' | 'opened' | 'acknowledged' | 'incoming' | 'duty';

export function publishOffice(
  platform: Platform,
  change: OfficeChange,
  ids: { outgoingId?: string; incomingId?: string; dutyEventId?: string },
) {
  void platform.events.publish('office', { change, ...ids }).catch(() => {});
}
