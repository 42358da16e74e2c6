/**
 * Round-robin groups: entries shared into groups (seeds one per group in seed order, the rest by
 * lot, a unit's entries in different groups as far as the groups allow), the order of the group's
 * matches (everyone once per round), and the knockout that follows (group winners placed as seeds,
 * runners-up drawn into the other half from their own group's winner).
 */
import { type DrawEntry, makeDraw } from './draw.ts';
import { lotsFrom } from './lots.ts';

export function drawGroups(entries: readonly DrawEntry[], groupCount: number, randomSeed: string): string[][] {
  if (!Number.isInteger(groupCount) || groupCount < 1 || groupCount * 2 > entries.length) {
    throw new RangeError('each group needs at least two entries');
  }
  const lots = lotsFrom(randomSeed);
  const groups: DrawEntry[][] = Array.from({ length: groupCount }, () => []);
  const capacity = Math.ceil(entries.length / groupCount);
  const seeded = entries.filter((e) => e.seed != null).sort((a, b) => a.seed! - b.seed!);
  // Seeds: one per group while there are groups; further seeds go where the fewest seeds are, by lot.
  for (const [i, e] of seeded.entries()) {
    if (i < groupCount) groups[i].push(e);
    else {
      const fewest = Math.min(...groups.map((g) => g.length));
      lots.pick(groups.filter((g) => g.length === fewest)).push(e);
    }
  }
  // The rest, units with most entries first, each into a group of the fewest of its unit, then the smallest.
  const rest = lots.shuffle(entries.filter((e) => e.seed == null));
  const size = new Map<string, number>();
  for (const e of rest) if (e.unit) size.set(e.unit, (size.get(e.unit) ?? 0) + 1);
  rest.sort((a, b) => (b.unit ? size.get(b.unit)! : 0) - (a.unit ? size.get(a.unit)! : 0));
  for (const e of rest) {
    const open = groups.filter((g) => g.length < capacity);
    const sameUnit = (g: DrawEntry[]) => (e.unit ? g.filter((x) => x.unit === e.unit).length : 0);
    const fewestSame = Math.min(...open.map(sameUnit));
    const candidates = open.filter((g) => sameUnit(g) === fewestSame);
    const smallest = Math.min(...candidates.map((g) => g.length));
    lots.pick(candidates.filter((g) => g.length === smallest)).push(e);
  }
  return groups.map((g) => g.map((e) => e.id));
}

/** Everyone meets everyone once, round by round, nobody twice in a round (the circle method). */
export function roundRobin(entries: readonly string[]): [string, string][][] {
  const list: (string | null)[] = [...entries];
  if (list.length % 2 === 1) list.push(null);
  const n = list.length;
  const rounds: [string, string][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const round: [string, string][] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = list[i];
      const b = list[n - 1 - i];
      if (a !== null && b !== null) round.push(r % 2 === 0 ? [a, b] : [b, a]);
    }
    rounds.push(round);
    // Keep the first fixed, turn the others one place.
    list.splice(1, 0, list.pop()!);
  }
  return rounds;
}

/**
 * The knockout after groups: the first `perGroup` of each group's ranking go on; winners are the
 * seeds in group order, and the others are kept away from their own group's entries (in the other
 * half from their winner) as far as the draw allows.
 */
export function knockoutFromGroups(rankings: readonly (readonly string[])[], perGroup: number, randomSeed: string) {
  const entries: DrawEntry[] = rankings.flatMap((ranking, g) =>
    ranking.slice(0, perGroup).map((id, place) => ({ id, unit: `group-${g}`, seed: place === 0 ? g + 1 : null })),
  );
  return makeDraw(entries, randomSeed, { maxSeeds: rankings.length });
}
