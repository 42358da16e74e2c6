import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { knownMigrations } from '../db/database.ts';

/**
 * Backups of the SQLite database. `backup` uses SQLite's online backup API, which copies a
 * consistent snapshot while the server keeps writing. `restore` checks the file thoroughly
 * before it touches anything: a SQLite file, a clean integrity check, Kyniem's tables, and no
 * migration this version does not know. The current database is copied aside first.
 */
export class BackupError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'BackupError';
  }
}

export async function backupSqlite(sourceFile: string, target: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(sourceFile))
    throw new BackupError(`Không có cơ sở dữ liệu tại ${sourceFile}.`, `No database at ${sourceFile}.`);
  const resolved = path.resolve(target);
  if (fs.existsSync(resolved))
    throw new BackupError(
      `Tệp ${resolved} đã có; hãy chọn tên khác.`,
      `${resolved} already exists; choose another name.`,
    );
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const source = new SqliteDatabase(sourceFile, { readonly: true, fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    await source.backup(resolved);
  } finally {
    source.close();
  }
  return { bytes: fs.statSync(resolved).size };
}

/** Checks a backup file; returns the migrations it holds. Throws BackupError with the reason. */
export function checkBackupFile(file: string): string[] {
  if (!fs.existsSync(file)) throw new BackupError(`Không có tệp ${file}.`, `There is no file ${file}.`);
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  fs.readSync(fd, header, 0, 16, 0);
  fs.closeSync(fd);
  if (header.toString('latin1') !== 'SQLite format 3\u0000') {
    throw new BackupError(
      `${file} không phải tệp sao lưu SQLite của Kyniem.`,
      `${file} is not a Kyniem SQLite backup.`,
    );
  }
  let db: SqliteDatabase.Database | null = null;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') {
      throw new BackupError(
        `Tệp sao lưu bị hỏng (kiểm tra toàn vẹn thất bại).`,
        `The backup is corrupt (integrity check failed).`,
      );
    }
    const hasTable = db.prepare("select 1 from sqlite_master where type='table' and name='kysely_migration'").get();
    if (!hasTable) throw new BackupError(`Tệp không chứa dữ liệu Kyniem.`, `The file holds no Kyniem data.`);
    const names = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unknown = names.filter((n) => !knownMigrations().includes(n));
    if (unknown.length) {
      throw new BackupError(
        `Tệp sao lưu từ phiên bản Kyniem mới hơn (${unknown.join(', ')}); hãy cập nhật Kyniem trước.`,
        `The backup comes from a newer Kyniem (${unknown.join(', ')}); upgrade Kyniem first.`,
      );
    }
    return names;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      `Không đọc được tệp sao lưu: ${(err as Error).message}`,
      `Cannot read the backup: ${(err as Error).message}`,
    );
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database with the backup, through SQLite's backup API so that the WAL and any
 * open reader stay consistent. Returns where the previous database was copied to.
 */
export async function restoreSqlite(backupFile: string, targetFile: string): Promise<{ savedPrevious: string | null }> {
  checkBackupFile(backupFile);
  let savedPrevious: string | null = null;
  if (fs.existsSync(targetFile)) {
    savedPrevious = `${targetFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await backupSqlite(targetFile, savedPrevious);
  }
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const source = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  return { savedPrevious };
}
