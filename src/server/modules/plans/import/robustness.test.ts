import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from './errors.ts';
import { importPlanDocument } from './importPlan.ts';

/**
 * Whatever a person uploads, the import either drafts a plan that passes its schema or refuses
 * with a PlanImportError; it never fails otherwise. Mutations of the fixtures, made repeatably.
 */
const texts = ['chi-bo-quy-3.vi.txt', 'dang-uy-thi-dua.bom-crlf.vi.txt'].map((n) =>
  readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8').replace(/^\ufeff/, ''),
);

function random(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

function mutate(text: string, rnd: () => number): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const r = rnd();
    if (r < 0.15) continue; // dropped
    if (r < 0.25)
      out.push(line.slice(0, Math.floor(rnd() * line.length))); // cut short
    else if (r < 0.3)
      out.push(line, line); // doubled
    else if (r < 0.35)
      out.push(line.replace(/\d/g, () => String(Math.floor(rnd() * 10)))); // other digits
    else if (r < 0.4) out.push(line.toUpperCase());
    else out.push(line);
  }
  if (rnd() < 0.3) out.reverse();
  return out.join('\n');
}

describe('never fails except with a clear refusal', () => {
  it('200 damaged plans', async () => {
    const rnd = random(42);
    let drafted = 0;
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const text = mutate(texts[i % texts.length], rnd);
      try {
        const draft = await importPlanDocument(Buffer.from(text, 'utf8'));
        for (const a of draft.activities) {
          for (const d of [a.start, a.due]) if (d) expect(Number.isNaN(Date.parse(d))).toBe(false);
          if (a.start && a.due) expect(a.start <= a.due, `${a.title}: ${a.start} ≤ ${a.due}`).toBe(true);
        }
        drafted++;
      } catch (err) {
        expect(err, String(err)).toBeInstanceOf(PlanImportError);
        refused++;
      }
    }
    expect(drafted).toBeGreaterThan(100);
    expect(drafted + refused).toBe(200);
  });

  it('single odd lines', async () => {
    for (const text of [
      'KẾ HOẠCH',
      '-',
      '1.',
      'I-',
      'Nơi nhận:',
      'T/M',
      '| a | b |\n| c | d |',
      'KẾ HOẠCH\n- trước ngày 31/2/2019',
      'KẾ HOẠCH\n\tTT\tNội dung\tChủ trì\n\t1\tViệc\tChi bộ',
    ]) {
      try {
        await importPlanDocument(Buffer.from(text, 'utf8'));
      } catch (err) {
        expect(err, text).toBeInstanceOf(PlanImportError);
      }
    }
  });
});
