import { createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Zip archives written byte by byte, so that they can lie: every kind of zip bomb the archive
 * check must refuse (platform/files/archive.ts), none of them ever inflated by the tests.
 */
export type RawEntry = {
  name: string;
  /** The packed bytes as they go in the archive. */
  packed: Buffer;
  method?: 0 | 8;
  /** What the headers claim the entry unpacks to. */
  size: number;
  /** Point the directory at another entry's local header (the overlapping-files bomb). */
  sameAs?: number;
  /** Point the directory at this offset instead of writing a local header (one hidden in another entry's data). */
  at?: number;
};

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** One entry's local header and data, as `writeZip` lays them out. */
export function localRecord(e: RawEntry): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const fields = [
    u16(20),
    u16(0x800),
    u16(e.method ?? 8),
    u16(0),
    u16(0x21),
    u32(0),
    u32(e.packed.length),
    u32(e.size),
  ];
  return Buffer.concat([u32(0x04034b50), ...fields, u16(name.length), u16(0), name, e.packed]);
}

export function writeZip(entries: RawEntry[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const fields = [u16(20), u16(0x800), u16(method), u16(0), u16(0x21), u32(0), u32(e.packed.length), u32(e.size)];
    if (e.at !== undefined) offsets[i] = e.at;
    else if (e.sameAs === undefined) {
      const local = Buffer.concat([u32(0x04034b50), ...fields, u16(name.length), u16(0), name, e.packed]);
      offsets[i] = offset;
      locals.push(local);
      offset += local.length;
    } else offsets[i] = offsets[e.sameAs];
    const dir = [u32(0x02014b50), u16(20), ...fields, u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0)];
    central.push(Buffer.concat([...dir, u32(offsets[i]), name]));
  });
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const zerosPacked = new Map<number, Promise<Buffer>>();
/** `mb` MiB of zeros, deflated as a stream (the test never holds them unpacked). */
export function deflatedZeros(mb: number): Promise<Buffer> {
  let p = zerosPacked.get(mb);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const deflate = createDeflateRaw({ level: 9 });
      const out: Buffer[] = [];
      deflate.on('data', (c: Buffer) => out.push(c));
      deflate.on('end', () => resolve(Buffer.concat(out)));
      deflate.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024);
      let left = mb;
      const write = () => {
        while (left > 0) {
          left--;
          if (!deflate.write(chunk)) return void deflate.once('drain', write);
        }
        deflate.end();
      };
      write();
    });
    zerosPacked.set(mb, p);
  }
  return p;
}

const wordTypes =
  '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const excelTypes =
  '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const small = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text);
  return { name, packed: deflateRawSync(data), size: data.length };
};

export type Bomb = { kind: string; bytes: Uint8Array<ArrayBuffer> };

/**
 * One of each kind, dressed as an Office package (content types, main part) so that a check by
 * first bytes or by names alone would hand it to the parser. `mb`: what the deflate bombs unpack to.
 */
export async function zipBombs(mb = 1024): Promise<Bomb[]> {
  const zeros = await deflatedZeros(mb);
  const size = mb * 1024 * 1024;
  const dressed = (main: RawEntry, excel = true) => [
    small('[Content_Types].xml', excel ? excelTypes : wordTypes),
    main,
    small(excel ? 'xl/_rels/workbook.xml.rels' : 'word/_rels/document.xml.rels', '<Relationships/>'),
  ];
  const kernel = await deflatedZeros(16);
  const inner = writeZip([{ name: 'sheet.xml', packed: await deflatedZeros(256), size: 256 * 1024 * 1024 }]);
  return [
    // The classic: the headers tell the truth, 1 GB of zeros.
    { kind: 'deflate bomb, honest sizes', bytes: writeZip(dressed({ name: 'xl/workbook.xml', packed: zeros, size })) },
    // The same data, its headers claiming a few kB (a check that trusts them lets it through).
    {
      kind: 'deflate bomb, lying sizes',
      bytes: writeZip(dressed({ name: 'word/document.xml', packed: zeros, size: 4096 }, false)),
    },
    // Claiming just under the limit: the check inflates that much before it finds the lie.
    {
      kind: 'deflate bomb, lying just under the limit',
      bytes: writeZip(dressed({ name: 'xl/workbook.xml', packed: zeros, size: 29 * 1024 * 1024 })),
    },
    // The headers claiming more than the data: a size that is not borne out.
    {
      kind: 'sizes larger than the data',
      bytes: writeZip(
        dressed({ name: 'xl/workbook.xml', packed: deflateRawSync(Buffer.from('<workbook/>')), size: 900_000 }),
      ),
    },
    // 5,000 entries of nothing (a package has tens).
    {
      kind: 'many entries',
      bytes: writeZip([
        ...dressed(small('xl/workbook.xml', '<workbook/>')),
        ...Array.from({ length: 5_000 }, (_, i) => ({
          name: `m/${i}`,
          packed: Buffer.alloc(0),
          method: 0 as const,
          size: 0,
        })),
      ]),
    },
    // Fifield's non-recursive bomb: many directory entries share one 16 MB kernel.
    {
      kind: 'overlapping entries, shared kernel',
      bytes: writeZip([
        ...dressed({ name: 'xl/workbook.xml', packed: kernel, size: 16 * 1024 * 1024 }),
        ...Array.from({ length: 200 }, (_, i) => ({
          name: `xl/worksheets/sheet${i + 1}.xml`,
          packed: kernel,
          size: 16 * 1024 * 1024,
          sameAs: 1,
        })),
      ]),
    },
    // The same with each entry's own name: a stored entry whose data hold the next entry whole.
    {
      kind: 'overlapping entries, quoted',
      bytes: (() => {
        const sheet: RawEntry = { name: 'xl/worksheets/sheet1.xml', packed: kernel, size: 16 * 1024 * 1024 };
        const quoted = localRecord(sheet);
        const outerName = 'xl/workbook.xml';
        return writeZip([
          { name: outerName, packed: quoted, method: 0, size: quoted.length },
          { ...sheet, at: 30 + Buffer.byteLength(outerName) },
          small('[Content_Types].xml', excelTypes),
        ]);
      })(),
    },
    // A bomb stored inside a package (42.zip's idea): never opened, but it must not pass as a workbook.
    {
      kind: 'nested archive',
      bytes: writeZip([
        ...dressed(small('xl/workbook.xml', '<workbook/>')),
        { name: 'xl/embeddings/inner.zip', packed: Buffer.from(inner), method: 0, size: inner.length },
      ]),
    },
    // Under the total size, but 16 MB from 16 kB: no document compresses like that.
    { kind: 'ratio', bytes: writeZip(dressed({ name: 'xl/workbook.xml', packed: kernel, size: 16 * 1024 * 1024 })) },
  ];
}
