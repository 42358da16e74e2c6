import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { initialiseModules } from '../../src/server/app.ts';
import { demoLoaders } from '../../src/server/demo.ts';
import { loadConfig, type Config } from '../../src/server/platform/config/config.ts';
import { openDatabase, type DatabaseHandle, type DialectName } from '../../src/server/platform/db/database.ts';
import { createLogger } from '../../src/server/platform/logging/logger.ts';
import { startPlatform, stopPlatform } from '../../src/server/platform/platform.ts';
import { openTestDatabase, postgresUrl } from './databases.ts';

/**
 * Demo data loaded once, copied per test file. Loading the seed's whole demo takes tens of
 * seconds on PostgreSQL (every module's loader goes through its services), and a dozen files need
 * it; so the first file that asks builds a template — a SQLite file, or a PostgreSQL database —
 * and every later one copies it: a file copy, or `CREATE DATABASE … TEMPLATE`.
 *
 * A template is named by what it holds: the loaders applied and a hash of the server's sources,
 * the shared code and the test configuration, so that a change to a migration, a demo loader or
 * a service builds a new one instead of handing out stale rows. Builders take a lock (a lock
 * file; a PostgreSQL advisory lock) so that workers starting together build it once.
 */

/** The configuration every test platform runs with (createTestEnv adds a test's overrides). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ KYNIEM_PASSWORD_COST: '10', LOG_LEVEL: 'silent', TRUST_PROXY: '1' }), ...overrides };
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|json|docx|txt|md)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        hash.update(path.relative(repoRoot, full)).update('\0').update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(repoRoot, 'src/server'));
  walk(path.join(repoRoot, 'src/common'));
  hash.update(fs.readFileSync(path.join(import.meta.dirname, 'templates.ts')));
  return hash.digest('hex');
}

let cachedHash: string | undefined;

/** The names of the loaders, in the order the demo applies them; `'all'` is every one. */
function loadersFor(names: readonly string[] | 'all') {
  if (names === 'all') return demoLoaders;
  for (const n of names) if (!demoLoaders.some((l) => l.name === n)) throw new Error(`no demo loader named ${n}`);
  return demoLoaders.filter((l) => names.includes(l.name));
}

function templateKey(names: readonly string[] | 'all'): string {
  cachedHash ??= sourcesHash();
  const loaders = loadersFor(names).map((l) => l.name);
  return createHash('sha256').update(cachedHash).update(loaders.join(',')).digest('hex').slice(0, 16);
}

/** Runs the loaders on a migrated database, as a test platform would, then stops the platform. */
async function fill(database: DatabaseHandle, names: readonly string[] | 'all'): Promise<void> {
  const platform = await startPlatform(testConfig(), { database, logger: createLogger('silent') });
  try {
    initialiseModules(platform);
    for (const loader of loadersFor(names)) await loader.load(platform);
    await platform.jobs.stop();
  } finally {
    await stopPlatform(platform);
  }
}

const templateDir = path.join(os.tmpdir(), 'kyniem-test-templates');

/** Templates of sources no test has used for this long are removed when a new one is built. */
const STALE_MS = 3 * 60 * 60_000;

function removeStaleSqliteTemplates(): void {
  for (const name of fs.readdirSync(templateDir)) {
    const full = path.join(templateDir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && name.endsWith('.db') && Date.now() - stat.mtimeMs > STALE_MS) fs.rmSync(full, { force: true });
  }
}

async function sqliteTemplate(names: readonly string[] | 'all'): Promise<string> {
  fs.mkdirSync(templateDir, { recursive: true });
  const file = path.join(templateDir, `demo-${templateKey(names)}.db`);
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file)) {
      const now = new Date();
      fs.utimesSync(file, now, now);
      return file;
    }
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      // Someone else is building it; a lock older than ten minutes was left by a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) fs.rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      removeStaleSqliteTemplates();
      const building = `${file}.${process.pid}.building`;
      const database = await openDatabase({ kind: 'sqlite', file: building });
      await fill(database, names);
      // The platform closed the connection, which checkpoints the WAL into the file.
      for (const extra of ['-wal', '-shm']) fs.rmSync(`${building}${extra}`, { force: true });
      fs.renameSync(building, file);
      return file;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

function databaseUrl(name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * PostgreSQL keeps no date of last use for a database, so the templates' uses are noted in a small
 * table of the `test` database, and templates unused for a while are dropped when one is built.
 */
async function noteUse(client: pg.Client, name: string): Promise<void> {
  await client.query(
    'create table if not exists public.kyniem_test_templates (name text primary key, used_at timestamptz not null)',
  );
  await client.query(
    'insert into public.kyniem_test_templates (name, used_at) values ($1, now()) on conflict (name) do update set used_at = now()',
    [name],
  );
}

async function dropStalePostgresTemplates(client: pg.Client): Promise<void> {
  const stale = await client.query<{ name: string }>(
    `select name from public.kyniem_test_templates where used_at < now() - make_interval(secs => $1)`,
    [STALE_MS / 1000],
  );
  for (const { name } of stale.rows) {
    if (!/^kyniem_tpl_[0-9a-f]{16}$/.test(name)) continue;
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query('delete from public.kyniem_test_templates where name = $1', [name]);
  }
}

async function postgresTemplate(names: readonly string[] | 'all'): Promise<string> {
  const name = `kyniem_tpl_${templateKey(names)}`;
  const exists = (client: pg.Client) =>
    client.query('select 1 from pg_database where datname = $1', [name]).then((r) => (r.rowCount ?? 0) > 0);
  return withAdmin(async (client) => {
    // One lock for every template: building is rare, and the table of uses is shared.
    const lockId = 0x6b796e;
    await client.query('select pg_advisory_lock($1)', [lockId]);
    try {
      await noteUse(client, name);
      if (await exists(client)) return name;
      await dropStalePostgresTemplates(client);
      const building = `${name}_b${process.pid}`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}`);
      const database = await openDatabase({
        kind: 'postgres',
        url: databaseUrl(building),
        schema: 'public',
        poolSize: 5,
      });
      await fill(database, names);
      await client.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [lockId]);
    }
  });
}

/**
 * A fresh database holding the demo data of the given loaders (or `'all'`), removed again by
 * close(): a copy of the template, built first if this is the first file to ask.
 */
export async function openDemoDatabase(
  kind: DialectName,
  names: readonly string[] | 'all' = 'all',
): Promise<DatabaseHandle> {
  if (kind === 'sqlite') {
    const template = await sqliteTemplate(names);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-test-'));
    const file = path.join(dir, 'kyniem.db');
    fs.copyFileSync(template, file);
    const handle = await openDatabase({ kind: 'sqlite', file });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = await postgresTemplate(names);
  const copy = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    // Two copies of one template at the same moment can meet "being accessed by other users".
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${copy} template ${template}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(copy), schema: 'public', poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin((client) => client.query(`drop database if exists ${copy} with (force)`));
    },
  };
}

export { openTestDatabase };
