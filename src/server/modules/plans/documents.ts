import { formatDmy } from '../../../common/dates.ts';
import type { Block, OfficialDocument } from '../../documents/index.ts';

// The builders (docx, exceljs, Playwright) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');
import { documentTypes, type DocumentType } from '../../documents/model.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from './access.ts';
import { getPlan } from './plans.ts';
import { statusLabels } from './status.ts';

type PlanData = Awaited<ReturnType<typeof getPlan>>;

export const docType = (t: string): DocumentType => (t in documentTypes ? (t as DocumentType) : 'KẾ HOẠCH');
const dash = (text: string, children?: Block[]): Block => ({
  kind: 'item',
  marker: '-',
  text,
  ...(children?.length ? { children } : {}),
});
const plus = (text: string): Block => ({ kind: 'item', marker: '+', text });
const sentence = (s: string) => (/[.:;!?]$/.test(s) ? s : `${s}.`);

/** The stored plan as the official document: sections as numbered, activities as their "-" items, the timeline's milestones. */
export function planDocument(plan: PlanData): OfficialDocument {
  const sections = plan.sections;
  const top = sections.filter((s) => !s.path.includes('.'));
  const children = (path: string) =>
    sections.filter((s) => s.path.startsWith(`${path}.`) && s.path.split('.').length === path.split('.').length + 1);
  const activityBlocks = (path: string): Block[] =>
    plan.activities
      .filter((a) => a.section === path && !a.originActivityId)
      .map((a) =>
        dash(
          sentence(a.description || a.title),
          a.subItems.map((t) => plus(sentence(t))),
        ),
      );
  const body = (path: string, role: string): Block[] => {
    if (role === 'purposes') return plan.purposes.map((p) => dash(sentence(p)));
    if (role === 'timeline') return plan.milestones.map((m) => dash(sentence(m.text || m.title)));
    return activityBlocks(path);
  };
  const blocks: Block[] = top.map((s) => ({
    kind: 'section',
    level: 1,
    number: s.marker || `${s.path}-`,
    title: s.title,
    children: [
      ...body(s.path, s.role),
      ...children(s.path)
        .sort((a, b) => Number(a.path.split('.').pop()) - Number(b.path.split('.').pop()))
        .map((c): Block => {
          const items = body(c.path, c.role);
          const notes = c.notes.map((n) => dash(sentence(n)));
          if (!c.title && items.length === 1 && items[0].kind === 'item') {
            // "5. Hội Cựu chiến binh… xây dựng kế hoạch…": the duty is the heading line
            return {
              kind: 'section',
              level: 2,
              number: c.marker,
              title: [{ text: plainOf(items[0]), bold: false }],
              children: [],
            };
          }
          return {
            kind: 'section',
            level: 2,
            number: c.marker,
            title: c.role === 'organisation' ? `${c.title}:` : c.title,
            children: [...items, ...notes],
          };
        }),
    ],
  }));
  if (plan.closing) blocks.push({ kind: 'paragraph', text: `${plan.closing.replace(/[./]+$/, '')}./.` });
  return {
    issuer: { superior: plan.superiorBody ?? '', body: plan.issuingBody ?? '', symbolSuffix: plan.symbolSuffix ?? '' },
    number: plan.number ?? '',
    symbol: documentTypes[docType(plan.type)],
    place: plan.place ?? '',
    date: plan.date,
    type: docType(plan.type),
    title: plan.title,
    basis: plan.legalBasis,
    body: blocks,
    recipients: plan.recipients,
    ...(plan.archive ? { archive: plan.archive } : {}),
    signature: {
      ...(plan.signer.authority ? { authority: plan.signer.authority } : {}),
      position: plan.signer.position ?? '',
      name: plan.signer.name ?? '',
    },
  };
}

function plainOf(block: Block): string {
  return block.kind === 'item' && typeof block.text === 'string' ? block.text : '';
}

export async function planDocx(platform: Platform, caller: Caller, id: string) {
  const plan = await getPlan(platform, caller, id);
  return (await builders()).toDocx(planDocument(plan));
}

export async function planPdf(platform: Platform, caller: Caller, id: string) {
  const plan = await getPlan(platform, caller, id);
  return (await builders()).toPdf(planDocument(plan));
}

const dmy = (d: string | null) => (d ? formatDmy(d) : '');

/** How many lead units a cell of the progress report names before "và N đơn vị khác". */
const LEAD_NAMED = 3;

/**
 * The "Chủ trì" cell: the lead units' short names, at most three, then "và N đơn vị khác" —
 * never the eighteen grassroots organisations in one cell.
 */
