import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous, signIn, type Client } from '../../../../test/support/client.ts';
import { snapshotDatabase } from '../../../../test/support/snapshot.ts';
import { rolePermissions } from '../../platform/policy/permissions.ts';

type Account = {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
  mustChangePassword: boolean;
  grants: { role: string; unitId: string | null }[];
};

describeEachDatabase('accounts', (kind) => {
  const env = useTestEnv(kind);
  let admin: Client;
  let adminId: string;
  let adminName: string;
  let ipSeq = 0;
  const nextIp = () => `198.51.100.${++ipSeq}`;

  beforeAll(async () => {
    const a = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
    adminId = a.id;
    adminName = a.username;
    admin = await signIn(env().app, a.username, a.password, '198.51.100.250');
  });

  async function create(body: Record<string, unknown>) {
    const res = await admin.post('/api/accounts', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { account: Account; generatedPassword: string | null };
  }

  async function auditOf(entityId: string) {
    return env()
      .platform.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();
  }

  it('creates an account without a password: one is generated, returned once, and must be changed', async () => {
    const { account, generatedPassword } = await create({ username: 'Tuyen.Giao', displayName: 'Ban Tuyên giáo' });
    expect(account.username).toBe('tuyen.giao');
    expect(account.mustChangePassword).toBe(true);
    expect(account.isActive).toBe(true);
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    // Returned once: reading the account again never shows it.
    const again = await admin.get(`/api/accounts/${account.id}`);
    expect(again.status).toBe(200);
    expect(await again.text()).not.toContain(generatedPassword!);

    const row = await env()
      .platform.db.selectFrom('users')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(generatedPassword!);

    const user = await signIn(env().app, 'tuyen.giao', generatedPassword!, nextIp());
    const me = await (await user.get('/api/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
  });

  it('creates an account with a given password (no password returned) and refuses a taken username', async () => {
    const { account, generatedPassword } = await create({
      username: 'van.phong',
      displayName: 'Văn phòng',
      password: 'mat-khau-tam-thoi',
      locale: 'en',
      grants: [{ role: 'board_staff', unitId: null }],
    });
    expect(generatedPassword).toBeNull();
    expect(account.mustChangePassword).toBe(true);
    expect(account.grants).toEqual([{ role: 'board_staff', unitId: null }]);
    await signIn(env().app, 'van.phong', 'mat-khau-tam-thoi', nextIp());

    const taken = await admin.post('/api/accounts', { username: 'VAN.PHONG', displayName: 'Khác' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('USERNAME_TAKEN');
  });

  it('stores names NFC and finds them without regard to diacritics', async () => {
    const nfd = 'Nguyễn Thị Hương'.normalize('NFD');
    const { account } = await create({ username: 'huong.nt', displayName: nfd });
    expect(account.displayName).toBe('Nguyễn Thị Hương'.normalize('NFC'));
    await create({ username: 'nguyen.van.a', displayName: 'Nguyễn Văn An' });
    await create({ username: 'tran.thi.b', displayName: 'Trần Thị Bình' });

    const search = async (q: string) => {
      const res = await admin.get(`/api/accounts?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return ((await res.json()).items as Account[]).map((a) => a.username).sort();
    };
    expect(await search('huong')).toEqual(['huong.nt']);
    expect(await search('nguyen thi')).toEqual(['huong.nt']);
    expect(await search('NGUYỄN THỊ')).toEqual(['huong.nt']);
    expect(await search('Hương')).toEqual(['huong.nt']);
    expect(await search('nguyen')).toEqual(['huong.nt', 'nguyen.van.a']);
    expect(await search('thi')).toEqual(['huong.nt', 'tran.thi.b']);
    // By username too; and LIKE wildcards in the term are plain characters.
    expect(await search('tran.thi')).toEqual(['tran.thi.b']);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('pages with correct totals, no overlap and nothing left out', async () => {
    for (let i = 0; i < 7; i++)
      await buildUser(env().platform, { username: `phantrang${i}`, displayName: `Phân trang ${i}` });
    const seen: string[] = [];
    let total = -1;
    for (let page = 1; page <= 4; page++) {
      const res = await admin.get(`/api/accounts?q=phan%20trang&pageSize=2&page=${page}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      total = body.total;
      expect(body.page).toBe(page);
      expect(body.pageSize).toBe(2);
      expect(body.items.length).toBe(page < 4 ? 2 : 1);
      seen.push(...body.items.map((a: Account) => a.username));
    }
    expect(total).toBe(7);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(7);
    const beyond = await (await admin.get('/api/accounts?q=phan%20trang&pageSize=2&page=5')).json();
    expect(beyond).toMatchObject({ items: [], total: 7 });

    const active = await (await admin.get('/api/accounts?active=0&q=phan%20trang')).json();
    expect(active.total).toBe(0);
  });

  it('updates an account, and deactivating it ends its sessions and stops sign-in', async () => {
    const u = await buildUser(env().platform, { username: 'sap.khoa', displayName: 'Sắp khóa' });
    const ip = nextIp();
    const user = await signIn(env().app, u.username, u.password, ip);
    expect((await user.get('/api/auth/me')).status).toBe(200);

    const renamed = await admin.patch(`/api/accounts/${u.id}`, { displayName: '  Đã đổi tên  ', locale: 'en' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ displayName: 'Đã đổi tên', isActive: true });
    expect((await user.get('/api/auth/me')).status).toBe(200);

    const off = await admin.patch(`/api/accounts/${u.id}`, { isActive: false });
    expect(off.status).toBe(200);
    expect((await off.json()).isActive).toBe(false);
    expect((await user.get('/api/auth/me')).status).toBe(401);
    const sessions = await env().platform.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
    expect(sessions).toEqual([]);
    const again = await anonymous(env().app, ip).post('/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    expect(again.status).toBe(401);

    const on = await admin.patch(`/api/accounts/${u.id}`, { isActive: true });
    expect(on.status).toBe(200);
    await signIn(env().app, u.username, u.password, nextIp());

    const rows = await auditOf(u.id);
    const updates = rows.filter((r) => r.action === 'user.update');
    expect(updates.length).toBe(3);
    const rename = updates[0];
    expect(rename.actor_id).toBe(adminId);
    expect(rename.actor_name).toBe(adminName);
    expect(JSON.parse(rename.before_json!)).toMatchObject({ displayName: 'Sắp khóa', locale: 'vi', isActive: true });
    expect(JSON.parse(rename.after_json!)).toMatchObject({ displayName: 'Đã đổi tên', locale: 'en', isActive: true });
    expect(JSON.parse(updates[1].before_json!).isActive).toBe(true);
    expect(JSON.parse(updates[1].after_json!).isActive).toBe(false);
  });

  it('answers 404 for an account that does not exist', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await admin.get(`/api/accounts/${missing}`)).status).toBe(404);
    expect((await admin.patch(`/api/accounts/${missing}`, { displayName: 'x' })).status).toBe(404);
    expect((await admin.post(`/api/accounts/${missing}/reset-password`, {})).status).toBe(404);
    expect((await admin.put(`/api/accounts/${missing}/grants`, { grants: [] })).status).toBe(404);
  });

  it('resets a password: sessions end, and the user must change it before anything else', async () => {
    const u = await buildUser(env().platform, { username: 'quen.mk', grants: [{ role: 'board_staff', unitId: null }] });
    const before = await signIn(env().app, u.username, u.password, nextIp());
    expect((await before.get('/api/accounts')).status).toBe(200);

    const reset = await admin.post(`/api/accounts/${u.id}/reset-password`, {});
    expect(reset.status).toBe(200);
    const { generatedPassword } = await reset.json();
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await before.get('/api/auth/me')).status).toBe(401);

    // The old password no longer works; the new one does, with the change pending.
    const ip = nextIp();
    expect(
      (await anonymous(env().app, ip).post('/api/auth/login', { username: u.username, password: u.password })).status,
    ).toBe(401);
    const user = await signIn(env().app, u.username, generatedPassword, ip);
    for (const path of ['/api/accounts', '/api/overview', '/api/roles']) {
      const res = await user.get(path);
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.code, path).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const me = await user.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect((await me.json()).user.mustChangePassword).toBe(true);

    const change = await user.post('/api/auth/password', {
      currentPassword: generatedPassword,
      newPassword: 'mat-khau-moi-cua-toi',
    });
    expect(change.status).toBe(204);
    expect((await user.get('/api/accounts')).status).toBe(200);
    expect((await user.get('/api/overview')).status).toBe(200);

    // An administrator may also set the new password; the audit row says a reset happened, never the password.
    expect((await admin.post(`/api/accounts/${u.id}/reset-password`, { password: 'dat-lai-boi-admin' })).status).toBe(
      200,
    );
    const resets = (await auditOf(u.id)).filter((r) => r.action === 'user.password_reset');
    expect(resets.length).toBe(2);
    for (const r of resets) {
      expect(r.actor_id).toBe(adminId);
      expect(JSON.parse(r.after_json!)).toEqual({ mustChangePassword: true });
    }
  });

  it('replaces grants (not adds), collapsing duplicates, and the new roles take effect', async () => {
    const u = await buildUser(env().platform, { username: 'phan.quyen', grants: [{ role: 'viewer', unitId: null }] });
    const first = await admin.put(`/api/accounts/${u.id}/grants`, {
      grants: [
        { role: 'bloc_leader', unitId: null },
        { role: 'bloc_leader', unitId: null },
        { role: 'unit_officer', unitId: 'unit-a' },
      ],
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Account).grants).toEqual([
      { role: 'bloc_leader', unitId: null },
      { role: 'unit_officer', unitId: 'unit-a' },
    ]);
    const user = await signIn(env().app, u.username, u.password, nextIp());
    expect((await user.get('/api/audit')).status).toBe(200);

    const second = await admin.put(`/api/accounts/${u.id}/grants`, { grants: [{ role: 'judge', unitId: '' }] });
    expect(second.status).toBe(200);
    expect(((await second.json()) as Account).grants).toEqual([{ role: 'judge', unitId: null }]);
    expect((await user.get('/api/audit')).status).toBe(403);
    const me = await (await user.get('/api/auth/me')).json();
    expect(me.permissions).toEqual([...rolePermissions.judge].sort());
    expect(me.permissions).not.toContain('audit.read');

    const audit = (await auditOf(u.id)).filter((r) => r.action === 'user.grants');
    expect(audit.length).toBe(2);
    expect(JSON.parse(audit[1].before_json!)).toEqual([
      { role: 'bloc_leader', unitId: null },
      { role: 'unit_officer', unitId: 'unit-a' },
    ]);
    expect(JSON.parse(audit[1].after_json!)).toEqual([{ role: 'judge', unitId: null }]);
    expect(audit[1].actor_id).toBe(adminId);

    expect(
      (await admin.put(`/api/accounts/${u.id}/grants`, { grants: [{ role: 'emperor', unitId: null }] })).status,
    ).toBe(400);
  });

  it('refuses to let an administrator disable themselves or drop their own admin role, changing nothing', async () => {
    const snapshot = () => snapshotDatabase(env().platform.database, { ignoreColumns: { sessions: ['last_seen_at'] } });
    const before = await snapshot();
    const disable = await admin.patch(`/api/accounts/${adminId}`, { isActive: false });
    expect(disable.status).toBe(409);
    expect((await disable.json()).error.code).toBe('CANNOT_DISABLE_SELF');
    const drop = await admin.put(`/api/accounts/${adminId}/grants`, { grants: [{ role: 'viewer', unitId: null }] });
    expect(drop.status).toBe(409);
    expect((await drop.json()).error.code).toBe('CANNOT_DROP_OWN_ADMIN');
    const scoped = await admin.put(`/api/accounts/${adminId}/grants`, {
      grants: [{ role: 'system_admin', unitId: 'unit-a' }],
    });
    expect(scoped.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect((await admin.get('/api/auth/me')).status).toBe(200);

    // Keeping the admin role while adding another is allowed.
    const keep = await admin.put(`/api/accounts/${adminId}/grants`, {
      grants: [
        { role: 'system_admin', unitId: null },
        { role: 'editor', unitId: null },
      ],
    });
    expect(keep.status).toBe(200);
  });

  it('refuses a user who may only read accounts when they try to change one', async () => {
    const u = await buildUser(env().platform, { grants: [{ role: 'board_staff', unitId: null }] });
    const reader = await signIn(env().app, u.username, u.password, nextIp());
    expect((await reader.get('/api/accounts')).status).toBe(200);
    const res = await reader.post('/api/accounts', { username: 'khong.duoc', displayName: 'Không được' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });

  it('writes an audit row for every change, with the actor and no password or hash in it', async () => {
    const { account } = await create({
      username: 'kiem.toan',
      displayName: 'Kiểm toán',
      password: 'bi-mat-tuyet-doi-1',
    });
    await admin.patch(`/api/accounts/${account.id}`, { displayName: 'Kiểm toán 2' });
    await admin.post(`/api/accounts/${account.id}/reset-password`, { password: 'bi-mat-tuyet-doi-2' });
    await admin.put(`/api/accounts/${account.id}/grants`, { grants: [{ role: 'viewer', unitId: null }] });

    const rows = await auditOf(account.id);
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update', 'user.password_reset', 'user.grants']);
    for (const r of rows) {
      expect(r.actor_id).toBe(adminId);
      expect(r.actor_name).toBe(adminName);
      expect(r.entity_type).toBe('user');
      expect(r.request_id).toBeTruthy();
      expect(r.ip).toBe('198.51.100.250');
    }
    expect(JSON.parse(rows[0].after_json!)).toMatchObject({ username: 'kiem.toan', displayName: 'Kiểm toán' });

    const hash = (
      await env()
        .platform.db.selectFrom('users')
        .select('password_hash')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow()
    ).password_hash;
    const all = await env().platform.db.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(all);
    expect(text).not.toContain('bi-mat-tuyet-doi');
    expect(text).not.toContain(hash);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toMatch(/password_?hash/i);
  });

  it('publishes an accounts event when an account changes', async () => {
    const seen: unknown[] = [];
    const stop = env().platform.events.subscribe('accounts', (d) => seen.push(d));
    try {
      const { account } = await create({ username: 'su.kien', displayName: 'Sự kiện' });
      const deadline = Date.now() + 5000;
      while (!seen.some((d) => (d as { id: string }).id === account.id) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(seen).toContainEqual({ id: account.id, change: 'created' });
    } finally {
      stop();
    }
  });
});
