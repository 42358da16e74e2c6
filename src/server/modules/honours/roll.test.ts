import sharp from 'sharp';
import { minimalPdf } from '../../../../test/support/files.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, anonymous, signIn, type Client } from '../../../../test/support/client.ts';
import { castChoices, decryptAndPublish, makeChairKey } from '../../../../test/support/ballots.ts';
import { createApp } from '../../app.ts';
import type { getCampaign } from './campaigns.ts';
import { HONOURS_DEMO_CODE } from './demo.ts';
import type { getNomination } from './nominations.ts';
import type { PublicRoll } from './roll.ts';
import { citationOf } from './results.ts';
import { initialOf } from './rollOfHonourPages.tsx';

/**
 * Photos in the dossier and the public roll of honour, on both databases: a nomination's photo
 * (an image by its bytes, one at a time, not required), the demo campaign voted and confirmed by
 * decision, then what anyone may read without signing in — exactly the confirmed honourees with
 * their citations and photos, as JSON and as the /vinh-danh page — and 404 for everything else.
 */

/** A real PNG: `w`×`h` pixels of one colour. */
function png(w: number, h: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
const pdf = minimalPdf();
const pixels = (bytes: Uint8Array) => sharp(bytes).raw().toBuffer();
const text = new TextEncoder().encode('Báo cáo thành tích\n');

describeEachDatabase('honours: photos and the public roll of honour', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'honours'] },
  );
  const unit = new Map<string, string>();
  let board: Client;
  let admin: Client;
  let cs02: Client;
  let cs05: Client;
  const members: { id: string; client: Client }[] = [];
  let campaign: Answer<typeof getCampaign>;
  const byKey = new Map<string, string>(); // "collective:CS02" → nomination id
  const names = new Map<string, string>(); // nomination id → nominee name
  const summaries = new Map<string, string>();
  const photos = new Map<string, Uint8Array>(); // nomination id → the current photo's bytes
  let webDir = '';
  afterAll(() => {
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  const json = async (res: Response, status = 200) => {
    const body = await res.text();
    expect(res.status, body.slice(0, 500)).toBe(status);
    return JSON.parse(body);
  };
  const upload = async (client: Client, name: string, bytes: Uint8Array) => {
    const res = await env().app.request(`/api/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie!,
        'x-csrf-token': client.csrfToken!,
        'content-type': 'application/octet-stream',
      },
      body: bytes as unknown as BodyInit,
    });
    return (await json(res, 201)).id as string;
  };
  const addPhoto = async (client: Client, key: string, bytes: Uint8Array, status = 200) => {
    const res = await client.post(`/api/honours/nominations/${byKey.get(key)}/dossier`, {
      fileId: await upload(client, `anh-${key.replace(':', '-')}.png`, bytes),
      kind: 'photo',
    });
    const body = await json(res, status);
    if (status === 200) photos.set(byKey.get(key)!, bytes);
    return body;
  };
  /** An anonymous caller's 404 in the one error shape. */
  const notFound = async (url: string) => {
    const res = await anonymous(env().app).get(url);
    const body = await json(res, 404);
    expect(body.error).toMatchObject({
      code: 'NOT_FOUND',
      messages: { vi: expect.any(String), en: expect.any(String) },
    });
  };

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-25T03:00:00Z'));
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const user = async (role: 'propaganda_staff' | 'system_admin' | 'unit_officer', code: string | null) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: code ? unit.get(code)! : null }] });
      return signIn(app, u.username, u.password);
    };
    // the Propaganda Board sets up and confirms; here it also runs the Council's session as its secretary
    const b = await buildUser(platform, {
      grants: [
        { role: 'propaganda_staff', unitId: unit.get('BTG')! },
        { role: 'office_staff', unitId: unit.get('VP')! },
      ],
    });
    board = await signIn(app, b.username, b.password);
    admin = await user('system_admin', null);
    cs02 = await user('unit_officer', 'CS02');
    cs05 = await user('unit_officer', 'CS05');
    for (let i = 0; i < 5; i++) {
      const u = await buildUser(platform, {
        displayName: `Ủy viên Hội đồng ${i + 1}`,
        grants: [{ role: 'council_member', unitId: unit.get('HDTDKT')! }],
      });
      members.push({ id: u.id, client: await signIn(app, u.username, u.password) });
    }
    const row = await platform.db
      .selectFrom('honour_campaigns')
      .select('id')
      .where('code', '=', HONOURS_DEMO_CODE)
      .executeTakeFirstOrThrow();
    campaign = await json(await board.get(`/api/honours/campaigns/${row.id}`));
    const code = new Map([...unit.entries()].map(([c, id]) => [id, c]));
    for (const n of await platform.db
      .selectFrom('honour_nominations')
      .select(['id', 'category_id', 'unit_id', 'nominee_name', 'summary'])
      .where('campaign_id', '=', row.id)
      .execute()) {
      byKey.set(`${campaign.categories.find((c) => c.id === n.category_id)!.kind}:${code.get(n.unit_id)}`, n.id);
      names.set(n.id, n.nominee_name);
      summaries.set(n.id, n.summary);
    }
  }, 120_000);

  it('takes a photo into the dossier: an image by its bytes, at any stage, one at a time, never required', async () => {
    const { platform } = env();
    const key = 'collective:CS02';
    const id = byKey.get(key)!;
    const before: Answer<typeof getNomination> = await json(await cs02.get(`/api/honours/nominations/${id}`));
    expect(before.status).toBe('eligible');
    expect(before.missing).toEqual([]); // submitted and screened without a photo: it is not required
    const auditRows = async () =>
      (
        await platform.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'honour_nomination.file')
          .where('entity_id', '=', id)
          .execute()
      ).length;
    const audits = await auditRows();

    // A PDF or a text file is not a photo, whatever it is called; nothing changes.
    for (const [name, bytes, what] of [
      ['chan-dung.png', pdf, 'PDF'],
      ['anh.jpg', text, 'văn bản'],
    ] as const) {
      const fileId = await upload(cs02, name, bytes);
      const refused = await json(
        await cs02.post(`/api/honours/nominations/${id}/dossier`, { fileId, kind: 'photo' }),
        400,
      );
      expect(refused.error.details).toEqual([expect.objectContaining({ path: 'fileId', code: 'photo_not_image' })]);
      expect(refused.error.details[0].messages.vi).toContain('Ảnh phải là tệp PNG, JPEG hoặc WebP');
      expect(refused.error.details[0].messages.vi).toContain(what);
      expect(refused.error.details[0].messages.en).toContain('A photo must be a PNG, JPEG or WebP image');
    }
    expect((await json(await cs02.get(`/api/honours/nominations/${id}`))).dossier).toEqual(before.dossier);
    expect(await auditRows()).toBe(audits);

    // Another unit may not add one; other dossier files still wait for a return.
    await json(
      await cs05.post(`/api/honours/nominations/${id}/dossier`, {
        fileId: await upload(cs05, 'a.png', png(4, 5, [1, 2, 3])),
        kind: 'photo',
      }),
      404,
    );
    await json(
      await cs02.post(`/api/honours/nominations/${id}/dossier`, {
        fileId: await upload(cs02, 'e.pdf', pdf),
        kind: 'evidence',
      }),
      409,
    );

    const first: Answer<typeof getNomination> = await addPhoto(cs02, key, png(8, 10, [200, 30, 30]));
    const firstPhoto = first.dossier.find((d) => d.kind === 'photo')!;
    expect(firstPhoto).toMatchObject({
      label: { vi: expect.stringContaining('Ảnh') },
      file: { mediaType: 'image/png', name: 'anh-collective-CS02.png' },
    });
    expect(first.missing).toEqual([]);
    expect(first.events.at(-1)).toMatchObject({
      action: 'file_added',
      note: `${firstPhoto.label.vi}: anh-collective-CS02.png`,
    });

    // A new photo replaces it, and the old file goes.
    const second: Answer<typeof getNomination> = await addPhoto(cs02, key, png(12, 15, [20, 90, 160]));
    const current = second.dossier.filter((d) => d.kind === 'photo');
    expect(current).toHaveLength(1);
    expect(current[0].file!.id).not.toBe(firstPhoto.file!.id);
    expect(second.dossier.filter((d) => d.kind !== 'photo')).toEqual(before.dossier);
    expect(second.events.at(-1)!.note).toContain('thay ảnh trước');
    await json(await cs02.get(`/api/files/${firstPhoto.file!.id}`), 404);
    const photo = await cs02.get(`/api/files/${current[0].file!.id}`);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(await auditRows()).toBe(audits + 2);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'honour_nomination.file')
      .where('entity_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toEqual({ photoFileIds: [firstPhoto.file!.id] });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ fileId: current[0].file!.id, kind: 'photo' });
  });

  it('shows nothing in public while the campaign is not decided', async () => {
    await notFound(`/api/public/honours/${HONOURS_DEMO_CODE}`);
    await notFound(`/api/public/honours/${HONOURS_DEMO_CODE}/photos/${byKey.get('collective:CS02')}`);
    expect(await json(await anonymous(env().app).get('/api/public/honours'))).toEqual({ items: [] });
    const page = await env().app.request(`/vinh-danh/${HONOURS_DEMO_CODE}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Không tìm thấy bảng vinh danh');
  });

  it('the Council votes and the Standing Committee confirms by decision; photos come for honourees and one who was not chosen', async () => {
    const session = await json(
      await board.post('/api/honours/sessions', {
        campaignId: campaign.id,
        title: 'Phiên họp xét chọn',
        heldOn: '2019-07-26',
        members: members.map((m, i) => ({ userId: m.id, role: i === 0 ? 'chair' : i === 4 ? 'secretary' : 'member' })),
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
    const A = 'approve' as const,
      R = 'reject' as const;
    const vote = async (categoryIndex: number, choices: Record<string, ('approve' | 'reject')[]>) => {
      const round = await json(
        await board.post(`/api/honours/sessions/${session.id}/rounds`, {
          categoryId: campaign.categories[categoryIndex].id,
        }),
        201,
      );
      for (const [i, m] of members.entries()) {
        await json(
          await castChoices(
            m.client,
            round.id,
            Object.entries(choices).map(([key, list]) => ({ nominationId: byKey.get(key)!, choice: list[i] })),
          ),
        );
      }
      await json(await board.post(`/api/honours/rounds/${round.id}/close`));
      return json(await decryptAndPublish(members[0].client, round.id, chairSecret));
    };
    await vote(0, {
      'collective:CS02': [A, A, A, A, A],
      'collective:CS01': [A, A, A, A, R],
      'collective:CS04': [A, R, R, R, R],
    });
    await vote(1, { 'individual:CS02': [A, A, A, R, R], 'individual:CS05': [A, A, A, A, A] });
    await vote(2, {
      'product:CS02': [A, A, A, A, A],
      'product:CS09': [R, R, R, R, A],
      'product:CS11': [A, A, A, A, R],
    });
    await json(
      await board.post(`/api/honours/campaigns/${campaign.id}/confirm`, {
        decisionNumber: '125-QĐ/ĐUK',
        decidedOn: '2019-08-05',
      }),
    );

    // After the decision the units still send photos (the roll of honour needs them); the Board's admin too.
    await addPhoto(cs05, 'individual:CS05', png(8, 10, [30, 140, 60]));
    await addPhoto(admin, 'product:CS11', png(10, 8, [180, 140, 40]));
    // Once public, a unit cannot replace its honouree's photo; the Board can.
    const locked = await addPhoto(cs05, 'individual:CS05', png(8, 10, [0, 0, 0]), 409);
    expect(locked.error.code).toBe('PHOTO_LOCKED');
    expect(locked.error.messages.en).toContain('can no longer replace it');
    await addPhoto(admin, 'collective:CS04', png(10, 8, [90, 90, 90])); // not chosen: never public
  }, 120_000);

  const confirmed = [
    ['collective:CS02', 'collective:CS01'],
    ['individual:CS05', 'individual:CS02'],
    ['product:CS02', 'product:CS11'],
  ];

  it('answers the public JSON with exactly the confirmed honourees, their citations and photos, without a session', async () => {
    const anon = anonymous(env().app);
    const list = await json(await anon.get('/api/public/honours'));
    expect(list).toEqual({
      items: [
        {
          code: HONOURS_DEMO_CODE,
          name: campaign.name,
          decision: { number: '125-QĐ/ĐUK', date: '2019-08-05' },
          count: 6,
        },
      ],
    });

    const res = await anon.get(`/api/public/honours/${HONOURS_DEMO_CODE}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const roll: PublicRoll = await json(res);
    expect(roll).toMatchObject({
      code: HONOURS_DEMO_CODE,
      name: campaign.name,
      bloc: 'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình',
      decision: { number: '125-QĐ/ĐUK', date: '2019-08-05' },
    });
    expect(Object.keys(roll).sort()).toEqual(['bloc', 'categories', 'code', 'decision', 'name']);
    expect(roll.categories.map((c) => [c.kind, c.name])).toEqual([
      ['collective', 'Tập thể xuất sắc tiêu biểu'],
      ['individual', 'Cá nhân tiêu biểu'],
      ['product', 'Sản phẩm tiêu biểu'],
    ]);
    expect(roll.categories.map((c) => c.honourees.map((h) => h.nominationId))).toEqual(
      confirmed.map((keys) => keys.map((k) => byKey.get(k))),
    );
    const unitName = (
      await env().platform.db.selectFrom('units').select('name').where('code', '=', 'CS05').executeTakeFirstOrThrow()
    ).name;
    for (const c of roll.categories) {
      for (const [i, h] of c.honourees.entries()) {
        expect(Object.keys(h).sort()).toEqual(['citation', 'name', 'nominationId', 'photoUrl', 'position', 'unit']);
        expect(h).toMatchObject({
          position: i + 1,
          name: names.get(h.nominationId),
          citation: citationOf(summaries.get(h.nominationId)!),
        });
        expect(h.citation.length).toBeGreaterThan(20);
        expect(h.photoUrl === null).toBe(!photos.has(h.nominationId));
      }
    }
    expect(roll.categories[1].honourees[0].unit).toBe(unitName);
    expect(JSON.stringify(roll)).not.toMatch(/approve|reject|votes|dossier|summary|fileId/);
    const chosen = new Set(confirmed.flat());
    for (const key of [...byKey.keys()].filter((k) => !chosen.has(k))) {
      expect(JSON.stringify(roll), key).not.toContain(byKey.get(key)!);
      if (!key.startsWith('collective:')) expect(JSON.stringify(roll), key).not.toContain(names.get(byKey.get(key)!)!); // a collective's name may be an honouree's unit
    }
    expect(JSON.stringify(roll)).not.toContain(names.get(byKey.get('collective:CS04')!)!);

    // The photos: the bytes, typed, not sniffed, cacheable by version.
    const withPhoto = roll.categories
      .flatMap((c) => c.honourees)
      .flatMap((h) => (h.photoUrl ? [{ ...h, photoUrl: h.photoUrl }] : []));
    expect(withPhoto.map((h) => h.nominationId).sort()).toEqual(
      ['collective:CS02', 'individual:CS05', 'product:CS11'].map((k) => byKey.get(k)).sort(),
    );
    for (const h of withPhoto) {
      const photo = await anon.get(h.photoUrl);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/png');
      expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
      expect(photo.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(photo.headers.get('content-security-policy')).toMatch(/^sandbox/);
      // Stored re-encoded (no metadata), so the same pixels rather than the same bytes.
      expect(await pixels(new Uint8Array(await photo.arrayBuffer()))).toEqual(
        await pixels(photos.get(h.nominationId)!),
      );
      const again = await anon.request('GET', h.photoUrl, undefined, { 'if-none-match': photo.headers.get('etag')! });
      expect(again.status).toBe(304);
      const unversioned = await anon.get(h.photoUrl.split('?')[0]);
      expect([unversioned.status, unversioned.headers.get('cache-control')]).toEqual([200, 'public, max-age=300']);
      await unversioned.arrayBuffer();
    }
  });

  it('answers 404 without a session for anything else: an undecided campaign, a nominee not chosen, a dossier document, an honouree without a photo', async () => {
    const { platform } = env();
    await json(
      await board.post('/api/honours/campaigns', {
        code: 'TV-CHUA-XONG',
        name: 'Đợt tôn vinh chưa có quyết định',
        nominationOpens: '2019-07-01',
        nominationDue: '2019-08-30',
        categories: [{ kind: 'collective', name: 'Tập thể', quota: 3 }],
      }),
      201,
    );
    await notFound('/api/public/honours/TV-CHUA-XONG');
    await notFound('/api/public/honours/KHONG-CO');
    await notFound(`/api/public/honours/TV-CHUA-XONG/photos/${byKey.get('collective:CS02')}`);
    const bad = await json(await anonymous(env().app).get('/api/public/honours/..%2F..%2Fetc'), 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    // a nominee the Council did not choose, whose photo exists
    await notFound(`/api/public/honours/${HONOURS_DEMO_CODE}/photos/${byKey.get('collective:CS04')}`);
    // an honouree with only dossier documents
    await notFound(`/api/public/honours/${HONOURS_DEMO_CODE}/photos/${byKey.get('collective:CS01')}`);
    // a dossier document's own id, asked as a photo; and through the file store it needs a session
    const document = await platform.db
      .selectFrom('honour_dossier_items')
      .select('file_id')
      .where('nomination_id', '=', byKey.get('collective:CS02')!)
      .where('kind', '=', 'cover_submission')
      .executeTakeFirstOrThrow();
    await notFound(`/api/public/honours/${HONOURS_DEMO_CODE}/photos/${document.file_id}`);
    expect((await anonymous(env().app).get(`/api/files/${document.file_id}`)).status).toBe(401);
    // the demo campaign's nominations, results and documents stay behind sign-in
    for (const url of [
      `/api/honours/campaigns/${campaign.id}/results`,
      `/api/honours/nominations/${byKey.get('collective:CS02')}`,
      `/api/honours/campaigns/${campaign.id}/decision.pdf`,
    ]) {
      expect((await anonymous(env().app).get(url)).status, url).toBe(401);
    }
    const page = await env().app.request('/vinh-danh/TV-CHUA-XONG');
    expect([page.status, page.headers.get('content-type')]).toEqual([404, 'text/html; charset=UTF-8']);
    expect(await page.text()).toContain('Không tìm thấy bảng vinh danh');
    const list = await (await env().app.request('/vinh-danh')).text();
    expect(list).toContain(`href="/vinh-danh/${HONOURS_DEMO_CODE}"`);
    expect(list).not.toContain('TV-CHUA-XONG');
  });

  it('renders /vinh-danh/{code} in Vietnamese and, with ?lang=en, in English: the decision, the categories, a card per honouree', async () => {
    const roll: PublicRoll = await json(await anonymous(env().app).get(`/api/public/honours/${HONOURS_DEMO_CODE}`));
    const res = await env().app.request(`/vinh-danh/${HONOURS_DEMO_CODE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true);
    expect(html).toContain(
      `<title>Bảng vinh danh — ${campaign.name} – Đảng bộ khối Doanh nghiệp tỉnh Thái Bình</title>`,
    );
    expect(html).toMatch(
      /<meta name="description" content="Bảng vinh danh: [^"]*2 tập thể, 2 cá nhân, 2 sản phẩm — Quyết định số 125-QĐ\/ĐUK ngày 05 tháng 8 năm 2019/,
    );
    expect(html).toContain('Đảng bộ khối Doanh nghiệp tỉnh Thái Bình');
    expect(html).toContain(`<h1>${campaign.name}</h1>`);
    expect(html).toContain('Theo Quyết định số 125-QĐ/ĐUK ngày 05 tháng 8 năm 2019');
    const headings = [...html.matchAll(/<h2 id="category-\d">([^<]*)/g)].map((m) => m[1].trim());
    expect(headings).toEqual(['Tập thể xuất sắc tiêu biểu', 'Cá nhân tiêu biểu', 'Sản phẩm tiêu biểu']);
    const cards = [...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    const escape = (s: string) =>
      s
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    expect(cards).toEqual(confirmed.flat().map((k) => escape(names.get(byKey.get(k)!)!)));
    for (const h of roll.categories.flatMap((c) => c.honourees)) {
      expect(html).toContain(escape(h.citation));
      if (h.photoUrl) expect(html).toContain(`<img src="${escape(h.photoUrl)}" alt="Ảnh: ${escape(h.name)}"`);
    }
    // Without a photo, a letter: "Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà" → C, a person by the given name, a product by its own
    const initials = [...html.matchAll(/<div class="initial" aria-hidden="true">([^<]*)<\/div>/g)].map((m) => m[1]);
    expect(initials).toEqual(
      ['collective:CS01', 'individual:CS02', 'product:CS02'].map((k) =>
        initialOf(k.split(':')[0] as never, names.get(byKey.get(k)!)!),
      ),
    );
    expect(initialOf('collective', 'Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà')).toBe('C');
    expect(initialOf('individual', 'Bùi Quang Mạnh')).toBe('M');
    expect(initialOf('product', 'Áo sơ mi xuất khẩu KX-19 (Công ty Cổ phần May Kiến Xương Xanh)')).toBe('Á');
    expect(html).not.toContain(escape(names.get(byKey.get('collective:CS04')!)!));
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script');

    const en = await (await env().app.request(`/vinh-danh/${HONOURS_DEMO_CODE}?lang=en`)).text();
    expect(en.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(en).toContain('<title>Roll of honour — ');
    expect(en).toContain('By Decision No. 125-QĐ/ĐUK of 05/08/2019');
    expect([...en.matchAll(/<h2 id="category-\d">([^<]*)/g)].map((m) => m[1].trim())).toEqual([
      'Outstanding collectives',
      'Outstanding individuals',
      'Outstanding products',
    ]);
    expect(en).toContain('alt="Photo: ');
    expect(en).toContain('2 collectives, 2 individuals, 2 products');
  });

  it('is served before the web app, whose fallback still answers other paths', async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const app = createApp(env().platform, { webDir });
    for (const url of ['/vinh-danh', `/vinh-danh/${HONOURS_DEMO_CODE}`, '/vinh-danh/KHONG-CO']) {
      const html = await (await app.request(url)).text();
      expect(html, url).toContain('<html lang="vi">');
      expect(html, url).not.toContain('id="root"');
    }
    expect(await (await app.request('/app/honours/xyz')).text()).toContain('id="root"');
    const moved = await app.request('/honours/xyz?tab=2');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/app/honours/xyz?tab=2']);
  });
});
