import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiAs } from './api.ts';
import { ADMIN_PASSWORD, asUser, DEMO_PASSWORD, desktop, phone, screenshot, signIn } from './support.ts';

/**
 * The singing festival (issue 15) in the browser: the organisers set up an exchange night with
 * two accepted acts and a panel of three (the demo head judge and two judges); the three judges
 * score both acts on phones and lock their sheets while the head judge's screen follows the
 * progress live (the time from a lock to the head judge's screen is measured); the head judge
 * closes and certifies; the public page, open on a phone, shows the ranking without a reload and
 * the certified result is in the public JSON; the organisers choose an act
 * for the ceremony with its timed duration. The demo festival's screens are photographed too.
 */
const JUDGE_PASSWORD = 'giam-khao-2019-dem';
const suffix = Date.now().toString(36).slice(-5).toUpperCase();

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

test('three judges score on phones, the head judge closes and certifies, the organisers choose an act for the ceremony', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL!;

  // ---- two more judge accounts, beside the demo head judge ----
  const admin = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const judges: { username: string; id: string }[] = [];
  for (const n of [2, 3]) {
    const username = `giamkhao${n}.${suffix.toLowerCase()}`;
    const made = await admin.send(
      'POST',
      '/api/accounts',
      {
        username,
        displayName: `Giám khảo ${n} ${suffix}`,
        password: DEMO_PASSWORD,
        grants: [{ role: 'judge', unitId: null }],
      },
      201,
    );
    // An account given a password by the administrator must change it: done once here, then signed in with it.
    const temporary = await apiAs(baseURL, username, DEMO_PASSWORD);
    await temporary.send(
      'POST',
      '/api/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: JUDGE_PASSWORD },
      204,
    );
    await temporary.ctx.dispose();
    judges.push({ username, id: made.account.id });
  }
  const accounts = await admin.get('/api/accounts?q=demo.giamkhao');
  const headId = accounts.items.find((a: { username: string }) => a.username === 'demo.giamkhao').id as string;

  // ---- the organisers: a festival, two accepted acts (singers of the demo enterprises), the exchange night ----
  const office = await apiAs(baseURL, 'demo.vanphong');
  const demo = (await office.get('/api/festivals')).items.find((f: { code: string }) => f.code === 'LHTH2019');
  const demoEntries = (await office.get(`/api/festivals/${demo.id}/entries?status=accepted`)).items.slice(0, 2);
  const festival = await office.send(
    'POST',
    '/api/festivals',
    { code: `LH-${suffix}`, name: `Liên hoan thử ${suffix}` },
    201,
  );
  const entryIds: string[] = [];
  for (const e of demoEntries) {
    const made = await office.send(
      'POST',
      `/api/festivals/${festival.id}/entries`,
      {
        unitId: e.unit.id,
        performance: e.performance,
        personIds: e.performers.map((p: { id: string }) => p.id),
        song: e.song,
        composer: e.composer,
        genre: e.genre,
        accompaniment: 'live',
        declaredSeconds: e.declaredSeconds,
      },
      201,
    );
    await office.send('POST', `/api/festivals/${festival.id}/entries/${made.id}/decision`, { decision: 'accept' }, 200);
    entryIds.push(made.id);
  }
  const round = await office.send(
    'POST',
    `/api/festivals/${festival.id}/rounds`,
    {
      kind: 'exchange',
      name: `Đêm giao lưu ${suffix}`,
      heldOn: '2019-08-19',
      venue: 'Cung Văn hóa Lao động',
      maxActSeconds: 300,
      method: 'mean',
      tieBreak: ['voice'],
      criteria: [
        { code: 'voice', name: 'Giọng hát', weight: 60, max: 10 },
        { code: 'stage', name: 'Phong cách biểu diễn', weight: 40, max: 10 },
      ],
      judges: [
        { userId: headId, name: 'Ngô Thị Phương Thảo', head: true },
        { userId: judges[0].id, name: `Giám khảo 2 ${suffix}` },
        { userId: judges[1].id, name: `Giám khảo 3 ${suffix}` },
      ],
      entryIds,
      orderSeed: suffix,
    },
    201,
  );
  const roundUrl = `/festival-rounds/${round.id}`;

  // ---- the head judge follows on a desktop; the results are secret ----
  const head = await asUser(browser, 'demo.giamkhao', desktop);
  const hp = head.page;
  await hp.goto(roundUrl);
  await expect(hp.getByTestId('results-secret')).toBeVisible();
  const lockedOnHeadScreen = async () =>
    (await hp.getByTestId('judge-progress').allTextContents()).reduce((n, s) => n + Number(s.split('/')[0]), 0);

  // ---- three judges score both acts on phones ----
  const latencies: number[] = [];
  const scores = [
    [8, 7, 9, 8],
    [7, 8, 6, 9],
    [9, 9, 8, 7],
  ];
  const phones = [await asUser(browser, 'demo.giamkhao', phone)];
  for (const j of judges) {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await signIn(page, j.username, JUDGE_PASSWORD);
    phones.push({ context, page });
  }
  for (const [i, jp] of phones.entries()) {
    const p = jp.page;
    await p.goto(roundUrl);
    await expect(p.getByTestId('score-sheet')).toBeVisible();
    for (const act of [0, 1]) {
      await p.getByTestId('sheet-act').nth(act).click();
      const form = p.getByTestId('sheet-form');
      await form.getByTestId('score-voice').fill(String(scores[i][act * 2]));
      await form.getByTestId('score-stage').fill(String(scores[i][act * 2 + 1]));
      if (i === 1 && act === 0) await screenshot(p, 'festival-sheet-phone');
      await form.getByTestId('sheet-lock').click();
      const before = await lockedOnHeadScreen();
      const t0 = Date.now();
      await p.getByRole('dialog').getByRole('button', { name: 'Khóa phiếu', exact: true }).click();
      await expect(p.getByTestId('sheet-act').nth(act)).toHaveAttribute('data-state', 'locked');
      await expect.poll(lockedOnHeadScreen, { timeout: 15_000, intervals: [25] }).toBe(before + 1);
      latencies.push(Date.now() - t0);
    }
  }
  console.log(
    `lock → head judge's screen: n=${latencies.length} p50=${percentile(latencies, 50)} ms p95=${percentile(latencies, 95)} ms (${latencies.join(', ')})`,
  );

  // ---- a member of the public watches the festival's page: no result yet ----
  const watcher = await browser.newContext({ viewport: phone });
  const wp = await watcher.newPage();
  await wp.goto(`/hoi-dien/LH-${suffix}`);
  await expect(wp.getByText('Kết quả được công bố sau khi Trưởng ban giám khảo chứng nhận.').first()).toBeVisible();
  await expect(wp.locator('[data-results]')).toHaveCount(0);
  await expect(wp.locator('body')).toHaveAttribute('data-listening', 'yes');

  // ---- the head judge closes and certifies; the results appear with their explanations ----
  await hp.getByTestId('close-round').click();
  await hp.getByRole('dialog').getByRole('button', { name: 'Khép vòng thi', exact: true }).click();
  await expect(hp.getByTestId('results')).toBeVisible();
  await hp.getByTestId('certify-round').click();
  await hp.getByRole('dialog').getByRole('button', { name: 'Chứng nhận kết quả', exact: true }).click();
  await expect(hp.getByTestId('round-status')).toHaveAttribute('data-status', 'certified');
  await expect(hp.getByTestId('result-row')).toHaveCount(2);
  await hp.getByTestId('result-row').first().getByRole('button').first().click();
  await expect(hp.getByTestId('explanation')).toContainText('÷ 3');
  await screenshot(hp, 'festival-certified-desktop');

  // ---- the public page shows the certified ranking without being reloaded ----
  await expect(wp.locator('[data-results] tbody tr')).toHaveCount(2);
  await expect(wp.locator('body')).toHaveAttribute('data-updated', /\d+/);
  await screenshot(wp, 'festival-public-certified-phone');
  await watcher.close();

  // ---- the public JSON has the certified result ----
  const anyone = await playwrightRequest.newContext({ baseURL });
  const pub = await (await anyone.get('/api/public/festivals')).json();
  const mine = pub.items.find((f: { code: string }) => f.code === `LH-${suffix}`);
  expect(mine.rounds[0].results.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);

  // ---- the organisers choose the winner for the ceremony, with the duration timed on the night ----
  const organiser = await asUser(browser, 'demo.vanphong', desktop);
  const op = organiser.page;
  await op.goto(roundUrl);
  await op.getByTestId('result-row').first().getByTestId('choose-act').check();
  await op.getByLabel('Thời lượng đo (giây)').fill('245');
  await op.getByTestId('choose-ceremony').click();
  await expect(op.getByTestId('ceremony-saved')).toBeVisible();
  const ceremony = await office.get(`/api/festivals/${festival.id}/ceremony`);
  expect(ceremony.acts.map((a: { seconds: number; measured: boolean }) => [a.seconds, a.measured])).toEqual([
    [245, true],
  ]);

  // ---- the demo festival's screens, desktop and phone ----
  await op.goto(`/festivals/${demo.id}`);
  await expect(op.getByTestId('ceremony-acts')).toBeVisible();
  await screenshot(op, 'festival-page-desktop');
  const demoRound = (await office.get(`/api/festivals/${demo.id}`)).rounds[0];
  await op.goto(`/festival-rounds/${demoRound.id}`);
  await expect(op.getByTestId('results')).toBeVisible();
  await screenshot(op, 'festival-round-desktop');
  const unitPhone = await asUser(browser, 'demo.coso', phone);
  await unitPhone.page.goto(`/festival-rounds/${demoRound.id}`);
  await expect(unitPhone.page.getByTestId('results')).toBeVisible();
  await screenshot(unitPhone.page, 'festival-round-phone');
  await unitPhone.page.goto('/festivals');
  await expect(unitPhone.page.getByTestId('festival-card').first()).toBeVisible();
  await screenshot(unitPhone.page, 'festivals-phone');

  for (const c of [head, organiser, unitPhone, ...phones]) await c.context.close();
  for (const a of [admin, office]) await a.ctx.dispose();
  await anyone.dispose();
});
