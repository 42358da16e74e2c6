import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { asUser, desktop, openNav, phone, screenshot } from './support.ts';

/**
 * The website's editors in the browser (issue 17): the website's editor (demo.bientap) writes an
 * article on a 390 px phone — title, summary, a cover with its description, text with a heading, a
 * quote and an image asked for its description and caption — saves and submits it; the Propaganda
 * Board (demo.tuyengiao) finds it, sees the revision history, approves and publishes it. Then a
 * visitor with JavaScript off finds it on the public site's home page, reads it with its picture, and
 * finds it again by a search without diacritics.
 */
const STAMP = Date.now().toString(36).slice(-5);
const TITLE = `Công nhân May Kiến Xương Xanh hưởng ứng thi đua ${STAMP}`;

async function picture(name: string, colour: string): Promise<string> {
  const { default: sharp } = await import('sharp');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'website-e2e-')), name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700"><rect width="100%" height="100%" fill="${colour}"/><circle cx="600" cy="350" r="200" fill="#f4d03f"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg().toFile(file);
  return file;
}

test('an editor writes an article with an image on a phone and submits it; the Propaganda Board approves and publishes it', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const cover = await picture('anh-bia.jpg', '#b03a2e');
  const inline = await picture('anh-trong-bai.jpg', '#1f618d');

  const editor = await asUser(browser, 'demo.bientap', phone);
  const e = editor.page;
  await openNav(e, 'Bài viết website', 'phone');
  await expect(e.getByTestId('website-articles')).toContainText('Long trọng Hội nghị biểu dương');
  await screenshot(e, 'website-articles-phone');
  await e.getByTestId('website-new').click();
  await e.getByTestId('website-title').fill(TITLE);
  await e.getByTestId('website-summary').fill('Sáng 01/8/2019, hơn 300 công nhân ra quân đợt thi đua cao điểm.');

  const coverChooser = e.waitForEvent('filechooser');
  await e.getByTestId('website-cover-upload').click();
  await (await coverChooser).setFiles(cover);
  await expect(e.getByTestId('website-cover-alt')).toBeVisible({ timeout: 30_000 });
  await e.getByTestId('website-cover-alt').fill('Công nhân xếp hàng trước xưởng may');

  const body = e.locator('.ProseMirror');
  await body.click();
  await body.pressSequentially('Sáng 01/8/2019, Đảng ủy Công ty ra quân đợt thi đua.');
  await body.press('Enter');
  const inlineChooser = e.waitForEvent('filechooser');
  await e.getByTestId('website-body-image').click();
  await (await inlineChooser).setFiles(inline);
  const details = e.getByRole('dialog', { name: 'Thông tin ảnh' });
  await details.getByTestId('website-image-alt').fill('Tổ may 3 trong giờ làm việc');
  await details.getByTestId('website-image-caption').fill('Tổ may 3 đạt năng suất cao nhất tháng 7');
  await details.getByTestId('website-image-ok').click();
  await expect(body.locator('img[src^="/anh/"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(body.locator('img[src^="/anh/"]')).toHaveJSProperty('complete', true);
  await screenshot(e, 'website-editor-phone');

  await e.getByTestId('website-save').click();
  await expect(e).toHaveURL(/\/website\/articles\/[0-9a-f-]{36}$/);
  await expect(e.getByTestId('article-status')).toHaveText('Bản nháp');
  await e.getByTestId('website-submit').click();
  await expect(e.getByTestId('article-status')).toHaveText('Chờ duyệt');
  await expect(e.getByTestId('website-approve')).toHaveCount(0);
  // a change while it waits for review: a second revision the Board can compare
  await e.getByTestId('website-summary').fill('Sáng 01/8/2019, hơn 300 công nhân ba ca ra quân đợt thi đua cao điểm.');
  await e.getByTestId('website-save').click();
  await expect(e.getByText('Phiên bản 2').first()).toBeVisible();
  await expect(e.getByTestId('article-status')).toHaveText('Chờ duyệt');
  await screenshot(e, 'website-submitted-phone');

  // the Propaganda Board, on a desktop
  const board = await asUser(browser, 'demo.tuyengiao', desktop);
  const b = board.page;
  await openNav(b, 'Bài viết website', 'desktop');
  await expect(b.getByTestId('website-articles')).toContainText(TITLE);
  await screenshot(b, 'website-articles-desktop');
  await b.getByTestId('website-search').fill(`kien xuong xanh huong ung ${STAMP}`);
  // the list has followed the search before the article is opened
  await expect(b.getByTestId('website-articles').getByTestId('article-status')).toHaveCount(1);
  await b.getByRole('link', { name: TITLE }).click();
  await expect(b).toHaveURL(/\/website\/articles\/[0-9a-f-]{36}$/);
  await expect(b.getByTestId('article-status')).toHaveText('Chờ duyệt');
  await expect(b.locator('.ProseMirror img')).toHaveAttribute('alt', 'Tổ may 3 trong giờ làm việc');
  await expect(b.getByTestId('website-diff').locator('[data-diff="added"]')).toHaveText('ba ca');
  await screenshot(b, 'website-review-desktop');
  await b.getByTestId('website-approve').click();
  await b.getByTestId('website-comment').fill('Đồng ý đăng.');
  await b.getByTestId('website-confirm').click();
  await expect(b.getByTestId('article-status')).toHaveText('Đã duyệt');
  await b.getByTestId('website-publish').click();
  await expect(b.getByTestId('article-status')).toHaveText('Đã đăng');
  await expect(b.getByTestId('website-unpublish')).toBeVisible();
  await screenshot(b, 'website-published-desktop');

  // the editor's list now shows it published
  await e.goto('/app/website/articles');
  await expect(e.getByTestId('website-article-row').filter({ hasText: TITLE })).toContainText('Đã đăng');
  await editor.context.close();
  await board.context.close();

  // The public site, on a phone, without JavaScript: the article is on the home page at once.
  const visitor = await browser.newContext({ viewport: phone, javaScriptEnabled: false, locale: 'vi-VN' });
  const v = await visitor.newPage();
  await v.goto('/');
  await expect(v.locator('html')).toHaveAttribute('lang', 'vi');
  await v.getByRole('link', { name: TITLE }).first().click();
  await expect(v).toHaveURL(/\/tin-tuc\/[a-z0-9-]+$/);
  await expect(v.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const coverImage = v.locator('article.post figure picture img').first();
  await expect(coverImage).toHaveAttribute('alt', /.+/);
  await expect(coverImage).toHaveJSProperty('complete', true);
  expect(await coverImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(v.locator('.prose img')).toHaveAttribute('alt', 'Tổ may 3 trong giờ làm việc');
  await expect(v.locator('script[src]')).toHaveCount(0);
  expect(await v.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
  await screenshot(v, 'website-public-article-phone');
  // a search without diacritics finds it (the form works without a script)
  await v.locator('#site-search').fill(`kien xuong xanh huong ung ${STAMP}`);
  await v.locator('#site-search').press('Enter');
  await expect(v).toHaveURL(/\/tim-kiem\?q=/);
  await expect(v.getByRole('link', { name: TITLE })).toBeVisible();
  await screenshot(v, 'website-public-search-phone');
  await visitor.close();
});
