import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/record.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/tables.ts';
import { newId } from '../db/ids.ts';
import { AppError, fail, type Bilingual } from '../http/errors.ts';
import type { Grant } from '../policy/policy.ts';
import type { Platform } from '../platform.ts';
import { allFileKinds, fileKinds, sniffFileKind, type FileKindName } from './mediaTypes.ts';
import { reencodeImage } from './images.ts';
import { safeFileName } from './names.ts';

/**
 * Uploaded files (ADR 9): stored with their bytes in the database, found by id, typed by their
 * content. A file is uploaded unowned, then attached to its owner in the owner's transaction;
 * who may read it is decided by the owner's module through a `FileOwner`.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Unowned uploads are kept this long (a person filling in a form), then removed by housekeeping. */
export const UNOWNED_TTL_MS = 24 * 3600_000;

export type StoredFile = { id: string; name: string; size: number; mediaType: string; uploadedAt: string };

const tooLarge = (limit: number) =>
  new AppError(413, 'FILE_TOO_LARGE', {
    vi: `Tệp quá lớn: tối đa ${Math.round(limit / 1024 / 1024)} MB.`,
    en: `The file is too large: at most ${Math.round(limit / 1024 / 1024)} MB.`,
  });
const emptyFile = () => fail.badRequest('FILE_EMPTY', { vi: 'Tệp rỗng.', en: 'The file is empty.' });
const unacceptedKind = (allowed: FileKindName[]) => {
  const list = allowed.map((k) => fileKinds[k].label).join(', ');
  return new AppError(415, 'FILE_TYPE_REFUSED', {
    vi: `Loại tệp không được chấp nhận (kiểm tra theo nội dung, không theo tên). Chấp nhận: ${list}.`,
    en: `This kind of file is not accepted (checked by its content, not its name). Accepted: ${list}.`,
  });
};
export const fileNotFound = () => fail.notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });

const view = (r: { id: string; name: string; size: number; media_type: string; uploaded_at: string }): StoredFile => ({
  id: r.id,
  name: r.name,
  size: Number(r.size),
  mediaType: r.media_type,
  uploadedAt: r.uploaded_at,
});

/**
 * Checks the bytes (size; kind by their whole structure, archives checked for bombs), re-encodes an
 * image, stores the result unowned, and records the upload.
 */
export async function saveUpload(
  platform: Platform,
  actor: Actor,
  input: Uint8Array,
  givenName: string | null,
  options: { allowed?: FileKindName[]; maxBytes?: number } = {},
): Promise<StoredFile> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const allowed = options.allowed ?? allFileKinds;
  if (input.length === 0) throw emptyFile();
  if (input.length > maxBytes) throw tooLarge(maxBytes);
  const kind = await sniffFileKind(input);
  if (!kind || !allowed.includes(kind)) throw unacceptedKind(allowed);
  // An image is kept as its pixels only: decoded and written again, without Exif, GPS or trailing bytes.
  let bytes = input;
  if (kind === 'png' || kind === 'jpeg' || kind === 'webp') {
    const clean = await reencodeImage(input, kind);
    if (!clean) throw unacceptedKind(allowed);
    bytes = clean;
  }
  const now = platform.clock();
  const row = {
    id: newId(now.getTime()),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    media_type: fileKinds[kind].mediaType,
    name: safeFileName(givenName, fileKinds[kind].extension),
    owner_type: null,
    owner_id: null,
    uploaded_by: actor.userId,
    uploaded_at: now.toISOString(),
  };
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('stored_files')
      .values({ ...row, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      .execute();
    await recordAudit(
      tx,
      actor,
      { action: 'file.upload', entityType: 'stored_file', entityId: row.id, after: row },
      now,
    );
  });
  return view(row);
}

/**
 * Attaches the caller's own unowned uploads (the system's, for a caller without an account) to an owner, inside the owner's transaction. Any id
 * that is not such a file refuses the whole change with a message on `field`.
 */
