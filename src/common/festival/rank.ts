/**
 * Ranking a singing festival's round from the judges' sheets (issue 15, ADR 20), pure and shared
 * by the server, the judge's phone and `kyniem festival rank`.
 *
 * A sheet's mark is Σ score ÷ max × weight over the criteria. An entry's score aggregates the
 * marks of the judges who scored it; a recused judge has no mark for that entry (never a zero).
 * The methods: the mean; the trimmed mean (one highest and one lowest mark dropped when at least
 * five judges scored the entry, else the mean); the median (an even count gives the mean of the
 * two middle marks); the z-score (each judge's marks standardised over the entries that judge
 * scored, population deviation, a judge whose marks are all equal giving 0; the score is the mean
 * of the z-scores); majority placement (the Skating System's rules 5–8 over each judge's places).
 * Level entries are separated by the tie-break criteria in order, each by the same method over
 * that criterion's marks alone; entries share a rank only when every tie-break is level, and the
 * next rank skips (1, 2, 2, 4). Every entry carries its explanation.
 */

export type Bilingual = { vi: string; en: string };

export const methods = ['mean', 'trimmed-mean', 'median', 'zscore', 'majority'] as const;
export type Method = (typeof methods)[number];

export type Criterion = { id: string; weight: number; max: number };
export type Sheet = { judge: string; entry: string; scores: Record<string, number> };
export type Recusal = { judge: string; entry: string };

export type RankInput = {
  method: Method;
  criteria: readonly Criterion[];
  sheets: readonly Sheet[];
  recused?: readonly Recusal[];
  tieBreak?: readonly string[];
  /** Entries to rank even if no judge scored them (they come last, without a score). */
  entries?: readonly string[];
  /** A spread of marks above this share of the total weight is flagged (default 0.2). */
  disagreement?: number;
};

/** One judge's mark for one entry, as the explanation shows it. */
export type MarkLine = {
  judge: string;
  mark: number;
  /** Each criterion: the score given and the points it makes (score ÷ max × weight). */
  criteria: { id: string; score: number; points: number }[];
  /** Trimmed mean: this mark was dropped as the highest or the lowest. */
  dropped?: 'highest' | 'lowest';
  /** z-score: the judge's mean and population deviation over the entries they scored, and z. */
  z?: { mean: number; deviation: number; z: number };
  /** Majority placement: the place this judge's marks give the entry. */
  place?: number;
};

export type Explanation = {
  marks: MarkLine[];
  recused: string[];
  /** The arithmetic of the score, in words and numbers. */
  arithmetic: Bilingual;
  /** The tie-break values used, criterion by criterion, when the entry was level with another. */
  tieBreaks: { criterion: string; value: number | null }[];
};

export type RankedEntry = {
  entry: string;
  /** The aggregated score (for majority placement, the place the rules give); null if no judge scored it. */
  score: number | null;
  rank: number;
  explanation: Explanation;
};

export type Disagreement = {
  entry: string;
  spread: number;
  highest: { judge: string; mark: number };
  lowest: { judge: string; mark: number };
};

export type RankResult = { method: Method; ranking: RankedEntry[]; disagreements: Disagreement[] };

export class FestivalRankError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

const EPS = 1e-9;
const level = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const sameKey = (a: number, b: number) => a === b || (Number.isFinite(a) && Number.isFinite(b) && level(a, b));
/** Numbers as the explanation writes them: at most two decimals. */
export const show = (x: number) => String(Math.round(x * 100) / 100);
const showVi = (x: number) => show(x).replace('.', ',');

function refuse(vi: string, en: string): never {
  throw new FestivalRankError({ vi, en });
}

