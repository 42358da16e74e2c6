import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, desktop, phone, screenshot, screenshotViewport, asUser, openNav } from './support.ts';

const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh'; // demo.coso's unit (CS02)
const OWN_ACTIVITY = 'Hội thi tay nghề công nhân may lần thứ nhất';

/** Waits for the "saved" notices to go, so they do not cover a screenshot. */
async function noNotices(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
}

/**
 * The demo data already holds the plan demo.coso's unit issued on 10/06/2019. The administrator
 * withdraws it through the API (as a manager may), so that the secretary can build it again here.
 * Answers the seed plan's id (other journeys may import more plans beside it).
 */
async function seedPlanWithoutMyUnitsPlan(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const plans = (
    (await (await request.get('/api/plans?pageSize=100')).json()) as { items: { id: string; isDemo: boolean }[] }
  ).items;
  const planId = plans.find((p) => p.isDemo)?.id;
  expect(planId, 'the demo plan').toBeTruthy();
  const subs = (
    (await (await request.get(`/api/plans?parentId=${planId}&pageSize=500`)).json()) as {
      items: { id: string; issuingBody: string }[];
    }
  ).items;
  const mine = subs.find((s) => s.issuingBody === MY_UNIT);
  if (mine)
    expect((await request.delete(`/api/plans/${mine.id}`, { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(
      204,
    );
  await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  return planId!;
}

test("a grassroots secretary builds the unit's plan on a phone from the Bloc's; the Bloc sees it deployed", async ({
  browser,
  request,
}) => {
  // A long journey (many screens and saves): its own budget, like the other whole journeys. The 60 s
  // default was overrun at 61.7 s in CI of 2026-12-08, a run in which every journey took twice its usual time.
  test.setTimeout(180_000);
  // ---- on a fresh demo the unit already has its plan: the page links to it, no second form ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  let page = secretary.page;
  await openNav(page, 'Việc của tôi', 'phone');
  await expect(page.locator('[data-testid="activity"]').first()).toBeVisible();
  await screenshotViewport(page, 'plans-mytasks-subplan-button-phone');
  await page.getByTestId('sub-plan-button').click();
  const exists = page.getByTestId('sub-plan-exists');
  await expect(exists).toContainText(`${MY_UNIT} đã xây dựng kế hoạch triển khai kế hoạch này`);
  await expect(exists).toContainText('Kế hoạch số 12-KH/ĐU ngày 10/06/2019');
  await expect(page.getByTestId('sub-plan-form')).toHaveCount(0);

  const planId = await seedPlanWithoutMyUnitsPlan(request);

  // ---- the Bloc leader: the unit has not deployed the plan ----
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  await leader.page.goto(`/plans/${planId}/dashboard`);
  const deployed = leader.page.locator(`[data-testid="deployment-row"][data-unit="${MY_UNIT}"]`);
  await expect(deployed).toHaveAttribute('data-state', 'missing');
  await expect(deployed).toContainText('Chưa triển khai');

  // the leader (a manager) may build a plan for any unit that must deploy it: a unit picker comes first
  await leader.page.goto(`/plans/${planId}/sub-plan`);
  await expect(leader.page.getByTestId('sub-plan-unit')).toBeVisible();
  await expect(leader.page.getByTestId('sub-plan-form')).toBeVisible();
  await screenshot(leader.page, 'plans-subplan-desktop');

  // ---- the secretary, on a phone: from the plan to the unit's own plan ----
  await openNav(page, 'Kế hoạch', 'phone');
  await page.locator(`[data-testid="plan-card"] a[href="/app/plans/${planId}"]`).first().click();
  await expect(page.getByTestId('plan-header')).toBeVisible();
  await page.getByTestId('sub-plan-button').click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/sub-plan$`));
  const form = page.getByTestId('sub-plan-form');
  await expect(form.getByTestId('sub-plan-unit-name')).toHaveText(MY_UNIT);
  await expect(form.getByLabel('Tên kế hoạch')).toHaveValue(
    new RegExp(`^tổ chức các hoạt động kỷ niệm 15 năm .* của ${MY_UNIT}$`),
  );
  // the Bloc's activities the unit leads come ticked (A1, A3: "the grassroots units"); others are not
  const activity = (ref: string) =>
    form.locator(`input[type="checkbox"][data-testid="bloc-activity"][data-ref="${ref}"]`);
  await expect(activity('A1')).toBeChecked();
  await expect(activity('A3')).toBeChecked();
  await expect(activity('A11')).not.toBeChecked();
  const pickedBefore = Number(/Đã chọn (\d+)/.exec(await form.getByTestId('sub-plan-picked').innerText())![1]);
  // the unit takes on one more: A11, the 45 outstanding entries, which it will propose to
  await activity('A11').check();
  await expect(form.getByTestId('sub-plan-picked')).toContainText(`Đã chọn ${pickedBefore + 1}/29 nhiệm vụ`);

  // an own activity left without a title: the server's message sits on the field, nothing is saved
  await form.getByTestId('own-add').click();
  const own = form.getByTestId('own-activity').first();
  await form.getByRole('button', { name: 'Lưu kế hoạch của đơn vị' }).click();
  await expect(own.getByLabel('Tên nhiệm vụ')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/sub-plan$`));

  await own.getByLabel('Tên nhiệm vụ').fill(OWN_ACTIVITY);
  await expect(own.getByLabel('Tên nhiệm vụ')).not.toHaveAttribute('aria-invalid', 'true');
  await own.getByLabel('Hạn hoàn thành').fill('15/08/2019');
  await own.getByLabel('Nội dung, cách thực hiện').click();
  await own
    .getByLabel('Nội dung, cách thực hiện')
    .fill('Tổ chức tại Phân xưởng May 1 và May 2; khen thưởng 10 công nhân giỏi nghề.');
  await form.getByLabel('Số hiệu').fill('12-KH/ĐU');
  await form.getByLabel('Ngày ban hành').fill('10/06/2019');
  await form.getByLabel('Ngày ban hành').press('Tab');
  await expect(form.getByLabel('Ngày ban hành')).toHaveValue('10/06/2019');
  await screenshot(page, 'plans-subplan-phone');
  await form.getByRole('button', { name: 'Lưu kế hoạch của đơn vị' }).click();

  // ---- the unit's plan: its header, what it is based on, the picked and own activities ----
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(planId);
  await expect(page.getByTestId('plan-header')).toContainText(MY_UNIT);
  await expect(page.getByTestId('plan-header')).toContainText('Số 12-KH/ĐU');
  await expect(page.getByTestId('plan-place-date')).toHaveText('Thái Bình, ngày 10 tháng 6 năm 2019');
  await expect(page.getByTestId('parent-plan')).toContainText(
    'Căn cứ Kế hoạch số 01-KH/ĐUK ngày 10/06/2019 của ĐẢNG ỦY KHỐI DOANH NGHIỆP',
  );
  await expect(page.getByTestId('parent-plan').getByRole('link')).toHaveAttribute('href', `/app/plans/${planId}`);
  await expect(page.locator('[data-testid="activity"]')).toHaveCount(pickedBefore + 2);
  await expect(page.locator('[data-testid="activity"]').filter({ hasText: OWN_ACTIVITY })).toContainText(
    'Hạn 15/08/2019',
  );
  await noNotices(page);
  await screenshot(page, 'plans-subplan-created-phone');

  // asked again, the page shows the plan instead of a second form
  await page.goto(`/plans/${planId}/sub-plan`);
  await expect(page.getByTestId('sub-plan-exists')).toContainText('Kế hoạch số 12-KH/ĐU ngày 10/06/2019');
  await screenshot(page, 'plans-subplan-exists-phone');

  // ---- the Bloc leader: the unit deployed on time; the plan lists it; the list names it ----
  page = leader.page;
  await page.goto(`/plans/${planId}/dashboard`);
  await expect(deployed).toHaveAttribute('data-state', 'on_time');
  await expect(deployed).toContainText('Đúng hạn (10/06/2019)');
  await expect(deployed.getByRole('link', { name: 'Đúng hạn (10/06/2019)' })).toHaveAttribute(
    'href',
    /\/plans\/[0-9a-f-]{36}$/,
  );
  await deployed.scrollIntoViewIfNeeded();
  await screenshotViewport(page, 'plans-deployment-desktop');
  await page.goto(`/plans/${planId}`);
  await expect(page.getByTestId('sub-plans').getByRole('link', { name: MY_UNIT })).toBeVisible();
  await page.getByTestId('sub-plans').scrollIntoViewIfNeeded();
  await screenshotViewport(page, 'plans-subplans-card-desktop');
  await page.goto('/plans');
  // under the plan's card, the units' plans derived from it
  await expect(
    page.locator(
      `div:has(> [data-testid="plan-card"] a[href="/app/plans/${planId}"]) > [data-testid="sub-plans-line"]`,
    ),
  ).toContainText(MY_UNIT);
  await screenshot(page, 'plans-list-subplans-desktop');

  await leader.context.close();
  await secretary.context.close();
});

test('committee members record urging and inspection visits and read them by unit', async ({ browser }) => {
  // ---- the Bloc leader (a manager: any unit) on a desktop ----
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  let page = leader.page;
  await openNav(page, 'Đôn đốc, kiểm tra', 'desktop');
  await expect(page.getByRole('heading', { name: 'Đôn đốc, kiểm tra cơ sở' })).toBeVisible();
  // the demo's inspection of the secretary's unit, with who and when
  const demoVisit = page.locator(`[data-testid="supervision"][data-unit="${MY_UNIT}"]`).first();
  await expect(demoVisit).toContainText('Kiểm tra');
  await expect(demoVisit).toContainText('20/07/2019');

  await page.getByTestId('supervision-record').click();
  let form = page.getByTestId('supervision-form');
  // nothing filled in: said on the fields, nothing recorded
  await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(form.getByText('Trường này là bắt buộc.')).toBeVisible();
  await form.getByLabel('Đơn vị').fill('co khi tien hai');
  await page.getByRole('option', { name: 'Chi bộ Công ty Cổ phần Cơ khí Tiền Hải' }).click();
  await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(form.getByLabel('Kết quả, nhận xét')).toHaveAttribute('aria-invalid', 'true');
  await form
    .getByLabel('Kết quả, nhận xét')
    .fill('Chi bộ đã xây dựng kế hoạch nhưng chậm 4 ngày; phong trào thi đua được công nhân hưởng ứng.');
  await form
    .getByLabel('Yêu cầu, kiến nghị')
    .fill('Báo cáo kết quả đợt thi đua về Ban Tuyên giáo trước ngày 30/8/2019.');
  await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(form).toBeHidden();
  const mine = page.locator('[data-testid="supervision"][data-unit="Chi bộ Công ty Cổ phần Cơ khí Tiền Hải"]').first();
  await expect(mine).toContainText('Người ghi nhận: Trần Hữu Nam');
  await expect(mine).toContainText('Kiểm tra');
  await expect(mine).toContainText('chậm 4 ngày');

  // by unit: only that unit's visits
  await page.getByTestId('filter-unit').fill('may kien xuong');
  await page.getByRole('option', { name: MY_UNIT }).click();
  await expect(page).toHaveURL(/unitId=/);
  await expect(page.locator('[data-testid="supervision"]')).not.toHaveCount(0);
  await expect(page.locator(`[data-testid="supervision"]:not([data-unit="${MY_UNIT}"])`)).toHaveCount(0);
  await page.goto('/supervisions');
  await expect(mine).toBeVisible();
  await noNotices(page);
  await screenshot(page, 'plans-supervision-desktop');
  await leader.context.close();

  // ---- a committee member in charge of three units (not a manager), on a phone ----
  const member = await asUser(browser, 'demo.hoidong', phone);
  page = member.page;
  await openNav(page, 'Đôn đốc, kiểm tra', 'phone');
  await expect(page.getByTestId('in-charge-units')).toContainText('Chi bộ Công ty Cổ phần Cơ khí Tiền Hải');
  await page.getByTestId('supervision-record').click();
  form = page.getByTestId('supervision-form');
  // only the units she is in charge of can be chosen: a unit she is not in charge of is not offered
  await form.getByRole('combobox', { name: 'Đơn vị' }).click();
  await expect(page.getByRole('option')).toHaveCount(3);
  await expect(page.getByRole('option', { name: MY_UNIT })).toHaveCount(0);
  await page.getByRole('option', { name: 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng' }).click();
  await form.getByText('Đôn đốc', { exact: true }).click();
  await form
    .getByLabel('Kết quả, nhận xét')
    .fill('Đã nhắc Đảng ủy gửi báo cáo tiến độ thi đua; đơn vị hứa gửi trong tuần.');
  await screenshotViewport(page, 'plans-supervision-form-phone');
  await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(form).toBeHidden();
  const urged = page
    .locator('[data-testid="supervision"][data-unit="Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng"]')
    .first();
  await expect(urged).toHaveAttribute('data-kind', 'urge');
  await expect(urged).toContainText('Người ghi nhận: Phạm Thị Thu Hằng');
  await noNotices(page);
  await screenshot(page, 'plans-supervision-phone');

  // the server refuses a unit she is not in charge of, in Vietnamese (the form never offers one)
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const units = (
    (await (
      await page.request.get(`/api/units?q=${encodeURIComponent('may kien xuong xanh')}&kind=grassroots_committee`)
    ).json()) as { items: { id: string }[] }
  ).items;
  const refused = await page.request.post('/api/supervisions', {
    data: { unitId: units[0].id, kind: 'inspect', visitedOn: '2019-07-20', findings: 'x' },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
    'Đồng chí không được phân công phụ trách đơn vị này.',
  );
  await member.context.close();
});

/** The number on the bell (0 when it shows none). */
async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('notifications-count').getAttribute('data-count'));
}

test('the bell counts unread reminders, opens the latest and the whole list (phone and desktop)', async ({
  browser,
}) => {
  // ---- the grassroots secretary on a phone: the reminders job ran when the server started ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  let page = secretary.page;
  await expect.poll(() => bellCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const unread = await bellCount(page);
  await page.getByTestId('notifications-bell').click();
  let dropdown = page.getByTestId('notifications-dropdown');
  // a plan reminder (the reporting module's reminders about the monthly report sit beside it)
  const planReminder = dropdown
    .locator('[data-testid="notification"][data-unread="true"]', { hasText: 'nhưng đơn vị chưa báo cáo hoàn thành' })
    .first();
  await expect(planReminder).toContainText('Quá hạn:');
  await screenshotViewport(page, 'notifications-dropdown-phone');
  // opening one goes to its plan and marks it read
  await planReminder.locator('a').first().click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}(#activity-[0-9a-f-]{36})?$/);
  await expect(page.getByTestId('plan-header')).toBeVisible();
  await expect.poll(() => bellCount(page)).toBe(unread - 1);
  await page.getByTestId('notifications-bell').click();
  await page.getByTestId('notifications-all').click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Thông báo' })).toBeVisible();
  await expect(
    page.getByTestId('notifications-list').locator('[data-testid="notification"][data-unread="false"]'),
  ).not.toHaveCount(0);
  await screenshot(page, 'notifications-phone');
  await secretary.context.close();

  // ---- the Bloc leader on a desktop: reminders for every unit's overdue work; unread ones, marked read from the list ----
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  page = leader.page;
  await expect.poll(() => bellCount(page), { timeout: 20_000 }).toBeGreaterThan(1);
  const before = await bellCount(page);
  await page.getByTestId('notifications-bell').click();
  dropdown = page.getByTestId('notifications-dropdown');
  await expect(dropdown.getByTestId('notification').first()).toBeVisible();
  await screenshotViewport(page, 'notifications-dropdown-desktop');
  await dropdown.getByTestId('notifications-all').click();
  await expect(page).toHaveURL(/\/notifications$/);
  await page.getByTestId('notifications-filter').getByText('Chưa đọc').click();
  await expect(
    page.getByTestId('notifications-list').locator('[data-testid="notification"][data-unread="false"]'),
  ).toHaveCount(0);
  await page.getByTestId('notification-mark-read').first().click();
  await expect.poll(() => bellCount(page)).toBe(before - 1);
  await page.getByTestId('notifications-filter').getByText('Tất cả').click();
  await expect(
    page.getByTestId('notifications-list').locator('[data-testid="notification"][data-unread="false"]'),
  ).toHaveCount(1);
  await screenshot(page, 'notifications-desktop');
  await leader.context.close();
});
