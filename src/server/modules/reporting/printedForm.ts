import { formatDmy, todayIso } from '../../../common/dates.ts';
import { periodPhrase, type PeriodType } from '../../../common/periods.ts';
import { indicatorTotal, isNumericType } from '../../../common/reportValues.ts';
import type { Block, OfficialDocument, RichText } from '../../documents/index.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { hasChildren as hasChildUnits, unitRefs } from '../organisation/index.ts';
import { requireRead, type Caller } from './access.ts';
import { formatNumberVi, letterhead } from './documents.ts';
import type { Indicator, Template } from './model.ts';
import { isTemplatePeriod, periodRef } from './periods.ts';
import { getForm, scopeOf, unitDeadlines } from './submissions.ts';
import { findTemplate } from './templates.ts';

// The builders (docx, Chromium for PDF) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The template's printable layout (biểu mẫu in): the form as a paper the unit fills by hand or
 * signs and files — the unit's letterhead, the title with the period, one table with a line per
 * indicator under its section (I, II…), a line per breakdown cell, the unit of measure, the figure
 * and a note, compulsory indicators marked "(*)", the rules between indicators and the deadline
 * under it. With a period the unit has reported, its figures and comments are printed in; with
 * no period, the period and the figures are left blank ("tháng …… năm ……").
 */
const gap = '……';
const blankPhrase: Record<PeriodType, string> = {
  monthly: `tháng ${gap} năm ${gap}`,
  quarterly: `quý ${gap} năm ${gap}`,
  half_yearly: `6 tháng ${gap} năm ${gap}`,
  yearly: `năm ${gap}`,
  campaign: '',
};
const roman = (n: number) =>
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'][n - 1] ?? String(n);
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

type Entered = Map<string, { value: number | string | null; comment: string | null }>;

function written(ind: Indicator, value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (ind.valueType === 'boolean') return Number(value) === 1 ? 'Có' : 'Không';
  if (ind.valueType === 'date' && typeof value === 'string') return formatDmy(value);
  if (isNumericType(ind.valueType))
    return `${formatNumberVi(Number(value))}${ind.valueType === 'percentage' ? '%' : ''}`;
  return String(value);
}

/**
 * An indicator split by breakdown prints its total on its own line, as the form on screen adds it
 * up: the sum of its filled cells, for numbers (not yes/no); blank while none is filled.
 */
function totalOf(ind: Indicator, entered: Entered | null): number | null {
  if (!entered || !isNumericType(ind.valueType) || ind.valueType === 'boolean') return null;
  return indicatorTotal(
    ind,
    new Map(ind.breakdown.map((b) => [`${ind.id}|${b.key}`, entered.get(`${ind.id}|${b.key}`)?.value ?? null])),
  );
}

function tableOf(template: Template, indicators: Map<string, Indicator>, entered: Entered | null): Block {
  const rows: RichText[][] = [];
  let no = 0;
  for (const [i, section] of template.sections.entries()) {
    rows.push([[{ text: roman(i + 1), bold: true }], [{ text: section.title, bold: true }], '', '', '']);
    for (const item of section.items) {
      const ind = indicators.get(item.indicatorId);
      if (!ind) continue;
      const unit = ind.valueType === 'percentage' ? '%' : ind.valueType === 'boolean' ? 'Có/Không' : (ind.unit ?? '');
      const own = entered?.get(`${ind.id}|`);
      rows.push([
        String(++no),
        `${ind.name}${item.required ? ' (*)' : ''}`,
        unit,
        ind.breakdown.length ? written(ind, totalOf(ind, entered)) : written(ind, own?.value),
        own?.comment ?? '',
      ]);
      for (const b of ind.breakdown) {
        const cell = entered?.get(`${ind.id}|${b.key}`);
        rows.push(['', `- ${b.label.vi}`, unit, written(ind, cell?.value), cell?.comment ?? '']);
      }
    }
  }
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 8, align: 'center' },
      { title: 'Chỉ tiêu', width: 45 },
      { title: 'Đơn vị tính', width: 12, align: 'center' },
      { title: 'Số liệu', width: 14, align: 'right' },
      { title: 'Ghi chú', width: 21 },
    ],
    rows,
    // the signature is never alone on its page: the last lines of the table go with it
    keepWithClosing: 3,
  };
}

