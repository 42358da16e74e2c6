import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/platform/config/config.ts';
import { migrateToLatest, sqliteFileIn } from '../server/platform/db/database.ts';
import { openPlatformDatabase, startPlatform, stopPlatform, type Platform } from '../server/platform/platform.ts';
import { createLogger } from '../server/platform/logging/logger.ts';
import { systemActor } from '../server/platform/audit/record.ts';
import { endSessionsOf } from '../server/platform/auth/sessions.ts';
import { findUserByUsername, insertUser, setPassword } from '../server/platform/auth/users.ts';
import { generatePassword, passwordProblem } from '../server/platform/auth/passwords.ts';
import { roles, type Role } from '../server/platform/policy/permissions.ts';
import { backupSqlite, BackupError, restoreSqlite } from '../server/platform/backup/sqliteBackup.ts';
import { AppError } from '../server/platform/http/errors.ts';
import { requiredText } from '../common/schemas.ts';
import { loadDemoData } from '../server/demo.ts';
import { runServer } from '../server/main.ts';
import { ensureWebBuilt } from './build.ts';
import { readFile } from 'node:fs/promises';
import { importPlanDocument } from '../server/modules/plans/import/importPlan.ts';
import { summariseDraft } from '../server/modules/plans/import/summary.ts';

/** The `kyniem` command. Commands that report data take --json. */
const help = `kyniem — hệ thống quản lý kế hoạch / plan-of-work system

Cách dùng / usage: kyniem <lệnh> [tuỳ chọn]

  serve [--build-if-missing]      chạy máy chủ / run the server (PORT, DATA_DIR, DATABASE_URL…)
  migrate [--json]                cập nhật cấu trúc CSDL / apply database migrations
  create-user <username> --name "Họ tên" [--password P] [--role ROLE[@UNIT_ID]]… [--json]
  reset-password <username> [--password P] [--json]
  users [--json]                  liệt kê tài khoản / list accounts
  backup <FILE> [--json]          sao lưu trực tuyến CSDL SQLite / online SQLite backup
  restore <FILE> [--json]         khôi phục từ bản sao lưu (dừng máy chủ trước) / restore (stop the server first)
  demo [--json]                   nạp dữ liệu mẫu / load the demo data
  plan import <FILE> [--json]     đọc kế hoạch (.txt, .docx) thành bản dự thảo, không lưu / draft a plan from a document, nothing saved
  tournament draw <FILE> [--json] bốc thăm thi đấu loại trực tiếp / a knockout draw (BWF placement, units kept apart)
  tournament rank <FILE> [--json] xếp hạng bảng đấu vòng tròn / rank a round-robin group (GCR 16.2)
  festival rank <FILE> [--json]   xếp hạng tiết mục liên hoan từ phiếu chấm / rank a festival's entries from the judges' sheets
  ceremony times <FILE> [--json]  tính giờ chương trình buổi lễ / the ceremony programme's times (hard starts, actual times, target end)

Vai trò / roles: ${roles.join(', ')}
PostgreSQL: sao lưu bằng pg_dump -Fc, khôi phục bằng pg_restore (xem README) / use pg_dump and pg_restore.`;

type Out = { json: boolean };

