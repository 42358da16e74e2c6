import { expect, test, type Locator } from '@playwright/test';
import { desktop, phone, screenshot, screenshotViewport, asUser, openNav } from './support.ts';

const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';

/** The by-unit row of the grassroots secretary's unit: its counts by status. */
async function unitCounts(row: Locator) {
  const count = async (s: string) => Number(await row.locator(`[data-count="${s}"]`).innerText());
  return { done_late: await count('done_late'), overdue: await count('overdue') };
}

test('the Bloc reads the seed plan; a grassroots secretary reports done on a phone; the dashboard moves', async ({
  browser,
}) => {
  // ---- the Bloc leader opens the seed plan ----
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  let page = leader.page;
  await openNav(page, 'Kế hoạch', 'desktop');
  await expect(page).toHaveURL(/\/plans$/);
  await page.getByTestId('plan-card').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  const header = page.getByTestId('plan-header');
  await expect(header.getByText('ĐẢNG ỦY KHỐI DOANH NGHIỆP')).toBeVisible();
  await expect(header.getByText('ĐẢNG CỘNG SẢN VIỆT NAM')).toBeVisible();
  await expect(page.getByTestId('plan-place-date')).toHaveText('Thái Bình, ngày 10 tháng 6 năm 2019');
  await expect(header.getByRole('heading', { name: 'KẾ HOẠCH' })).toBeVisible();
  await expect(page.getByTestId('plan-title')).toContainText(
    'kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh Thái Bình',
  );
  // one overdue, one done on time, each with its badge
  const overdue = page.locator('[data-testid="activity"][data-status="overdue"]').first();
  await expect(overdue.locator('[data-status="overdue"]').getByText('Quá hạn')).toBeVisible();
  const onTime = page.locator('[data-testid="activity"][data-ref="A11"]');
  await expect(onTime.getByText('Hoàn thành đúng hạn')).toBeVisible();
  await expect(onTime.getByText('Hạn 30/07/2019')).toBeVisible();
  await expect(onTime.getByText(/Chỉ tiêu: 45 tập thể, cá nhân, sản phẩm/)).toBeVisible();
  await expect(page.getByTestId('milestones').getByText('10/06/2019')).toBeVisible();
  await expect(page.getByTestId('plan-recipients')).toContainText('Thường trực Tỉnh ủy');
  await expect(page.getByTestId('plan-signer')).toContainText('T/M BAN THƯỜNG VỤ');
  await expect(page.getByTestId('download-docx')).toHaveAttribute('href', /document\.docx$/);
  await screenshot(page, 'plans-plan-desktop');

  // the dashboard: counts by status, by unit (late only), deployment
  await page.getByRole('link', { name: 'Tổng hợp tình hình' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng hợp tình hình thực hiện' })).toBeVisible();
  await expect(page.getByTestId('count-overdue').getByTestId('count')).not.toHaveText('');
  const dashboardUrl = page.url();
  const row = page.locator(`[data-testid="unit-row"][data-unit="${MY_UNIT}"]`);
  await expect(row).toBeVisible();
  const before = await unitCounts(row);
  expect(before.overdue).toBeGreaterThan(0);
  await expect(page.getByTestId('deployment')).toContainText('Hạn triển khai 10/06/2019');
  await screenshot(page, 'plans-dashboard-desktop');
  await page.getByTestId('late-only').click();
  await expect(
    page.locator('[data-testid="unit-row"][data-unit="Ban Chấp hành Đảng bộ khối Doanh nghiệp tỉnh"]'),
  ).toHaveCount(0);

  // ---- the grassroots secretary on a phone ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  page = secretary.page;
  await openNav(page, 'Việc của tôi', 'phone');
  await expect(page.getByRole('heading', { name: 'Việc của tôi' })).toBeVisible();
  await expect(page.getByText(`Nhiệm vụ của ${MY_UNIT}`)).toBeVisible();
  const task = page.locator('[data-testid="activity"][data-ref="A3"]');
  const line = task.getByTestId('unit-line');
  await expect(line.getByText('Quá hạn', { exact: true })).toBeVisible();
  await screenshot(page, 'plans-mytasks-phone');

  await task.getByTestId('report-open').click();
  const form = page.getByTestId('report-form');
  await expect(form).toBeVisible();
  // nothing written: the server's message sits on the field and nothing changes
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(form.getByText(/bắt buộc|không được để trống|Bắt buộc/i)).toBeVisible();
  await form.getByLabel('Nội dung đã thực hiện').fill('Đã tổng hợp kết quả đợt thi đua, gửi Ban Tuyên giáo.');
  await form.getByTestId('report-done').click();
  await expect(form.locator('#report-percent')).toHaveValue('100 %');
  await screenshotViewport(page, 'plans-report-filled-phone');
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(form).toBeHidden();
  await expect(line.getByText('Hoàn thành quá hạn', { exact: true })).toBeVisible();
  await expect(line.getByText(/Xong ngày \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await screenshot(page, 'plans-mytasks-after-phone');

  // ---- the Bloc's dashboard shows the change ----
  page = leader.page;
  await page.goto(dashboardUrl);
  await expect(row).toBeVisible();
  await expect.poll(() => unitCounts(row)).toEqual({ done_late: before.done_late + 1, overdue: before.overdue - 1 });

  await leader.context.close();
  await secretary.context.close();
});

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test(`plan page, dashboard and my tasks fit the screen (${size})`, async ({ browser }) => {
    const leader = await asUser(browser, 'demo.lanhdao', viewport);
    const page = leader.page;
    await openNav(page, 'Kế hoạch', size);
    await page.getByTestId('plan-card').first().getByRole('link').click();
    await expect(page.getByTestId('plan-header')).toBeVisible();
    await screenshot(page, `plans-plan-${size}`);
    // the same plan as a task board: a column per status, counts matching the plan's
    await page.getByTestId('plan-view').getByText('Bảng công việc').click();
    await expect(page).toHaveURL(/view=board/);
    const board = page.getByTestId('task-board');
    await expect(board.getByTestId('board-column')).toHaveCount(4);
    const overdue = board.locator('[data-testid="board-column"][data-status="overdue"]');
    const count = Number(await overdue.getByTestId('board-count').innerText());
    expect(count).toBeGreaterThan(0);
    await expect(overdue.getByTestId('board-card')).toHaveCount(count);
    await expect(
      board.locator('[data-testid="board-column"][data-status="done_on_time"] [data-ref="A11"]'),
    ).toBeVisible();
    await screenshot(page, `plans-board-${size}`);
    await page.getByTestId('plan-view').getByText('Văn bản').click();
    await expect(page.getByTestId('plan-recipients')).toBeVisible();
    await page.getByRole('link', { name: 'Tổng hợp tình hình' }).click();
    await expect(page.getByTestId('unit-table')).toBeVisible();
    await screenshot(page, `plans-dashboard-${size}`);
    await leader.context.close();

    const secretary = await asUser(browser, 'demo.coso', viewport);
    await openNav(secretary.page, 'Việc của tôi', size);
    await expect(secretary.page.locator('[data-testid="activity"]').first()).toBeVisible();
    await screenshot(secretary.page, `plans-mytasks-${size}`);
    await secretary.page.locator('[data-testid="report-open"]').first().click();
    await expect(secretary.page.getByTestId('report-form')).toBeVisible();
    await screenshotViewport(secretary.page, `plans-report-${size}`);
    await secretary.context.close();
  });
}
