import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { anonymous, type Client, signIn, json } from '../../../../test/support/client.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../organisation/access.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { addPosition, createPerson } from '../organisation/people.ts';
import type { CeremonyOut, EntryOut, FestivalOut, ResultsOut, RoundOut, SheetOut } from './schema.ts';

/**
 * The festival end to end on both databases: entries by two units for their own workers (with a
 * backing track that must be audio), the round with its panel, secrecy before the round closes (a
 * judge's and a unit's view), locking, the method frozen by the first lock, recusal (by unit and
 * declared), the head judge's change to a locked sheet with its reason, closing, certification,
 * the public results, prizes and the acts chosen for the ceremony, and who may do what.
 */
describeEachDatabase('festival', (kind) => {
  const env = useTestEnv(kind, { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 });
  const unit = new Map<string, string>();
  const people = new Map<string, string>();
  const c: Record<string, Client> = {};
  const judgeIds: Record<string, string> = {};
  let f: FestivalOut;
  let e1: EntryOut;
  let e2: EntryOut;
  let round: RoundOut;

  const code = async (res: Response) => {
    const body = (await res.json()) as { error?: { code: string } };
    return `${res.status} ${body.error?.code ?? ''}`.trim();
  };
  const upload = (client: Client, bytes: Uint8Array<ArrayBuffer>, name: string) =>
    env().app.request(`/api/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie!,
        'x-csrf-token': client.csrfToken!,
        'content-type': 'application/octet-stream',
        'x-forwarded-for': '203.0.113.7',
      },
      body: bytes,
    }) as Promise<Response>;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-07-10T03:00:00Z'));
    await organisationDemo.load(platform);
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    const worker = async (key: string, unitCode: string) => {
      const p = await createPerson(platform, systemCaller(), {
        fullName: `Công nhân ${key}`,
        gender: 'female',
        birthYear: 1995,
      });
      await addPosition(platform, systemCaller(), p.id, {
        unitId: unit.get(unitCode)!,
        title: 'Công nhân',
        validFrom: '2015-01-01',
      });
      people.set(key, p.id);
    };
    for (const k of ['A1', 'A2']) await worker(k, 'CS02-DN');
    for (const k of ['B1', 'B2']) await worker(k, 'CS05-DN');
    const as = async (name: string, role: 'office_staff' | 'unit_officer' | 'judge', unitCode: string | null) => {
      const u = await buildUser(platform, {
        displayName: name,
        grants: [{ role, unitId: unitCode ? unit.get(unitCode)! : null }],
      });
      c[name] = await signIn(app, u.username, u.password);
      return u.id;
    };
    await as('organiser', 'office_staff', 'VP');
    await as('cs02', 'unit_officer', 'CS02');
    await as('cs05', 'unit_officer', 'CS05');
    judgeIds.head = await as('head', 'judge', null);
    judgeIds.j2 = await as('j2', 'judge', null);
    judgeIds.j3 = await as('j3', 'judge', null);
    judgeIds.outsider = await as('outsider', 'judge', null);
  }, 120_000);

  it('sets up a festival; units enter acts of their own workers within their limit, a backing track only as audio', async () => {
    expect((await c.cs02.post('/api/festivals', { code: 'LH', name: 'Liên hoan' })).status).toBe(403);
    f = await json<FestivalOut>(
      await c.organiser.post('/api/festivals', { code: 'LH2019', name: 'Liên hoan Tiếng hát 2019', entriesPerUnit: 1 }),
      201,
    );
    const act = {
      unitId: unit.get('CS02-DN')!,
      performance: 'solo',
      personIds: [people.get('A1')],
      song: 'Tự nguyện',
      composer: 'Trương Quốc Khánh',
      genre: 'Ca khúc cách mạng',
      accompaniment: 'backing',
      declaredSeconds: 240,
    };
    // Another unit's worker, another unit's entry, a duet of one, a backing track that is not audio.
    expect(
      await code(await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, personIds: [people.get('B1')] })),
    ).toBe('400 VALIDATION_FAILED');
    expect((await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, unitId: unit.get('CS05-DN') })).status).toBe(
      403,
    );
    expect((await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, performance: 'duet' })).status).toBe(400);
    expect((await c.cs02.post(`/api/festivals/${f.id}/entries`, act)).status).toBe(400); // no track
    const text = await json<{ id: string }>(
      await upload(c.cs02, new TextEncoder().encode('không phải nhạc'), 'nhac.mp3'),
      201,
    );
    expect(
      await code(await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, backingTrackFileId: text.id })),
    ).toBe('400 VALIDATION_FAILED');
    // A real WAV: 8 kHz mono 16-bit, 3.2 s of silence — the server reads its length from the headers.
    const sound = 8000 * 2 * 3.2;
    const wav = new Uint8Array(44 + sound);
    const head = new DataView(wav.buffer);
    wav.set(new TextEncoder().encode('RIFF'), 0);
    head.setUint32(4, 36 + sound, true);
    wav.set(new TextEncoder().encode('WAVEfmt '), 8);
    for (const [at, v, n] of [
      [16, 16, 4],
      [20, 1, 2],
      [22, 1, 2],
      [24, 8000, 4],
      [28, 16000, 4],
      [32, 2, 2],
      [34, 16, 2],
    ])
      n === 4 ? head.setUint32(at, v, true) : head.setUint16(at, v, true);
    wav.set(new TextEncoder().encode('data'), 36);
    head.setUint32(40, sound, true);
    // A file that only begins like a WAV (no sound in it) is audio by its signature but has no length: refused.
    const stub = await json<{ id: string }>(await upload(c.cs02, wav.slice(0, 36), 'rong.wav'), 201);
    expect(
      await code(await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, backingTrackFileId: stub.id })),
    ).toBe('400 VALIDATION_FAILED');
    const track = await json<{ id: string; mediaType: string }>(await upload(c.cs02, wav, 'Tự nguyện (beat).wav'), 201);
    expect(track.mediaType).toBe('audio/wav');
    e1 = await json<EntryOut>(
      await c.cs02.post(`/api/festivals/${f.id}/entries`, { ...act, backingTrackFileId: track.id }),
      201,
    );
    expect(e1.backingTrack?.mediaType).toBe('audio/wav');
    expect(e1.trackSeconds).toBe(4); // 3.2 s, rounded up
    expect(e1.measuredSeconds).toBeNull();
    expect(e1.performers.map((p) => p.name)).toEqual(['Công nhân A1']);
    // The unit's limit is one act.
    expect(
      await code(
        await c.cs02.post(`/api/festivals/${f.id}/entries`, {
          ...act,
          personIds: [people.get('A2')],
          accompaniment: 'live',
        }),
      ),
    ).toBe('400 VALIDATION_FAILED');
    e2 = await json<EntryOut>(
      await c.cs05.post(`/api/festivals/${f.id}/entries`, {
        ...act,
        unitId: unit.get('CS05-DN'),
        performance: 'duet',
        personIds: [people.get('B1'), people.get('B2')],
        song: 'Quê hương',
        composer: 'Giáp Văn Thạch',
        lyricist: 'Đỗ Trung Quân',
        accompaniment: 'live',
      }),
      201,
    );
    // A unit sees its own act while it waits, not the other unit's.
    const seen = await json<{ items: EntryOut[] }>(await c.cs05.get(`/api/festivals/${f.id}/entries`));
    expect(seen.items.map((e) => e.id)).toEqual([e2.id]);
    expect((await c.cs02.post(`/api/festivals/${f.id}/entries/${e2.id}/decision`, { decision: 'accept' })).status).toBe(
      403,
    );
    expect(
      (await c.organiser.post(`/api/festivals/${f.id}/entries/${e2.id}/decision`, { decision: 'return' })).status,
    ).toBe(400);
    for (const e of [e1, e2])
      await json(await c.organiser.post(`/api/festivals/${f.id}/entries/${e.id}/decision`, { decision: 'accept' }));
    expect((await json<{ items: EntryOut[] }>(await c.cs05.get(`/api/festivals/${f.id}/entries`))).items).toHaveLength(
      2,
    );
  });

  it('sets up the exchange night: the panel with one head judge, a guest from a competing unit recused from its act', async () => {
    const input = {
      kind: 'exchange',
      name: 'Đêm giao lưu',
      heldOn: '2019-08-19',
      venue: 'Cung Văn hóa Lao động',
      maxActSeconds: 300,
      method: 'median',
      tieBreak: ['voice'],
      criteria: [
        { code: 'voice', name: 'Giọng hát', weight: 60, max: 10 },
        { code: 'stage', name: 'Biểu diễn', weight: 40, max: 10 },
      ],
      judges: [
        { userId: judgeIds.head, name: 'Trưởng ban', head: true },
        { userId: judgeIds.j2, name: 'Giám khảo 2' },
        { userId: judgeIds.j3, name: 'Giám khảo 3' },
        { name: 'Khách mời', unitId: unit.get('CS05') },
      ],
      orderSeed: 'LH2019',
    };
    expect(
      (await c.organiser.post(`/api/festivals/${f.id}/rounds`, { ...input, judges: input.judges.slice(1) })).status,
    ).toBe(400);
    // The set-up screen offers the judges' accounts, to the organisers only.
    expect((await c.cs02.get('/api/festival-judges')).status).toBe(403);
    const accounts = await json<{ items: { userId: string; displayName: string }[] }>(
      await c.organiser.get('/api/festival-judges'),
    );
    const offered = accounts.items.map((a) => a.userId);
    expect(offered).toEqual(expect.arrayContaining([judgeIds.head, judgeIds.j2, judgeIds.j3, judgeIds.outsider]));
    // Only judges: the organisation demo's judge besides these, no unit officer, no organiser.
    const roles = await env()
      .platform.db.selectFrom('role_grants')
      .select('role')
      .where('user_id', 'in', offered)
      .execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['judge']));
    round = await json<RoundOut>(await c.organiser.post(`/api/festivals/${f.id}/rounds`, input), 201);
    expect(round.order.map((s) => s.entryId).sort()).toEqual([e1.id, e2.id].sort());
    const guest = round.judges.find((j) => j.userId === null)!;
    expect(round.recusals).toEqual([{ judgeId: guest.id, entryId: e2.id, cause: 'unit', note: '' }]);
    expect(round.progress.find((p) => p.judgeId === guest.id)?.expected).toBe(1);
    const mine = await json<RoundOut>(await c.j2.get(`/api/festival-rounds/${round.id}`));
    expect(mine.me).toEqual({ judgeId: round.judges[1].id, head: false });

    // The set-up changes before any lock: a fifth judge joins and leaves, the venue moves, a weight changes.
    const setUp = (r: RoundOut, extra: object[] = []) => ({
      name: r.name,
      heldOn: r.heldOn,
      venue: r.venue,
      maxActSeconds: r.maxActSeconds,
      method: r.method,
      tieBreak: r.tieBreak,
      criteria: r.criteria.map(({ id: _, ...x }) => x),
      judges: [...r.judges.map(({ id, userId, name, unitId, head }) => ({ id, userId, name, unitId, head })), ...extra],
    });
    const put = (body: object, who = 'organiser') => c[who].put(`/api/festival-rounds/${round.id}`, body);
    expect((await put(setUp(round), 'cs02')).status).toBe(403);
    expect(await code(await put({ ...setUp(round), criteria: [] }))).toBe('400 VALIDATION_FAILED');
    const grown = await json<RoundOut>(
      await put({ ...setUp(round, [{ userId: judgeIds.outsider, name: 'Giám khảo 5' }]), venue: 'Nhà văn hóa' }),
    );
    expect(grown.judges.map((j) => j.name)).toEqual([
      'Trưởng ban',
      'Giám khảo 2',
      'Giám khảo 3',
      'Khách mời',
      'Giám khảo 5',
    ]);
    expect(grown.judges.slice(0, 4).map((j) => j.id)).toEqual(round.judges.map((j) => j.id)); // kept by id
    expect(grown.venue).toBe('Nhà văn hóa');
    const back = await json<RoundOut>(
      await put({
        ...setUp(round),
        criteria: [
          { code: 'voice', name: 'Giọng hát', weight: 60, max: 10 },
          { code: 'stage', name: 'Biểu diễn', weight: 40, max: 10 },
        ],
      }),
    );
    expect(back.judges).toEqual(round.judges);
    expect(back.recusals).toEqual(round.recusals); // the guest is still recused from the act of their unit
    round = back;
  });

  it('keeps every judge’s marks secret before the round closes, and freezes the method at the first lock', async () => {
    const sheets = `/api/festival-rounds/${round.id}/sheets`;
    await json<SheetOut>(await c.j2.put(`${sheets}/${e1.id}`, { scores: { voice: 9 } }));
    // A draft cannot be locked until every criterion is scored.
    expect(await code(await c.j2.post(`${sheets}/${e1.id}/lock`, {}))).toBe('400 VALIDATION_FAILED');
    expect(await code(await c.j2.put(`${sheets}/${e1.id}`, { scores: { voice: 11 } }))).toBe('400 VALIDATION_FAILED');
    await json<SheetOut>(await c.j2.put(`${sheets}/${e1.id}`, { scores: { voice: 9, stage: 9 } }));
    // The other judges, the head judge, a unit and the organisers see none of it.
    for (const who of ['head', 'j3'])
      expect(await json<{ scope: string; items: SheetOut[] }>(await c[who].get(sheets))).toEqual({
        scope: 'own',
        items: [],
      });
    expect((await json<{ items: SheetOut[] }>(await c.cs02.get(sheets))).items).toEqual([]);
    expect((await json<{ items: SheetOut[] }>(await c.organiser.get(sheets))).items).toEqual([]);
    for (const who of ['head', 'organiser', 'cs02', 'j2'])
      expect(await code(await c[who].get(`/api/festival-rounds/${round.id}/results`))).toBe('409 RESULTS_SECRET');
    // The public page names the night and the acts, and no result, no mark, before certification.
    const before = await env().app.request('/hoi-dien/LH2019');
    expect(before.status).toBe(200);
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain('Kết quả được công bố sau khi Trưởng ban giám khảo chứng nhận.');
    expect(beforeHtml).toContain('Tự nguyện');
    expect(beforeHtml).not.toContain('data-results');
    expect(beforeHtml).not.toMatch(/\b9\.00\b|"score"/);
    // A judge not on this panel may not score in it; a unit officer may not at all.
    expect((await c.outsider.put(`${sheets}/${e1.id}`, { scores: { voice: 5, stage: 5 } })).status).toBe(403);
    expect((await c.cs02.put(`${sheets}/${e1.id}`, { scores: { voice: 5, stage: 5 } })).status).toBe(403);
    // The method may change until the first lock.
    await json(
      await c.organiser.put(`/api/festival-rounds/${round.id}/method`, { method: 'mean', tieBreak: ['voice'] }),
    );
    const locked = await json<SheetOut>(await c.j2.post(`${sheets}/${e1.id}/lock`, {}));
    expect(locked.status).toBe('locked');
    expect(
      await code(await c.organiser.put(`/api/festival-rounds/${round.id}/method`, { method: 'median', tieBreak: [] })),
    ).toBe('409 METHOD_FROZEN');
    expect(await code(await c.organiser.put(`/api/festival-rounds/${round.id}/order`, { seed: 'again' }))).toBe(
      '409 METHOD_FROZEN',
    );
    // After the first lock the panel and criteria stand; the venue may still move.
    const frozenSetUp = {
      name: round.name,
      heldOn: round.heldOn,
      venue: round.venue,
      maxActSeconds: round.maxActSeconds,
      method: 'mean',
      tieBreak: ['voice'],
      criteria: round.criteria.map(({ id: _, ...x }) => x),
      judges: round.judges.map(({ id, userId, name, unitId, head }) => ({ id, userId, name, unitId, head })),
    };
    expect(
      await code(
        await c.organiser.put(`/api/festival-rounds/${round.id}`, {
          ...frozenSetUp,
          judges: frozenSetUp.judges.slice(0, 3),
        }),
      ),
    ).toBe('409 METHOD_FROZEN');
    round = await json<RoundOut>(
      await c.organiser.put(`/api/festival-rounds/${round.id}`, {
        ...frozenSetUp,
        venue: 'Cung Văn hóa Lao động tỉnh',
      }),
    );
    expect(round.venue).toBe('Cung Văn hóa Lao động tỉnh');
    expect(await code(await c.j2.put(`${sheets}/${e1.id}`, { scores: { voice: 1, stage: 1 } }))).toBe(
      '409 SHEET_LOCKED',
    );
    const r = await json<RoundOut>(await c.head.get(`/api/festival-rounds/${round.id}`));
    expect(r.methodFrozen).toBe(true);
    expect(r.method).toBe('mean');
    expect(r.progress.find((p) => p.judgeId === round.judges[1].id)?.locked).toBe(1);
    // The lock is the judge's own: still hidden from the others.
    expect((await json<{ items: SheetOut[] }>(await c.head.get(sheets))).items).toEqual([]);
  });

  it('handles recusal: a guest from the unit cannot score its act; a judge declares a conflict', async () => {
    const sheets = `/api/festival-rounds/${round.id}/sheets`;
    const guest = round.judges.find((j) => j.userId === null)!;
    expect(
      await code(await c.head.put(`${sheets}/${e2.id}`, { judgeId: guest.id, scores: { voice: 5, stage: 5 } })),
    ).toBe('409 JUDGE_RECUSED');
    // Only the head judge keys in a guest's paper sheet.
    expect((await c.j2.put(`${sheets}/${e1.id}`, { judgeId: guest.id, scores: { voice: 5, stage: 5 } })).status).toBe(
      403,
    );
    await json(await c.j3.put(`${sheets}/${e2.id}`, { scores: { voice: 2, stage: 2 } }));
    const j3 = round.judges[2].id;
    const after = await json<RoundOut>(
      await c.j3.post(`/api/festival-rounds/${round.id}/recusals`, {
        judgeId: j3,
        entryId: e2.id,
        note: 'Người thân hát',
      }),
    );
    expect(after.recusals).toContainEqual({ judgeId: j3, entryId: e2.id, cause: 'declared', note: 'Người thân hát' });
    expect((await json<{ items: SheetOut[] }>(await c.j3.get(sheets))).items).toEqual([]); // the draft went with it
    // j2 may not declare for j3.
    expect(
      (await c.j2.post(`/api/festival-rounds/${round.id}/recusals`, { judgeId: j3, entryId: e1.id, note: 'x' })).status,
    ).toBe(403);
  });

  it('closes only when every sheet is locked; then the head judge sees every sheet, changes one with a reason, and certifies', async () => {
    const { platform } = env();
    const base = `/api/festival-rounds/${round.id}`;
    const guest = round.judges.find((j) => j.userId === null)!;
    const score = async (who: string, entry: string, voice: number, stage: number, judgeId?: string) => {
      await json(await c[who].put(`${base}/sheets/${entry}`, { judgeId, scores: { voice, stage } }));
      await json(await c[who].post(`${base}/sheets/${entry}/lock`, { judgeId }));
    };
    await score('head', e1.id, 8, 7);
    expect(await code(await c.head.post(`${base}/close`))).toBe('409 SHEETS_MISSING');
    await score('head', e2.id, 9, 8);
    await score('j2', e2.id, 6, 6);
    await score('j3', e1.id, 7, 7);
    await score('head', e1.id, 8, 9, guest.id);
    expect((await c.j2.post(`${base}/close`)).status).toBe(403);
    await json(await c.head.post(`${base}/close`));
    expect(await code(await c.j3.put(`${base}/sheets/${e1.id}`, { scores: { voice: 1, stage: 1 } }))).toBe(
      '409 ROUND_CLOSED',
    );

    // Closed: every sheet for the head judge and the organisers; still one's own for a judge; nothing for a unit.
    const all = await json<{ scope: string; items: SheetOut[] }>(await c.head.get(`${base}/sheets`));
    expect(all.scope).toBe('all');
    expect(all.items).toHaveLength(6);
    expect((await json<{ items: SheetOut[] }>(await c.j2.get(`${base}/sheets`))).items).toHaveLength(2);
    expect(await code(await c.cs02.get(`${base}/results`))).toBe('409 RESULTS_SECRET');
    const provisional = await json<ResultsOut>(await c.organiser.get(`${base}/results`));
    expect(provisional.certified).toBe(false);

    // The head judge changes j2's locked sheet for E1 (9, 9 → 8, 8), with a reason kept beside it.
    const j2sheet = all.items.find((s) => s.judgeId === round.judges[1].id && s.entryId === e1.id)!;
    expect(
      (
        await c.j2.post(`${base}/locked-sheets/${j2sheet.id}/amendment`, {
          scores: { voice: 8, stage: 8 },
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const amended = await json<SheetOut>(
      await c.head.post(`${base}/locked-sheets/${j2sheet.id}/amendment`, {
        scores: { voice: 8, stage: 8 },
        reason: 'Giám khảo ghi nhầm ô điểm, đã xác nhận với giám khảo',
      }),
    );
    expect(amended.scores).toEqual({ voice: 8, stage: 8 });
    expect(amended.changes).toEqual([
      expect.objectContaining({ before: { voice: 9, stage: 9 }, after: { voice: 8, stage: 8 } }),
    ]);
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', j2sheet.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'festival_sheet.save',
      'festival_sheet.save',
      'festival_sheet.lock',
      'festival_sheet.amend',
    ]);
    expect(audit.at(-1)?.after_json).toContain('ghi nhầm');

    // Certified: E1 (48+28, 48+32, 42+28, 48+36 → 310/4 = 77.5) before E2 (54+32, 36+24 → 146/2 = 73).
    expect((await c.j2.post(`${base}/certify`)).status).toBe(403);
    const results = await json<ResultsOut>(await c.head.post(`${base}/certify`));
    expect(results.certified).toBe(true);
    expect(results.ranking.map((x) => [x.entryId, x.score, x.rank])).toEqual([
      [e1.id, 77.5, 1],
      [e2.id, 73, 2],
    ]);
    expect(results.ranking[1].explanation.recused.sort()).toEqual([guest.id, round.judges[2].id].sort());
    expect(results.ranking[1].explanation.arithmetic.en).toBe('(86 + 60) ÷ 2 = 73');
    expect(
      await code(
        await c.head.post(`${base}/locked-sheets/${j2sheet.id}/amendment`, {
          scores: { voice: 1, stage: 1 },
          reason: 'x',
        }),
      ),
    ).toBe('409 ROUND_CERTIFIED');
    // Now a unit, the other judges and the public see the results.
    expect((await json<ResultsOut>(await c.cs02.get(`${base}/results`))).ranking).toHaveLength(2);
    expect((await json<{ scope: string }>(await c.j3.get(`${base}/sheets`))).scope).toBe('all');
    const pub = await json<{ items: { code: string; rounds: { results: { rank: number; song: string }[] }[] }[] }>(
      await anonymous(env().app).get('/api/public/festivals'),
    );
    expect(pub.items[0].rounds[0].results.map((x) => [x.rank, x.song])).toEqual([
      [1, 'Tự nguyện'],
      [2, 'Quê hương'],
    ]);
    // The server-rendered page: the ranking with the scores, a title, a canonical address and an Event.
    const html = await (await env().app.request('/hoi-dien/LH2019?lang=en')).text();
    expect(html).toMatch(/<title>Liên hoan Tiếng hát 2019 – [^<]+<\/title>/); // the site's frame adds the organisation
    expect(html).toMatch(/<link rel="canonical" href="http[^"]*\/hoi-dien\/LH2019\?lang=en"/);
    expect(html).toContain('property="og:title"');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
    expect(ld).toMatchObject({ '@type': 'Event', name: 'Liên hoan Tiếng hát 2019', startDate: round.heldOn });
    expect(html).toContain('data-results');
    expect(html.indexOf('Tự nguyện', html.indexOf('data-results'))).toBeLessThan(
      html.indexOf('Quê hương', html.indexOf('data-results')),
    );
    expect(html).toContain('77.50');
    const { publicFestivals } = await import('./index.ts');
    expect(await publicFestivals(platform.db)).toEqual([
      {
        code: 'LH2019',
        name: 'Liên hoan Tiếng hát 2019',
        date: round.heldOn,
        venue: round.venue,
        certified: true,
        link: '/hoi-dien/LH2019',
      },
    ]);
    expect((await env().app.request('/hoi-dien/KHONG-CO')).status).toBe(404);
    expect(await (await env().app.request('/hoi-dien')).text()).toContain('href="/hoi-dien/LH2019"');
  });

  it('gives prizes, chooses the ceremony’s acts with their measured durations, and runs the night’s order', async () => {
    const base = `/api/festival-rounds/${round.id}`;
    expect((await c.cs02.put(`${base}/prizes`, { prizes: [] })).status).toBe(403);
    const prized = await json<ResultsOut>(
      await c.organiser.put(`${base}/prizes`, {
        prizes: [
          { entryId: e1.id, kind: 'A' },
          { entryId: e2.id, kind: 'special', title: 'Giải song ca ấn tượng' },
        ],
      }),
    );
    expect(prized.ranking.map((x) => x.prizes)).toEqual([
      [{ kind: 'A', title: null }],
      [{ kind: 'special', title: 'Giải song ca ấn tượng' }],
    ]);
    // Not timed on the night: the backing track's length (read from the file) carries over.
    const untimed = await json<CeremonyOut>(
      await c.organiser.put(`/api/festivals/${f.id}/ceremony`, { acts: [{ entryId: e1.id, measuredSeconds: null }] }),
    );
    expect(untimed.acts).toEqual([expect.objectContaining({ entryId: e1.id, seconds: 4, measured: false })]);
    expect(await (await env().app.request('/hoi-dien/LH2019')).text()).toContain('Giải A');
    const chosen = await json<CeremonyOut>(
      await c.organiser.put(`/api/festivals/${f.id}/ceremony`, { acts: [{ entryId: e1.id, measuredSeconds: 251 }] }),
    );
    expect(chosen.acts).toEqual([
      expect.objectContaining({ position: 1, entryId: e1.id, song: 'Tự nguyện', seconds: 251, measured: true }),
    ]);
    expect((await c.cs02.put(`/api/festivals/${f.id}/ceremony`, { acts: [] })).status).toBe(403);
    const { ceremonyActs } = await import('./index.ts');
    expect((await ceremonyActs(env().platform.db, f.id)).acts.map((a) => a.seconds)).toEqual([251]);

    const running = await json<{ now: { position: number } | null; next: { position: number } | null }>(
      await c.head.put(`${base}/now`, { position: 1 }),
    );
    expect([running.now?.position, running.next?.position]).toEqual([1, 2]);
    expect((await c.j2.put(`${base}/now`, { position: 2 })).status).toBe(403);
    const last = await json<{ now: { position: number } | null; next: unknown }>(
      await c.organiser.put(`${base}/now`, { position: 2 }),
    );
    expect([last.now?.position, last.next]).toEqual([2, null]);
  });
});
