import { expect, test } from '@playwright/test';
import { desktop, phone, screenshot } from './support.ts';

/**
 * The public website's documents (/van-ban) in the demo (ADR 41): the seed plan, issued through
 * the office's register as 01-KH/ĐUK, is public with its .docx, which anyone downloads without
 * signing in. Photographed at desktop and phone widths.
 */
test('the demo plan is listed on /van-ban and its file downloads without a session', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: desktop });
  const page = await context.newPage();
  await page.goto('/van-ban');
  const main = page.locator('main');
  await expect(main).toContainText('01-KH/ĐUK');
  await expect(main).toContainText(/Kế hoạch/u);
  await screenshot(page, 'public-documents-desktop');
  const link = main.locator('a[href*="/tai-ve"]').first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  const file = await context.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('officedocument.wordprocessingml');
  expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
  await page.setViewportSize(phone);
  await page.reload();
  await expect(main).toContainText('01-KH/ĐUK');
  await screenshot(page, 'public-documents-phone');
  await context.close();
});