export async function printedFormDocument(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId?: string },
): Promise<OfficialDocument> {
  const template = await findTemplate(platform, q.templateId);
  await requireRead(platform, caller, q.unitId);
  if (q.periodId !== undefined && !isTemplatePeriod(template, q.periodId)) {
    throw fail.validation([
      {
        in: 'query',
        path: 'periodId',
        code: 'wrong_period',
        messages: {
          vi: 'Kỳ báo cáo không khớp với biểu mẫu (tháng, quý, 6 tháng, năm hay đợt).',
          en: 'The period does not match the template (month, quarter, half-year, year or campaign).',
        },
      },
    ]);
  }
  const unit = (await unitRefs(platform, [q.unitId])).get(q.unitId);
  if (!unit) throw fail.notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' });
  const today = todayIso(platform.clock());
  const { indicators } = await scopeOf(platform, template);
  const hasChildren = await hasChildUnits(platform.db, unit.id);
  const head = await letterhead(platform, unit, today, hasChildren);

  let entered: Entered | null = null;
  let phrase = template.campaign
    ? periodPhrase({ id: template.code, ...template.campaign })
    : blankPhrase[template.periodType];
  const notes: Block[] = [];
  if (q.periodId !== undefined) {
    phrase = periodPhrase(periodRef(template, q.periodId));
    const form = await getForm(platform, caller, template.id, unit.id, q.periodId);
    if (form.values.length)
      entered = new Map(
        form.values.map((v) => [`${v.indicatorId}|${v.breakdownKey}`, { value: v.value, comment: v.comment }]),
      );
    const deadlines = await unitDeadlines(platform.db, template, unit.id, q.periodId);
    notes.push({
      kind: 'paragraph',
      indent: false,
      text: [
        {
          text: `Hạn gửi báo cáo: ngày ${formatDmy(deadlines.due)}; số liệu tính từ ngày ${formatDmy(deadlines.window.start)} đến ngày ${formatDmy(deadlines.window.end)}.`,
          italic: true,
        },
      ],
    });
  }
  const required = template.sections.some((s) => s.items.some((i) => i.required));
  if (required)
    notes.push({
      kind: 'paragraph',
      indent: false,
      text: [{ text: 'Chỉ tiêu đánh dấu (*) là chỉ tiêu bắt buộc.', italic: true }],
    });
  const nameOf = (id: string) => indicators.get(id)?.name ?? id;
  const word = { lte: 'không lớn hơn', lt: 'nhỏ hơn', gte: 'không nhỏ hơn', gt: 'lớn hơn', eq: 'bằng' } as const;
  for (const r of template.rules) {
    notes.push({
      kind: 'item',
      marker: '-',
      text: r.message?.vi ?? `${nameOf(r.left)} ${word[r.operator]} ${lower(nameOf(r.right))}.`,
    });
  }
  return {
    issuer: head.issuer,
    number: '',
    place: head.place,
    date: entered ? today : null,
    type: 'BÁO CÁO',
    title: `Số liệu ${lower(template.name)}${phrase ? `, ${phrase}` : ''}`,
    basis: [],
    body: [
      { kind: 'paragraph', indent: false, text: [{ text: 'Đơn vị báo cáo: ', bold: true }, { text: unit.name }] },
      {
        kind: 'paragraph',
        indent: false,
        text: [{ text: 'Biểu mẫu: ', bold: true }, { text: `${template.code} – ${template.name}` }],
      },
      tableOf(template, indicators, entered),
      ...notes,
    ],
    recipients: head.recipients,
    ...(head.archive ? { archive: head.archive } : {}),
    signature: head.signature,
  };
}

export type PrintFormat = 'pdf' | 'docx';

/** The printed form as .pdf or .docx, and a file name for it. */
export async function printedForm(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId?: string },
  format: PrintFormat,
) {
  const doc = await printedFormDocument(platform, caller, q);
  const template = await findTemplate(platform, q.templateId);
  const unit = (await unitRefs(platform, [q.unitId])).get(q.unitId)!;
  const b = await builders();
  const bytes = format === 'pdf' ? await b.toPdf(doc) : await b.toDocx(doc);
  return {
    bytes,
    fileName: `Biểu mẫu ${template.code} - ${unit.shortName ?? unit.name}${q.periodId ? ` - ${q.periodId}` : ''}`,
  };
}
