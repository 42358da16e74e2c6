import { todayIso } from '../../../common/dates.ts';
import {
  next,
  parsePeriodId,
  periodId as makePeriodId,
  periodLabel,
  periodPhrase,
  previous,
  reportTitle,
  type PeriodRef,
  type PeriodType,
} from '../../../common/periods.ts';
import type { Aggregation, Bilingual } from '../../../common/reportValues.ts';
import { fold } from '../../../common/text.ts';
import type { Block, OfficialDocument, Run } from '../../documents/index.ts';
import { upper } from '../../documents/model.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  ancestorsOf,
  committeeKinds,
  hasChildren as hasChildUnits,
  positionsIn,
  subtreeOf,
  type UnitKind,
  type UnitRef,
  unitRefs,
  unitView,
} from '../organisation/index.ts';
import { requireRead, type Caller } from './access.ts';
import { completeness } from './completeness.ts';
import { indicatorIdsOf, type Indicator, type Template } from './model.ts';
import { isTemplatePeriod, memberPeriods, periodRef } from './periods.ts';
import { totalsOf } from './rollup.ts';
import type { SubmissionStatus } from './submissions.ts';
import { scopeOf } from './submissions.ts';
import { findTemplate } from './templates.ts';

// The builders (docx) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The narrative report (BÁO CÁO) a unit sends up after a period, drafted from its figures in the
 * Party's format (Hướng dẫn 36-HD/VPTW) through the shared `OfficialDocument` model: the unit's
 * superior and its own issuing body, "Số -BC/…" left for the office to number, the title
 * "Kết quả công tác tháng 8 năm 2019", then I. the results — who has reported (x/y units, z on
 * time), every indicator of the template as a sentence with its breakdown and the same period
 * last year and the period before when they hold figures, and the table of the same — and II./III.
 * headings whose content is marked as the part a person must write. The period may be one of the
 * template's own or a longer one containing them (a monthly template's quarter, half-year or
 * year: "báo cáo 6 tháng" from the monthly reports).
 */

export const statusWords: Record<SubmissionStatus, Bilingual> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted, awaiting approval' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
};

export const aggregationWords: Record<Aggregation, Bilingual> = {
  sum: { vi: 'Cộng', en: 'Sum' },
  average: { vi: 'Bình quân', en: 'Average' },
  last: { vi: 'Số cuối kỳ', en: 'Latest value' },
  none: { vi: 'Không tổng hợp', en: 'Not totalled' },
};

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** 1234.5 → "1.234,5". */
export const formatNumberVi = (n: number) => numberVi.format(n);

// ---------------------------------------------------------------------------------------------
// Who speaks: the letterhead, the signature and the recipients from the unit registry

const partyKinds: readonly UnitKind[] = ['bloc', 'grassroots_committee', 'grassroots_cell', 'sub_cell'];
const provinceOf = (name: string) => /\s(tỉnh|thành phố)\s+([^,]+)$/iu.exec(name);

/** The body that speaks for a Party organisation: a Đảng bộ through its Đảng ủy (a province's: its Tỉnh ủy); a Chi bộ for itself. */
export function committeeName(name: string): string {
  const province = /^Đảng bộ\s+(tỉnh|thành phố)\s+(.+)$/iu.exec(name);
  if (province) return `${province[1].toLocaleLowerCase('vi') === 'tỉnh' ? 'Tỉnh ủy' : 'Thành ủy'} ${province[2]}`;
  return name.replace(/^Đảng bộ(?=\s)/iu, 'Đảng ủy');
}

type Letterhead = Pick<OfficialDocument, 'issuer' | 'place' | 'recipients' | 'archive' | 'signature'> & {
  speaker: string;
};

