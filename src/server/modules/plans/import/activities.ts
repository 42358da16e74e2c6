import type { DraftActivity, DraftPeriod, DraftSection, DraftWarning } from './draft.ts';
import { findDatePhrases, summariseDates, type DateSummary } from './dates.ts';
import { capitalise, tidy } from './folding.ts';
import { key } from './lexicon.ts';
import { fullText, isEnumerated, pathOf, type OutlineNode } from './outline.ts';
import { extractResponsibilities, headingUnits, tidyName, unitsBeforeColon } from './responsibilities.ts';
import { taskTableHeader } from './tables.ts';
import { findTarget } from './targets.ts';

/**
 * The plan's body → sections, activities, purposes and the timeline's items.
 *   content sections: each list item ("-", or a numbered item with nothing under it) is a task;
 *     a "Thời gian …" item among them is the period of its siblings;
 *   "Tổ chức thực hiện": each duty under a unit's heading ("1. Ban Tuyên giáo Đảng ủy Khối:"),
 *     led by that unit, or a numbered item whose subject is the unit;
 *   "Mục đích, yêu cầu": purposes; "Thời gian thực hiện" / "Tiến độ": the timeline (milestones);
 *   tables of tasks: one task per row.
 */
export type SectionRole = DraftSection['role'];

export type TimelineItem = { text: string; line: number };

export type BodyReading = {
  sections: DraftSection[];
  activities: DraftActivity[];
  purposes: string[];
  timeline: TimelineItem[];
  period: DraftPeriod | null;
  /** which section each activity sits in (paths, innermost first) */
  activitySections: Map<string, string[]>;
};

export function roleOf(title: string): SectionRole | null {
  const k = key(title).trim();
  if (/^(mục đích|yêu cầu)|mục đích,? yêu cầu/.test(k)) return 'purposes';
  if (/^(thời gian|tiến độ|lộ trình|mốc thời gian|thời hạn)/.test(k) && k.length < 90) return 'timeline';
  if (/^(tổ chức thực hiện|phân công|trách nhiệm|tổ chức triển khai)/.test(k)) return 'organisation';
  return null;
}

const warn = (code: string, line: number | null, vi: string, en: string): DraftWarning => ({ code, line, vi, en });

/** The first sentence, without "trong đó:" and the closing colon. */
export function titleOf(text: string): string {
  const one = text.split('\n')[0];
  const sentence = one.split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)[0];
  return capitalise(
    tidy(
      sentence
        .replace(/[,\s]*(?:trong đó|cụ thể(?: như sau)?|gồm|bao gồm|như sau)\s*:?\s*$/iu, '')
        .replace(/\s*:\s*$/, ''),
    ),
  );
}

