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

/**
 * Counts of changes per table, read in one small query: what a test that sends thousands of
 * requests checks after each one (a count of every table's rows took 12–15 ms a time on PostgreSQL).
 * Row triggers add one to a table's counter for every row inserted, updated or deleted (and for a
 * TRUNCATE on PostgreSQL) in a transaction that commits — so a row changed in place is seen too,
 * which a row count misses. Tables given in `countOnly` (and SQLite's virtual tables, which take
 * no triggers) are counted as rows instead: e.g. `sessions`, whose `last_seen_at` every signed-in
 * request moves forward. The counters live in their own table, left out of `tables`.
 */
export type ChangeCounter = {
  /** Per table: its number of changes so far (or its rows, for a table only counted). */
  read(): Promise<Record<string, number>>;
  /** Tables whose number in `read()` is a row count rather than a count of changes. */
  counted: ReadonlySet<string>;
};

const CHANGES = 'kyniem_test_changes';

export async function countChanges(
  handle: DatabaseHandle,
  tables: string[],
  countOnly: string[] = [],
): Promise<ChangeCounter> {
  const counted = new Set(countOnly);
  if (handle.dialect === 'sqlite') {
    const virtual = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(handle.db);
    for (const { name } of virtual.rows) {
      counted.add(name);
      // An FTS table's own shadow tables (name_data, name_idx, …) change with it.
      for (const t of tables) if (t.startsWith(`${name}_`)) counted.add(t);
    }
  }
  const watched = tables.filter((t) => !counted.has(t) && t !== CHANGES);
  await sql`create table ${sql.table(CHANGES)} (t varchar(200) primary key, n bigint not null)`.execute(handle.db);
  for (const t of watched) await sql`insert into ${sql.table(CHANGES)} (t, n) values (${t}, 0)`.execute(handle.db);
  if (handle.dialect === 'postgres') {
    await sql
      .raw(
        `create function ${CHANGES}_count() returns trigger language plpgsql as $$ begin
           update ${CHANGES} set n = n + 1 where t = TG_TABLE_NAME; return null; end $$`,
      )
      .execute(handle.db);
    for (const t of watched) {
      const q = `"${t.replaceAll('"', '""')}"`;
      await sql
        .raw(
          `create trigger ${CHANGES}_rows after insert or update or delete on ${q} for each row execute function ${CHANGES}_count()`,
        )
        .execute(handle.db);
      await sql
        .raw(
          `create trigger ${CHANGES}_truncate after truncate on ${q} for each statement execute function ${CHANGES}_count()`,
        )
        .execute(handle.db);
    }
  } else {
    for (const [i, t] of watched.entries()) {
      const q = `"${t.replaceAll('"', '""')}"`;
      const literal = `'${t.replaceAll("'", "''")}'`;
      for (const event of ['insert', 'update', 'delete']) {
        await sql
          .raw(
            `create trigger ${CHANGES}_${i}_${event} after ${event} on ${q} for each row begin update ${CHANGES} set n = n + 1 where t = ${literal}; end`,
          )
          .execute(handle.db);
      }
    }
  }
  const rowsOf = [...counted].filter((t) => tables.includes(t));
  const parts = [
    sql`select t, n from ${sql.table(CHANGES)}`,
    ...rowsOf.map((t) => sql`select ${sql.lit(t)} as t, count(*) as n from ${sql.table(t)}`),
  ];
  return {
    counted,
    read: async () => {
      const r = await sql<{ t: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(handle.db);
      return Object.fromEntries(r.rows.map((row) => [row.t, Number(row.n)]));
    },
  };
}
