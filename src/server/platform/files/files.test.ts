import { minimalPdf } from '../../../../test/support/files.ts';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import type { App } from '../../app.ts';
import type { getActivity, listActivities } from '../../modules/plans/activities.ts';
import { SEED_DEMO_KEY } from '../../modules/plans/demo.ts';
import { MAX_UPLOAD_BYTES, UNOWNED_TTL_MS, purgeUnownedFiles } from './store.ts';

const pdf = minimalPdf();
const minutes = new TextEncoder().encode('Biên bản kiểm tra ngày 20/8/2019: đã hoàn thành.');

/** Uploads through the API the way the web app does: the bytes as the body, the name in the query. */
function upload(
  app: App,
  client: Client,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type = 'application/octet-stream',
) {
  return app.request(`/api/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrfToken!,
      'content-type': type,
      'x-forwarded-for': '203.0.113.7',
    },
    body: bytes,
  }) as Promise<Response>;
}

/** Uploads, attachments to progress reports, who may open them, and housekeeping. */
describeEachDatabase('files', (kind) => {
  const env = useTestEnv(kind, {}, { demo: 'all' });
  const unit = new Map<string, string>();
  let cs02: Client;
  let board: Client;
  let office: Client;
  let viewer: Client;
  let activityId: string;

  const count = async () =>
    Number(
      (
        await env()
          .platform.db.selectFrom('stored_files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('starts from the seed and finds an activity the grassroots unit carries and a board does not', async () => {
    const { platform, app } = env();
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const make = async (role: 'unit_officer' | 'board_staff' | 'viewer', code: string | null) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: code ? unit.get(code)! : null }] });
      return signIn(app, u.username, u.password);
    };
    cs02 = await make('unit_officer', 'CS02');
    board = await make('unit_officer', 'BTG');
    office = await make('board_staff', 'VP');
    viewer = await make('viewer', null);
    const plan = await platform.db
      .selectFrom('plans')
      .select('id')
      .where('demo_key', '=', SEED_DEMO_KEY)
      .executeTakeFirstOrThrow();
    const ids = async (c: Client) =>
      (
        (await (await c.get(`/api/plans/${plan.id}/activities?pageSize=500`)).json()) as Answer<typeof listActivities>
      ).items.map((a) => a.id);
    const mine = await ids(cs02);
    const theirs = new Set(await ids(board));
    activityId = mine.find((id: string) => !theirs.has(id))!;
    expect(activityId).toBeTruthy();
  });

  it('stores an upload typed by its content, visible to the uploader only while unattached', async () => {
    const { app } = env();
    const res = await upload(app, cs02, pdf, '../../Biên bản kiểm tra.exe');
    expect(res.status).toBe(201);
    const file = (await res.json()) as any;
    expect(file).toMatchObject({ name: 'Biên bản kiểm tra.pdf', size: pdf.length, mediaType: 'application/pdf' });
    const own = await cs02.get(`/api/files/${file.id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toMatch(
      /^inline; filename="Bien ban kiem tra\.pdf"; filename\*=UTF-8''/,
    );
    expect(own.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(pdf);
    expect((await office.get(`/api/files/${file.id}`)).status).toBe(404);
    const audit = await env()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', file.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['file.upload']);
    expect(audit[0].after_json).not.toContain('content');
  });

  it('refuses empty, oversized and unaccepted files with a message, storing nothing', async () => {
    const { app } = env();
    const before = await count();
    const cases: [Uint8Array<ArrayBuffer>, number, string][] = [
      [new Uint8Array(), 400, 'FILE_EMPTY'],
      [new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41), 413, 'PAYLOAD_TOO_LARGE'],
      [new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 415, 'FILE_TYPE_REFUSED'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415, 'FILE_TYPE_REFUSED'],
    ];
    for (const [bytes, status, code] of cases) {
      const res = await upload(app, cs02, bytes, 'report.pdf', 'application/pdf');
      expect(res.status, code).toBe(status);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe(code);
      expect(body.error.messages.vi.length).toBeGreaterThan(5);
    }
    expect((await upload(app, viewer, minutes, 'x.txt')).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('attaches uploads to a progress report; whoever sees the activity may open them, others may not', async () => {
    const { app } = env();
    const a = (await (await upload(app, cs02, pdf, 'Biên bản.pdf')).json()) as any;
    const b = (await (await upload(app, cs02, minutes, 'ghi chép.txt')).json()) as any;
    const res = await cs02.post(`/api/activities/${activityId}/reports`, {
      text: 'Đã tổ chức, có biên bản kèm theo.',
      percent: 60,
      attachmentIds: [a.id, b.id],
    });
    expect(res.status).toBe(201);
    const activity = (await res.json()) as Answer<typeof getActivity>;
    expect(activity.reports[0].attachments.map((f) => f.name)).toEqual(['Biên bản.pdf', 'ghi chép.txt']);
    const text = await office.get(`/api/files/${b.id}`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('Biên bản kiểm tra ngày 20/8/2019: đã hoàn thành.');
    expect(text.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect((await cs02.get(`/api/files/${a.id}?download=1`)).headers.get('content-disposition')).toMatch(
      /^attachment;/,
    );
    // a unit that does not carry the activity cannot open its files, nor learn that they exist
    expect((await board.get(`/api/files/${a.id}`)).status).toBe(404);
    expect((await board.get(`/api/files/00000000-0000-7000-8000-000000000000`)).status).toBe(404);
  });

  it("refuses a file that is attached already, someone else's, or unknown, and changes nothing", async () => {
    const { app } = env();
    const used = ((await (await cs02.get(`/api/activities/${activityId}`)).json()) as any).reports[0].attachments[0].id;
    const others = (await (await upload(app, office, pdf, 'của văn phòng.pdf')).json()) as any;
    const reports = async () =>
      ((await (await cs02.get(`/api/activities/${activityId}`)).json()) as any).reports.length;
    const before = await reports();
    for (const id of [used, others.id, '00000000-0000-7000-8000-000000000000']) {
      const res = await cs02.post(`/api/activities/${activityId}/reports`, {
        text: 'Báo cáo lần nữa',
        percent: 70,
        attachmentIds: [id],
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.error.details[0]).toMatchObject({ path: 'attachmentIds', code: 'file_not_available' });
    }
    expect(await reports()).toBe(before);
    const tooMany = await cs02.post(`/api/activities/${activityId}/reports`, {
      text: 'x',
      percent: 70,
      attachmentIds: Array(11).fill(others.id),
    });
    expect(tooMany.status).toBe(400);
  });

  it('housekeeping removes unattached uploads after a day and keeps attached ones', async () => {
    const { platform, app, clock } = env();
    const stale = (await (await upload(app, cs02, minutes, 'bỏ dở.txt')).json()) as any;
    const attached = await platform.db
      .selectFrom('stored_files')
      .select('id')
      .where('owner_type', '=', 'plan_report')
      .execute();
    expect(await purgeUnownedFiles(platform.db, clock.now)).toBe(0);
    const later = new Date(clock.now.getTime() + UNOWNED_TTL_MS + 60_000);
    expect(await purgeUnownedFiles(platform.db, later)).toBeGreaterThanOrEqual(2);
    expect(
      await platform.db.selectFrom('stored_files').select('id').where('id', '=', stale.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      (await platform.db.selectFrom('stored_files').select('id').where('owner_type', '=', 'plan_report').execute())
        .length,
    ).toBe(attached.length);
  });
});
