import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type DatabaseHandle, type DialectName } from '../../src/server/platform/db/database.ts';

/**
 * Every repository and integration test runs on SQLite and on PostgreSQL. PostgreSQL is at
 * TEST_DATABASE_URL (default: the local server, database `test`); each test file gets its own
 * schema, dropped at the end. With REQUIRE_POSTGRES=1 an unreachable server fails the run
 * instead of skipping PostgreSQL.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (err) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${postgresUrl} is unreachable: ${(err as Error).message}`);
    }
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const hasPostgres = await postgresReachable();
if (!hasPostgres) console.warn(`PostgreSQL at ${postgresUrl} is unreachable: PostgreSQL tests are skipped.`);

export const dialects: DialectName[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh, empty database of the given kind, removed again by close(). */
export async function openTestDatabase(kind: DialectName): Promise<DatabaseHandle> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-test-'));
    const handle = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'kyniem.db') });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = await openDatabase({ kind: 'postgres', url: postgresUrl, schema, poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** Runs the same suite once per database: `describeEachDatabase('accounts', (kind) => { … })`. */
export function describeEachDatabase(name: string, suite: (kind: DialectName) => void): void {
  for (const kind of dialects) describe(`${name} [${kind}]`, () => suite(kind));
}
