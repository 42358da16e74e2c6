import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { todayIso } from '../../src/common/dates.ts';
import {
  deadlinesOf,
  isLocked,
  periodLabel,
  periodOfDate,
  previous,
  type DeadlineSchedule,
} from '../../src/common/periods.ts';
import { desktop, phone, screenshot, screenshotViewport, asUser, DEMO_PASSWORD } from './support.ts';

/**
 * Periodic reporting in the browser: a grassroots secretary on a phone enters the monthly report
 * (wrong values named as they are typed), saves a draft and submits it; the Bloc leader sees the
 * Bloc's total and the completeness count move without reloading, drills down to the unit and
 * returns the report with a reason, which the secretary then reads.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';
const TEMPLATE_CODE = 'BC-THANG-CS';
const REASON = 'Số đảng viên mới kết nạp chưa khớp với quyết định kết nạp; đề nghị kiểm tra lại.';

type Template = {
  id: string;
  code: string;
  name: string;
  regime: 'calendar' | 'vn_cutoff';
  schedule: DeadlineSchedule;
};
type Setup = { templateId: string; name: string; periodId: string; fromDemo: boolean };

/**
 * The Bloc's monthly template for grassroots units: the demo's (BC-THANG-CS), or, where the demo
 * data does not hold it, the same template made through the API by the Office, as a manager would.
 */
