import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, optimizeSqlite } from './database.ts';

/**
 * SQLite keeps its query plans good as data grows only when its statistics are kept: the
 * connection runs `PRAGMA optimize` when it closes, and the hourly housekeeping runs it over
 * every table (issue 13). PostgreSQL's autovacuum analyses by itself, so this is SQLite's alone.
 */
describe('PRAGMA optimize on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-optimize-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const fill = (conn: SqliteDatabase.Database) => {
    conn.exec('create table items (id integer primary key, unit text not null, day text not null)');
    conn.exec('create index items_unit on items (unit, day)');
    const insert = conn.prepare('insert into items (unit, day) values (?, ?)');
    conn.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`CS${String(i % 18).padStart(2, '0')}`, `2019-07-${(i % 28) + 1}`);
    })();
  };
  const stats = (file: string) => {
    const raw = new SqliteDatabase(file, { readonly: true });
    try {
      const has = raw.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as {
        n: number;
      };
      return has.n ? (raw.prepare("select tbl, idx from sqlite_stat1 where tbl = 'items'").all() as unknown[]) : [];
    } finally {
      raw.close();
    }
  };

  it('the housekeeping measures every table that has none, whether or not this connection read it', () => {
    const file = path.join(dir, 'housekeeping.db');
    const conn = new SqliteDatabase(file);
    fill(conn);
    expect(optimizeSqlite(conn, { all: true })).toBeGreaterThan(0);
    conn.close();
    expect(stats(file)).toContainEqual(expect.objectContaining({ tbl: 'items', idx: 'items_unit' }));
  });

  it('closing a database handle runs it for the tables the connection queried', async () => {
    const file = path.join(dir, 'close.db');
    const handle = await openDatabase({ kind: 'sqlite', file });
    fill(handle.sqlite!);
    expect(stats(file)).toEqual([]);
    // a query that would use the index: what `PRAGMA optimize` looks at on close
    handle.sqlite!.prepare("select count(*) from items where unit = 'CS02' and day > '2019-07-10'").get();
    await handle.close();
    expect(stats(file)).toContainEqual(expect.objectContaining({ tbl: 'items', idx: 'items_unit' }));
  });
});