export async function letterhead(
  platform: Platform,
  unit: UnitRef,
  today: string,
  hasChildren: boolean,
): Promise<Letterhead> {
  const ancestors = await ancestorsOf(platform.db, unit.id);
  const root = ancestors.at(-1) ?? { id: unit.id, name: unit.name, kind: unit.kind };
  const province = provinceOf(root.name);
  const place = province ? province[2].trim() : '';
  const provinceOrg = province ? `Đảng bộ ${province[1].toLocaleLowerCase('vi')} ${province[2].trim()}` : '';
  const withoutProvince = (name: string) =>
    province ? name.replace(new RegExp(`\\s${province[1]}\\s+${province[2].trim()}$`, 'iu'), '') : name;
  const party = partyKinds.includes(unit.kind);
  const superiorParty = ancestors.find((a) => partyKinds.includes(a.kind as UnitKind));

  let superior: string;
  let body: string;
  if (party) {
    body = committeeName(unit.name);
    if (superiorParty) superior = superiorParty.name;
    else {
      // the top of the tree (the Bloc): its superior is the province's Party organisation, named once
      superior = provinceOrg;
      body = withoutProvince(body);
    }
  } else {
    body = unit.name;
    superior = superiorParty
      ? superiorParty.id === root.id
        ? withoutProvince(committeeName(superiorParty.name))
        : committeeName(superiorParty.name)
      : provinceOrg;
  }
  const symbolSuffix =
    unit.kind === 'bloc'
      ? 'ĐUK'
      : unit.kind === 'grassroots_committee'
        ? 'ĐU'
        : unit.kind === 'grassroots_cell' || unit.kind === 'sub_cell'
          ? 'CB'
          : unit.code;
  const authority =
    unit.kind === 'bloc'
      ? 'T/M BAN THƯỜNG VỤ'
      : unit.kind === 'grassroots_committee'
        ? 'T/M ĐẢNG ỦY'
        : party
          ? 'T/M CHI BỘ'
          : undefined;
  const speaker = unit.kind === 'bloc' ? `Ban Thường vụ ${withoutProvince(committeeName(unit.name))}` : body;
  const upward = superiorParty
    ? `Ban Thường vụ ${committeeName(superiorParty.name)}`
    : province
      ? `Ban Thường vụ ${committeeName(provinceOrg)}`
      : '';
  const below = unit.kind === 'bloc' ? 'Các tổ chức cơ sở đảng trực thuộc' : 'Các chi bộ trực thuộc';
  return {
    issuer: { superior, body, symbolSuffix },
    place,
    recipients: [...(upward ? [`${upward} (để báo cáo)`] : []), ...(hasChildren ? [below] : [])],
    archive:
      unit.kind === 'bloc'
        ? 'Văn phòng'
        : unit.kind === 'grassroots_committee'
          ? 'Văn phòng Đảng ủy'
          : party
            ? 'Chi bộ'
            : 'Văn thư',
    signature: {
      ...(authority ? { authority } : {}),
      position: party ? 'BÍ THƯ' : 'THỦ TRƯỞNG ĐƠN VỊ',
      name: await secretaryOf(platform, unit, today),
    },
    speaker,
  };
}