/** Checks the input and answers the judges' marks (overall and per criterion) by entry. */
function checkInput(input: RankInput) {
  if (input.criteria.length === 0) refuse('Chưa có tiêu chí chấm.', 'There are no criteria.');
  const criteria = new Map<string, Criterion>();
  for (const c of input.criteria) {
    if (criteria.has(c.id)) refuse(`Tiêu chí "${c.id}" khai báo hai lần.`, `Criterion "${c.id}" is declared twice.`);
    if (!(c.max > 0) || !(c.weight >= 0))
      refuse(
        `Tiêu chí "${c.id}": điểm tối đa phải dương, trọng số không âm.`,
        `Criterion "${c.id}": the maximum must be positive and the weight not negative.`,
      );
    criteria.set(c.id, c);
  }
  for (const id of input.tieBreak ?? [])
    if (!criteria.has(id))
      refuse(
        `Tiêu chí phụ "${id}" không có trong danh sách tiêu chí.`,
        `Tie-break "${id}" is not one of the criteria.`,
      );
  const recused = new Set((input.recused ?? []).map((r) => `${r.judge}\u0000${r.entry}`));
  const seen = new Set<string>();
  for (const s of input.sheets) {
    const key = `${s.judge}\u0000${s.entry}`;
    if (recused.has(key))
      refuse(
        `Giám khảo ${s.judge} đã rút khỏi việc chấm tiết mục ${s.entry} nhưng vẫn có phiếu chấm (mọi tiêu chí).`,
        `Judge ${s.judge} is recused from entry ${s.entry} but has a sheet for it (every criterion).`,
      );
    if (seen.has(key))
      refuse(
        `Giám khảo ${s.judge} có hai phiếu chấm tiết mục ${s.entry}.`,
        `Judge ${s.judge} has two sheets for entry ${s.entry}.`,
      );
    seen.add(key);
    for (const id of Object.keys(s.scores))
      if (!criteria.has(id))
        refuse(
          `Giám khảo ${s.judge}, tiết mục ${s.entry}: tiêu chí "${id}" không có trong danh sách.`,
          `Judge ${s.judge}, entry ${s.entry}: criterion "${id}" is not one of the criteria.`,
        );
    for (const c of criteria.values()) {
      const v = s.scores[c.id];
      if (v === undefined)
        refuse(
          `Giám khảo ${s.judge}, tiết mục ${s.entry}, tiêu chí ${c.id}: thiếu điểm.`,
          `Judge ${s.judge}, entry ${s.entry}, criterion ${c.id}: the score is missing.`,
        );
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.max)
        refuse(
          `Giám khảo ${s.judge}, tiết mục ${s.entry}, tiêu chí ${c.id}: điểm ${v} nằm ngoài 0…${c.max}.`,
          `Judge ${s.judge}, entry ${s.entry}, criterion ${c.id}: the score ${v} is outside 0…${c.max}.`,
        );
    }
  }
  return { criteria: [...criteria.values()] };
}

/** A sheet's mark, or one criterion's points when `only` is given. */
export function sheetMark(criteria: readonly Criterion[], scores: Record<string, number>, only?: string): number {
  let sum = 0;
  for (const c of criteria) if (only === undefined || c.id === only) sum += (scores[c.id] / c.max) * c.weight;
  return sum;
}

type Marks = Map<string, { judge: string; mark: number }[]>;

type Aggregate = {
  value: Map<string, number | null>;
  /** Per entry, per judge: what the method noted about that mark. */
  notes: Map<string, Map<string, Partial<MarkLine>>>;
  arithmetic: Map<string, Bilingual>;
};

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function sumText(xs: readonly number[], vi: boolean): string {
  return xs.map(vi ? showVi : show).join(' + ');
}

