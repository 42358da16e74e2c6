import type { Platform } from '../../../platform/platform.ts';
import { publicCeremonies } from '../../ceremony/index.ts';
import { publicTournaments } from '../../tournament/index.ts';
import { publicFestivals } from '../../festival/index.ts';

/**
 * The events the public site lists, from the modules that hold them: the tournaments (their
 * own pages under /giai-dau, with live results), the festivals (/hoi-dien, results once
 * certified), the published ceremonies (their programme under
 * /su-kien/le-ky-niem). Each with its days and where it stands today.
 */
export type EventKind = 'tournament' | 'festival' | 'ceremony';
export type EventState = 'upcoming' | 'live' | 'past';
export type PublicEvent = {
  kind: EventKind;
  code: string;
  name: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  path: string;
  state: EventState;
};

export const CEREMONY_PATH = '/su-kien/le-ky-niem';

export function stateOn(today: string, startsOn: string, endsOn: string): EventState {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'past' : 'live';
}

/** Upcoming and live first (soonest first), then the past (latest first). */
export function eventOrder(a: PublicEvent, b: PublicEvent): number {
  const rank = (e: PublicEvent) => (e.state === 'past' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return rank(a) === 0 ? a.startsOn.localeCompare(b.startsOn) : b.startsOn.localeCompare(a.startsOn);
}

export async function publicEvents(platform: Platform, today: string): Promise<PublicEvent[]> {
  const [tournaments, ceremonies, festivals] = await Promise.all([
    publicTournaments(platform),
    publicCeremonies(platform),
    publicFestivals(platform.db),
  ]);
  const events: PublicEvent[] = [
    ...tournaments.map((t) => ({
      kind: 'tournament' as const,
      code: t.code,
      name: t.name,
      venue: t.venue,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      path: `/giai-dau/${encodeURIComponent(t.code)}`,
      state: stateOn(today, t.startsOn, t.endsOn),
    })),
    ...festivals
      .filter((f) => f.date !== null)
      .map((f) => ({
        kind: 'festival' as const,
        code: f.code,
        name: f.name,
        venue: f.venue ?? '',
        startsOn: f.date!,
        endsOn: f.date!,
        path: f.link,
        state: stateOn(today, f.date!, f.date!),
      })),
    ...ceremonies.items.map((c) => ({
      kind: 'ceremony' as const,
      code: c.code,
      name: c.name,
      venue: c.venue,
      startsOn: c.eventDate,
      endsOn: c.eventDate,
      path: `${CEREMONY_PATH}/${encodeURIComponent(c.code)}`,
      state: stateOn(today, c.eventDate, c.eventDate),
    })),
  ];
  return events.sort(eventOrder);
}