export async function attachFiles(
  tx: Kysely<Database>,
  actor: Actor,
  ids: string[],
  owner: { type: string; id: string },
  field = 'attachmentIds',
): Promise<StoredFile[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const mine = await tx
    .selectFrom('stored_files')
    .select(['id', 'name', 'size', 'media_type', 'uploaded_at'])
    .where('id', 'in', unique)
    .where('owner_type', 'is', null)
    // the system (demo data, jobs: no account) attaches what the system itself uploaded
    .where('uploaded_by', actor.userId === null ? 'is' : '=', actor.userId)
    .execute();
  if (mine.length !== unique.length) {
    throw fail.validation([
      {
        in: 'body',
        path: field,
        code: 'file_not_available',
        messages: {
          vi: 'Tệp đính kèm không còn (đã quá hạn hoặc đã dùng) hoặc không phải do bạn tải lên; hãy tải lên lại.',
          en: 'An attachment is no longer available (expired or already used) or was not uploaded by you; upload it again.',
        },
      },
    ]);
  }
  await tx
    .updateTable('stored_files')
    .set({ owner_type: owner.type, owner_id: owner.id })
    .where('id', 'in', unique)
    .execute();
  return mine.map(view);
}

/** The files of some owners, by owner id, in upload order (metadata only, never the bytes). */
export async function filesOf(
  db: Kysely<Database>,
  ownerType: string,
  ownerIds: string[],
): Promise<Map<string, StoredFile[]>> {
  const out = new Map<string, StoredFile[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('stored_files')
    .select(['id', 'name', 'size', 'media_type', 'uploaded_at', 'owner_id'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.owner_id!, [...(out.get(r.owner_id!) ?? []), view(r)]);
  return out;
}

/** Who is reading: the same shape as a module's caller. */
export type FileReader = { actor: Actor; grants: readonly Grant[] };

/** Who may read the files of an owner: the owner's module answers. */
export interface FileOwner {
  type: string;
  label: Bilingual;
  mayRead(platform: Platform, reader: FileReader, ownerId: string): Promise<boolean>;
}

const owners = new Map<string, FileOwner>();
export function registerFileOwner(owner: FileOwner): void {
  owners.set(owner.type, owner);
}

/**
 * One file with its bytes, for a reader who may see it: the uploader while it is unowned, then
 * whoever the owner's module allows. Anyone else gets "not found", so ids cannot be probed.
 */
export async function readStoredFile(platform: Platform, reader: FileReader, id: string) {
  const row = await platform.db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fileNotFound();
  const allowed =
    row.owner_type === null
      ? row.uploaded_by !== null && row.uploaded_by === reader.actor.userId
      : Boolean(
          await owners
            .get(row.owner_type)
            ?.mayRead(platform, reader, row.owner_id!)
            .catch(() => false),
        );
  if (!allowed) throw fileNotFound();
  return { ...view(row), sha256: row.sha256, content: new Uint8Array(row.content) };
}

/** Housekeeping: unowned uploads older than `UNOWNED_TTL_MS`. */
export async function purgeUnownedFiles(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNOWNED_TTL_MS).toISOString();
  const r = await db
    .deleteFrom('stored_files')
    .where('owner_type', 'is', null)
    .where('uploaded_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes some of an owner's files (e.g. a photo replaced by a new one), in the owner's transaction. */
export async function deleteOwnedFiles(
  tx: Kysely<Database>,
  owner: { type: string; id: string },
  ids: string[],
): Promise<void> {
  if (ids.length)
    await tx
      .deleteFrom('stored_files')
      .where('owner_type', '=', owner.type)
      .where('owner_id', '=', owner.id)
      .where('id', 'in', ids)
      .execute();
}

/** Removes an owner's files (the owner is being deleted), in its transaction. */
export async function deleteFilesOf(tx: Kysely<Database>, ownerType: string, ownerIds: string[]): Promise<void> {
  if (ownerIds.length)
    await tx.deleteFrom('stored_files').where('owner_type', '=', ownerType).where('owner_id', 'in', ownerIds).execute();
}
