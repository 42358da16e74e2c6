import { expect, test } from '@playwright/test';
import { desktop, phone, screenshot } from './support.ts';

/**
 * Every public page of the Bloc's website (issue 17) as a visitor sees it, with and without
 * JavaScript, on a desktop (1280 px) and a phone (390 px): the page answers, has its one h1, fits
 * the screen (nothing wider than the phone), and keyboard focus is visible on its first link (the
 * skip link). Each is saved as a picture to look at.
 */
test('every public page reads on a desktop and a phone, with and without JavaScript', async ({ browser }) => {
  test.setTimeout(300_000);
  const probe = await browser.newPage();
  await probe.goto('/');
  const article = await probe.locator('a[href^="/tin-tuc/"]:not([href*="chuyen-muc"])').first().getAttribute('href');
  await probe.goto('/su-kien');
  const ceremony = await probe.locator('a[href^="/su-kien/le-ky-niem/"]').first().getAttribute('href');
  const festival = await probe.locator('a[href^="/hoi-dien/"]').first().getAttribute('href');
  await probe.close();
  const pages: [string, string][] = [
    ['home', '/'],
    ['news', '/tin-tuc'],
    ['article', article!],
    ['search', '/tim-kiem?q=cau%20long'],
    ['events', '/su-kien'],
    ['ceremony', ceremony!],
    ['plans', '/ke-hoach'],
    ['plan', '/ke-hoach/01-kh-duk-2019'],
    ['documents', '/van-ban'],
    ['about', '/gioi-thieu'],
    ['press', '/bao-chi'],
    ['honours', '/vinh-danh'],
    ['tournaments', '/giai-dau'],
    ['tournament', '/giai-dau/CL2019'],
    ['court-board', '/giai-dau/CL2019/san'],
    ['festivals', '/hoi-dien'],
    ['festival', festival!],
    ['not-found', '/khong-co-trang-nay'],
  ];
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    for (const [name, path] of pages)
      for (const [width, viewport] of [
        ['desktop', desktop],
        ['phone', phone],
      ] as const) {
        await page.setViewportSize(viewport);
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(name === 'not-found' ? 404 : 200);
        await expect(page.locator('h1')).toHaveCount(1);
        await screenshot(page, `site-${name}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}`);
      }
    // the skip link is the first stop of the keyboard and shows where focus is
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect(skip).toBeFocused();
    expect(await skip.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe('solid');
    await expect(skip).toBeInViewport();
    await context.close();
  }
});
