import { expect, test, type Page } from '@playwright/test';
import { desktop, phone, screenshot, asUser } from './support.ts';

// II.5 of the seed plan: its five milestones (the conference of 04/9 only planned, "dự kiến").
const MILESTONES = ['2019-06-10', '2019-07-30', '2019-08-20', '2019-08-30', '2019-09-04'];

/** Opens the seed plan from the list of plans (beside it: units' sub-plans, plans other journeys add). */
async function openSeedPlan(page: Page, size: 'desktop' | 'phone'): Promise<string> {
  const plans = await page.request.get('/api/plans');
  expect(plans.ok()).toBe(true);
  const { items } = (await plans.json()) as {
    items: { id: string; parentPlanId: string | null; isDemo: boolean; title: string }[];
  };
  const seed = items.find((p) => p.isDemo && p.parentPlanId === null && p.title.includes('kỷ niệm 15 năm'));
  expect(seed, 'the seed plan is loaded as demo data').toBeTruthy();
  if (size === 'phone') await page.getByTestId('nav-burger').click();
  await page.getByTestId('navbar').getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.locator(`[data-testid="plan-card"] a[href="/app/plans/${seed!.id}"]`).click();
  await expect(page.getByTestId('plan-header')).toBeVisible();
  return seed!.id;
}

const row = (page: Page, ref: string) => page.locator(`[data-testid="gantt-row"][data-ref="${ref}"]`);

