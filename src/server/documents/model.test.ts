import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberLine, placeDateLine, plainText, recipientLines, type Block, type OfficialDocument } from './model.ts';
import { seedPlan } from './fixtures/seedPlan.ts';

describe('the lines the builders print', () => {
  it('numbers a registered document and leaves a gap in an unregistered one', () => {
    expect(numberLine({ ...seedPlan, number: '45' })).toBe('Số 45-KH/ĐUK');
    expect(numberLine(seedPlan)).toBe('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-KH/ĐUK');
    const report: OfficialDocument = { ...seedPlan, type: 'BÁO CÁO', symbol: undefined, number: '12' };
    expect(numberLine(report)).toBe('Số 12-BC/ĐUK');
  });

  it('writes the place and date in words', () => {
    expect(placeDateLine(seedPlan)).toBe('Thái Bình, ngày 10 tháng 6 năm 2019');
  });

  it('ends each recipient with ";" and the last with "."', () => {
    expect(recipientLines(seedPlan)).toEqual([
      '- Thường trực Tỉnh ủy;',
      '- Các Ban xây dựng đảng Tỉnh ủy;',
      '- Văn phòng Tỉnh ủy;',
      '- BCH Đảng bộ khối;',
      '- Các đơn vị có liên quan;',
      '- Lưu: Ban TG, Văn phòng DUK.',
    ]);
    expect(recipientLines({ ...seedPlan, recipients: ['Như trên;'], archive: undefined })).toEqual(['- Như trên.']);
  });
});

function lines(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'section':
        return [`${b.number} ${plainText(b.title)}`, ...lines(b.children)];
      case 'item':
        return [`${b.marker} ${plainText(b.text)}`, ...lines(b.children ?? [])];
      case 'paragraph':
        return [plainText(b.text)];
      case 'table':
        return b.rows.map((r) => r.map(plainText).join(' | '));
      case 'signatures':
        return b.columns.map((c) => `${c.title} ${c.name}`);
    }
  });
}

/** The seed plan as shipped with the demo data (a byte-for-byte copy of shared/seed's). */
const seedFile = fileURLToPath(new URL('../modules/plans/fixtures/ke-hoach-ky-niem-15-nam.vi.txt', import.meta.url));

describe('the seed plan fixture', () => {
  const printed = [
    placeDateLine(seedPlan),
    seedPlan.type,
    seedPlan.title,
    ...seedPlan.basis.map(plainText),
    ...lines(seedPlan.body),
    'Nơi nhận:',
    ...recipientLines(seedPlan),
    seedPlan.signature.authority!,
    seedPlan.signature.position,
    seedPlan.signature.name,
  ];

  it('has the plan’s structure: three parts, their numbered headings and items', () => {
    const parts = seedPlan.body.filter((b) => b.kind === 'section');
    expect(parts.map((p) => (p.kind === 'section' ? `${p.number} ${plainText(p.title)}` : ''))).toEqual([
      'I- MỤC ĐÍCH, YÊU CẦU',
      'II- NỘI DUNG, HÌNH THỨC, THỜI GIAN THỰC HIỆN',
      'III- TỔ CHỨC THỰC HIỆN',
    ]);
    expect(printed).toContain('+ Bình chọn 15 sản phẩm tiêu biểu có tầm ảnh hưởng trên thị trường.');
    expect(printed).toContain('5- Thời gian thực hiện');
    expect(printed.filter((l) => l.startsWith('+ '))).toHaveLength(7);
  });

  it('prints every line of the seed text, word for word', () => {
    const seed = fs
      .readFileSync(seedFile, 'utf8')
      .normalize('NFC')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // The seed breaks one paragraph where the original's page ended; the fixture joins it.
    const joined: string[] = [];
    for (const line of seed) {
      if (line.startsWith('của Đảng bộ Khối, thực hiện đơn giản hóa')) joined[joined.length - 1] += ` ${line}`;
      else joined.push(line);
    }
    expect(printed).toEqual(joined);
  });
});
