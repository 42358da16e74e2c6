import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKyniem } from '../support/processes.ts';

/** `kyniem tournament draw|rank FILE --json`: the contract outside checks rely on. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-tournament-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
}

const run = (args: string[]) => runKyniem(args, {});

describe('kyniem tournament', () => {
  it('draws: the size, every line top to bottom with null for a bye, the same for the same random seed', async () => {
    const input = {
      entries: [
        { id: 'A', unit: 'U1', seed: 1 },
        { id: 'B', unit: 'U1' },
        { id: 'C', unit: 'U2', seed: 2 },
        { id: 'D', unit: 'U2' },
        { id: 'E' },
        { id: 'F', unit: 'U1' },
        { id: 'G' },
        { id: 'H' },
        { id: 'I' },
      ],
      randomSeed: 'text',
    };
    const f = file('draw.json', input);
    const first = await run(['tournament', 'draw', f, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const draw = JSON.parse(first.stdout);
    expect(Object.keys(draw).sort()).toEqual(['positions', 'size']);
    expect(draw.size).toBe(16);
    expect(draw.positions).toHaveLength(16);
    expect(draw.positions[0]).toBe('A');
    expect(draw.positions[15]).toBe('C');
    expect(draw.positions[1]).toBeNull();
    expect(draw.positions[14]).toBeNull();
    const again = await run(['tournament', 'draw', f, '--json']);
    expect(again.stdout).toBe(first.stdout);
  });

  it('ranks a group, deleting a retired player’s results and recording the lots', async () => {
    const f = file('rank.json', {
      entries: ['A', 'B', 'C', 'D'],
      scoring: 'bo3-21',
      matches: [
        {
          a: 'A',
          b: 'B',
          games: [
            [21, 15],
            [19, 21],
            [21, 18],
          ],
        },
        { a: 'C', b: 'D', outcome: 'walkover', winner: 'C' },
        {
          a: 'A',
          b: 'D',
          games: [
            [21, 10],
            [5, 3],
          ],
          outcome: 'retired',
          winner: 'A',
        },
      ],
      randomSeed: 'text',
    });
    const r = await run(['tournament', 'rank', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ranking[0]).toBe('A');
    expect(out.ranking.at(-1)).toBe('D');
    expect(out.lots).toEqual([out.ranking.slice(1, 3)]);
  });

  it('refuses with exit code 2 a score the rule cannot produce, naming both sides and the game', async () => {
    const f = file('bad.json', {
      entries: ['A', 'B'],
      scoring: 'bo3-21',
      matches: [
        {
          a: 'A',
          b: 'B',
          games: [
            [21, 15],
            [31, 29],
          ],
        },
      ],
    });
    const r = await run(['tournament', 'rank', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('A – B, ván 2');
    expect(r.stderr).toContain('A v B, game 2');
    expect(r.stdout).toBe('');
  });

  it('refuses an unfinished match, too many seeds and a file that is not JSON with exit code 2', async () => {
    const unfinished = file('unfinished.json', {
      entries: ['A', 'B'],
      scoring: 'bo3-21',
      matches: [{ a: 'A', b: 'B', games: [[21, 15]] }],
    });
    expect((await run(['tournament', 'rank', unfinished, '--json'])).code).toBe(2);
    const seeds = file('seeds.json', {
      entries: [{ id: 'A', seed: 1 }, { id: 'B', seed: 2 }, { id: 'C' }],
      randomSeed: 'x',
    });
    const r = await run(['tournament', 'draw', seeds, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/một phần tư/);
    expect((await run(['tournament', 'draw', file('junk.json', '{not json'), '--json'])).code).toBe(2);
  });
});
