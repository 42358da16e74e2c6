import { createInflateRaw } from 'node:zlib';
import { AppError, type Bilingual } from '../http/errors.ts';

/**
 * The one gate every zip-based upload passes before anything parses it (.xlsx, .docx, any later
 * import): the central directory is read from the bytes, every entry is checked against it, and
 * each entry is inflated as a stream whose output is counted and dropped, stopping the moment it
 * passes its budget. So a bomb costs at most the budget in CPU and a few tens of kB of memory per
 * stream, whatever its headers claim; only an archive that passes reaches JSZip or ExcelJS, which
 * load everything at once.
 *
 * Refused: no end of central directory, ZIP64, encryption, methods other than store and deflate,
 * more entries than allowed, names that climb out (`..`, absolute) or repeat, entries whose local
 * header disagrees with the directory or whose data overlap another's or the directory (the
 * "overlapping files" bomb, where every entry points at the same kernel), sizes the data do not
 * bear out (a header that lies), a total unpacked size over the limit, a compression ratio
 * past what real documents reach, or an archive inside an archive inside an archive (one level,
 * a workbook embedded in a document, is checked in turn within the same budget).
 */
export type ArchiveLimits = {
  /** Entries in the central directory. */
  maxEntries: number;
  /** The sum of every entry's real unpacked size. */
  maxUnpackedBytes: number;
  /** Unpacked / packed, for the whole archive and for any entry larger than `ratioFloorBytes`. */
  maxRatio: number;
};

/**
 * Office Open XML packages. A report form or an import list is a few hundred kB unpacked and a
 * long plan a few MB; real packages compress 5–30 times (a sheet of repeated cells up to ~100),
 * a deflate bomb ~1,000.
 */
export const officeArchiveLimits: ArchiveLimits = {
  maxEntries: 1000,
  maxUnpackedBytes: 30 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries smaller than this are not held to the ratio on their own (a few kB of zeros is no bomb). */
const ratioFloorBytes = 1024 * 1024;

export type ArchiveEntry = {
  name: string;
  method: 0 | 8;
  packedSize: number;
  size: number;
  /** Where the entry's packed data starts in the archive. */
  dataOffset: number;
};

export type InspectedArchive = {
  entries: ArchiveEntry[];
  unpackedBytes: number;
  has(name: string): boolean;
  /** One entry's bytes (inflated again, held to its checked size); null if there is no such entry. */
  read(name: string): Promise<Buffer | null>;
};

export type ArchiveProblem =
  | 'not_zip'
  | 'unsupported'
  | 'too_many_entries'
  | 'bad_name'
  | 'overlapping'
  | 'size_mismatch'
  | 'too_large'
  | 'ratio'
  | 'nested';

const problemText: Record<ArchiveProblem, Bilingual> = {
  not_zip: { vi: 'không phải tệp nén zip đọc được', en: 'it is not a readable zip archive' },
  unsupported: {
    vi: 'tệp nén dùng mã hoá, ZIP64 hoặc kiểu nén không hỗ trợ',
    en: 'the archive uses encryption, ZIP64 or an unsupported compression method',
  },
  too_many_entries: { vi: 'tệp nén có quá nhiều phần', en: 'the archive has too many entries' },
  bad_name: {
    vi: 'tệp nén có tên phần không hợp lệ hoặc trùng',
    en: 'the archive has invalid or repeated entry names',
  },
  overlapping: {
    vi: 'các phần của tệp nén chồng lên nhau',
    en: 'the archive’s entries overlap one another',
  },
  size_mismatch: {
    vi: 'kích thước ghi trong tệp nén không khớp với nội dung',
    en: 'the sizes written in the archive do not match its contents',
  },
  too_large: { vi: 'tệp giải nén ra quá lớn', en: 'it unpacks to more than is allowed' },
  nested: { vi: 'tệp nén lồng nhau quá một cấp', en: 'it holds archives inside archives inside archives' },
  ratio: {
    vi: 'tỉ lệ nén bất thường (nghi tệp “bom nén”)',
    en: 'its compression ratio is abnormal (a likely zip bomb)',
  },
};

/** The archive was refused; `problem` says why. Answered as 400 (413 when it unpacks too large). */
export class ArchiveRefused extends AppError {
  constructor(readonly problem: ArchiveProblem) {
    const why = problemText[problem];
    super(problem === 'too_large' || problem === 'ratio' ? 413 : 400, 'ARCHIVE_REFUSED', {
      vi: `Không nhận tệp: ${why.vi}.`,
      en: `The file is refused: ${why.en}.`,
    });
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  return -1;
}

/**
 * Inflates as a stream, counting the output and dropping it but for its first bytes (to see whether
 * it is an archive itself); stops as soon as `limit` is passed.
 */
function inflatedSize(packed: Buffer, limit: number): Promise<{ size: number; head: Buffer }> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let head = Buffer.alloc(0);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    inflate.on('data', (chunk: Buffer) => {
      if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
      total += chunk.length;
      if (total > limit) {
        settle(() => resolve({ size: total, head }));
        inflate.destroy();
      }
    });
    inflate.on('end', () => settle(() => resolve({ size: total, head })));
    inflate.on('error', (e) => settle(() => reject(e)));
    inflate.end(packed);
  });
}

/** Inflates one entry already checked, refusing any byte past its checked size. */
function inflateChecked(packed: Buffer, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const chunks: Buffer[] = [];
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > size) {
        inflate.destroy();
        reject(new ArchiveRefused('size_mismatch'));
      } else chunks.push(chunk);
    });
    inflate.on('end', () =>
      total === size ? resolve(Buffer.concat(chunks, total)) : reject(new ArchiveRefused('size_mismatch')),
    );
    inflate.on('error', () => reject(new ArchiveRefused('not_zip')));
    inflate.end(packed);
  });
}

