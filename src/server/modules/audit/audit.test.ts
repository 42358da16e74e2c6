import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { recordAudit } from '../../platform/audit/record.ts';

type Entry = {
  id: string;
  at: string;
  actorName: string;
  actorDisplayName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

describeEachDatabase('audit log browsing', (kind) => {
  const env = useTestEnv(kind);
  let reader: Client;

  /** Entries on three days of the plan, by two people, about units and documents. */
  beforeAll(async () => {
    const db = env().platform.db;
    const days = ['2019-06-10', '2019-07-30', '2019-09-04'];
    let n = 0;
    for (const day of days) {
      for (let i = 0; i < 10; i++) {
        const at = new Date(`${day}T0${i % 10}:00:00.000Z`);
        const actor = i % 2 === 0 ? { userId: null, name: 'van.phong' } : { userId: null, name: 'ban.tuyen.giao' };
        await recordAudit(
          db,
          { ...actor, requestId: `req-${n}`, ip: '192.0.2.1' },
          {
            action: i % 3 === 0 ? 'unit.create' : 'document.update',
            entityType: i % 3 === 0 ? 'unit' : 'document',
            entityId: `e${i % 4}`,
            before: { n },
            after: { n: n + 1 },
          },
          at,
        );
        n++;
      }
    }
    const u = await buildUser(env().platform, {
      username: 'lanh.dao',
      grants: [{ role: 'bloc_leader', unitId: null }],
    });
    reader = await signIn(env().app, u.username, u.password, '192.0.2.40');
  });

  const browse = async (query: string) => {
    const res = await reader.get(`/api/audit?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { items: Entry[]; nextCursor: string | null };
  };

  it('lists newest first and filters by actor, action, entity and day', async () => {
    const all = await browse('limit=200&from=2019-01-01&to=2019-12-31');
    expect(all.items.length).toBe(30);
    expect(all.nextCursor).toBeNull();
    const times = all.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.items[0]).toMatchObject({ before: { n: 29 }, after: { n: 30 } });

    const byActor = await browse('actor=VAN.PHONG&limit=200');
    expect(byActor.items.length).toBe(15);
    expect(byActor.items.every((e) => e.actorName === 'van.phong')).toBe(true);

    const byAction = await browse('action=unit.create&limit=200');
    expect(byAction.items.length).toBe(12);
    expect(byAction.items.every((e) => e.action === 'unit.create' && e.entityType === 'unit')).toBe(true);

    const byEntity = await browse('entityType=document&entityId=e1&limit=200');
    expect(byEntity.items.length).toBeGreaterThan(0);
    expect(byEntity.items.every((e) => e.entityType === 'document' && e.entityId === 'e1')).toBe(true);

    const oneDay = await browse('from=2019-07-30&to=2019-07-30&limit=200');
    expect(oneDay.items.length).toBe(10);
    expect(oneDay.items.every((e) => e.at.startsWith('2019-07-30'))).toBe(true);

    const combined = await browse('from=2019-07-01&actor=ban.tuyen.giao&action=document.update&limit=200');
    expect(combined.items.length).toBeGreaterThan(0);
    for (const e of combined.items) {
      expect(e.at >= '2019-07-01').toBe(true);
      expect(e.actorName).toBe('ban.tuyen.giao');
      expect(e.action).toBe('document.update');
    }
    expect((await browse('actor=nobody')).items).toEqual([]);
  });

  it('pages with a cursor: every entry once, in order, and a null cursor at the end', async () => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await browse(
        `to=2019-12-31&limit=7${cursor ? `&before=${cursor}` : ''}`,
      );
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      expect(pages).toBeLessThan(10);
    } while (cursor);
    expect(pages).toBe(5); // 7+7+7+7+2
    expect(seen.length).toBe(30);
    expect(new Set(seen.map((e) => e.id)).size).toBe(30);
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());

    // An exact multiple ends with a null cursor rather than an empty page.
    const tenth = await browse('from=2019-09-04&to=2019-09-04&limit=10');
    expect(tenth.items.length).toBe(10);
    expect(tenth.nextCursor).toBeNull();
  });

  it('refuses bad filters with 400 and the field named', async () => {
    for (const q of [
      'from=10/06/2019',
      'before=not-a-uuid',
      'limit=0',
      'limit=201',
      'action=DROP%20TABLE',
      'entityType=a%20b',
    ]) {
      const res = await reader.get(`/api/audit?${q}`);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details[0].in).toBe('query');
    }
  });

  it('names who acted by the name they go by, not their username; a system actor by its name', async () => {
    const u = await buildUser(env().platform, {
      username: 'le.nhung',
      displayName: 'Lê Thị Hồng Nhung',
      grants: [{ role: 'office_staff', unitId: null }],
    });
    await recordAudit(
      env().platform.db,
      { userId: u.id, name: 'le.nhung', requestId: 'req-name', ip: '192.0.2.1' },
      { action: 'unit.update', entityType: 'unit', entityId: 'named', before: null, after: { n: 1 } },
      new Date('2019-08-01T02:00:00.000Z'),
    );
    const named = await browse('entityType=unit&entityId=named');
    expect(named.items.map((e) => [e.actorName, e.actorDisplayName])).toEqual([['le.nhung', 'Lê Thị Hồng Nhung']]);
    const system = await browse('actor=van.phong&limit=1');
    expect(system.items[0]).toMatchObject({ actorName: 'van.phong', actorDisplayName: 'van.phong' });
  });

  it('answers 403 to a user without audit.read, and 401 to nobody', async () => {
    const u = await buildUser(env().platform, { grants: [{ role: 'board_staff', unitId: null }] });
    const staff = await signIn(env().app, u.username, u.password, '192.0.2.41');
    const res = await staff.get('/api/audit');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
    expect((await env().app.request('/api/audit')).status).toBe(401);
  });
});
