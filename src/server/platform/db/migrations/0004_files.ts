import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Uploaded files (report attachments, dossiers, photos). The bytes live in the database beside
 * their metadata, so that every app process behind a load balancer serves every file and a
 * backup of the database is a backup of everything (ADR 9). A file is uploaded first, unowned,
 * and then attached to its owner (a progress report, a nomination…) in the owner's transaction;
 * unowned files older than a day are removed by the housekeeping job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('content', binary as 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stored_files_owner_idx')
    .on('stored_files')
    .columns(['owner_type', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('stored_files_unowned_idx')
    .on('stored_files')
    .columns(['uploaded_by', 'uploaded_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stored_files').execute();
}
