import { formatDmy } from '../../../common/dates.ts';

/** "2019-09-04T16:30" → "16:30 04/09/2019" (the server's Vietnam wall-clock times, shown as they are). */
export const momentLabel = (m: string) => `${m.slice(11, 16)} ${formatDmy(m.slice(0, 10))}`;

/** "16:30 – 21:45, 04/09/2019" on one day; both moments in full across days. */
export function spanLabel(from: string, to: string): string {
  if (from.slice(0, 10) === to.slice(0, 10))
    return `${from.slice(11, 16)} – ${to.slice(11, 16)}, ${formatDmy(from.slice(0, 10))}`;
  return `${momentLabel(from)} – ${momentLabel(to)}`;
}

/** A day ("YYYY-MM-DD") and a time ("HH:mm") → the API's moment, or null while either is missing. */
export const momentOf = (day: string | null, time: string) =>
  day && /^\d{2}:\d{2}$/.test(time) ? `${day}T${time}` : null;
