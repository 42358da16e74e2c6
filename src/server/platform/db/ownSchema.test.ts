import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hasPostgres, openTestDatabase, postgresUrl } from '../../../../test/support/databases.ts';
import '../../modules.ts';
import { migrateToLatest } from './database.ts';

/**
 * On PostgreSQL the migrator asks only the connection's own schema which tables it holds
 * (ownSchema.ts): another schema's tables are not its business, and a schema dropped by another
 * connection meanwhile must not make a migration fail (the test files drop theirs as they end).
 */
describe.skipIf(!hasPostgres)('the migrator looks at its own schema only [postgres]', () => {
  const admin = async <T>(work: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  it('lists the tables of its schema and none of another', async () => {
    const other = `t_other_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create schema ${other}; create table ${other}.kysely_migration (name text)`));
    const handle = await openTestDatabase('postgres');
    try {
      expect((await handle.db.introspection.getTables()).length).toBe(0);
      await migrateToLatest(handle);
      const tables = await handle.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      expect(names).toContain('kysely_migration');
      expect(names).toContain('users');
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([handle.postgres?.schema]));
      const users = tables.find((t) => t.name === 'users');
      expect(users?.columns.find((c) => c.name === 'username')).toMatchObject({ isNullable: false, dataType: 'text' });
    } finally {
      await handle.close();
      await admin((c) => c.query(`drop schema ${other} cascade`));
    }
  });

  it('migrates while other connections drop their schemas', async () => {
    const doomed = Array.from({ length: 24 }, () => `t_doomed_${randomBytes(4).toString('hex')}`);
    await admin(async (c) => {
      for (const s of doomed) await c.query(`create schema ${s}; create table ${s}.t (a int, b text, c int)`);
    });
    const dropping = admin(async (c) => {
      for (const s of doomed) await c.query(`drop schema ${s} cascade`);
    });
    const handles = await Promise.all([0, 1, 2].map(() => openTestDatabase('postgres')));
    try {
      const results = await Promise.all(handles.map((h) => migrateToLatest(h)));
      for (const r of results) expect(r.error).toBeUndefined();
    } finally {
      await dropping;
      for (const h of handles) await h.close();
    }
  });
});
