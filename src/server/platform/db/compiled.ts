import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { idleSqliteConnection } from './database.ts';

/**
 * A query that runs on every request, built and compiled by Kysely once per database instead of
 * on every call. Kysely builds an immutable tree and compiles it to SQL each time a query runs;
 * for the session lookup that cost more than the query itself. The SQL text depends only on the
 * query's shape and the dialect, so it is compiled once with stand-ins for the values, and each
 * run binds the real values in their place. Only for queries whose shape never changes with the
 * values (no `in` lists, no optional conditions); `compileOnce` refuses a stand-in that does not
 * come out as exactly one bound parameter.
 *
 * On SQLite, when the connection has no transaction open, the statement is prepared once and run
 * at once on the raw connection (better-sqlite3 is synchronous), without Kysely's executor: its
 * connection lock and promise hops cost a third of the session lookup. Inside a transaction it
 * goes through Kysely and waits its turn, as any other query.
 */
export function compileOnce<DB, Names extends string, Row>(
  names: readonly Names[],
  build: (db: Kysely<DB>, value: (name: Names) => string) => Compilable<Row>,
) {
  type Entry = { query: CompiledQuery<Row>; slots: (Names | null)[]; statement?: SqliteDatabase.Statement };
  const compiled = new WeakMap<Kysely<DB>, Entry>();
  const standIn = (name: string) => `\u0000kyniem-value:${name}\u0000`;
  const nameOf = new Map(names.map((n) => [standIn(n), n]));

  function prepare(db: Kysely<DB>) {
    const query = build(db, (name) => standIn(name)).compile();
    const slots = query.parameters.map((p) => (typeof p === 'string' ? (nameOf.get(p) ?? null) : null));
    for (const n of names) {
      const count = slots.filter((s) => s === n).length;
      if (count !== 1) throw new Error(`compileOnce: ${n} is bound ${count} times in ${query.sql}`);
    }
    const entry: Entry = { query, slots };
    compiled.set(db, entry);
    return entry;
  }

  return {
    /** The rows for these values. */
    async execute(db: Kysely<DB>, values: Record<Names, unknown>): Promise<Row[]> {
      const entry = compiled.get(db) ?? prepare(db);
      const { query, slots } = entry;
      const parameters = query.parameters.map((p, i) => {
        const slot = slots[i];
        return slot === null || slot === undefined ? p : values[slot];
      });
      const sqlite = idleSqliteConnection(db);
      if (sqlite) {
        entry.statement ??= sqlite.prepare(query.sql);
        // Only a statement that writes nothing: a write keeps Kysely's path (and its count of writes).
        if (entry.statement.readonly) return entry.statement.all(parameters) as Row[];
      }
      const result = await db.executeQuery<Row>({ ...query, parameters });
      return result.rows;
    },
  };
}
