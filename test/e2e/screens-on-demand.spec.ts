import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { resetAdminLanguage, signIn } from './support.ts';

// Issue 11's budget for the JavaScript of a first visit; bench/web-initial-js.bench.js prints the
// same figure from a fresh build.
const INITIAL_JS_BUDGET_KB = 250;

/** Every script the page receives from now on, by path, with its gzipped size. */
function watchScripts(page: Page): () => Promise<Map<string, number>> {
  const sizes: Promise<[string, number]>[] = [];
  page.on('response', (res) => {
    const { pathname } = new URL(res.url());
    if (pathname.endsWith('.js')) sizes.push(res.body().then((body) => [pathname, zlib.gzipSync(body).length]));
  });
  return async () => new Map(await Promise.all(sizes));
}

/** The paths of the scripts the page asks for from now on (across navigations). */
function watchScriptPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (req) => {
    const { pathname } = new URL(req.url());
    if (pathname.endsWith('.js')) paths.push(pathname);
  });
  return paths;
}

const messagesOf = (lang: 'vi' | 'en', scripts: Iterable<string>) =>
  [...scripts].filter((p) => new RegExp(`^/app/assets/${lang}-[\\w-]+\\.js$`).test(p));
test.beforeEach(async ({ request }) => {
  await resetAdminLanguage(request);
});

test(`the sign-in page loads at most ${INITIAL_JS_BUDGET_KB} KB of JavaScript (gzipped), in Vietnamese only`, async ({
  page,
}) => {
  const scripts = watchScripts(page);
  await page.goto('/sign-in');
  await expect(page.locator('input[name="password"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const loaded = await scripts();
  const kb = [...loaded.values()].reduce((s, n) => s + n, 0) / 1024;
  expect(kb, `the sign-in page loads ${kb.toFixed(1)} KB: ${[...loaded.keys()].join(', ')}`).toBeLessThanOrEqual(
    INITIAL_JS_BUDGET_KB,
  );
  // The shell's Vietnamese messages and nothing in English; no module's screen or messages.
  expect(messagesOf('vi', loaded.keys())).toHaveLength(1);
  expect(messagesOf('en', loaded.keys())).toEqual([]);
  expect([...loaded.keys()].filter((p) => /\/assets\/(Layout|\w+Page)-/.test(p))).toEqual([]);
});

test('a deep link to a screen shows the loader while its chunk arrives, then the screen', async ({ page }) => {
  await signIn(page);
  // Hold the honours list's chunk back until the loader has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/CampaignsPage-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/honours');
  await expect(page.getByTestId('navbar')).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 2, name: 'Tôn vinh' })).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
});

test('English is loaded only when chosen, and then every screen speaks it', async ({ page }) => {
  const scripts = watchScriptPaths(page);
  await signIn(page);
  await page.goto('/units');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(messagesOf('en', scripts)).toEqual([]);

  await page.getByTestId('user-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('navbar')).toContainText('Unit tree');
  // The shell's messages and each module's, in English, arrived when English was chosen.
  expect(messagesOf('en', scripts).length).toBeGreaterThan(1);

  // Another screen, opened for the first time, in English too.
  await page.getByTestId('navbar').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
});
