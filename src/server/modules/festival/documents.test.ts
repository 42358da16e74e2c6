import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn } from '../../../../test/support/client.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { closeDocumentBrowser } from '../../documents/browser.ts';
import { DEMO_PASSWORD } from '../organisation/demoData.ts';
import { FESTIVAL_DEMO_CODE } from './demo.ts';
import type { FestivalOut, ResultsOut, RoundOut, SheetOut } from './schema.ts';

/**
 * The festival's papers from the demo festival's certified exchange night, on both databases, read
 * back as a person would (the .docx through LibreOffice, the PDFs with poppler), and who may have
 * which paper when: marks only after the round closes and only for the head judge and the
 * organisers, the decision only once certified. Files are kept under test-results/festival.
 */
const out = path.resolve('test-results/festival');
const keep = (name: string, data: Buffer) => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), data);
  return data;
};
/** How the papers print a mark: a decimal comma, at most two decimals. */
const printed = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
const flat = (s: string) => s.replace(/\s+/g, ' ');

describeEachDatabase('festival documents', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    {
      demo: ['organisation', 'plans', 'festival'],
    },
  );
  afterAll(closeDocumentBrowser);
  let head: Client;
  let board: Client;
  let follower: Client;
  let roundId: string;
  let round: RoundOut;
  let results: ResultsOut;
  let sheets: SheetOut[];

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
  const url = (file: string) => `/api/festival-rounds/${roundId}/${file}`;

  beforeAll(async () => {
    const { platform, app } = env();
    const unit = async (code: string) =>
      (await platform.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const as = async (role: 'office_staff' | 'unit_officer', code: string) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: await unit(code) }] });
      return signIn(app, u.username, u.password);
    };
    head = await signIn(app, 'demo.giamkhao', DEMO_PASSWORD);
    board = await as('office_staff', 'VP');
    follower = await as('unit_officer', 'CS02');
    const list = await json<{ items: FestivalOut[] }>(await board.get('/api/festivals'));
    roundId = list.items.find((x) => x.code === FESTIVAL_DEMO_CODE)!.rounds[0].id;
    round = await json<RoundOut>(await head.get(`/api/festival-rounds/${roundId}`));
    results = await json<ResultsOut>(await board.get(url('results')));
    sheets = (await json<{ items: SheetOut[] }>(await head.get(url('sheets')))).items;
  }, 120_000);

  it('prints blank score sheets: an unnamed one, then one per judge with the acts in running order', async () => {
    const pdf = keep(
      `score-sheets-blank-${kind}.pdf`,
      await bytes(await head.get(url('score-sheets.pdf')), 200, 'application/pdf'),
    );
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(1 + round.judges.length);
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    const text = flat(await pdfText(pdf));
    expect(text).toContain('PHIẾU CHẤM ĐIỂM');
    for (const j of round.judges) expect(text).toContain(j.name);
    for (const s of round.order) expect(text).toContain(s.song);
    // The recused guest's page says so instead of leaving cells to fill.
    expect(text).toContain('Không chấm (');
    // Blank: no mark of any sheet is on it.
    const first = flat(await pdfText(pdf, { first: 2, last: 2 }));
    expect(first).not.toMatch(/\d+,\d/);
  }, 120_000);

  it('prints a judge’s filled sheet with every locked mark and the total on 100', async () => {
    const judge = round.judges.find((j) => !j.head)!;
    const pdf = keep(
      `score-sheet-filled-${kind}.pdf`,
      await bytes(await board.get(url(`score-sheets.pdf?judgeId=${judge.id}&filled=true`)), 200, 'application/pdf'),
    );
    expect((await pdfInfo(pdf)).pages).toBe(1);
    const text = flat(await pdfText(pdf));
    expect(text).toContain(judge.name);
    const own = sheets.filter((s) => s.judgeId === judge.id);
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) {
      const mark = round.criteria.reduce((sum, c) => sum + (s.scores[c.code] / c.max) * c.weight, 0);
      expect(text).toContain(printed(mark));
    }
  }, 120_000);

  it('writes the judges’ minutes (.docx, read in LibreOffice, and PDF) with every judge’s marks and the ranking', async () => {
    const docx = keep(
      `minutes-${kind}.docx`,
      await bytes(
        await head.get(url('minutes.docx')),
        200,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    );
    const fromDocx = keep(`minutes-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx));
    const pdf = keep(`minutes-${kind}.pdf`, await bytes(await board.get(url('minutes.pdf')), 200, 'application/pdf'));
    for (const file of [fromDocx, pdf]) {
      const text = flat(await pdfText(file));
      expect(text).toContain('BIÊN BẢN');
      expect(text).toContain('Số -BB/BTC');
      for (const j of round.judges) expect(text).toContain(j.name);
      for (const c of round.criteria) expect(text).toContain(c.name);
      expect(text).toContain('Không chấm');
      expect(text).toContain('TRƯỞNG BAN GIÁM KHẢO');
      // Every locked sheet's mark on 100 is in the minutes.
      for (const s of sheets) {
        const mark = round.criteria.reduce((sum, c) => sum + (s.scores[c.code] / c.max) * c.weight, 0);
        expect(text).toContain(printed(mark));
      }
      for (const x of results.ranking) if (x.score !== null) expect(text).toContain(printed(x.score));
    }
  }, 180_000);

  it('writes the prize decision in the Party format once certified, for everyone who follows the festival', async () => {
    const docx = keep(`decision-${kind}.docx`, await bytes(await follower.get(url('decision.docx')), 200));
    const fromDocx = keep(`decision-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx));
    const pdf = keep(
      `decision-${kind}.pdf`,
      await bytes(await follower.get(url('decision.pdf')), 200, 'application/pdf'),
    );
    for (const file of [fromDocx, pdf]) {
      const text = flat(await pdfText(file));
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('QUYẾT ĐỊNH');
      expect(text).toContain('Số -QĐ/BTC');
      expect(text).toContain('Điều 1.');
      expect(text).toContain('Điều 3.');
      for (const x of results.ranking) expect(text).toContain(x.song);
      expect(text).toContain('Giải A');
      expect(text).toContain('Giải Khuyến khích');
      // signed for the organising committee by the head of the organiser (the Youth Union) in the registry
      expect(text).toContain('T/M BAN TỔ CHỨC');
      expect(text).toContain('Ngô Thị Phương Thảo');
    }
  }, 180_000);

  it('gives the decision its number from the office register once, for the organisers, after certification', async () => {
    const { platform } = env();
    type Issued = { issued: { symbol: string; number: number; issuedOn: string } | null };
    type Failure = { error: { code: string; messages: { vi: string; en: string } } };
    // Before issue: no number, and the decision's number line is blank.
    expect((await json<Issued>(await follower.get(url('decision')))).issued).toBeNull();
    const blank = flat(
      await pdfText(await docxToPdfWithLibreOffice(await bytes(await board.get(url('decision.docx'))))),
    );
    expect(blank).toContain('Số -QĐ/BTC');
    // Policy: a follower may read the number, not take it.
    await bytes(await follower.post(url('decision/issue'), {}), 403);
    await bytes(await head.post(url('decision/issue'), {}), 403);
    // Not certified yet: refused, nothing registered.
    await platform.db.updateTable('festival_rounds').set({ status: 'closed' }).where('id', '=', roundId).execute();
    const early = await board.post(url('decision/issue'), {});
    expect(early.status).toBe(409);
    expect(((await early.json()) as Failure).error.code).toBe('RESULTS_SECRET');
    await platform.db.updateTable('festival_rounds').set({ status: 'certified' }).where('id', '=', roundId).execute();
    const registered = () =>
      platform.db.selectFrom('office_outgoing').selectAll().where('source_type', '=', 'festival.decision').execute();
    expect(await registered()).toHaveLength(0);
    // The register set up (the Bloc's symbol, the term the round's day falls in), then the number: the next QĐ of the term.
    const setUp = {
      superiorBody: 'ĐẢNG BỘ TỈNH THÁI BÌNH',
      issuingBody: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
      symbolSuffix: 'ĐUK',
      place: 'Thái Bình',
    };
    expect((await board.put('/api/office/settings', setUp)).status).toBe(200);
    const term = { name: 'Nhiệm kỳ 2015–2020', startsOn: '2015-10-01', endsOn: '2020-10-31' };
    expect((await board.post('/api/office/terms', term)).status).toBe(201);
    const first = await json<Issued>(await board.post(url('decision/issue'), {}));
    expect(first.issued?.symbol).toMatch(/^01-QĐ\//);
    expect(first.issued?.issuedOn).toBe(round.heldOn);
    const rows = await registered();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source_id: roundId,
      doc_type: 'QĐ',
      symbol: first.issued!.symbol,
      signer_name: 'Ngô Thị Phương Thảo',
      signer_position: 'Trưởng Ban Tổ chức liên hoan',
    });
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', roundId)
      .where('action', '=', 'festival_round.decision_issue')
      .execute();
    expect(audit).toHaveLength(1);
    // Once only: a second issue is refused, naming the number; the register keeps one row.
    const again = await board.post(url('decision/issue'), {});
    expect(again.status).toBe(409);
    const failure = (await again.json()) as Failure;
    expect(failure.error.code).toBe('DECISION_ISSUED');
    expect(failure.error.messages.vi).toContain(first.issued!.symbol);
    expect(failure.error.messages.en).toContain(first.issued!.symbol);
    expect(await registered()).toHaveLength(1);
    expect((await json<Issued>(await follower.get(url('decision')))).issued).toEqual(first.issued);
    // The decision prints the register's number and symbol, in Word (through LibreOffice) and PDF.
    const docx = keep(`decision-numbered-${kind}.docx`, await bytes(await follower.get(url('decision.docx'))));
    const fromDocx = keep(`decision-numbered-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx));
    const pdf = await bytes(await follower.get(url('decision.pdf')), 200, 'application/pdf');
    for (const file of [fromDocx, pdf]) expect(flat(await pdfText(file))).toContain(`Số ${first.issued!.symbol}`);
  }, 180_000);

  it('prints a certificate per prize for the organisers only', async () => {
    const prizes = results.ranking.flatMap((x) => x.prizes.map(() => x));
    expect(prizes.length).toBeGreaterThan(0);
    const pdf = keep(
      `certificates-${kind}.pdf`,
      await bytes(await board.get(url('certificates.pdf')), 200, 'application/pdf'),
    );
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(prizes.length);
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    const text = flat(await pdfText(pdf));
    for (const x of prizes) expect(text).toContain(x.song);
    await bytes(await follower.get(url('certificates.pdf')), 403);
    await bytes(await head.get(url('certificates.pdf')), 403);
  }, 120_000);

  it('keeps the marks secret from a follower, and shows filled sheets and minutes only once the round is closed', async () => {
    await bytes(await follower.get(url('score-sheets.pdf')), 403);
    await bytes(await follower.get(url('minutes.pdf')), 409);
    await bytes(await follower.get(url('score-sheets.pdf?filled=true')), 403);
    const { platform } = env();
    // The same round before certification: the minutes are there for the head judge, the decision not yet.
    await platform.db.updateTable('festival_rounds').set({ status: 'closed' }).where('id', '=', roundId).execute();
    await bytes(await head.get(url('minutes.pdf')), 200);
    // A change the head judge makes to a locked sheet before certifying: in the minutes with its
    // reason and both marks, and starred on the judge's filled sheet.
    const sheet = sheets.find((x) => !round.judges.find((j) => j.id === x.judgeId)?.head)!;
    const criterion = round.criteria[0];
    const after = { ...sheet.scores, [criterion.code]: sheet.scores[criterion.code] === 5 ? 6 : 5 };
    const reason = 'Nhập nhầm điểm giọng hát từ phiếu giấy';
    await json(await head.post(url(`locked-sheets/${sheet.id}/amendment`), { scores: after, reason }));
    const minutes = flat(
      await pdfText(keep(`minutes-changed-${kind}.pdf`, await bytes(await board.get(url('minutes.pdf')), 200))),
    );
    expect(minutes).toContain(reason);
    expect(minutes).toContain(
      `${criterion.name} từ ${printed(sheet.scores[criterion.code])} thành ${printed(after[criterion.code])}`,
    );
    expect(minutes).not.toContain('Không có phiếu chấm nào được điều chỉnh');
    const mark = round.criteria.reduce((sum, c) => sum + (after[c.code] / c.max) * c.weight, 0);
    expect(minutes).toContain(`thành ${printed(mark)}`);
    const filled = flat(
      await pdfText(await bytes(await head.get(url(`score-sheets.pdf?judgeId=${sheet.judgeId}&filled=true`)), 200)),
    );
    expect(filled).toContain(`${printed(mark)}*`);
    expect(filled).toContain('Phiếu đã được Trưởng ban giám khảo sửa');
    await bytes(await follower.get(url('decision.pdf')), 409);
    await bytes(await board.get(url('decision.docx')), 409);
    await bytes(await board.get(url('certificates.pdf')), 409);
    // Still open: no marks for anyone, even the head judge and the organisers; blank sheets still print.
    await platform.db.updateTable('festival_rounds').set({ status: 'open' }).where('id', '=', roundId).execute();
    for (const who of [head, board]) {
      await bytes(await who.get(url('minutes.docx')), 409);
      await bytes(await who.get(url('score-sheets.pdf?filled=true')), 409);
    }
    await bytes(await head.get(url('score-sheets.pdf')), 200);
  }, 180_000);
});
