import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildActivity, buildPlan } from '../../../../test/support/factories.ts';
import { minimalPdf } from '../../../../test/support/files.ts';
import { type Client, anonymous, signIn, json } from '../../../../test/support/client.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type DatabaseHandle, openDatabase } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { bookDuty } from './duty.ts';
import type { DutyEventDetailOut, MyDutiesOut, StaffOut } from './dutySchema.ts';
import { publicDocuments } from './index.ts';
import type { ReceiptBoardOut } from './schema.ts';

/**
 * Staff on duty and the public documents, on both databases: events of a plan staffed by the
 * Office; no one booked in two places at once, also when 20 bookings of one person arrive at once
 * (through two connection pools on PostgreSQL, as two app processes); each person's own schedule;
 * the roster as .xlsx; the plan activity's status from the roster; bad input refused; the Office
 * marks a document public and attaches its signed scan, which downloads without a session only
 * while the document is public.
 */
describeEachDatabase('office duty', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  const unit = new Map<string, string>();
  const person = new Map<string, string>();
  let office: Client;
  let cs02: Client;
  let nhung: Client;
  let second: DatabaseHandle | null = null;
  let planId = '';
  let dutyActivity = '';
  let ceremonyActivity = '';
  let ceremony: DutyEventDetailOut;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-08-20T02:00:00Z'));
    await organisationDemo.load(platform);
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    for (const p of await platform.db.selectFrom('people').select(['id', 'full_name']).execute())
      person.set(p.full_name, p.id);
    const o = await buildUser(platform, { grants: [{ role: 'office_staff', unitId: unit.get('VP')! }] });
    office = await signIn(app, o.username, o.password);
    const c = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS02')! }] });
    cs02 = await signIn(app, c.username, c.password);
    // a signed-in account linked to a person of the registry (the Chief of the Office)
    const n = await buildUser(platform, { grants: [{ role: 'viewer', unitId: null }] });
    await platform.db
      .updateTable('users')
      .set({ person_id: person.get('Lê Thị Hồng Nhung')! })
      .where('id', '=', n.id)
      .execute();
    nhung = await signIn(app, n.username, n.password);
    const plan = await buildPlan(platform, { header: { title: 'Kế hoạch kỷ niệm', date: '2019-06-10' } });
    planId = plan.id;
    dutyActivity = (
      await buildActivity(platform, planId, {
        section: 'III',
        title: 'Xây dựng kế hoạch chi tiết, phân công cán bộ phục vụ các hoạt động kỷ niệm',
        statusSource: 'office.duty',
      })
    ).id;
    ceremonyActivity = (
      await buildActivity(platform, planId, { title: 'Tổ chức Hội nghị tôn vinh', due: '2019-09-04' })
    ).id;
    const pg = platform.database.postgres;
    if (pg) second = await openDatabase({ kind: 'postgres', url: pg.url, schema: pg.schema, poolSize: 5 });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
  });

  it('lists the staff of the Office and the boards, the Office first', async () => {
    const staff = await json<StaffOut>(await office.get('/api/office/duty/staff?day=2019-08-20'));
    expect(staff.items[0]).toMatchObject({ name: 'Lê Thị Hồng Nhung', title: 'Chánh Văn phòng' });
    const names = staff.items.map((s) => s.name);
    for (const n of ['Trịnh Thị Mai Anh', 'Đặng Quốc Huy', 'Lương Văn Bình']) expect(names).toContain(n);
    expect((await cs02.get('/api/office/duty/staff')).status).toBe(403);
  });

  it('refuses bad input with a message on the field, changing nothing', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await office.post('/api/office/duty/events', body);
      const b = (await res.json()) as { error: { details?: { path: string; messages: { vi: string } }[] } };
      expect(res.status).toBe(400);
      expect(b.error.details?.map((d) => d.path)).toContain(path);
      return b.error.details!.find((d) => d.path === path)!.messages.vi;
    };
    const base = { title: 'Hội nghị', place: 'Nhà văn hóa', startsAt: '2019-09-04T16:30', endsAt: '2019-09-04T21:45' };
    expect(await bad({ ...base, startsAt: '04/09/2019 16:30' }, 'startsAt')).toMatch(/YYYY-MM-DDTHH:mm/);
    expect(await bad({ ...base, startsAt: '2019-02-30T10:00' }, 'startsAt')).toBeTruthy();
    expect(await bad({ ...base, endsAt: '2019-09-04T16:00' }, 'endsAt')).toMatch(/sau thời điểm bắt đầu/);
    expect(await bad({ ...base, title: '  ' }, 'title')).toBeTruthy();
    expect(await bad({ ...base, planActivityId: '00000000-0000-4000-8000-000000000000' }, 'planActivityId')).toMatch(
      /hoạt động/,
    );
    expect(await bad({ ...base, extra: 1 }, '')).toBeDefined();
    expect((await cs02.post('/api/office/duty/events', base)).status).toBe(403);
    const { platform } = env();
    const n = await platform.db.selectFrom('office_duty_events').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('books two people for the ceremony and refuses a double booking with where they already serve', async () => {
    ceremony = await json<DutyEventDetailOut>(
      await office.post('/api/office/duty/events', {
        title: 'Hội nghị tôn vinh, tuyên dương 15 năm',
        place: 'Nhà văn hóa tỉnh Thái Bình',
        startsAt: '2019-09-04T16:30',
        endsAt: '2019-09-04T21:45',
        planActivityId: ceremonyActivity,
      }),
      201,
    );
    expect(ceremony.event.activity).toMatchObject({ id: ceremonyActivity, planId });
    const book = (eventId: string, body: Record<string, unknown>) =>
      office.post(`/api/office/duty/events/${eventId}/duties`, body);
    await json(
      await book(ceremony.event.id, { personId: person.get('Lê Thị Hồng Nhung'), duties: 'Phụ trách chung hậu cần' }),
      201,
    );
    const two = await json<DutyEventDetailOut>(
      await book(ceremony.event.id, {
        personId: person.get('Trịnh Thị Mai Anh'),
        duties: 'Đón tiếp đại biểu',
        place: 'Sảnh tầng 1',
        startsAt: '2019-09-04T17:00',
      }),
      201,
    );
    expect(two.event.staff).toBe(2);
    expect(two.duties.map((d) => [d.person.name, d.unit.name, d.positionTitle, d.startsAt, d.endsAt])).toEqual([
      ['Lê Thị Hồng Nhung', 'Văn phòng Đảng ủy Khối', 'Chánh Văn phòng', '2019-09-04T16:30', '2019-09-04T21:45'],
      ['Trịnh Thị Mai Anh', 'Văn phòng Đảng ủy Khối', 'Chuyên viên Văn phòng', '2019-09-04T17:00', '2019-09-04T21:45'],
    ]);
    // another event the same evening: the Chief of the Office cannot be there too
    const other = await json<DutyEventDetailOut>(
      await office.post('/api/office/duty/events', {
        title: 'Tiếp đoàn đại biểu Tỉnh ủy',
        place: 'Trụ sở Đảng ủy Khối',
        startsAt: '2019-09-04T14:00',
        endsAt: '2019-09-04T17:00',
      }),
      201,
    );
    const refused = await book(other.event.id, { personId: person.get('Lê Thị Hồng Nhung'), duties: 'Đón đoàn' });
    const body = (await refused.json()) as { error: { code: string; messages: { vi: string; en: string } } };
    expect(refused.status).toBe(409);
    expect(body.error.code).toBe('DUTY_OVERLAP');
    expect(body.error.messages.vi).toBe(
      'Đồng chí Lê Thị Hồng Nhung đã được phân công trực tại “Hội nghị tôn vinh, tuyên dương 15 năm” (Nhà văn hóa tỉnh Thái Bình) từ 16:30 04/09/2019 đến 21:45 04/09/2019; một người không thể trực hai nơi cùng lúc.',
    );
    expect(body.error.messages.en).toMatch(/already on duty/);
    // touching ends are not an overlap: 14:00–16:30 is fine for her, 14:00–17:00 for Mai Anh too
    await json(
      await book(other.event.id, {
        personId: person.get('Lê Thị Hồng Nhung'),
        duties: 'Đón đoàn',
        endsAt: '2019-09-04T16:30',
      }),
      201,
    );
    await json(await book(other.event.id, { personId: person.get('Trịnh Thị Mai Anh'), duties: 'Ghi biên bản' }), 201);
    const bad = await book(other.event.id, {
      personId: person.get('Đặng Quốc Huy'),
      duties: 'x',
      endsAt: '2019-09-04T13:00',
    });
    expect(bad.status).toBe(400);
    const unknown = await book(other.event.id, { personId: '00000000-0000-4000-8000-000000000000', duties: 'x' });
    expect(unknown.status).toBe(400);
    const { platform } = env();
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'office_duty%')
      .execute();
    expect(audit.filter((a) => a.action === 'office_duty.book')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'office_duty_event.create')).toHaveLength(2);
  });

  it('of 20 simultaneous bookings of one person for overlapping times, books exactly one', async () => {
    const { platform } = env();
    const caller = systemCaller();
    const made = await json<DutyEventDetailOut>(
      await office.post('/api/office/duty/events', {
        title: 'Giải Cầu lông — ngày thi đấu thứ nhất',
        place: 'Nhà thi đấu tỉnh',
        startsAt: '2019-08-15T07:00',
        endsAt: '2019-08-15T17:30',
      }),
      201,
    );
    const pools = second ? [platform, { ...platform, db: second.db }] : [platform];
    const huy = person.get('Đặng Quốc Huy')!;
    // booked once before (the day before), so his lock row exists: the race is on the row's UPDATE
    await bookDuty(platform, caller, made.event.id, {
      personId: huy,
      duties: 'Chuẩn bị sân thi đấu',
      place: '',
      startsAt: '2019-08-14T14:00',
      endsAt: '2019-08-14T17:00',
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        bookDuty(pools[i % pools.length], caller, made.event.id, {
          personId: huy,
          duties: `Phục vụ ca ${i}`,
          place: '',
          startsAt: `2019-08-15T${String(7 + (i % 5)).padStart(2, '0')}:00`,
          endsAt: `2019-08-15T${String(12 + (i % 5)).padStart(2, '0')}:00`,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'DUTY_OVERLAP',
    );
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const rows = await platform.db.selectFrom('office_duties').select('id').where('person_id', '=', huy).execute();
    expect(rows).toHaveLength(2);
  }, 60_000);

  it('shows each person their own schedule, and nothing to an account linked to no one', async () => {
    const mine = await json<MyDutiesOut>(await nhung.get('/api/office/duty/mine'));
    expect(mine.person?.name).toBe('Lê Thị Hồng Nhung');
    expect(mine.items.map((d) => [d.event.title, d.startsAt, d.endsAt])).toEqual([
      ['Tiếp đoàn đại biểu Tỉnh ủy', '2019-09-04T14:00', '2019-09-04T16:30'],
      ['Hội nghị tôn vinh, tuyên dương 15 năm', '2019-09-04T16:30', '2019-09-04T21:45'],
    ]);
    const none = await json<MyDutiesOut>(await office.get('/api/office/duty/mine'));
    expect(none).toEqual({ person: null, items: [] });
    expect((await anonymous(env().app).get('/api/office/duty/mine')).status).toBe(401);
    // the viewer linked to a person reads only their own schedule, not the roster
    expect((await nhung.get(`/api/office/duty/events/${ceremony.event.id}`)).status).toBe(403);
  });

  it('prints the roster as .xlsx on A4 with wrapped text and rows tall enough', async () => {
    const res = await office.get(`/api/office/duty/events/${ceremony.event.id}/roster.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('phan-cong-truc-2019-09-04.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = book.worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('DANH SÁCH PHÂN CÔNG CÁN BỘ TRỰC, PHỤC VỤ');
    expect(texts).toContain('Lê Thị Hồng Nhung');
    expect(texts).toContain('Chuyên viên Văn phòng, Văn phòng Đảng ủy Khối');
    const first = ws.getRow(11);
    expect(first.getCell(2).value).toBe('Lê Thị Hồng Nhung');
    expect(first.getCell(4).alignment?.wrapText).toBe(true);
    // "16:30 – 21:45" and "04/09/2019" on two lines
    expect(first.height).toBeGreaterThanOrEqual(2 * 16);
    expect((await cs02.get(`/api/office/duty/events/${ceremony.event.id}/roster.xlsx`)).status).toBe(403);
  });

  it('gives the plan activity its status from the roster', async () => {
    type View = { percent: number | null; doneOn: string | null; sourceNote: { vi: string } | null };
    const before = await json<View>(await office.get(`/api/activities/${dutyActivity}`));
    // one event of the plan (the ceremony), staffed on 20/8: done
    expect(before.doneOn).toBe('2019-08-20');
    expect(before.percent).toBe(100);
    expect(before.sourceNote?.vi).toMatch(/cả 1 sự kiện/);
    // a second event of the plan with nobody yet: back in progress, half
    await json(
      await office.post('/api/office/duty/events', {
        title: 'Đêm giao lưu văn nghệ',
        place: 'Cung Văn hóa Lao động',
        startsAt: '2019-08-19T17:00',
        endsAt: '2019-08-19T22:30',
        planActivityId: ceremonyActivity,
      }),
      201,
    );
    const after = await json<View>(await office.get(`/api/activities/${dutyActivity}`));
    expect(after.doneOn).toBeNull();
    expect(after.percent).toBe(50);
    expect(after.sourceNote?.vi).toMatch(/1\/2 sự kiện; chưa phân công: Đêm giao lưu văn nghệ/);
  });

  it('removes a booking, and the person is free again', async () => {
    const detail = await json<DutyEventDetailOut>(await office.get(`/api/office/duty/events/${ceremony.event.id}`));
    const nhungDuty = detail.duties.find((d) => d.person.name === 'Lê Thị Hồng Nhung')!;
    expect((await cs02.delete(`/api/office/duty/duties/${nhungDuty.id}`)).status).toBe(403);
    const left = await json<DutyEventDetailOut>(await office.delete(`/api/office/duty/duties/${nhungDuty.id}`));
    expect(left.duties.map((d) => d.person.name)).toEqual(['Trịnh Thị Mai Anh']);
    expect((await office.delete(`/api/office/duty/duties/${nhungDuty.id}`)).status).toBe(404);
  });

  it('publishes a document the Office marks public; its file downloads without a session only then', async () => {
    const { app, platform } = env();
    await json(
      await office.put('/api/office/settings', {
        superiorBody: 'Đảng bộ tỉnh Thái Bình',
        issuingBody: 'Đảng ủy Khối Doanh nghiệp',
        symbolSuffix: 'ĐUK',
        place: 'Thái Bình',
      }),
    );
    await json(
      await office.post('/api/office/terms', {
        name: 'Nhiệm kỳ 2015 - 2020',
        startsOn: '2015-08-01',
        endsOn: '2020-07-31',
      }),
      201,
    );
    const upload = async (note: string) => {
      const res = await app.request('/api/files?name=ban-ky.pdf', {
        method: 'POST',
        headers: {
          cookie: office.cookie!,
          'x-csrf-token': office.csrfToken!,
          'content-type': 'application/octet-stream',
        },
        body: minimalPdf(note),
      });
      return (await json<{ id: string }>(res, 201)).id;
    };
    const issue = async (summary: string, isPublic: boolean, fileId: string | null) =>
      json<ReceiptBoardOut>(
        await office.post('/api/office/outgoing', {
          type: 'TB',
          date: '2019-08-20',
          summary,
          signerName: 'Trần Hữu Nam',
          signerPosition: 'BÍ THƯ',
          isPublic,
          fileId,
        }),
        201,
      );
    const open = await issue('Kết quả Giải Cầu lông người lao động trong Khối năm 2019', true, await upload('a'));
    const closed = await issue('Về công tác cán bộ', false, await upload('b'));
    const bare = await issue('Lịch tiếp công dân', true, null);
    const visitor = anonymous(app);
    const got = await visitor.get(`/van-ban/${open.document.id}/tai-ve`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await got.arrayBuffer()).toString('latin1')).toContain('%a');
    expect((await visitor.get(`/van-ban/${closed.document.id}/tai-ve`)).status).toBe(404);
    expect((await visitor.get(`/van-ban/${bare.document.id}/tai-ve`)).status).toBe(404);
    expect((await visitor.get('/van-ban/khong-co/tai-ve')).status).toBe(404);
    // the register's own file route stays closed to a visitor
    expect((await visitor.get(`/api/files/${closed.document.file!.id}`)).status).toBe(401);
    const listed = await publicDocuments(platform.db, { page: 1, pageSize: 10 });
    expect(listed.total).toBe(2);
    expect(listed.items.map((d) => [d.number, d.type.vi, d.fileUrl !== null])).toEqual([
      [bare.document.symbol, 'Thông báo', false],
      [open.document.symbol, 'Thông báo', true],
    ]);
    expect(listed.items[1].fileUrl).toBe(`/van-ban/${open.document.id}/tai-ve`);
    expect((await publicDocuments(platform.db, { page: 2, pageSize: 1 })).items.map((d) => d.id)).toEqual([
      open.document.id,
    ]);
    // the signed scan attached later replaces the file; withdrawing the flag closes the download
    const scan = await upload('signed');
    const attached = await json<ReceiptBoardOut>(
      await office.put(`/api/office/outgoing/${open.document.id}/file`, { fileId: scan }),
    );
    expect(attached.document.file?.id).toBe(scan);
    expect(
      Buffer.from(await (await visitor.get(`/van-ban/${open.document.id}/tai-ve`)).arrayBuffer()).toString('latin1'),
    ).toContain('%signed');
    expect((await cs02.put(`/api/office/outgoing/${open.document.id}/public`, { isPublic: false })).status).toBe(403);
    expect((await office.put(`/api/office/outgoing/${open.document.id}/public`, { isPublic: 'no' })).status).toBe(400);
    const hidden = await json<ReceiptBoardOut>(
      await office.put(`/api/office/outgoing/${open.document.id}/public`, { isPublic: false }),
    );
    expect(hidden.document.isPublic).toBe(false);
    expect((await visitor.get(`/van-ban/${open.document.id}/tai-ve`)).status).toBe(404);
    expect((await publicDocuments(platform.db)).total).toBe(1);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', open.document.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['office_outgoing.file', 'office_outgoing.public']),
    );
  });
});
