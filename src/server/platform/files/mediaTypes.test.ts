import JSZip from 'jszip';
import sharp from 'sharp';
import { minimalPdf } from '../../../../test/support/files.ts';
import { describe, expect, it } from 'vitest';
import { sniffFileKind } from './mediaTypes.ts';
import { contentDisposition, safeFileName } from './names.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
async function zipWith(files: Record<string, string>) {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

const wordTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const excelTypes =
  '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml" /></Types>';
const picture = (format: 'png' | 'jpeg' | 'webp') =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: '#b3261e' } })
    .toFormat(format)
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe('what a file is, from its whole structure', () => {
  it('recognises the accepted kinds by content', async () => {
    expect(await sniffFileKind(minimalPdf('biên bản'))).toBe('pdf');
    expect(await sniffFileKind(await picture('png'))).toBe('png');
    expect(await sniffFileKind(await picture('jpeg'))).toBe('jpeg');
    expect(await sniffFileKind(await picture('webp'))).toBe('webp');
    expect(
      await sniffFileKind(await zipWith({ '[Content_Types].xml': wordTypes, 'word/document.xml': '<w:document/>' })),
    ).toBe('docx');
    expect(
      await sniffFileKind(await zipWith({ '[Content_Types].xml': excelTypes, 'xl/workbook.xml': '<workbook/>' })),
    ).toBe('xlsx');
    expect(
      await sniffFileKind(new TextEncoder().encode('Biên bản họp chi bộ ngày 05/9/2019\r\n\tĐồng chí Bí thư chủ trì.')),
    ).toBe('text');
  });

  it('recognises the audio of a backing track: MP3 (ID3 tag or frame header), WAV, M4A', async () => {
    expect(await sniffFileKind(bytes('ID3', [4, 0, 0, 0, 0, 0x10, 0]))).toBe('mp3');
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
    expect(await sniffFileKind(bytes([0xff, 0xfb, 0x90, 0x64, 0, 0]))).toBe('mp3');
    expect(await sniffFileKind(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ', [16, 0, 0, 0, 1, 0]))).toBe('wav');
    expect(await sniffFileKind(bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0], 'M4A mp42isom'))).toBe('m4a');
    // Ogg: the first page (beginning of stream, one segment) holds the codec's identification header
    const oggHead = (packet: number[]) => bytes('OggS', [0, 2], new Array(20).fill(0), [1, packet.length], packet);
    expect(await sniffFileKind(oggHead([1, ...[...'vorbis'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0]))).toBe('ogg');
    expect(await sniffFileKind(oggHead([...'OpusHead'].map((c) => c.charCodeAt(0))))).toBe('ogg');
    // An Ogg video (Theora) is not a backing track
    expect(await sniffFileKind(oggHead([0x80, ...[...'theora'].map((c) => c.charCodeAt(0))]))).toBeNull();
    // A frame header with the reserved layer, a video MP4 and a RIFF that is neither WAVE nor WebP are refused
    expect(await sniffFileKind(bytes([0xff, 0xf9, 0x90, 0x64, 0, 0]))).toBeNull();
    expect(await sniffFileKind(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], [0xff, 0xfe]))).toBeNull();
    expect(await sniffFileKind(bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST', [0xff, 0xfe]))).toBeNull();
  });

  it('refuses everything else, whatever its name would say', async () => {
    expect(await sniffFileKind(new Uint8Array())).toBeNull();
    expect(await sniffFileKind(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull(); // a Windows program
    expect(await sniffFileKind(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeNull(); // a Linux program
    expect(await sniffFileKind(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull(); // an old .doc
    expect(await sniffFileKind(await zipWith({ 'payload.exe': 'MZ' }))).toBeNull(); // a plain zip
    expect(await sniffFileKind(await zipWith({ 'word/document.xml': '<w:document/>' }))).toBeNull(); // no content types
    expect(await sniffFileKind(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull(); // a broken zip
    expect(await sniffFileKind(bytes([0xc3, 0x28, 0x41]))).toBeNull(); // not UTF-8
    expect(await sniffFileKind(bytes('text', [0], 'with a NUL'))).toBeNull();
    expect(await sniffFileKind(bytes('\u001b[31mterminal escapes'))).toBeNull();
  });

  it('does not take the first bytes for the whole: a program behind %PDF, a header without pixels, a package without its main part', async () => {
    const program = bytes(
      'MZ',
      [0x90, 0, 3, 0, 0, 0, 4, 0, 0xff, 0xff, 0, 0],
      'This program cannot be run in DOS mode.',
    );
    expect(await sniffFileKind(bytes('%PDF-1.7\n', [...program]))).toBeNull();
    expect(await sniffFileKind(bytes('%PDF-1.7\n', [...program], '\nstartxref\n9\n%%EOF\n'))).toBeNull(); // a trailer glued on
    expect(await sniffFileKind(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBeNull(); // no cross-reference, no end
    const pdf = minimalPdf();
    const noXref = Buffer.from(pdf)
      .toString('latin1')
      .replace(/startxref\n\d+/, 'startxref\n3');
    expect(await sniffFileKind(bytes(noXref))).toBeNull(); // startxref points at nothing
    expect(await sniffFileKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBeNull();
    expect(await sniffFileKind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [...program]))).toBeNull();
    expect(await sniffFileKind(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBeNull();
    // A PNG's signature on a JPEG's pixels: decoded, it is not what it claims.
    const jpeg = await picture('jpeg');
    expect(
      await sniffFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...jpeg.subarray(8)])),
    ).toBeNull();
    expect(
      await sniffFileKind(await zipWith({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })),
    ).toBeNull(); // the main part not declared
    expect(await sniffFileKind(await zipWith({ '[Content_Types].xml': wordTypes }))).toBeNull(); // declared, absent
    const macro = wordTypes.replace(
      'wordprocessingml.document.main+xml',
      'wordprocessingml.document.macroEnabled.main+xml',
    );
    expect(
      await sniffFileKind(await zipWith({ '[Content_Types].xml': macro, 'word/document.xml': '<w:document/>' })),
    ).toBeNull();
  });
});

describe('file names', () => {
  it('keeps only a base name, without folders, dots or reserved characters', () => {
    expect(safeFileName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(safeFileName('..\\..\\Windows\\win.ini', 'txt')).toBe('win.txt');
    expect(safeFileName('/tmp/', 'pdf')).toBe('tep.pdf');
    expect(safeFileName('   .htaccess', 'txt')).toBe('htaccess.txt');
    expect(safeFileName('....', 'txt')).toBe('tep.txt');
    expect(safeFileName('a<b>c:d"e|f?g*h;i.pdf', 'pdf')).toBe('a_b_c_d_e_f_g_h_i.pdf');
    expect(safeFileName('bien\u0000ban\r\n.pdf', 'pdf')).toBe('bienban.pdf');
    expect(safeFileName(null, 'png')).toBe('tep.png');
  });

  it('takes the extension of what the bytes are, so a program cannot pass as a picture', () => {
    expect(safeFileName('anh-le-ky-niem.exe', 'jpg')).toBe('anh-le-ky-niem.jpg');
    expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.pdf'); // right-to-left override removed
    expect(safeFileName('Báo cáo.PDF', 'pdf')).toBe('Báo cáo.pdf');
  });

  it('writes Vietnamese in NFC and bounds the length', () => {
    const nfd = 'Biên bản'.normalize('NFD');
    expect(safeFileName(`${nfd}.docx`, 'docx')).toBe('Biên bản.docx'.normalize('NFC'));
    const long = safeFileName(`${'Tờ trình đề nghị khen thưởng '.repeat(20)}.pdf`, 'pdf');
    expect([...long].length).toBeLessThanOrEqual(114);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('sends the name to every browser: an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('inline', 'Biên bản "họp".pdf')).toBe(
      `inline; filename="Bien ban _hop_.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22.pdf`,
    );
    expect(contentDisposition('attachment', 'Đề án (2019).docx')).toMatch(
      /^attachment; filename="De an \(2019\)\.docx"; filename\*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%282019%29\.docx$/,
    );
  });
});
