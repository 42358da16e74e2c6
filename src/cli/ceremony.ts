/**
 * `kyniem ceremony times FILE [--json]`: the programme's clock with JSON in and out (issue 16's
 * contract, kept stable for outside checks). Input the rules refuse ends with exit code 2 and the
 * reason in Vietnamese and English.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { computeTiming, TimingError, timingAnswer } from '../common/ceremony/timing.ts';

const timesFile = z.object({
  start: z.string(),
  targetEnd: z.string(),
  segments: z.array(
    z.looseObject({
      id: z.string().min(1),
      minutes: z.number().int().min(0).max(1440),
      hardStart: z.string().nullish(),
    }),
  ),
  actual: z.record(z.string(), z.object({ start: z.string(), end: z.string().nullish() })).optional(),
  now: z.string().nullish(),
});

class Refused extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

async function readJson(file: string | undefined): Promise<unknown> {
  if (!file) throw new Refused('Thiếu tệp dữ liệu (JSON).', 'The input file (JSON) is missing.');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new Refused(`Không đọc được tệp "${file}" (${code}).`, `Cannot read the file "${file}" (${code}).`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Refused(
      `Tệp "${file}" không phải JSON hợp lệ.`,
      `The file "${file}" is not valid JSON: ${(err as Error).message}`,
    );
  }
}

export async function ceremonyCommand(args: string[], json: boolean): Promise<number> {
  const [sub, file] = args;
  try {
    if (sub !== 'times')
      throw new Refused('Sai cách dùng: ceremony times <FILE> [--json]', 'Usage: ceremony times <FILE> [--json]');
    const parsed = timesFile.safeParse(await readJson(file));
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
      throw new Refused(`Dữ liệu không hợp lệ: ${where}`, `Invalid input: ${where}`);
    }
    const timing = computeTiming(parsed.data);
    const answer = timingAnswer(timing);
    process.stdout.write(
      json
        ? `${JSON.stringify(answer)}\n`
        : `${answer.segments.map((s) => `${s.id.padEnd(12)} ${s.start}–${s.end}  (muộn nhất / latest ${s.latestStart})`).join('\n')}\n` +
            `Kết thúc / end ${answer.end}, ${answer.overUnderMinutes > 0 ? '+' : ''}${answer.overUnderMinutes} phút / min\n` +
            timing.warnings.map((w) => `! ${w.messages.vi}\n  ${w.messages.en}\n`).join(''),
    );
    return 0;
  } catch (err) {
    if (err instanceof Refused) process.stderr.write(`${err.vi}\n${err.en}\n`);
    else if (err instanceof TimingError) process.stderr.write(`${err.reason.vi}\n${err.reason.en}\n`);
    else throw err;
    return 2;
  }
}
