import { organisersSignature } from '../organisation/index.ts';
import { formatDmy, officialDate, vietnamDay } from '../../../common/dates.ts';
import type { Block, CertificateData, Issuer, OfficialDocument, RichText } from '../../documents/index.ts';
import { cssFontStack } from '../../documents/format.ts';
import { escapeHtml } from '../../documents/html.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { registeredNumber } from '../office/index.ts';
import { type Caller, mayManage, requireManage } from './access.ts';
import { decisionSource } from './decisionNumber.ts';
import { findFestival } from './festivals.ts';
import { isHead, listSheets, roundResults } from './judging.ts';
import { criteriaOf, findRound, panelOf, recusalsOf, slotsOf } from './rounds.ts';
import type { ResultsOut, SheetOut } from './schema.ts';

// The builders (docx, Chromium) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The festival's papers (ADR 6's builders, as the tournament prints its own): the judges' score
 * sheets (blank for any judge of the panel and the organisers; filled, with every mark, only once
 * the round is closed and only for the head judge and the organisers), the judges' minutes (Biên
 * bản chấm thi) with every mark and every change the head judge made, the prize decision in the
 * Party's format (Hướng dẫn 36-HD/VPTW) once the round is certified, and the prize winners'
 * certificates.
 */
const place = 'Thái Bình';
const organisers: Issuer = {
  superior: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH',
  body: 'BAN TỔ CHỨC LIÊN HOAN',
  symbolSuffix: 'BTC',
};
const e = escapeHtml;

type Criterion = Awaited<ReturnType<typeof criteriaOf>>[number];
type Judge = Awaited<ReturnType<typeof panelOf>>[number];
type Slot = Awaited<ReturnType<typeof slotsOf>>[number];

/** 8.5 → "8,5"; marks print with a decimal comma, at most two decimals. */
export const num = (n: number) =>
  (Math.round(n * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2, useGrouping: false });

export const prizeWords = (p: { kind: string; title: string | null }) =>
  p.title ??
  (p.kind === 'encouragement' ? 'Giải Khuyến khích' : p.kind === 'special' ? 'Giải đặc biệt' : `Giải ${p.kind}`);

const actLine = (s: Pick<Slot, 'song' | 'unitName' | 'performers'>) =>
  `${s.song} – ${s.performers.join(', ')} (${s.unitName})`;

const secret = () =>
  fail.conflict('MARKS_SECRET', {
    vi: 'Điểm chấm còn giữ kín: chỉ Trưởng ban giám khảo và Ban tổ chức xem được, sau khi vòng thi khép lại.',
    en: 'The marks are secret: only the head judge and the organisers may see them, once the round is closed.',
  });

async function loadRound(platform: Platform, roundId: string) {
  const db = platform.db;
  const round = await findRound(db, roundId);
  return {
    round,
    festival: await findFestival(db, round.festival_id),
    criteria: await criteriaOf(db, roundId),
    judges: await panelOf(db, roundId),
    slots: await slotsOf(db, roundId),
    recusals: await recusalsOf(db, roundId),
  };
}
type Loaded = Awaited<ReturnType<typeof loadRound>>;

/** The marks of a closed round, for the head judge and the organisers only. */
async function secretSheets(platform: Platform, caller: Caller, data: Loaded): Promise<SheetOut[]> {
  if (data.round.status === 'open' || !(isHead(data.judges, caller) || mayManage(caller))) throw secret();
  return (await listSheets(platform, caller, data.round.id)).items;
}

const markOf = (criteria: readonly Criterion[], scores: Record<string, number>) =>
  criteria.reduce((sum, c) => sum + ((scores[c.code] ?? 0) / c.max) * c.weight, 0);

// ---- score sheets

const sheetCss = `
@page { size: A4 landscape; margin: 9mm 12mm 11mm 14mm;
  @bottom-right { content: "Trang " counter(page) "/" counter(pages); font-family: ${cssFontStack}; font-size: 9pt; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${cssFontStack}; font-size: 10.5pt; line-height: 1.2; color: #000; }
.page + .page { break-before: page; }
.top { text-align: center; }
.top .org { font-size: 11pt; }
.top .name { font-size: 13pt; font-weight: bold; text-transform: uppercase; }
h1 { font-size: 15pt; text-align: center; margin: 1.5mm 0 0.5mm; }
.sub { text-align: center; margin-bottom: 1.5mm; }
.who { margin: 1mm 0; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.6pt solid #000; padding: 0.8mm 1.5mm; vertical-align: middle; }
th { background: #e7e6e6; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.c { text-align: center; } td.mark { height: 7.5mm; }
th .muted { white-space: nowrap; font-weight: normal; }
.muted { color: #444; font-size: 9.5pt; }
.note { font-size: 9.5pt; font-style: italic; margin-top: 2mm; }
.foot { display: flex; justify-content: space-between; gap: 8mm; break-inside: avoid; }
.sign { width: 80mm; text-align: center; margin-top: 2mm; }
.sign .date { font-style: italic; }
.sign .space { height: 12mm; }
`;