/** The score of every entry by one of the methods that give each entry a number (higher is better). */
function aggregateValues(method: Exclude<Method, 'majority'>, entries: readonly string[], marks: Marks): Aggregate {
  const value = new Map<string, number | null>();
  const notes = new Map<string, Map<string, Partial<MarkLine>>>();
  const arithmetic = new Map<string, Bilingual>();
  const none: Bilingual = { vi: 'Không giám khảo nào chấm.', en: 'No judge scored it.' };

  let judgeStats: Map<string, { mean: number; deviation: number }> | undefined;
  if (method === 'zscore') {
    const byJudge = new Map<string, number[]>();
    for (const e of entries)
      for (const m of marks.get(e) ?? []) byJudge.set(m.judge, [...(byJudge.get(m.judge) ?? []), m.mark]);
    judgeStats = new Map();
    for (const [j, xs] of byJudge) {
      const mu = mean(xs);
      judgeStats.set(j, { mean: mu, deviation: Math.sqrt(mean(xs.map((x) => (x - mu) ** 2))) });
    }
  }

  for (const e of entries) {
    const ms = marks.get(e) ?? [];
    const note = new Map<string, Partial<MarkLine>>();
    notes.set(e, note);
    if (ms.length === 0) {
      value.set(e, null);
      arithmetic.set(e, none);
      continue;
    }
    const xs = ms.map((m) => m.mark);
    if (method === 'mean' || (method === 'trimmed-mean' && ms.length < 5)) {
      const v = mean(xs);
      value.set(e, v);
      const lead =
        method === 'trimmed-mean'
          ? {
              vi: `Dưới 5 giám khảo chấm nên không bỏ điểm: `,
              en: 'Fewer than five judges scored it, so none dropped: ',
            }
          : { vi: '', en: '' };
      arithmetic.set(e, {
        vi: `${lead.vi}(${sumText(xs, true)}) ÷ ${xs.length} = ${showVi(v)}`,
        en: `${lead.en}(${sumText(xs, false)}) ÷ ${xs.length} = ${show(v)}`,
      });
    } else if (method === 'trimmed-mean') {
      let hi = 0;
      let lo = 0;
      ms.forEach((m, i) => {
        if (m.mark > ms[hi].mark) hi = i;
        if (m.mark < ms[lo].mark) lo = i;
      });
      if (hi === lo) lo = hi === 0 ? 1 : 0; // every mark equal: drop any two
      note.set(ms[hi].judge, { dropped: 'highest' });
      note.set(ms[lo].judge, { dropped: 'lowest' });
      const kept = ms.filter((_, i) => i !== hi && i !== lo).map((m) => m.mark);
      const v = mean(kept);
      value.set(e, v);
      arithmetic.set(e, {
        vi: `Bỏ điểm cao nhất ${showVi(ms[hi].mark)} (${ms[hi].judge}) và thấp nhất ${showVi(ms[lo].mark)} (${ms[lo].judge}): (${sumText(kept, true)}) ÷ ${kept.length} = ${showVi(v)}`,
        en: `Highest ${show(ms[hi].mark)} (${ms[hi].judge}) and lowest ${show(ms[lo].mark)} (${ms[lo].judge}) dropped: (${sumText(kept, false)}) ÷ ${kept.length} = ${show(v)}`,
      });
    } else if (method === 'median') {
      const v = medianOf(xs);
      value.set(e, v);
      const sorted = [...xs].sort((a, b) => a - b);
      const even = sorted.length % 2 === 0;
      arithmetic.set(e, {
        vi: `Trung vị của ${sorted.map(showVi).join('; ')}${even ? ` (số chẵn: trung bình hai điểm giữa)` : ''} = ${showVi(v)}`,
        en: `Median of ${sorted.map(show).join(', ')}${even ? ' (even count: mean of the two middle marks)' : ''} = ${show(v)}`,
      });
    } else {
      const stats = judgeStats as Map<string, { mean: number; deviation: number }>;
      const zs = ms.map((m) => {
        const s = stats.get(m.judge) as { mean: number; deviation: number };
        const z = s.deviation === 0 ? 0 : (m.mark - s.mean) / s.deviation;
        note.set(m.judge, { z: { mean: s.mean, deviation: s.deviation, z } });
        return z;
      });
      const v = mean(zs);
      value.set(e, v);
      arithmetic.set(e, {
        vi: `z = (điểm − trung bình của giám khảo) ÷ độ lệch chuẩn của giám khảo; (${sumText(zs, true)}) ÷ ${zs.length} = ${showVi(v)}`,
        en: `z = (mark − the judge's mean) ÷ the judge's standard deviation; (${sumText(zs, false)}) ÷ ${zs.length} = ${show(v)}`,
      });
    }
  }
  return { value, notes, arithmetic };
}

/** Each judge's places for the entries they scored among `entries` (a level mark shares the better place). */
function judgePlaces(entries: readonly string[], marks: Marks): Map<string, Map<string, number>> {
  const byJudge = new Map<string, { entry: string; mark: number }[]>();
  for (const e of entries)
    for (const m of marks.get(e) ?? [])
      byJudge.set(m.judge, [...(byJudge.get(m.judge) ?? []), { entry: e, mark: m.mark }]);
  const places = new Map<string, Map<string, number>>(entries.map((e) => [e, new Map()]));
  for (const [j, list] of byJudge)
    for (const x of list) {
      const better = list.filter((y) => y.mark > x.mark && !level(y.mark, x.mark)).length;
      places.get(x.entry)?.set(j, better + 1);
    }
  return places;
}

