import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, postgresUrl } from '../support/databases.ts';
import {
  checksum,
  listUsernames,
  runKyniem,
  signInOverHttp,
  startKyniemServer,
  type Env,
  type HttpSession,
  type ServerProcess,
} from '../support/processes.ts';

/**
 * The `kyniem` command as an operator runs it: real processes on a real data directory, a real
 * server writing while a backup is taken, and restores of good and of broken files.
 */

const ADMIN_PASSWORD = 'admin-pass-123';

function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function parseJson<T = any>(stdout: string): T {
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new Error(`not JSON: ${stdout}`);
  }
}

/** Reads a SQLite file directly; read-write so that a WAL left behind is taken into account. */
function inspect<T>(file: string, fn: (db: SqliteDatabase.Database) => T): T {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Runs the commands three at a time: each is a Node process compiling TypeScript as it starts. */
async function runAll<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all([lane(), lane(), lane()]);
  return results;
}

const integrity = (db: SqliteDatabase.Database) =>
  (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
const count = (db: SqliteDatabase.Database, table: string) =>
  (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const usernamesIn = (db: SqliteDatabase.Database) =>
  new Set((db.prepare('select username from users').all() as { username: string }[]).map((r) => r.username));

// Each command is a fresh Node process that compiles TypeScript on start: slow on a busy machine.
describe('kyniem command on SQLite', { timeout: 240_000 }, () => {
  let dataDir: string;
  let work: string;
  let env: Env;
  let dbFile: string;

  beforeAll(() => {
    dataDir = tempDir('kyniem-cli-data-');
    work = tempDir('kyniem-cli-work-');
    dbFile = path.join(dataDir, 'kyniem.db');
    env = { DATA_DIR: dataDir, KYNIEM_PASSWORD_COST: '10', KYNIEM_DEMO: '0', LOG_LEVEL: 'warn' };
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('migrate --json applies the migrations to an empty database, then has nothing to do', async () => {
    const first = await runKyniem(['migrate', '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const applied = parseJson<{ db: string; applied: string[] }>(first.stdout);
    expect(applied.db).toBe('sqlite');
    expect(applied.applied).toContain('0001_platform');
    expect(fs.existsSync(dbFile)).toBe(true);

    const again = await runKyniem(['migrate', '--json'], env);
    expect(again.code).toBe(0);
    expect(parseJson(again.stdout)).toEqual({ db: 'sqlite', applied: [] });
  });

  it('create-user creates an account with its roles; users --json lists it', async () => {
    // Accounts made before the first start: the server then makes no `admin` of its own.
    const first = await runKyniem(
      ['create-user', 'admin', '--name', 'Quản trị', '--password', ADMIN_PASSWORD, '--role', 'system_admin'],
      env,
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Đã tạo \/ created admin/);

    const created = await runKyniem(
      [
        'create-user',
        'Alice',
        '--name',
        'Nguyễn Thị Ánh',
        '--password',
        'alice-pass-1',
        '--role',
        'board_staff',
        '--role',
        'viewer@unit-42',
        '--json',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const out = parseJson(created.stdout);
    expect(out.user.username).toBe('alice');
    expect(out.generatedPassword).toBeNull();
    expect(out.grants).toEqual([
      { role: 'board_staff', unitId: null },
      { role: 'viewer', unitId: 'unit-42' },
    ]);

    const listed = await runKyniem(['users', '--json'], env);
    expect(listed.code).toBe(0);
    const users = parseJson<{ username: string; displayName: string; active: boolean }[]>(listed.stdout);
    expect(users).toEqual([
      expect.objectContaining({ username: 'admin', displayName: 'Quản trị', active: true }),
      expect.objectContaining({ username: 'alice', displayName: 'Nguyễn Thị Ánh'.normalize('NFC'), active: true }),
    ]);

    inspect(dbFile, (db) => {
      const grants = db
        .prepare(
          'select g.role, g.unit_id from role_grants g join users u on u.id = g.user_id where u.username = ? order by g.role',
        )
        .all('alice');
      expect(grants).toEqual([
        { role: 'board_staff', unit_id: null },
        { role: 'viewer', unit_id: 'unit-42' },
      ]);
      expect(db.prepare("select count(*) as n from audit_log where action = 'user.create'").get()).toEqual({ n: 2 });
    });

    // Without --password a password is generated, shown once, and must be changed.
    const generated = await runKyniem(['create-user', 'bao', '--name', 'Trần Bảo', '--json'], env);
    expect(generated.code).toBe(0);
    const g = parseJson(generated.stdout);
    expect(g.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(g.user.mustChangePassword).toBe(true);
  });

  it('create-user refuses bad input with a message in Vietnamese and English, and creates nothing', async () => {
    const before = checksum(dbFile);
    const beforeCounts = inspect(dbFile, (db) => [
      count(db, 'users'),
      count(db, 'role_grants'),
      count(db, 'audit_log'),
    ]);
    const cases: { args: string[]; vi: RegExp; en: RegExp }[] = [
      {
        args: ['create-user', 'cuong', '--name', 'Lê Cường', '--password', 'cuong-pass-1', '--role', 'emperor'],
        vi: /Không có vai trò "emperor"/,
        en: /There is no role "emperor"/,
      },
      {
        args: ['create-user', 'cuong', '--name', 'Lê Cường', '--password', 'short'],
        vi: /Mật khẩu quá yếu/,
        en: /Password too weak/,
      },
      {
        args: ['create-user', 'cuongcuong', '--name', 'Lê Cường', '--password', 'CuongCuong'],
        vi: /Mật khẩu quá yếu/,
        en: /Password too weak/,
      },
      {
        args: ['create-user', 'cuong', '--password', 'cuong-pass-1'],
        vi: /Sai cách dùng: create-user/,
        en: /Usage: create-user/,
      },
      { args: ['create-user', '--name', 'Lê Cường'], vi: /Sai cách dùng: create-user/, en: /Usage: create-user/ },
      {
        args: ['create-user', 'cuong', '--name', '   ', '--password', 'cuong-pass-1'],
        vi: /Họ tên không được để trống/,
        en: /The name must not be blank/,
      },
      {
        args: ['create-user', 'lê cường', '--name', 'Lê Cường', '--password', 'cuong-pass-1'],
        vi: /Tên đăng nhập gồm/,
        en: /A username is/,
      },
      {
        args: ['create-user', 'ALICE', '--name', 'Someone Else', '--password', 'other-pass-1'],
        vi: /Tên đăng nhập "alice" đã có/,
        en: /"alice" is already taken/,
      },
      {
        args: ['create-user', 'cuong', '--name', 'Lê Cường', '--frobnicate'],
        vi: /Unknown option '--frobnicate'/,
        en: /Cách dùng \/ usage/,
      },
    ];
    const results = await runAll(cases.map((c) => () => runKyniem(c.args, env)));
    results.forEach((r, i) => {
      const c = cases[i];
      expect(r.code, `${c.args.join(' ')}\n${r.stderr}`).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(r.stderr).toMatch(c.vi);
      expect(r.stderr).toMatch(c.en);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).not.toMatch(/Đã tạo|created/);
    });
    const afterCounts = inspect(dbFile, (db) => [count(db, 'users'), count(db, 'role_grants'), count(db, 'audit_log')]);
    expect(afterCounts).toEqual(beforeCounts);
    expect(checksum(dbFile)).toBe(before);
  });

  describe('with the server running', () => {
    let server: ServerProcess;
    let admin: HttpSession;

    beforeAll(async () => {
      server = await startKyniemServer(env);
      admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('an account made on the command line signs in; reset-password ends its sessions', async () => {
      const alice = await signInOverHttp(server.url, 'alice', 'alice-pass-1');
      const me = await alice.json('GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.mustChangePassword).toBe(false);
      expect(me.body.permissions).toContain('accounts.read');

      const reset = await runKyniem(['reset-password', 'alice', '--password', 'alice-new-pass-2', '--json'], env);
      expect(reset.stderr).toBe('');
      expect(reset.code).toBe(0);
      expect(parseJson(reset.stdout)).toEqual({ username: 'alice', generatedPassword: null });

      expect((await alice.request('GET', '/api/auth/me')).status).toBe(401);
      await expect(signInOverHttp(server.url, 'alice', 'alice-pass-1')).rejects.toThrow(/401/);
      const again = await signInOverHttp(server.url, 'alice', 'alice-new-pass-2');
      expect((await again.json('GET', '/api/auth/me')).body.user.mustChangePassword).toBe(true);

      const generated = await runKyniem(['reset-password', 'bao'], env);
      expect(generated.code).toBe(0);
      const password = /Mật khẩu \/ password: (\S+)/.exec(generated.stdout)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      await signInOverHttp(server.url, 'bao', password!);

      const unknown = await runKyniem(['reset-password', 'nobody', '--password', 'whatever-123'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/Không có tài khoản "nobody"/);
      expect(unknown.stderr).toMatch(/No account "nobody"/);

      const weak = await runKyniem(['reset-password', 'bao', '--password', 'short'], env);
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/Mật khẩu quá yếu[\s\S]*Password too weak/);
      await signInOverHttp(server.url, 'bao', password!); // unchanged
    });

    let backupFile: string;
    let inBackup: Set<string>;

    it('backup while the server is writing gives a consistent copy', async () => {
      const acknowledged: string[] = [];
      const attempted: string[] = [];
      let writing = true;
      let n = 0;
      const writer = async (w: number) => {
        while (writing) {
          const username = `w${w}-${++n}`;
          attempted.push(username);
          const res = await admin.request('POST', '/api/accounts', {
            username,
            displayName: `Người viết ${w} số ${n}`,
            password: 'writer-pass-1',
            grants: [{ role: 'viewer', unitId: null }],
          });
          if (res.status !== 201) throw new Error(`POST /api/accounts → ${res.status} ${await res.text()}`);
          acknowledged.push(username);
        }
      };
      const writers = [1, 2, 3, 4].map(writer);
      await new Promise((r) => setTimeout(r, 300));

      const ackedBefore = [...acknowledged];
      backupFile = path.join(work, 'nested', 'kyniem-backup.db');
      const backup = await runKyniem(['backup', backupFile, '--json'], env);
      const ackedDuring = acknowledged.length - ackedBefore.length;
      const attemptedByEnd = new Set(attempted);
      writing = false;
      await Promise.all(writers);

      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      const out = parseJson(backup.stdout);
      expect(out.file).toBe(backupFile);
      expect(out.bytes).toBe(fs.statSync(backupFile).size);
      expect(ackedDuring).toBeGreaterThan(0); // the server really was writing while the copy was made

      inBackup = inspect(backupFile, (db) => {
        expect(integrity(db)).toEqual(['ok']);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const users = usernamesIn(db);
        for (const u of ackedBefore) expect(users.has(u), `${u} acknowledged before the backup`).toBe(true);
        for (const u of users)
          expect(u === 'admin' || u === 'alice' || u === 'bao' || attemptedByEnd.has(u), u).toBe(true);
        // An account, its role and its audit entry are written in one transaction: all or none.
        const created = count(db, 'users') - 3;
        expect(created).toBeGreaterThanOrEqual(ackedBefore.length);
        expect(
          db.prepare("select count(*) as n from role_grants where role = 'viewer' and unit_id is null").get(),
        ).toEqual({ n: created });
        const audited = db
          .prepare(
            "select count(*) as n from audit_log a join users u on u.id = a.entity_id where a.action = 'user.create' and u.username like 'w%'",
          )
          .get() as { n: number };
        expect(audited.n).toBe(created);
        return users;
      });
      // A second backup to the same file is refused rather than overwriting it.
      const again = await runKyniem(['backup', backupFile], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/đã có[\s\S]*already exists/);
    });

    it('restore, with the server stopped, brings the backup back and keeps the previous database aside', async () => {
      const live = await listUsernames(admin);
      expect(live.size).toBeGreaterThan(inBackup.size); // writes went on after the backup
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });

      const restore = await runKyniem(['restore', backupFile, '--json'], env);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const out = parseJson<{ restored: string; savedPrevious: string }>(restore.stdout);
      expect(out.restored).toBe(backupFile);
      expect(path.dirname(out.savedPrevious)).toBe(dataDir);
      inspect(out.savedPrevious, (db) => {
        expect(integrity(db)).toEqual(['ok']);
        expect(usernamesIn(db)).toEqual(live);
      });
      inspect(dbFile, (db) => expect(integrity(db)).toEqual(['ok']));

      server = await startKyniemServer(env);
      admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
      expect(await listUsernames(admin)).toEqual(inBackup);
      await signInOverHttp(server.url, 'alice', 'alice-new-pass-2');
    });

    it('restore after the server was killed (a WAL left behind) keeps the killed data aside and restores the backup', async () => {
      const extra: string[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await admin.request('POST', '/api/accounts', {
          username: `late-${i}`,
          displayName: `Muộn ${i}`,
          password: 'late-pass-123',
        });
        expect(res.status).toBe(201);
        extra.push(`late-${i}`);
      }
      expect(await server.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);

      const restore = await runKyniem(['restore', backupFile, '--json'], env);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const { savedPrevious } = parseJson<{ savedPrevious: string }>(restore.stdout);
      inspect(savedPrevious, (db) => {
        expect(integrity(db)).toEqual(['ok']);
        const saved = usernamesIn(db);
        for (const u of extra) expect(saved.has(u), `${u} in the database kept aside`).toBe(true);
      });
      inspect(dbFile, (db) => {
        expect(integrity(db)).toEqual(['ok']);
        expect(usernamesIn(db)).toEqual(inBackup);
      });

      server = await startKyniemServer(env);
      admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
      expect(await listUsernames(admin)).toEqual(inBackup);
    });

    it('restore refuses a broken or foreign file with a clear message and leaves the database as it was', async () => {
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      const files = {
        random: path.join(work, 'random.db'),
        truncated: path.join(work, 'truncated.db'),
        foreign: path.join(work, 'foreign.db'),
        text: path.join(work, 'notes.txt'),
        newer: path.join(work, 'newer.db'),
        empty: path.join(work, 'empty.db'),
        missing: path.join(work, 'does-not-exist.db'),
      };
      fs.writeFileSync(files.random, randomBytes(64 * 1024));
      const good = fs.readFileSync(backupFile);
      fs.writeFileSync(files.truncated, good.subarray(0, Math.floor(good.length / 2) + 123));
      const foreign = new SqliteDatabase(files.foreign);
      foreign.exec(
        "create table notes (id integer primary key, body text); insert into notes (body) values ('không phải Kyniem');",
      );
      foreign.close();
      fs.copyFileSync(backupFile, files.newer);
      inspect(files.newer, (db) =>
        db
          .prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')")
          .run(),
      );
      fs.writeFileSync(
        files.text,
        'Đây là một tệp văn bản, không phải bản sao lưu.\nThis is a text file.\n'.repeat(50),
      );
      fs.writeFileSync(files.empty, '');

      const expected: Record<keyof typeof files, RegExp> = {
        random: /không phải tệp sao lưu SQLite của Kyniem[\s\S]*is not a Kyniem SQLite backup/,
        truncated: /(bị hỏng|Không đọc được)[\s\S]*(corrupt|Cannot read)/,
        foreign: /không chứa dữ liệu Kyniem[\s\S]*holds no Kyniem data/,
        text: /không phải tệp sao lưu SQLite của Kyniem[\s\S]*is not a Kyniem SQLite backup/,
        newer: /phiên bản Kyniem mới hơn \(9999_from_the_future\)[\s\S]*newer Kyniem \(9999_from_the_future\)/,
        empty: /không phải tệp sao lưu SQLite của Kyniem[\s\S]*is not a Kyniem SQLite backup/,
        missing: /Không có tệp[\s\S]*There is no file/,
      };
      const before = { db: checksum(dbFile), wal: checksum(`${dbFile}-wal`), listing: fs.readdirSync(dataDir).sort() };
      for (const [kind, file] of Object.entries(files) as [keyof typeof files, string][]) {
        const r = await runKyniem(['restore', file], env);
        expect(r.code, `${kind}: ${r.stdout}${r.stderr}`).toBe(1);
        expect(r.stderr, kind).toMatch(expected[kind]);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(
          { db: checksum(dbFile), wal: checksum(`${dbFile}-wal`), listing: fs.readdirSync(dataDir).sort() },
          kind,
        ).toEqual(before);
      }
      inspect(dbFile, (db) => {
        expect(integrity(db)).toEqual(['ok']);
        expect(usernamesIn(db)).toEqual(inBackup);
      });
    });
  });

  it('an unknown command prints the usage and exits with 2', async () => {
    const r = await runKyniem(['frobnicate'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có lệnh "frobnicate"/);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/Cách dùng \/ usage: kyniem <lệnh>/);
    expect(r.stderr).toMatch(/create-user <username>/);

    const help = await runKyniem(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Cách dùng \/ usage/);
  });

  it('a bad configuration stops the process with a message naming the variable', async () => {
    const cases: { args: string[]; env: Env; variable: string }[] = [
      { args: ['serve'], env: { PORT: 'abc' }, variable: 'PORT' },
      { args: ['serve'], env: { PORT: '70000' }, variable: 'PORT' },
      { args: ['migrate'], env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
      { args: ['serve'], env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
      { args: ['serve'], env: { LOG_LEVEL: 'chatty' }, variable: 'LOG_LEVEL' },
      { args: ['users'], env: { KYNIEM_PASSWORD_COST: '4' }, variable: 'KYNIEM_PASSWORD_COST' },
      { args: ['serve'], env: { KYNIEM_ADMIN_PASSWORD: 'short' }, variable: 'KYNIEM_ADMIN_PASSWORD' },
    ];
    const results = await runAll(cases.map((c) => () => runKyniem(c.args, { ...env, ...c.env })));
    results.forEach((r, i) => {
      const c = cases[i];
      expect(r.signal, `${c.variable} must stop the process by itself`).toBeNull();
      expect(r.code, c.variable).toBe(1);
      expect(r.stderr).toMatch(/Cấu hình không hợp lệ \/ Invalid configuration/);
      expect(r.stderr).toMatch(new RegExp(`- ${c.variable}: .*\\(nhận được / got "${c.env[c.variable]}"\\)`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('a port already in use stops the server with a message naming PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const r = await runKyniem(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`- PORT: 127\\.0\\.0\\.1:${port} đang được một tiến trình khác dùng / is already in use`),
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('an unusable DATA_DIR or an unreachable DATABASE_URL stops with a message naming the variable', async () => {
    const aFile = path.join(work, 'a-file');
    fs.writeFileSync(aFile, 'not a directory');
    const cases: { args: string[]; env: Env; message: RegExp }[] = [
      {
        args: ['migrate'],
        env: { DATA_DIR: path.join(aFile, 'data') },
        message: /- DATA_DIR: không tạo hoặc mở được CSDL \/ cannot create or open the database \(ENOTDIR/,
      },
      {
        args: ['serve'],
        env: { DATA_DIR: path.join(aFile, 'data') },
        message: /- DATA_DIR: không tạo hoặc mở được CSDL \/ cannot create or open the database \(ENOTDIR/,
      },
      {
        args: ['users'],
        env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        message: /- DATABASE_URL: không kết nối được PostgreSQL \/ cannot connect to PostgreSQL \(connect ECONNREFUSED/,
      },
    ];
    const results = await runAll(cases.map((c) => () => runKyniem(c.args, { ...env, ...c.env })));
    results.forEach((r, i) => {
      expect(r.signal).toBeNull();
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(cases[i].message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('backup and restore on PostgreSQL point to pg_dump and pg_restore', async () => {
    const pgEnv = { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const command of ['backup', 'restore']) {
      const r = await runKyniem([command, path.join(work, 'pg.dump')], pgEnv);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Với PostgreSQL hãy dùng pg_dump -Fc và pg_restore/);
      expect(r.stderr).toMatch(/On PostgreSQL use pg_dump -Fc and pg_restore/);
    }
    expect(fs.existsSync(path.join(work, 'pg.dump'))).toBe(false);
  });
});

if (dialects.includes('postgres')) {
  describe('kyniem command on PostgreSQL', { timeout: 240_000 }, () => {
    const database = `kyniem_cli_${randomBytes(5).toString('hex')}`;
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const env: Env = {
      DATABASE_URL: url.toString(),
      KYNIEM_PASSWORD_COST: '10',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(os.tmpdir(), 'kyniem-cli-unused'),
    };

    async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    }
    async function inDatabase<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin((c) => c.query(`create database ${database}`));
    });
    afterAll(async () => {
      await admin((c) => c.query(`drop database if exists ${database} with (force)`));
    });

    it('migrate --json creates the schema in an empty database, then has nothing to do', async () => {
      const first = await runKyniem(['migrate', '--json'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const out = parseJson<{ db: string; applied: string[] }>(first.stdout);
      expect(out.db).toBe('postgres');
      expect(out.applied).toContain('0001_platform');
      const tables = await inDatabase((c) =>
        c.query("select table_name from information_schema.tables where table_schema = 'public' order by 1"),
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['users', 'role_grants', 'audit_log', 'kysely_migration']),
      );

      const again = await runKyniem(['migrate', '--json'], env);
      expect(again.code).toBe(0);
      expect(parseJson(again.stdout)).toEqual({ db: 'postgres', applied: [] });
    });

    it('create-user creates the account with its roles; bad input creates nothing', async () => {
      const created = await runKyniem(
        [
          'create-user',
          'dung',
          '--name',
          'Phạm Dũng',
          '--password',
          'dung-pass-12',
          '--role',
          'judge@unit-7',
          '--json',
        ],
        env,
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(parseJson(created.stdout).user.username).toBe('dung');

      const refusals = await runAll([
        () => runKyniem(['create-user', 'em', '--name', 'Em', '--password', 'em-pass-123', '--role', 'emperor'], env),
        () => runKyniem(['create-user', 'em', '--name', 'Em', '--password', 'short'], env),
        () => runKyniem(['create-user', 'dung', '--name', 'Dũng khác', '--password', 'dung-pass-34'], env),
      ]);
      for (const r of refusals) {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/Không có vai trò|Mật khẩu quá yếu|đã có người dùng/);
        expect(r.stderr).toMatch(/There is no role|Password too weak|already taken/);
      }

      const listed = await runKyniem(['users', '--json'], env);
      expect(listed.code).toBe(0);
      expect(parseJson(listed.stdout)).toEqual([
        expect.objectContaining({ username: 'dung', displayName: 'Phạm Dũng', active: true }),
      ]);
      const rows = await inDatabase((c) =>
        c.query('select u.username, g.role, g.unit_id from users u join role_grants g on g.user_id = u.id'),
      );
      expect(rows.rows).toEqual([{ username: 'dung', role: 'judge', unit_id: 'unit-7' }]);
      const audits = await inDatabase((c) =>
        c.query("select count(*)::int as n from audit_log where action = 'user.create'"),
      );
      expect(audits.rows[0].n).toBe(1);
    });
  });
}
