import { describe, expect, it } from 'vitest';
import { awardBatches, type AwardHonouree, type Presenter } from './awards.ts';
import { article13Order } from './programme.ts';
import { introductionLines, type IntroducedGuest, protocolOrder } from './protocol.ts';
import { calibratedPace, readingMinutes, readingSeconds, syllableCount } from './reading.ts';

describe('reading time of a Vietnamese text', () => {
  it('counts syllables as words with a letter or digit', () => {
    expect(syllableCount('Kính thưa các đồng chí lãnh đạo tỉnh!')).toBe(8);
    expect(syllableCount('  Năm 2019 – Đảng bộ  khối\nDoanh nghiệp ')).toBe(7);
    expect(syllableCount('')).toBe(0);
  });
  it('200 syllables take a minute; 250 at 200 a minute take 75 s, planned as 2 minutes', () => {
    const text = Array.from({ length: 250 }, () => 'chào').join(' ');
    expect(readingSeconds(text)).toBe(75);
    expect(readingMinutes(text)).toBe(2);
    expect(readingSeconds(text, 150)).toBe(100);
    expect(readingMinutes('')).toBe(0);
  });
  it('calibrates the pace from rehearsal timings, weighted by length', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'một').join(' ');
    // 300 syllables in 100 s and 60 in 20 s: 360 in 120 s = 180 a minute
    expect(
      calibratedPace([
        { text: words(300), seconds: 100 },
        { text: words(60), seconds: 20 },
      ]),
    ).toBe(180);
    expect(calibratedPace([])).toBeNull();
  });
});

describe('the Art. 13 order', () => {
  it('opens with the flag salute before the reason, the speech before the awards, the leader before the reply, closing last', () => {
    const kinds = article13Order.map((s) => s.kind);
    expect(kinds).toEqual([
      'welcome_performance',
      'programme',
      'anthem',
      'introduction',
      'speech',
      'awards',
      'leader_speech',
      'reply',
      'closing',
    ]);
  });
});

const guest = (
  name: string,
  level: IntroducedGuest['level'],
  branch: IntroducedGuest['branch'],
  rank: number,
  reply: IntroducedGuest['reply'] = 'attending',
  deputy: IntroducedGuest['deputy'] = null,
): IntroducedGuest => ({
  name,
  level,
  branch,
  rank,
  title: `chức vụ của ${name}`,
  reply,
  deputy,
});

describe('protocol order of guests', () => {
  const guests = [
    guest('Giám đốc doanh nghiệp', 'other', 'other', 1),
    guest('Chủ tịch Ủy ban MTTQ tỉnh', 'province', 'front', 1),
    guest('Phó Chủ tịch UBND tỉnh', 'province', 'state', 2),
    guest('Bí thư Tỉnh ủy', 'province', 'party', 1),
    guest('Chủ tịch UBND tỉnh', 'province', 'state', 1),
    guest('Trưởng Ban Tổ chức Tỉnh ủy', 'department', 'party', 1),
    guest('Đại diện Ban Tổ chức Trung ương', 'central', 'party', 5),
    guest('Giám đốc Sở Công Thương', 'department', 'state', 1, 'declined'),
  ];
  it('superior level first, then Party, government, Front, then by rank', () => {
    expect(protocolOrder(guests).map((g) => g.name)).toEqual([
      'Đại diện Ban Tổ chức Trung ương',
      'Bí thư Tỉnh ủy',
      'Chủ tịch UBND tỉnh',
      'Phó Chủ tịch UBND tỉnh',
      'Chủ tịch Ủy ban MTTQ tỉnh',
      'Trưởng Ban Tổ chức Tỉnh ủy',
      'Giám đốc Sở Công Thương',
      'Giám đốc doanh nghiệp',
    ]);
  });
  it('the MC introduces those attending and the deputies, not those who declined or have not answered', () => {
    const lines = introductionLines([
      ...guests,
      guest('Chủ tịch HĐND tỉnh', 'province', 'state', 0, 'deputy', {
        name: 'Trần Văn B',
        title: 'Phó Chủ tịch HĐND tỉnh',
      }),
      guest('Chủ tịch LĐLĐ tỉnh', 'province', 'front', 2, 'pending'),
    ]);
    expect(lines).toHaveLength(8);
    expect(lines[2]).toBe('Đồng chí Trần Văn B, Phó Chủ tịch HĐND tỉnh;');
    expect(lines.some((l) => l.includes('Sở Công Thương'))).toBe(false);
    expect(lines.at(-1)).toMatch(/\.$/);
  });
});

describe('award batches', () => {
  const h = (i: number, categoryKind: string, formRank = 2): AwardHonouree => ({
    id: `${categoryKind}-${formRank}-${i}`,
    name: `${categoryKind} ${i}`,
    unit: `Đơn vị ${i}`,
    formRank,
    form: formRank === 1 ? 'Bằng khen' : 'Tôn vinh',
    categoryKind,
    category: categoryKind,
    citation: '',
  });
  const presenters: Presenter[] = [
    { id: 'p2', name: 'Chủ tịch UBND tỉnh', title: 'Chủ tịch UBND tỉnh', level: 'province', branch: 'state', rank: 1 },
    { id: 'p1', name: 'Bí thư Tỉnh ủy', title: 'Bí thư Tỉnh ủy', level: 'province', branch: 'party', rank: 1 },
  ];
  it('the seed’s 45 (15 per category) on a stage of 10: six batches of 8 and 7, collectives, individuals, products', () => {
    const list = [
      ...Array.from({ length: 15 }, (_, i) => h(i, 'product')),
      ...Array.from({ length: 15 }, (_, i) => h(i, 'collective')),
      ...Array.from({ length: 15 }, (_, i) => h(i, 'individual')),
    ];
    const batches = awardBatches(list, presenters, { stageSize: 10 });
    expect(batches.map((b) => [b.categoryKind, b.honourees.length])).toEqual([
      ['collective', 8],
      ['collective', 7],
      ['individual', 8],
      ['individual', 7],
      ['product', 8],
      ['product', 7],
    ]);
    // order on stage kept; presenters by protocol, starting again from the top
    expect(batches[0].honourees.map((x) => x.id)[0]).toBe('collective-2-0');
    expect(batches[1].honourees[0].id).toBe('collective-2-8');
    expect(batches.map((b) => b.presenter?.id)).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2']);
    expect(batches[0].citation).toContain('Bí thư Tỉnh ủy');
  });
  it('a higher form goes first; the organisers may order the categories', () => {
    const batches = awardBatches([h(1, 'individual'), h(2, 'collective', 1), h(3, 'product')], [], {
      categoryOrder: ['product', 'individual', 'collective'],
    });
    expect(batches.map((b) => b.honourees[0].id)).toEqual(['collective-1-2', 'product-2-3', 'individual-2-1']);
    expect(batches[0].presenter).toBeNull();
  });
});
