/**
 * `kyniem tournament draw|rank FILE [--json]`: the tournament's pure engines with JSON in and
 * out, so that anyone can re-run a published draw or a group's ranking. Input the rules refuse
 * ends with exit code 2 and the reason in Vietnamese and English.
 */
import { z } from 'zod';
import { DrawError, makeDraw } from '../common/tournament/draw.ts';
import { RankingError, rankGroup } from '../common/tournament/groupRanking.ts';
import { newRandomSeed } from '../common/tournament/lots.ts';
import { outcomes } from '../common/tournament/scoring.ts';
import { parse, Refused, readJson } from './input.ts';

const drawFile = z.object({
  entries: z.array(
    z.looseObject({
      id: z.string().min(1),
      unit: z.string().nullish(),
      seed: z.number().int().min(1).nullish(),
    }),
  ),
  randomSeed: z.string().optional(),
});

const score = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const rankFile = z.object({
  entries: z.array(z.string().min(1)),
  scoring: z.string(),
  matches: z.array(
    z.looseObject({
      a: z.string().min(1),
      b: z.string().min(1),
      games: z.array(score).optional(),
      outcome: z.enum(outcomes).optional(),
      winner: z.string().optional(),
    }),
  ),
  randomSeed: z.string().optional(),
});

export async function tournamentCommand(args: string[], json: boolean): Promise<number> {
  const [sub, file] = args;
  try {
    if (sub === 'draw') {
      const input = parse(drawFile, await readJson(file));
      const randomSeed = input.randomSeed ?? newRandomSeed();
      if (input.randomSeed === undefined) process.stderr.write(`randomSeed: ${randomSeed}\n`);
      const draw = makeDraw(input.entries, randomSeed);
      const answer = { size: draw.size, positions: draw.positions };
      process.stdout.write(
        json
          ? `${JSON.stringify(answer)}\n`
          : `${draw.positions.map((p, i) => `${String(i + 1).padStart(4)}  ${p ?? '(miễn đấu / bye)'}`).join('\n')}\n`,
      );
      return 0;
    }
    if (sub === 'rank') {
      const input = parse(rankFile, await readJson(file));
      const ranked = rankGroup(input);
      const answer = { ranking: ranked.ranking, lots: ranked.lots };
      process.stdout.write(
        json
          ? `${JSON.stringify(answer)}\n`
          : `${ranked.ranking.map((e, i) => `${i + 1}. ${e}${ranked.deleted.includes(e) ? ' (kết quả bị hủy / results deleted)' : ''}`).join('\n')}\n` +
              ranked.lots.map((l) => `bốc thăm / lots: ${l.join(', ')}\n`).join(''),
      );
      return 0;
    }
    throw new Refused(
      'Sai cách dùng: tournament draw|rank <FILE> [--json]',
      'Usage: tournament draw|rank <FILE> [--json]',
    );
  } catch (err) {
    if (err instanceof Refused) process.stderr.write(`${err.vi}\n${err.en}\n`);
    else if (err instanceof DrawError || err instanceof RankingError)
      process.stderr.write(`${err.reason.vi}\n${err.reason.en}\n`);
    else throw err;
    return 2;
  }
}
