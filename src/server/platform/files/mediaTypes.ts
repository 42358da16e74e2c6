import { ArchiveRefused, inspectArchive, looksLikeZip } from './archive.ts';
import { decodedFormat } from './images.ts';
import { DOCX, XLSX } from '../../documents/mediaTypes.ts';

/**
 * What a file is, read from its bytes (never from its name): the kinds Kyniem accepts as an
 * upload, each with the extension it is stored under and whether a browser may show it inline.
 */
export type FileKind = { mediaType: string; extension: string; inline: boolean; label: string };

export const fileKinds = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf', inline: true, label: 'PDF' },
  png: { mediaType: 'image/png', extension: 'png', inline: true, label: 'PNG' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg', inline: true, label: 'JPEG' },
  webp: { mediaType: 'image/webp', extension: 'webp', inline: true, label: 'WebP' },
  docx: { mediaType: DOCX, extension: 'docx', inline: false, label: 'Word (.docx)' },
  xlsx: { mediaType: XLSX, extension: 'xlsx', inline: false, label: 'Excel (.xlsx)' },
  text: { mediaType: 'text/plain; charset=utf-8', extension: 'txt', inline: true, label: 'văn bản / text (UTF-8)' },
  // Audio, for the festival's backing tracks (issue 15)
  mp3: { mediaType: 'audio/mpeg', extension: 'mp3', inline: true, label: 'MP3' },
  wav: { mediaType: 'audio/wav', extension: 'wav', inline: true, label: 'WAV' },
  m4a: { mediaType: 'audio/mp4', extension: 'm4a', inline: true, label: 'M4A (AAC)' },
  ogg: { mediaType: 'audio/ogg', extension: 'ogg', inline: true, label: 'OGG (Vorbis, Opus)' },
} as const satisfies Record<string, FileKind>;

export type FileKindName = keyof typeof fileKinds;
export const allFileKinds = Object.keys(fileKinds) as FileKindName[];

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The main part each accepted Office package must declare in [Content_Types].xml (macro-enabled ones are not accepted). */
const officeMainParts = {
  docx: {
    part: '/word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    part: '/xl/workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
} as const;

/**
 * An Office Open XML package: a zip that passes the archive check (no bomb gets further) whose
 * [Content_Types].xml declares a Word or Excel main part that the package really holds.
 */
async function officeKind(bytes: Uint8Array): Promise<FileKindName | null> {
  const zip = await inspectArchive(bytes).catch((e: unknown) => {
    if (e instanceof ArchiveRefused && e.problem === 'not_zip') return null;
    throw e;
  });
  if (!zip) return null;
  const types = (await zip.read('[Content_Types].xml'))?.toString('utf8');
  if (!types) return null;
  for (const [kind, main] of Object.entries(officeMainParts) as [FileKindName, { part: string; type: string }][]) {
    const declared = [...types.matchAll(/<Override\b([^>]*)\/?>/g)].some(
      ([, attrs]) =>
        new RegExp(`\\bPartName\\s*=\\s*["']${main.part}["']`, 'i').test(attrs) &&
        new RegExp(`\\bContentType\\s*=\\s*["']${main.type.replace(/[.+]/g, '\\$&')}["']`).test(attrs),
    );
    if (declared && zip.has(main.part.slice(1))) return kind;
  }
  return null;
}

/**
 * A PDF by its structure, not its first bytes: the header line, then an object (`1 0 obj`, after
 * at most a comment line), and at the end `startxref` with an offset that points at the
 * cross-reference table or stream, then `%%EOF`. "%PDF" followed by a program has none of this.
 */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!/^%PDF-[12]\.\d[\r\n]+(?:%[^\r\n]*[\r\n]+)*\d+\s+\d+\s+obj\b/.test(head)) return false;
  const tailStart = Math.max(0, bytes.byteLength - 1024);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.byteLength - tailStart).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return false;
  const offset = Number(end[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= bytes.byteLength) return false;
  const at = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(64, bytes.byteLength - offset)).toString(
    'latin1',
  );
  return /^(?:xref\b|\d+\s+\d+\s+obj\b)/.test(at);
}

/** Images by decoding: the pixels must be readable, not only the signature (see `images.ts`). */
async function imageKind(bytes: Uint8Array, claimed: 'png' | 'jpeg' | 'webp'): Promise<FileKindName | null> {
  const format = await decodedFormat(bytes);
  return format === claimed ? claimed : null;
}

/** Unicode text: valid UTF-8, no control characters but tab, line breaks and form feed. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * MPEG audio: an ID3v2 tag, or a frame header (11 sync bits; a version other than the reserved
 * one, layer III, a bitrate index neither free nor bad, a sampling rate not reserved).
 */
function isMp3(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ascii('ID3')) && bytes[3] <= 4 && bytes[5] !== undefined) return true;
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[1] >> 3) & 3;
  const layer = (bytes[1] >> 1) & 3;
  const bitrate = bytes[2] >> 4;
  const rate = (bytes[2] >> 2) & 3;
  return version !== 1 && layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/** An ISO media file whose brand is audio (iTunes M4A/M4B) or plain MP4 audio. */
function isM4a(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return false;
  const brand = String.fromCharCode(...bytes.slice(8, 12));
  return brand === 'M4A ' || brand === 'M4B ';
}

/** An Ogg stream's first page (beginning of stream) carrying a Vorbis or Opus identification header. */
function isOgg(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('OggS')) || bytes[4] !== 0 || (bytes[5] & 2) === 0 || bytes.length < 28) return false;
  const body = 27 + bytes[26];
  return startsWith(bytes, [1, ...ascii('vorbis')], body) || startsWith(bytes, ascii('OpusHead'), body);
}

/**
 * The kind of the bytes, or null when Kyniem does not accept them (an executable, a zip, an old
 * .doc, a file that only begins like an accepted kind…). An archive that is a bomb is refused
 * with `ArchiveRefused` before anything inflates it whole.
 */
export async function sniffFileKind(bytes: Uint8Array): Promise<FileKindName | null> {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii('%PDF-'))) return isPdf(bytes) ? 'pdf' : null;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return imageKind(bytes, 'png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return imageKind(bytes, 'jpeg');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return imageKind(bytes, 'webp');
  if (looksLikeZip(bytes)) return officeKind(bytes);
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVEfmt '), 8)) return 'wav';
  if (isM4a(bytes)) return 'm4a';
  if (isOgg(bytes)) return 'ogg';
  if (isMp3(bytes)) return 'mp3';
  return isText(bytes) ? 'text' : null;
}