function sheetPage(data: Loaded, judge: Judge | null, sheets: SheetOut[] | null): string {
  const { festival, round, criteria, slots, recusals } = data;
  const rows = slots.map((s) => {
    const recused = judge !== null && recusals.some((x) => x.judgeId === judge.id && x.entryId === s.entryId);
    const sheet = sheets?.find((x) => x.judgeId === judge?.id && x.entryId === s.entryId);
    const cells = recused
      ? `<td class="c muted" colspan="${criteria.length + 1}">Không chấm (${
          recusals.find((x) => x.judgeId === judge?.id && x.entryId === s.entryId)?.cause === 'unit'
            ? 'cùng đơn vị'
            : 'đã khai báo xung đột lợi ích'
        })</td>`
      : `${criteria.map((c) => `<td class="c mark">${sheet && c.code in sheet.scores ? num(sheet.scores[c.code]) : ''}</td>`).join('')}<td class="c">${sheet ? `<b>${num(markOf(criteria, sheet.scores))}</b>${sheet.changes.length ? '*' : ''}` : ''}</td>`;
    return `<tr><td class="c">${s.position}</td><td><b>${e(s.song)}</b><br><span class="muted">${e(s.performers.join(', '))} – ${e(s.unitName)}</span></td>${cells}</tr>`;
  });
  const changed = sheets?.some((x) => x.judgeId === judge?.id && x.changes.length > 0);
  return `<div class="top"><div class="org">${e(organisers.superior)} - ${e(organisers.body)}</div>
<div class="name">${e(festival.name)}</div></div>
<h1>PHIẾU CHẤM ĐIỂM</h1>
<div class="sub">${e(round.name)} – ${e(round.venue)}, ngày ${formatDmy(round.held_on)}</div>
<div class="who">Giám khảo: <b>${judge ? e(judge.name) : '.................................................................'}</b>${judge?.is_head ? ' (Trưởng ban giám khảo)' : ''}</div>
<table><thead><tr><th style="width:6%">TT</th><th>Tiết mục – người biểu diễn – đơn vị</th>${criteria.map((c) => `<th style="width:${Math.round(44 / (criteria.length + 1))}%">${e(c.name)}<br><span class="muted">thang ${num(c.max)} · hệ số ${num(c.weight)}</span></th>`).join('')}<th style="width:${Math.round(44 / (criteria.length + 1))}%">Điểm<br><span class="muted">(thang 100)</span></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="foot"><div class="note">Điểm của tiết mục = Σ (điểm tiêu chí ÷ thang điểm × hệ số).${changed ? ' (*) Phiếu đã được Trưởng ban giám khảo sửa, lý do ghi trong biên bản.' : ''}</div>
<div class="sign"><div class="date">${e(officialDate(round.held_on, place))}</div><b>GIÁM KHẢO</b><div class="muted">(Ký, ghi rõ họ tên)</div><div class="space"></div>${judge ? e(judge.name) : ''}</div></div>`;
}

/**
 * Score sheets, a page per judge: blank (the acts in running order, empty cells) for the panel and
 * the organisers at any time — one judge's, every judge's, or one with no name to write in — and
 * filled with the locked marks only once the round is closed, for the head judge and organisers.
 */