export function readBody(root: OutlineNode, year: number | null): BodyReading {
  const sections: DraftSection[] = [];
  const activities: DraftActivity[] = [];
  const purposes: string[] = [];
  const timeline: TimelineItem[] = [];
  const activitySections = new Map<string, string[]>();
  const periods = new Map<string, DraftPeriod>();
  let period: DraftPeriod | null = null;

  const datesOf = (text: string): DateSummary => summariseDates(findDatePhrases(text, { year }));

  const addActivity = (
    node: { text: string; line: number; children?: OutlineNode[] },
    role: SectionRole,
    section: OutlineNode | null,
    headingLead: string[],
    override?: Partial<DraftActivity>,
    dateWords?: string,
  ) => {
    const own = node.text;
    const below = (node.children ?? []).map((c) => fullText(c, 1)).join('\n');
    const description = [own, below].filter(Boolean).join('\n');
    const who = extractResponsibilities(own, headingLead);
    const dates = datesOf(dateWords ?? description);
    const target = findTarget(own);
    const breakdown = (node.children ?? [])
      .map((c) => findTarget(c.text))
      .filter((t): t is NonNullable<typeof t> => Boolean(t));
    const self = 'kind' in node ? (node as OutlineNode) : null;
    const sectionPath = self && isEnumerated(self) ? pathOf(self) : section ? pathOf(section) : '';
    const activity: DraftActivity = {
      id: `A${activities.length + 1}`,
      kind: role === 'organisation' ? 'duty' : 'task',
      section: sectionPath,
      sectionTitle: section ? tidy(section.text) : null,
      title: titleOf(own) || tidy(own),
      description,
      lead: who.lead,
      coordinating: who.coordinating,
      leadSource: who.leadSource,
      start: dates.start,
      due: dates.due,
      tentative: dates.tentative,
      recurrence: dates.recurrence,
      dateText: dates.text,
      dateSource: dates.start || dates.due ? 'text' : null,
      target: target ? { ...target, breakdown } : null,
      related: [],
      line: node.line,
      warnings: dates.problems.map((p) =>
        p.problem === 'no_year'
          ? warn(
              'DATE_WITHOUT_YEAR',
              node.line,
              `Ngày "${p.text}" không có năm và văn bản không ghi năm ban hành.`,
              `The date "${p.text}" has no year and the document gives none.`,
            )
          : warn(
              'INVALID_DATE',
              node.line,
              `Ngày "${p.text}" không có thật; đã bỏ qua.`,
              `The date "${p.text}" does not exist; ignored.`,
            ),
      ),
      ...override,
    };
    activities.push(activity);
    const chain: string[] = [];
    for (let s: OutlineNode | null = section; s && s.kind !== 'root'; s = s.parent)
      if (isEnumerated(s)) chain.push(pathOf(s));
    activitySections.set(activity.id, chain);
  };

  const readTable = (node: OutlineNode, role: SectionRole, section: OutlineNode | null) => {
    const rows = node.rows ?? [];
    const found = taskTableHeader(rows);
    if (!found) return;
    const { at, columns } = found;
    for (let r = at + 1; r < rows.length; r++) {
      const row = rows[r];
      const cell = (i: number | null) => (i == null ? '' : (row[i] ?? '').trim());
      const title = cell(columns.title);
      const filled = row.filter((c) => c.trim()).length;
      if (!title || filled <= 1) continue; // a group row ("I | Công tác chính trị tư tưởng")
      const names = (value: string) =>
        value
          .split(/[,;\n]|\s+và\s+/u)
          .map(tidyName)
          .filter(Boolean);
      const timeText = cell(columns.time);
      const lead = names(cell(columns.lead));
      const coordinating = names(cell(columns.coordinating));
      const note = cell(columns.note);
      addActivity(
        { text: title, line: node.line + r },
        role,
        section,
        [],
        {
          lead,
          coordinating,
          leadSource: lead.length ? 'table' : null,
          description: [title, note].filter(Boolean).join('\n'),
        },
        timeText || title,
      );
    }
  };

  const isTiming = (text: string) => /^(thời gian|thời hạn|tiến độ)/.test(key(text));

  const walk = (node: OutlineNode, role: SectionRole, headingLead: string[]) => {
    for (const child of node.children) {
      if (child.kind === 'table') {
        if (role !== 'purposes')
          readTable(child, role === 'timeline' ? 'content' : role, node.kind === 'root' ? null : node);
        continue;
      }
      if (child.kind === 'paragraph' && node.kind === 'root') continue; // preamble, read elsewhere
      const ownRole = roleOf(child.text);
      const markedChildren = child.children.filter((c) => c.kind !== 'paragraph');
      const units = child.children.length ? headingUnits(child.text) : null;
      const isHeading =
        child.children.length > 0 &&
        (units != null ||
          (isEnumerated(child) && (markedChildren.length > 0 || /:\s*$/.test(child.text))) ||
          ownRole != null);

      if (isHeading) {
        const sectionRole = ownRole ?? role;
        if (isEnumerated(child)) {
          sections.push({
            path: pathOf(child),
            marker: child.marker ?? '',
            title: tidy(child.text),
            role: sectionRole,
            period: null,
            line: child.line,
          });
        }
        // a numbered heading that is itself a task with sub-points: "3. Tổ chức giải …:" + "a) …"
        walk(
          child,
          sectionRole,
          units ??
            (sectionRole === 'organisation' ? (unitsBeforeColon(child.text)?.names ?? headingLead) : headingLead),
        );
        continue;
      }
      if (
        child.kind === 'paragraph' &&
        role !== 'timeline' &&
        role !== 'purposes' &&
        !(node.children.every((c) => c.kind === 'paragraph') && /:\s*$/.test(node.text))
      )
        continue;

      const sectionNode = node.kind === 'root' ? null : node;
      if (role === 'content' && !isEnumerated(child) && isTiming(child.text)) {
        // "- Thời gian các đơn vị tổ chức phát động từ 15/6/2019 đến hết 30/8/2019": its siblings' period
        const d = datesOf(child.text);
        if (d.start || d.due) {
          if (sectionNode) periods.set(pathOf(sectionNode), { start: d.start, due: d.due, text: d.text ?? child.text });
          else period ??= { start: d.start, due: d.due, text: d.text ?? child.text };
          continue;
        }
      }
      if (ownRole === 'timeline' || role === 'timeline') {
        if (role === 'timeline') timeline.push({ text: child.text, line: child.line });
        else {
          // "5. Thời gian thực hiện: từ tháng 6 đến tháng 9/2019" on one line: the plan's period
          const d = datesOf(child.text);
          if (d.start || d.due) period = { start: d.start, due: d.due, text: d.text ?? child.text };
        }
        continue;
      }
      if (role === 'purposes' || ownRole === 'purposes') {
        purposes.push(tidy(fullText(child).replace(/\n/g, ' ')));
        continue;
      }
      if (role === 'organisation') {
        const inline = unitsBeforeColon(child.text);
        if (inline?.rest) {
          addActivity({ ...child, text: inline.rest }, role, sectionNode, inline.names);
          continue;
        }
      }
      addActivity(child, role, sectionNode, headingLead);
    }
  };
  walk(root, 'content', []);

  for (const s of sections) s.period = periods.get(s.path) ?? null;
  for (const a of activities) {
    if (a.start || a.due) continue;
    const chain = activitySections.get(a.id) ?? [];
    const p = chain.map((path) => periods.get(path)).find(Boolean);
    if (p) Object.assign(a, { start: p.start, due: p.due, dateText: p.text, dateSource: 'section' as const });
  }
  return { sections, activities, purposes, timeline, period, activitySections };
}
