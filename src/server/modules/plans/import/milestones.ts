import type { DraftActivity, DraftMilestone, DraftSection } from './draft.ts';
import { findDatePhrases, summariseDates } from './dates.ts';
import { syllables, tidy } from './folding.ts';
import type { TimelineItem } from './activities.ts';

/**
 * The timeline's items ("Việc bình chọn … hoàn thành trước ngày 30/7/2019") → milestones, each
 * linked to the tasks it closes when the words tell: the task (or tasks) whose wording the
 * milestone repeats, or every task of a section when the milestone names the section's subject
 * ("Hoạt động văn nghệ, thể thao …" closes section II.3). Words at the head of the milestone
 * weigh more, and words every task shares weigh less.
 */
export function readMilestones(items: TimelineItem[], year: number | null): DraftMilestone[] {
  const out: DraftMilestone[] = [];
  for (const item of items) {
    const findings = findDatePhrases(item.text, { year }).filter((f) => !f.reference);
    const dates = summariseDates(findings);
    const dated = findings.find((f) => f.start || f.due || f.recurrence);
    let title = item.text;
    if (dated) title = `${item.text.slice(0, dated.index)} ${item.text.slice(dated.end)}`.trim();
    title = tidy(
      title
        .replace(/[,:\s]*(?:hoàn thành|xong|kết thúc|thực hiện|tổ chức)?\s*(?:dự kiến)?\s*[,:.;\s]*$/iu, '')
        .replace(/^(?:hoàn thành|xong)\s+/iu, ''),
    );
    out.push({
      id: `M${out.length + 1}`,
      title: title || tidy(item.text),
      text: tidy(item.text),
      start: dates.start,
      due: dates.due ?? dates.start,
      tentative: dates.tentative,
      closes: [],
      line: item.line,
      warnings:
        dates.due || dates.start
          ? []
          : [
              {
                code: 'MILESTONE_WITHOUT_DATE',
                line: item.line,
                vi: 'Mốc tiến độ này không có ngày.',
                en: 'This timeline item has no date.',
              },
            ],
    });
  }
  return out;
}

const gramCache = new Map<string, Set<string>>();
/** the bigrams of a text, as a set (cached: the same titles are compared again and again) */
const gramSet = (text: string) => {
  let g = gramCache.get(text);
  if (!g) {
    if (gramCache.size > 5000) gramCache.clear();
    g = new Set(bigrams(text, 0).map((b) => b.gram));
    gramCache.set(text, g);
  }
  return g;
};

const bigrams = (text: string, boostFirst: number) => {
  const s = syllables(text).filter((w) => w !== 'viec');
  const out: { gram: string; boost: number }[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push({ gram: `${s[i]} ${s[i + 1]}`, boost: i < boostFirst ? 3 : 1 });
  return out;
};

export function linkMilestones(
  milestones: DraftMilestone[],
  activities: DraftActivity[],
  sections: DraftSection[],
  activitySections: Map<string, string[]>,
) {
  const tasks = activities.filter((a) => a.kind === 'task');
  const contentSections = sections.filter(
    (s) => s.role === 'content' && tasks.some((a) => (activitySections.get(a.id) ?? []).includes(s.path)),
  );
  const docs = [...tasks.map((a) => a.title), ...contentSections.map((s) => s.title)].map(gramSet);
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: string) => Math.log(1 + docs.length / (df.get(g) ?? 0.5));

  for (const m of milestones) {
    const grams = bigrams(m.title, 4);
    const total = grams.reduce((s, g) => s + g.boost * weight(g.gram), 0);
    if (!total) continue;
    const score = (text: string) => {
      const other = gramSet(text);
      return grams.reduce((s, g) => s + (other.has(g.gram) ? g.boost * weight(g.gram) : 0), 0) / total;
    };
    const taskScores = tasks.map((a) => ({ a, s: score(a.title) }));
    const bestTask = Math.max(0, ...taskScores.map((t) => t.s));
    const sectionScores = contentSections.map((s) => ({ s, v: score(s.title) }));
    const bestSection = sectionScores.sort((x, y) => y.v - x.v)[0];
    let closes: DraftActivity[] = [];
    if (bestSection && bestSection.v >= 0.3 && bestSection.v > bestTask + 0.1) {
      const inSection = tasks.filter((a) => (activitySections.get(a.id) ?? []).includes(bestSection.s.path));
      // the milestone's head words that the section title lacks may single out some of its tasks
      const titleGrams = gramSet(bestSection.s.title);
      const distinct = grams.filter((g) => g.boost > 1 && !titleGrams.has(g.gram)).map((g) => g.gram);
      const singled = inSection.filter((a) => {
        const own = gramSet(a.title);
        return distinct.some((g) => own.has(g));
      });
      closes = singled.length ? singled : inSection;
    } else if (bestTask >= 0.35) {
      closes = taskScores.filter((t) => t.s >= bestTask * 0.85).map((t) => t.a);
    }
    m.closes = closes.map((a) => a.id);
    for (const a of closes) {
      if (a.due || a.recurrence) continue;
      a.due = m.due;
      a.tentative = a.tentative || m.tentative;
      if (m.start && m.start === m.due && !a.start) a.start = m.start;
      a.dateText = m.text;
      a.dateSource = 'milestone';
    }
  }
}
