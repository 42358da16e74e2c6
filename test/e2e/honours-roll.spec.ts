import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from '@playwright/test';
import { decryptTotal, encryptBallot, generateKey } from '../../src/common/ballotCrypto.ts';
import { ADMIN_PASSWORD, desktop, expectNoHorizontalOverflow, phone, screenshot } from './support.ts';

/**
 * The public roll of honour (Bảng vinh danh) as the public sees it, without signing in. The
 * journey makes its own small campaign through the API as the administrator — nominations in the
 * three categories with their dossiers, screened, one Council session, a round per category, the
 * decision — and gives three honourees photos (a JPEG and two PNGs drawn by the browser) and a
 * nominee who is not chosen one too. Then an anonymous visitor opens /vinh-danh/{code} at desktop
 * size and on a 390 px phone, in Vietnamese and in English. It leaves the demo campaign alone.
 */
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `TV-E2E-${suffix}`;
const NAME = `Tôn vinh tập thể, cá nhân, sản phẩm tiêu biểu năm 2019 (E2E ${suffix})`;

type Api = {
  ctx: APIRequestContext;
  call: (method: string, path: string, data?: unknown, status?: number) => Promise<any>;
  upload: (name: string, bytes: Buffer) => Promise<string>;
};

async function adminApi(baseURL: string): Promise<Api> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (
    method: string,
    path: string,
    data?: unknown,
    status = method === 'POST' &&
    !/\/(dossier|submit|screening|ballots|close|tally|ballot-key|confirm|attendance)$/.test(path)
      ? 201
      : 200,
  ) => {
    const res = await ctx.fetch(path, { method, data: data as never, headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.status(), `${method} ${path}: ${(await res.text()).slice(0, 300)}`).toBe(status);
    return res.json();
  };
  const upload = async (name: string, bytes: Buffer) => {
    const res = await ctx.post(`/api/files?name=${encodeURIComponent(name)}`, {
      data: bytes,
      headers: { 'content-type': 'application/octet-stream', 'X-CSRF-Token': csrfToken },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  return { ctx, call, upload };
}

/** A picture drawn by the browser: a portrait-like silhouette, a group, or a product on a coloured ground. */
async function drawPicture(
  browser: Browser,
  kind: 'person' | 'group' | 'product',
  colour: string,
  type: 'jpeg' | 'png',
): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 480, height: 600 } });
  const page = await context.newPage();
  const figure = {
    person:
      '<div style="position:absolute;left:165px;top:120px;width:150px;height:170px;border-radius:50%;background:#f2d3b3"></div><div style="position:absolute;left:90px;top:320px;width:300px;height:300px;border-radius:150px 150px 0 0;background:#233a5e"></div>',
    group: [0, 1, 2, 3, 4]
      .map(
        (i) =>
          `<div style="position:absolute;left:${30 + i * 88}px;top:${250 + (i % 2) * 30}px;width:70px;height:80px;border-radius:50%;background:#f2d3b3"></div><div style="position:absolute;left:${15 + i * 88}px;top:${340 + (i % 2) * 30}px;width:100px;height:300px;border-radius:50px 50px 0 0;background:#8c1d18"></div>`,
      )
      .join(''),
    product:
      '<div style="position:absolute;left:120px;top:170px;width:240px;height:260px;border-radius:18px;background:linear-gradient(160deg,#fff,#c9d3dc);box-shadow:0 20px 40px rgba(0,0,0,.35)"></div>',
  }[kind];
  await page.setContent(
    `<body style="margin:0"><div style="position:relative;width:480px;height:600px;overflow:hidden;background:linear-gradient(180deg,${colour},#1c1c1c)">${figure}</div></body>`,
  );
  const bytes = await page.screenshot({ type, ...(type === 'jpeg' ? { quality: 82 } : {}) });
  await context.close();
  return bytes;
}

