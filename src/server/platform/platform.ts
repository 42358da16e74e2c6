import type { Config } from './config/config.ts';
import { migrateToLatest, openDatabase, sqliteFileIn, type DatabaseHandle, type Db } from './db/database.ts';
import { createMemoryEventBus, createPostgresEventBus, type EventBus } from './events/events.ts';
import { JobQueue } from './jobs/queue.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { createPasswordHasher, type PasswordHasher } from './auth/passwords.ts';
import { systemClock } from './clock/clock.ts';
import { flatScope, type UnitScope } from './policy/policy.ts';

/** What every module is handed: the database, the clock, the logger, live events and jobs. */
export type Platform = {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  logger: Logger;
  events: EventBus;
  jobs: JobQueue;
  passwords: PasswordHasher;
  /**
   * The system's clock (ADR 30): every "today", deadline, status, reminder and countdown reads it.
   * The wall clock, or with KYNIEM_DEMO_DATE the wall clock moved to that day.
   */
  clock: () => Date;
  /** The real time, for what must stay real whatever the demo date: sessions, sign-in throttling. */
  wallClock: () => Date;
  /** Replaced by the organisation module with the real unit tree. */
  unitScope: UnitScope;
};

export type PlatformOptions = {
  logger?: Logger;
  /** The wall clock (tests move it); the system's clock is this one, moved when a demo date is set. */
  clock?: () => Date;
  /** Use this database instead of the one the config names (tests). */
  database?: DatabaseHandle;
};

export async function openPlatformDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'sqlite', file: sqliteFileIn(config.dataDir) });
}

export async function startPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const wallClock = options.clock ?? (() => new Date());
  const clock = systemClock(config.demoDate, wallClock);
  const database = options.database ?? (await openPlatformDatabase(config));
  try {
    const result = await migrateToLatest(database);
    for (const r of result.results ?? []) logger.info('migration applied', { migration: r.migrationName });
    const events =
      database.dialect === 'postgres'
        ? await createPostgresEventBus(database.postgres!.url, database.postgres!.schema)
        : createMemoryEventBus();
    const jobs = new JobQueue(database.db, database.dialect, events, logger, clock);
    return {
      config,
      database,
      db: database.db,
      logger,
      events,
      jobs,
      passwords: createPasswordHasher(config.passwordCost),
      clock,
      wallClock,
      unitScope: flatScope,
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

export async function stopPlatform(platform: Platform): Promise<void> {
  await platform.jobs.stop();
  await platform.events.close();
  await platform.database.close();
}
