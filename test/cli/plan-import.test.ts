import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInvitationLetterDocx,
  buildPropagandaPlanDocx,
} from '../../src/server/modules/plans/import/fixtures/docx-fixtures.ts';
import { repoRoot, runKyniem } from '../support/processes.ts';

/**
 * `kyniem plan import FILE [--json]` as an operator runs it: the draft as JSON or as a summary in
 * Vietnamese; a clear message and a non-zero exit for a file it cannot use. Nothing is saved, so
 * no database is involved (DATA_DIR points at an empty directory that must stay empty).
 */
const fixtures = path.join(repoRoot, 'src/server/modules/plans/import/fixtures');
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-plan-import-'));
  fs.mkdirSync(path.join(dir, 'data'));
  env = { DATA_DIR: path.join(dir, 'data') };
  fs.writeFileSync(path.join(dir, 'ke-hoach.docx'), await buildPropagandaPlanDocx());
  fs.writeFileSync(path.join(dir, 'thu-moi.docx'), await buildInvitationLetterDocx());
  fs.writeFileSync(path.join(dir, 'trong.txt'), '');
  fs.writeFileSync(path.join(dir, 'hong.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kyniem plan import', { timeout: 120_000 }, () => {
  it('--json prints the draft with the keys other tools rely on, and saves nothing', async () => {
    const r = await runKyniem(['plan', 'import', path.join(fixtures, 'chi-bo-quy-3.vi.txt'), '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(draft.header).toMatchObject({
      place: 'Hưng Yên',
      date: '2019-07-02',
      type: 'KẾ HOẠCH',
      title: 'thực hiện nhiệm vụ chính trị quý III năm 2019',
      number: '12-KH/CB',
    });
    expect(draft.activities[0]).toMatchObject({
      title: 'Tổ chức học tập, quán triệt Chỉ thị số 05-CT/TW cho toàn thể đảng viên',
      lead: ['Chi ủy'],
      coordinating: ['Công đoàn cơ sở', 'Chi đoàn thanh niên'],
      start: null,
      due: '2019-07-15',
    });
    expect(draft.milestones).toEqual([]);
    expect(draft.recipients).toHaveLength(4);
    expect(draft.signer).toEqual({ authority: 'T/M CHI BỘ', position: 'BÍ THƯ', name: 'Phạm Thị Hòa' });
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual([]);
  });

  it('without --json prints a summary in Vietnamese: header, tasks with lead and dates, recipients, signer, warnings', async () => {
    const r = await runKyniem(['plan', 'import', path.join(dir, 'ke-hoach.docx')], env);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('KẾ HOẠCH tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam');
    expect(out).toContain('Số, ký hiệu: 27-KH/BTG    Địa danh, ngày: Thái Bình, 15/11/2019');
    expect(out).toContain('Nhiệm vụ: 8');
    expect(out).toContain(
      'chủ trì: Đoàn Thanh niên Khối · phối hợp: Ban Tuyên giáo Đảng ủy Khối; Văn phòng Đảng ủy Khối · 06/01/2020 – 20/01/2020',
    );
    expect(out).toContain('Nơi nhận (4):');
    expect(out).toContain('Người ký: T/M BAN TUYÊN GIÁO · TRƯỞNG BAN · Đỗ Minh Khuê');
    expect(out).toContain('Cần xem lại (2):');
    expect(out).toContain('A1: Chưa xác định được đơn vị chủ trì.');
    expect(out).toContain('Đây là bản dự thảo, chưa lưu.');
  });

  it.each([
    ['a missing file', () => path.join(dir, 'khong-co.txt'), 'Không có tệp', 'There is no file'],
    ['an empty file', () => path.join(dir, 'trong.txt'), 'Tệp trống', 'The file is empty'],
    ['a corrupt .docx', () => path.join(dir, 'hong.docx'), 'Tệp .docx bị hỏng', 'The .docx file is damaged'],
    [
      'a Windows-1258 file',
      () => path.join(fixtures, 'bad/windows-1258.txt'),
      'không ở bảng mã Unicode',
      'is not Unicode',
    ],
    ['a letter, not a plan', () => path.join(dir, 'thu-moi.docx'), 'không phải một kế hoạch', 'is not a plan'],
    ['a directory', () => dir, 'là thư mục', 'is a directory'],
  ])('%s: a message in Vietnamese then English, exit 1, nothing on stdout', async (_, file, vi, en) => {
    const r = await runKyniem(['plan', 'import', file(), '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.trim().split('\n');
    expect(first).toContain(vi);
    expect(second).toContain(en);
  });

  it('a missing argument is a usage error (exit 2)', async () => {
    const r = await runKyniem(['plan', 'import'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan import <FILE> [--json]');
  });
});
