import { organisersSignature } from '../organisation/index.ts';
import { type SegmentKind, type Section, sectionLabels, sections } from '../../../common/ceremony/programme.ts';
import { readingMinutes } from '../../../common/ceremony/reading.ts';
import { seatingPlan } from '../../../common/ceremony/seating.ts';
import type { GuestBranch, GuestLevel, GuestReply } from '../../../common/ceremony/protocol.ts';
import { formatDmy } from '../../../common/dates.ts';
import type { Block, Issuer, OfficialDocument, RichText, Sheet } from '../../documents/index.ts';
import { escapeHtml } from '../../documents/html.ts';
import { cssFontStack } from '../../documents/format.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { guestNotFound } from './access.ts';
import {
  awardsOf,
  findCeremony,
  guestsInOrder,
  guestsOf,
  introductionOf,
  invitationDraftSigner,
  segmentsOf,
  timingOf,
} from './ceremonies.ts';
import type { BatchOut } from './schema.ts';
import type { CeremonyGuestsTable, CeremonySegmentsTable } from './tables.ts';

// The builders (docx, exceljs, Chromium) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The ceremony's papers (issue 16) through the shared builders (ADR 6): the MC's script (kịch bản:
 * every segment with its time, the MC's words, the guests' introduction in protocol order, the
 * award batches with their honourees and presenters, the festival's acts) and the printed
 * programme for the guests, both as a "Chương trình" of the Bloc in the Party's format (Hướng dẫn
 * 36-HD/VPTW); the cue sheet for sound, light and backstage and the seating plan as print pages
 * (PDF) and .xlsx; one invitation letter (giấy mời) per guest, numbered from the office's register
 * once issued; the post-show report (planned against actual, the awards presented, the guests who
 * came) as a "Báo cáo". Times are the programme's planned times (forward from the start, hard
 * starts kept), the actual ones only in the report.
 */
const place = 'Thái Bình';
const bloc = (suffix = 'ĐUK'): Issuer => ({
  superior: 'ĐẢNG BỘ TỈNH THÁI BÌNH',
  body: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
  symbolSuffix: suffix,
});
const e = escapeHtml;

type Loaded = Awaited<ReturnType<typeof load>>;

async function load(platform: Platform, id: string) {
  const c = await findCeremony(platform.db, id);
  const [segments, guests] = await Promise.all([segmentsOf(platform.db, id), guestsOf(platform.db, id)]);
  const planned = timingOf(c, segments, null);
  const [awards, organisers] = await Promise.all([
    awardsOf(platform, c, guests),
    organisersSignature(platform, c.organiser_unit_id, c.event_date),
  ]);
  return { c, segments, guests, planned, awards, organisers };
}

// ---- words

