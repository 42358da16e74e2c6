import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases.ts';
import { buildUnit } from './factories.ts';
import { signIn } from './client.ts';
import { buildUser, useTestEnv } from './platform.ts';
import { countChanges, tableNames } from './snapshot.ts';

/** The change counter the bad-input walk relies on sees every kind of change, and nothing else. */
describeEachDatabase('change counter', (kind) => {
  const env = useTestEnv(kind);

  it('counts rows inserted, changed in place and deleted, not a rolled-back change, and counts sessions as rows', async () => {
    const { platform } = env();
    const db = platform.database.db;
    const tables = await tableNames(platform.database);
    const changes = await countChanges(platform.database, tables, ['sessions']);
    expect(tables).not.toContain('kyniem_test_changes');
    const start = await changes.read();
    expect(Object.keys(start).sort()).toEqual(tables.filter((t) => t in start).sort());
    expect(changes.counted.has('sessions')).toBe(true);

    const unit = await buildUnit(platform, { name: 'Chi bộ đếm thay đổi' });
    const afterInsert = await changes.read();
    expect(afterInsert.units).toBeGreaterThan(start.units);

    // Changed in place: the row count stays, the counter moves.
    await sql`update units set name = ${'Chi bộ đổi tên'} where id = ${unit.id}`.execute(db);
    const afterUpdate = await changes.read();
    expect(afterUpdate.units).toBe(afterInsert.units + 1);

    // A transaction that rolls back changed nothing.
    await db
      .transaction()
      .execute(async (tx) => {
        await sql`update units set name = ${'Không lưu'} where id = ${unit.id}`.execute(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await changes.read()).units).toBe(afterUpdate.units);

    // Sessions are counted as rows: signing in adds one; a signed-in read, which moves the session's
    // last_seen_at, changes no count.
    const user = await buildUser(platform, { grants: [{ role: 'viewer', unitId: unit.id }] });
    const client = await signIn(env().app, user.username, user.password, '198.18.7.1');
    const signedIn = await changes.read();
    expect(signedIn.sessions).toBe(afterUpdate.sessions + 1);
    env().clock.advance(10 * 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const afterRead = await changes.read();
    expect(Object.keys(afterRead).filter((t) => afterRead[t] !== signedIn[t])).toEqual([]);
  });
});
