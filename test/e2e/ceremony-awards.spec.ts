import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { decryptTotal, encryptBallot, generateKey } from '../../src/common/ballotCrypto.ts';
import { ADMIN_PASSWORD, desktop, phone, screenshot, signIn } from './support.ts';

/**
 * The ceremony's award presentations built from a decided honours campaign, in the browser. The
 * honours demo never decides a campaign, so the journey's setup makes a small one through the API
 * as the administrator (nominations screened eligible, one Council round per category through the
 * encrypted ballot, the decision) and a ceremony that takes its awards from it, with two guests who
 * may present. In the browser the organiser sees the batches with their presenters, freezes them,
 * downloads the MC's script and finds every honouree and presenter in it; times a rehearsal
 * passage and sees the pace change; and the seed's conference shows the festival's acts among
 * its segments (desktop and 390 px).
 */
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

async function decidedCampaignAndCeremony(baseURL: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, url: string, data?: unknown, status?: number) => {
    const res = await ctx.fetch(url, { method, data: data as never, headers: { 'X-CSRF-Token': csrfToken } });
    const expected =
      status ??
      (method === 'POST' && !/\/(dossier|submit|screening|ballots|close|tally|ballot-key|confirm|attendance)$/.test(url)
        ? 201
        : 200);
    expect(res.status(), `${method} ${url}: ${(await res.text()).slice(0, 300)}`).toBe(expected);
    return res.json();
  };
  const upload = async (name: string, text: string) => {
    const res = await ctx.post(`/api/files?name=${encodeURIComponent(name)}`, {
      data: Buffer.from(text),
      headers: { 'content-type': 'application/octet-stream', 'X-CSRF-Token': csrfToken },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const units = new Map<string, string>(
    ((await call('GET', '/api/units?pageSize=500')).items as { id: string; code: string }[]).map((u) => [u.code, u.id]),
  );
  const member = async (code: string) =>
    (
      (await call('GET', `/api/people?unitId=${units.get(code)}&partyMember=1&pageSize=20`)).items as {
        id: string;
        partyUnitId: string | null;
      }[]
    ).find((p) => p.partyUnitId)!.id;
  const campaign = await call('POST', '/api/honours/campaigns', {
    code: `TV-LE-${suffix}`,
    name: `Tôn vinh nhân kỷ niệm 15 năm (lễ ${suffix})`,
    nominationOpens: today,
    nominationDue: today,
    councilUnitId: units.get('HDTDKT'),
    categories: [
      { kind: 'collective', name: 'Tập thể xuất sắc tiêu biểu', quota: 3 },
      { kind: 'individual', name: 'Cá nhân tiêu biểu', quota: 3 },
      { kind: 'product', name: 'Sản phẩm tiêu biểu', quota: 3 },
    ],
  });
  const [collective, individual, product] = campaign.categories as { id: string }[];
  const nominate = async (categoryId: string, unit: string, nominee: Record<string, string>, summary: string) => {
    const n = await call('POST', `/api/honours/campaigns/${campaign.id}/nominations`, {
      categoryId,
      unitId: units.get(unit),
      summary,
      ...nominee,
    });
    for (const kind of ['cover_submission', 'achievement_report', 'review_minutes'])
      await call('POST', `/api/honours/nominations/${n.id}/dossier`, {
        fileId: await upload(`${kind}.txt`, `${kind}: ${summary}\n`),
        kind,
      });
    await call('POST', `/api/honours/nominations/${n.id}/submit`);
    await call('POST', `/api/honours/nominations/${n.id}/screening`, { results: [], eligible: true });
    return n as { id: string };
  };
  const chosen = {
    collective: [
      await nominate(
        collective.id,
        'CS02',
        { nomineeUnitId: units.get('CS02')! },
        'Đảng bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ.',
      ),
      await nominate(collective.id, 'CS01', { nomineeUnitId: units.get('CS01')! }, 'Cấp nước sạch cho 45.000 hộ dân.'),
      await nominate(
        collective.id,
        'CS04',
        { nomineeUnitId: units.get('CS04')! },
        'Thi công 14 công trình trọng điểm.',
      ),
    ],
    individual: [
      await nominate(individual.id, 'CS05', { nomineePersonId: await member('CS05') }, 'Chế tạo máy tách hạt giống.'),
    ],
    product: [
      await nominate(
        product.id,
        'CS11',
        { productName: `Gạch men sứ ${suffix}`, productEnterpriseId: units.get('CS11-DN')! },
        'Đạt tiêu chuẩn TCVN, xuất khẩu sang Hàn Quốc.',
      ),
    ],
  };
  const adminId = (await call('GET', '/api/auth/me')).user.id as string;
  const session = await call('POST', '/api/honours/sessions', {
    campaignId: campaign.id,
    title: `Phiên họp xét chọn (lễ ${suffix})`,
    heldOn: today,
    members: [{ userId: adminId, role: 'chair' }],
    rules: {},
  });
  await call('POST', `/api/honours/sessions/${session.id}/attendance`, {
    attendance: [{ userId: adminId, attendance: 'present' }],
  });
  const key = generateKey(`session|${session.id}`);
  await call('POST', `/api/honours/sessions/${session.id}/ballot-key`, { publicKey: key.publicKey, proof: key.proof });
  for (const [categoryId, noms] of [
    [collective.id, chosen.collective],
    [individual.id, chosen.individual],
    [product.id, chosen.product],
  ] as const) {
    const r = await call('POST', `/api/honours/sessions/${session.id}/rounds`, { categoryId });
    const ballot = encryptBallot(
      key.publicKey,
      r.id,
      noms.map((n) => ({ nominationId: n.id, cells: [1, 0, 0] as (0 | 1)[] })),
      false,
    );
    await call('POST', `/api/honours/rounds/${r.id}/ballots`, { ballot });
    const closed = await call('POST', `/api/honours/rounds/${r.id}/close`);
    const totals = (closed.box.totals as { nominationId: string; kind: string; a: string; b: string }[]).map((t) => {
      const { count, share } = decryptTotal(key.secret, t, 1, `${r.id}|${t.nominationId}|${t.kind}`);
      return { nominationId: t.nominationId, kind: t.kind, count, ...share };
    });
    await call('POST', `/api/honours/rounds/${r.id}/tally`, { totals });
  }
  await call('POST', `/api/honours/campaigns/${campaign.id}/confirm`, {
    decisionNumber: '130-QĐ/ĐUK',
    decidedOn: today,
  });
  const ceremony = await call('POST', '/api/ceremonies', {
    code: `LE-TV-${suffix}`,
    name: `Lễ tôn vinh ${suffix}`,
    eventDate: today,
    venue: 'Nhà văn hóa tỉnh',
    doors: '19:00',
    start: '19:30',
    targetEnd: '21:30',
    honoursCampaignId: campaign.id,
    stageSize: 2,
  });
  for (const g of [
    { name: 'Lê Văn Thành', title: 'Phó Bí thư Thường trực Tỉnh ủy', level: 'province', branch: 'party', rank: 2 },
    { name: 'Vũ Thị Lan', title: 'Phó Chủ tịch HĐND tỉnh', level: 'province', branch: 'state', rank: 3 },
  ]) {
    const list = await call('POST', `/api/ceremonies/${ceremony.id}/guests`, { ...g, mayPresent: true });
    const added = (list.items as { id: string; name: string }[]).find((x) => x.name === g.name)!;
    await call('PATCH', `/api/ceremonies/${ceremony.id}/guests/${added.id}`, { reply: 'attending' });
  }
  await ctx.dispose();
  return { ceremonyId: ceremony.id as string };
}

test('award batches from a decided campaign, frozen, in the MC’s script; a rehearsal calibrates the pace; the festival’s acts in the programme', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { ceremonyId } = await decidedCampaignAndCeremony(test.info().project.use.baseURL!);
  const context = await browser.newContext({ viewport: desktop, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page);

  // the batches the results give: 3 collectives on a stage of 2 as 2 and 1, then the individual, then the product
  await page.goto(`/ceremonies/${ceremonyId}?tab=awards`);
  await expect(page.getByTestId('award-batch')).toHaveCount(4);
  await expect(page.getByTestId('award-batch').first()).toContainText('Lê Văn Thành');
  await expect(page.getByTestId('award-batch').nth(1)).toContainText('Vũ Thị Lan');
  await page.getByTestId('awards-freeze').click();
  await expect(page.getByTestId('awards-freeze')).toHaveCount(0);
  await screenshot(page, 'ceremony-awards-frozen-desktop');

  // the MC's script, downloaded as the organiser would, names every batch's honourees and presenter
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-script-docx').click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceremony-e2e-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('kich-ban-chuong-trinh.docx');
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
  const words = xml.replace(/<[^>]+>/g, '');
  for (const w of ['KỊCH BẢN', 'Đợt 1.', 'Đợt 4.', 'Lê Văn Thành', 'Vũ Thị Lan', `Gạch men sứ ${suffix}`])
    expect(words.normalize('NFC').toLocaleUpperCase('vi')).toContain(w.toLocaleUpperCase('vi'));

  // the rehearsal: 120 syllables read in 30 seconds make 240 a minute, and the reading times follow
  await page.getByTestId('tab-rehearsal').click();
  await expect(page.getByTestId('rehearsal-pace')).toContainText('200');
  await page.getByTestId('rehearsal-source').click();
  await page.getByRole('option', { name: 'Đoạn khác (nhập vào)' }).click();
  await page.getByTestId('rehearsal-text').fill(Array.from({ length: 60 }, () => 'kính thưa').join(' '));
  await page.getByTestId('rehearsal-start').click();
  await page.getByTestId('rehearsal-stop').click();
  await page.getByTestId('rehearsal-seconds').fill('30');
  await expect(page.getByText('Đo được 240 âm tiết/phút')).toBeVisible();
  await page.getByTestId('rehearsal-save').click();
  await expect(page.getByTestId('rehearsal-pace')).toContainText('240');
  await expect(page.getByTestId('rehearsal-row')).toHaveCount(1);
  await screenshot(page, 'ceremony-rehearsal-desktop');
  await page.setViewportSize(phone);
  await screenshot(page, 'ceremony-rehearsal-phone');
  await page.setViewportSize(desktop);

  // the seed's conference: the festival's chosen acts among its segments, with their performers
  await page.goto('/ceremonies');
  await page.getByTestId('ceremony-card').filter({ hasText: 'LE-15NAM-2019' }).getByRole('link').click();
  const acts = page.getByTestId('programme-row').filter({ hasText: 'Tiết mục' });
  await expect(acts).toHaveCount(2);
  await expect(page.getByTestId('programme-row').first()).toContainText('Văn nghệ chào mừng');
  await expect(page.getByTestId('ceremony-documents')).toContainText('Báo cáo kết quả');
  await screenshot(page, 'ceremony-performances-desktop');
  await page.setViewportSize(phone);
  await screenshot(page, 'ceremony-performances-phone');
  await context.close();
});