/** True when the bytes begin as a zip archive does (a local header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Checks the archive against the limits, inflating every entry within its budget; throws `ArchiveRefused`. */
export async function inspectArchive(
  input: Uint8Array,
  limits: ArchiveLimits = officeArchiveLimits,
  depth = 0,
): Promise<InspectedArchive> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22) throw new ArchiveRefused('not_zip');
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw new ArchiveRefused('not_zip');
  const disk = bytes.readUInt16LE(end + 4);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff || directorySize === 0xffffffff)
    throw new ArchiveRefused('unsupported');
  if (disk !== 0 || count !== bytes.readUInt16LE(end + 8)) throw new ArchiveRefused('unsupported');
  if (count > limits.maxEntries) throw new ArchiveRefused('too_many_entries');
  if (directoryStart + directorySize > end) throw new ArchiveRefused('not_zip');

  const entries: ArchiveEntry[] = [];
  const spans: [number, number][] = [];
  const names = new Set<string>();
  let declared = 0;
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new ArchiveRefused('not_zip');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const packedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (flags & 0x41 || (method !== 0 && method !== 8)) throw new ArchiveRefused('unsupported');
    if (packedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ArchiveRefused('unsupported');
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) throw new ArchiveRefused('not_zip');
    const rawName = bytes.subarray(at + 46, nameEnd);
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (
      !name ||
      name.startsWith('/') ||
      name.includes('\\') ||
      name.includes('\0') ||
      name.split('/').includes('..') ||
      names.has(name)
    )
      throw new ArchiveRefused('bad_name');
    names.add(name);

    // The local header must agree with the directory, and the data must lie before the directory.
    if (localOffset + 30 > directoryStart || bytes.readUInt32LE(localOffset) !== LOCAL)
      throw new ArchiveRefused('not_zip');
    const localNameLength = bytes.readUInt16LE(localOffset + 26);
    const localExtraLength = bytes.readUInt16LE(localOffset + 28);
    if (
      bytes.readUInt16LE(localOffset + 8) !== method ||
      localNameLength !== nameLength ||
      !bytes.subarray(localOffset + 30, localOffset + 30 + nameLength).equals(rawName)
    )
      throw new ArchiveRefused('size_mismatch');
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + packedSize > directoryStart) throw new ArchiveRefused('overlapping');
    if (method === 0 && packedSize !== size) throw new ArchiveRefused('size_mismatch');
    spans.push([localOffset, dataOffset + packedSize]);
    entries.push({ name, method: method as 0 | 8, packedSize, size, dataOffset });
    declared += size;
    at = nameEnd + extraLength + commentLength;
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) throw new ArchiveRefused('overlapping');

  const packedTotal = entries.reduce((n, e) => n + e.packedSize, 0);
  const overRatio = (size: number, packed: number) =>
    size > ratioFloorBytes && size > limits.maxRatio * Math.max(packed, 1);
  if (declared > limits.maxUnpackedBytes) throw new ArchiveRefused('too_large');
  if (overRatio(declared, packedTotal)) throw new ArchiveRefused('ratio');

  // What the headers say is only a claim: inflate each entry, one at a time, within what is left.
  let unpacked = 0;
  for (const e of entries) {
    if (overRatio(e.size, e.packedSize)) throw new ArchiveRefused('ratio');
    const packed = bytes.subarray(e.dataOffset, e.dataOffset + e.packedSize);
    let real: number;
    let head: Buffer;
    if (e.method === 0) {
      real = packed.length;
      head = packed.subarray(0, 4);
    } else {
      const budget = Math.min(e.size, limits.maxUnpackedBytes - unpacked);
      try {
        ({ size: real, head } = await inflatedSize(packed, budget));
      } catch {
        throw new ArchiveRefused('not_zip');
      }
      if (real > budget) throw new ArchiveRefused(real > e.size ? 'size_mismatch' : 'too_large');
    }
    if (real !== e.size) throw new ArchiveRefused('size_mismatch');
    unpacked += real;
    if (unpacked > limits.maxUnpackedBytes) throw new ArchiveRefused('too_large');
    // An archive inside (a workbook embedded in a document is one): checked in turn, within what is
    // left of the same budget, one level deep at most — a bomb wrapped in a package is still a bomb.
    if (looksLikeZip(head)) {
      if (depth >= 1) throw new ArchiveRefused('nested');
      const inner = await inspectArchive(
        e.method === 0 ? packed : await inflateChecked(packed, e.size),
        { ...limits, maxUnpackedBytes: limits.maxUnpackedBytes - unpacked },
        depth + 1,
      );
      unpacked += inner.unpackedBytes;
    }
  }

  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    unpackedBytes: unpacked,
    has: (name) => byName.has(name),
    read: async (name) => {
      const e = byName.get(name);
      if (!e) return null;
      const packed = bytes.subarray(e.dataOffset, e.dataOffset + e.packedSize);
      return e.method === 0 ? Buffer.from(packed) : inflateChecked(packed, e.size);
    },
  };
}

/**
 * The check before a parser that reads the whole archive (ExcelJS): bombs are refused as such, and
 * bytes that are no zip at all get the caller's own "not a readable file" error.
 */
export async function inspectOrRefuse(
  bytes: Uint8Array,
  unreadable: () => Error,
  limits: ArchiveLimits = officeArchiveLimits,
): Promise<InspectedArchive> {
  try {
    return await inspectArchive(bytes, limits);
  } catch (e) {
    throw e instanceof ArchiveRefused && e.problem === 'not_zip' ? unreadable() : e;
  }
}
