import { expect, test } from '@playwright/test';
import { asUser, desktop, openNav, phone, screenshot } from './support.ts';

/**
 * The budget in the browser (issue 18): the Office (demo.vanphong) opens the anniversary's budget,
 * records a sponsor's payment for the badminton tournament (A9), and the activity's funds, funding
 * variance (funds − estimate, ADR 41) and balance move; a second page open on the budget (the Standing Committee's, demo.lanhdao) shows
 * the new figures without reloading. Every tab is photographed at desktop and phone widths.
 */
const vnd = (text: string | null) => Number((text ?? '').replace(/[^\d-]/g, ''));

test('the Office records a sponsor’s payment; the activity’s figures move, live on a second page', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const office = await asUser(browser, 'demo.vanphong', desktop);
  const p = office.page;
  await openNav(p, 'Kinh phí', 'desktop');
  const a9 = p.getByTestId('budget-activity-A9');
  await expect(a9).toBeVisible();
  await expect(p.getByTestId('budget-plan')).toContainText('01-KH/ĐUK');
  const fundsBefore = vnd(await a9.getByTestId('funds').textContent());
  const balanceBefore = vnd(await a9.getByTestId('balance').textContent());
  const fundingBefore = vnd(await a9.getByTestId('funding-variance').textContent());
  expect(fundsBefore).toBeGreaterThan(0);
  await screenshot(p, 'budget-overview-desktop');

  // the Standing Committee's page, open on the budget, never reloaded
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  const l = leader.page;
  await openNav(l, 'Kinh phí', 'desktop');
  const la9 = l.getByTestId('budget-activity-A9');
  await expect(la9.getByTestId('balance')).toHaveText((await a9.getByTestId('balance').textContent()) ?? '');
  await expect(la9.getByTestId('funding-variance')).toHaveText(
    (await a9.getByTestId('funding-variance').textContent()) ?? '',
  );

  // the Office records 5.000.000 đ from the first sponsor, for A9
  await p.getByTestId('budget-tab-sponsors').click();
  const card = p.getByTestId('sponsor-card').filter({ hasText: 'Công ty Cổ phần May Kiến Xương Xanh' });
  const receivedBefore = vnd(await card.getByTestId('sponsor-received').textContent());
  await screenshot(p, 'budget-sponsors-desktop');
  await card.getByTestId('sponsor-receipt').click();
  const dialog = p.getByRole('dialog');
  await dialog.getByTestId('money-amount').fill('5000000');
  await dialog.getByTestId('money-activity').click();
  await p.getByRole('option', { name: /^A9\./ }).click();
  await dialog.getByLabel('Ngày nhận').fill('20/08/2019');
  await dialog.getByTestId('money-amount').click(); // closes the calendar
  await screenshot(p, 'budget-receipt-desktop');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('sponsor-received')).toHaveText(
    `${(receivedBefore + 5_000_000).toLocaleString('vi-VN')} đ`,
  );

  // the activity's funds, funding variance and balance moved by the payment
  await p.getByTestId('budget-tab-overview').click();
  await expect(a9.getByTestId('funds')).toHaveText(`${(fundsBefore + 5_000_000).toLocaleString('vi-VN')} đ`);
  await expect(a9.getByTestId('funding-variance')).toHaveText(
    `${(fundingBefore + 5_000_000).toLocaleString('vi-VN')} đ`,
  );
  await expect(a9.getByTestId('balance')).toHaveText(`${(balanceBefore + 5_000_000).toLocaleString('vi-VN')} đ`);
  // … and on the second page, without reloading
  await expect(la9.getByTestId('balance')).toHaveText(`${(balanceBefore + 5_000_000).toLocaleString('vi-VN')} đ`, {
    timeout: 15_000,
  });
  await expect(la9.getByTestId('funds')).toHaveText(`${(fundsBefore + 5_000_000).toLocaleString('vi-VN')} đ`);
  await expect(la9.getByTestId('funding-variance')).toHaveText(
    `${(fundingBefore + 5_000_000).toLocaleString('vi-VN')} đ`,
  );

  // the other tabs, desktop then phone
  for (const tab of ['estimates', 'awards', 'spending', 'settlement'] as const) {
    await p.getByTestId(`budget-tab-${tab}`).click();
    await p.waitForLoadState('networkidle');
    await screenshot(p, `budget-${tab}-desktop`);
  }
  await expect(p.getByTestId('settlement-closed')).toContainText('30/09/2019');

  // the estimate editor: a new version of A9's approved estimate, one line changed, compared with v1
  await p.getByTestId('budget-tab-estimates').click();
  await p.getByTestId('estimate-new-version').click();
  const editor = p.getByTestId('budget-lines-editor');
  await expect(editor).toBeVisible();
  await p.getByTestId('line-quantity-0').fill('4');
  await expect(p.getByTestId('line-amount-0')).toHaveText('16.000.000 đ');
  await p.getByTestId('draft-save').click();
  await expect(p.getByTestId('budget-compare')).toContainText('+4.000.000 đ');
  await expect(p.getByTestId('estimate-status')).toHaveText('Dự thảo');
  await screenshot(p, 'budget-estimate-editor-desktop');
  // the approved version stays in force: the overview's figures did not move
  await p.getByTestId('budget-tab-overview').click();
  await expect(a9.getByTestId('funds')).toHaveText(`${(fundsBefore + 5_000_000).toLocaleString('vi-VN')} đ`);
  await p.setViewportSize(phone);
  for (const tab of ['overview', 'estimates', 'awards', 'sponsors', 'spending', 'settlement'] as const) {
    await p.getByTestId(`budget-tab-${tab}`).click();
    await p.waitForLoadState('networkidle');
    await screenshot(p, `budget-${tab}-phone`);
  }

  // a grassroots secretary has no budget in the menu and is refused the page
  const secretary = await asUser(browser, 'demo.coso', phone);
  await expect(secretary.page.getByTestId('navbar').getByRole('link', { name: 'Kinh phí', exact: true })).toHaveCount(
    0,
  );
  await secretary.page.goto('/app/budget');
  await expect(secretary.page.getByTestId('budget-activity-A9')).toHaveCount(0);
  await secretary.context.close();
  await leader.context.close();
  await office.context.close();
});
