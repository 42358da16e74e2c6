import { todayIso } from '../../common/dates.ts';

/**
 * The system's clock as the web app sees it (ADR 30): the server says its today in GET
 * /api/auth/me; the browser keeps the whole days between that and its own day, so a screen's
 * "today" is the server's — the demo date when one is set — and runs on from it.
 */
let offsetDays = 0;
let demo: string | null = null;
const DAY_MS = 86_400_000;

/** Takes the server's clock from GET /api/auth/me. */
export function setServerClock(clock: { today: string; demoDate: string | null }): void {
  const mine = todayIso(new Date());
  offsetDays = Math.round((Date.parse(`${clock.today}T00:00:00Z`) - Date.parse(`${mine}T00:00:00Z`)) / DAY_MS);
  demo = clock.demoDate;
}

/** Now, by the system's clock. */
export const systemNow = (): Date => new Date(Date.now() + offsetDays * DAY_MS);

/** Today (Việt Nam's calendar day, YYYY-MM-DD) by the system's clock. */
export const systemToday = (): string => todayIso(systemNow());

/** The demo date the server was started with, or null. */
export const demoDate = (): string | null => demo;
