import { describe, expect, it } from 'vitest';
import { matchUnits, unitTokens, type RegistryUnit } from './match.ts';

/** A registry shaped like the seed's Bloc (the organisation module will supply the real one). */
const registry: RegistryUnit[] = [
  { id: 'duk', name: 'Đảng ủy Khối Doanh nghiệp tỉnh Thái Bình', shortName: 'ĐUK' },
  { id: 'btv', name: 'Ban Thường vụ Đảng ủy Khối', shortName: 'BTV' },
  { id: 'bch', name: 'Ban Chấp hành Đảng bộ Khối', shortName: 'BCH' },
  { id: 'tg', name: 'Ban Tuyên giáo Đảng ủy Khối', shortName: 'Ban TG' },
  { id: 'tc', name: 'Ban Tổ chức Đảng ủy Khối', shortName: 'Ban TC' },
  { id: 'ubkt', name: 'Ủy ban Kiểm tra Đảng ủy Khối', shortName: 'UBKT' },
  { id: 'vp', name: 'Văn phòng Đảng ủy Khối', shortName: 'VP' },
  { id: 'hd', name: 'Hội đồng Thi đua - Khen thưởng Khối', shortName: 'HĐTĐKT' },
  { id: 'ccb', name: 'Hội Cựu chiến binh Khối Doanh nghiệp', shortName: 'Hội CCB' },
  {
    id: 'dtn',
    name: 'Đoàn Thanh niên Khối Doanh nghiệp',
    shortName: 'Đoàn TN',
    aliases: ['Đoàn TNCS Hồ Chí Minh Khối Doanh nghiệp'],
  },
  { id: 'cb-may', name: 'Chi bộ Công ty CP May Sông Trà' },
];

const one = (name: string) => matchUnits([name], registry)[0];

describe('matching unit names to the registry', () => {
  it.each([
    ['Ban Tuyên giáo Đảng ủy Khối', 'tg', 'name'],
    ['Ban TG', 'tg', 'shortName'],
    ['Ban Tuyên giáo', 'tg', 'shortName'],
    ['Ban Tuyen giao', 'tg', 'shortName'],
    ['Ban Tổ chức Đảng ủy Khối', 'tc', 'name'],
    ['Ủy ban Kiểm tra Đảng ủy Khối', 'ubkt', 'name'],
    ['UBKT', 'ubkt', 'shortName'],
    ['Uỷ ban Kiểm tra Đảng uỷ Khối', 'ubkt', 'name'],
    ['Văn phòng DUK', 'vp', 'name'],
    ['Văn phòng ĐUK', 'vp', 'name'],
    ['VAN PHONG DANG UY KHOI', 'vp', 'name'],
    ['ĐUK', 'duk', 'shortName'],
    ['BTV', 'btv', 'shortName'],
    ['Ban Thường vụ ĐUK', 'btv', 'name'],
    ['BCH Đảng bộ khối', 'bch', 'name'],
    // the members stand for their body
    ['Ủy viên Ban Chấp hành Đảng bộ Khối', 'bch', 'name'],
    ['Các đồng chí ủy viên Ban Thường vụ Đảng ủy Khối', 'btv', 'name'],
    ['Hội CCB', 'ccb', 'shortName'],
    ['Đoàn TN', 'dtn', 'shortName'],
    ['Đoàn TNCS Hồ Chí Minh Khối Doanh nghiệp', 'dtn', 'name'],
    ['HĐTĐKT', 'hd', 'shortName'],
  ])('"%s" is exactly %s', (name, id, via) => {
    const m = one(name);
    expect(m.status).toBe('exact');
    expect(m.match).toMatchObject({ id, score: 1, via });
  });

  it.each([
    ['Hội Cựu chiến binh khối', 'ccb'],
    ['Đoàn TNCS Hồ Chí Minh khối', 'dtn'],
    ['Chi bộ Công ty May Sông Trà', 'cb-may'],
  ])('"%s" is not exact: its closest candidate is %s', (name, id) => {
    const m = one(name);
    expect(m.status).toBe('candidates');
    expect(m.match).toBeNull();
    expect(m.candidates[0].id).toBe(id);
    expect(m.candidates[0].score).toBeGreaterThan(0.5);
    expect(m.candidates[0].score).toBeLessThan(1);
  });

  it('words every unit shares weigh little: "Văn phòng Tỉnh ủy" is not the Bloc office', () => {
    const m = one('Báo Thái Bình');
    expect(m.status).toBe('unmatched');
    expect(one('Văn phòng Tỉnh ủy').candidates.map((c) => c.id)).not.toContain('tg');
  });

  it('flags names that match nothing, and plural references as groups', () => {
    const [press, related, boards] = matchUnits(
      ['Đài Phát thanh – truyền hình Thái Bình', 'Các đơn vị liên quan', 'các ban'],
      registry,
    );
    expect(press).toMatchObject({ status: 'unmatched', group: false, match: null, candidates: [] });
    expect(related).toMatchObject({ status: 'unmatched', group: true });
    expect(boards.group).toBe(true);
  });

  it('keeps the order of the names and answers for each one', () => {
    const names = ['Ban TG', 'Không có đơn vị này', 'UBKT'];
    expect(matchUnits(names, registry).map((m) => [m.name, m.status])).toEqual([
      ['Ban TG', 'exact'],
      ['Không có đơn vị này', 'unmatched'],
      ['UBKT', 'exact'],
    ]);
    expect(matchUnits(names, [])).toHaveLength(3);
  });

  it('reads abbreviations out', () => {
    expect(unitTokens('Văn phòng DUK')).toEqual(['van', 'phong', 'dang', 'uy', 'khoi']);
    expect(unitTokens('Đoàn TNCS Hồ Chí Minh khối')).toEqual(['doan', 'thanh', 'nien', 'khoi']);
    expect(unitTokens('Ban TG ĐUK')).toEqual(['ban', 'tuyen', 'giao', 'dang', 'uy', 'khoi']);
  });
});
