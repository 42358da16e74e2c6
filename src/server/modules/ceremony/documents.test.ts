import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { castChoices, decryptAndPublish, makeChairKey } from '../../../../test/support/ballots.ts';
import { type Answer, anonymous, type Client, signIn } from '../../../../test/support/client.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { docxToPdfWithLibreOffice, pdfInfo, pdfText } from '../../../../test/support/documents.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { closeDocumentBrowser } from '../../documents/browser.ts';
import { HONOURS_DEMO_CODE } from '../honours/demo.ts';
import type { getCeremony, listGuests } from './ceremonies.ts';
import { CEREMONY_DEMO_CODE } from './demo.ts';

/**
 * The ceremony's papers from the seed's conference (held, with the festival's three acts), its
 * campaign decided through the Council's encrypted ballot, on both databases, read back as a
 * person would (.docx through LibreOffice, PDFs with poppler, .xlsx with exceljs); who may have
 * which paper (the programme, seating and report for followers; script and cue sheet for the crew;
 * invitations for the organisers); the invitation's number from the office register; the
 * rehearsal's calibration of the reading pace. Files are kept under test-results/ceremony.
 */
const out = path.resolve('test-results/ceremony');
const keep = (name: string, data: Buffer) => {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), data);
  return data;
};
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** The Trưởng Ban Tuyên giáo in the demo registry: the seed's plan gives the conference to her board. */
const headOfOrganisers = 'Phạm Thị Thu Hằng';
type Programme = Answer<typeof getCeremony>;