test('the Bloc leader follows the seed plan on its Gantt chart and its calendar of deadlines', async ({ browser }) => {
  const { context, page } = await asUser(browser, 'demo.lanhdao', desktop);
  const planId = await openSeedPlan(page, 'desktop');
  await page.getByRole('link', { name: 'Tiến độ (Gantt)' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/timeline$`));
  await expect(page.getByRole('heading', { name: 'Tiến độ thực hiện (Gantt)' })).toBeVisible();

  // the axis covers the plan's period (June–September 2019); today (years later) is a note, not a line
  const gantt = page.getByTestId('gantt');
  await expect(gantt.getByTestId('gantt-month')).toHaveText(['Th6/2019', 'Th7/2019', 'Th8/2019', 'Th9/2019']);
  await expect(page.getByTestId('gantt-today')).toHaveText(
    /^Hôm nay: \d\d\/\d\d\/\d{4} \(ngoài khoảng thời gian của kế hoạch\)$/,
  );

  // one row per activity, with the demo data's statuses
  expect(await gantt.getByTestId('gantt-row').count()).toBeGreaterThanOrEqual(29);
  const a11 = row(page, 'A11');
  await expect(a11).toHaveAttribute('data-status', 'done_on_time');
  await expect(a11).toContainText('Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu');
  await expect(a11).toContainText('Ban TG');
  await expect(a11).toContainText('30/07');
  await expect(a11.getByTestId('gantt-bar')).toHaveAttribute('data-shape', 'point');
  await expect(row(page, 'A1')).toHaveAttribute('data-status', 'overdue');
  await expect(row(page, 'A1').getByTestId('gantt-bar')).toHaveAttribute('data-shape', 'bar');
  await expect(row(page, 'A1')).toContainText('15/06–30/08');
  await expect(row(page, 'A6')).toHaveAttribute('data-status', 'done_late');
  await expect(row(page, 'A17')).toHaveAttribute('data-status', 'in_progress');
  await expect(row(page, 'A17')).toContainText('Thường xuyên');
  await expect(row(page, 'A12').getByTestId('gantt-bar')).toHaveAttribute('data-tentative', 'true');

  // the five milestones of II.5, the last one tentative
  const milestones = gantt.getByTestId('gantt-milestone');
  await expect(milestones).toHaveCount(5);
  expect(await milestones.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).toEqual(MILESTONES);
  await expect(milestones.nth(4)).toHaveAttribute('data-tentative', 'true');
  await expect(milestones.nth(0)).toHaveText('10/06');
  await screenshot(page, 'plans-timeline-desktop');

  // filter by status: only "done on time", then also "overdue", then everything again
  const chips = page.getByTestId('gantt-status-filter');
  await chips.getByText(/^Hoàn thành đúng hạn \(/).click();
  await expect(a11).toBeVisible();
  await expect(row(page, 'A1')).toHaveCount(0);
  const statusesShown = () =>
    gantt.getByTestId('gantt-row').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-status')))]);
  expect(await statusesShown()).toEqual(['done_on_time']);
  await chips.getByText(/^Quá hạn \(/).click();
  await expect(row(page, 'A1')).toBeVisible();
  expect((await statusesShown()).sort()).toEqual(['done_on_time', 'overdue']);
  await chips.getByText(/^Hoàn thành đúng hạn \(/).click();
  await chips.getByText(/^Quá hạn \(/).click();
  await expect(row(page, 'A17')).toBeVisible();

  // filter by section: II.4, the honouring of the 45
  await page.getByTestId('gantt-section-filter').click();
  await page.getByRole('option', { name: /^II\.4\./ }).click();
  await expect(gantt.getByTestId('gantt-row')).toHaveCount(2);
  await expect(a11).toBeVisible();
  await expect(row(page, 'A12')).toBeVisible();

  // a row opens the activity
  await a11.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('activity-details')).toBeVisible();
  await expect(drawer.getByText('Hoàn thành đúng hạn')).toBeVisible();
  await expect(drawer.getByText('Hạn 30/07/2019')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // the calendar opens on the month of the first deadline (June 2019), Monday first
  await page.getByRole('link', { name: 'Lịch hạn' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/calendar\\?month=2019-06$`));
  const calendar = page.getByTestId('calendar');
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 6/2019');
  await expect(page.getByTestId('calendar-today-note')).toContainText('ngoài khoảng thời gian của kế hoạch');
  await expect(calendar.getByText('T2', { exact: true })).toBeVisible();
  await expect(calendar.getByText('CN', { exact: true })).toBeVisible();
  await expect(
    calendar.locator('[data-testid="calendar-day"][data-date="2019-06-10"] [data-testid="calendar-milestone"]'),
  ).toHaveCount(1);

  // July: 30/07/2019 holds A11 and A15 and the milestone for the 45
  await page.getByTestId('calendar-next').click();
  await expect(page).toHaveURL(/\?month=2019-07$/);
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 7/2019');
  await expect(calendar.getByTestId('calendar-day').first()).toHaveAttribute('data-date', '2019-07-01'); // a Monday
  const jul30 = calendar.locator('[data-testid="calendar-day"][data-date="2019-07-30"]');
  await expect(jul30.locator('[data-testid="calendar-activity"][data-ref="A11"]')).toHaveAttribute(
    'data-status',
    'done_on_time',
  );
  await expect(jul30.locator('[data-testid="calendar-activity"][data-ref="A15"]')).toHaveAttribute(
    'data-status',
    'overdue',
  );
  await expect(jul30.getByTestId('calendar-milestone')).toContainText('Việc bình chọn 45 tập thể');
  await jul30.locator('[data-testid="calendar-activity"][data-ref="A11"]').click();
  await expect(drawer.getByText('Hạn 30/07/2019')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // August, the busiest month: a day with more deadlines than fit lists them all below the grid
  await page.getByTestId('calendar-next').click();
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 8/2019');
  const aug30 = calendar.locator('[data-testid="calendar-day"][data-date="2019-08-30"]');
  await expect(aug30.getByTestId('calendar-more')).toHaveText(/^\+\d+ việc khác$/);
  await aug30.getByTestId('calendar-more').click();
  const selected = page.getByTestId('calendar-selected');
  await expect(selected).toContainText('Các hạn ngày 30/08/2019');
  await expect(selected.locator('[data-testid="calendar-activity"][data-ref="A1"]')).toBeVisible();
  await expect(selected.locator('[data-testid="calendar-activity"][data-ref="A26"]')).toBeVisible();
  await screenshot(page, 'plans-calendar-desktop');

  // the month is in the address: a reload keeps it
  await page.goto(`/plans/${planId}/calendar?month=2019-07`);
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 7/2019');
  await context.close();
});

test('a grassroots secretary sees their own unit’s part of the timeline and calendar on a phone', async ({
  browser,
}) => {
  const { context, page } = await asUser(browser, 'demo.coso', phone);
  const planId = await openSeedPlan(page, 'phone');
  await page.getByRole('link', { name: 'Tiến độ (Gantt)' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/timeline$`));
  const gantt = page.getByTestId('gantt');
  await expect(row(page, 'A1')).toHaveAttribute('data-status', 'overdue');
  await expect(row(page, 'A26')).toBeVisible();
  await expect(row(page, 'A11')).toHaveCount(0); // the Propaganda Board's, not this unit's
  await expect(gantt.getByTestId('gantt-milestone')).toHaveCount(5);

  // the chart scrolls inside its own box, with the titles column staying put
  const sizes = await gantt.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  const label = row(page, 'A1').getByRole('button');
  const before = await label.boundingBox();
  await gantt.evaluate((el) => el.scrollTo({ left: 300 }));
  await expect.poll(async () => (await label.boundingBox())?.x).toBe(before?.x);
  await gantt.evaluate((el) => el.scrollTo({ left: 0 }));
  await screenshot(page, 'plans-timeline-phone');

  // the calendar as an agenda: the days with deadlines, in order
  await page.getByRole('link', { name: 'Lịch hạn' }).click();
  await expect(page).toHaveURL(/\?month=2019-06$/);
  const calendar = page.getByTestId('calendar');
  await expect(calendar.getByTestId('calendar-day')).toHaveCount(1);
  await expect(calendar.getByTestId('calendar-day')).toContainText('Thứ Hai, 10/06/2019');
  await page.getByTestId('calendar-next').click();
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 7/2019');
  const jul30 = calendar.locator('[data-testid="calendar-day"][data-date="2019-07-30"]');
  await expect(jul30).toContainText('Thứ Ba, 30/07/2019');
  await expect(jul30.getByTestId('calendar-milestone')).toContainText('Việc bình chọn 45 tập thể');
  await expect(jul30.getByTestId('calendar-activity')).toHaveCount(0);
  await page.getByTestId('calendar-next').click();
  await expect(page.getByTestId('calendar-month')).toHaveText('Tháng 8/2019');
  // the heading changes before the month's deadlines arrive: wait for the days, then read them
  await expect(calendar.getByTestId('calendar-day')).toHaveCount(2);
  const days = await calendar
    .getByTestId('calendar-day')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
  expect(days).toEqual(['2019-08-20', '2019-08-30']);
  const aug30 = calendar.locator('[data-testid="calendar-day"][data-date="2019-08-30"]');
  expect(
    await aug30.getByTestId('calendar-activity').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref'))),
  ).toEqual(['A1', 'A3', 'A26']);
  await screenshot(page, 'plans-calendar-phone');
  await context.close();
});