export async function scoreSheetsPdf(
  platform: Platform,
  caller: Caller,
  roundId: string,
  query: { judgeId?: string; filled?: boolean },
): Promise<Buffer> {
  const data = await loadRound(platform, roundId);
  const onPanel = data.judges.some((j) => j.user_id !== null && j.user_id === caller.actor.userId);
  if (!onPanel && !mayManage(caller)) throw fail.forbidden();
  const sheets = query.filled ? await secretSheets(platform, caller, data) : null;
  const chosen = query.judgeId ? data.judges.filter((j) => j.id === query.judgeId) : data.judges;
  if (query.judgeId && chosen.length === 0)
    throw fail.notFound({ vi: 'Không tìm thấy giám khảo.', en: 'Judge not found.' });
  const pages = query.judgeId || sheets ? chosen.map((j) => sheetPage(data, j, sheets)) : [sheetPage(data, null, null)];
  if (!query.judgeId && !sheets) pages.push(...data.judges.map((j) => sheetPage(data, j, null)));
  return (await builders()).htmlToPdf(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phiếu chấm điểm</title><style>${sheetCss}</style></head><body>
${pages.map((p) => `<section class="page">${p}</section>`).join('\n')}</body></html>`,
  );
}

// ---- official documents

const para = (text: RichText, more: Partial<{ align: 'justify' | 'center'; indent: boolean }> = {}): Block => ({
  kind: 'paragraph',
  text,
  ...more,
});
const methodWords: Record<string, string> = {
  mean: 'trung bình cộng điểm của các giám khảo',
  'trimmed-mean': 'trung bình cộng sau khi bỏ một điểm cao nhất và một điểm thấp nhất (khi có từ năm giám khảo chấm)',
  median: 'trung vị điểm của các giám khảo',
  zscore: 'trung bình điểm chuẩn hóa (z-score) theo từng giám khảo',
};

/** The judges' minutes: the panel, every mark of every judge, the head judge's changes, recusals, the ranking. */
export async function minutesDocument(platform: Platform, caller: Caller, roundId: string): Promise<OfficialDocument> {
  const data = await loadRound(platform, roundId);
  const sheets = await secretSheets(platform, caller, data);
  const results = await roundResults(platform, caller, roundId);
  const { festival, round, criteria, judges, slots, recusals } = data;
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const slotOf = new Map(slots.map((s) => [s.entryId, s]));
  const head = judges.find((j) => j.is_head === 1);
  const markTables: Block[] = judges.map((j, i) => ({
    kind: 'section',
    level: 2,
    number: `${i + 1}.`,
    title: `Giám khảo ${j.name}${j.is_head ? ' (Trưởng ban)' : ''}`,
    children: [
      {
        kind: 'table',
        columns: [
          { title: 'TT', width: 6, align: 'center' },
          { title: 'Tiết mục', width: 34 },
          ...criteria.map((c) => ({
            title: `${c.name} (/${num(c.max)})`,
            width: 48 / (criteria.length + 1),
            align: 'center' as const,
          })),
          { title: 'Điểm (/100)', width: 48 / (criteria.length + 1), align: 'center' },
        ],
        rows: slots.map((s) => {
          const sheet = sheets.find((x) => x.judgeId === j.id && x.entryId === s.entryId);
          const recused = recusals.find((x) => x.judgeId === j.id && x.entryId === s.entryId);
          if (!sheet)
            return [String(s.position), s.song, ...criteria.map(() => '–'), recused ? 'Không chấm' : 'Chưa có'];
          return [
            String(s.position),
            s.song,
            ...criteria.map((c) => (c.code in sheet.scores ? num(sheet.scores[c.code]) : '–')),
            [{ text: num(markOf(criteria, sheet.scores)), bold: true }],
          ];
        }),
      },
    ],
  }));
  const changes = sheets.flatMap((s) =>
    s.changes.map((c) => ({ judge: judgeName.get(s.judgeId) ?? '', act: slotOf.get(s.entryId), ...c })),
  );
  const shown = (scores: Record<string, number>, code: string) => (code in scores ? num(scores[code]) : '–');
  /** Only what changed: "Giọng hát từ 8 thành 5; điểm của phiếu từ 81,88 thành 69,88". */
  const changeText = (before: Record<string, number>, after: Record<string, number>) =>
    [
      ...criteria
        .filter((c) => before[c.code] !== after[c.code])
        .map((c) => `${c.name} từ ${shown(before, c.code)} thành ${shown(after, c.code)}`),
      `điểm của phiếu từ ${num(markOf(criteria, before))} thành ${num(markOf(criteria, after))}`,
    ].join('; ');
  return {
    issuer: organisers,
    number: '',
    place,
    date: round.held_on,
    type: 'BIÊN BẢN',
    title: `chấm thi ${round.name}, ${festival.name}`,
    basis: [],
    body: [
      para(
        `${round.name} được tổ chức tại ${round.venue} ngày ${formatDmy(round.held_on)}, với ${slots.length} tiết mục biểu diễn theo thứ tự bốc thăm. Ban giám khảo gồm ${judges.length} thành viên${head ? `, Trưởng ban là ${head.name}` : ''}; điểm của mỗi tiết mục tính bằng ${methodWords[round.method] ?? round.method}.`,
      ),
      {
        kind: 'section',
        level: 1,
        number: 'I-',
        title: 'TIÊU CHÍ CHẤM',
        children: criteria.map((c) => ({
          kind: 'item',
          marker: '-',
          text: `${c.name}: thang điểm ${num(c.max)}, hệ số ${num(c.weight)}.`,
        })),
      },
      { kind: 'section', level: 1, number: 'II-', title: 'ĐIỂM CỦA TỪNG GIÁM KHẢO', children: markTables },
      {
        kind: 'section',
        level: 1,
        number: 'III-',
        title: 'ĐIỀU CHỈNH PHIẾU CHẤM VÀ TRƯỜNG HỢP KHÔNG CHẤM',
        children: [
          ...(changes.length
            ? changes.map(
                (c): Block => ({
                  kind: 'item',
                  marker: '-',
                  text: `Phiếu của ${c.judge} cho tiết mục ${c.act ? `${c.act.position}. ${c.act.song}` : ''}, sửa ngày ${formatDmy(vietnamDay(new Date(c.changedAt)))}: ${changeText(c.before, c.after)}. Lý do: ${c.reason.replace(/[.\s]+$/u, '')}.`,
                }),
              )
            : [para('Không có phiếu chấm nào được điều chỉnh sau khi khóa.')]),
          ...(recusals.length
            ? recusals.map(
                (x): Block => ({
                  kind: 'item',
                  marker: '-',
                  text: `${judgeName.get(x.judgeId) ?? ''} không chấm tiết mục ${slotOf.get(x.entryId)?.position ?? ''}. ${slotOf.get(x.entryId)?.song ?? ''} (${x.cause === 'unit' ? 'cùng đơn vị' : `khai báo xung đột lợi ích${x.note ? `: ${x.note}` : ''}`}).`,
                }),
              )
            : [para('Không có giám khảo nào phải tránh chấm.')]),
        ],
      },
      {
        kind: 'section',
        level: 1,
        number: 'IV-',
        title: 'KẾT QUẢ XẾP HẠNG',
        children: [rankingTable(results)],
      },
      para(
        `Biên bản lập xong hồi ...... giờ ...... ngày ${formatDmy(round.held_on)}, đã đọc lại cho Ban giám khảo cùng nghe và nhất trí ký tên dưới đây./.`,
      ),
      {
        kind: 'table',
        columns: [
          { title: 'TT', width: 8, align: 'center' },
          { title: 'Giám khảo', width: 46 },
          { title: 'Ký tên', width: 46 },
        ],
        rows: judges.map((j, i) => [String(i + 1), `${j.name}${j.is_head ? ' (Trưởng ban)' : ''}`, '']),
      },
    ],
    recipients: ['Ban Tổ chức liên hoan', 'Các thành viên Ban giám khảo'],
    archive: 'Ban Tổ chức',
    signature: { position: 'TRƯỞNG BAN GIÁM KHẢO', name: head?.name ?? '' },
  };
}

/** "1 giải A, 2 giải B, 1 giải tiết mục … được yêu thích nhất", in the order the prizes are first given. */
function prizeCounts(won: ResultsOut['ranking']): string {
  const counts = new Map<string, number>();
  for (const x of won)
    for (const p of x.prizes) counts.set(lowerFirst(prizeWords(p)), (counts.get(lowerFirst(prizeWords(p))) ?? 0) + 1);
  return [...counts].map(([words, n]) => `${n} ${words}`).join(', ');
}
const lowerFirst = (s: string) => (s.startsWith('Giải ') ? `giải ${s.slice(5)}` : s);

function rankingTable(results: ResultsOut): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'Hạng', width: 10, align: 'center' },
      { title: 'Tiết mục – người biểu diễn – đơn vị', width: 60 },
      { title: 'Điểm', width: 12, align: 'center' },
      { title: 'Giải', width: 18, align: 'center' },
    ],
    rows: results.ranking.map((x) => [
      String(x.rank),
      actLine(x),
      x.score === null ? '' : num(x.score),
      x.prizes.map(prizeWords).join(', '),
    ]),
  };
}

/** The prize decision of the organisers, in the Party's format, once the head judge has certified the round. */
export async function resultsDocument(platform: Platform, caller: Caller, roundId: string): Promise<OfficialDocument> {
  const data = await loadRound(platform, roundId);
  if (data.round.status !== 'certified')
    throw fail.conflict('RESULTS_SECRET', {
      vi: 'Kết quả chưa công bố: chỉ in được quyết định sau khi Trưởng ban giám khảo chứng nhận.',
      en: 'The results are not out: the decision can be printed once the head judge certifies them.',
    });
  const results = await roundResults(platform, caller, roundId);
  const { festival, round } = data;
  const won = results.ranking.filter((x) => x.prizes.length > 0);
  // The register's number once the organisers issued it (decisionNumber.ts), its symbol as registered; blank before.
  const issued = await registeredNumber(platform.db, decisionSource(roundId));
  return {
    issuer: issued ? { ...organisers, symbolSuffix: issued.symbol.split('/').slice(1).join('/') } : organisers,
    number: issued ? issued.symbol.split('-')[0] : '',
    place,
    date: round.held_on,
    type: 'QUYẾT ĐỊNH',
    title: `công nhận kết quả và trao giải ${round.name}, ${festival.name}`,
    basis: [
      'Căn cứ Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình (06/9/2004 - 06/9/2019);',
      `Căn cứ kết quả chấm thi của Ban giám khảo, được Trưởng ban giám khảo chứng nhận ngày ${formatDmy(round.held_on)},`,
    ],
    body: [
      para([{ text: 'QUYẾT ĐỊNH', bold: true }], { align: 'center', indent: false }),
      para([
        { text: 'Điều 1. ', bold: true },
        {
          text: `Công nhận kết quả ${round.name} của ${results.ranking.length} tiết mục, xếp hạng theo ${methodWords[round.method] ?? round.method}, như sau:`,
        },
      ]),
      rankingTable(results),
      para([
        { text: 'Điều 2. ', bold: true },
        {
          text: won.length
            ? `Trao giải và tặng Giấy chứng nhận cho ${won.length} tiết mục đạt giải theo danh sách tại Điều 1, gồm: ${prizeCounts(won)}.`
            : 'Ban Tổ chức chưa trao giải cho tiết mục nào.',
        },
      ]),
      para([
        { text: 'Điều 3. ', bold: true },
        {
          text: 'Ban Tổ chức liên hoan, Ban giám khảo, các đơn vị và cá nhân có tên tại Điều 1, Điều 2 căn cứ Quyết định thi hành./.',
        },
      ]),
    ],
    recipients: ['Như Điều 3', 'Thường trực Đảng ủy Khối (để b/c)'],
    archive: 'Ban Tổ chức',
    signature: await organisersSignature(platform, festival.organiser_unit_id, round.held_on),
  };
}

export async function minutesFile(platform: Platform, caller: Caller, roundId: string, format: 'docx' | 'pdf') {
  const doc = await minutesDocument(platform, caller, roundId);
  return format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);
}

export async function resultsFile(platform: Platform, caller: Caller, roundId: string, format: 'docx' | 'pdf') {
  const doc = await resultsDocument(platform, caller, roundId);
  return format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);
}

/** One certificate per prize-winning act, for the organisers, resting on the prize decision. */
export async function certificateList(platform: Platform, caller: Caller, roundId: string): Promise<CertificateData[]> {
  requireManage(caller);
  const doc = await resultsDocument(platform, caller, roundId);
  const results = await roundResults(platform, caller, roundId);
  const won = results.ranking.filter((x) => x.prizes.length > 0);
  if (won.length === 0)
    throw fail.conflict('NO_PRIZES', {
      vi: 'Chưa có tiết mục nào được trao giải: chưa in được giấy chứng nhận.',
      en: 'No act has been given a prize yet: there are no certificates to print.',
    });
  return won.flatMap((x) =>
    x.prizes.map(
      (p): CertificateData => ({
        issuer: { superior: organisers.superior, body: organisers.body },
        awardedBy: `Ban Tổ chức ${doc.title.replace(/^công nhận kết quả và trao giải /u, '')}`,
        title: 'Giấy chứng nhận',
        honouree: { name: `Tiết mục "${x.song}"`, detail: `${x.performers.join(', ')} – ${x.unitName}` },
        reason: `Đạt ${lowerFirst(prizeWords(p))} tại ${doc.title.replace(/^công nhận kết quả và trao giải /u, '')}.`,
        place,
        date: doc.date ?? '',
        signature: doc.signature,
      }),
    ),
  );
}

export async function certificatesPdf(platform: Platform, caller: Caller, roundId: string): Promise<Buffer> {
  return (await builders()).toCertificatesPdf(await certificateList(platform, caller, roundId));
}