/** The unit's Secretary today: a "Bí thư …" position in the unit or in its committees (a Bloc's BCH and BTV). */
async function secretaryOf(platform: Platform, unit: UnitRef, today: string): Promise<string> {
  const committees = await platform.db
    .selectFrom(subtreeOf(platform.db, unit.id, { min: 1, max: 2 }).as('c'))
    .innerJoin(unitView(platform.db).as('u'), 'u.id', 'c.unit_id')
    .select('u.id')
    .where('u.kind', 'in', [...committeeKinds])
    .execute();
  for (const id of [unit.id, ...committees.map((c) => c.id)]) {
    const found = (await positionsIn(platform.db, { unitId: id }, today, true)).find((p) =>
      fold(p.title).startsWith('bi thu'),
    );
    if (found) return found.fullName;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// The period asked for: one of the template's, or a longer one that contains them

const rank: Record<string, number> = { monthly: 0, quarterly: 1, half_yearly: 2, yearly: 3 };

export type ReportRange = {
  periodId: string;
  type: PeriodType;
  ref: PeriodRef;
  from: string;
  to: string;
  members: string[];
};

export function reportRange(template: Template, id: string): ReportRange | null {
  if (isTemplatePeriod(template, id))
    return { periodId: id, type: template.periodType, ref: periodRef(template, id), from: id, to: id, members: [id] };
  if (template.periodType === 'campaign') return null;
  const p = parsePeriodId(id);
  if (!p || rank[p.type] <= rank[template.periodType]) return null;
  const members = memberPeriods(template, id).sort();
  if (!members.length) return null;
  return { periodId: id, type: p.type, ref: id, from: members[0], to: members.at(-1)!, members };
}

/** The period before and the same period a year before, when the template has such periods. */
function comparisons(
  template: Template,
  range: ReportRange,
): { key: 'previous' | 'lastYear'; label: string; range: ReportRange }[] {
  if (range.type === 'campaign') return [];
  const p = parsePeriodId(range.periodId)!;
  const out: { key: 'previous' | 'lastYear'; label: string; range: ReportRange }[] = [];
  try {
    const lastYear = reportRange(template, makePeriodId(p.type, p.year - 1, p.index));
    if (lastYear)
      out.push({ key: 'lastYear', label: `Cùng kỳ năm trước (${periodLabel(lastYear.ref, 'vi')})`, range: lastYear });
    const before = previous(range.periodId);
    const prev = before !== lastYear?.periodId ? reportRange(template, before) : null;
    if (prev) out.push({ key: 'previous', label: `Kỳ trước (${periodLabel(prev.ref, 'vi')})`, range: prev });
  } catch {
    // a period before year 1000: nothing to compare with
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The document

type Totals = Awaited<ReturnType<typeof totalsOf>>;
type Line = Totals['indicators'][number];

const placeholder = (text: string): Block => ({
  kind: 'paragraph',
  text: [{ text: `[Cần bổ sung: ${text}]`, italic: true }],
});
const dash = (text: string | Run[], children?: Block[]): Block => ({
  kind: 'item',
  marker: '-',
  text,
  ...(children?.length ? { children } : {}),
});
const plus = (text: string): Block => ({ kind: 'item', marker: '+', text });
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** A figure as running text: "1.234 người", "92,5%", "chưa có số liệu". */
function figure(ind: Indicator, line: Pick<Line, 'value' | 'count'> | undefined): string {
  if (!line || line.value === null || line.count === 0) return 'chưa có số liệu';
  const v = formatNumberVi(line.value);
  if (ind.valueType === 'percentage') return `${v}%`;
  if (ind.valueType === 'boolean') return `${v}/${formatNumberVi(line.count)} báo cáo trả lời "Có"`;
  return ind.unit ? `${v} ${ind.unit}` : v;
}

function cellFigure(ind: Indicator, value: number | null | undefined, count = 1): string {
  if (value === null || value === undefined || count === 0) return '–';
  const v = formatNumberVi(value);
  return ind.valueType === 'percentage' ? `${v}%` : ind.valueType === 'boolean' ? `${v}/${formatNumberVi(count)}` : v;
}

async function textValues(
  platform: Platform,
  template: Template,
  unitId: string,
  indicatorId: string,
  periods: string[],
) {
  return platform.db
    .selectFrom('report_values as v')
    .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .innerJoin(subtreeOf(platform.db, unitId).as('c'), 'c.unit_id', 'v.unit_id')
    .innerJoin(unitView(platform.db).as('u'), 'u.id', 'v.unit_id')
    .select(['u.name', 'u.short_name', 'v.period_id', 'v.text_value'])
    .where('v.template_id', '=', template.id)
    .where('v.indicator_id', '=', indicatorId)
    .where('v.period_id', 'in', periods)
    .where('s.counted', '=', 1)
    .where('v.text_value', 'is not', null)
    .orderBy('u.sort_key')
    .orderBy('v.period_id')
    .limit(12)
    .execute();
}

/** The drafted report as an `OfficialDocument`. */
export async function reportDocument(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string },
): Promise<OfficialDocument> {
  const template = await findTemplate(platform, q.templateId);
  await requireRead(platform, caller, q.unitId);
  const range = reportRange(template, q.periodId);
  if (!range) {
    throw fail.validation([
      {
        in: 'query',
        path: 'periodId',
        code: 'wrong_period',
        messages: {
          vi: 'Kỳ báo cáo không khớp với biểu mẫu: chọn một kỳ của biểu mẫu hoặc một quý, 6 tháng, năm chứa các kỳ đó.',
          en: 'The period does not match the template: choose one of its periods, or a quarter, half-year or year containing them.',
        },
      },
    ]);
  }
  const unit = (await unitRefs(platform, [q.unitId])).get(q.unitId);
  if (!unit) throw fail.notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });
  const today = todayIso(platform.clock());
  const { indicators } = await scopeOf(platform, template);
  const current = await totalsOf(platform, caller, {
    templateId: template.id,
    unitId: unit.id,
    from: range.from,
    to: range.to,
  });
  const compared: (ReturnType<typeof comparisons>[number] & { totals: Totals })[] = [];
  for (const c of comparisons(template, range)) {
    const t = await totalsOf(platform, caller, {
      templateId: template.id,
      unitId: unit.id,
      from: c.range.from,
      to: c.range.to,
    });
    if (t.indicators.some((i) => i.count > 0)) compared.push({ ...c, totals: t });
  }
  const phrase = periodPhrase(range.ref);
  const hasChildren = await hasChildUnits(platform.db, unit.id);
  const head = await letterhead(platform, unit, today, hasChildren);

  // 1. who has reported
  const reported: Block[] = [];
  let expectedAny = 0;
  for (const p of range.members) {
    const c = await completeness(platform, caller, {
      templateId: template.id,
      unitId: unit.id,
      periodId: p,
      page: 1,
      pageSize: 500,
      missingOnly: true,
    });
    expectedAny = Math.max(expectedAny, c.expected);
    const missing = c.items.map((i) => i.unit.shortName ?? i.unit.name);
    const late = c.received - c.onTime;
    const who = range.members.length > 1 ? `${capital(periodLabel(periodRef(template, p), 'vi'))}: ` : '';
    const text =
      `${who}${c.received}/${c.expected} đơn vị đã báo cáo, ${c.onTime} đơn vị đúng hạn` +
      (late > 0 ? `, ${late} đơn vị chậm hạn` : '') +
      (c.returned > 0 ? `; ${c.returned} báo cáo bị trả lại để hoàn chỉnh` : '') +
      (c.missing > 0
        ? `; chưa báo cáo: ${missing.slice(0, 15).join(', ')}${c.missing > 15 ? ` và ${c.missing - 15} đơn vị khác` : ''}`
        : '') +
      '.';
    reported.push(range.members.length > 1 ? dash(text) : { kind: 'paragraph', text });
  }

  // 2… the figures, section by section, as sentences
  const byId = new Map(current.indicators.map((i) => [i.id, i]));
  /** An indicator as one "-" item; text the units wrote as "+" items under it (or as the items themselves, when it is all its section holds). */
  const sentence = async (ind: Indicator, alone: boolean): Promise<Block[]> => {
    if (ind.aggregation === 'none') {
      const rows = await textValues(platform, template, unit.id, ind.id, range.members);
      if (!rows.length) return [dash(`${alone ? 'Chưa có nội dung' : `${ind.name}: chưa có nội dung`}.`)];
      const when = (p: string) =>
        range.members.length > 1 ? `, ${periodLabel(periodRef(template, p), 'vi').toLocaleLowerCase('vi')}` : '';
      const said = rows.map(
        (r) => `${r.short_name ?? r.name}${when(r.period_id)}: ${(r.text_value ?? '').replace(/[.;\s]+$/, '')}.`,
      );
      return alone ? said.map((t) => dash(t)) : [dash(`${ind.name}:`, said.map(plus))];
    }
    const line = byId.get(ind.id);
    let text = `${ind.name}${ind.aggregation === 'average' ? ' (bình quân)' : ''}: ${figure(ind, line)}`;
    const parts = ind.breakdown
      .map((b) => ({ b, v: line?.breakdown.find((x) => x.key === b.key) }))
      .filter((x) => x.v && x.v.value !== null);
    if (parts.length)
      text += ` (trong đó: ${parts.map((x) => `${lower(x.b.label.vi)} ${cellFigure(ind, x.v!.value, x.v!.count)}`).join(', ')})`;
    const against = compared
      .map((c) => ({ c, l: c.totals.indicators.find((i) => i.id === ind.id) }))
      .filter((x) => x.l && x.l.value !== null && x.l.count > 0)
      .map(
        (x) =>
          `${x.c.key === 'lastYear' ? 'cùng kỳ năm trước' : 'kỳ trước'} ${cellFigure(ind, x.l!.value, x.l!.count)}`,
      );
    if (against.length) text += `; ${against.join(', ')}`;
    return [dash(`${text}.`)];
  };
  const isAssessment = (title: string) => fold(title) === fold('Đánh giá chung');
  const assessment = placeholder('ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm trong kỳ.');
  const sections: Block[] = [];
  let n = expectedAny > 1 ? 1 : 0;
  for (const s of template.sections) {
    if (isAssessment(s.title)) continue; // comes last, with the assessment a person writes
    const items: Block[] = [];
    for (const item of s.items) {
      const ind = indicators.get(item.indicatorId);
      if (ind) items.push(...(await sentence(ind, s.items.length === 1 && fold(ind.name) === fold(s.title))));
    }
    sections.push({ kind: 'section', level: 2, number: `${++n}.`, title: s.title, children: items });
  }
  const unitsSaid: Block[] = [];
  for (const s of template.sections.filter((x) => isAssessment(x.title))) {
    for (const item of s.items) {
      const ind = indicators.get(item.indicatorId);
      if (ind) unitsSaid.push(...(await sentence(ind, false)));
    }
  }

  // the table: each totalled indicator (and its breakdown), beside the periods compared with
  const tableRows: string[][] = [];
  let no = 0;
  for (const id of indicatorIdsOf(template)) {
    const ind = indicators.get(id);
    if (!ind || ind.aggregation === 'none') continue;
    const line = byId.get(id);
    const other = (c: (typeof compared)[number], key: string | null) => {
      const l = c.totals.indicators.find((i) => i.id === id);
      if (!l) return '–';
      if (key === null) return cellFigure(ind, l.value, l.count);
      const b = l.breakdown.find((x) => x.key === key);
      return cellFigure(ind, b?.value, b?.count ?? 0);
    };
    tableRows.push([
      String(++no),
      ind.name,
      ind.valueType === 'percentage' ? '%' : (ind.unit ?? ''),
      cellFigure(ind, line?.value, line?.count ?? 0),
      ...compared.map((c) => other(c, null)),
    ]);
    for (const b of ind.breakdown) {
      const v = line?.breakdown.find((x) => x.key === b.key);
      tableRows.push([
        '',
        `- ${b.label.vi}`,
        '',
        cellFigure(ind, v?.value, v?.count ?? 0),
        ...compared.map((c) => other(c, b.key)),
      ]);
    }
  }
  const table: Block = {
    kind: 'table',
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Chỉ tiêu', width: compared.length ? 36 : 50 },
      { title: 'Đơn vị tính', width: 11, align: 'center' },
      { title: capital(periodLabel(range.ref, 'vi')), width: 14, align: 'right' },
      ...compared.map((c) => ({ title: c.label, width: 15, align: 'right' as const })),
    ],
    rows: tableRows,
  };

  const counted = template.countsOn === 'approved' ? 'đã được duyệt' : 'đã gửi';
  const results: Block[] = [
    ...(expectedAny > 1
      ? [
          {
            kind: 'section',
            level: 2,
            number: '1.',
            title: 'Tình hình báo cáo của các đơn vị',
            children: reported,
          } as Block,
        ]
      : []),
    ...sections,
    {
      kind: 'section',
      level: 2,
      number: `${n + 1}.`,
      title: 'Bảng tổng hợp số liệu',
      children: [
        {
          kind: 'paragraph',
          text: `Số liệu tổng hợp từ các báo cáo ${counted} đến ngày ${today.split('-').reverse().join('/')}.`,
        },
        table,
      ],
    },
    { kind: 'section', level: 2, number: `${n + 2}.`, title: 'Đánh giá chung', children: [assessment, ...unitsSaid] },
  ];
  const ahead = range.type === 'campaign' ? 'THỜI GIAN TỚI' : upper(periodPhrase(next(range.periodId)));
  const title = /^kết quả/iu.test(template.name) ? `${capital(template.name)} ${phrase}` : `Kết quả công tác ${phrase}`;
  return {
    issuer: head.issuer,
    number: '',
    place: head.place,
    date: today,
    type: 'BÁO CÁO',
    title,
    basis: [],
    body: [
      {
        kind: 'paragraph',
        text: `Thực hiện chế độ báo cáo ${reportTitle(range.type)} theo biểu mẫu "${template.name}", ${head.speaker} báo cáo ${lower(title)} như sau:`,
      },
      { kind: 'section', level: 1, number: 'I.', title: 'KẾT QUẢ THỰC HIỆN', children: results },
      {
        kind: 'section',
        level: 1,
        number: 'II.',
        title: `PHƯƠNG HƯỚNG, NHIỆM VỤ ${ahead}`,
        children: [placeholder('các nhiệm vụ trọng tâm, chỉ tiêu và giải pháp thực hiện.')],
      },
      {
        kind: 'section',
        level: 1,
        number: 'III.',
        title: 'ĐỀ XUẤT, KIẾN NGHỊ',
        children: [placeholder('đề xuất, kiến nghị với cấp trên (nếu có).')],
      },
      { kind: 'paragraph', text: `Trên đây là báo cáo ${lower(title)} của ${head.speaker}./.` },
    ],
    recipients: head.recipients,
    ...(head.archive ? { archive: head.archive } : {}),
    signature: head.signature,
  };
}

/** The drafted report as .docx, and a file name for it. */
export async function reportDocx(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string },
) {
  const doc = await reportDocument(platform, caller, q);
  const template = await findTemplate(platform, q.templateId);
  const unit = (await unitRefs(platform, [q.unitId])).get(q.unitId)!;
  const range = reportRange(template, q.periodId)!;
  const bytes = await (await builders()).toDocx(doc);
  return {
    bytes,
    fileName: `Báo cáo ${template.code} - ${unit.shortName ?? unit.name} - ${periodLabel(range.ref, 'vi').replace(/\//g, '-')}`,
  };
}
