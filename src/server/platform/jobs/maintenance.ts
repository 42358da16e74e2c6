import type { Platform } from '../platform.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { purgeExpired } from '../auth/throttle.ts';
import { purgeUnownedFiles } from '../files/store.ts';
import { optimizeSqlite } from '../db/database.ts';

/**
 * The platform's own housekeeping, run through the job queue once an hour by whichever process
 * gets there first (the hour is the job's dedupe key): expired sessions and old sign-in counters
 * go, unowned uploads older than a day go, finished jobs older than 30 days are deleted, and on
 * SQLite `PRAGMA optimize` refreshes the statistics of the tables that grew (PostgreSQL's autovacuum
 * does that itself).
 */
export const MAINTENANCE_JOB = 'platform.maintenance';

export function registerMaintenance(platform: Platform): void {
  platform.jobs.register(MAINTENANCE_JOB, async (_payload, { logger }) => {
    const now = platform.clock();
    // Sessions and sign-in counters are kept on real time (ADR 30).
    const sessions = await purgeExpiredSessions(platform.db, platform.wallClock(), platform.config.sessionIdleMinutes);
    const counters = await purgeExpired(platform.db, platform.wallClock());
    const files = await purgeUnownedFiles(platform.db, now);
    const old = new Date(now.getTime() - 30 * 86400_000).toISOString();
    const jobs = await platform.db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', old)
      .executeTakeFirst();
    const analysed = platform.database.sqlite ? optimizeSqlite(platform.database.sqlite, { all: true }) : null;
    logger.info('maintenance done', { sessions, counters, files, jobs: Number(jobs.numDeletedRows), analysed });
  });
}

export async function scheduleMaintenance(platform: Platform): Promise<void> {
  const hour = platform.clock().toISOString().slice(0, 13);
  await platform.jobs.enqueue(MAINTENANCE_JOB, {}, { dedupeKey: `${MAINTENANCE_JOB}:${hour}`, maxAttempts: 3 });
}
