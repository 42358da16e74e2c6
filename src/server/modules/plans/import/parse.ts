import type { Block, LineBlock } from './blocks.ts';
import { readBody } from './activities.ts';
import { findClosing, readClosing } from './closing.ts';
import type { DocumentFormat } from './read.ts';
import type { DraftWarning, PlanDraft } from './draft.ts';
import { importFail } from './errors.ts';
import { prose, tidy } from './folding.ts';
import { findHeading, readHeader } from './header.ts';
import { key } from './lexicon.ts';
import { linkMilestones, readMilestones } from './milestones.ts';
import { linkTasksToDuties } from './duties.ts';
import { buildOutline, readMarker } from './outline.ts';
import { unfoldLayoutTables } from './tables.ts';

const legalWords = /^(Căn cứ|Thực hiện|Thi hành|Chấp hành|Theo|Triển khai|Được sự|Trên cơ sở)(?=[\s,:]|$)/u;

/** Lines and tables of a document → the drafted plan. Pure: no database, no clock. */
export function draftPlan(blocks: Block[], format: DocumentFormat): PlanDraft {
  const all = unfoldLayoutTables(blocks);
  const firstTable = all.findIndex((b) => b.kind === 'table');
  const leading = (firstTable < 0 ? all : all.slice(0, firstTable)) as LineBlock[];
  const heading = findHeading(leading);
  const { header, bodyStart } = readHeader(leading, heading);

  const lineBlocks = all.map((b, i) => ({ b, i })).filter((x): x is { b: LineBlock; i: number } => x.b.kind === 'line');
  const closingAt = (() => {
    const rel = lineBlocks.filter((x) => x.i >= bodyStart);
    const at = findClosing(
      rel.map((x) => x.b),
      0,
    );
    return at < rel.length ? rel[at].i : all.length;
  })();

  let body = all.slice(bodyStart, closingAt);
  let closing: string | null = null;
  const closingParagraph = body.findLastIndex(
    (b) => b.kind === 'line' && !readMarker(b.text) && /\/\.\s*$/.test(b.text),
  );
  if (closingParagraph >= 0) {
    closing = tidy(
      body
        .slice(closingParagraph)
        .map((b) => (b.kind === 'line' ? b.text : ''))
        .join(' '),
    );
    body = body.slice(0, closingParagraph);
  }

  const year = header.date ? Number(header.date.slice(0, 4)) : commonYear(all);
  const root = buildOutline(body);
  const legalBasis: string[] = [];
  const introduction: string[] = [];
  for (const child of root.children) {
    if (child.kind !== 'paragraph') break;
    // the grounds and the introduction keep their punctuation: "…với các nội dung sau:"
    (legalWords.test(child.text) ? legalBasis : introduction).push(prose(child.text));
  }
  const reading = readBody(root, year);
  linkTasksToDuties(reading.activities);
  const milestones = readMilestones(reading.timeline, year);
  linkMilestones(milestones, reading.activities, reading.sections, reading.activitySections);
  const { recipients, signer } = readClosing(all.slice(closingAt).filter((b): b is LineBlock => b.kind === 'line'));

  const activities = reading.activities;
  const qualified = activities.filter((a) => a.lead.length || a.due || a.start);
  const salutation = all.find((b) => b.kind === 'line' && key(b.text).startsWith('kính gửi'));
  if (!heading?.plan && (!qualified.length || salutation)) {
    throw importFail.notAPlan(
      heading
        ? { vi: heading.type, en: heading.type }
        : salutation
          ? { vi: 'một thư hoặc công văn (Kính gửi …)', en: 'a letter (Kính gửi … / Dear …)' }
          : null,
    );
  }

  for (const a of activities) {
    if (!a.lead.length)
      a.warnings.push({
        code: 'NO_LEAD',
        line: a.line,
        vi: 'Chưa xác định được đơn vị chủ trì.',
        en: 'No lead unit found.',
      });
    if (!a.due && !a.recurrence)
      a.warnings.push({ code: 'NO_DUE_DATE', line: a.line, vi: 'Chưa có thời hạn hoàn thành.', en: 'No due date.' });
    if (a.recurrence && !a.due)
      a.warnings.push({
        code: 'RECURRING',
        line: a.line,
        vi: 'Việc định kỳ, không có một ngày cụ thể.',
        en: 'Recurring work, no single date.',
      });
  }

  const warnings: DraftWarning[] = [];
  const at = header.line;
  if (!heading)
    warnings.push({
      code: 'NO_HEADING',
      line: null,
      vi: 'Không thấy tên loại văn bản (KẾ HOẠCH …).',
      en: 'No document type heading (KẾ HOẠCH …) found.',
    });
  else if (!heading.plan)
    warnings.push({
      code: 'NOT_A_PLAN_TYPE',
      line: at,
      vi: `Văn bản là "${heading.type}", không phải kế hoạch.`,
      en: `The document is a "${heading.type}", not a plan.`,
    });
  if (!header.number)
    warnings.push({
      code: 'NO_NUMBER',
      line: null,
      vi: 'Văn bản chưa có số, ký hiệu.',
      en: 'The document has no number and symbol.',
    });
  if (!header.date)
    warnings.push({
      code: 'NO_DATE',
      line: null,
      vi: 'Không đọc được địa danh, ngày tháng ban hành.',
      en: 'No place and date of issue found.',
    });
  if (!header.title)
    warnings.push({
      code: 'NO_TITLE',
      line: at,
      vi: 'Không thấy trích yếu (tên) của kế hoạch.',
      en: 'No title found under the heading.',
    });
  if (!activities.length)
    warnings.push({
      code: 'NO_ACTIVITIES',
      line: null,
      vi: 'Không tìm thấy nhiệm vụ nào.',
      en: 'No activities found.',
    });
  if (!recipients.length)
    warnings.push({
      code: 'NO_RECIPIENTS',
      line: null,
      vi: 'Không thấy mục "Nơi nhận".',
      en: 'No "Nơi nhận" (recipients) found.',
    });
  if (!signer.name)
    warnings.push({ code: 'NO_SIGNER', line: null, vi: 'Không thấy họ tên người ký.', en: "No signer's name found." });

  return {
    source: { format, lines: Math.max(0, ...all.map((b) => b.line)) },
    header,
    legalBasis,
    introduction,
    purposes: reading.purposes,
    sections: reading.sections,
    period: reading.period,
    activities,
    milestones,
    recipients,
    signer,
    closing,
    warnings,
  };
}

function commonYear(blocks: Block[]): number | null {
  const counts = new Map<number, number>();
  for (const b of blocks) {
    const text = b.kind === 'line' ? b.text : b.rows.flat().join(' ');
    for (const m of text.matchAll(/(?<!\d)(20\d\d|19\d\d)(?!\d)/g)) counts.set(+m[1], (counts.get(+m[1]) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best == null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}
