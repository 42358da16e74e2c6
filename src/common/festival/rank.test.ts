import { describe, expect, it } from 'vitest';
import { FestivalRankError, type RankInput, rankFestival, type Sheet, sheetMark } from './rank.ts';

/** One criterion worth 100 over a 0…10 scale: a score of 8 is a mark of 80, which keeps the sums readable. */
const single = [{ id: 'voice', weight: 100, max: 10 }];
const sheet = (judge: string, entry: string, voice: number): Sheet => ({ judge, entry, scores: { voice } });
const ranks = (input: RankInput) => rankFestival(input).ranking.map((r) => [r.entry, r.score, r.rank]);
const byEntry = (input: RankInput, entry: string) => {
  const r = rankFestival(input).ranking.find((x) => x.entry === entry);
  if (!r) throw new Error(entry);
  return r;
};

describe('a sheet’s mark', () => {
  it('is Σ score ÷ max × weight: voice 8.5/10 × 40 + stage 9/10 × 30 + song 7/10 × 15 + costume 10/10 × 15 = 86.5', () => {
    const criteria = [
      { id: 'voice', weight: 40, max: 10 },
      { id: 'stage', weight: 30, max: 10 },
      { id: 'song', weight: 15, max: 10 },
      { id: 'costume', weight: 15, max: 10 },
    ];
    expect(sheetMark(criteria, { voice: 8.5, stage: 9, song: 7, costume: 10 })).toBeCloseTo(86.5, 10);
    expect(sheetMark(criteria, { voice: 8.5, stage: 9, song: 7, costume: 10 }, 'stage')).toBeCloseTo(27, 10);
    // Scales other than 10: 15 of 20 for a weight of 40 is 30.
    expect(sheetMark([{ id: 'v', weight: 40, max: 20 }], { v: 15 })).toBe(30);
  });
});

describe('the mean', () => {
  const sheets = [
    sheet('J1', 'E1', 8),
    sheet('J2', 'E1', 9),
    sheet('J3', 'E1', 7),
    sheet('J1', 'E2', 9),
    sheet('J2', 'E2', 9),
    sheet('J3', 'E2', 9),
    sheet('J1', 'E3', 6),
    sheet('J2', 'E3', 7),
  ];
  it('averages the judges’ marks: E2 (90+90+90)/3 = 90, E1 (80+90+70)/3 = 80', () => {
    expect(ranks({ method: 'mean', criteria: single, sheets: [...sheets, sheet('J3', 'E3', 8)] })).toEqual([
      ['E2', 90, 1],
      ['E1', 80, 2],
      ['E3', 70, 3],
    ]);
  });
  it('a recused judge has no mark, not a zero: E3 (60+70)/2 = 65', () => {
    const input: RankInput = { method: 'mean', criteria: single, sheets, recused: [{ judge: 'J3', entry: 'E3' }] };
    const e3 = byEntry(input, 'E3');
    expect(e3.score).toBe(65);
    expect(e3.explanation.recused).toEqual(['J3']);
    expect(e3.explanation.marks.map((m) => m.judge)).toEqual(['J1', 'J2']);
    expect(e3.explanation.arithmetic.en).toBe('(60 + 70) ÷ 2 = 65');
    expect(e3.explanation.arithmetic.vi).toBe('(60 + 70) ÷ 2 = 65');
  });
});

describe('the trimmed mean', () => {
  const five = ['J1', 'J2', 'J3', 'J4', 'J5'];
  const input: RankInput = {
    method: 'trimmed-mean',
    criteria: single,
    sheets: [
      ...[5, 6, 7, 8, 10].map((v, i) => sheet(five[i], 'E1', v)),
      ...[6, 7, 8, 9].map((v, i) => sheet(five[i], 'E2', v)),
    ],
    recused: [{ judge: 'J5', entry: 'E2' }],
  };
  it('drops one highest and one lowest mark from five judges: E1 (60+70+80)/3 = 70', () => {
    const e1 = byEntry(input, 'E1');
    expect(e1.score).toBe(70);
    expect(e1.explanation.marks.filter((m) => m.dropped).map((m) => [m.judge, m.dropped])).toEqual([
      ['J1', 'lowest'],
      ['J5', 'highest'],
    ]);
    expect(e1.explanation.arithmetic.en).toContain('(60 + 70 + 80) ÷ 3 = 70');
  });
  it('is the mean when a recusal leaves four judges: E2 (60+70+80+90)/4 = 75, ahead of E1', () => {
    expect(ranks(input)).toEqual([
      ['E2', 75, 1],
      ['E1', 70, 2],
    ]);
    expect(byEntry(input, 'E2').explanation.marks.some((m) => m.dropped)).toBe(false);
  });
});