describeEachDatabase('ceremony documents', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'plans', 'honours', 'festival', 'office', 'ceremony'] },
  );
  afterAll(closeDocumentBrowser);
  let board: Client;
  let viewer: Client;
  let demo: Programme;

  const bytes = async (res: Response, status = 200, type?: string): Promise<Buffer> => {
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status, body.toString('utf8').slice(0, 400)).toBe(status);
    if (type) expect(res.headers.get('content-type')).toBe(type);
    return body;
  };
  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return JSON.parse(text);
  };
  const url = (file: string) => `/api/ceremonies/${demo.id}/${file}`;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-26T03:00:00Z'));
    const unit = async (code: string) =>
      (await platform.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const b = await buildUser(platform, {
      grants: [
        { role: 'propaganda_staff', unitId: await unit('BTG') },
        { role: 'office_staff', unitId: await unit('VP') },
      ],
    });
    board = await signIn(app, b.username, b.password);
    const v = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    viewer = await signIn(app, v.username, v.password);
    // the seed's campaign decided: every nomination approved by a Council of three, then confirmed
    const campaignId = (
      await platform.db
        .selectFrom('honour_campaigns')
        .select('id')
        .where('code', '=', HONOURS_DEMO_CODE)
        .executeTakeFirstOrThrow()
    ).id;
    const members: { id: string; client: Client }[] = [];
    for (let i = 0; i < 3; i++) {
      const u = await buildUser(platform, { grants: [{ role: 'council_member', unitId: await unit('HDTDKT') }] });
      members.push({ id: u.id, client: await signIn(app, u.username, u.password) });
    }
    const campaign = await json(await board.get(`/api/honours/campaigns/${campaignId}`));
    const session = await json(
      await board.post('/api/honours/sessions', {
        campaignId,
        title: 'Phiên họp xét chọn',
        heldOn: '2019-07-26',
        members: members.map((m, i) => ({ userId: m.id, role: i === 0 ? 'chair' : 'member' })),
        rules: {
          quorum: { numerator: 2, denominator: 3 },
          approval: { share: 0.5, strict: true, base: 'members' },
          method: 'approve',
        },
      }),
      201,
    );
    await json(
      await board.post(`/api/honours/sessions/${session.id}/attendance`, {
        attendance: members.map((m) => ({ userId: m.id, attendance: 'present' })),
      }),
    );
    const chairSecret = await makeChairKey(members[0].client, session.id);
    const nominations = await platform.db
      .selectFrom('honour_nominations')
      .select(['id', 'category_id'])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'eligible')
      .execute();
    for (const category of campaign.categories as { id: string }[]) {
      const mine = nominations.filter((n) => n.category_id === category.id);
      if (!mine.length) continue;
      const round = await json(
        await board.post(`/api/honours/sessions/${session.id}/rounds`, { categoryId: category.id }),
        201,
      );
      for (const m of members)
        await json(
          await castChoices(
            m.client,
            round.id,
            mine.map((n) => ({ nominationId: n.id, choice: 'approve' as const })),
          ),
        );
      await json(await board.post(`/api/honours/rounds/${round.id}/close`));
      await json(await decryptAndPublish(members[0].client, round.id, chairSecret));
    }
    await json(
      await board.post(`/api/honours/campaigns/${campaignId}/confirm`, {
        decisionNumber: '125-QĐ/ĐUK',
        decidedOn: '2019-08-05',
      }),
    );
    const list = await json(await board.get('/api/ceremonies'));
    const id = list.items.find((x: { code: string }) => x.code === CEREMONY_DEMO_CODE).id;
    demo = await json(await board.get(`/api/ceremonies/${id}`));
  }, 240_000);

  it('the MC’s script: every segment with its time and words, guests in protocol order, the batches, the acts', async () => {
    expect(demo.awards.batches.length).toBeGreaterThan(1);
    await bytes(await viewer.get(url('script.docx')), 403);
    await bytes(await anonymous(env().app).get(url('script.pdf')), 401);
    const docx = keep(`script-${kind}.docx`, await bytes(await board.get(url('script.docx')), 200));
    const text = flat(await pdfText(keep(`script-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx))));
    const pdf = keep(`script-${kind}.pdf`, await bytes(await board.get(url('script.pdf')), 200, 'application/pdf'));
    const printed = flat(await pdfText(pdf));
    for (const t of [text, printed]) {
      expect(t).toContain('CHƯƠNG TRÌNH');
      expect(t).toContain('chi tiết (kịch bản)');
      // the planned times (the show as it went is the report's): from 19:30, the leader at his hard start
      expect(t).toContain(`1. 19:30 - 19:35 (5 phút)`);
      expect(t).toMatch(/20:45 - 21:00 \(15 phút\), đúng 20:45/);
      for (const s of demo.segments) expect(t).toContain(s.title.slice(0, 30));
      // the MC's words, the introduction in protocol order (first introduced before the second)
      const intro = demo.introduction
        .split('\n')
        .slice(1, 3)
        .map((l) => l.replace(/^- Đồng chí /, '').split(',')[0]);
      expect(t.indexOf(intro[0])).toBeGreaterThan(0);
      expect(t.indexOf(intro[0])).toBeLessThan(t.indexOf(intro[1]));
      // every batch with its presenter, its honourees
      for (const b of demo.awards.batches) {
        expect(t).toContain(`Đợt ${b.number}.`);
        if (b.presenter) expect(t).toContain(b.presenter.name);
        expect(t).toContain(b.honourees[0].name.slice(0, 20));
      }
      // the festival's acts
      for (const s of demo.segments.filter((s) => s.act)) expect(t).toContain(s.act!.title);
      // signed for the organising committee by the head of its unit in the registry (the Ban Tuyên giáo)
      expect(t).toContain('T/M BAN TỔ CHỨC');
      expect(t).toContain(headOfOrganisers);
    }
    expect((await pdfInfo(pdf)).pages).toBeGreaterThan(2);
  }, 120_000);

  it('the programme for the guests: the followers may have it; times and performers, no MC words', async () => {
    const docx = keep(`programme-${kind}.docx`, await bytes(await viewer.get(url('programme.docx')), 200));
    const text = flat(await pdfText(keep(`programme-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx))));
    const pdf = keep(`programme-${kind}.pdf`, await bytes(await viewer.get(url('programme.pdf')), 200));
    for (const t of [text, flat(await pdfText(pdf))]) {
      expect(t).toContain(demo.name.slice(0, 40));
      expect(t).toContain('19 giờ 30, thứ Tư, ngày 04/09/2019');
      for (const s of ['19:30', '19:35', '20:45', '21:05']) expect(t).toContain(s);
      for (const s of demo.segments.filter((s) => s.act)) expect(t).toContain(s.act!.performers.slice(0, 20));
      expect(t).not.toContain(demo.segments[1].mcLines.slice(0, 30));
      expect(t).toContain('T/M BAN TỔ CHỨC');
      expect(t).toContain(headOfOrganisers);
    }
  }, 120_000);

  it('the cue sheet for sound, light and backstage, as .xlsx and PDF, for the crew only', async () => {
    await bytes(await viewer.get(url('cue-sheet.xlsx')), 403);
    const xlsx = keep(`cue-sheet-${kind}.xlsx`, await bytes(await board.get(url('cue-sheet.xlsx')), 200));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['TT', 'Thời gian', 'Phần', 'Hiệu lệnh', 'Nội dung', 'Người thực hiện']),
    );
    const cues = demo.segments.reduce((n, s) => n + s.cues.length, 0);
    expect(sheet.rowCount).toBe(1 + demo.segments.length + cues + demo.awards.batches.length);
    const soundRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === 'Âm thanh')!;
    expect(soundRow.getCell(6).value).toBe('Kỹ thuật âm thanh');
    const pdf = keep(`cue-sheet-${kind}.pdf`, await bytes(await board.get(url('cue-sheet.pdf')), 200));
    const info = await pdfInfo(pdf);
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    expect(flat(await pdfText(pdf))).toContain('BẢNG HIỆU LỆNH');
  }, 120_000);

  it('the seating plan by protocol order: the first in the centre of row A, deputies in place, decliners absent', async () => {
    const guests: Answer<typeof listGuests> = await json(await viewer.get(url('guests')));
    const coming = guests.items.filter((g) => g.reply === 'attending' || g.reply === 'deputy');
    const first = coming[0];
    const xlsx = keep(`seating-${kind}.xlsx`, await bytes(await viewer.get(url('seating.xlsx?perRow=5')), 200));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(1 + coming.length);
    expect([2, 3, 4].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([
      'A',
      3,
      first.reply === 'deputy' ? first.deputy!.name : first.name,
    ]);
    const declined = guests.items.find((g) => g.reply === 'declined');
    const pdf = keep(`seating-${kind}.pdf`, await bytes(await viewer.get(url('seating.pdf')), 200));
    const text = flat(await pdfText(pdf));
    expect(text).toContain('SÂN KHẤU');
    if (declined) expect(text).not.toContain(declined.name);
    await json(await viewer.get(url('seating.pdf?perRow=1')), 400);
  }, 120_000);

  it('invitations: a letter per guest, unnumbered until issued, then the office register’s GM number', async () => {
    const guests: Answer<typeof listGuests> = await json(await board.get(url('guests')));
    const g = guests.items[0];
    await bytes(await viewer.get(url(`guests/${g.id}/invitation.docx`)), 403);
    await bytes(await viewer.get(url('invitations.pdf')), 403);
    let text = flat(await pdfText(await bytes(await board.get(url(`guests/${g.id}/invitation.pdf`)), 200)));
    expect(text).toMatch(/Số\s+-GM\/ĐUK/);
    // before the number, signed for the Standing Committee by its Secretary as the registry knows him
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('Trần Hữu Nam');
    keep(`invitation-draft-${kind}.docx`, await bytes(await board.get(url(`guests/${g.id}/invitation.docx`))));
    // the issue form offers the same signer
    const before: Programme = await json(await board.get(`/api/ceremonies/${demo.id}`));
    expect(before.invitationSigner).toEqual({
      authority: 'T/M BAN THƯỜNG VỤ',
      position: 'Bí thư',
      name: 'Trần Hữu Nam',
    });
    const drafts = flat(await pdfText(await bytes(await board.get(url('invitations.pdf')), 200)));
    expect(drafts.split('Trần Hữu Nam').length - 1).toBe(guests.items.length);
    // bad input: changes nothing
    await json(await viewer.post(url('invitation'), { date: '2019-08-20', signer: { position: 'x', name: 'y' } }), 403);
    await json(
      await board.post(url('invitation'), { date: '2019-09-05', signer: { position: 'Phó Bí thư', name: 'A' } }),
      400,
    );
    await json(await board.post(url('invitation'), { date: '2019-08-20', signer: { position: '', name: 'A' } }), 400);
    const issued: Programme = await json(
      await board.post(url('invitation'), {
        date: '2019-08-20',
        signer: { position: 'Phó Bí thư Thường trực', name: 'Nguyễn Văn Ký' },
      }),
    );
    expect(issued.invitation).toMatchObject({ date: '2019-08-20', signer: { authority: 'T/M BAN THƯỜNG VỤ' } });
    expect(issued.invitation!.symbol).toMatch(/^\d{2}-GM\/ĐUK$/);
    expect(issued.invitationSigner).toEqual(issued.invitation!.signer);
    const outgoing = await env()
      .platform.db.selectFrom('office_outgoing')
      .select(['symbol', 'doc_type', 'source_type'])
      .where('source_id', '=', demo.id)
      .execute();
    expect(outgoing).toEqual([
      { symbol: issued.invitation!.symbol, doc_type: 'GM', source_type: 'ceremony.invitation' },
    ]);
    await json(
      await board.post(url('invitation'), { date: '2019-08-21', signer: { position: 'Bí thư', name: 'B' } }),
      409,
    );
    const docx = keep(`invitation-${kind}.docx`, await bytes(await board.get(url(`guests/${g.id}/invitation.docx`))));
    text = flat(await pdfText(keep(`invitation-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx))));
    expect(text).toContain(`Số ${issued.invitation!.symbol}`);
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain(`Đồng chí ${g.name}`);
    expect(text).toContain('Nguyễn Văn Ký');
    expect(text).toContain('ngày 20 tháng 8 năm 2019');
    const all = keep(`invitations-${kind}.pdf`, await bytes(await board.get(url('invitations.pdf')), 200));
    expect((await pdfInfo(all)).pages).toBe(guests.items.length);
    const allText = flat(await pdfText(all));
    for (const x of guests.items) expect(allText).toContain(`Đồng chí ${x.name}`);
    await bytes(await board.get(url(`guests/${demo.segments[0].id}/invitation.pdf`)), 404);
  }, 120_000);

  it('the post-show report: planned against actual, the awards presented, the guests who came; none before the show', async () => {
    const docx = keep(`report-${kind}.docx`, await bytes(await viewer.get(url('report.docx')), 200));
    const text = flat(await pdfText(keep(`report-docx-${kind}.pdf`, await docxToPdfWithLibreOffice(docx))));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('kết quả tổ chức');
    expect(text).toContain('bắt đầu lúc 19 giờ 32 (kế hoạch 19 giờ 30)');
    for (const s of demo.segments) expect(text).toContain(s.title.slice(0, 25));
    const honoured = demo.awards.batches.reduce((n, b) => n + b.honourees.length, 0);
    expect(text).toContain(`Đã trao thưởng cho ${honoured} tập thể, cá nhân, sản phẩm`);
    expect(text).toContain('Quyết định số 125-QĐ/ĐUK');
    expect(text).toContain('T/M BAN TỔ CHỨC');
    expect(text).toContain(headOfOrganisers);
    expect(flat(await pdfText(await bytes(await viewer.get(url('report.pdf')), 200, 'application/pdf')))).toContain(
      headOfOrganisers,
    );
    const fresh: Programme = await json(
      await board.post('/api/ceremonies', {
        code: `LE-R-${kind}`,
        name: 'Buổi lễ chưa diễn ra',
        eventDate: '2019-10-01',
        venue: 'Hội trường',
        doors: '07:30',
        start: '08:00',
        targetEnd: '10:00',
      }),
      201,
    );
    await json(await board.get(`/api/ceremonies/${fresh.id}/report.docx`), 409);
    // no organiser named: the line is left to be written by hand
    expect(fresh.organiserUnitId).toBeNull();
    const unsigned = flat(await pdfText(await bytes(await board.get(`/api/ceremonies/${fresh.id}/programme.pdf`))));
    expect(unsigned).toContain('TRƯỞNG BAN');
    expect(unsigned).not.toContain(headOfOrganisers);
    // an unknown unit is refused and changes nothing; the Youth Union named, its Bí thư signs
    const bad = await json(await board.patch(`/api/ceremonies/${fresh.id}`, { organiserUnitId: fresh.id }), 400);
    expect(bad.error.details[0].path).toBe('organiserUnitId');
    expect(((await json(await board.get(`/api/ceremonies/${fresh.id}`))) as Programme).version).toBe(fresh.version);
    const youth = (
      await env().platform.db.selectFrom('units').select('id').where('code', '=', 'DTN').executeTakeFirstOrThrow()
    ).id;
    const named: Programme = await json(await board.patch(`/api/ceremonies/${fresh.id}`, { organiserUnitId: youth }));
    expect(named.organiserUnitId).toBe(youth);
    const signed = flat(await pdfText(await bytes(await board.get(`/api/ceremonies/${fresh.id}/programme.pdf`))));
    expect(signed).toContain('Ngô Thị Phương Thảo');
  }, 120_000);

  it('the rehearsal: a passage timed, the pace calibrated and stored, every reading time follows; bad timings refused', async () => {
    const passage = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'đồng' : 'chí')).join(' ');
    const mcSegment = demo.segments.find((s) => s.mcLines.length > 100)!;
    expect(demo.syllablesPerMinute).toBe(200);
    await json(await viewer.post(url('rehearsal'), { text: passage, seconds: 30 }), 403);
    await json(await board.post(url('rehearsal'), { text: 'quá ngắn', seconds: 3 }), 400);
    await json(await board.post(url('rehearsal'), { text: passage, seconds: 5 }), 400);
    await json(await board.post(url('rehearsal'), { text: passage, seconds: 0 }), 400);
    let c: Programme = await json(await board.get(url('').slice(0, -1)));
    expect(c.rehearsal).toEqual([]);
    // 120 syllables in 30 s: 240 a minute
    c = await json(await board.post(url('rehearsal'), { text: passage, seconds: 30 }));
    expect(c.syllablesPerMinute).toBe(240);
    expect(c.rehearsal).toMatchObject([{ syllables: 120, seconds: 30 }]);
    const seg = c.segments.find((s) => s.id === mcSegment.id)!;
    expect(seg.readingSeconds).toBeLessThan(mcSegment.readingSeconds);
    // a second passage: (120 + 120) syllables over (30 + 42) s = 200 a minute
    c = await json(await board.post(url('rehearsal'), { text: passage, seconds: 42 }));
    expect(c.syllablesPerMinute).toBe(200);
    expect(c.rehearsal).toHaveLength(2);
    c = await json(await board.delete(url('rehearsal')));
    expect([c.rehearsal, c.syllablesPerMinute]).toEqual([[], 200]);
    const audit = await env()
      .platform.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', demo.id)
      .where('action', 'like', 'ceremony.rehearsal%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'ceremony.rehearsal_clear',
      'ceremony.rehearsal_record',
      'ceremony.rehearsal_record',
    ]);
  }, 60_000);
});