test('the public roll of honour: confirmed honourees with photos and citations, on a desktop and a 390 px phone, no sign-in', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const baseURL = test.info().project.use.baseURL!;
  const { ctx, call, upload } = await adminApi(baseURL);

  // ---- the registry: nominating units, a Party member of each, their enterprises ----
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

  // ---- a campaign open today, nominations with their dossiers, screened eligible ----
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const campaign = await call('POST', '/api/honours/campaigns', {
    code: CODE,
    name: NAME,
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
    for (const kind of ['cover_submission', 'achievement_report', 'review_minutes']) {
      await call('POST', `/api/honours/nominations/${n.id}/dossier`, {
        fileId: await upload(`${kind}.txt`, Buffer.from(`${kind}: ${summary}\n`)),
        kind,
      });
    }
    await call('POST', `/api/honours/nominations/${n.id}/submit`);
    await call('POST', `/api/honours/nominations/${n.id}/screening`, { results: [], eligible: true });
    return n as { id: string; nominee: { name: string } };
  };
  const noms = {
    cs02: await nominate(
      collective.id,
      'CS02',
      { nomineeUnitId: units.get('CS02')! },
      'Đảng bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ; doanh thu năm 2018 tăng 18%, giải quyết việc làm ổn định cho 2.100 lao động; kết nạp 12 đảng viên mới.',
    ),
    cs01: await nominate(
      collective.id,
      'CS01',
      { nomineeUnitId: units.get('CS01')! },
      'Đảng bộ hoàn thành xuất sắc nhiệm vụ năm 2018; cấp nước sạch cho 45.000 hộ dân, giảm tỷ lệ thất thoát nước xuống 16%.',
    ),
    cs04: await nominate(
      collective.id,
      'CS04',
      { nomineeUnitId: units.get('CS04')! },
      'Đảng bộ hoàn thành xuất sắc nhiệm vụ; thi công 14 công trình trọng điểm của tỉnh đúng tiến độ, an toàn lao động tuyệt đối.',
    ),
    person02: await nominate(
      individual.id,
      'CS02',
      { nomineePersonId: await member('CS02') },
      'Đồng chí có sáng kiến cải tiến dây chuyền may, tăng năng suất 12%; 2 năm liền đảng viên hoàn thành xuất sắc nhiệm vụ.',
    ),
    person05: await nominate(
      individual.id,
      'CS05',
      { nomineePersonId: await member('CS05') },
      'Đồng chí chế tạo thành công máy tách hạt giống, làm lợi cho doanh nghiệp 1,2 tỷ đồng; đảng viên hoàn thành xuất sắc nhiệm vụ.',
    ),
    product11: await nominate(
      product.id,
      'CS11',
      { productName: 'Gạch ốp lát men sứ Thái Hưng', productEnterpriseId: units.get('CS11-DN')! },
      'Sản phẩm đạt tiêu chuẩn TCVN 7745:2007, được xuất khẩu sang Hàn Quốc và Úc, thị phần trong nước tăng 20%.',
    ),
    product09: await nominate(
      product.id,
      'CS09',
      { productName: 'Bánh cáy làng Nguyễn Quỳnh Côi', productEnterpriseId: units.get('CS09-DN')! },
      'Sản phẩm đặc sản của tỉnh, đạt chứng nhận OCOP 4 sao, có mặt tại các hệ thống siêu thị trong cả nước.',
    ),
  };

  // ---- the Council (the administrator alone, present) votes a round per category; the decision ----
  const adminId = (await call('GET', '/api/auth/me')).user.id as string;
  const session = await call('POST', '/api/honours/sessions', {
    campaignId: campaign.id,
    title: `Phiên họp xét chọn (E2E ${suffix})`,
    heldOn: today,
    members: [{ userId: adminId, role: 'chair' }],
    rules: {},
  });
  await call('POST', `/api/honours/sessions/${session.id}/attendance`, {
    attendance: [{ userId: adminId, attendance: 'present' }],
  });
  // the administrator chairs: the counting key is made here, as the chair's browser would, and its secret stays here
  const key = generateKey(`session|${session.id}`);
  await call('POST', `/api/honours/sessions/${session.id}/ballot-key`, { publicKey: key.publicKey, proof: key.proof });
  const round = async (categoryId: string, choices: [{ id: string }, 'approve' | 'reject'][]) => {
    const r = await call('POST', `/api/honours/sessions/${session.id}/rounds`, { categoryId });
    const ballot = encryptBallot(
      key.publicKey,
      r.id,
      choices.map(([n, choice]) => ({ nominationId: n.id, cells: choice === 'approve' ? [1, 0, 0] : [0, 1, 0] })),
      false,
    );
    await call('POST', `/api/honours/rounds/${r.id}/ballots`, { ballot });
    const closed = await call('POST', `/api/honours/rounds/${r.id}/close`);
    const totals = (closed.box.totals as { nominationId: string; kind: string; a: string; b: string }[]).map((t) => {
      const { count, share } = decryptTotal(key.secret, t, 1, `${r.id}|${t.nominationId}|${t.kind}`);
      return { nominationId: t.nominationId, kind: t.kind, count, ...share };
    });
    await call('POST', `/api/honours/rounds/${r.id}/tally`, { totals });
  };
  await round(collective.id, [
    [noms.cs02, 'approve'],
    [noms.cs01, 'approve'],
    [noms.cs04, 'reject'],
  ]);
  await round(individual.id, [
    [noms.person02, 'approve'],
    [noms.person05, 'approve'],
  ]);
  await round(product.id, [
    [noms.product11, 'approve'],
    [noms.product09, 'approve'],
  ]);
  await call('POST', `/api/honours/campaigns/${campaign.id}/confirm`, {
    decisionNumber: '125-QĐ/ĐUK',
    decidedOn: today,
  });

  // ---- photos: a JPEG of the collective, PNGs of a person and a product; one for a nominee not chosen ----
  const photo = async (n: { id: string }, bytes: Buffer, name: string) => {
    await call('POST', `/api/honours/nominations/${n.id}/dossier`, {
      fileId: await upload(name, bytes),
      kind: 'photo',
    });
  };
  await photo(noms.cs02, await drawPicture(browser, 'group', '#b3261e', 'jpeg'), 'tap-the.jpg');
  await photo(noms.person05, await drawPicture(browser, 'person', '#3d6b8f', 'png'), 'chan-dung.png');
  await photo(noms.product11, await drawPicture(browser, 'product', '#a87b2b', 'png'), 'san-pham.png');
  await photo(noms.cs04, await drawPicture(browser, 'group', '#555555', 'png'), 'khong-chon.png');
  await ctx.dispose();

  // ---- the public, no session, at desktop size ----
  const visitor = await browser.newContext({ viewport: desktop });
  const page = await visitor.newPage();
  const response = await page.goto(`/vinh-danh/${CODE}`);
  expect(response!.status()).toBe(200);
  await expect(page).toHaveTitle(`Bảng vinh danh — ${NAME} – Đảng bộ khối Doanh nghiệp tỉnh Thái Bình`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /2 tập thể, 2 cá nhân, 2 sản phẩm/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(page.getByText(/Quyết định số 125-QĐ\/ĐUK ngày \d\d tháng \d{1,2} năm \d{4}/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    /Tập thể xuất sắc tiêu biểu/,
    /Cá nhân tiêu biểu/,
    /Sản phẩm tiêu biểu/,
  ]);
  const chosen = [noms.cs02, noms.cs01, noms.person02, noms.person05, noms.product11, noms.product09];
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(6);
  for (const n of chosen)
    await expect(page.getByRole('heading', { level: 3, name: n.nominee.name, exact: true })).toBeVisible();
  await expect(page.getByText(noms.cs04.nominee.name, { exact: true })).toHaveCount(0);
  await expect(page.getByText('Sản phẩm đạt tiêu chuẩn TCVN 7745:2007', { exact: false })).toBeVisible();
  // three photos, each loaded, each with its alt text; the others show an initial
  const images = page.locator('main img');
  await expect(images).toHaveCount(3);
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expect(img).toHaveAttribute('alt', /^Ảnh: /);
  }
  await expect(page.getByRole('img', { name: `Ảnh: ${noms.person05.nominee.name}` })).toBeVisible();
  await expect(page.locator('.initial')).toHaveCount(3);
  // a picture keeps its frame (4:3, a portrait 4:5) whatever its own size
  const frames = await page
    .locator('.photo')
    .evaluateAll((els) =>
      els.map((e) => Math.round((100 * e.getBoundingClientRect().height) / e.getBoundingClientRect().width)),
    );
  expect(frames).toEqual([75, 75, 125, 125, 75, 75]);
  await screenshot(page, 'honours-roll-desktop');

  // the list of rolls links to it
  await page.goto('/vinh-danh');
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();
  await page.getByRole('link', { name: NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/vinh-danh/${CODE}$`));

  // print: three cards a row, no red band
  await page.emulateMedia({ media: 'print' });
  const columns = await page
    .locator('.grid')
    .first()
    .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(3);
  await expect(page.locator('.lang')).toBeHidden();
  await screenshot(page, 'honours-roll-print');
  await page.emulateMedia({ media: 'screen' });
  await visitor.close();

  // ---- on a 390 px phone, in Vietnamese then in English ----
  const mobile = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
  const onPhone = await mobile.newPage();
  await onPhone.goto(`/vinh-danh/${CODE}`);
  await expect(onPhone.getByRole('heading', { level: 3 })).toHaveCount(6);
  await expectNoHorizontalOverflow(onPhone);
  const cardWidths = await onPhone
    .locator('.card')
    .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().width)));
  expect(Math.max(...cardWidths)).toBeLessThanOrEqual(phone.width);
  expect(new Set(cardWidths).size).toBe(1); // one column of full-width cards
  for (const img of await onPhone.locator('main img').all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  await screenshot(onPhone, 'honours-roll-phone');

  await onPhone.getByRole('link', { name: 'English' }).click();
  await expect(onPhone.locator('html')).toHaveAttribute('lang', 'en');
  await expect(onPhone.getByRole('heading', { level: 2 })).toHaveText([
    /Outstanding collectives/,
    /Outstanding individuals/,
    /Outstanding products/,
  ]);
  await expect(onPhone.getByText(/By Decision No\. 125-QĐ\/ĐUK of \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await expect(onPhone.getByRole('img', { name: `Photo: ${noms.person05.nominee.name}` })).toBeAttached();
  await screenshot(onPhone, 'honours-roll-phone-en');

  // a campaign that is not public is not found, for the page and for its photos
  const missing = await onPhone.goto('/vinh-danh/KHONG-CO');
  expect(missing!.status()).toBe(404);
  await expect(onPhone.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy bảng vinh danh');
  const notChosen = await onPhone.request.get(`/api/public/honours/${CODE}/photos/${noms.cs04.id}`);
  expect(notChosen.status()).toBe(404);
  await mobile.close();
});
