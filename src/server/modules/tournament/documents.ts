import { formatDmy, shortDmy, vietnamDay } from '../../../common/dates.ts';
import { compareVi } from '../../../common/text.ts';
import { medalTable, type MedalRow } from '../../../common/tournament/medalTable.ts';
import { isScoringId, scoringRules } from '../../../common/tournament/scoring.ts';
import type { Block, CertificateData, Issuer, OfficialDocument, RichText, Sheet } from '../../documents/index.ts';
import { escapeHtml } from '../../documents/html.ts';
import { cssFontStack } from '../../documents/format.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { registeredNumber } from '../office/index.ts';
import { signerOf } from '../organisation/index.ts';
import { type Caller, requireManage } from './access.ts';
import { eventMatches, entryLabels } from './draws.ts';
import { describeEntries } from './entries.ts';
import { noticeSource } from './noticeNumber.ts';
import { eventStandings } from './results.ts';
import type { EntryOut, MatchOut } from './schema.ts';
import { findEvent, findTournament } from './tournaments.ts';

// The builders (docx, exceljs, Chromium) load with the first download, not at every start.
const builders = () => import('../../documents/index.ts');

/**
 * The tournament's papers (ADR 6's builders, as honours and plans use them): the draw sheet of an
 * event (the bracket's lines with seeds, units and byes, or the groups with their tables), the
 * order of play by day and court, the umpires' score sheets, the results and prize list in the
 * Party's format (Hướng dẫn 36-HD/VPTW), the medallists' certificates and the medal table by
 * unit. Sheets that are not Party documents (draw, order of play, score sheets, medal table) are
 * laid out here as print pages and go through the same Chromium; every table also goes to .xlsx.
 */
const place = 'Thái Bình';
const bloc: Issuer = { superior: 'ĐẢNG BỘ TỈNH THÁI BÌNH', body: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP', symbolSuffix: 'ĐUK' };
const occasion =
  'chào mừng kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình (06/9/2004 - 06/9/2019)';
const e = escapeHtml;

type Tournament = Awaited<ReturnType<typeof findTournament>>;
type EventRow = Awaited<ReturnType<typeof findEvent>>;

/** An event with what its papers print: entries, the current draw's layout and matches, standings. */
/** An entry as the papers print it; a team carries its label. */
type Entry = EntryOut & { team?: string };
type EventData = {
  row: EventRow;
  entries: Map<string, Entry>;
  drawn: boolean;
  positions: (string | null)[];
  groups: string[][];
  matches: MatchOut[];
  standings: Awaited<ReturnType<typeof eventStandings>>;
  times: Map<string, { court: string | null; start: string | null }>;
};

async function loadEvent(platform: Platform, tournamentId: string, row: EventRow): Promise<EventData> {
  const entryRows = await platform.db
    .selectFrom('tournament_entries')
    .selectAll()
    .where('event_id', '=', row.id)
    .execute();
  // A team is named by its label (the unit, numbered when one unit has two), not by its roster.
  const labels = row.kind === 'TEAM' ? await entryLabels(platform, row.id) : null;
  const entries = new Map<string, Entry>(
    (await describeEntries(platform, entryRows)).map((x) => [
      x.id,
      labels ? { ...x, team: labels.get(x.id) ?? x.unit.name } : x,
    ]),
  );
  const draw = await platform.db
    .selectFrom('tournament_draws')
    .select('positions_json')
    .where('event_id', '=', row.id)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  const layout = draw ? (JSON.parse(draw.positions_json) as (string | null)[] | string[][]) : [];
  const matches = draw ? await eventMatches(platform, row.id, await entryLabels(platform, row.id)) : [];
  const timed = await platform.db
    .selectFrom('tournament_matches as m')
    .leftJoin('tournament_courts as c', 'c.id', 'm.court_id')
    .select(['m.id', 'c.name as court', 'm.planned_start'])
    .where('m.event_id', '=', row.id)
    .execute();
  return {
    row,
    entries,
    drawn: !!draw,
    positions: row.format === 'groups' ? [] : (layout as (string | null)[]),
    groups: row.format === 'groups' ? (layout as string[][]) : [],
    matches,
    standings: await eventStandings(platform, tournamentId, row.id),
    times: new Map(timed.map((t) => [t.id, { court: t.court, start: t.planned_start }])),
  };
}

async function loadEvents(platform: Platform, tournamentId: string): Promise<EventData[]> {
  const rows = await platform.db
    .selectFrom('tournament_events')
    .selectAll()
    .where('tournament_id', '=', tournamentId)
    .orderBy('position')
    .execute();
  const out: EventData[] = [];
  for (const row of rows) out.push(await loadEvent(platform, tournamentId, row));
  return out;
}

// ---- words

const names = (x: Entry | undefined) => (x ? (x.team ?? x.players.map((p) => p.name).join(' / ')) : '');
/** The players themselves, a team's roster too (a medal's certificates go to each). */
const roster = (x: EntryOut) => x.players.map((p) => p.name).join(x.players.length > 2 ? ', ' : ' / ');

/**
 * A unit's name where a sheet has little room: its short name, or the enterprise it stands for in
 * the usual abbreviations ("Chi bộ Công ty Cổ phần Viễn thông Tiền Phong" → "CTCP Viễn thông Tiền Phong").
 */
export function shortUnit(unit: { name: string; shortName: string | null }): string {
  if (unit.shortName) return unit.shortName;
  return unit.name
    .replace(/^(Chi bộ|Đảng bộ)\s+/u, '')
    .replace(/Công ty Cổ phần/gu, 'CTCP')
    .replace(/Công ty TNHH/gu, 'Cty TNHH');
}
const unitName = (x: EntryOut | undefined) => (x ? x.unit.name : '');
const outcomeWords = {
  walkover: 'thắng do đối phương bỏ cuộc (W.O.)',
  retired: 'bỏ cuộc',
  disqualified: 'truất quyền',
};

/** "21-15, 19-21, 21-18", or the outcome in words: as side A against side B. */
export function scoreText(m: Pick<MatchOut, 'games' | 'outcome' | 'winner' | 'walkThrough'>): string {
  if (m.walkThrough) return 'Miễn đấu';
  if (m.winner === null) return '';
  if (m.outcome === 'walkover') return `${m.winner === 'a' ? 'A' : 'B'} ${outcomeWords.walkover}`;
  const games = m.games.map(([a, b]) => `${a}-${b}`).join(', ');
  if (m.outcome === 'retired') return `${games} (${m.winner === 'a' ? 'B' : 'A'} ${outcomeWords.retired})`;
  if (m.outcome === 'disqualified') return `${games} (${m.winner === 'a' ? 'B' : 'A'} bị ${outcomeWords.disqualified})`;
  return games;
}

/**
 * A tie's rubbers as the papers list them under it (ADR 35): the discipline, each side's players
 * from the line-ups, the games — or "không thi đấu" once the tie was decided without them (or
 * awarded whole). Nothing while the line-ups are not both in and the tie has no result.
 */
export function rubberLines(m: Pick<MatchOut, 'code' | 'tie' | 'winner'>) {
  if (!m.tie || (m.winner === null && !m.tie.lineupIn.every(Boolean))) return [];
  return m.tie.rubbers.map((r) => ({
    code: `${m.code}.${r.number}`,
    label: r.label.vi,
    sides: r.players.map((side) => side.map((p) => p.name).join(' / ')) as [string, string],
    score:
      r.status === 'finished'
        ? scoreText({ games: r.games, outcome: r.outcome, winner: r.winner, walkThrough: false })
        : r.status === 'not_needed'
          ? 'không thi đấu'
          : '',
  }));
}

/** The match's score from its winner's side: "21-15, 21-18" under the winner on a bracket. */
function winnerScore(m: MatchOut): string {
  if (m.walkThrough || m.winner === null) return '';
  if (m.outcome === 'walkover') return 'W.O.';
  const games = m.games.map(([a, b]) => (m.winner === 'a' ? `${a}-${b}` : `${b}-${a}`)).join(', ');
  return m.outcome === 'retired'
    ? `${games} (bỏ cuộc)`
    : m.outcome === 'disqualified'
      ? `${games} (truất quyền)`
      : games;
}

const vietnamClock = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);
const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekday = (day: string) => weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()];
const dateSpan = (t: Tournament, format: (iso: string) => string = formatDmy) =>
  t.starts_on === t.ends_on ? format(t.starts_on) : `từ ${format(t.starts_on)} đến ${format(t.ends_on)}`;

