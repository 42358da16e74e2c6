import { addDays } from '../../common/dates.ts';
import { absoluteUrl, SHARE_IMAGE } from './layout.tsx';

/**
 * A public event as schema.org describes it (JSON-LD `Event`, or `SportsEvent` for a tournament):
 * the tournament's, the festival's and the ceremony's pages all build theirs here, so each carries
 * the same fields — name, description, start and end in Việt Nam's time (+07:00) when the time of
 * day is known (a day alone otherwise), the place with its address, the organiser, status,
 * attendance mode, an image and the page's address.
 */
export type EventFacts = {
  type?: 'Event' | 'SportsEvent';
  name: string;
  description: string;
  /** The site's address (KYNIEM_PUBLIC_URL) and the page's path. */
  origin: string;
  path: string;
  /** YYYY-MM-DD, with HH:MM when the time of day is known. */
  startDay: string;
  startTime?: string | null;
  endDay?: string | null;
  endTime?: string | null;
  venue: string;
  organiser: string;
  /** The page's picture; the site's shared picture when absent. */
  image?: string | null;
  sport?: string;
  /** The event's language. */
  inLanguage?: string;
};

/** `2019-09-04T19:30:00+07:00`, or the day alone when the time is unknown. */
export function vietnamDateTime(day: string, time?: string | null): string {
  if (!time || !/^\d{2}:\d{2}$/.test(time)) return day;
  // times past midnight (24:10) belong to the next day
  const h = Number(time.slice(0, 2));
  if (h >= 24) return `${addDays(day, 1)}T${String(h - 24).padStart(2, '0')}${time.slice(2)}:00+07:00`;
  return `${day}T${time}:00+07:00`;
}

export function eventJsonLd(e: EventFacts): Record<string, unknown> {
  const url = absoluteUrl(e.origin, e.path);
  return {
    '@context': 'https://schema.org',
    '@type': e.type ?? 'Event',
    name: e.name,
    description: e.description,
    url,
    startDate: vietnamDateTime(e.startDay, e.startTime),
    endDate: vietnamDateTime(e.endDay ?? e.startDay, e.endTime ?? null),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: e.venue,
      address: { '@type': 'PostalAddress', streetAddress: e.venue, addressCountry: 'VN' },
    },
    organizer: { '@type': 'Organization', name: e.organiser, url: e.origin },
    image: [absoluteUrl(e.origin, e.image ?? SHARE_IMAGE.path)],
    ...(e.sport ? { sport: e.sport } : {}),
    inLanguage: e.inLanguage ?? 'vi',
  };
}
