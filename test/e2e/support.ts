import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const ADMIN_PASSWORD = 'e2e-admin-secret-1';
export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Puts the administrator's saved language back to Vietnamese, so every test starts alike. */
export async function resetAdminLanguage(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const patch = await request.patch('/api/auth/me', { data: { locale: 'vi' }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(patch.status()).toBe(200);
  await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
}

/** Nothing may be wider than the screen: wide content scrolls inside its own box. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page is wider than the viewport').toBeLessThanOrEqual(0);
}

/** Whether a page's own timers run (false in a context opened with `javaScriptEnabled: false`). */
const timersRun = new WeakMap<Page, boolean>();

async function scriptsRun(page: Page): Promise<boolean> {
  let known = timersRun.get(page);
  if (known === undefined) {
    // A timer of the page fires at once where scripts run; where they do not, it never does.
    known = await Promise.race([
      page.evaluate(() => new Promise<boolean>((r) => setTimeout(() => r(true), 0))).catch(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
    ]);
    timersRun.set(page, known);
  }
  return known;
}

/** Finite animations running now (CSS transitions and animations run without scripts too). */
const runningAnimations = (page: Page) =>
  page.evaluate(
    () =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity).length,
  );

/**
 * Lets transitions (drawers, collapses, notifications) finish before a picture: waits two frames
 * (a transition starts a frame after its element mounts), then for every running animation that
 * ends (spinners and other endless ones are left alone), until none is left — instead of a fixed
 * pause on every picture (ADR 40). Gives up after 3 s, as a page that keeps starting new ones is
 * as settled then as it gets. On a page without scripts no callback of the page runs, not a frame
 * nor a timer: there the running animations are counted from outside every 100 ms until none is
 * left (waiting on callbacks that never come had cost each such picture the whole 3.5 s).
 */
export async function settle(page: Page): Promise<void> {
  if (!(await scriptsRun(page))) {
    const deadline = Date.now() + 3000;
    while ((await runningAnimations(page).catch(() => 0)) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return;
  }
  // Bounded from outside the page as well, should the page stop giving frames.
  const settled = page.evaluate(async () => {
    // A page the browser does not paint (a second tab) may never give a frame: a frame or 100 ms,
    // whichever comes first, so that settling never hangs a journey.
    const frame = () =>
      new Promise<void>((r) => {
        requestAnimationFrame(() => r());
        setTimeout(r, 100);
      });
    const deadline = performance.now() + 3000;
    for (;;) {
      await frame();
      await frame();
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0 || performance.now() > deadline) return;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now()))),
      ]);
    }
  });
  await Promise.race([settled.catch(() => undefined), new Promise((r) => setTimeout(r, 3500))]);
}

/** Saves test-results/screenshots/<name>.png after checking the page fits the screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await settle(page);
  await expectNoHorizontalOverflow(page);
  // From the top, so the fixed header sits where it belongs in a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Saves just what the screen shows, as it is scrolled now (for long pages on a phone). */
export async function screenshotViewport(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await settle(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** The shared password of the demo accounts (README: demonstration only). */
export const DEMO_PASSWORD = 'kyniem-demo-2019';

/** A fresh browser context at `viewport`, signed in as a demo account. */
export async function asUser(browser: Browser, username: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD);
  return { context, page };
}

/** Opens a screen from the navigation (through the burger on a phone). */
export async function openNav(page: Page, name: string, size: 'desktop' | 'phone') {
  if (size === 'phone') await page.getByTestId('nav-burger').click();
  await page.getByTestId('navbar').getByRole('link', { name, exact: true }).click();
}

/**
 * The Việt Nam day `offset` days from today as dd/mm/yyyy: the app counts days on Việt Nam's day
 * (UTC+7), which from 17:00 UTC is already tomorrow on a machine set to UTC.
 */
export function vietnamDmy(offset = 0): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
