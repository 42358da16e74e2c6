import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKyniem } from '../support/processes.ts';

/** `kyniem festival rank FILE --json`: the contract outside checks rely on (issue 15). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-festival-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
}

const run = (args: string[]) => runKyniem(args, {});

const criteria = [
  { id: 'voice', weight: 40, max: 10 },
  { id: 'stage', weight: 30, max: 10 },
  { id: 'song', weight: 15, max: 10 },
  { id: 'costume', weight: 15, max: 10 },
];
const s = (judge: string, entry: string, voice: number, stage: number, song: number, costume: number) => ({
  judge,
  entry,
  scores: { voice, stage, song, costume },
});

describe('kyniem festival rank', () => {
  it('ranks by the mean of the judges’ weighted marks, a recused judge left out, only {entry, score, rank} per line', async () => {
    // E1: J1 34+27+12+12 = 85, J2 32+25.5+12+13.5 = 83 → 84. E2: J1 28+21+9+9 = 67, J2 recused → 67.
    const f = file('mean.json', {
      method: 'mean',
      criteria,
      sheets: [s('J1', 'E1', 8.5, 9, 8, 8), s('J2', 'E1', 8, 8.5, 8, 9), s('J1', 'E2', 7, 7, 6, 6)],
      recused: [{ judge: 'J2', entry: 'E2' }],
      tieBreak: ['voice'],
    });
    const r = await run(['festival', 'rank', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['ranking']);
    expect(out.ranking).toHaveLength(2);
    expect(Object.keys(out.ranking[0]).sort()).toEqual(['entry', 'rank', 'score']);
    expect(out.ranking[0].entry).toBe('E1');
    expect(out.ranking[0].score).toBeCloseTo(84, 9);
    expect(out.ranking[0].rank).toBe(1);
    expect(out.ranking[1]).toMatchObject({ entry: 'E2', rank: 2 });
    expect(out.ranking[1].score).toBeCloseTo(67, 9);
  });

  it('trimmed mean from five judges, and ranks shared only when every tie-break is level (1, 2, 2, 4)', async () => {
    const judges = ['J1', 'J2', 'J3', 'J4', 'J5'];
    const one = [{ id: 'voice', weight: 100, max: 10 }];
    // A: 50 60 70 80 100 → (60+70+80)/3 = 70. B, C, D: every judge 60 → 60; B is ahead on nothing: all level.
    const f = file('trimmed.json', {
      method: 'trimmed-mean',
      criteria: one,
      sheets: [
        ...[5, 6, 7, 8, 10].map((v, i) => ({ judge: judges[i], entry: 'A', scores: { voice: v } })),
        ...['B', 'C'].flatMap((e) => judges.map((j) => ({ judge: j, entry: e, scores: { voice: 6 } }))),
        ...judges.map((j) => ({ judge: j, entry: 'D', scores: { voice: 5 } })),
      ],
      tieBreak: ['voice'],
    });
    const r = await run(['festival', 'rank', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ranking.map((x: { entry: string; rank: number }) => [x.entry, x.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    expect(JSON.parse(r.stdout).ranking[0].score).toBeCloseTo(70, 9);
  });

  it('without --json prints each entry’s arithmetic in both languages', async () => {
    const f = file('text.json', {
      method: 'median',
      criteria: [{ id: 'voice', weight: 100, max: 10 }],
      sheets: [
        { judge: 'J1', entry: 'E1', scores: { voice: 6 } },
        { judge: 'J2', entry: 'E1', scores: { voice: 8 } },
      ],
    });
    const r = await run(['festival', 'rank', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Trung vị của 60; 80');
    expect(r.stdout).toContain('Median of 60, 80 (even count: mean of the two middle marks) = 70');
  });

  it('refuses with exit code 2 a score outside 0…max, naming the judge, the entry and the criterion', async () => {
    const f = file('range.json', {
      method: 'mean',
      criteria,
      sheets: [s('J1', 'E1', 8, 8, 8, 8), s('J3', 'E7', 8, 11, 8, 8)],
    });
    const r = await run(['festival', 'rank', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Giám khảo J3, tiết mục E7, tiêu chí stage');
    expect(r.stderr).toContain('Judge J3, entry E7, criterion stage: the score 11 is outside 0…10.');
  });

  it('refuses with exit code 2 a sheet from a recused judge, and a file that is not JSON', async () => {
    const f = file('recused.json', {
      method: 'zscore',
      criteria,
      sheets: [s('J2', 'E3', 8, 8, 8, 8)],
      recused: [{ judge: 'J2', entry: 'E3' }],
    });
    const r = await run(['festival', 'rank', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Judge J2 is recused from entry E3');
    expect((await run(['festival', 'rank', file('junk.json', '{no'), '--json'])).code).toBe(2);
    expect((await run(['festival', 'rank', file('method.json', { method: 'best', criteria, sheets: [] })])).code).toBe(
      2,
    );
  });
});
