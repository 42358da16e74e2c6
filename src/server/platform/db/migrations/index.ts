import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0004 from './0004_files.ts';
import * as m0015 from './0015_sign_in_attempts.ts';

/**
 * The platform's own migrations. Each module keeps its migrations in its folder
 * (`modules/<name>/migrations/`) and names them in its descriptor; `installModules` collects them
 * all, checks that no name or number is used twice, and runs them in name order (ADR 13).
 */
export const platformMigrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0004_files': m0004,
  '0015_sign_in_attempts': m0015,
};
