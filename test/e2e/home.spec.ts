import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, desktop, phone, screenshot } from './support.ts';

/**
 * The home page as of 20/07/2019 (ADR 30). The shared journey server runs on today's date, so
 * this file starts a second server of its own with KYNIEM_DEMO_DATE=2019-07-20 on a fresh data
 * directory (the demo data load on its first start), and signs in there: the grassroots
 * secretary, the council member and the judge on a 390 px phone, the Bloc's leader on a desktop.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.KYNIEM_E2E_HOME_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | null = null;
let dataDir = '';

test.describe.configure({ mode: 'serial' });
// The machine running the journeys may be loaded; each journey here signs in and renders a few pages.
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(420_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-e2e-home-'));
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  const log = fs.openSync(path.join(repoRoot, 'test-results/e2e-home-server.log'), 'w');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|KYNIEM_|SESSION_|TRUST_PROXY)/.test(k)) delete env[k];
  server = spawn(process.execPath, ['bin/kyniem.js', 'serve'], {
    cwd: repoRoot,
    env: {
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KYNIEM_ADMIN_PASSWORD: 'e2e-admin-secret-1',
      KYNIEM_PASSWORD_COST: '10',
      KYNIEM_CHECK_RESPONSES: '1',
      KYNIEM_DEMO_DATE: '2019-07-20',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 400_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error('the demo-date server stopped; see test-results/e2e-home-server.log');
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the demo-date server did not become healthy');
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  const s = server;
  if (s && s.exitCode === null && s.signalCode === null) {
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => s.kill('SIGKILL'), 10_000);
      s.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      s.kill('SIGTERM');
    });
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function homeOf(browser: Browser, username: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, baseURL });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('todo')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('todo').getByText('Việc cần làm')).toBeVisible();
  return { context, page };
}

test('the grassroots secretary sees first, on a phone, what is due for their unit as of 20/07/2019', async ({
  browser,
}) => {
  const { context, page } = await homeOf(browser, 'demo.coso', phone);
  await expect(page.getByTestId('demo-date-strip')).toHaveText('Ngày giả lập: 20/07/2019');
  await expect(page.getByText('Hôm nay 20/07/2019')).toBeVisible();
  const items = page.getByTestId('todo-item');
  await expect(items.first()).toBeVisible();
  // The first thing: the cells' July reports to approve, which fell due yesterday.
  await expect(items.first()).toContainText('Duyệt 3 báo cáo');
  await expect(items.first()).toContainText('Quá hạn 1 ngày · 19/07/2019');
  await expect(page.getByTestId('leader-view')).toHaveCount(0);
  await screenshot(page, 'home-secretary-phone');
  await items.first().click();
  await expect(page).toHaveURL(/\/reporting\/completeness\?.*periodId=2019-07/);
  await context.close();
});

test('the council member and the judge see their to-do first on a phone', async ({ browser }) => {
  for (const [username, name] of [
    ['demo.hoidong', 'home-council-phone'],
    ['demo.giamkhao', 'home-judge-phone'],
  ] as const) {
    const { context, page } = await homeOf(browser, username, phone);
    await expect(page.getByTestId('demo-date-strip')).toBeVisible();
    await expect(page.getByTestId('todo-item').or(page.getByTestId('todo-empty')).first()).toBeVisible();
    if (username === 'demo.hoidong') {
      // the Council's session the Office called for 25/07/2019 (the honours demo), five days away
      const meeting = page.getByTestId('todo-item').filter({ hasText: 'Họp Hội đồng' });
      await expect(meeting).toHaveCount(1);
      await expect(meeting).toContainText('25/07/2019');
    }
    await expect(page.getByTestId('leader-view')).toHaveCount(0);
    await screenshot(page, name);
    await context.close();
  }
});

test("the Bloc's leader sees the plan half done: 46 days to the ceremony, each figure opening its screen", async ({
  browser,
}) => {
  const { context, page } = await homeOf(browser, 'demo.lanhdao', desktop);
  const view = page.getByTestId('leader-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('ceremony-days')).toHaveText('46 ngày');
  await expect(view.getByTestId('leader-plan')).toContainText('4/29');
  const sections = view.getByTestId('leader-section');
  await expect(sections.first()).toContainText('1. Phát động phong trào thi đua');
  expect(await sections.count()).toBeGreaterThanOrEqual(4);
  const monthly = view.getByTestId('leader-reporting').filter({ hasText: 'Tháng 7/2019' });
  await expect(monthly).toContainText('17/20');
  await expect(view.getByTestId('leader-honours')).toContainText('0/15');
  await expect(view.getByTestId('leader-drive')).toContainText('4/17');
  await screenshot(page, 'home-leader-desktop');
  await monthly.click();
  await expect(page).toHaveURL(/\/reporting\/completeness\?.*periodId=2019-07/);
  await page.goBack();
  await view.getByTestId('leader-ceremony').click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}(\/activities\/|#activity-)[0-9a-f-]{36}$/);
  await context.close();

  const small = await homeOf(browser, 'demo.lanhdao', phone);
  await expect(small.page.getByTestId('leader-view')).toBeVisible();
  await screenshot(small.page, 'home-leader-phone');
  await small.context.close();
});
