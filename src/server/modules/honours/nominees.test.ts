import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import type { nomineeCandidates } from './nominees.ts';

/**
 * The nomination form's pickers on both databases: a unit's officer finds, by name, the units of
 * its own subtree (a collective), the Party members whose Party unit is there (an individual) and
 * the enterprises there (a product's maker); nobody else's, and nothing for another unit.
 */
describeEachDatabase('honours nominees', (kind) => {
  const env = useTestEnv(kind, {}, { demo: ['organisation'] });
  const unit = new Map<string, string>();
  let officer: Client;
  let board: Client;

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
    return body;
  };
  const ask = (client: Client, query: Record<string, string>) =>
    client.get(`/api/honours/nominees?${new URLSearchParams(query)}`);
  /** The picker's page of candidates (asserting 200). */
  const nominees = async (client: Client, query: Record<string, string>): Promise<Answer<typeof nomineeCandidates>> =>
    json(await ask(client, query));

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-01T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const o = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS02')! }] });
    officer = await signIn(app, o.username, o.password);
    const b = await buildUser(platform, { grants: [{ role: 'propaganda_staff', unitId: unit.get('BTG')! }] });
    board = await signIn(app, b.username, b.password);
  }, 120_000);

  it('lists the unit and the units below it as collectives, and only enterprises there as makers of a product', async () => {
    const { platform } = env();
    const subtree = await platform.db
      .selectFrom('unit_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', unit.get('CS02')!)
      .execute();
    const collectives = (await nominees(officer, { unitId: unit.get('CS02')!, kind: 'collective', limit: '100' }))
      .items;
    expect(collectives[0]).toMatchObject({ id: unit.get('CS02'), name: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh' });
    expect(collectives.map((c) => c.id).sort()).toEqual(subtree.map((s) => s.descendant_id).sort());
    const cells = (
      await nominees(officer, { unitId: unit.get('CS02')!, kind: 'collective', q: 'phan xuong may' })
    ).items.map((c) => c.name);
    expect(cells).toEqual(['Chi bộ Phân xưởng May 1', 'Chi bộ Phân xưởng May 2']);
    const makers = (await nominees(officer, { unitId: unit.get('CS02')!, kind: 'product' })).items;
    expect(makers.map((m) => m.id)).toEqual([unit.get('CS02-DN')]);
  });

  it('lists the Party members of the subtree by name, with their Party unit, searched without diacritics', async () => {
    const { platform } = env();
    const ids = await platform.db
      .selectFrom('unit_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', unit.get('CS02')!)
      .execute();
    const members = await platform.db
      .selectFrom('people')
      .select(['id', 'full_name'])
      .where(
        'party_unit_id',
        'in',
        ids.map((i) => i.descendant_id),
      )
      .execute();
    expect(members.length).toBeGreaterThan(0);
    const all = (await nominees(officer, { unitId: unit.get('CS02')!, kind: 'individual', limit: '100' })).items;
    expect(all.map((p) => p.id).sort()).toEqual(members.map((m) => m.id).sort());
    expect(all[0].detail).toBeTruthy();
    const one = members[0];
    const plain = one.full_name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const found = (await nominees(officer, { unitId: unit.get('CS02')!, kind: 'individual', q: plain })).items;
    expect(found.map((p) => p.id)).toContain(one.id);
    const outsider = await platform.db
      .selectFrom('people')
      .select('id')
      .where('party_unit_id', '=', unit.get('CS05')!)
      .executeTakeFirstOrThrow();
    expect(all.map((p) => p.id)).not.toContain(outsider.id);
  });

  it('answers only for a unit the caller nominates for', async () => {
    await json(await ask(officer, { unitId: unit.get('CS05')!, kind: 'collective' }), 403);
    await json(await ask(board, { unitId: unit.get('CS02')!, kind: 'collective' }), 403);
    await json(await ask(officer, { unitId: unit.get('CS02')!, kind: 'team' }), 400);
  });
});