/**
 * Majority placement (Skating System rules 5–8) over `entries`: answers each entry's place
 * (level entries share it, the next place skips) and the explanation of how it was reached.
 */
function majorityPlaces(entries: readonly string[], marks: Marks): Aggregate {
  const places = judgePlaces(entries, marks);
  const n = entries.length;
  const value = new Map<string, number | null>();
  const notes = new Map<string, Map<string, Partial<MarkLine>>>();
  const arithmetic = new Map<string, Bilingual>();
  for (const e of entries) {
    const note = new Map<string, Partial<MarkLine>>();
    for (const [j, p] of places.get(e) ?? []) note.set(j, { place: p });
    notes.set(e, note);
  }
  const tally = (e: string, k: number) => {
    const ps = [...(places.get(e)?.values() ?? [])].filter((p) => p <= k);
    return { count: ps.length, sum: ps.reduce((a, b) => a + b, 0) };
  };
  const majority = (e: string) => Math.floor((places.get(e)?.size ?? 0) / 2) + 1;
  /** Negative when a is placed before b at column k (greater majority, then lower sum, then further columns). */
  const compare = (a: string, b: string, k: number): number => {
    for (let col = k; col <= n; col++) {
      const ta = tally(a, col);
      const tb = tally(b, col);
      if (ta.count !== tb.count) return tb.count - ta.count;
      if (!level(ta.sum, tb.sum)) return ta.sum - tb.sum;
    }
    return 0;
  };
  let remaining = entries.filter((e) => (places.get(e)?.size ?? 0) > 0);
  for (const e of entries)
    if ((places.get(e)?.size ?? 0) === 0) {
      value.set(e, null);
      arithmetic.set(e, { vi: 'Không giám khảo nào chấm.', en: 'No judge scored it.' });
    }
  let current = 1;
  while (remaining.length > 0) {
    let placed = false;
    for (let k = current; k <= n && !placed; k++) {
      const withMajority = remaining.filter((e) => tally(e, k).count >= majority(e));
      if (withMajority.length === 0) continue;
      withMajority.sort((a, b) => compare(a, b, k));
      const first = withMajority[0];
      const group = withMajority.filter((e) => compare(first, e, k) === 0);
      for (const e of group) {
        const t = tally(e, k);
        value.set(e, current);
        const others = withMajority.length - group.length;
        arithmetic.set(e, {
          vi: `Đa số ${t.count}/${places.get(e)?.size} giám khảo xếp hạng ${k} trở lên (tổng ${t.sum})${others > 0 ? `, hơn ${others} tiết mục khác cũng có đa số ở cột này` : ''} → hạng ${current}`,
          en: `A majority of ${t.count}/${places.get(e)?.size} judges placed it ${k} or better (sum ${t.sum})${others > 0 ? `, ahead of ${others} other entries with a majority there` : ''} → place ${current}`,
        });
      }
      remaining = remaining.filter((e) => !group.includes(e));
      current += group.length;
      placed = true;
    }
    if (!placed) {
      // Cannot happen once k reaches n (every judge's place is ≤ n); kept as a guard.
      for (const e of remaining) value.set(e, current);
      remaining = [];
    }
  }
  return { value, notes, arithmetic };
}

/** Marks by entry, from the sheets, overall or for one criterion alone. */
function marksOf(criteria: readonly Criterion[], sheets: readonly Sheet[], only?: string): Marks {
  const marks: Marks = new Map();
  for (const s of sheets) {
    const list = marks.get(s.entry) ?? [];
    list.push({ judge: s.judge, mark: sheetMark(criteria, s.scores, only) });
    marks.set(s.entry, list);
  }
  return marks;
}

