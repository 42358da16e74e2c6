import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn, json } from '../../../../test/support/client.ts';
import { buildPlan } from '../../../../test/support/factories.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { remindUnacknowledged } from './inbox.ts';
import type { IncomingOut, ReceiptBoardOut, ResolvedOut, SettingsOut } from './schema.ts';

/**
 * The office network end to end on both databases: the register set up, documents numbered and
 * sent to units resolved from a "Nơi nhận" list, each unit seeing only what was sent to it,
 * opening and acknowledging, the sender's receipt board, reminders for those who have not
 * acknowledged; the incoming register numbered by arrival, assigned, overdue, made a plan task;
 * the books printed; the audit log.
 */
describeEachDatabase('office', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  const unit = new Map<string, string>();
  let office: Client;
  let cs02: Client;
  let cs05: Client;
  let cs02User = '';
  let board: ReceiptBoardOut;

  const issueBody = (units: string[]) => ({
    type: 'KH',
    date: '2019-06-10',
    summary: 'tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ khối',
    signerName: 'Trần Hữu Nam',
    signerPosition: 'BÍ THƯ',
    recipients: ['Thường trực Tỉnh ủy', 'Các đơn vị có liên quan'],
    units: units.map((code) => ({ unitId: unit.get(code)!, line: 'Các đơn vị có liên quan' })),
  });

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-06-10T02:00:00Z'));
    await organisationDemo.load(platform);
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const as = async (role: 'office_staff' | 'unit_officer', code: string, displayName?: string) => {
      const u = await buildUser(platform, { displayName, grants: [{ role, unitId: unit.get(code)! }] });
      return { client: await signIn(app, u.username, u.password), id: u.id };
    };
    office = (await as('office_staff', 'VP')).client;
    const c2 = await as('unit_officer', 'CS02', 'Vũ Thị Lan');
    cs02 = c2.client;
    cs02User = c2.id;
    cs05 = (await as('unit_officer', 'CS05')).client;
  }, 90_000);

  it('refuses to number before the register is set up, then sets it up with a term', async () => {
    const early = await office.post('/api/office/outgoing', issueBody(['CS02']));
    expect(early.status).toBe(409);
    expect(await cs02.put('/api/office/settings', {}).then((r) => r.status)).toBe(403);
    await json<SettingsOut>(
      await office.put('/api/office/settings', {
        superiorBody: 'Đảng bộ tỉnh Thái Bình',
        issuingBody: 'Đảng ủy Khối Doanh nghiệp',
        symbolSuffix: 'ĐUK',
        place: 'Thái Bình',
      }),
    );
    const s = await json<SettingsOut>(
      await office.post('/api/office/terms', {
        name: 'Nhiệm kỳ 2015 - 2020',
        startsOn: '2015-08-01',
        endsOn: '2020-07-31',
      }),
      201,
    );
    expect(s.terms).toHaveLength(1);
    const overlap = await office.post('/api/office/terms', { name: 'x', startsOn: '2020-01-01', endsOn: '2025-01-01' });
    expect(overlap.status).toBe(400);
  });

  it('resolves the seed’s "Nơi nhận" list to units of the registry, keeping the rest as text', async () => {
    const r = await json<ResolvedOut>(
      await office.post('/api/office/recipients/resolve', {
        lines: [
          '- Thường trực Tỉnh ủy;',
          '- Văn phòng Tỉnh ủy;',
          '- BCH Đảng bộ khối;',
          '- Các đơn vị có liên quan;',
          '- Lưu: Ban TG, Văn phòng DUK.',
        ],
        day: '2019-06-10',
      }),
    );
    expect(r.lines.map((l) => l.kind)).toEqual(['unit', 'unit', 'unit', 'text', 'text']);
    expect(r.lines[0].units[0].id).toBe(unit.get('TU-TT'));
    expect(r.lines[1].units[0].id).toBe(unit.get('TU-VP'));
    expect(r.lines[2].units[0].id).toBe(unit.get('BCH'));
  });

  it('issues a document with the next number and sends it to three units', async () => {
    board = await json<ReceiptBoardOut>(
      await office.post('/api/office/outgoing', issueBody(['CS01', 'CS02', 'CS03'])),
      201,
    );
    expect(board.document.symbol).toBe('01-KH/ĐUK');
    expect(board.deliveries).toHaveLength(3);
    expect(board.deliveries.every((d) => d.acknowledgedAt === null)).toBe(true);
    const second = await json<ReceiptBoardOut>(await office.post('/api/office/outgoing', issueBody(['CS05'])), 201);
    expect(second.document.symbol).toBe('02-KH/ĐUK');
    const bad = await office.post('/api/office/outgoing', { ...issueBody([]), date: '2014-05-01' });
    expect(bad.status).toBe(400);
    expect(await cs02.post('/api/office/outgoing', issueBody(['CS02'])).then((r) => r.status)).toBe(403);
  });

  it('issues a plan with the next KH number from the register, written into the plan', async () => {
    const { platform } = env();
    const plan = await buildPlan(platform, {
      header: { title: 'Kế hoạch tổ chức hội nghị', date: '2019-06-12' },
      recipients: ['Thường trực Tỉnh ủy'],
    });
    const issued = await json<{ symbol: string; outgoingId: string }>(
      await office.post(`/api/plans/${plan.id}/issue`, {}),
    );
    expect(issued.symbol).toBe('03-KH/ĐUK');
    const read = await json<{ number: string; symbolSuffix: string }>(await office.get(`/api/plans/${plan.id}`));
    expect([read.number, read.symbolSuffix]).toEqual(['03', 'ĐUK']);
    const b = await json<ReceiptBoardOut>(await office.get(`/api/office/outgoing/${issued.outgoingId}`));
    expect(b.document).toMatchObject({
      recipients: ['Thường trực Tỉnh ủy'],
      source: { type: 'plans.plan', id: plan.id },
    });
    expect((await office.post(`/api/plans/${plan.id}/issue`, {})).status).toBe(409);
  });

  it('shows a unit only the documents sent to it; it opens and acknowledges; the board has the times', async () => {
    const { clock } = env();
    const inbox = await json<{ items: { id: string; document: { symbol: string } }[]; pending: number }>(
      await cs02.get('/api/office/inbox'),
    );
    expect(inbox.items.map((i) => i.document.symbol)).toEqual(['01-KH/ĐUK']);
    expect(inbox.pending).toBe(1);
    const other = await json<{ items: { document: { symbol: string } }[] }>(await cs05.get('/api/office/inbox'));
    expect(other.items.map((i) => i.document.symbol)).toEqual(['02-KH/ĐUK']);
    // the register and another unit's delivery stay closed to a unit
    expect(await cs02.get('/api/office/outgoing').then((r) => r.status)).toBe(403);
    expect(await cs05.post(`/api/office/inbox/${inbox.items[0].id}/acknowledgement`).then((r) => r.status)).toBe(404);

    clock.set(new Date('2019-06-10T05:00:00Z'));
    await json(await cs02.post(`/api/office/inbox/${inbox.items[0].id}/open`));
    clock.set(new Date('2019-06-10T05:10:00Z'));
    const acked = await json<{ acknowledgedAt: string }>(
      await cs02.post(`/api/office/inbox/${inbox.items[0].id}/acknowledgement`),
    );
    expect(acked.acknowledgedAt).toBe('2019-06-10T05:10:00.000Z');
    expect(await cs02.post(`/api/office/inbox/${inbox.items[0].id}/acknowledgement`).then((r) => r.status)).toBe(409);

    const b = await json<ReceiptBoardOut>(await office.get(`/api/office/outgoing/${board.document.id}`));
    const row = b.deliveries.find((d) => d.unit.id === unit.get('CS02'))!;
    expect(row.openedAt).toBe('2019-06-10T05:00:00.000Z');
    expect(row.acknowledgedAt).toBe('2019-06-10T05:10:00.000Z');
    // who acknowledged, by the name people know (not the account's username)
    expect(row.acknowledgedBy).toBe('Vũ Thị Lan');
    const mine = await json<{ items: { acknowledgedBy: string | null }[] }>(await cs02.get('/api/office/inbox'));
    expect(mine.items.map((i) => i.acknowledgedBy)).toEqual(['Vũ Thị Lan']);
    expect(b.document.receipt).toEqual({ units: 3, opened: 1, acknowledged: 1 });
  });

  it('reminds, once a day, the units that have not acknowledged after two days', async () => {
    const { platform, clock, app } = env();
    // a keeper of CS01's inbox, who should be reminded
    const keeper = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: unit.get('CS01')! }] });
    clock.set(new Date('2019-06-11T02:00:00Z'));
    expect(await remindUnacknowledged(platform)).toBe(0);
    clock.set(new Date('2019-06-13T02:00:00Z'));
    const sent = await remindUnacknowledged(platform);
    expect(sent).toBeGreaterThanOrEqual(2); // CS01's keeper and CS05's
    expect(await remindUnacknowledged(platform)).toBe(0); // not twice a day
    const notes = await platform.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'office.unacknowledged')
      .execute();
    expect(notes.some((n) => n.user_id === keeper.id)).toBe(true);
    expect(notes.some((n) => n.user_id === cs02User)).toBe(false); // CS02 acknowledged
    const c = await signIn(app, keeper.username, keeper.password);
    expect(await c.get('/api/office/inbox').then((r) => r.status)).toBe(200);
  });

  it('numbers incoming documents by arrival within the year, assigns them and flags the overdue', async () => {
    const { clock } = env();
    clock.set(new Date('2019-07-01T02:00:00Z'));
    const rec = (receivedOn: string, reference: string) =>
      office.post('/api/office/incoming', {
        receivedOn,
        sender: 'Văn phòng Tỉnh ủy',
        reference,
        summary: `V/v văn bản ${reference}`,
      });
    const a = await json<IncomingOut>(await rec('2019-06-20', '11-CV/VPTU'), 201);
    const b = await json<IncomingOut>(await rec('2019-06-21', '12-CV/VPTU'), 201);
    const c = await json<IncomingOut>(await rec('2020-01-02', '01-CV/VPTU'), 201);
    expect([a.arrivalNumber, b.arrivalNumber, c.arrivalNumber]).toEqual([1, 2, 1]);
    expect(a.status).toBe('unassigned');
    expect(
      await cs02
        .post('/api/office/incoming', { receivedOn: '2019-06-20', sender: 'x', reference: 'y', summary: 'z' })
        .then((r) => r.status),
    ).toBe(403);

    const early = await office.put(`/api/office/incoming/${a.id}/assignment`, {
      leadUnitId: unit.get('BTG'),
      deadline: '2019-06-01',
    });
    expect(early.status).toBe(400);
    const assigned = await json<IncomingOut>(
      await office.put(`/api/office/incoming/${a.id}/assignment`, {
        leadUnitId: unit.get('BTG'),
        coordinatingUnitIds: [unit.get('VP'), unit.get('BTG')],
        deadline: '2019-06-25',
        instructions: 'Ban Tuyên giáo chủ trì tham mưu.',
      }),
    );
    expect(assigned.coordinating.map((u) => u.id)).toEqual([unit.get('VP')]);
    expect(assigned.status).toBe('overdue'); // today is 01/07/2019
    const overdue = await json<{ items: IncomingOut[] }>(await office.get('/api/office/incoming?overdue=1'));
    expect(overdue.items.map((i) => i.id)).toEqual([a.id]);
    const done = await json<IncomingOut>(
      await office.post(`/api/office/incoming/${a.id}/done`, { doneOn: '2019-07-01' }),
    );
    expect(done.status).toBe('done_late');
  });

  it('makes an assignment a plan task, whose status then comes from the plan', async () => {
    const { platform } = env();
    const plan = await buildPlan(platform);
    const d = await json<IncomingOut>(
      await office.post('/api/office/incoming', {
        receivedOn: '2019-06-28',
        sender: 'Ban Tổ chức Tỉnh ủy',
        reference: '215-CV/BTCTU',
        summary: 'V/v hướng dẫn xét tôn vinh',
      }),
      201,
    );
    const notYet = await office.post(`/api/office/incoming/${d.id}/task`, { planId: plan.id, section: 'III' });
    expect(notYet.status).toBe(409);
    await json(
      await office.put(`/api/office/incoming/${d.id}/assignment`, {
        leadUnitId: unit.get('BTC'),
        deadline: '2019-07-20',
      }),
    );
    const task = await json<IncomingOut>(
      await office.post(`/api/office/incoming/${d.id}/task`, { planId: plan.id, section: 'III' }),
    );
    expect(task.planActivityId).toBeTruthy();
    expect(task.status).toBe('in_progress');
    const activity = await platform.db
      .selectFrom('plan_activities')
      .select(['plan_id', 'due_on'])
      .where('id', '=', task.planActivityId!)
      .executeTakeFirstOrThrow();
    expect(activity).toEqual({ plan_id: plan.id, due_on: '2019-07-20' });
    // the handling is reported in the plan, not here
    expect((await office.post(`/api/office/incoming/${d.id}/done`, { doneOn: '2019-07-02' })).status).toBe(409);
  });

  it('prints the four books as .xlsx and .pdf', async () => {
    for (const book of ['outgoing', 'incoming', 'tracking', 'slip']) {
      const x = await office.get(`/api/office/books/${book}?year=2019&format=xlsx`);
      expect(x.status).toBe(200);
      expect(
        Buffer.from(await x.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    }
    const p = await office.get('/api/office/books/outgoing?year=2019&format=pdf');
    expect(p.status).toBe(200);
    expect(
      Buffer.from(await p.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect(await cs02.get('/api/office/books/outgoing?year=2019').then((r) => r.status)).toBe(403);
  }, 60_000);

  it('writes every change in the audit log', async () => {
    const { platform } = env();
    const actions = new Set(
      (await platform.db.selectFrom('audit_log').select('action').where('action', 'like', 'office%').execute()).map(
        (r) => r.action,
      ),
    );
    for (const a of [
      'office_settings.save',
      'office_term.create',
      'office_outgoing.issue',
      'office_outgoing.send',
      'office_delivery.open',
      'office_delivery.acknowledge',
      'office_incoming.record',
      'office_incoming.assign',
      'office_incoming.task',
      'office_incoming.done',
    ])
      expect(actions, a).toContain(a);
  });
});
