import { expect, test } from '@playwright/test';
import { asUser, desktop, phone, screenshot } from './support.ts';

/**
 * The publicity plan in the browser (issue 17): the Propaganda Board (demo.tuyengiao) opens the
 * plan with the seed's pieces and its counts, plans a piece on the tournament, records it as
 * published with its link, and finds it by the published filter; the screen photographed at
 * desktop and phone widths.
 */
test('the Propaganda Board plans a piece and records it as published', async ({ browser }) => {
  test.setTimeout(180_000);
  const board = await asUser(browser, 'demo.tuyengiao', desktop);
  const p = board.page;
  await p.goto('/app/publicity');
  await expect(p.getByTestId('counts-month')).toContainText('08/2019');
  await expect(p.getByTestId('piece').first()).toBeVisible();
  await screenshot(p, 'publicity-desktop');

  await p.getByTestId('piece-add').click();
  const dialog = p.getByRole('dialog');
  await dialog.getByTestId('piece-title').fill('Chung kết Giải Cầu lông — tin nhanh');
  await dialog.getByLabel('Ngày dự kiến').fill('18/08/2019');
  await dialog.getByTestId('piece-title').click();
  await dialog.getByTestId('piece-activity').click();
  await p.getByRole('option', { name: /^A9 · / }).click();
  await screenshot(p, 'publicity-add-desktop');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();

  await p.getByTestId('filter-q').fill('chung ket giai cau long');
  await p.getByTestId('filter-q').press('Enter');
  const card = p.getByTestId('piece').filter({ hasText: 'Chung kết Giải Cầu lông' });
  await expect(card.getByTestId('piece-status')).toHaveText('Dự kiến');
  await card.getByTestId('piece-publish').click();
  const publish = p.getByRole('dialog');
  await publish.getByTestId('publish-link').fill('javascript:alert(1)');
  await publish.getByRole('button', { name: 'Ghi nhận đã đăng' }).click();
  await expect(publish).toContainText('http://');
  await publish.getByTestId('publish-link').fill('https://example.vn/bao-thai-binh/chung-ket-cau-long');
  await publish.getByRole('button', { name: 'Ghi nhận đã đăng' }).click();
  await expect(publish).toBeHidden();
  await expect(card.getByTestId('piece-status')).toHaveText('Đã đăng');
  await board.context.close();

  const small = await asUser(browser, 'demo.tuyengiao', phone);
  await small.page.goto('/app/publicity');
  await expect(small.page.getByTestId('piece').first()).toBeVisible();
  await screenshot(small.page, 'publicity-phone');
  await small.context.close();
});