export function leadCell(lead: { name: string; shortName: string | null }[], leadCount: number): string {
  const names = lead.slice(0, LEAD_NAMED).map((u) => u.shortName || u.name);
  const others = Math.max(leadCount, lead.length) - names.length;
  return others > 0 ? `${names.join(', ')} và ${others} đơn vị khác` : names.join(', ');
}

/** dd/mm/yyyy that never breaks at its slashes: word joiners either side of each one. */
const unbrokenDmy = (d: string | null) => dmy(d).replaceAll('/', '\u2060/\u2060');

/** A progress report (BÁO CÁO) on the plan: counts by status, then every activity with its status and latest progress. */
export async function progressReportDocx(platform: Platform, caller: Caller, id: string) {
  const plan = await getPlan(platform, caller, id);
  const doc: OfficialDocument = {
    issuer: { superior: plan.superiorBody ?? '', body: plan.issuingBody ?? '', symbolSuffix: plan.symbolSuffix ?? '' },
    number: '',
    place: plan.place ?? '',
    date: plan.today,
    type: 'BÁO CÁO',
    title: `tiến độ thực hiện ${plan.type.toLocaleLowerCase('vi')} ${plan.title}`,
    basis: [],
    body: [
      {
        kind: 'section',
        level: 1,
        number: 'I-',
        title: 'TÌNH HÌNH CHUNG',
        children: [
          {
            kind: 'paragraph',
            text: `Tính đến ngày ${dmy(plan.today)}, kế hoạch có ${plan.activities.length} nhiệm vụ, trong đó:`,
          },
          ...(Object.entries(plan.counts) as [keyof typeof statusLabels, number][]).map(([s, n]) =>
            dash(`${statusLabels[s].vi}: ${n} nhiệm vụ`),
          ),
        ],
      },
      {
        kind: 'section',
        level: 1,
        number: 'II-',
        title: 'KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ',
        children: [
          {
            kind: 'table',
            columns: [
              { title: 'Mục', width: 8 },
              { title: 'Nhiệm vụ', width: 35 },
              { title: 'Chủ trì', width: 20 },
              { title: 'Hạn', width: 18, align: 'center' },
              { title: 'Tiến độ', width: 10, align: 'center' },
              { title: 'Tình trạng', width: 17 },
            ],
            rows: plan.activities.map((a) => [
              a.section,
              a.title,
              leadCell(a.lead, a.leadCount),
              unbrokenDmy(a.due),
              a.percent === null ? '' : `${a.percent}%`,
              a.statusLabel.vi,
            ]),
          },
        ],
      },
    ],
    recipients: plan.recipients,
    archive: plan.archive || 'Văn phòng',
    signature: {
      ...(plan.signer.authority ? { authority: plan.signer.authority } : {}),
      position: plan.signer.position ?? '',
      name: plan.signer.name ?? '',
    },
  };
  return (await builders()).toDocx(doc);
}

/** The task list as a spreadsheet. */
export async function tasksXlsx(platform: Platform, caller: Caller, id: string) {
  const plan = await getPlan(platform, caller, id);
  return (await builders()).toXlsx([
    {
      name: 'Nhiệm vụ',
      columns: [
        { header: 'Mục', key: 'section' },
        { header: 'Nhiệm vụ', key: 'title', width: 60 },
        { header: 'Chủ trì', key: 'lead', width: 30 },
        { header: 'Phối hợp', key: 'coordinating', width: 30 },
        { header: 'Bắt đầu', key: 'start', type: 'date' },
        { header: 'Hạn', key: 'due', type: 'date' },
        { header: 'Chỉ tiêu', key: 'target', width: 30 },
        { header: 'Tiến độ (%)', key: 'percent', type: 'integer' },
        { header: 'Hoàn thành ngày', key: 'doneOn', type: 'date' },
        { header: 'Tình trạng', key: 'status', width: 26 },
      ],
      rows: plan.activities.map((a) => ({
        section: a.section,
        title: a.title,
        lead:
          a.lead.map((u) => u.name).join('; ') +
          (a.leadCount > a.lead.length ? ` (+${a.leadCount - a.lead.length})` : ''),
        coordinating: [...a.coordinating.map((u) => u.name), ...a.otherParticipants].join('; '),
        start: a.start,
        due: a.due,
        target: a.target
          ? `${a.target.comparator === 'gte' ? 'Từ' : ''} ${a.target.value} ${a.target.indicator}`.trim()
          : '',
        percent: a.percent,
        doneOn: a.doneOn,
        status: a.statusLabel.vi,
      })),
    },
  ]);
}