// ---- print pages

function pageCss(landscape: boolean): string {
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 12mm 14mm 15mm;
  @bottom-right { content: "Trang " counter(page) "/" counter(pages); font-family: ${cssFontStack}; font-size: 9pt; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${cssFontStack}; font-size: 11pt; line-height: 1.2; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page + .page { break-before: page; }
.top { text-align: center; margin-bottom: 3mm; }
.top .org { font-size: 11pt; }
.top .name { font-size: 13pt; font-weight: bold; text-transform: uppercase; }
.top .where { font-size: 10.5pt; font-style: italic; }
h1 { font-size: 16pt; text-align: center; margin: 2mm 0 1mm; }
h2 { font-size: 13pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.sub { text-align: center; font-size: 11pt; margin-bottom: 3mm; }
table.grid { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
table.grid th { background: #e7e6e6; font-weight: bold; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
.c { text-align: center; } .r { text-align: right; }
.muted { color: #444; font-size: 9.5pt; }
.note { font-size: 9.5pt; font-style: italic; margin-top: 2mm; }
`;
}

function printPage(title: string, pages: string[], options: { landscape?: boolean; css?: string } = {}): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${e(title)}</title><style>${pageCss(options.landscape ?? false)}${options.css ?? ''}</style></head><body>
${pages.map((p) => `<section class="page">${p}</section>`).join('\n')}
</body></html>`;
}

function topLines(t: Tournament): string {
  return `<div class="top"><div class="org">ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH THÁI BÌNH - BAN TỔ CHỨC GIẢI</div>
<div class="name">${e(t.name)}</div><div class="where">${e(t.venue)}, ${e(dateSpan(t))}</div></div>`;
}

function htmlTable(columns: { title: string; cls?: string; width?: number }[], rows: string[][]): string {
  const total = columns.reduce((s, c) => s + (c.width ?? 1), 0);
  return `<table class="grid"><colgroup>${columns.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(1)}%">`).join('')}</colgroup>
<thead><tr>${columns.map((c) => `<th>${e(c.title)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((cell, i) => `<td${columns[i]?.cls ? ` class="${columns[i].cls}"` : ''}>${cell}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

// ---- the draw sheet

const bracketCss = `
.bracket { display: grid; column-gap: 0; margin-top: 2mm; }
.cell { position: relative; }
.cell .who { position: absolute; left: 1mm; right: 2mm; bottom: 50%; border-bottom: 0.7pt solid #000; line-height: 1.05;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cell .score { position: absolute; left: 1mm; right: 2mm; top: 50%; font-size: 0.8em; line-height: 1.1; color: #333; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.cell .score.unit { left: 7mm; }
.cell.upper::after, .cell.lower::after { content: ""; position: absolute; right: 2mm; border-right: 0.7pt solid #000; height: 50%; }
.cell.upper::after { top: 50%; } .cell.lower::after { top: 0; }
.line-no { display: inline-block; min-width: 6mm; color: #555; }
.seed { font-weight: bold; }
.bye { font-style: italic; color: #555; }
.unit { color: #444; font-size: 0.88em; }
.champion .who { font-weight: bold; }
.champion .score { white-space: normal; overflow: visible; }
.podium { margin-top: 6mm; font-size: 8.5pt; line-height: 1.25; color: #000; }
.podium div { margin-bottom: 1.5mm; }
`;

function lineLabel(x: EntryOut | undefined, seed: number | null): string {
  if (!x) return '<span class="bye">Miễn đấu</span>';
  return `${seed ? `<span class="seed">[${seed}]</span> ` : ''}${e(names(x))}`;
}

/** Under the champion on the bracket: the other medallists. */
function podium(ev: EventData): string {
  const m = ev.standings.medalEntries;
  const who = (id: string | null) => {
    const x = id ? ev.entries.get(id) : undefined;
    if (!x) return '';
    return x.team ? e(x.team) : `${e(names(x))} <span class="unit">(${e(shortUnit(x.unit))})</span>`;
  };
  if (!m.gold) return '';
  const third = ev.matches.some((x) => x.code === 'R3P') ? 'Ba' : 'Đồng hạng ba';
  return `<div class="podium"><div><b>Nhất:</b> ${who(m.gold)}</div><div><b>Nhì:</b> ${who(m.silver)}</div>${m.bronze.map((b) => `<div><b>${third}:</b> ${who(b)}</div>`).join('')}</div>`;
}

function bracketHtml(ev: EventData): string {
  const size = ev.positions.length;
  const rounds = Math.round(Math.log2(size));
  // The name sits on the line in the upper half of its row, the unit or the score under it: the
  // type is as large as half a row allows, and 32 lines still leave room for the header on A4.
  const rowMm = Math.max(3, Math.min(9, 205 / size));
  const fontPt = Math.min(10.5, Math.floor((rowMm / 2 / 0.37) * 2) / 2);
  const byCode = new Map(ev.matches.filter((m) => m.stage === 'knockout').map((m) => [m.code, m]));
  const cells: string[] = [];
  ev.positions.forEach((id, i) => {
    const x = id ? ev.entries.get(id) : undefined;
    cells.push(
      `<div class="cell ${i % 2 === 0 ? 'upper' : 'lower'}" style="grid-column:1;grid-row:${i + 1}"><div class="who"><span class="line-no">${i + 1}</span>${lineLabel(x, x?.seed ?? null)}</div><div class="score unit">${x ? e(shortUnit(x.unit)) : ''}</div></div>`,
    );
  });
  for (let r = 1; r <= rounds; r++) {
    const span = 2 ** r;
    for (let i = 0; i < size / span; i++) {
      const m = byCode.get(`R${r}-${i + 1}`);
      const winnerSide = m
        ? m.walkThrough
          ? m.sides.find((s) => s.entryId)
          : m.winner
            ? m.sides[m.winner === 'a' ? 0 : 1]
            : undefined
        : undefined;
      const winner = winnerSide?.entryId ? ev.entries.get(winnerSide.entryId) : undefined;
      const last = r === rounds;
      const cls = last ? 'champion' : i % 2 === 0 ? 'upper' : 'lower';
      cells.push(
        `<div class="cell ${cls}" style="grid-column:${r + 1};grid-row:${i * span + 1} / span ${span}"><div class="who">${winner ? e(names(winner)) : '&nbsp;'}</div><div class="score">${m ? e(winnerScore(m)) : ''}${last ? podium(ev) : ''}</div></div>`,
      );
    }
  }
  const head = Array.from({ length: rounds + 1 }, (_, k) =>
    k === rounds ? 'Vô địch' : (byCode.get(`R${k + 1}-1`)?.roundName.vi ?? ''),
  );
  const cols = `minmax(0, 1.6fr) ${'minmax(0, 1fr) '.repeat(rounds)}`;
  return `<div class="bracket" style="grid-template-columns:${cols};font-size:9pt;font-weight:bold">${head.map((h, k) => `<div style="grid-column:${k + 1};text-align:center">${e(h)}</div>`).join('')}</div>
<div class="bracket" style="grid-template-columns:${cols};grid-template-rows:repeat(${size}, ${rowMm}mm);font-size:${fontPt}pt">
${cells.join('\n')}</div>`;
}

/** Per group member: matches, won, lost, games and points for and against (every recorded match of the group). */
function groupTable(ev: EventData, g: number) {
  const ranking = ev.standings.groups.find((x) => x.group === g)?.ranking ?? [];
  const own = ev.matches.filter((m) => m.group === g && m.winner !== null);
  return ranking.map((r, i) => {
    const s = { played: 0, won: 0, lost: 0, gf: 0, ga: 0, pf: 0, pa: 0 };
    for (const m of own) {
      const side = m.sides[0].entryId === r.entryId ? 0 : m.sides[1].entryId === r.entryId ? 1 : -1;
      if (side < 0) continue;
      s.played++;
      if ((m.winner === 'a') === (side === 0)) s.won++;
      else s.lost++;
      for (const game of m.games) {
        const [mine, theirs] = side === 0 ? game : [game[1], game[0]];
        s.pf += mine;
        s.pa += theirs;
      }
      for (const game of m.games) {
        const [mine, theirs] = side === 0 ? game : [game[1], game[0]];
        if (mine > theirs) s.gf++;
        else if (theirs > mine) s.ga++;
      }
    }
    return { place: i + 1, entry: ev.entries.get(r.entryId), deleted: r.deleted, ...s };
  });
}

function matchRows(ev: EventData, filter: (m: MatchOut) => boolean): string[][] {
  return ev.matches
    .filter((m) => filter(m) && !m.walkThrough)
    .flatMap((m) => [
      [
        e(m.code),
        e(m.roundName.vi),
        e(names(m.sides[0].entryId ? ev.entries.get(m.sides[0].entryId) : undefined)),
        e(names(m.sides[1].entryId ? ev.entries.get(m.sides[1].entryId) : undefined)),
        e(scoreText(m)),
      ],
      ...rubberLines(m).map((r) => rubberRow(e(r.code), `<span class="muted">${e(r.label)}</span>`, r)),
    ]);
}

/** A rubber's line under its tie in a table of matches: smaller, the players and the games. */
const rubberRow = (code: string, label: string, r: ReturnType<typeof rubberLines>[number]) => [
  `<span class="muted">${code}</span>`,
  label,
  `<span class="muted">${e(r.sides[0])}</span>`,
  `<span class="muted">${e(r.sides[1])}</span>`,
  `<span class="muted">${e(r.score)}</span>`,
];

const matchColumns = [
  { title: 'Trận', cls: 'c', width: 8 },
  { title: 'Vòng', width: 14 },
  { title: 'Bên A', width: 28 },
  { title: 'Bên B', width: 28 },
  { title: 'Kết quả', width: 22 },
];

function eventTitle(ev: EventRow): string {
  return ev.name;
}

function drawPage(t: Tournament, ev: EventData): string {
  const rule = isScoringId(ev.row.scoring) ? scoringRules[ev.row.scoring].label.vi : ev.row.scoring;
  const intro = `${topLines(t)}<h1>SƠ ĐỒ THI ĐẤU: ${e(eventTitle(ev.row).toLocaleUpperCase('vi'))}</h1>
<div class="sub">${ev.row.format === 'groups' ? 'Thi đấu vòng tròn' : 'Loại trực tiếp'}; ${e(rule)}; ${ev.entries.size ? `${[...ev.entries.values()].filter((x) => x.status === 'confirmed').length} lượt đăng ký` : ''}</div>`;
  if (!ev.drawn) return `${intro}<p>Nội dung chưa bốc thăm.</p>`;
  if (ev.row.format !== 'groups') {
    const third = ev.matches.find((m) => m.code === 'R3P');
    // A team event: the ties under the bracket, each with its rubbers.
    const ties = ev.matches.some((m) => m.tie && m.code !== 'R3P')
      ? `<h2 style="break-before: page">Các lượt trận</h2>${htmlTable(
          matchColumns,
          matchRows(ev, (m) => m.code !== 'R3P'),
        )}`
      : '';
    return `${intro}${bracketHtml(ev)}${ties}
${
  third
    ? `<h2>Tranh hạng ba</h2>${htmlTable(
        matchColumns,
        matchRows(ev, (m) => m.code === 'R3P'),
      )}`
    : ''
}
<div class="note">[n]: hạt giống số n.${ev.positions.includes(null) ? ' "Miễn đấu": dòng không có vận động viên, người cùng cặp vào thẳng vòng sau.' : ''} Dưới tên người thắng là tỉ số các ván tính từ phía người thắng.</div>`;
  }
  const groups = ev.groups.map((_, g) => {
    const rows = groupTable(ev, g + 1).map((r) => [
      String(r.place),
      `${e(names(r.entry))}${r.entry?.seed ? ` <span class="seed">[${r.entry.seed}]</span>` : ''}${r.deleted ? ' <i>(kết quả bị hủy)</i>' : ''}`,
      e(unitName(r.entry)),
      String(r.played),
      String(r.won),
      String(r.lost),
      `${r.gf}-${r.ga}`,
      `${r.pf}-${r.pa}`,
    ]);
    const lots = ev.standings.groups.find((x) => x.group === g + 1)?.lots ?? [];
    return `<h2>Bảng ${g + 1}</h2>${htmlTable(
      [
        { title: 'Hạng', cls: 'c', width: 6 },
        { title: 'Vận động viên', width: 32 },
        { title: 'Đơn vị', width: 30 },
        { title: 'Trận', cls: 'c', width: 6 },
        { title: 'Thắng', cls: 'c', width: 6 },
        { title: 'Thua', cls: 'c', width: 6 },
        { title: 'Ván', cls: 'c', width: 7 },
        { title: 'Điểm', cls: 'c', width: 9 },
      ],
      rows,
    )}${lots.length ? `<div class="note">Bốc thăm xếp hạng: ${lots.map((l) => e(l.join(', '))).join('; ')}.</div>` : ''}
${htmlTable(
  matchColumns,
  matchRows(ev, (m) => m.group === g + 1),
)}`;
  });
  return `${intro}${groups.join('\n')}<div class="note">Xếp hạng theo Điều 16.2 Quy chế thi đấu của Liên đoàn Cầu lông Thế giới (BWF): số trận thắng; hai người bằng nhau xét kết quả trận giữa hai người; ba người trở lên xét hiệu số ván, rồi hiệu số điểm.</div>`;
}

async function drawData(platform: Platform, tournamentId: string, eventId: string) {
  const t = await findTournament(platform.db, tournamentId);
  const row = await findEvent(platform.db, tournamentId, eventId);
  const ev = await loadEvent(platform, tournamentId, row);
  if (!ev.drawn) throw fail.notFound({ vi: 'Nội dung chưa bốc thăm.', en: 'The event has not been drawn.' });
  return { t, ev };
}

export function drawSheetHtml(t: Tournament, ev: EventData): string {
  return printPage(`Sơ đồ thi đấu ${ev.row.name}`, [drawPage(t, ev)], { css: bracketCss });
}

export async function drawPdf(platform: Platform, tournamentId: string, eventId: string): Promise<Buffer> {
  const { t, ev } = await drawData(platform, tournamentId, eventId);
  return (await builders()).htmlToPdf(drawSheetHtml(t, ev));
}

const matchSheet = (ev: EventData, filter: (m: MatchOut) => boolean): Sheet => ({
  name: 'Trận đấu',
  columns: [
    { header: 'Trận', key: 'code' },
    { header: 'Vòng', key: 'round' },
    { header: 'Bên A', key: 'a' },
    { header: 'Đơn vị bên A', key: 'ua' },
    { header: 'Bên B', key: 'b' },
    { header: 'Đơn vị bên B', key: 'ub' },
    { header: 'Kết quả', key: 'score' },
    { header: 'Thắng', key: 'winner' },
  ],
  rows: ev.matches
    .filter((m) => filter(m) && !m.walkThrough)
    .flatMap((m) => {
      const [a, b] = m.sides.map((s) => (s.entryId ? ev.entries.get(s.entryId) : undefined));
      return [
        {
          code: m.code,
          round: m.roundName.vi,
          a: names(a),
          ua: unitName(a),
          b: names(b),
          ub: unitName(b),
          score: scoreText(m),
          winner: m.winner ? names(m.winner === 'a' ? a : b) : '',
        },
        ...rubberLines(m).map((r) => ({
          code: r.code,
          round: r.label,
          a: r.sides[0],
          ua: unitName(a),
          b: r.sides[1],
          ub: unitName(b),
          score: r.score,
          winner: '',
        })),
      ];
    }),
});

export async function drawXlsx(platform: Platform, tournamentId: string, eventId: string): Promise<Buffer> {
  const { ev } = await drawData(platform, tournamentId, eventId);
  const sheets: Sheet[] =
    ev.row.format === 'groups'
      ? ev.groups.map((_, g) => ({
          name: `Bảng ${g + 1}`,
          columns: [
            { header: 'Hạng', key: 'place', type: 'integer' },
            { header: 'Vận động viên', key: 'names' },
            { header: 'Đơn vị', key: 'unit' },
            { header: 'Hạt giống', key: 'seed', type: 'integer' },
            { header: 'Số trận', key: 'played', type: 'integer' },
            { header: 'Thắng', key: 'won', type: 'integer' },
            { header: 'Thua', key: 'lost', type: 'integer' },
            { header: 'Ván thắng', key: 'gf', type: 'integer' },
            { header: 'Ván thua', key: 'ga', type: 'integer' },
            { header: 'Điểm được', key: 'pf', type: 'integer' },
            { header: 'Điểm mất', key: 'pa', type: 'integer' },
            { header: 'Ghi chú', key: 'note' },
          ],
          rows: groupTable(ev, g + 1).map((r) => ({
            place: r.place,
            names: names(r.entry),
            unit: unitName(r.entry),
            seed: r.entry?.seed ?? null,
            played: r.played,
            won: r.won,
            lost: r.lost,
            gf: r.gf,
            ga: r.ga,
            pf: r.pf,
            pa: r.pa,
            note: r.deleted ? 'Kết quả bị hủy (bỏ cuộc, truất quyền)' : '',
          })),
        }))
      : [
          {
            name: 'Sơ đồ',
            columns: [
              { header: 'Dòng', key: 'line', type: 'integer' },
              { header: 'Hạt giống', key: 'seed', type: 'integer' },
              { header: 'Vận động viên', key: 'names' },
              { header: 'Đơn vị', key: 'unit' },
            ],
            rows: ev.positions.map((id, i) => {
              const x = id ? ev.entries.get(id) : undefined;
              return { line: i + 1, seed: x?.seed ?? null, names: x ? names(x) : 'Miễn đấu', unit: unitName(x) };
            }),
          },
        ];
  return (await builders()).toXlsx([...sheets, matchSheet(ev, () => true)]);
}

// ---- the order of play

type Slot = { ev: EventData; m: MatchOut; court: string; start: string; day: string; time: string };

function slotsOf(events: EventData[]): Slot[] {
  const slots: Slot[] = [];
  for (const ev of events)
    for (const m of ev.matches) {
      const at = ev.times.get(m.id);
      if (!at?.start || m.walkThrough) continue;
      slots.push({
        ev,
        m,
        court: at.court ?? '',
        start: at.start,
        day: vietnamDay(new Date(at.start)),
        time: vietnamClock(at.start),
      });
    }
  return slots.sort(
    (a, b) => a.start.localeCompare(b.start) || compareVi(a.court, b.court) || a.m.code.localeCompare(b.m.code),
  );
}

const sideNames = (s: Slot, i: 0 | 1) => {
  const id = s.m.sides[i].entryId;
  const x = id ? s.ev.entries.get(id) : undefined;
  if (!x) return '(chờ kết quả trận trước)';
  return x.team ?? `${names(x)} (${shortUnit(x.unit)})`;
};

export async function orderOfPlayPdf(platform: Platform, tournamentId: string): Promise<Buffer> {
  const t = await findTournament(platform.db, tournamentId);
  const slots = slotsOf(await loadEvents(platform, tournamentId));
  const days = [...new Set(slots.map((s) => s.day))];
  const pages = days.map(
    (day) => `${topLines(t)}<h1>LỊCH THI ĐẤU</h1><div class="sub">${weekday(day)}, ngày ${formatDmy(day)}</div>
${htmlTable(
  [
    { title: 'Giờ', cls: 'c', width: 5 },
    { title: 'Sân', cls: 'c', width: 5 },
    { title: 'Nội dung, vòng', width: 15 },
    { title: 'Trận', cls: 'c', width: 5 },
    { title: 'Bên A', width: 29 },
    { title: 'Bên B', width: 29 },
    { title: 'Kết quả', width: 12 },
  ],
  slots
    .filter((s) => s.day === day)
    .flatMap((s) => [
      [
        s.time,
        e(s.court),
        `${e(s.ev.row.name)}<br><span class="muted">${e(s.m.roundName.vi)}</span>`,
        e(s.m.code),
        e(sideNames(s, 0)),
        e(sideNames(s, 1)),
        e(scoreText(s.m)),
      ],
      ...rubberLines(s.m).map((r) => {
        const [code, label, a, b, score] = rubberRow(e(r.code), `<span class="muted">${e(r.label)}</span>`, r);
        return ['', '', label, code, a, b, score];
      }),
    ]),
)}<div class="note">Giờ thi đấu là giờ dự kiến: trận sau có thể được gọi sớm hơn khi sân trống, hoặc lùi lại khi trận trước kéo dài. Vận động viên có mặt trước giờ thi đấu 15 phút.</div>`,
  );
  return (await builders()).htmlToPdf(
    printPage(
      'Lịch thi đấu',
      pages.length ? pages : [`${topLines(t)}<h1>LỊCH THI ĐẤU</h1><p>Chưa xếp lịch thi đấu.</p>`],
      {
        landscape: true,
        css: 'table.grid { font-size: 9.5pt; } table.grid td { padding: 0.4mm 1mm; } .muted { font-size: 8.5pt; }',
      },
    ),
  );
}

export async function orderOfPlayXlsx(platform: Platform, tournamentId: string): Promise<Buffer> {
  const slots = slotsOf(await loadEvents(platform, tournamentId));
  const days = [...new Set(slots.map((s) => s.day))];
  return (await builders()).toXlsx(
    (days.length ? days : ['']).map((day) => ({
      name: day ? `Ngày ${formatDmy(day).replaceAll('/', '-')}` : 'Lịch thi đấu',
      columns: [
        { header: 'Ngày', key: 'day', type: 'date' },
        { header: 'Giờ', key: 'time' },
        { header: 'Sân', key: 'court' },
        { header: 'Nội dung', key: 'event' },
        { header: 'Vòng', key: 'round' },
        { header: 'Trận', key: 'code' },
        { header: 'Bên A', key: 'a' },
        { header: 'Bên B', key: 'b' },
        { header: 'Kết quả', key: 'score' },
      ],
      rows: slots
        .filter((s) => s.day === day)
        .flatMap((s) => [
          {
            day: s.day,
            time: s.time,
            court: s.court,
            event: s.ev.row.name,
            round: s.m.roundName.vi,
            code: s.m.code,
            a: sideNames(s, 0),
            b: sideNames(s, 1),
            score: scoreText(s.m),
          },
          ...rubberLines(s.m).map((r) => ({
            day: s.day,
            time: '',
            court: s.court,
            event: s.ev.row.name,
            round: r.label,
            code: r.code,
            a: r.sides[0],
            b: r.sides[1],
            score: r.score,
          })),
        ]),
    })),
  );
}

// ---- score sheets

const scoreCss = `
.fields { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-size: 12pt; }
.fields td { padding: 1.2mm 1mm; vertical-align: bottom; }
.fill { border-bottom: 0.6pt dotted #000; }
.sides { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
.sides th, .sides td { border: 0.8pt solid #000; padding: 1.5mm; font-size: 12pt; }
.sides th { background: #e7e6e6; }
.sides td.name { height: 14mm; }
.sides.tie td { height: 11mm; font-size: 11pt; } .sides.tie td.name { height: 11mm; }
.game { margin-bottom: 2.5mm; break-inside: avoid; }
.game .label { font-weight: bold; font-size: 11pt; margin-bottom: 0.8mm; }
.rally { border-collapse: collapse; width: 100%; table-layout: fixed; }
.rally td { border: 0.5pt solid #000; height: 7mm; text-align: center; font-size: 7pt; color: #777; vertical-align: top; }
.rally td.who { width: 9mm; font-size: 10pt; color: #000; font-weight: bold; vertical-align: middle; }
.totals { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
.totals th, .totals td { border: 0.8pt solid #000; padding: 1.5mm; text-align: center; font-size: 12pt; }
.totals td { height: 10mm; }
.signs { display: flex; justify-content: space-between; text-align: center; margin-top: 3mm; font-size: 11.5pt; }
.signs div { width: 24%; } .signs b { display: block; } .signs i { font-size: 9.5pt; }
.signs .space { height: 16mm; }
`;

/** What heads every sheet at the court: the event, round, number, court, day and time. */
type SheetHead = { event: string; round: string; code: string; court: string; day: string; time: string };
const fill = (text: string) => `<span class="fill">${text ? e(text) : '&nbsp;'.repeat(28)}</span>`;
const headRows = (s: SheetHead, number: string) =>
  `<tr><td>Nội dung: ${fill(s.event)}</td><td>Vòng: ${fill(s.round)}</td><td>${number}: ${fill(s.code)}</td></tr>
<tr><td>Sân: ${fill(s.court)}</td><td>Ngày: ${fill(s.day)}</td><td>Giờ: ${fill(s.time)}</td></tr>`;

type SheetMatch = SheetHead & {
  sides: [{ names: string; unit: string }, { names: string; unit: string }];
  scoring: string;
  games: number;
  cap: number;
};

/** The signatures under a sheet: the two sides (players, or captains), the umpire, the referee. */
const signs = (a: string, b: string) =>
  `<div class="signs">${[a, b, 'TRỌNG TÀI', 'TỔNG TRỌNG TÀI']
    .map((who) => `<div><b>${who}</b><i>(Ký, ghi rõ họ tên)</i><div class="space"></div></div>`)
    .join('')}</div>`;

function scoreSheetPage(t: Tournament, s: SheetMatch): string {
  const boxes = Array.from({ length: s.cap }, (_, i) => `<td>${i + 1}</td>`).join('');
  const games = Array.from(
    { length: s.games },
    (_, g) => `<div class="game"><div class="label">Ván ${g + 1}</div><table class="rally">
<tr><td class="who">A</td>${boxes}</tr><tr><td class="who">B</td>${boxes}</tr></table></div>`,
  ).join('');
  return `${topLines(t)}<h1>PHIẾU GHI ĐIỂM</h1>
<table class="fields">${headRows(s, 'Trận số')}
<tr><td colspan="3">Thể thức: ${fill(s.scoring)}</td></tr></table>
<table class="sides"><tr><th style="width:8%"></th><th style="width:52%">Vận động viên</th><th style="width:40%">Đơn vị</th></tr>
<tr><td class="c"><b>A</b></td><td class="name">${e(s.sides[0].names)}</td><td>${e(s.sides[0].unit)}</td></tr>
<tr><td class="c"><b>B</b></td><td class="name">${e(s.sides[1].names)}</td><td>${e(s.sides[1].unit)}</td></tr></table>
<div class="muted">Đánh dấu từng điểm thắng của mỗi bên theo thứ tự (ô 1, 2, 3…); ghi "G" ở ô của bên giao cầu đầu ván.</div>
${games}
<table class="totals"><tr><th style="width:16%">Bên</th>${Array.from({ length: s.games }, (_, g) => `<th>Ván ${g + 1}</th>`).join('')}<th>Số ván thắng</th></tr>
<tr><td><b>A</b></td>${'<td></td>'.repeat(s.games + 1)}</tr><tr><td><b>B</b></td>${'<td></td>'.repeat(s.games + 1)}</tr></table>
<div>Bên thắng: ${fill('')} &nbsp; Ghi chú (bỏ cuộc, không đến thi đấu, truất quyền): ${fill('')}</div>
${signs('BÊN A', 'BÊN B')}`;
}

type TieSheet = SheetHead & {
  teams: [string, string];
  needed: number;
  rubbers: ReturnType<typeof rubberLines>;
  games: number;
};

/**
 * A tie's own sheet, on top of its rubbers' score sheets: the two teams, each rubber with its
 * players (written in by the table from the captains' line-ups when not yet given) and a box for
 * each game, the rubbers won, the captains' and the referee's signatures.
 */
function tieSheetPage(t: Tournament, s: TieSheet): string {
  const rows = s.rubbers
    .map(
      (r) =>
        `<tr><td class="c">${e(r.code)}</td><td>${e(r.label)}</td><td class="name">${e(r.sides[0])}</td><td class="name">${e(r.sides[1])}</td>${'<td></td>'.repeat(s.games)}<td>${r.score === 'không thi đấu' ? 'không thi đấu' : ''}</td></tr>`,
    )
    .join('');
  return `${topLines(t)}<h1>BIÊN BẢN LƯỢT TRẬN ĐỒNG ĐỘI</h1>
<table class="fields">${headRows(s, 'Lượt trận số')}</table>
<table class="sides"><tr><th style="width:8%"></th><th>Đội</th></tr>
<tr><td class="c"><b>A</b></td><td>${e(s.teams[0])}</td></tr><tr><td class="c"><b>B</b></td><td>${e(s.teams[1])}</td></tr></table>
<div class="muted">Các trận đánh theo thứ tự; đội thắng ${s.needed} trận thắng lượt trận. Mỗi trận có phiếu ghi điểm riêng ở các trang sau; ghi tỉ số từng ván (A-B) và bên thắng vào bảng này.</div>
<table class="sides tie"><tr><th style="width:10%">Trận</th><th style="width:14%">Nội dung</th><th>Đội A</th><th>Đội B</th>${Array.from({ length: s.games }, (_, g) => `<th style="width:9%">Ván ${g + 1}</th>`).join('')}<th style="width:9%">Thắng</th></tr>${rows}</table>
<div>Tỉ số lượt trận (số trận thắng A–B): ${fill('')} &nbsp; Đội thắng: ${fill('')}</div>
${signs('ĐỘI TRƯỞNG A', 'ĐỘI TRƯỞNG B')}`;
}

export type ScoreSheetQuery = { day?: string; matchId?: string; eventId?: string };

/**
 * Score sheets, one A4 page per match: a chosen match, a day's matches in the order of play
 * (optionally one event's), or with neither a blank sheet for the table to fill in by hand.
 */
export async function scoreSheetsPdf(
  platform: Platform,
  tournamentId: string,
  query: ScoreSheetQuery,
): Promise<Buffer> {
  const t = await findTournament(platform.db, tournamentId);
  const pages: string[] = [];
  if (query.day || query.matchId) {
    const events = await loadEvents(platform, tournamentId);
    const chosen = events
      .filter((ev) => !query.eventId || ev.row.id === query.eventId)
      .flatMap((ev) =>
        ev.matches
          .filter((m) => !m.walkThrough && (query.matchId ? m.id === query.matchId : true))
          .map((m) => {
            const at = ev.times.get(m.id);
            return { ev, m, court: at?.court ?? '', start: at?.start ?? null };
          }),
      )
      .filter((x) => !query.day || (x.start !== null && vietnamDay(new Date(x.start)) === query.day))
      .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || compareVi(a.court, b.court));
    if (chosen.length === 0)
      throw fail.notFound(
        query.matchId
          ? { vi: 'Không tìm thấy trận đấu.', en: 'Match not found.' }
          : { vi: 'Không có trận nào trong lịch ngày này.', en: 'No match is scheduled on this day.' },
      );
    for (const { ev, m, court, start } of chosen) {
      const scoring = m.stage === 'group' && ev.row.group_scoring ? ev.row.group_scoring : ev.row.scoring;
      const rule = isScoringId(scoring) ? scoringRules[scoring] : scoringRules['bo3-21'];
      const side = (i: 0 | 1) => {
        const x = m.sides[i].entryId ? ev.entries.get(m.sides[i].entryId!) : undefined;
        return { names: names(x), unit: unitName(x) };
      };
      const when = {
        court,
        day: start ? formatDmy(vietnamDay(new Date(start))) : '',
        time: start ? vietnamClock(start) : '',
      };
      if (!m.tie) {
        pages.push(
          scoreSheetPage(t, {
            event: ev.row.name,
            round: m.roundName.vi,
            code: m.code,
            ...when,
            sides: [side(0), side(1)],
            scoring: rule.label.vi,
            games: rule.games,
            cap: rule.cap,
          }),
        );
        continue;
      }
      // A tie: its own sheet, then one score sheet per rubber still to play (or played), as for a match.
      const teams = [side(0), side(1)];
      const rubbers = m.tie.rubbers.map((r) => ({
        code: `${m.code}.${r.number}`,
        label: r.label.vi,
        sides: r.players.map((x) => x.map((p) => p.name).join(' / ')) as [string, string],
        score: r.status === 'not_needed' ? 'không thi đấu' : '',
      }));
      pages.push(
        tieSheetPage(t, {
          event: ev.row.name,
          round: m.roundName.vi,
          code: m.code,
          ...when,
          teams: [teams[0].names, teams[1].names],
          needed: m.tie.needed,
          rubbers,
          games: rule.games,
        }),
      );
      for (const r of rubbers.filter((x) => x.score === ''))
        pages.push(
          scoreSheetPage(t, {
            event: `${ev.row.name} – ${r.label}`,
            round: m.roundName.vi,
            code: r.code,
            ...when,
            sides: [
              { names: r.sides[0], unit: teams[0].names },
              { names: r.sides[1], unit: teams[1].names },
            ],
            scoring: rule.label.vi,
            games: rule.games,
            cap: rule.cap,
          }),
        );
    }
  } else {
    pages.push(
      scoreSheetPage(t, {
        event: '',
        round: '',
        code: '',
        court: '',
        day: '',
        time: '',
        sides: [
          { names: '', unit: '' },
          { names: '', unit: '' },
        ],
        scoring: '',
        games: 3,
        cap: 30,
      }),
    );
  }
  return (await builders()).htmlToPdf(printPage('Phiếu ghi điểm', pages, { css: scoreCss }));
}

// ---- results, medals, certificates

const medalWords = { gold: 'Nhất', silver: 'Nhì', bronze: 'Ba' } as const;

type Medallist = { ev: EventData; medal: keyof typeof medalWords; entry: Entry };

function medallists(events: EventData[]): Medallist[] {
  const out: Medallist[] = [];
  for (const ev of events) {
    const m = ev.standings.medalEntries;
    const add = (medal: keyof typeof medalWords, id: string | null) => {
      const entry = id ? ev.entries.get(id) : undefined;
      if (entry) out.push({ ev, medal, entry });
    };
    add('gold', m.gold);
    add('silver', m.silver);
    for (const b of m.bronze) add('bronze', b);
  }
  return out;
}

function medalRows(events: EventData[]): MedalRow[] {
  const unitOf = new Map<string, EntryOut>();
  for (const ev of events) for (const [id, x] of ev.entries) unitOf.set(id, x);
  return medalTable(
    events.map((ev) => {
      const m = ev.standings.medalEntries;
      return { gold: m.gold ? [m.gold] : [], silver: m.silver ? [m.silver] : [], bronze: m.bronze };
    }),
    (entry) => unitOf.get(entry)?.unit.id ?? entry,
    (unit) => [...unitOf.values()].find((x) => x.unit.id === unit)?.unit.name ?? unit,
  );
}

const tableBlock = (
  columns: { title: string; width: number; align?: 'center' | 'left' | 'right' }[],
  rows: RichText[][],
): Block => ({
  kind: 'table',
  columns,
  rows,
});
const para = (
  text: RichText,
  more: Partial<{ align: 'justify' | 'center' | 'right' | 'left'; indent: boolean }> = {},
): Block => ({
  kind: 'paragraph',
  text,
  ...more,
});

/** The results and prize list, a Thông báo of the Standing Committee in the Party's format. */
export async function resultsDocument(platform: Platform, tournamentId: string): Promise<OfficialDocument> {
  const t = await findTournament(platform.db, tournamentId);
  const events = await loadEvents(platform, tournamentId);
  const won = medallists(events);
  const table = medalRows(events);
  const players = new Set(
    events.flatMap((ev) =>
      [...ev.entries.values()].filter((x) => x.status === 'confirmed').flatMap((x) => x.players.map((p) => p.id)),
    ),
  );
  const unitsIn = new Set(
    events.flatMap((ev) => [...ev.entries.values()].filter((x) => x.status === 'confirmed').map((x) => x.unit.id)),
  );
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const eventSections: Block[] = events.map((ev, i) => {
    const rows = won
      .filter((w) => w.ev === ev)
      .map((w) => [
        [{ text: `Giải ${medalWords[w.medal]}`, bold: w.medal === 'gold' }] as RichText,
        w.entry.team ? roster(w.entry) : names(w.entry),
        w.entry.team ?? w.entry.unit.name,
      ]);
    // A team event: each tie played, then its rubbers (ADR 35).
    const ties = ev.matches.filter((m) => m.tie && !m.walkThrough && m.winner !== null);
    const tieBlocks: Block[] = ties.flatMap((m) => {
      const [a, b] = m.sides.map((x) => names(x.entryId ? ev.entries.get(x.entryId) : undefined));
      const score = m.outcome ? scoreText(m) : `${m.tie!.score[0]}–${m.tie!.score[1]}`;
      return [
        para([{ text: `Trận ${m.code} (${m.roundName.vi}): ${a} – ${b}: ${score}`, bold: true }]),
        tableBlock(
          [
            { title: 'Trận', width: 16 },
            { title: `Đội A: ${a}`, width: 31 },
            { title: `Đội B: ${b}`, width: 31 },
            { title: 'Kết quả', width: 22, align: 'center' },
          ],
          rubberLines(m).map((r) => [r.label, r.sides[0], r.sides[1], r.score]),
        ),
      ];
    });
    return {
      kind: 'section',
      level: 2,
      number: `${i + 1}.`,
      title: `Nội dung ${ev.row.name}`,
      children: [
        ...(rows.length
          ? [
              tableBlock(
                [
                  { title: 'Giải', width: 16, align: 'center' },
                  { title: 'Vận động viên', width: 42 },
                  { title: ties.length ? 'Đội' : 'Đơn vị', width: 42 },
                ],
                rows,
              ),
            ]
          : [para('Nội dung chưa có kết quả chung cuộc.')]),
        ...(tieBlocks.length ? [para('Kết quả các lượt trận:'), ...tieBlocks] : []),
      ],
    };
  });
  const teamRows = table.map((r) => [
    String(r.place),
    r.name,
    String(r.gold),
    String(r.silver),
    String(r.bronze),
    String(r.gold + r.silver + r.bronze),
  ]);
  const topUnits = table.filter((r) => r.place <= 3);
  // The register's number once the organisers issued it (noticeNumber.ts), its symbol as registered; blank before.
  const issued = await registeredNumber(platform.db, noticeSource(tournamentId));
  // The Standing Committee's deputy secretary on the last day, from the registry (blank when it does not know).
  const signer = await signerOf(platform, 'standing_committee', 'Phó Bí thư', t.ends_on);
  return {
    issuer: issued ? { ...bloc, symbolSuffix: issued.symbol.split('/').slice(1).join('/') } : bloc,
    number: issued ? issued.symbol.split('-')[0] : '',
    place,
    date: t.ends_on,
    type: 'THÔNG BÁO',
    title: `kết quả và danh sách khen thưởng ${t.name}`,
    basis: [],
    body: [
      para(
        `Thực hiện Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình (06/9/2004 - 06/9/2019), ${t.name} đã diễn ra tại ${t.venue} ${dateSpan(t, shortDmy)}, với ${players.size} vận động viên của ${unitsIn.size} đơn vị tham gia ${events.length} nội dung thi đấu.`,
      ),
      para('Ban Thường vụ Đảng ủy Khối thông báo kết quả và danh sách khen thưởng của giải như sau:'),
      {
        kind: 'section',
        level: 1,
        number: `${roman[0]}-`,
        title: 'KẾT QUẢ CÁC NỘI DUNG THI ĐẤU',
        children: eventSections,
      },
      {
        kind: 'section',
        level: 1,
        number: `${roman[1]}-`,
        title: 'XẾP HẠNG TOÀN ĐOÀN',
        children: [
          para(
            'Xếp theo số giải Nhất, rồi số giải Nhì, rồi số giải Ba; các đơn vị bằng nhau cả ba loại giải xếp đồng hạng.',
          ),
          tableBlock(
            [
              { title: 'Hạng', width: 11, align: 'center' },
              { title: 'Đơn vị', width: 49 },
              { title: 'Nhất', width: 10, align: 'center' },
              { title: 'Nhì', width: 10, align: 'center' },
              { title: 'Ba', width: 10, align: 'center' },
              { title: 'Tổng', width: 10, align: 'center' },
            ],
            teamRows.length ? teamRows : [['', 'Chưa có đơn vị đạt giải', '', '', '', '']],
          ),
        ],
      },
      {
        kind: 'section',
        level: 1,
        number: `${roman[2]}-`,
        title: 'KHEN THƯỞNG',
        children: [
          {
            kind: 'item',
            marker: '-',
            text: `Tặng Giấy chứng nhận cho ${won.reduce((n, w) => n + w.entry.players.length, 0)} lượt vận động viên đạt giải Nhất, Nhì, Ba của ${events.filter((ev) => won.some((w) => w.ev === ev)).length} nội dung nêu tại Mục I.`,
          },
          {
            kind: 'item',
            marker: '-',
            text: topUnits.length
              ? `Tặng Giấy chứng nhận giải toàn đoàn cho: ${topUnits.map((r) => `${r.name} (hạng ${r.place})`).join('; ')}.`
              : 'Chưa có đơn vị đạt giải toàn đoàn.',
          },
        ],
      },
      para(
        `Ban Thường vụ Đảng ủy Khối biểu dương các đơn vị, vận động viên đã tích cực tham gia giải, góp phần ${occasion}./.`,
      ),
    ],
    recipients: ['Thường trực Đảng ủy Khối', 'Hội Cựu chiến binh Khối', 'Các đảng ủy, chi bộ cơ sở trực thuộc'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: signer },
  };
}

export async function resultsFile(platform: Platform, tournamentId: string, format: 'docx' | 'pdf'): Promise<Buffer> {
  const doc = await resultsDocument(platform, tournamentId);
  return format === 'docx' ? (await builders()).toDocx(doc) : (await builders()).toPdf(doc);
}

/** One certificate per medallist player (a pair's two players get one each), in the events' order, then one per unit placed first to third overall. */
export async function certificateList(
  platform: Platform,
  caller: Caller,
  tournamentId: string,
): Promise<CertificateData[]> {
  requireManage(caller);
  const t = await findTournament(platform.db, tournamentId);
  const events = await loadEvents(platform, tournamentId);
  const won = medallists(events);
  if (won.length === 0)
    throw fail.conflict('NO_MEDALLISTS', {
      vi: 'Giải chưa có vận động viên đạt giải: chưa in được giấy chứng nhận.',
      en: 'Nobody has won a medal yet: there are no certificates to print.',
    });
  const signer = await signerOf(platform, 'standing_committee', 'Phó Bí thư', t.ends_on);
  const signed = {
    issuer: { superior: bloc.superior, body: bloc.body },
    awardedBy: 'Ban Thường vụ Đảng ủy khối Doanh nghiệp tỉnh Thái Bình',
    title: 'Giấy chứng nhận',
    place,
    date: t.ends_on,
    signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: signer },
  };
  // The units placed first to third in the medal table (toàn đoàn), as the results announce.
  const units = medalRows(events)
    .filter((r) => r.place <= 3)
    .map(
      (r): CertificateData => ({
        ...signed,
        honouree: { name: r.name },
        reason: `Đạt giải ${medalWords[(['gold', 'silver', 'bronze'] as const)[r.place - 1]]} toàn đoàn (${r.gold} giải Nhất, ${r.silver} giải Nhì, ${r.bronze} giải Ba) tại ${t.name}, ${occasion}.`,
      }),
    );
  const players = won.flatMap((w) =>
    w.entry.players.map(
      (p): CertificateData => ({
        issuer: { superior: bloc.superior, body: bloc.body },
        awardedBy: 'Ban Thường vụ Đảng ủy khối Doanh nghiệp tỉnh Thái Bình',
        title: 'Giấy chứng nhận',
        honouree: { name: `Vận động viên ${p.name}`, detail: w.entry.unit.name },
        reason: `Đạt giải ${medalWords[w.medal]} nội dung ${w.ev.row.name}${
          w.entry.players.length > 1
            ? ` (cùng vận động viên ${w.entry.players
                .filter((q) => q.id !== p.id)
                .map((q) => q.name)
                .join(', ')})`
            : ''
        } tại ${t.name}, ${occasion}.`,
        place,
        date: t.ends_on,
        signature: { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: signer },
      }),
    ),
  );
  return [...players, ...units];
}

export async function certificatesPdf(platform: Platform, caller: Caller, tournamentId: string): Promise<Buffer> {
  return (await builders()).toCertificatesPdf(await certificateList(platform, caller, tournamentId));
}

/** The medal table by unit (toàn đoàn) with the medallists of every event beside it. */
export async function medalTablePdf(platform: Platform, tournamentId: string): Promise<Buffer> {
  const t = await findTournament(platform.db, tournamentId);
  const events = await loadEvents(platform, tournamentId);
  const rows = medalRows(events);
  const won = medallists(events);
  const body = `${topLines(t)}<h1>BẢNG XẾP HẠNG TOÀN ĐOÀN</h1><div class="sub">Tính đến ngày ${formatDmy(t.ends_on)}</div>
${htmlTable(
  [
    { title: 'Hạng', cls: 'c', width: 7 },
    { title: 'Đơn vị', width: 53 },
    { title: 'Nhất', cls: 'c', width: 10 },
    { title: 'Nhì', cls: 'c', width: 10 },
    { title: 'Ba', cls: 'c', width: 10 },
    { title: 'Tổng', cls: 'c', width: 10 },
  ],
  rows.length
    ? [
        ...rows.map((r) => [
          String(r.place),
          e(r.name),
          String(r.gold),
          String(r.silver),
          String(r.bronze),
          String(r.gold + r.silver + r.bronze),
        ]),
        [
          '',
          '<b>Cộng</b>',
          ...(['gold', 'silver', 'bronze'] as const).map((k) => `<b>${rows.reduce((n, r) => n + r[k], 0)}</b>`),
          `<b>${rows.reduce((n, r) => n + r.gold + r.silver + r.bronze, 0)}</b>`,
        ],
      ]
    : [['', 'Chưa có đơn vị đạt giải', '', '', '', '']],
)}
<div class="note">Xếp theo số giải Nhất, rồi giải Nhì, rồi giải Ba; bằng nhau cả ba loại giải thì đồng hạng. Mỗi cặp đôi tính một giải cho đơn vị.</div>
<h2>Vận động viên đạt giải</h2>
${htmlTable(
  [
    { title: 'Nội dung', width: 15 },
    { title: 'Giải', cls: 'c', width: 7 },
    { title: 'Vận động viên', width: 38 },
    { title: 'Đơn vị', width: 40 },
  ],
  won.map((w) => [e(w.ev.row.name), medalWords[w.medal], e(names(w.entry)), e(shortUnit(w.entry.unit))]),
)}`;
  return (await builders()).htmlToPdf(
    printPage('Bảng xếp hạng toàn đoàn', [body], {
      css: 'table.grid { font-size: 10.5pt; } table.grid td { padding: 0.5mm 1.2mm; }',
    }),
  );
}

export async function medalTableXlsx(platform: Platform, tournamentId: string): Promise<Buffer> {
  const events = await loadEvents(platform, tournamentId);
  const rows = medalRows(events);
  return (await builders()).toXlsx([
    {
      name: 'Toàn đoàn',
      columns: [
        { header: 'Hạng', key: 'place', type: 'integer' },
        { header: 'Đơn vị', key: 'name' },
        { header: 'Nhất', key: 'gold', type: 'integer' },
        { header: 'Nhì', key: 'silver', type: 'integer' },
        { header: 'Ba', key: 'bronze', type: 'integer' },
        { header: 'Tổng', key: 'total', type: 'integer' },
      ],
      rows: rows.map((r) => ({ ...r, total: r.gold + r.silver + r.bronze })),
    },
    {
      name: 'Vận động viên đạt giải',
      columns: [
        { header: 'Nội dung', key: 'event' },
        { header: 'Giải', key: 'medal' },
        { header: 'Vận động viên', key: 'names' },
        { header: 'Đơn vị', key: 'unit' },
      ],
      rows: medallists(events).map((w) => ({
        event: w.ev.row.name,
        medal: medalWords[w.medal],
        names: names(w.entry),
        unit: w.entry.unit.name,
      })),
    },
  ]);
}
