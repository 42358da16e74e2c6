import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/server/platform/db/database.ts';

/**
 * A fingerprint of every table in the database: row count and a hash of the rows (sorted, so
 * row order does not matter). Comparing two of them tells whether a request changed anything.
 *
 * `ignoreColumns` leaves out columns that change without anyone changing data, e.g. a session's
 * `last_seen_at`, which sign-in checks move forward: the row itself (its existence, its user, its
 * token) still counts, so a session created or ended is still seen.
 */
export type TableFingerprint = { rows: number; hash: string };
export type DatabaseSnapshot = Record<string, TableFingerprint>;

export type SnapshotOptions = {
  ignoreColumns?: Record<string, string[]>;
  ignoreTables?: string[];
};

export async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  if (handle.dialect === 'sqlite') {
    const r = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(handle.db);
    return r.rows.map((x) => x.name).sort();
  }
  const r = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
    handle.db,
  );
  return r.rows.map((x) => x.name).sort();
}

function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function snapshotDatabase(
  handle: DatabaseHandle,
  options: SnapshotOptions = {},
  tables?: string[],
): Promise<DatabaseSnapshot> {
  const out: DatabaseSnapshot = {};
  for (const table of tables ?? (await tableNames(handle))) {
    if (options.ignoreTables?.includes(table)) continue;
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
    const ignored = new Set(options.ignoreColumns?.[table] ?? []);
    const rows = r.rows
      .map((row) => canonical(Object.fromEntries(Object.entries(row).filter(([k]) => !ignored.has(k)))))
      .sort();
    const hash = createHash('sha256');
    for (const row of rows) hash.update(row).update('\n');
    out[table] = { rows: rows.length, hash: hash.digest('hex').slice(0, 16) };
  }
  return out;
}

/** Row counts of the given tables in one round trip: a cheap check to run after every request. */
export async function rowCounts(handle: DatabaseHandle, tables: string[]): Promise<Record<string, number>> {
  const parts = tables.map((t) => sql`select ${sql.lit(t)} as t, count(*) as n from ${sql.table(t)}`);
  const r = await sql<{ t: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(handle.db);
  return Object.fromEntries(r.rows.map((row) => [row.t, Number(row.n)]));
}

/** The tables whose fingerprint differs, with before → after, for a readable failure. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((t) => before[t]?.hash !== after[t]?.hash || before[t]?.rows !== after[t]?.rows)
    .map(
      (t) =>
        `${t}: ${before[t]?.rows ?? '-'} rows ${before[t]?.hash ?? ''} → ${after[t]?.rows ?? '-'} rows ${after[t]?.hash ?? ''}`,
    );
}
