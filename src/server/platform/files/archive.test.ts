import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeZip, zipBombs } from '../../../../test/support/zipBombs.ts';
import { buildPropagandaPlanDocx } from '../../modules/plans/import/fixtures/docx-fixtures.ts';
import { ArchiveRefused, inspectArchive } from './archive.ts';

const refusal = (bytes: Uint8Array) =>
  inspectArchive(bytes).then(
    () => null,
    (e: unknown) => (e instanceof ArchiveRefused ? e.problem : e),
  );

/** The one check every zip-based upload passes before it is parsed. */
describe('archive check', () => {
  it('passes real packages and reads their parts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhân sự');
    for (let i = 1; i <= 2000; i++) ws.addRow([`Nguyễn Văn ${i}`, 'Chi bộ 2', '05/09/2019', i]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = await inspectArchive(xlsx);
    expect(sheet.has('xl/workbook.xml')).toBe(true);
    expect((await sheet.read('xl/workbook.xml'))?.toString()).toContain('<workbook');
    expect(sheet.unpackedBytes).toBeGreaterThan(xlsx.length);

    const docx = await buildPropagandaPlanDocx();
    const doc = await inspectArchive(docx);
    expect((await doc.read('word/document.xml'))?.toString()).toContain('<w:body');
    expect(await doc.read('word/absent.xml')).toBeNull();
  });

  it('refuses every kind of bomb, each for its reason, without inflating it', { timeout: 120_000 }, async () => {
    const bombs = await zipBombs();
    const before = process.memoryUsage();
    const problems = Object.fromEntries(await Promise.all(bombs.map(async (b) => [b.kind, await refusal(b.bytes)])));
    const grew = process.memoryUsage().rss - before.rss;
    expect(problems).toEqual({
      'deflate bomb, honest sizes': 'too_large',
      'deflate bomb, lying sizes': 'size_mismatch',
      'deflate bomb, lying just under the limit': 'size_mismatch',
      'sizes larger than the data': 'size_mismatch',
      'many entries': 'too_many_entries',
      // Every directory entry points at one kernel: its local header names another part.
      'overlapping entries, shared kernel': 'size_mismatch',
      'overlapping entries, quoted': 'overlapping',
      // A stored entry of 260 kB that is itself a 256 MB bomb: checked in turn, within what is left.
      'nested archive': 'too_large',
      ratio: 'ratio',
    });
    expect(grew).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses broken, climbing, repeated, encrypted and truncated archives', async () => {
    const entry = (name: string) => ({ name, packed: Buffer.from('x'), method: 0 as const, size: 1 });
    expect(await refusal(writeZip([entry('../../etc/passwd')]))).toBe('bad_name');
    expect(await refusal(writeZip([entry('/abs')]))).toBe('bad_name');
    expect(await refusal(writeZip([entry('a.xml'), entry('a.xml')]))).toBe('bad_name');
    const encrypted = Buffer.from(writeZip([entry('a.xml')]));
    encrypted.writeUInt16LE(0x801, 6); // local header's flags
    const dir = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x801, dir + 8);
    expect(await refusal(encrypted)).toBe('unsupported');
    const whole = writeZip([entry('a.xml')]);
    expect(await refusal(whole.subarray(0, whole.length - 5))).toBe('not_zip');
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('not_zip');
    const inner = writeZip([entry('a.xml')]);
    const once = writeZip([{ name: 'in.xlsx', packed: Buffer.from(inner), method: 0, size: inner.length }]);
    expect(await refusal(once)).toBeNull(); // a workbook embedded in a document
    const twice = writeZip([{ name: 'in.zip', packed: Buffer.from(once), method: 0, size: once.length }]);
    expect(await refusal(twice)).toBe('nested');
    const stored = { name: 'b.xml', packed: Buffer.from('abc'), method: 0 as const, size: 5 };
    expect(await refusal(writeZip([stored]))).toBe('size_mismatch');
  });
});
