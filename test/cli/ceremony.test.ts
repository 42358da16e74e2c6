import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKyniem } from '../support/processes.ts';

/** `kyniem ceremony times FILE --json`: the contract outside checks rely on (issue 16). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-ceremony-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
}

const run = (args: string[]) => runKyniem(args, {});

describe('kyniem ceremony times', () => {
  it('the issue’s example: actual times kept, what follows moves from the actual end, latestStart back from the target', async () => {
    const f = file('example.json', {
      start: '19:30',
      targetEnd: '21:30',
      segments: [
        { id: 's1', minutes: 5 },
        { id: 's2', minutes: 12, hardStart: '19:40' },
      ],
      actual: { s1: { start: '19:33', end: '19:41' } },
    });
    const r = await run(['ceremony', 'times', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['end', 'overUnderMinutes', 'segments', 'warnings']);
    expect(out.segments).toEqual([
      { id: 's1', start: '19:33', end: '19:41', latestStart: '21:13' },
      { id: 's2', start: '19:41', end: '19:53', latestStart: '21:18' },
    ]);
    expect(out.end).toBe('19:53');
    expect(out.overUnderMinutes).toBe(-97);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatchObject({ kind: 'hard-start-missed', segment: 's2' });
    expect(Object.keys(out.warnings[0]).sort()).toEqual(['kind', 'message', 'segment']);
  });

  it('past midnight: 00:10, never 24:10, and the end past the target is the only other warning', async () => {
    const f = file('midnight.json', {
      start: '23:00',
      targetEnd: '00:05',
      segments: [
        { id: 'a', minutes: 40 },
        { id: 'b', minutes: 20, hardStart: '23:50' },
      ],
    });
    const r = await run(['ceremony', 'times', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // a 23:00–23:40, a gap to b's hard start 23:50, b ends 00:10
    expect(out.segments.map((s: { start: string; end: string }) => `${s.start}-${s.end}`)).toEqual([
      '23:00-23:40',
      '23:50-00:10',
    ]);
    expect(out.end).toBe('00:10');
    expect(out.overUnderMinutes).toBe(5);
    expect(out.warnings).toEqual([{ kind: 'past-target-end', message: expect.any(String) }]);
  });

  it('refuses a malformed time with exit code 2 and a reason in both languages', async () => {
    const f = file('bad.json', {
      start: '19:30',
      targetEnd: '21:30',
      segments: [{ id: 's1', minutes: 5, hardStart: '7h40' }],
    });
    const r = await run(['ceremony', 'times', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('HH:MM');
    expect(r.stderr).toContain('không phải giờ');
    const notJson = await run(['ceremony', 'times', file('x.json', '{'), '--json']);
    expect(notJson.code).toBe(2);
    const wrongShape = await run(['ceremony', 'times', file('y.json', { start: '19:30', segments: [] }), '--json']);
    expect(wrongShape.code).toBe(2);
    expect(wrongShape.stderr).toContain('targetEnd');
  });
});
