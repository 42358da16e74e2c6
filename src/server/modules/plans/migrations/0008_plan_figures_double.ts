import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Plan figures were declared `real`, which PostgreSQL takes as a 4-byte float (92.3 comes back
 * as 92.30000305); SQLite's `real` is already 8 bytes. On PostgreSQL they become double precision.
 */
const columns: [string, string][] = [
  ['plan_activities', 'target_value'],
  ['plan_activities', 'progress_figure'],
  ['plan_reports', 'figure'],
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of columns)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('double precision'))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of columns)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('real'))
      .execute();
}