describe('the median', () => {
  it('takes the middle mark, and the mean of the two middle marks for an even count', () => {
    const input: RankInput = {
      method: 'median',
      criteria: single,
      sheets: [
        sheet('J1', 'E1', 5),
        sheet('J2', 'E1', 6),
        sheet('J3', 'E1', 9),
        sheet('J4', 'E1', 1),
        sheet('J1', 'E2', 6),
        sheet('J2', 'E2', 9),
        sheet('J3', 'E2', 8),
        sheet('J4', 'E2', 7),
        sheet('J1', 'E3', 7),
        sheet('J2', 'E3', 4),
        sheet('J4', 'E3', 9),
      ],
      recused: [{ judge: 'J3', entry: 'E3' }],
    };
    // E1: 10, 50, 60, 90 → (50+60)/2 = 55; E2: 60, 70, 80, 90 → 75; E3 (J3 recused): 40, 70, 90 → 70.
    expect(ranks(input)).toEqual([
      ['E2', 75, 1],
      ['E3', 70, 2],
      ['E1', 55, 3],
    ]);
  });
});

describe('the z-score', () => {
  it('standardises each judge over the entries that judge scored; an all-equal judge gives 0', () => {
    const input: RankInput = {
      method: 'zscore',
      criteria: single,
      sheets: [
        // J1 (recused from E3): 80, 60 → mean 70, deviation 10 → z +1, −1.
        sheet('J1', 'E1', 8),
        sheet('J1', 'E2', 6),
        // J2: all 50 → 0 each.
        sheet('J2', 'E1', 5),
        sheet('J2', 'E2', 5),
        sheet('J2', 'E3', 5),
        // J3: 90, 70, 80 → mean 80, deviation √(200/3) → z ±1.2247, 0.
        sheet('J3', 'E1', 9),
        sheet('J3', 'E2', 7),
        sheet('J3', 'E3', 8),
      ],
      recused: [{ judge: 'J1', entry: 'E3' }],
    };
    const z3 = 10 / Math.sqrt(200 / 3);
    const r = rankFestival(input).ranking;
    expect(r.map((x) => [x.entry, x.rank])).toEqual([
      ['E1', 1],
      ['E3', 2],
      ['E2', 3],
    ]);
    expect(r[0].score).toBeCloseTo((1 + 0 + z3) / 3, 10);
    expect(r[1].score).toBe(0);
    expect(r[2].score).toBeCloseTo((-1 + 0 - z3) / 3, 10);
    const j1 = r[0].explanation.marks.find((m) => m.judge === 'J1');
    expect(j1?.z).toEqual({ mean: 70, deviation: 10, z: 1 });
    expect(r[0].explanation.marks.find((m) => m.judge === 'J2')?.z?.z).toBe(0);
  });
});

describe('majority placement', () => {
  // J1: A 90, B 80, C 70; J2: A 90, C 70, B 60; J3: B 100, C 70, A 10.
  const sheets = [
    sheet('J1', 'A', 9),
    sheet('J1', 'B', 8),
    sheet('J1', 'C', 7),
    sheet('J2', 'A', 9),
    sheet('J2', 'B', 6),
    sheet('J2', 'C', 7),
    sheet('J3', 'A', 1),
    sheet('J3', 'B', 10),
    sheet('J3', 'C', 7),
  ];
  it('places by the majority of judges’ places, where the mean would not', () => {
    // Places: A 1,1,3; B 2,3,1; C 3,2,2. Column 1: A has 2 of 3 → 1st. Column 2: B 2 (sum 3), C 2 (sum 4) → B 2nd.
    expect(ranks({ method: 'majority', criteria: single, sheets })).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
      ['C', 3, 3],
    ]);
    expect(ranks({ method: 'mean', criteria: single, sheets }).map((x) => x[0])).toEqual(['B', 'C', 'A']);
  });
  it('counts the majority over the judges who scored the entry, a recused judge giving no place', () => {
    // J4 scored A 50, B 60 and is recused from C: A 1,1,3,2; B 2,3,1,1; C 3,2,2.
    // Column 2: A 3 of 4 (sum 4), B 3 of 4 (sum 4), C 2 of 3 (sum 4): A and B level to the end → both 1st; C 3rd.
    const input: RankInput = {
      method: 'majority',
      criteria: single,
      sheets: [...sheets, sheet('J4', 'A', 5), sheet('J4', 'B', 6)],
      recused: [{ judge: 'J4', entry: 'C' }],
    };
    expect(ranks(input)).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['C', 3, 3],
    ]);
    expect(byEntry(input, 'C').explanation.marks.map((m) => [m.judge, m.place])).toEqual([
      ['J1', 3],
      ['J2', 2],
      ['J3', 2],
    ]);
  });
});