export function rankFestival(input: RankInput): RankResult {
  const { criteria } = checkInput(input);
  const entries: string[] = [];
  const add = (e: string) => {
    if (!entries.includes(e)) entries.push(e);
  };
  for (const e of input.entries ?? []) add(e);
  for (const s of input.sheets) add(s.entry);
  for (const r of input.recused ?? []) add(r.entry);

  const marks = marksOf(criteria, input.sheets);
  const method = input.method;
  const higherBetter = method !== 'majority';
  const main = method === 'majority' ? majorityPlaces(entries, marks) : aggregateValues(method, entries, marks);

  // Order by the main value; then, within each group level on it, by the tie-breaks in turn.
  const key = (m: Map<string, number | null>, e: string): number => {
    const v = m.get(e) ?? null;
    if (v === null) return Number.NEGATIVE_INFINITY;
    return higherBetter ? v : -v;
  };
  const byKey = (m: Map<string, number | null>) => (a: string, b: string) => {
    const ka = key(m, a);
    const kb = key(m, b);
    return ka === kb ? 0 : kb > ka ? 1 : -1;
  };
  const tieValues = new Map<string, { criterion: string; value: number | null }[]>(entries.map((e) => [e, []]));
  const perCriterion = new Map<string, Marks>();
  const criterionMarks = (id: string) => {
    let m = perCriterion.get(id);
    if (!m) {
      m = marksOf(criteria, input.sheets, id);
      perCriterion.set(id, m);
    }
    return m;
  };
  const zscoreCache = new Map<string, Aggregate>();
  const tieValue = (id: string, group: readonly string[]): Map<string, number | null> => {
    if (method === 'majority') return majorityPlaces(group, criterionMarks(id)).value;
    let agg = zscoreCache.get(id);
    if (!agg) {
      // Over every entry: a judge's z-scores stand over all the entries that judge scored.
      agg = aggregateValues(method, entries, criterionMarks(id));
      zscoreCache.set(id, agg);
    }
    return agg.value;
  };

  const split = (group: string[], depth: number): string[][] => {
    if (group.length < 2 || depth >= (input.tieBreak ?? []).length) return [group];
    if (group.every((e) => (main.value.get(e) ?? null) === null)) return [group];
    const id = (input.tieBreak ?? [])[depth];
    const values = tieValue(id, group);
    for (const e of group) tieValues.get(e)?.push({ criterion: id, value: values.get(e) ?? null });
    const sorted = [...group].sort(byKey(values));
    const out: string[][] = [];
    for (const e of sorted) {
      const last = out.at(-1);
      if (last && sameKey(key(values, last[0]), key(values, e))) last.push(e);
      else out.push([e]);
    }
    return out.flatMap((g) => split(g, depth + 1));
  };

  const sorted = [...entries].sort(byKey(main.value));
  const groups: string[][] = [];
  for (const e of sorted) {
    const last = groups.at(-1);
    const a = key(main.value, e);
    if (last && sameKey(a, key(main.value, last[0]))) last.push(e);
    else groups.push([e]);
  }
  const ranking: RankedEntry[] = [];
  let rank = 1;
  for (const g of groups.flatMap((g) => split(g, 0))) {
    for (const e of g) {
      const note = main.notes.get(e) ?? new Map();
      const explanation: Explanation = {
        marks: input.sheets
          .filter((s) => s.entry === e)
          .map((s) => ({
            judge: s.judge,
            mark: sheetMark(criteria, s.scores),
            criteria: criteria.map((c) => ({
              id: c.id,
              score: s.scores[c.id],
              points: sheetMark(criteria, s.scores, c.id),
            })),
            ...note.get(s.judge),
          })),
        recused: (input.recused ?? []).filter((r) => r.entry === e).map((r) => r.judge),
        arithmetic: main.arithmetic.get(e) ?? { vi: '', en: '' },
        tieBreaks: tieValues.get(e) ?? [],
      };
      ranking.push({ entry: e, score: main.value.get(e) ?? null, rank, explanation });
    }
    rank += g.length;
  }

  const totalWeight = criteria.reduce((a, c) => a + c.weight, 0);
  const threshold = (input.disagreement ?? 0.2) * totalWeight;
  const disagreements: Disagreement[] = [];
  for (const e of entries) {
    const ms = marks.get(e) ?? [];
    if (ms.length < 2) continue;
    const hi = ms.reduce((a, b) => (b.mark > a.mark ? b : a));
    const lo = ms.reduce((a, b) => (b.mark < a.mark ? b : a));
    const spread = hi.mark - lo.mark;
    if (spread > threshold + EPS) disagreements.push({ entry: e, spread, highest: hi, lowest: lo });
  }
  return { method, ranking, disagreements };
}
