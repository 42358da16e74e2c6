import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type MigrationResultSet } from 'kysely';
import type pg from 'pg';
import type { Database } from './tables.ts';
import { allMigrations } from '../modules.ts';
import { OwnSchemaPostgresDialect } from './ownSchema.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  /** The SQLite file (only on SQLite). */
  file?: string;
  /** The raw better-sqlite3 connection, for backup and integrity checks (only on SQLite). */
  sqlite?: SqliteDatabase.Database;
  /** The PostgreSQL connection string and schema (only on PostgreSQL). */
  postgres?: { url: string; schema: string };
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'kyniem.db');
}

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is first opened: a server on SQLite
 * never loads it (start-up time and memory, ADR 1).
 */
export async function loadPg(): Promise<typeof pg> {
  const driver = (await import('pg')).default;
  // PostgreSQL returns int8 (count(*)) as text by default; our counts fit in a double.
  driver.types.setTypeParser(20, (v) => Number(v));
  return driver;
}

export function openSqliteConnection(file: string): SqliteDatabase.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new SqliteDatabase(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  return conn;
}

/**
 * Kysely prepares every query afresh; on better-sqlite3 that costs more than running most of our
 * queries. The same SQL text comes back again and again (parameters are bound separately), so
 * statements are kept, the most recent 500 of them. A statement still iterating is never reused.
 * Every statement Kysely runs passes through `prepare` just before it runs, so the wrapper also
 * counts the ones that may write (`writes`): with SQLite's `data_version` (commits by any other
 * connection or process) it tells `sqliteChangeStamp` whether anything may have changed.
 */
export function withStatementCache(conn: SqliteDatabase.Database, size = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const counter = { writes: 0 };
  return {
    counter,
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        if (!cached.readonly) counter.writes++;
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const stmt = conn.prepare(text);
      if (!stmt.readonly) counter.writes++;
      if (!cached) {
        cache.set(text, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close() {
      cache.clear();
      conn.close();
    },
  };
}

type SqliteLink = {
  conn: SqliteDatabase.Database;
  counter: { writes: number };
  dataVersion: SqliteDatabase.Statement<[], number>;
  stamp: { version: number; writes: number };
};
const sqliteLinks = new WeakMap<object, SqliteLink>();

/**
 * The raw better-sqlite3 connection behind a Kysely instance opened by `openDatabase`, when it is
 * not inside a transaction: a hot read may then run its prepared statement synchronously
 * (`compileOnce`), seeing exactly what Kysely would (committed data, no transaction of this
 * connection open). Undefined on PostgreSQL, for a transaction's Kysely, and while this
 * connection has a transaction open (the read then waits its turn through Kysely, as before).
 */
export function idleSqliteConnection(db: object): SqliteDatabase.Database | undefined {
  const link = sqliteLinks.get(db);
  return link && !link.conn.inTransaction ? link.conn : undefined;
}

/**
 * An object that stays the same exactly as long as nothing in the SQLite database can have changed
 * since the last call: no commit by another connection or process (`PRAGMA data_version`) and no
 * statement that may write run by this one through Kysely. Null on PostgreSQL and while this
 * connection is inside a transaction. What is read while it stays the same may be kept.
 */
export function sqliteChangeStamp(db: object): object | null {
  const link = sqliteLinks.get(db);
  if (!link || link.conn.inTransaction) return null;
  const version = link.dataVersion.get() as number;
  const writes = link.counter.writes;
  if (version !== link.stamp.version || writes !== link.stamp.writes) link.stamp = { version, writes };
  return link.stamp;
}

/**
 * Keeps SQLite's query plans good as the data grows: `PRAGMA optimize` gathers the statistics
 * (ANALYZE, within a bounded effort) of the tables that have changed enough since they were last
 * measured. Run when a long-lived connection closes and by the hourly housekeeping job; `all`
 * looks at every table, not only those this connection has queried (SQLite's advice for the
 * housekeeping of a connection that stays open). Returns the tables it measured, from
 * `sqlite_stat1`, for the log.
 */
export function optimizeSqlite(conn: SqliteDatabase.Database, options: { all?: boolean } = {}): number {
  if (!conn.open || conn.readonly) return 0;
  conn.pragma('analysis_limit = 400');
  conn.pragma(options.all ? 'optimize = 0x10002' : 'optimize');
  const stat = conn.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as {
    n: number;
  };
  if (!stat.n) return 0;
  return (conn.prepare('select count(distinct tbl) as n from sqlite_stat1').get() as { n: number }).n;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === 'sqlite') {
    const conn = openSqliteConnection(options.file);
    const statements = withStatementCache(conn);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    sqliteLinks.set(db, {
      conn,
      counter: statements.counter,
      dataVersion: conn.prepare<[], number>('pragma data_version').pluck(),
      stamp: { version: -1, writes: -1 },
    });
    return {
      db,
      dialect: 'sqlite',
      file: options.file,
      sqlite: conn,
      close: async () => {
        try {
          optimizeSqlite(conn);
        } catch {
          // a busy or closing database keeps its old statistics; closing matters more
        }
        await db.destroy();
      },
    };
  }
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const pg = await loadPg();
  if (schema !== 'public') {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: `-c search_path=${schema}`,
  });
  // An idle client that loses its server must not take the process down.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }, schema) });
  return {
    db,
    dialect: 'postgres',
    postgres: { url: options.url, schema },
    close: () => db.destroy(),
  };
}

/**
 * Applies every migration not yet applied. On PostgreSQL the migration tables are looked for in
 * the handle's own schema: Kysely otherwise finds another schema's lock table on the same server
 * and skips creating its own.
 */
export async function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'postgres'>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => allMigrations() },
    ...(handle.postgres ? { migrationTableSchema: handle.postgres.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Names of migrations this code knows, to refuse a database (or a backup) from a newer version. */
export function knownMigrations(): string[] {
  return Object.keys(allMigrations()).sort();
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