describe('ties', () => {
  const criteria = [
    { id: 'voice', weight: 50, max: 10 },
    { id: 'stage', weight: 30, max: 10 },
    { id: 'song', weight: 20, max: 10 },
  ];
  // Every entry's mark is 72: E1 40+18+14, E2 30+27+15, E3 40+21+11, E4 as E1.
  const scores: Record<string, Record<string, number>> = {
    E1: { voice: 8, stage: 6, song: 7 },
    E2: { voice: 6, stage: 9, song: 7.5 },
    E3: { voice: 8, stage: 7, song: 5.5 },
    E4: { voice: 8, stage: 6, song: 7 },
  };
  const sheets = ['J1', 'J2'].flatMap((judge) =>
    Object.entries(scores).map(([entry, s]) => ({ judge, entry, scores: s })),
  );

  for (const method of ['mean', 'trimmed-mean', 'median', 'zscore', 'majority'] as const)
    it(`${method}: the tie-break criteria in order, then a shared rank and a skip (1, 2, 2, 4)`, () => {
      const r = rankFestival({ method, criteria, sheets, tieBreak: ['voice', 'stage'] }).ranking;
      // voice: E1, E3, E4 40 ahead of E2 30; stage among those: E3 21 ahead of E1 = E4 18.
      expect(r.map((x) => [x.entry, x.rank])).toEqual([
        ['E3', 1],
        ['E1', 2],
        ['E4', 2],
        ['E2', 4],
      ]);
      expect(r[0].explanation.tieBreaks.map((t) => t.criterion)).toEqual(['voice', 'stage']);
    });

  it('without tie-breaks every level entry shares the first rank', () => {
    expect(rankFestival({ method: 'mean', criteria, sheets }).ranking.map((x) => x.rank)).toEqual([1, 1, 1, 1]);
  });

  it('an entry no judge scored comes last without a score', () => {
    const r = rankFestival({
      method: 'mean',
      criteria: single,
      sheets: [sheet('J1', 'E1', 5)],
      recused: [{ judge: 'J1', entry: 'E2' }],
    }).ranking;
    expect(r.map((x) => [x.entry, x.score, x.rank])).toEqual([
      ['E1', 50, 1],
      ['E2', null, 2],
    ]);
  });
});

describe('disagreements', () => {
  it('flags an entry whose marks spread over a fifth of the total weight', () => {
    const { disagreements } = rankFestival({
      method: 'mean',
      criteria: single,
      sheets: [sheet('J1', 'E1', 9), sheet('J2', 'E1', 4), sheet('J1', 'E2', 8), sheet('J2', 'E2', 7)],
    });
    expect(disagreements).toEqual([
      { entry: 'E1', spread: 50, highest: { judge: 'J1', mark: 90 }, lowest: { judge: 'J2', mark: 40 } },
    ]);
  });
});

describe('refused input', () => {
  const refusal = (input: RankInput) => {
    try {
      rankFestival(input);
    } catch (err) {
      if (err instanceof FestivalRankError) return err.reason;
      throw err;
    }
    throw new Error('accepted');
  };
  it('a score outside 0…max names the judge, the entry and the criterion', () => {
    const r = refusal({ method: 'mean', criteria: single, sheets: [sheet('J2', 'E3', 10.5)] });
    expect(r.en).toBe('Judge J2, entry E3, criterion voice: the score 10.5 is outside 0…10.');
    expect(r.vi).toContain('Giám khảo J2, tiết mục E3, tiêu chí voice');
    expect(refusal({ method: 'mean', criteria: single, sheets: [sheet('J1', 'E1', -1)] }).en).toContain('J1');
  });
  it('a sheet from a recused judge, a missing score and an unknown tie-break', () => {
    expect(
      refusal({
        method: 'median',
        criteria: single,
        sheets: [sheet('J2', 'E3', 5)],
        recused: [{ judge: 'J2', entry: 'E3' }],
      }).en,
    ).toContain('Judge J2 is recused from entry E3');
    expect(
      refusal({ method: 'mean', criteria: single, sheets: [{ judge: 'J1', entry: 'E1', scores: {} }] }).en,
    ).toContain('criterion voice: the score is missing');
    expect(refusal({ method: 'mean', criteria: single, sheets: [], tieBreak: ['stage'] }).en).toContain('stage');
  });
});