const weekdays = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const weekday = (day: string) => weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()];
/** "19 giờ 30" from "19:30". */
export const clockWords = (hhmm: string) => {
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)} giờ` : `${Number(h)} giờ ${m}`;
};
/** "19 giờ 30, thứ Tư, ngày 04/9/2019". */
const when = (c: Loaded['c'], hhmm: string) =>
  `${clockWords(hhmm)}, ${weekday(c.event_date)}, ngày ${formatDmy(c.event_date)}`;
/** An instant as "HH:MM" in Việt Nam. */
export const vietnamClock = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);
const duration = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const cueWords: Record<string, { label: string; who: string }> = {
  sound: { label: 'Âm thanh', who: 'Kỹ thuật âm thanh' },
  light: { label: 'Ánh sáng', who: 'Kỹ thuật ánh sáng' },
  screen: { label: 'Màn hình', who: 'Kỹ thuật màn hình LED' },
  video: { label: 'Video', who: 'Kỹ thuật trình chiếu' },
};
type Cue = { kind: string; text: string };
type Act = {
  title: string;
  performers: string;
  unit: string;
  seconds: number | null;
  backingTrackFileId: string | null;
};
/** A cue's words without the kind when the text repeats it ("Màn hình: phông…" under "Màn hình"). */
const cueText = (cue: Cue) => {
  const label = cueWords[cue.kind]?.label;
  return label && cue.text.toLocaleLowerCase('vi').startsWith(`${label.toLocaleLowerCase('vi')}:`)
    ? cue.text.slice(label.length + 1).trim()
    : cue.text;
};
const cuesOf = (s: CeremonySegmentsTable) => JSON.parse(s.cues_json) as Cue[];
const actOf = (s: CeremonySegmentsTable) => (s.act_json ? (JSON.parse(s.act_json) as Act) : null);
const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
const para = (
  text: RichText,
  more: Partial<{ align: 'justify' | 'center' | 'left'; indent: boolean }> = {},
): Block => ({
  kind: 'paragraph',
  text,
  ...more,
});
const item = (label: string, text: string): Block => ({
  kind: 'item',
  marker: '-',
  text: [{ text: `${label}: `, bold: true }, { text }],
});
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const presenterWords = (b: BatchOut) =>
  b.presenter ? `Đồng chí ${b.presenter.name}, ${b.presenter.title}` : 'chưa có';
const segmentTime = (x: Loaded, i: number) => `${x.planned.segments[i].start} - ${x.planned.segments[i].end}`;
const actWords = (a: Act) =>
  `“${a.title}”${a.performers ? `, ${a.performers}` : ''}${a.unit ? ` (${a.unit})` : ''}${a.seconds ? `, thời lượng ${duration(a.seconds)}` : ''}`;

/** The segments grouped by section (Phần mở đầu, Phần chính, Phần kết thúc), each with its index in the programme. */
function bySection(x: Loaded) {
  return sections
    .map((section) => ({
      section,
      items: x.segments.map((s, i) => ({ s, i })).filter(({ s }) => (s.section as Section) === section),
    }))
    .filter((g) => g.items.length > 0);
}

function batchBlocks(b: BatchOut): Block[] {
  return [
    {
      kind: 'section',
      level: 3,
      number: `Đợt ${b.number}.`,
      title: `${b.form} – ${b.category} (${b.honourees.length} ${b.categoryKind === 'collective' ? 'tập thể' : b.categoryKind === 'product' ? 'sản phẩm' : 'cá nhân'})`,
      children: [
        item('Lãnh đạo trao', presenterWords(b)),
        item('Nhạc', b.music),
        para([
          { text: 'Người dẫn chương trình: ', bold: true },
          { text: b.citation, italic: true },
        ]),
        {
          kind: 'table',
          columns: [
            { title: 'TT', width: 6, align: 'center' },
            { title: 'Tập thể, cá nhân, sản phẩm', width: 44 },
            { title: 'Đơn vị', width: 50 },
          ],
          rows: b.honourees.map((h, k) => [String(k + 1), h.name, h.unit === h.name ? '' : h.unit]),
        },
      ],
    },
  ];
}

// ---- the MC's script

export async function scriptDocument(platform: Platform, id: string): Promise<OfficialDocument> {
  const x = await load(platform, id);
  const { c } = x;
  const intro = introductionOf(x.guests);
  const body: Block[] = [
    item(
      'Thời gian',
      `${when(c, c.start_time)} (đón đại biểu từ ${clockWords(c.doors)}); kết thúc dự kiến ${clockWords(x.planned.end)}`,
    ),
    item('Địa điểm', c.venue),
    item(
      'Tổng thời lượng',
      `${x.segments.reduce((n, s) => n + s.minutes, 0)} phút, ${x.segments.length} phần; tốc độ đọc ${c.syllables_per_minute} âm tiết/phút`,
    ),
  ];
  if (x.planned.overUnderMinutes > 0)
    body.push(
      para(
        [
          {
            text: `Lưu ý: chương trình dài hơn dự kiến ${x.planned.overUnderMinutes} phút (kết thúc ${x.planned.end}, mục tiêu ${c.target_end}).`,
            bold: true,
          },
        ],
        { indent: false },
      ),
    );
  for (const [k, group] of bySection(x).entries())
    body.push({
      kind: 'section',
      level: 1,
      number: `${roman[k]}-`,
      title: sectionLabels[group.section].vi,
      children: group.items.map(({ s, i }) => {
        const children: Block[] = [];
        if (s.on_stage) children.push(item('Trên sân khấu', s.on_stage));
        if (s.microphones) children.push(item('Micro', s.microphones));
        for (const cue of cuesOf(s)) children.push(item(cueWords[cue.kind]?.label ?? cue.kind, cueText(cue)));
        const act = actOf(s);
        if (act)
          children.push(
            item('Tiết mục', `${actWords(act)}${act.backingTrackFileId ? '; nhạc nền đã gửi kỹ thuật' : ''}`),
          );
        const mc = lines(s.mc_lines);
        if (mc.length) {
          children.push(para([{ text: 'Người dẫn chương trình:', bold: true }], { indent: false }));
          for (const l of mc) children.push(para([{ text: l, italic: true }]));
        }
        if (s.kind === 'introduction' && intro && !s.mc_lines.includes(lines(intro)[1] ?? intro)) {
          children.push(para([{ text: 'Giới thiệu đại biểu (theo thứ tự nghi lễ):', bold: true }], { indent: false }));
          for (const l of lines(intro)) children.push(para([{ text: l, italic: true }]));
        }
        if (s.speech_text.trim())
          children.push(
            item(
              'Bài phát biểu',
              `${lines(s.speech_text)[0]?.slice(0, 160) ?? ''}… (đọc khoảng ${readingMinutes(s.speech_text, c.syllables_per_minute)} phút)`,
            ),
          );
        if ((s.kind as SegmentKind) === 'awards') for (const b of x.awards.batches) children.push(...batchBlocks(b));
        return {
          kind: 'section' as const,
          level: 2 as const,
          number: `${i + 1}.`,
          title: [
            { text: `${segmentTime(x, i)} (${s.minutes} phút)${s.hard_start ? `, đúng ${s.hard_start}` : ''}: ` },
            { text: s.title },
          ],
          children,
        };
      }),
    });
  return {
    issuer: bloc(),
    number: '',
    place,
    date: null,
    type: 'CHƯƠNG TRÌNH',
    title: `chi tiết (kịch bản) ${c.name}`,
    basis: [],
    body,
    recipients: ['Người dẫn chương trình', 'Tổ âm thanh, ánh sáng, hậu đài', 'Các đồng chí trong Ban Tổ chức'],
    archive: 'Ban Tổ chức',
    signature: x.organisers,
  };
}

// ---- the programme for the guests

export async function programmeDocument(platform: Platform, id: string): Promise<OfficialDocument> {
  const x = await load(platform, id);
  const { c } = x;
  const who = (s: CeremonySegmentsTable) => {
    const act = actOf(s);
    if (act) return [act.performers, act.unit].filter(Boolean).join(', ');
    if ((s.kind as SegmentKind) === 'awards')
      return [...new Set(x.awards.batches.map((b) => b.presenter?.name).filter(Boolean))].join(', ') || s.on_stage;
    return s.on_stage;
  };
  return {
    issuer: bloc(),
    number: '',
    place,
    date: null,
    type: 'CHƯƠNG TRÌNH',
    title: c.name,
    basis: [],
    body: [
      item('Thời gian', `${when(c, c.start_time)} (đón đại biểu từ ${clockWords(c.doors)})`),
      item('Địa điểm', c.venue),
      {
        kind: 'table',
        columns: [
          { title: 'Thời gian', width: 16, align: 'center' },
          { title: 'Nội dung', width: 50 },
          { title: 'Thực hiện', width: 34 },
        ],
        rows: x.segments.map((s, i) => {
          const act = actOf(s);
          return [
            x.planned.segments[i].start,
            act && !s.title.includes(act.title)
              ? [{ text: s.title }, { text: ` – ${act.title}`, italic: true }]
              : s.title,
            who(s),
          ];
        }),
      },
      para(`Chương trình dự kiến kết thúc lúc ${clockWords(x.planned.end)}.`, { indent: false }),
    ],
    recipients: ['Các đồng chí đại biểu', 'Các đơn vị có tập thể, cá nhân được tôn vinh'],
    archive: 'Ban Tổ chức',
    signature: x.organisers,
  };
}

// ---- print pages (cue sheet, seating plan)

const pageCss = (landscape: boolean) => `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 12mm 14mm 15mm;
  @bottom-right { content: "Trang " counter(page) "/" counter(pages); font-family: ${cssFontStack}; font-size: 9pt; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${cssFontStack}; font-size: 10.5pt; line-height: 1.25; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.top { text-align: center; margin-bottom: 2mm; }
.top .org { font-size: 11pt; }
.top .name { font-size: 12.5pt; font-weight: bold; }
.top .where { font-size: 10.5pt; font-style: italic; }
h1 { font-size: 15pt; text-align: center; margin: 2mm 0 2mm; }
table.grid { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
table.grid th { background: #e7e6e6; font-weight: bold; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
tr.segment td { background: #f3f3f3; font-weight: bold; }
.c { text-align: center; }
.muted { color: #444; font-size: 9pt; }
.stage { border: 1pt solid #000; text-align: center; font-weight: bold; padding: 3mm; margin: 2mm 15% 5mm; letter-spacing: 2pt; }
table.seats { width: 100%; border-collapse: separate; border-spacing: 1.5mm; table-layout: fixed; }
table.seats td { border: 0.6pt solid #000; height: 19mm; vertical-align: top; padding: 1mm; font-size: 8.5pt; line-height: 1.15; }
table.seats td.empty { border-style: dashed; border-color: #999; }
table.seats td.label { border: none; width: 7mm; font-weight: bold; font-size: 12pt; vertical-align: middle; text-align: center; }
table.seats .no { font-weight: bold; }
.note { font-size: 9.5pt; font-style: italic; margin-top: 2mm; }
`;

function printPage(title: string, body: string, landscape: boolean): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${e(title)}</title><style>${pageCss(landscape)}</style></head><body>${body}</body></html>`;
}
const topLines = (c: Loaded['c']) =>
  `<div class="top"><div class="org">ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH - BAN TỔ CHỨC</div><div class="name">${e(c.name)}</div><div class="where">${e(c.venue)}, ${e(when(c, c.start_time))}</div></div>`;

/** The cue sheet's rows: each segment's line, then a line per cue, with the crew who runs it. */
function cueRows(x: Loaded) {
  const rows: { no: string; time: string; segment: string; cue: string; text: string; who: string; ready: string }[] =
    [];
  x.segments.forEach((s, i) => {
    const act = actOf(s);
    const ready = [s.on_stage, s.microphones ? `Micro: ${s.microphones}` : ''].filter(Boolean).join('; ');
    rows.push({
      no: String(i + 1),
      time: segmentTime(x, i),
      segment: `${s.title}${s.hard_start ? ` (đúng ${s.hard_start})` : ''}`,
      cue: 'Chuyển phần',
      text: act ? `Tiết mục ${actWords(act)}${act.backingTrackFileId ? '; nhạc nền' : ''}` : `${s.minutes} phút`,
      who: 'Hậu đài, người dẫn chương trình',
      ready,
    });
    for (const cue of cuesOf(s))
      rows.push({
        no: '',
        time: x.planned.segments[i].start,
        segment: '',
        cue: cueWords[cue.kind]?.label ?? cue.kind,
        text: cueText(cue),
        who: cueWords[cue.kind]?.who ?? '',
        ready: '',
      });
    if ((s.kind as SegmentKind) === 'awards')
      for (const b of x.awards.batches)
        rows.push({
          no: '',
          time: '',
          segment: '',
          cue: `Trao thưởng đợt ${b.number}`,
          text: `${b.honourees.length} ${b.category.toLocaleLowerCase('vi')}; nhạc: ${b.music}`,
          who: 'Hậu đài (dẫn người nhận), lễ tân (khay hoa, bằng)',
          ready: b.presenter ? `Trao: ${b.presenter.name}, ${b.presenter.title}` : '',
        });
  });
  return rows;
}

const cueColumns = [
  { header: 'TT', key: 'no', width: 5, type: 'integer' as const },
  { header: 'Thời gian', key: 'time', width: 14 },
  { header: 'Phần', key: 'segment', width: 36 },
  { header: 'Hiệu lệnh', key: 'cue', width: 18 },
  { header: 'Nội dung', key: 'text', width: 50 },
  { header: 'Người thực hiện', key: 'who', width: 28 },
  { header: 'Chuẩn bị (sân khấu, micro)', key: 'ready', width: 40 },
];

export async function cueSheetXlsx(platform: Platform, id: string): Promise<Buffer> {
  const x = await load(platform, id);
  const sheet: Sheet = { name: 'Bảng hiệu lệnh', columns: cueColumns, rows: cueRows(x) };
  return Buffer.from(await (await builders()).toXlsx([sheet]));
}

export async function cueSheetPdf(platform: Platform, id: string): Promise<Buffer> {
  const x = await load(platform, id);
  const widths = [4, 10, 20, 11, 26, 14, 15];
  const rows = cueRows(x)
    .map(
      (r) =>
        `<tr${r.no ? ' class="segment"' : ''}><td class="c">${e(r.no)}</td><td class="c">${e(r.time)}</td><td>${e(r.segment)}</td><td>${e(r.cue)}</td><td>${e(r.text)}</td><td>${e(r.who)}</td><td>${e(r.ready)}</td></tr>`,
    )
    .join('\n');
  const html = printPage(
    'Bảng hiệu lệnh',
    `${topLines(x.c)}<h1>BẢNG HIỆU LỆNH ÂM THANH, ÁNH SÁNG, HẬU ĐÀI</h1>
<table class="grid"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${cueColumns.map((c) => `<th>${e(c.header)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<div class="note">Thời gian theo kế hoạch; khi chương trình chậm, theo hiệu lệnh của người điều hành chương trình.</div>`,
    true,
  );
  return (await builders()).htmlToPdf(html);
}

// ---- the seating plan

const introduced = (g: CeremonyGuestsTable) => ({
  ...g,
  level: g.level as GuestLevel,
  branch: g.branch as GuestBranch,
  reply: g.reply as GuestReply,
  deputy: g.deputy_name ? { name: g.deputy_name, title: g.deputy_title ?? '' } : null,
});

export const DEFAULT_SEATS_PER_ROW = 10;

export async function seatingXlsx(platform: Platform, id: string, perRow: number): Promise<Buffer> {
  const x = await load(platform, id);
  const rows = seatingPlan(x.guests.map(introduced), perRow);
  const seated = rows.flatMap((r) => r.seats.filter((s) => s !== null)).sort((a, b) => a.place - b.place);
  const sheet: Sheet = {
    name: 'Sơ đồ chỗ ngồi',
    columns: [
      { header: 'Thứ tự nghi lễ', key: 'place', type: 'integer', width: 9 },
      { header: 'Hàng', key: 'row', width: 7 },
      { header: 'Ghế', key: 'seat', type: 'integer', width: 6 },
      { header: 'Họ và tên', key: 'name', width: 26 },
      { header: 'Chức vụ', key: 'title', width: 50 },
      { header: 'Cơ quan', key: 'organisation', width: 36 },
      { header: 'Ghi chú', key: 'note', width: 24 },
    ],
    rows: seated.map((s) => ({
      place: s.place,
      row: s.row,
      seat: s.seat,
      name: s.name,
      title: s.title,
      organisation: s.guest.organisation,
      note: s.guest.reply === 'deputy' ? `Dự thay đồng chí ${s.guest.name}` : '',
    })),
  };
  return Buffer.from(await (await builders()).toXlsx([sheet]));
}

export async function seatingPdf(platform: Platform, id: string, perRow: number): Promise<Buffer> {
  const x = await load(platform, id);
  const rows = seatingPlan(x.guests.map(introduced), perRow);
  const table = rows
    .map(
      (r) =>
        `<tr><td class="label">${e(r.row)}</td>${r.seats
          .map((s) =>
            s
              ? `<td><span class="no">${s.place}.</span> ${e(s.name)}<div class="muted">${e(s.title)}</div></td>`
              : '<td class="empty"></td>',
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const count = rows.reduce((n, r) => n + r.seats.filter(Boolean).length, 0);
  const html = printPage(
    'Sơ đồ chỗ ngồi',
    `${topLines(x.c)}<h1>SƠ ĐỒ BỐ TRÍ CHỖ NGỒI ĐẠI BIỂU</h1>
<div class="stage">SÂN KHẤU</div>
${count ? `<table class="seats">${table}</table>` : '<p class="c">Chưa có đại biểu nhận lời dự.</p>'}
<div class="note">${count} đại biểu nhận lời dự (hoặc cử người dự thay), xếp theo thứ tự nghi lễ: số 1 ngồi giữa hàng đầu, tiếp theo lần lượt bên phải, bên trái (theo hướng đại biểu nhìn lên sân khấu); ${perRow} ghế mỗi hàng.</div>`,
    true,
  );
  return (await builders()).htmlToPdf(html);
}

// ---- invitations

export type Invitation = {
  outgoingId: string;
  number: string;
  suffix: string;
  date: string;
  signer: { authority: string; position: string; name: string };
};

export const invitationOf = (c: Loaded['c']) =>
  c.invitation_json ? (JSON.parse(c.invitation_json) as Invitation) : null;

function invitationLetter(
  x: Loaded,
  g: CeremonyGuestsTable,
  draft: Awaited<ReturnType<typeof invitationDraftSigner>>,
): OfficialDocument {
  const { c } = x;
  const issued = invitationOf(c);
  return {
    issuer: bloc(issued?.suffix),
    number: issued?.number ?? '',
    place,
    date: issued?.date ?? null,
    type: 'GIẤY MỜI',
    title: `dự ${c.name}`,
    basis: [],
    body: [
      para([{ text: 'Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh Thái Bình trân trọng kính mời:' }], { indent: true }),
      para(
        [
          { text: `Đồng chí ${g.name}`, bold: true },
          { text: `, ${g.title}${g.organisation && !g.title.includes(g.organisation) ? `, ${g.organisation}` : ''}` },
        ],
        { align: 'center', indent: false },
      ),
      para(`Tới dự ${c.name}.`),
      item('Thời gian', `${when(c, c.start_time)} (đón đại biểu từ ${clockWords(c.doors)})`),
      item('Địa điểm', c.venue),
      para(
        'Đề nghị đồng chí xác nhận việc tham dự (hoặc cử người dự thay) với Văn phòng Đảng ủy Khối trước ngày tổ chức để Ban Tổ chức bố trí chỗ ngồi.',
      ),
      para('Rất mong đồng chí đến dự!'),
    ],
    recipients: ['Như trên'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: issued?.signer
      ? {
          authority: issued.signer.authority || undefined,
          position: issued.signer.position,
          name: issued.signer.name,
        }
      : draft,
  };
}

export async function invitationFile(platform: Platform, id: string, guestId: string, format: 'docx' | 'pdf') {
  const x = await load(platform, id);
  const g = x.guests.find((g) => g.id === guestId);
  if (!g) throw guestNotFound();
  const doc = invitationLetter(x, g, await invitationDraftSigner(platform));
  return format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);
}

/** Every guest's letter in protocol order, a page each, in one PDF to print. */
export async function invitationsPdf(platform: Platform, id: string): Promise<Buffer> {
  const x = await load(platform, id);
  const guests = guestsInOrder(x.guests);
  if (!guests.length)
    throw fail.conflict('NO_GUESTS', { vi: 'Chưa có khách mời nào.', en: 'There are no guests yet.' });
  const b = await builders();
  const draft = await invitationDraftSigner(platform);
  const pages = guests.map((g) => b.toHtml(invitationLetter(x, g, draft)));
  // one document: the first letter's head (its styles), then every letter's body on a page of its own
  const head = pages[0].slice(0, pages[0].indexOf('<body>'));
  const bodies = pages.map((p) => p.slice(p.indexOf('<body>') + 6, p.lastIndexOf('</body>')));
  return b.htmlToPdf(
    `${head}<body>${bodies.map((x, i) => `<div style="${i ? 'break-before: page;' : ''}">${x}</div>`).join('\n')}</body></html>`,
  );
}

// ---- the post-show report

export async function reportDocument(platform: Platform, id: string): Promise<OfficialDocument> {
  const x = await load(platform, id);
  const { c } = x;
  if (!c.held_on)
    throw fail.conflict('NOT_HELD', {
      vi: 'Buổi lễ chưa diễn ra: báo cáo kết quả có sau khi chương trình kết thúc.',
      en: 'The ceremony has not been held: the report comes once the show is over.',
    });
  const actual = timingOf(c, x.segments, new Date(Date.parse(x.segments.at(-1)?.actual_end ?? c.updated_at)));
  const minutesOf = (s: CeremonySegmentsTable) =>
    s.actual_start && s.actual_end
      ? Math.round((Date.parse(s.actual_end) - Date.parse(s.actual_start)) / 60_000)
      : null;
  const attending = guestsInOrder(x.guests).filter(
    (g) => g.reply === 'attending' || (g.reply === 'deputy' && g.deputy_name),
  );
  const honoured = x.awards.batches.reduce((n, b) => n + b.honourees.length, 0);
  const firstStart = x.segments[0]?.actual_start;
  const lastEnd = x.segments.at(-1)?.actual_end;
  const over = actual.overUnderMinutes;
  const table: Block = {
    kind: 'table',
    columns: [
      { title: 'TT', width: 7, align: 'center' },
      { title: 'Nội dung', width: 33 },
      { title: 'Bắt đầu (kế hoạch)', width: 11, align: 'center' },
      { title: 'Bắt đầu (thực tế)', width: 11, align: 'center' },
      { title: 'Số phút (kế hoạch)', width: 11, align: 'center' },
      { title: 'Số phút (thực tế)', width: 11, align: 'center' },
      { title: 'Chênh lệch', width: 11, align: 'center' },
    ],
    rows: x.segments.map((s, i) => {
      const m = minutesOf(s);
      const diff = m === null ? '' : m - s.minutes === 0 ? '0' : `${m - s.minutes > 0 ? '+' : ''}${m - s.minutes}`;
      return [
        String(i + 1),
        s.title,
        x.planned.segments[i].start,
        s.actual_start ? vietnamClock(s.actual_start) : 'không diễn ra',
        String(s.minutes),
        m === null ? '' : String(m),
        diff,
      ];
    }),
  };
  const awardsTable: Block = {
    kind: 'table',
    columns: [
      { title: 'Đợt', width: 7, align: 'center' },
      { title: 'Hình thức, loại', width: 33 },
      { title: 'Số lượng', width: 10, align: 'center' },
      { title: 'Lãnh đạo trao', width: 50 },
    ],
    rows: x.awards.batches.map((b) => [
      String(b.number),
      `${b.form} – ${b.category}`,
      String(b.honourees.length),
      b.presenter ? `${b.presenter.name}, ${b.presenter.title}` : '',
    ]),
  };
  return {
    issuer: bloc(),
    number: '',
    place,
    date: c.held_on,
    type: 'BÁO CÁO',
    title: `kết quả tổ chức ${c.name}`,
    basis: [],
    body: [
      {
        kind: 'section',
        level: 1,
        number: 'I-',
        title: 'THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN',
        children: [
          para(
            `${c.name} được tổ chức tại ${c.venue}, ${weekday(c.event_date)}, ngày ${formatDmy(c.event_date)}; bắt đầu lúc ${firstStart ? clockWords(vietnamClock(firstStart)) : '—'} (kế hoạch ${clockWords(c.start_time)}), kết thúc lúc ${lastEnd ? clockWords(vietnamClock(lastEnd)) : '—'} (kế hoạch ${clockWords(c.target_end)}), ${over === 0 ? 'đúng thời gian dự kiến' : over > 0 ? `chậm ${over} phút so với dự kiến` : `sớm ${-over} phút so với dự kiến`}.`,
          ),
          para(
            `Đại biểu: ${x.guests.length} đồng chí được mời, ${attending.length} đồng chí dự (trong đó ${attending.filter((g) => g.reply === 'deputy').length} đồng chí dự thay), gồm:`,
          ),
          ...attending.map(
            (g): Block => ({
              kind: 'item',
              marker: '-',
              text:
                g.reply === 'deputy'
                  ? `Đồng chí ${g.deputy_name}, ${g.deputy_title ?? ''} (dự thay đồng chí ${g.name}, ${g.title})`
                  : `Đồng chí ${g.name}, ${g.title}`,
            }),
          ),
        ],
      },
      {
        kind: 'section',
        level: 1,
        number: 'II-',
        title: 'DIỄN BIẾN CHƯƠNG TRÌNH',
        children: [
          para(
            `Chương trình gồm ${x.segments.length} phần; thời gian kế hoạch và thực tế của từng phần như sau (thời gian theo giờ Việt Nam):`,
          ),
          table,
          ...x.segments.flatMap((s, i): Block[] =>
            actual.segments[i].lateMinutes > 0
              ? [
                  para(
                    `Phần “${s.title}” bắt đầu lúc ${actual.segments[i].start}, chậm ${actual.segments[i].lateMinutes} phút so với giờ cố định ${s.hard_start}.`,
                  ),
                ]
              : [],
          ),
        ],
      },
      {
        kind: 'section',
        level: 1,
        number: 'III-',
        title: 'KẾT QUẢ TRAO THƯỞNG',
        children: x.awards.batches.length
          ? [
              para(
                `Đã trao thưởng cho ${honoured} tập thể, cá nhân, sản phẩm trong ${x.awards.batches.length} đợt${x.awards.decision ? ` theo Quyết định số ${x.awards.decision.number} ngày ${formatDmy(x.awards.decision.date)}` : ''}:`,
              ),
              awardsTable,
            ]
          : [para('Buổi lễ không có phần trao thưởng theo kết quả tôn vinh.')],
      },
      {
        kind: 'section',
        level: 1,
        number: 'IV-',
        title: 'ĐÁNH GIÁ CHUNG',
        children: [
          para(
            `Chương trình diễn ra ${over > 0 ? `dài hơn dự kiến ${over} phút` : 'trong thời gian dự kiến'}; ${x.segments.filter((s) => (minutesOf(s) ?? 0) > s.minutes).length} phần kéo dài hơn kế hoạch. Ban Tổ chức báo cáo kết quả để Thường trực Đảng ủy Khối biết./.`,
          ),
        ],
      },
    ],
    recipients: ['Thường trực Đảng ủy Khối (để b/c)', 'Các đồng chí trong Ban Tổ chức'],
    archive: 'Ban Tổ chức',
    signature: x.organisers,
  };
}

export async function officialFile(
  platform: Platform,
  id: string,
  which: 'script' | 'programme' | 'report',
  format: 'docx' | 'pdf',
) {
  const doc =
    which === 'script'
      ? await scriptDocument(platform, id)
      : which === 'programme'
        ? await programmeDocument(platform, id)
        : await reportDocument(platform, id);
  return format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);
}
