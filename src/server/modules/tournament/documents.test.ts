import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous, type Client, signIn } from '../../../../test/support/client.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { formatDmy, vietnamDay } from '../../../common/dates.ts';
import { closeDocumentBrowser } from '../../documents/browser.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { plansDemo } from '../plans/demo.ts';
import { TOURNAMENT_DEMO_CODE, tournamentDemo } from './demo.ts';
import type { DrawOut, TournamentOut } from './schema.ts';

/**
 * The tournament's papers from the demo tournament, on both databases, read back as a person
 * would: the .docx in LibreOffice, the .xlsx in exceljs, the PDFs with poppler (page counts and
 * text); who may download what. Files are kept under test-results/tournament to be looked at.
 */
const out = path.resolve('test-results/tournament');
const keep = (name: string, data: Buffer) => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), data);
  return data;
};

describeEachDatabase('tournament documents', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  afterAll(closeDocumentBrowser);
  let board: Client;
  let officer: Client;
  let umpire: Client;
  let t: TournamentOut;
  const draws = new Map<string, DrawOut>();
  type Standings = { medals: { gold: string | null; silver: string | null; bronze: string[] } };
  const standings = new Map<string, Standings>();

  const bytes = async (res: Response, status = 200, type?: string): Promise<Buffer> => {
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status, body.toString('utf8').slice(0, 400)).toBe(status);
    if (type) expect(res.headers.get('content-type')).toBe(type);
    return body;
  };
  const json = async <T>(res: Response): Promise<T> => {
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const event = (code: string) => t.events.find((e) => e.code === code)!;
  const nameOf = (label: string) => label.replace(/ \([^)]*\)$/, '');

  beforeAll(async () => {
    const { platform, app } = env();
    await organisationDemo.load(platform);
    await plansDemo.load(platform);
    await tournamentDemo.load(platform);
    const unit = async (code: string) =>
      (await platform.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const as = async (role: 'office_staff' | 'unit_officer' | 'umpire', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: await unit(code) }] });
      return signIn(app, u.username, u.password);
    };
    board = await as('office_staff', 'VP');
    officer = await as('unit_officer', 'CS02');
    umpire = await as('umpire', 'CCB');
    const list = await json<{ items: { id: string; code: string }[] }>(await board.get('/api/tournaments'));
    const id = list.items.find((x) => x.code === TOURNAMENT_DEMO_CODE)!.id;
    t = await json<TournamentOut>(await board.get(`/api/tournaments/${id}`));
    for (const e of t.events) {
      draws.set(e.code, await json<DrawOut>(await board.get(`/api/tournaments/${id}/events/${e.id}/draw`)));
      standings.set(e.code, await json<Standings>(await board.get(`/api/tournaments/${id}/events/${e.id}/standings`)));
    }
  }, 240_000);

  it('prints a knockout draw sheet: the lines with seeds, units and byes, the winners up to the champion', async () => {
    const ms = event('MS');
    const draw = draws.get('MS')!;
    const pdf = keep(
      `draw-MS-${kind}.pdf`,
      await bytes(await officer.get(`/api/tournaments/${t.id}/events/${ms.id}/draw.pdf`), 200, 'application/pdf'),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfInfo(pdf)).pages).toBe(1);
    const text = await pdfText(pdf);
    expect(text).toContain('SƠ ĐỒ THI ĐẤU: ĐƠN NAM');
    const champion = nameOf(standings.get('MS')!.medals.gold!);
    expect(text).toContain(champion);
    for (const p of draw.positions.filter((x) => x.label)) expect(text).toContain(nameOf(p.label!));
    expect(text.includes('Miễn đấu')).toBe(draw.positions.some((p) => p.entryId === null));
    expect(text).toMatch(/\[1\]/);

    const xlsx = keep(
      `draw-MS-${kind}.xlsx`,
      await bytes(await officer.get(`/api/tournaments/${t.id}/events/${ms.id}/draw.xlsx`)),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sơ đồ', 'Trận đấu']);
    const lines = book.getWorksheet('Sơ đồ')!;
    expect(lines.rowCount).toBe(draw.size! + 1);
    expect(lines.getRow(1).values).toEqual([undefined, 'Dòng', 'Hạt giống', 'Vận động viên', 'Đơn vị']);
    const first = draw.positions[0];
    expect(lines.getRow(2).getCell(1).value).toBe(1);
    expect(lines.getRow(2).getCell(3).value).toBe(nameOf(first.label!));
    const played = draw.matches.filter((m) => !m.walkThrough);
    expect(book.getWorksheet('Trận đấu')!.rowCount).toBe(played.length + 1);
    const final = played.find((m) => m.roundName.vi === 'Chung kết')!;
    const finalRow = book
      .getWorksheet('Trận đấu')!
      .getRows(2, played.length)!
      .find((r) => r.getCell(1).value === final.code)!;
    expect(finalRow.getCell(7).value).toBe(final.games.map(([a, b]) => `${a}-${b}`).join(', '));
    expect(finalRow.getCell(8).value).toBe(champion);
  });

  it('prints a group event’s draw sheet with its table ranked as the standings are', async () => {
    const ws = event('WS');
    const pdf = keep(
      `draw-WS-${kind}.pdf`,
      await bytes(await officer.get(`/api/tournaments/${t.id}/events/${ws.id}/draw.pdf`)),
    );
    const text = await pdfText(pdf);
    expect(text).toContain('Bảng 1');
    const xlsx = await bytes(await officer.get(`/api/tournaments/${t.id}/events/${ws.id}/draw.xlsx`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const group = book.getWorksheet('Bảng 1')!;
    const ranking = draws.get('WS')!.groups[0];
    expect(group.rowCount).toBe(ranking.length + 1);
    // The table's first is the gold medallist, the second the silver.
    const medals = standings.get('WS')!.medals;
    expect(group.getRow(2).getCell(2).value).toBe(nameOf(medals.gold!));
    expect(group.getRow(3).getCell(2).value).toBe(nameOf(medals.silver!));
    const won = group.getColumn(6).values.slice(2) as number[];
    expect(won).toEqual([...won].sort((a, b) => b - a));
    for (const name of [medals.gold, medals.silver]) expect(text).toContain(nameOf(name!));
  });

  it('prints the order of play by day and court, in .xlsx with real dates', async () => {
    const order = await json<{ items: { start: string; court: string; code: string; sides: (string | null)[] }[] }>(
      await officer.get(`/api/tournaments/${t.id}/order-of-play`),
    );
    const days = [...new Set(order.items.map((i) => vietnamDay(new Date(i.start))))].sort();
    expect(days).toEqual(['2019-08-15', '2019-08-16', '2019-08-17']);
    const pdf = keep(`order-${kind}.pdf`, await bytes(await officer.get(`/api/tournaments/${t.id}/order-of-play.pdf`)));
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(days.length);
    expect(info.widthPt).toBeGreaterThan(info.heightPt); // landscape
    const text = await pdfText(pdf);
    for (const d of days) expect(text).toContain(formatDmy(d));
    expect(text).toContain('LỊCH THI ĐẤU');
    const xlsx = keep(
      `order-${kind}.xlsx`,
      await bytes(await officer.get(`/api/tournaments/${t.id}/order-of-play.xlsx`)),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(days.map((d) => `Ngày ${formatDmy(d).replaceAll('/', '-')}`));
    const rows = book.worksheets.reduce((n, w) => n + w.rowCount - 1, 0);
    // A line per match, and under each tie a line per rubber.
    const rubbers = draws.get('TEAM')!.matches.filter((m) => m.tie && !m.walkThrough).length * 5;
    expect(rows).toBe(order.items.length + rubbers);
    const firstDay = book.worksheets[0].getRow(2);
    expect(firstDay.getCell(1).value).toEqual(new Date('2019-08-15T00:00:00Z'));
    expect(firstDay.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(firstDay.getCell(2).value).toMatch(/^\d\d:\d\d$/);
  });

  it('prints score sheets: a page per match of a chosen day, one match, or a blank sheet; for umpires and organisers only', async () => {
    const order = await json<{ items: { matchId: string; start: string; code: string }[] }>(
      await board.get(`/api/tournaments/${t.id}/order-of-play`),
    );
    const lastDay = order.items.filter((i) => vietnamDay(new Date(i.start)) === '2019-08-17');
    const pdf = keep(
      `score-sheets-${kind}.pdf`,
      await bytes(await umpire.get(`/api/tournaments/${t.id}/score-sheets.pdf?day=2019-08-17`)),
    );
    // A page per match; a tie's own sheet, then a page per rubber played (the rest are not).
    const ties = draws.get('TEAM')!.matches.filter((m) => lastDay.some((i) => i.matchId === m.id));
    const rubberPages = ties.reduce((n, m) => n + m.tie!.rubbers.filter((r) => r.status !== 'not_needed').length, 0);
    expect((await pdfInfo(pdf)).pages).toBe(lastDay.length + rubberPages);
    // The day opens with the team final's own sheet (the tie is first on court), then the score sheets.
    expect(ties).toHaveLength(1);
    expect(await pdfText(pdf, { first: 1, last: 1 })).toContain('BIÊN BẢN LƯỢT TRẬN ĐỒNG ĐỘI');
    const one = await pdfText(pdf, { first: 2, last: 2 });
    expect(one).toContain('PHIẾU GHI ĐIỂM');
    expect(one).toContain('17/08/2019');
    expect(one).toContain('TRỌNG TÀI');
    const final = draws.get('MS')!.matches.find((m) => m.roundName.vi === 'Chung kết')!;
    const single = await pdfText(
      await bytes(await board.get(`/api/tournaments/${t.id}/score-sheets.pdf?matchId=${final.id}`)),
    );
    expect(single).toContain('Chung kết');
    for (const s of final.sides) expect(single).toContain(nameOf(s.label!));
    const blank = keep(
      `score-sheet-blank-${kind}.pdf`,
      await bytes(await umpire.get(`/api/tournaments/${t.id}/score-sheets.pdf`)),
    );
    expect((await pdfInfo(blank)).pages).toBe(1);
    expect(await pdfText(blank)).toContain('Ván 3');
    await bytes(await umpire.get(`/api/tournaments/${t.id}/score-sheets.pdf?day=2019-09-01`), 404);
    await bytes(await officer.get(`/api/tournaments/${t.id}/score-sheets.pdf`), 403);
  });

  it('prints the results and prize list as a Thông báo in the Party format (.docx opens in LibreOffice, and .pdf)', async () => {
    const docx = keep(`results-${kind}.docx`, await bytes(await officer.get(`/api/tournaments/${t.id}/results.docx`)));
    const zip = await JSZip.loadAsync(docx);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('THÔNG BÁO');
    const fromWord = await pdfText(keep(`results-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx)));
    const pdf = await pdfText(
      keep(`results-${kind}.pdf`, await bytes(await officer.get(`/api/tournaments/${t.id}/results.pdf`))),
    );
    for (const text of [fromWord, pdf]) {
      expect(text).toContain('ĐẢNG ỦY KHỐI DOANH NGHIỆP');
      expect(text).toMatch(/Số\s+-TB\/ĐUK/);
      expect(text).toContain('Thái Bình, ngày 17 tháng 8 năm 2019');
      expect(text).toContain('XẾP HẠNG TOÀN ĐOÀN');
      expect(text).toContain('Nơi nhận');
      for (const e of t.events) {
        expect(text).toContain(`Nội dung ${e.name}`);
        expect(text).toContain(nameOf(standings.get(e.code)!.medals.gold!));
      }
    }
  }, 180_000);

  it('prints a team event tie by tie, each rubber under its tie: draw sheet, order of play, results notice, score sheets', async () => {
    const team = draws.get('TEAM')!;
    const ties = team.matches.filter((m) => m.tie && !m.walkThrough);
    expect(ties).toHaveLength(3);
    const final = ties.find((m) => m.roundName.vi === 'Chung kết')!;
    const played = final.tie!.rubbers.filter((r) => r.status === 'finished');
    const notPlayed = ties.flatMap((m) => m.tie!.rubbers).filter((r) => r.status === 'not_needed');
    const names = (r: (typeof played)[number], side: 0 | 1) => r.players[side].map((p) => p.name).join(' / ');
    // The draw sheet: the ties, then under each its rubbers with the players and the games.
    const sheet = await pdfText(
      keep(
        `draw-TEAM-${kind}.pdf`,
        await bytes(await board.get(`/api/tournaments/${t.id}/events/${event('TEAM').id}/draw.pdf`)),
      ),
    );
    const flat = (x: string) => x.replace(/\s+/g, ' ');
    expect(flat(sheet)).toContain(`${final.code}.1`);
    for (const r of played) {
      expect(flat(sheet)).toContain(names(r, 0));
      expect(flat(sheet)).toContain(r.games.map(([a, b]) => `${a}-${b}`).join(', '));
    }
    if (notPlayed.length > 0) expect(sheet).toContain('không thi đấu');
    // The order of play's .xlsx: a row per rubber under its tie.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await bytes(await board.get(`/api/tournaments/${t.id}/order-of-play.xlsx`))) as unknown as ExcelJS.Buffer,
    );
    const lastDay = book.worksheets.at(-1)!;
    const codes = lastDay.getColumn(6).values.map(String);
    for (const r of final.tie!.rubbers) expect(codes).toContain(`${final.code}.${r.number}`);
    const rubberRow = lastDay
      .getRows(2, lastDay.rowCount - 1)!
      .find((row) => row.getCell(6).value === `${final.code}.1`)!;
    expect(rubberRow.getCell(5).value).toBe('Đơn nam 1');
    expect(rubberRow.getCell(7).value).toBe(names(final.tie!.rubbers[0], 0));
    // The results notice (.docx read in LibreOffice): the team event's ties, each with its rubbers.
    const docx = await bytes(await board.get(`/api/tournaments/${t.id}/results.docx`));
    const word = flat(await pdfText(keep(`results-team-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx))));
    expect(word).toContain('Kết quả các lượt trận');
    expect(word).toContain(`Trận ${final.code} (Chung kết)`);
    expect(word).toContain('Đơn nam 2');
    for (const r of played) expect(word).toContain(names(r, 1));
    // The score sheets of the final: the tie's own sheet, then one per rubber with its players.
    const sheets = keep(
      `score-sheets-TEAM-${kind}.pdf`,
      await bytes(await umpire.get(`/api/tournaments/${t.id}/score-sheets.pdf?matchId=${final.id}`)),
    );
    expect((await pdfInfo(sheets)).pages).toBe(1 + played.length);
    const cover = flat(await pdfText(sheets, { first: 1, last: 1 }));
    expect(cover).toContain('BIÊN BẢN LƯỢT TRẬN ĐỒNG ĐỘI');
    expect(cover).toContain('ĐỘI TRƯỞNG A');
    const second = flat(await pdfText(sheets, { first: 2, last: 2 }));
    expect(second).toContain('PHIẾU GHI ĐIỂM');
    expect(second).toContain('Đồng đội – Đơn nam 1');
    expect(second).toContain(names(final.tie!.rubbers[0], 0));
  }, 180_000);

  it('gives the results notice its number from the office register once, for the organisers, once every event is decided', async () => {
    const { platform } = env();
    type Issued = { issued: { symbol: string; number: number; issuedOn: string } | null };
    type Failure = { error: { code: string; messages: { vi: string; en: string } } };
    const base = `/api/tournaments/${t.id}/results-notice`;
    expect((await json<Issued>(await officer.get(base))).issued).toBeNull();
    // Policy: a follower or an umpire may read the number, not take it.
    await bytes(await officer.post(`${base}/issue`, {}), 403);
    await bytes(await umpire.post(`${base}/issue`, {}), 403);
    // An event without its winner (the final's result taken away for the while): refused, nothing registered.
    const ko = t.events.find((e) => e.format === 'knockout')!;
    const final = await platform.db
      .selectFrom('tournament_matches')
      .select(['id', 'winner_side'])
      .where('event_id', '=', ko.id)
      .where('stage', '=', 'knockout')
      .where('code', '!=', 'R3P')
      .orderBy('round', 'desc')
      .executeTakeFirstOrThrow();
    await platform.db.updateTable('tournament_matches').set({ winner_side: null }).where('id', '=', final.id).execute();
    const early = await board.post(`${base}/issue`, {});
    expect(early.status).toBe(409);
    const refusal = (await early.json()) as Failure;
    expect(refusal.error.code).toBe('EVENTS_UNDECIDED');
    expect(refusal.error.messages.vi).toContain(ko.name);
    await platform.db
      .updateTable('tournament_matches')
      .set({ winner_side: final.winner_side })
      .where('id', '=', final.id)
      .execute();
    const registered = () =>
      platform.db.selectFrom('office_outgoing').selectAll().where('source_type', '=', 'tournament.results').execute();
    expect(await registered()).toHaveLength(0);
    // The register set up (the Bloc's symbol, the term the tournament's last day falls in), then the number: the next TB of the term.
    const setUp = {
      superiorBody: 'ĐẢNG BỘ TỈNH THÁI BÌNH',
      issuingBody: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      symbolSuffix: 'ĐUK',
      place: 'Thái Bình',
    };
    expect((await board.put('/api/office/settings', setUp)).status).toBe(200);
    const term = { name: 'Nhiệm kỳ 2015–2020', startsOn: '2015-10-01', endsOn: '2020-10-31' };
    expect((await board.post('/api/office/terms', term)).status).toBe(201);
    const first = await json<Issued>(await board.post(`${base}/issue`, {}));
    expect(first.issued?.symbol).toMatch(/^01-TB\/ĐUK$/);
    expect(first.issued?.issuedOn).toBe('2019-08-17');
    const rows = await registered();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source_id: t.id, doc_type: 'TB', symbol: first.issued!.symbol });
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', t.id)
      .where('action', '=', 'tournament.results_notice_issue')
      .execute();
    expect(audit).toHaveLength(1);
    // Once only: a second issue is refused, naming the number; the register keeps one row.
    const again = await board.post(`${base}/issue`, {});
    expect(again.status).toBe(409);
    const failure = (await again.json()) as Failure;
    expect(failure.error.code).toBe('NOTICE_ISSUED');
    expect(failure.error.messages.vi).toContain(first.issued!.symbol);
    expect(failure.error.messages.en).toContain(first.issued!.symbol);
    expect(await registered()).toHaveLength(1);
    expect((await json<Issued>(await officer.get(base))).issued).toEqual(first.issued);
    // The notice prints the register's number, in Word (through LibreOffice) and PDF.
    const docx = keep(
      `results-numbered-${kind}.docx`,
      await bytes(await officer.get(`/api/tournaments/${t.id}/results.docx`)),
    );
    const fromWord = await pdfText(keep(`results-numbered-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx)));
    const pdf = await pdfText(await bytes(await officer.get(`/api/tournaments/${t.id}/results.pdf`)));
    for (const text of [fromWord, pdf]) expect(text.replace(/\s+/g, ' ')).toContain(`Số ${first.issued!.symbol}`);
  }, 180_000);

  it('prints a certificate for each medallist player, for the organisers only', async () => {
    const singles = [...standings.values()].reduce(
      (n, s) =>
        n +
        [s.medals.gold, s.medals.silver, ...s.medals.bronze]
          .filter((x): x is string => !!x)
          .reduce((k, label) => k + nameOf(label).split(' / ').length, 0),
      0,
    );
    // A team's medal: a certificate for each player of its roster (five), not one for the team.
    const team = standings.get('TEAM')!.medals;
    const players = singles - [team.gold, team.silver, ...team.bronze].filter(Boolean).length * (1 - 5);
    await bytes(await officer.get(`/api/tournaments/${t.id}/certificates.pdf`), 403);
    await bytes(await umpire.get(`/api/tournaments/${t.id}/certificates.pdf`), 403);
    const pdf = keep(
      `certificates-${kind}.pdf`,
      await bytes(await board.get(`/api/tournaments/${t.id}/certificates.pdf`)),
    );
    // …and one for each unit placed first to third in the medal table.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await bytes(await board.get(`/api/tournaments/${t.id}/medals.xlsx`))) as unknown as ExcelJS.Buffer,
    );
    const table = book.getWorksheet('Toàn đoàn')!;
    const podium = table.getRows(2, table.rowCount - 1)!.filter((r) => Number(r.getCell(1).value) <= 3);
    expect(podium.length).toBeGreaterThanOrEqual(3);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(players + podium.length);
    const last = await pdfText(pdf, { first: info.pages, last: info.pages });
    expect(last).toContain(String(podium.at(-1)!.getCell(2).value));
    expect(last).toContain('toàn đoàn');
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    const first = await pdfText(pdf, { first: 1, last: 1 });
    expect(first).toContain('GIẤY CHỨNG NHẬN');
    expect(first).toContain(`Vận động viên ${nameOf(standings.get('MS')!.medals.gold!)}`);
    expect(first).toContain('Đạt giải Nhất nội dung Đơn nam');
    expect(first).not.toContain('Quyết định số');
  });

  it('prints the medal table by unit (toàn đoàn), its .xlsx summing to the medals of the events', async () => {
    const pdf = keep(`medals-${kind}.pdf`, await bytes(await officer.get(`/api/tournaments/${t.id}/medals.pdf`)));
    // The table by unit, then the medallists of six events: onto a second page.
    expect((await pdfInfo(pdf)).pages).toBe(2);
    expect(await pdfText(pdf)).toContain('BẢNG XẾP HẠNG TOÀN ĐOÀN');
    const xlsx = keep(`medals-${kind}.xlsx`, await bytes(await officer.get(`/api/tournaments/${t.id}/medals.xlsx`)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Toàn đoàn')!;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const sum = (col: number) => rows.reduce((n, r) => n + Number(r.getCell(col).value), 0);
    const all = [...standings.values()];
    expect(sum(3)).toBe(all.filter((s) => s.medals.gold).length);
    expect(sum(4)).toBe(all.filter((s) => s.medals.silver).length);
    expect(sum(5)).toBe(all.reduce((n, s) => n + s.medals.bronze.length, 0));
    const places = rows.map((r) => Number(r.getCell(1).value));
    expect(places[0]).toBe(1);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(book.getWorksheet('Vận động viên đạt giải')!.rowCount - 1).toBe(
      all.reduce((n, s) => n + (s.medals.gold ? 1 : 0) + (s.medals.silver ? 1 : 0) + s.medals.bronze.length, 0),
    );
  });

  it('counts participation by ownership group and compares it with the tournament before', async () => {
    type Counts = { entries: number; players: number };
    type Figures = Counts & {
      gender: { male: number; female: number; unknown: number };
      groupSets: { code: string; groups: (Counts & { code: string })[]; ungrouped: Counts }[];
    };
    const demo = await json<Figures & { previous: (Figures & { tournamentId: string }) | null }>(
      await officer.get(`/api/tournaments/${t.id}/participation`),
    );
    expect(demo.previous).toBeNull();
    const ownership = demo.groupSets.find((s) => s.code === 'ownership')!;
    // Every entering grassroots unit is in one ownership group, each player in one unit.
    expect(ownership.ungrouped).toEqual({ entries: 0, players: 0 });
    expect(ownership.groups.reduce((n, g) => n + g.players, 0)).toBe(demo.players);
    expect(ownership.groups.reduce((n, g) => n + g.entries, 0)).toBe(demo.entries);
    expect(ownership.groups.filter((g) => g.players > 0).length).toBeGreaterThanOrEqual(3);

    const next = await board.post('/api/tournaments', {
      code: `CL2020-${kind}`,
      name: 'Giải cầu lông công nhân viên chức lao động Khối năm 2020',
      venue: 'Nhà thi đấu thể dục thể thao tỉnh Thái Bình',
      startsOn: '2020-08-14',
      endsOn: '2020-08-15',
      entryDeadline: '2020-07-31',
      courts: [{ name: 'Sân 1', hours: [{ day: '2020-08-14', from: '07:30', to: '11:30' }] }],
    });
    expect(next.status).toBe(201);
    const after = await json<Figures & { previous: (Figures & { tournamentId: string }) | null }>(
      await officer.get(`/api/tournaments/${((await next.json()) as { id: string }).id}/participation`),
    );
    expect([after.entries, after.players]).toEqual([0, 0]);
    expect(after.previous!.tournamentId).toBe(t.id);
    expect(after.previous!.players).toBe(demo.players);
    expect(after.previous!.gender).toEqual(demo.gender);
    expect(after.previous!.groupSets).toEqual(demo.groupSets);
  });

  it('answers a stranger with 401 and an event not drawn with 404', async () => {
    const { app } = env();
    const stranger = anonymous(app);
    await bytes(await stranger.get(`/api/tournaments/${t.id}/results.pdf`), 401);
    await bytes(await stranger.get(`/api/tournaments/${t.id}/medals.xlsx`), 401);
    const created = await board.post(`/api/tournaments/${t.id}/events`, {
      code: 'WD',
      name: 'Đôi nữ',
      kind: 'WD',
      format: 'knockout',
    });
    const wd = (await created.json()) as { id: string };
    expect(created.status).toBe(201);
    await bytes(await officer.get(`/api/tournaments/${t.id}/events/${wd.id}/draw.pdf`), 404);
  });
});
