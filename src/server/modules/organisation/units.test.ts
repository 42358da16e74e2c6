import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn } from '../../../../test/support/client.ts';
import { systemCaller } from './access.ts';
import { createUnit } from './units.ts';
import { applyOperation } from './operations.ts';

const admin = systemCaller('test');
let seq = 0;
const code = (p: string) => `${p}-${++seq}-${Date.now() % 100000}`;

describeEachDatabase('organisation: units, history, policy', (kind) => {
  const env = useTestEnv(kind);

  async function tree() {
    const p = env().platform;
    const bloc = await createUnit(p, admin, {
      code: code('BLOC'),
      kind: 'bloc',
      name: 'Đảng bộ khối Thử nghiệm',
      validFrom: '2004-09-06',
    });
    const a = await createUnit(p, admin, {
      code: code('A'),
      kind: 'grassroots_committee',
      name: 'Đảng bộ Công ty A',
      parentId: bloc.id,
      validFrom: '2010-01-01',
    });
    const a1 = await createUnit(p, admin, {
      code: code('A1'),
      kind: 'sub_cell',
      name: 'Chi bộ Phân xưởng 1',
      parentId: a.id,
      validFrom: '2010-01-01',
    });
    const b = await createUnit(p, admin, {
      code: code('B'),
      kind: 'grassroots_cell',
      name: 'Chi bộ Công ty B',
      parentId: bloc.id,
      validFrom: '2012-01-01',
    });
    return { bloc, a, a1, b };
  }

  it('lists units with the contract fields, children lazily, and searches without diacritics', async () => {
    const t = await tree();
    const p = env().platform;
    const admin = await buildUser(p, { grants: [{ role: 'viewer', unitId: null }] });
    const c = await signIn(env().app, admin.username, admin.password);
    const res = await c.get(`/api/units?parentId=${t.bloc.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    for (const u of body.items) {
      for (const k of ['id', 'parentId', 'name', 'shortName', 'kind', 'validFrom', 'validTo'])
        expect(u).toHaveProperty(k);
    }
    expect(body.items.find((u: { id: string }) => u.id === t.a.id).childCount).toBe(1);
    const found = await (await c.get(`/api/units?q=${encodeURIComponent('PHAN XUONG')}`)).json();
    expect(found.items.map((u: { id: string }) => u.id)).toContain(t.a1.id);
    const detail = await (await c.get(`/api/units/${t.a1.id}`)).json();
    expect(detail.ancestors.map((u: { id: string }) => u.id)).toEqual([t.bloc.id, t.a.id]);
  });

  it('shows the tree as of a date before and after a merge', async () => {
    const t = await tree();
    const p = env().platform;
    await applyOperation(p, admin, t.a.id, {
      type: 'merge',
      targetId: t.b.id,
      effectiveOn: '2019-08-01',
      documentNumber: '123-QĐ/ĐUK',
    });
    const before = await (await signInViewer()).get(`/api/units?asOf=2019-07-31&parentId=${t.bloc.id}`);
    const beforeIds = (await before.json()).items.map((u: { id: string }) => u.id).sort();
    expect(beforeIds).toEqual([t.a.id, t.b.id].sort());
    const c = await signInViewer();
    const after = await (await c.get(`/api/units?asOf=2019-08-01&parentId=${t.bloc.id}`)).json();
    expect(after.items.map((u: { id: string }) => u.id)).toEqual([t.b.id]);
    // The merged unit's child now sits under the target; before the merge it sat under the merged unit.
    const childBefore = await (await c.get(`/api/units?asOf=2019-07-31&parentId=${t.a.id}`)).json();
    expect(childBefore.items.map((u: { id: string }) => u.id)).toEqual([t.a1.id]);
    const childAfter = await (await c.get(`/api/units?asOf=2019-08-02&parentId=${t.b.id}`)).json();
    expect(childAfter.items.map((u: { id: string }) => u.id)).toEqual([t.a1.id]);
    const merged = await (await c.get(`/api/units/${t.a.id}`)).json();
    expect(merged.validTo).toBe('2019-08-01');
    expect(merged.history[0]).toMatchObject({ type: 'merge', documentNumber: '123-QĐ/ĐUK', target: { id: t.b.id } });
    // Subtree checks follow the move.
    expect(await p.unitScope.isWithin(t.a1.id, t.b.id)).toBe(true);
    expect(await p.unitScope.isWithin(t.a1.id, t.a.id)).toBe(false);
    // An operation dated before the last change is refused.
    const r = await applyOperationResult(t.a1.id, { type: 'rename', name: 'Chi bộ X', effectiveOn: '2019-07-01' });
    expect(r).toBe('OPERATION_BEFORE_LAST_CHANGE');
  });

  it('answers the platform scope check inside another module’s open transaction (no deadlock on SQLite)', async () => {
    const t = await tree();
    const p = env().platform;
    const answers = await p.db.transaction().execute(async (tx) => {
      await tx.selectFrom('units').select('id').limit(1).execute();
      return [await p.unitScope.isWithin(t.a1.id, t.bloc.id), await p.unitScope.isWithin(t.b.id, t.a.id)];
    });
    expect(answers).toEqual([true, false]);
  });

  it('renames keep the old name for earlier dates', async () => {
    const t = await tree();
    await applyOperation(env().platform, admin, t.b.id, {
      type: 'rename',
      name: 'Chi bộ Công ty Cổ phần B',
      effectiveOn: '2018-01-01',
      documentNumber: '5-QĐ/ĐUK',
    });
    const c = await signInViewer();
    const old = await (await c.get(`/api/units?asOf=2017-06-01&q=${encodeURIComponent('cong ty b')}`)).json();
    expect(old.items.find((u: { id: string }) => u.id === t.b.id).name).toBe('Chi bộ Công ty B');
    const now = await (await c.get(`/api/units/${t.b.id}`)).json();
    expect(now.name).toBe('Chi bộ Công ty Cổ phần B');
    expect(now.versions).toHaveLength(2);
  });

  it('lets a grassroots secretary edit their own unit and subtree only, and audits every change', async () => {
    const t = await tree();
    const p = env().platform;
    const sec = await buildUser(p, { grants: [{ role: 'unit_officer', unitId: t.a.id }] });
    const c = await signIn(env().app, sec.username, sec.password);
    expect((await c.patch(`/api/units/${t.a.id}`, { phone: '0227 3831 234' })).status).toBe(200);
    expect((await c.patch(`/api/units/${t.a1.id}`, { address: 'Phân xưởng 1, KCN Phúc Khánh' })).status).toBe(200);
    const denied = await c.patch(`/api/units/${t.b.id}`, { phone: '1' });
    expect(denied.status).toBe(403);
    expect((await c.patch(`/api/units/${t.bloc.id}`, { phone: '1' })).status).toBe(403);
    const child = await c.post('/api/units', {
      code: code('A2'),
      kind: 'sub_cell',
      name: 'Chi bộ Phân xưởng 2',
      parentId: t.a.id,
      validFrom: '2019-07-15',
      documentNumber: '7-QĐ/ĐU',
    });
    expect(child.status).toBe(201);
    expect(
      (await c.post('/api/units', { code: code('X'), kind: 'sub_cell', name: 'Chi bộ lạ', parentId: t.b.id })).status,
    ).toBe(403);
    expect(
      (await c.post(`/api/units/${t.b.id}/operations`, { type: 'dissolve', effectiveOn: '2020-01-01' })).status,
    ).toBe(403);
    // Moving within reach works; moving out of reach does not.
    expect(
      (await c.post(`/api/units/${t.a1.id}/operations`, { type: 'move', parentId: t.b.id, effectiveOn: '2020-01-01' }))
        .status,
    ).toBe(403);
    const audits = await p.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_id'])
      .where('actor_id', '=', sec.id)
      .where('action', 'like', 'unit.%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['unit.create', 'unit.update', 'unit.update']);
    const unchanged = await p.db.selectFrom('units').select('phone').where('id', '=', t.b.id).executeTakeFirstOrThrow();
    expect(unchanged.phone).toBeNull();
  });

  it('lets a viewer read but not write', async () => {
    const t = await tree();
    const c = await signInViewer();
    expect((await c.get(`/api/units/${t.a.id}`)).status).toBe(200);
    expect((await c.patch(`/api/units/${t.a.id}`, { phone: '1' })).status).toBe(403);
    expect((await c.post('/api/units', { code: code('V'), kind: 'bloc', name: 'X' })).status).toBe(403);
    expect((await c.post('/api/people', { fullName: 'Nguyễn Văn A' })).status).toBe(403);
  });

  it('refuses bad input with the error shape and changes nothing', async () => {
    const t = await tree();
    const p = env().platform;
    const u = await buildUser(p, { grants: [{ role: 'system_admin', unitId: null }] });
    const c = await signIn(env().app, u.username, u.password);
    const auditsBefore = await count();
    for (const body of [
      { code: 'X Y', kind: 'bloc', name: 'A' },
      { code: 'XY', kind: 'nope', name: 'A' },
      { code: 'XY', kind: 'bloc', name: '   ' },
      { code: 'XY', kind: 'bloc', name: 'A', validFrom: '2019-02-30' },
      { code: 'XY', kind: 'bloc', name: 'A', extra: 1 },
      { code: t.a.code, kind: 'bloc', name: 'A' },
    ]) {
      const res = await c.post('/api/units', body);
      expect([400, 409]).toContain(res.status);
      const e = await res.json();
      expect(e.error.messages.vi).toBeTruthy();
      expect(e.error.messages.en).toBeTruthy();
    }
    expect(
      (await c.post(`/api/units/${t.bloc.id}/operations`, { type: 'dissolve', effectiveOn: '2020-01-01' })).status,
    ).toBe(409);
    expect(
      (await c.post(`/api/units/${t.a.id}/operations`, { type: 'move', parentId: t.a1.id, effectiveOn: '2020-01-01' }))
        .status,
    ).toBe(400);
    expect(await count()).toBe(auditsBefore);
  });

  async function count() {
    return Number(
      (
        await env()
          .platform.db.selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  async function signInViewer() {
    const v = await buildUser(env().platform, { grants: [{ role: 'viewer', unitId: null }] });
    return signIn(env().app, v.username, v.password);
  }
  async function applyOperationResult(id: string, op: Parameters<typeof applyOperation>[3]) {
    try {
      await applyOperation(env().platform, admin, id, op);
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  }
});
