import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '../../src/server/platform/db/database.ts';
import type { Config } from '../../src/server/platform/config/config.ts';
import { startPlatform, stopPlatform, type Platform } from '../../src/server/platform/platform.ts';
import { createLogger } from '../../src/server/platform/logging/logger.ts';
import { createApp, type App } from '../../src/server/app.ts';
import { systemActor } from '../../src/server/platform/audit/record.ts';
import { insertUser } from '../../src/server/platform/auth/users.ts';
import type { Role } from '../../src/server/platform/policy/permissions.ts';
import { openTestDatabase } from './databases.ts';
import { openDemoDatabase, testConfig } from './templates.ts';

/**
 * The wall clock a test moves; the platform's clock (ADR 30) reads it, moved to the demo date
 * when the config sets one. `setDay` puts it on a Việt Nam calendar day (at 10:00 there, unless
 * told), so a test says which day is "today" instead of computing one of its own.
 */
export type TestClock = {
  now: Date;
  advance(ms: number): void;
  set(d: Date): void;
  setDay(day: string, time?: string): void;
};

export type TestEnv = {
  platform: Platform;
  app: App;
  clock: TestClock;
  config: Config;
};

export type TestEnvOptions = {
  /**
   * Start from the demo data of these loaders (by name, in the demo's order) or of every one
   * (`'all'`), copied from a template built once (test/support/templates.ts) instead of loaded
   * by this file.
   */
  demo?: readonly string[] | 'all';
};

/** A platform on a fresh test database, with a clock the test can move. */
export async function createTestEnv(
  kind: DialectName,
  overrides: Partial<Config> = {},
  options: TestEnvOptions = {},
): Promise<TestEnv> {
  const database = options.demo ? await openDemoDatabase(kind, options.demo) : await openTestDatabase(kind);
  const clock: TestClock = {
    now: new Date(),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
    set(d) {
      this.now = d;
    },
    setDay(day, time = '10:00') {
      this.now = new Date(`${day}T${time}:00+07:00`);
    },
  };
  const config = testConfig(overrides);
  const platform = await startPlatform(config, { database, clock: () => clock.now, logger: createLogger('silent') });
  const app = createApp(platform, { webDir: null });
  return { platform, app, clock, config };
}

/** beforeAll/afterAll wiring: `const env = useTestEnv(kind)` then `env().app` inside tests. */
export function useTestEnv(
  kind: DialectName,
  overrides: Partial<Config> = {},
  options: TestEnvOptions = {},
): () => TestEnv {
  let env: TestEnv | undefined;
  beforeAll(async () => {
    env = await createTestEnv(kind, overrides, options);
  }, 600_000);
  afterAll(async () => {
    if (env) await stopPlatform(env.platform);
  });
  return () => {
    if (!env) throw new Error('test env not ready');
    return env;
  };
}

let counter = 0;

/** Factory: a user with the given roles (null unit = everywhere). Returns the username and password. */
export async function buildUser(
  platform: Platform,
  options: {
    username?: string;
    displayName?: string;
    password?: string;
    grants?: { role: Role; unitId: string | null }[];
  } = {},
) {
  const username = options.username ?? `user${++counter}${Date.now() % 100000}`;
  const password = options.password ?? 'correct-horse-battery';
  const user = await platform.db.transaction().execute((tx) =>
    insertUser(
      tx,
      platform.passwords,
      {
        username,
        displayName: options.displayName ?? `Người dùng ${counter}`,
        password,
        grants: options.grants ?? [],
      },
      systemActor('test'),
      platform.clock(),
    ),
  );
  return { ...user, password };
}