function print(out: Out, data: unknown, text: string) {
  process.stdout.write(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

async function withPlatform<T>(fn: (p: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const platform = await startPlatform({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  try {
    return await fn(platform);
  } finally {
    await stopPlatform(platform);
  }
}

function parseRole(spec: string): { role: Role; unitId: string | null } {
  const [role, unitId] = spec.split('@');
  if (!(roles as readonly string[]).includes(role)) {
    throw new AppError(400, 'UNKNOWN_ROLE', { vi: `Không có vai trò "${role}".`, en: `There is no role "${role}".` });
  }
  return { role: role as Role, unitId: unitId || null };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      'build-if-missing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const out: Out = { json: values.json ?? false };

  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${help}\n`);
      return 0;

    case 'serve': {
      const config = loadConfig();
      if (values['build-if-missing']) await ensureWebBuilt();
      await runServer(config);
      return -1; // keeps running
    }

    case 'migrate': {
      const config = loadConfig();
      const database = await openPlatformDatabase(config);
      try {
        const result = await migrateToLatest(database);
        const applied = (result.results ?? []).map((r) => r.migrationName);
        print(
          out,
          { db: database.dialect, applied },
          applied.length ? `Đã áp dụng / applied: ${applied.join(', ')}` : 'CSDL đã mới nhất / database is up to date',
        );
      } finally {
        await database.close();
      }
      return 0;
    }

    case 'create-user': {
      const username = positionals[0];
      if (!username || !values.name) throw usage('create-user <username> --name "Họ tên"');
      const name = requiredText(200).safeParse(values.name);
      if (!name.success) {
        throw new AppError(400, 'BAD_NAME', {
          vi: 'Họ tên không được để trống, tối đa 200 ký tự, không chứa ký tự điều khiển.',
          en: 'The name must not be blank, at most 200 characters, with no control characters.',
        });
      }
      const grants = (values.role ?? []).map(parseRole);
      return withPlatform(async (p) => {
        const password = values.password ?? generatePassword();
        const problem = passwordProblem(password, username);
        if (problem)
          throw new AppError(400, 'WEAK_PASSWORD', {
            vi: 'Mật khẩu quá yếu (ít nhất 8 ký tự, khác tên đăng nhập).',
            en: 'Password too weak (at least 8 characters, not the username).',
          });
        if (!/^[A-Za-z0-9._-]{3,64}$/.test(username))
          throw new AppError(400, 'BAD_USERNAME', {
            vi: 'Tên đăng nhập gồm 3–64 ký tự không dấu.',
            en: 'A username is 3–64 unaccented characters.',
          });
        const user = await p.db
          .transaction()
          .execute((tx) =>
            insertUser(
              tx,
              p.passwords,
              { username, displayName: name.data, password, grants, mustChangePassword: !values.password },
              systemActor('cli'),
              p.clock(),
            ),
          );
        print(
          out,
          { user, grants, generatedPassword: values.password ? null : password },
          `Đã tạo / created ${user.username}${values.password ? '' : `\nMật khẩu / password: ${password}`}`,
        );
        return 0;
      });
    }

    case 'reset-password': {
      const username = positionals[0];
      if (!username) throw usage('reset-password <username>');
      return withPlatform(async (p) => {
        const user = await findUserByUsername(p.db, username);
        if (!user)
          throw new AppError(404, 'NOT_FOUND', {
            vi: `Không có tài khoản "${username}".`,
            en: `No account "${username}".`,
          });
        const password = values.password ?? generatePassword();
        if (passwordProblem(password, username))
          throw new AppError(400, 'WEAK_PASSWORD', { vi: 'Mật khẩu quá yếu.', en: 'Password too weak.' });
        await p.db
          .transaction()
          .execute((tx) =>
            setPassword(tx, p.passwords, user.id, password, true, systemActor('cli'), 'user.password_reset', p.clock()),
          );
        await endSessionsOf(p.db, user.id);
        print(
          out,
          { username: user.username, generatedPassword: values.password ? null : password },
          `Đã đặt lại / reset ${user.username}${values.password ? '' : `\nMật khẩu / password: ${password}`}`,
        );
        return 0;
      });
    }

    case 'users': {
      return withPlatform(async (p) => {
        const rows = await p.db
          .selectFrom('users')
          .select(['username', 'display_name', 'is_active', 'created_at'])
          .orderBy('username')
          .execute();
        const users = rows.map((r) => ({
          username: r.username,
          displayName: r.display_name,
          active: r.is_active === 1,
          createdAt: r.created_at,
        }));
        print(
          out,
          users,
          users
            .map((u) => `${u.username.padEnd(24)} ${u.displayName}${u.active ? '' : ' (khóa / disabled)'}`)
            .join('\n'),
        );
        return 0;
      });
    }

    case 'backup':
    case 'restore': {
      const file = positionals[0];
      if (!file) throw usage(`${command} <FILE>`);
      const config = loadConfig();
      if (config.databaseUrl) {
        throw new BackupError(
          'Với PostgreSQL hãy dùng pg_dump -Fc và pg_restore (xem README).',
          'On PostgreSQL use pg_dump -Fc and pg_restore (see the README).',
        );
      }
      const dbFile = sqliteFileIn(config.dataDir);
      if (command === 'backup') {
        const { bytes } = await backupSqlite(dbFile, file);
        print(out, { file, bytes }, `Đã sao lưu / backed up to ${file} (${bytes} bytes)`);
      } else {
        const { savedPrevious } = await restoreSqlite(file, dbFile);
        print(
          out,
          { restored: file, savedPrevious },
          `Đã khôi phục / restored from ${file}${savedPrevious ? `\nCSDL cũ được giữ tại / previous database kept at ${savedPrevious}` : ''}`,
        );
      }
      return 0;
    }

    case 'demo': {
      return withPlatform(async (p) => {
        const counts = await loadDemoData(p);
        print(
          out,
          counts,
          Object.entries(counts)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n') || 'Không có dữ liệu mẫu mới / nothing new to load',
        );
        return 0;
      });
    }

    case 'plan': {
      const [sub, file] = positionals;
      if (sub !== 'import' || !file) throw usage('plan import <FILE> [--json]');
      const draft = await importPlanDocument(await readPlanFile(file));
      print(out, draft, summariseDraft(draft));
      return 0;
    }

    case 'tournament': {
      const { tournamentCommand } = await import('./tournament.ts');
      return tournamentCommand(positionals, out.json);
    }

    case 'festival': {
      const { festivalCommand } = await import('./festival.ts');
      return festivalCommand(positionals, out.json);
    }

    case 'ceremony': {
      const { ceremonyCommand } = await import('./ceremony.ts');
      return ceremonyCommand(positionals, out.json);
    }

    default:
      throw usage(`không có lệnh "${command}" / unknown command "${command}"`);
  }
}

async function readPlanFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new AppError(404, 'FILE_NOT_FOUND', { vi: `Không có tệp "${file}".`, en: `There is no file "${file}".` });
    if (code === 'EISDIR')
      throw new AppError(400, 'NOT_A_FILE', {
        vi: `"${file}" là thư mục, không phải tệp.`,
        en: `"${file}" is a directory, not a file.`,
      });
    throw new AppError(400, 'FILE_UNREADABLE', {
      vi: `Không đọc được tệp "${file}" (${code ?? 'lỗi'}).`,
      en: `Cannot read the file "${file}" (${code ?? 'error'}).`,
    });
  }
}

function usage(what: string) {
  return new AppError(2, 'USAGE', { vi: `Sai cách dùng: ${what}`, en: `Usage: ${what}` });
}

/**
 * The database named by the configuration cannot be reached or created: say which variable to
 * look at rather than print a stack trace.
 */
function storageProblem(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  const code = String((err as { code?: unknown }).code ?? '');
  if (
    process.env.DATABASE_URL &&
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|3D000|28000|28P01)$/.test(code)
  ) {
    return `DATABASE_URL: không kết nối được PostgreSQL / cannot connect to PostgreSQL (${err.message})`;
  }
  if (!process.env.DATABASE_URL && /^(ENOTDIR|EACCES|EPERM|EROFS|ENOSPC|SQLITE_CANTOPEN|SQLITE_READONLY)/.test(code)) {
    return `DATA_DIR: không tạo hoặc mở được CSDL / cannot create or open the database (${err.message})`;
  }
  return null;
}

export async function run(argv: string[]) {
  try {
    const code = await main(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof BackupError) process.stderr.write(`${err.vi}\n${err.en}\n`);
    else if (err instanceof AppError)
      process.stderr.write(`${err.messages.vi}\n${err.messages.en}\n${err.code === 'USAGE' ? `\n${help}\n` : ''}`);
    else if (
      err instanceof Error &&
      err.name === 'TypeError' &&
      /parseArgs|Unknown option/i.test(String((err as { code?: string }).code) + err.message)
    )
      process.stderr.write(`${err.message}\n\n${help}\n`);
    else if (storageProblem(err)) process.stderr.write(`${new ConfigError([storageProblem(err)!]).message}\n`);
    else {
      createLogger('error').error('command failed', { err });
    }
    process.exitCode = err instanceof AppError && err.code === 'USAGE' ? 2 : 1;
  }
}
