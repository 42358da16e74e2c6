import type { DraftActivity } from './draft.ts';
import { syllables } from './folding.ts';

/**
 * Plans say what is to be done in one section ("II. Nội dung") and who does it in another
 * ("III. Tổ chức thực hiện"). A task that names no lead takes the lead of the duty that repeats
 * its wording ("Triển khai sắp xếp tổ chức bộ máy … Đề án 09-ĐA/TU" ↔ Ban Tổ chức's "Chủ trì …
 * triển khai sắp xếp tổ chức bộ máy … Đề án số 09-ĐA/TU"), and both record the link.
 */
const grams = (text: string) => {
  const s = syllables(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(`${s[i]} ${s[i + 1]}`);
  return out;
};

export function linkTasksToDuties(activities: DraftActivity[], threshold = 0.35) {
  const tasks = activities.filter((a) => a.kind === 'task');
  const duties = activities.filter((a) => a.kind === 'duty' && a.lead.length);
  if (!tasks.length || !duties.length) return;
  const dutyGrams = duties.map((d) => grams(d.description));
  const all = [...tasks.map((t) => grams(t.description)), ...dutyGrams];
  const df = new Map<string, number>();
  for (const g of all) for (const x of g) df.set(x, (df.get(x) ?? 0) + 1);
  const weights = new Map<string, number>();
  const weight = (g: string) => {
    let w = weights.get(g);
    if (w === undefined) weights.set(g, (w = Math.log(1 + all.length / (df.get(g) ?? 1))));
    return w;
  };

  const overlap = (part: { grams: string[]; total: number }, duty: Set<string>) => {
    if (!part.total) return 0;
    let shared = 0;
    for (const g of part.grams) if (duty.has(g)) shared += weight(g);
    return shared / part.total;
  };

  for (const task of tasks) {
    // a long task lists several pieces of work ("…; …; …"): the best-matching piece counts
    const parts = task.title
      .split(';')
      .map(grams)
      .filter((g) => g.size >= 3)
      .map((g) => ({ grams: [...g], total: [...g].reduce((sum, x) => sum + weight(x), 0) }));
    if (!parts.length) continue;
    const scored = duties
      .map((d, i) => ({ d, s: Math.max(...parts.map((p) => overlap(p, dutyGrams[i]))) }))
      .sort((a, b) => b.s - a.s);
    const best = scored[0];
    if (
      !best ||
      best.s < threshold ||
      (scored[1] && scored[1].s > best.s * 0.9 && scored[1].d.lead.join() !== best.d.lead.join())
    )
      continue;
    task.related.push(best.d.id);
    best.d.related.push(task.id);
    if (!task.lead.length) {
      task.lead = [...best.d.lead];
      task.leadSource = 'duty';
    }
  }
}
