/**
 * `kyniem festival rank FILE [--json]`: the festival's ranking from judges' sheets, the same
 * rules the server uses (src/common/festival/rank.ts), so that anyone can check a published
 * result. A score outside 0…max or a sheet from a recused judge ends with exit code 2 and a
 * message naming the judge, the entry and the criterion, in Vietnamese and English.
 */
import { z } from 'zod';
import { FestivalRankError, methods, rankFestival, show } from '../common/festival/rank.ts';
import { parse, Refused, readJson } from './input.ts';

const rankFile = z.object({
  method: z.enum(methods),
  criteria: z
    .array(z.looseObject({ id: z.string().min(1), weight: z.number().min(0), max: z.number().positive() }))
    .min(1),
  sheets: z.array(
    z.looseObject({ judge: z.string().min(1), entry: z.string().min(1), scores: z.record(z.string(), z.number()) }),
  ),
  recused: z.array(z.looseObject({ judge: z.string().min(1), entry: z.string().min(1) })).optional(),
  tieBreak: z.array(z.string().min(1)).optional(),
});

export async function festivalCommand(args: string[], json: boolean): Promise<number> {
  const [sub, file] = args;
  try {
    if (sub !== 'rank')
      throw new Refused('Sai cách dùng: festival rank <FILE> [--json]', 'Usage: festival rank <FILE> [--json]');
    const input = parse(rankFile, await readJson(file));
    const result = rankFestival(input);
    if (json) {
      const answer = { ranking: result.ranking.map((r) => ({ entry: r.entry, score: r.score, rank: r.rank })) };
      process.stdout.write(`${JSON.stringify(answer)}\n`);
      return 0;
    }
    const lines = result.ranking.map(
      (r) =>
        `${String(r.rank).padStart(3)}. ${r.entry}  ${r.score === null ? '—' : show(r.score)}\n     ${r.explanation.arithmetic.vi}\n     ${r.explanation.arithmetic.en}` +
        (r.explanation.recused.length ? `\n     rút / recused: ${r.explanation.recused.join(', ')}` : ''),
    );
    const flags = result.disagreements.map(
      (d) =>
        `chênh lệch lớn / large disagreement: ${d.entry} ${d.highest.judge} ${show(d.highest.mark)} – ${d.lowest.judge} ${show(d.lowest.mark)}`,
    );
    process.stdout.write(`${[...lines, ...flags].join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof Refused) process.stderr.write(`${err.vi}\n${err.en}\n`);
    else if (err instanceof FestivalRankError) process.stderr.write(`${err.reason.vi}\n${err.reason.en}\n`);
    else throw err;
    return 2;
  }
}
