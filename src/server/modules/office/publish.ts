import type { Kysely } from 'kysely';
import { partyDocumentTypes } from '../../../common/partyDocumentTypes.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { attachFiles, filesOf, readStoredFile } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { type Caller, inTransaction, requirePermission } from './access.ts';
import { findOutgoing, OUTGOING_FILES, receiptBoard } from './outgoing.ts';
import type { ReceiptBoardOut } from './schema.ts';

/**
 * What the Office publishes: it marks an outgoing document public (or not) and attaches its signed
 * scan; the public website lists the public documents (`publicDocuments`, through index.ts) and
 * anyone may download a public document's file at /van-ban/{id}/tai-ve without signing in. A
 * document not marked public, or without a file, answers 404 there, as an unknown id does.
 */
export const publicFilePath = (id: string) => `/van-ban/${id}/tai-ve`;

const typeNames = new Map(partyDocumentTypes.map((t) => [t.code as string, t]));

export async function setOutgoingPublic(
  platform: Platform,
  caller: Caller,
  id: string,
  isPublic: boolean,
): Promise<ReceiptBoardOut> {
  requirePermission(caller, 'office.issue');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const row = await findOutgoing(tx, id);
    if ((row.is_public === 1) === isPublic) return;
    await tx
      .updateTable('office_outgoing')
      .set({ is_public: isPublic ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'office_outgoing.public',
        entityType: 'office_outgoing',
        entityId: id,
        before: { isPublic: row.is_public === 1 },
        after: { isPublic },
      },
      now,
    );
  });
  return receiptBoard(platform, caller, id);
}

/** Attaches the signed scan to an issued document (the latest file is the document's file). */
export async function attachOutgoingFile(
  platform: Platform,
  caller: Caller,
  id: string,
  fileId: string,
): Promise<ReceiptBoardOut> {
  requirePermission(caller, 'office.issue');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    await findOutgoing(tx, id);
    const [file] = await attachFiles(tx, caller.actor, [fileId], { type: OUTGOING_FILES, id }, 'fileId');
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'office_outgoing.file',
        entityType: 'office_outgoing',
        entityId: id,
        after: { fileId: file.id, name: file.name },
      },
      now,
    );
  });
  return receiptBoard(platform, caller, id);
}

export type PublicDocument = {
  id: string;
  /** "45-KH/ĐUK" */
  number: string;
  date: string;
  type: { code: string; vi: string; en: string };
  summary: string;
  /** where anyone may download its file, or null when the Office has attached none */
  fileUrl: string | null;
};

/**
 * The documents the Office marked public, latest first, a page at a time (for the public website).
 * `pageSize` is held to 1…100.
 */
export async function publicDocuments(
  db: Kysely<Database>,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ items: PublicDocument[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const total = Number(
    (
      await db
        .selectFrom('office_outgoing')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_public', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await db
    .selectFrom('office_outgoing')
    .select(['id', 'symbol', 'issued_on', 'doc_type', 'summary'])
    .where('is_public', '=', 1)
    .orderBy('issued_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const files = await filesOf(
    db,
    OUTGOING_FILES,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const t = typeNames.get(r.doc_type);
      return {
        id: r.id,
        number: r.symbol,
        date: r.issued_on,
        type: { code: r.doc_type, vi: t?.vi ?? r.doc_type, en: t?.en ?? r.doc_type },
        summary: r.summary,
        fileUrl: files.get(r.id)?.length ? publicFilePath(r.id) : null,
      };
    }),
    total,
    page,
    pageSize,
  };
}

const publicNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy văn bản công khai.', en: 'Public document not found.' });

/** A public document's file (its latest), for anyone; 404 for a document not public or without a file. */
export async function publicDocumentFile(platform: Platform, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw publicNotFound();
  const row = await platform.db
    .selectFrom('office_outgoing')
    .select(['id', 'symbol', 'is_public'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.is_public !== 1) throw publicNotFound();
  const file = (await filesOf(platform.db, OUTGOING_FILES, [id])).get(id)?.at(-1);
  if (!file) throw publicNotFound();
  // Past the gate above, the store reads it as the system would (the owner's rule allows public documents too).
  return readStoredFile(platform, systemCaller('public documents'), file.id);
}
