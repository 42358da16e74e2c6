import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { compileOnce } from './compiled.ts';
import type { Db } from './database.ts';

describeEachDatabase('queries compiled once', (kind) => {
  const env = useTestEnv(kind);

  it('binds each run its own values in place of the stand-ins', async () => {
    const { db } = env().platform;
    const a = await buildUser(env().platform, { grants: [{ role: 'viewer', unitId: null }] });
    const b = await buildUser(env().platform);
    const byName = compileOnce(['username', 'active'], (d: Db, value) =>
      d
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', '=', value('username'))
        .where('is_active', '=', value('active') as unknown as number)
        .where('display_name', '!=', ''),
    );
    expect(await byName.execute(db, { username: a.username, active: 1 })).toEqual([{ id: a.id, username: a.username }]);
    expect(await byName.execute(db, { username: b.username, active: 1 })).toEqual([{ id: b.id, username: b.username }]);
    expect(await byName.execute(db, { username: b.username, active: 0 })).toEqual([]);
    // A value that looks like SQL is only ever a value.
    expect(await byName.execute(db, { username: "x' or '1'='1", active: 1 })).toEqual([]);
  });

  it('refuses a stand-in that is not bound exactly once', async () => {
    const { db } = env().platform;
    const twice = compileOnce(['name'], (d: Db, value) =>
      d
        .selectFrom('users')
        .select('id')
        .where((w) => w.or([w('username', '=', value('name')), w('display_name', '=', value('name'))])),
    );
    await expect(twice.execute(db, { name: 'x' })).rejects.toThrow(/bound 2 times/);
    const never = compileOnce(['name'], (d: Db) => d.selectFrom('users').select('id'));
    await expect(never.execute(db, { name: 'x' })).rejects.toThrow(/bound 0 times/);
  });

  it('never reads what an open transaction has not committed', async () => {
    const { db } = env().platform;
    const byName = compileOnce(['username'], (d: Db, value) =>
      d.selectFrom('users').select('username').where('username', '=', value('username')),
    );
    const user = await buildUser(env().platform);
    let readDuring: Promise<unknown[]> | undefined;
    await db
      .transaction()
      .execute(async (tx) => {
        await tx.updateTable('users').set({ username: 'not-committed' }).where('id', '=', user.id).execute();
        // Started while the transaction is open, from outside it (another request).
        readDuring = byName.execute(db, { username: 'not-committed' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await readDuring).toEqual([]);
    expect(await byName.execute(db, { username: user.username })).toEqual([{ username: user.username }]);
  });
});