async function monthlyTemplate(request: APIRequestContext): Promise<Setup> {
  const login = await request.post('/api/auth/login', { data: { username: 'demo.vanphong', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const list = (await (await request.get('/api/reporting/templates', { params: { q: TEMPLATE_CODE } })).json()) as {
    items: Template[];
  };
  let template = list.items.find((t) => t.code === TEMPLATE_CODE);
  const fromDemo = template !== undefined;
  if (!template) {
    const indicator = async (body: Record<string, unknown>) => {
      const res = await request.post('/api/reporting/indicators', { data: body, headers });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const gender = [
      { key: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { key: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ];
    const total = await indicator({
      code: 'DV_TONG',
      name: 'Tổng số đảng viên',
      valueType: 'integer',
      aggregation: 'last',
      unit: 'người',
    });
    const newMembers = await indicator({
      code: 'DV_MOI',
      name: 'Đảng viên mới kết nạp',
      valueType: 'integer',
      aggregation: 'sum',
      unit: 'người',
      breakdown: gender,
    });
    const meetings = await indicator({
      code: 'SH_CHI_BO',
      name: 'Số buổi sinh hoạt chi bộ',
      valueType: 'integer',
      aggregation: 'sum',
      unit: 'buổi',
    });
    const attendance = await indicator({
      code: 'TL_DU_SH',
      name: 'Tỷ lệ đảng viên dự sinh hoạt',
      valueType: 'percentage',
      aggregation: 'average',
      unit: '%',
    });
    const thematic = await indicator({
      code: 'SH_CHUYEN_DE',
      name: 'Chi bộ sinh hoạt chuyên đề',
      valueType: 'boolean',
      aggregation: 'sum',
    });
    const notes = await indicator({ code: 'GHI_CHU', name: 'Ghi chú', valueType: 'text', aggregation: 'none' });
    const res = await request.post('/api/reporting/templates', {
      headers,
      data: {
        code: TEMPLATE_CODE,
        name: 'Báo cáo tháng của tổ chức cơ sở đảng',
        periodType: 'monthly',
        regime: 'vn_cutoff',
        sections: [
          {
            key: 'I',
            title: 'Công tác tổ chức, xây dựng Đảng',
            items: [
              { indicatorId: total, required: true },
              { indicatorId: newMembers, required: true },
            ],
          },
          {
            key: 'II',
            title: 'Sinh hoạt chi bộ',
            items: [
              { indicatorId: meetings, required: true },
              { indicatorId: attendance, required: true },
              { indicatorId: thematic },
            ],
          },
          { key: 'III', title: 'Ghi chú', items: [{ indicatorId: notes }] },
        ],
        rules: [
          {
            left: newMembers,
            operator: 'lte',
            right: total,
            message: {
              vi: 'Số đảng viên mới kết nạp không được lớn hơn tổng số đảng viên.',
              en: 'New members cannot outnumber all members.',
            },
          },
        ],
        assignment: { kinds: ['grassroots_committee', 'grassroots_cell', 'sub_cell'] },
        schedule: {
          levels: [
            { level: 'cell', daysAfterEnd: 3 },
            { level: 'grassroots', daysAfterEnd: 5 },
            { level: 'bloc', daysAfterEnd: 10 },
          ],
          onTimeDays: 0,
          lockDays: 30,
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    template = (await res.json()) as Template;
  }
  await request.post('/api/auth/logout', { headers });
  // The month just closed (the one a unit reports on now), unless it has locked already: then the running one.
  const today = todayIso();
  const running = periodOfDate('monthly', today, template.regime);
  const closed = previous(running);
  const periodId = isLocked(today, deadlinesOf(closed, template.regime, template.schedule).lockOn) ? running : closed;
  return { templateId: template.id, name: template.name, periodId, fromDemo };
}

const unitIdOf = (url: string) => new URL(url).searchParams.get('unitId')!;
/** An indicator's id, from the form's cells (the API of the form names indicators by id). */
async function indicatorIdOf(page: Page, code: string) {
  const res = await page.request.get(`/api/reporting/form${new URL(page.url()).search}`);
  const form = (await res.json()) as { indicators: { id: string; code: string }[] };
  return form.indicators.find((i) => i.code === code)!.id;
}
const totalOf = (page: Page, code: string) => page.locator(`[data-testid="total-row"][data-code="${code}"]`).first();
const countOf = (page: Page, key: string) => page.getByTestId(`count-${key}`);

test('a grassroots secretary reports the month on a phone; the Bloc sees it at once, drills down and returns it', async ({
  browser,
  request,
}) => {
  // Two people, three screens, a return and a conflict: a long journey on two shared cores.
  test.setTimeout(180_000);
  const { templateId, name, periodId, fromDemo } = await monthlyTemplate(request);
  const label = periodLabel(periodId, 'vi');

  // ---- the Bloc leader keeps the totals and the completeness of the month open ----
  const leader = await asUser(browser, 'demo.lanhdao', desktop);
  const totals = leader.page;
  await totals.getByTestId('navbar').getByRole('link', { name: 'Báo cáo định kỳ', exact: true }).click();
  await expect(
    totals.locator(`[data-testid="template-row"][data-template="${TEMPLATE_CODE}"]`).getByTestId('open-totals'),
  ).toBeVisible();
  await expect(totals.getByTestId('my-report')).toHaveCount(0);
  await totals.goto(`/reporting/totals?templateId=${templateId}&from=${periodId}&to=${periodId}`);
  await expect(totals.getByTestId('trail-current')).toHaveText(/Đảng bộ Khối|Khối Doanh nghiệp/i);
  await expect(totalOf(totals, 'DV_TONG')).toBeVisible();
  const totalBefore = Number((await totalOf(totals, 'DV_TONG').getAttribute('data-value')) || 0);
  // the totals as .xlsx and the drafted report as .docx, for the range shown
  await expect(totals.getByTestId('totals-xlsx')).toHaveAttribute(
    'href',
    new RegExp(
      `^/api/reporting/totals\\.xlsx\\?templateId=${templateId}&unitId=[^&]+&from=${periodId}&to=${periodId}$`,
    ),
  );
  await expect(totals.getByTestId('report-docx')).toHaveAttribute(
    'href',
    new RegExp(`^/api/reporting/report\\.docx\\?templateId=${templateId}&unitId=[^&]+&periodId=${periodId}$`),
  );
  const completeness = await leader.context.newPage();
  await completeness.goto(`/reporting/completeness?templateId=${templateId}&periodId=${periodId}`);
  await expect(countOf(completeness, 'expected')).toBeVisible();
  const receivedBefore = Number(await countOf(completeness, 'received').getAttribute('data-value'));
  expect(Number(await countOf(completeness, 'expected').getAttribute('data-value'))).toBeGreaterThan(receivedBefore);

  // ---- the secretary, on a phone, finds the month's report and its countdown ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  let page = secretary.page;
  await page.getByTestId('nav-burger').click();
  await page.getByTestId('navbar').getByRole('link', { name: 'Báo cáo định kỳ', exact: true }).click();
  await expect(page).toHaveURL(/\/reporting$/);
  const card = page.locator(`[data-testid="my-report"][data-template="${TEMPLATE_CODE}"]`);
  await expect(card.getByText(name)).toBeVisible();
  const row = card.locator(`[data-testid="report-period"][data-period="${periodId}"]`);
  await expect(row.getByText(label)).toBeVisible();
  await expect(row.getByTestId('report-status')).toHaveText('Chưa nhập');
  await expect(row.getByTestId('countdown')).toHaveText(/^(Còn \d+ ngày|Hạn nộp hôm nay|Quá hạn \d+ ngày)$/);
  await screenshot(page, 'reporting-home-phone');
  await row.getByTestId('report-open').click();
  await expect(page).toHaveURL(/\/reporting\/form\?/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('form-state').getByTestId('countdown')).toBeVisible();
  // the form as .xlsx: downloaded as it is and uploaded back, it is previewed (nothing saved) and can be cancelled
  const xlsxLink = page.getByTestId('download-form-xlsx');
  await expect(xlsxLink).toHaveAttribute(
    'href',
    `/api/reporting/form.xlsx?templateId=${templateId}&unitId=${unitIdOf(page.url())}&periodId=${periodId}`,
  );
  const xlsx = await page.request.get((await xlsxLink.getAttribute('href'))!);
  expect(xlsx.status()).toBe(200);
  await page
    .getByTestId('import-form-xlsx')
    .locator('xpath=..')
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'bao-cao.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx.body(),
    });
  await expect(page.getByTestId('xlsx-valid')).toBeVisible();
  await expect(page.getByTestId('xlsx-confirm')).toBeEnabled();
  await page.getByTestId('xlsx-preview').getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByTestId('xlsx-preview')).toHaveCount(0);

  // a whole number field refuses 12,5 as it is typed
  const members = page.locator('input[data-cell="DV_TONG"]');
  await members.fill('12,5');
  await expect(page.getByText('Phải là số nguyên không âm.')).toBeVisible();
  await members.fill('120');
  await expect(page.getByText('Phải là số nguyên không âm.')).toHaveCount(0);
  // more new members than members: the rule is named under the indicator as it is typed
  await page.locator('input[data-cell="DV_MOI.nam"]').fill('100');
  await page.locator('input[data-cell="DV_MOI.nu"]').fill('30');
  const rule = page.locator('[data-code="DV_MOI"]').getByTestId('rule-problem');
  await expect(rule).toHaveText('Số đảng viên mới kết nạp không được lớn hơn tổng số đảng viên.');
  await expect(page.locator('[data-code="DV_MOI"]').getByTestId('indicator-total')).toContainText('130');
  await rule.scrollIntoViewIfNeeded();
  await screenshotViewport(page, 'reporting-form-rule-phone');
  await page.locator('input[data-cell="DV_MOI.nam"]').fill('3');
  await page.locator('input[data-cell="DV_MOI.nu"]').fill('2');
  await expect(rule).toHaveCount(0);
  await expect(page.locator('[data-code="DV_MOI"]').getByTestId('indicator-total')).toContainText('5');

  // saving a draft keeps it; submitting without a compulsory value names it
  await page.getByTestId('save-draft').click();
  await expect(page.getByText('Đã lưu nháp báo cáo.')).toBeVisible();
  await expect(page.getByTestId('form-state').getByTestId('report-status')).toHaveText('Nháp');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('form-notice')).toContainText('Còn 2 chỗ');
  await expect(page.locator('[data-code="SH_CHI_BO"]').getByText('Chỉ tiêu bắt buộc: cần nhập số liệu.')).toBeVisible();
  await expect(page.locator('[data-code="TL_DU_SH"]').getByText('Chỉ tiêu bắt buộc: cần nhập số liệu.')).toBeVisible();
  await page.locator('input[data-cell="SH_CHI_BO"]').fill('2');
  await page.locator('input[data-cell="TL_DU_SH"]').fill('95');
  await page.locator('[data-cell="SH_CHUYEN_DE"]').getByText('Có', { exact: true }).click();
  await page
    .locator('textarea[data-cell="GHI_CHU"]')
    .fill('Đề nghị Đảng ủy Khối mở lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú.');
  await page.locator('[data-code="DV_TONG"]').getByTestId('comment-toggle').click();
  await page.getByLabel('Ghi chú cho chỉ tiêu Tổng số đảng viên').fill('Tính đến ngày 14 của tháng.');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotViewport(page, 'reporting-form-phone');
  await page.getByTestId('submit').click();
  await page.getByTestId('submit-confirm').click();
  await expect(page.getByText('Đã gửi báo cáo lên cấp trên.')).toBeVisible();
  await expect(page.getByTestId('locked-banner')).toContainText('Đã gửi, chờ cấp trên duyệt');
  await expect(members).toHaveAttribute('readonly', '');

  // ---- the Bloc's total and the completeness count move without a reload ----
  await expect(totalOf(totals, 'DV_TONG')).toHaveAttribute('data-value', String(totalBefore + 120));
  await expect(countOf(completeness, 'received')).toHaveAttribute('data-value', String(receivedBefore + 1));
  await expect(completeness.locator(`[data-testid="completeness-row"][data-unit="${MY_UNIT}"]`)).toHaveAttribute(
    'data-status',
    'submitted',
  );
  await screenshot(completeness, 'reporting-completeness-desktop');
  await completeness
    .getByTestId('missing-filter')
    .getByText(/Chưa nộp/)
    .click();
  await expect(completeness.locator('[data-testid="completeness-row"]').first()).toHaveAttribute(
    'data-status',
    'missing',
  );
  await expect(completeness.locator(`[data-testid="completeness-row"][data-unit="${MY_UNIT}"]`)).toHaveCount(0);
  await completeness.setViewportSize(phone);
  await screenshot(completeness, 'reporting-completeness-phone');

  // the drill-down: the unit among the Bloc's children, then the unit itself, and back up
  const child = totals.locator(`[data-testid="child-row"][data-name="${MY_UNIT}"]`);
  await expect(child).toBeVisible();
  await expect(totals.locator(`[data-testid="comparison-row"][data-unit="${MY_UNIT}"]`)).toHaveAttribute(
    'data-value',
    '120',
  );
  // the same totals by ownership, then by sector: a line per group, the whole last
  const byGroup = totals.getByTestId('group-totals');
  await expect(byGroup.locator('[data-testid="group-row"][data-name="Doanh nghiệp nhà nước"]')).toBeVisible();
  await expect(byGroup.locator('[data-testid="group-row"]').last()).toHaveAttribute('data-name', 'Tổng cộng');
  await byGroup.getByTestId('group-set').getByText('Ngành nghề').click();
  await expect(totals).toHaveURL(/groupSetId=/);
  await expect(byGroup.locator('[data-testid="group-row"][data-name="Doanh nghiệp nhà nước"]')).toHaveCount(0);
  await screenshot(totals, 'reporting-totals-desktop');
  await child.getByTestId('child-name').click();
  await expect(totals.getByTestId('trail-current')).toHaveText(MY_UNIT);
  await expect(totalOf(totals, 'DV_TONG')).toHaveAttribute('data-value', '120');
  await expect(totalOf(totals, 'DV_MOI')).toHaveAttribute('data-value', '5');
  await totals.setViewportSize(phone);
  await screenshot(totals, 'reporting-totals-phone');
  await totals.setViewportSize(desktop);

  // ---- the leader opens the unit's report and returns it with a reason ----
  await totals.getByTestId('open-unit-report').click();
  await expect(totals).toHaveURL(/\/reporting\/form\?/);
  await expect(totals.getByTestId('approve')).toBeVisible();
  await expect(totals.locator('input[data-cell="DV_TONG"]')).toHaveValue('120');
  await screenshot(totals, 'reporting-form-desktop');
  // the printable layout of this period's report, as the leader downloads it
  await totals.getByTestId('print-form').click();
  const printed = await totals.request.get((await totals.getByTestId('print-form-pdf').getAttribute('href'))!);
  expect(printed.status()).toBe(200);
  expect(printed.headers()['content-type']).toBe('application/pdf');
  await totals.keyboard.press('Escape');
  await totals.getByTestId('open-history').click();
  await expect(totals.getByTestId('history-row').first()).toBeVisible();
  await expect(totals.getByTestId('history')).toContainText('Tổng số đảng viên');
  await totals.keyboard.press('Escape');
  await totals.getByTestId('return').click();
  await totals.getByTestId('return-form').getByRole('button', { name: 'Trả lại' }).click();
  await expect(totals.getByTestId('return-form').getByText('Trường này là bắt buộc.')).toBeVisible();
  await totals.getByTestId('return-form').getByLabel('Lý do').fill(REASON);
  await totals.getByTestId('return-form').getByRole('button', { name: 'Trả lại' }).click();
  await expect(totals.getByTestId('returned-banner')).toContainText(REASON);
  await expect(totals.getByTestId('approve')).toHaveCount(0);

  // ---- the secretary reads the reason and may correct the report again ----
  page = secretary.page;
  await page.reload();
  await expect(page.getByTestId('returned-banner')).toContainText(REASON);
  await expect(page.getByTestId('form-state').getByTestId('report-status')).toHaveText('Bị trả lại');
  await expect(members).not.toHaveAttribute('readonly', '');
  // someone else saves the report meanwhile (another device): saving over it is refused, and the form offers a reload
  const other = await request.post('/api/auth/login', { data: { username: 'demo.coso', password: DEMO_PASSWORD } });
  const otherHeaders = { 'X-CSRF-Token': ((await other.json()) as { csrfToken: string }).csrfToken };
  const current = (await (
    await request.get('/api/reporting/form', { params: { templateId, unitId: unitIdOf(page.url()), periodId } })
  ).json()) as { submission: { version: number }; values: unknown[] };
  const elsewhere = await request.put('/api/reporting/reports', {
    headers: otherHeaders,
    data: {
      templateId,
      unitId: unitIdOf(page.url()),
      periodId,
      version: current.submission.version,
      values: [{ indicatorId: await indicatorIdOf(page, 'DV_TONG'), breakdownKey: '', value: 118 }],
    },
  });
  expect(elsewhere.status(), await elsewhere.text()).toBe(200);
  await members.fill('119');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('stale')).toContainText('Báo cáo vừa được người khác sửa');
  await page.getByTestId('reload').click();
  await expect(members).toHaveValue('118');
  await expect(page.getByTestId('stale')).toHaveCount(0);

  await page.goto('/reporting');
  await expect(
    card.locator(`[data-testid="report-period"][data-period="${periodId}"]`).getByTestId('report-status'),
  ).toHaveText('Bị trả lại');
  await expect(
    card.locator(`[data-testid="report-period"][data-period="${periodId}"]`).getByTestId('report-open'),
  ).toHaveText('Sửa và gửi lại');

  // ---- the demo's months of 2019: the trend over the year and the units compared ----
  if (fromDemo) {
    await totals.goto(`/reporting/totals?templateId=${templateId}&from=2019-01&to=2019-12&periodId=2019-08`);
    const points = totals.getByTestId('trend-point');
    await expect(points).toHaveCount(12);
    await expect
      .poll(() => points.evaluateAll((els) => els.filter((e) => e.getAttribute('data-value')).length))
      .toBe(3);
    await expect(totals.getByTestId('comparison-row').first()).toBeVisible();
    await screenshot(totals, 'reporting-totals-2019-desktop');
  }

  await secretary.context.close();
  await leader.context.close();
});
