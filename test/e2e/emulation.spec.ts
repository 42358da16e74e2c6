import { expect, test, type Page } from '@playwright/test';
import { type Api, apiAs, isoFromNow } from './api.ts';
import { desktop, phone, screenshot, screenshotViewport, asUser, openNav } from './support.ts';

/**
 * The seed's drive (II.1: 15/6–30/8/2019, launched by Kế hoạch 15-KH/ĐUK) end to end in the browser:
 * the Propaganda Board launches it for every grassroots organisation, a grassroots secretary registers
 * targets on a phone, the Board returns them with a reason and accepts them once corrected, units
 * report results, the Board sets the criteria and scores by hand, and the ranking comes out in order.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';
const DONG_HUNG = 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng';
const SONG_TRA = 'Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà';
const DRIVE_NAME =
  'Phong trào thi đua cao điểm lập thành tích chào mừng kỷ niệm 15 năm thành lập Đảng bộ khối Doanh nghiệp tỉnh';
// Fresh codes, so the journey does not depend on (or collide with) the demo's own TD-15NAM.
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const TEMPLATE_CODE = `TD15-${suffix}`;
const DRIVE_CODE = `TD15-${suffix}`;

/** Closes the "saved" notices, so that screenshots show the page beneath. */
async function dismissNotices(page: Page) {
  for (const button of await page.locator('.mantine-Notification-root button').all())
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  // A pointer resting on a notice keeps it open.
  await page.mouse.move(1, 400);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8_000 });
}

async function unitId(api: Api, name: string): Promise<string> {
  const page = await api.get(`/api/units?q=${encodeURIComponent(name)}&pageSize=10`);
  const unit = page.items.find((u: { name: string }) => u.name === name);
  expect(unit, name).toBeTruthy();
  return unit.id;
}

test('the Bloc launches the seed drive, a unit registers on a phone, results are reported and ranked', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;

  // ---- set up the results template (a campaign template whose window is open today, so units can report now) ----
  const board = await apiAs(baseURL, 'demo.tuyengiao');
  // report templates are the Office's work (ADR 31); the Propaganda Board launches the drive on one
  const office = await apiAs(baseURL, 'demo.vanphong');
  const ind: Record<string, string> = {};
  for (const [key, name, unit] of [
    ['CT', 'Số công trình, sản phẩm chào mừng', 'công trình'],
    ['SK', 'Số sáng kiến, cải tiến kỹ thuật', 'sáng kiến'],
  ] as const) {
    ind[key] = (
      await office.send(
        'POST',
        '/api/reporting/indicators',
        { code: `E2E_${key}_${suffix}`, name, valueType: 'integer', aggregation: 'sum', unit },
        201,
      )
    ).id;
  }
  const template = await office.send(
    'POST',
    '/api/reporting/templates',
    {
      code: TEMPLATE_CODE,
      name: 'Kết quả đợt thi đua cao điểm chào mừng 15 năm thành lập Đảng bộ Khối',
      periodType: 'campaign',
      campaign: { start: isoFromNow(-20), end: isoFromNow(40) },
      sections: [
        {
          key: 'I',
          title: 'Kết quả thi đua',
          items: [{ indicatorId: ind.CT, required: true }, { indicatorId: ind.SK }],
        },
      ],
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell'] },
      schedule: { levels: [{ level: 'grassroots', daysAfterEnd: 5 }], lockDays: 30 },
    },
    201,
  );
  const units = {
    mine: await unitId(board, MY_UNIT),
    dongHung: await unitId(board, DONG_HUNG),
    songTra: await unitId(board, SONG_TRA),
  };

  // ---- the Propaganda Board launches the drive ----
  const staff = await asUser(browser, 'demo.tuyengiao', desktop);
  const page = staff.page;
  await openNav(page, 'Thi đua', 'desktop');
  await expect(page).toHaveURL(/\/emulation$/);
  await expect(page.getByRole('heading', { name: 'Phong trào thi đua' })).toBeVisible();
  await page.getByTestId('drive-launch').click();
  const form = page.getByTestId('drive-form');
  await expect(form).toBeVisible();
  // nothing filled: the required fields say so and nothing is sent
  await form.getByRole('button', { name: 'Phát động' }).click();
  await expect(form.getByText('Trường này là bắt buộc.').first()).toBeVisible();
  await form.getByLabel('Tên phong trào').fill(DRIVE_NAME);
  await form.getByLabel('Mã phong trào').fill(DRIVE_CODE);
  await form.getByLabel('Ngày bắt đầu').fill('15/06/2019');
  await form.getByLabel('Ngày kết thúc').fill('30/08/2019');
  await form
    .getByLabel('Chủ đề, nội dung thi đua')
    .fill(
      'Thi đua nâng cao năng suất, chất lượng, hiệu quả trong sản xuất kinh doanh; lập thành tích chào mừng kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh (06/9/2004 - 06/9/2019).',
    );
  await form.getByLabel('Số, ký hiệu văn bản').fill('15-KH/ĐUK');
  await form.getByLabel('Ngày văn bản').fill('10/06/2019');
  await form.getByLabel('Hạn đăng ký thi đua').fill('30/06/2019');
  await form.getByTestId('drive-template').click();
  await page.getByRole('option', { name: new RegExp(`^${TEMPLATE_CODE} — `) }).click();
  await expect(form.getByTestId('drive-all-grassroots')).toBeChecked();
  await expect(form.getByTestId('drive-participant-count')).toHaveText(/Đã chọn [1-9]\d* đơn vị tham gia\./);
  const chosen = Number((await form.getByTestId('drive-participant-count').innerText()).match(/\d+/)![0]);
  await screenshotViewport(page, 'emulation-launch-desktop');
  await form.getByRole('button', { name: 'Phát động' }).click();
  await expect(page).toHaveURL(/\/emulation\/[0-9a-f-]+$/);
  const driveUrl = page.url();
  const driveId = driveUrl.split('/').pop()!;
  await expect(page.getByRole('heading', { name: DRIVE_NAME })).toBeVisible();
  const overview = page.getByTestId('drive-overview');
  await expect(overview.getByTestId('overview-period')).toContainText('15/06/2019–30/08/2019');
  await expect(overview.getByTestId('overview-document')).toHaveText('Kế hoạch số 15-KH/ĐUK ngày 10/06/2019');
  await expect(overview.getByTestId('overview-participants')).toContainText(String(chosen));
  await expect(overview.getByTestId('overview-due')).toContainText('30/06/2019');
  await expect(overview.getByTestId('overview-template')).toContainText(TEMPLATE_CODE);
  await dismissNotices(page);
  await screenshot(page, 'emulation-drive-desktop');
  await page.getByRole('tab', { name: /Đơn vị tham gia/ }).click();
  await expect(page.getByTestId('participant-row')).toHaveCount(chosen);
  await expect(page.locator(`[data-testid="participant-row"][data-unit="${MY_UNIT}"]`)).toBeVisible();
  await screenshot(page, 'emulation-participants-desktop');

  // the list: period, document, status and participants
  await page.getByRole('link', { name: 'Phong trào thi đua' }).first().click();
  const card = page.locator(`[data-testid="drive-card"][data-code="${DRIVE_CODE}"]`);
  await expect(card).toContainText('Thời gian: 15/06/2019–30/08/2019');
  await expect(card).toContainText('Kế hoạch số 15-KH/ĐUK ngày 10/06/2019');
  await expect(card.getByTestId('drive-participants')).toHaveText(`${chosen} đơn vị tham gia`);
  await expect(card.getByTestId('drive-status')).toHaveText('Hết thời gian, chờ tổng kết');
  await screenshot(page, 'emulation-list-desktop');

  // ---- the grassroots secretary registers the unit's targets on a phone ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  const sp = secretary.page;
  await openNav(sp, 'Thi đua', 'phone');
  await expect(sp.locator(`[data-testid="drive-card"][data-code="${DRIVE_CODE}"]`)).toBeVisible();
  await screenshot(sp, 'emulation-list-phone');
  await sp.locator(`[data-testid="drive-card"][data-code="${DRIVE_CODE}"]`).getByTestId('drive-link').click();
  await sp.getByTestId('tab-registrations').click();
  const reg = sp.getByTestId('registration-form');
  await expect(reg).toBeVisible();
  await expect(sp.getByTestId('my-registration')).toContainText(MY_UNIT);
  await expect(sp.getByTestId('my-registration')).toContainText('Chưa đăng ký');
  // an empty target: refused beside the field
  await reg.getByTestId('registration-submit').click();
  await expect(reg.getByText('Trường này là bắt buộc.')).toBeVisible();
  const rows = reg.getByTestId('target-row');
  await rows.nth(0).getByTestId('target-indicator').click();
  await sp.getByRole('option', { name: 'Số công trình, sản phẩm chào mừng (công trình)' }).click();
  await expect(rows.nth(0).getByLabel('Nội dung đăng ký')).toHaveValue('Số công trình, sản phẩm chào mừng');
  await rows.nth(0).getByLabel('Nội dung đăng ký').fill('Hoàn thành 03 công trình chào mừng');
  await rows.nth(0).getByLabel('Con số đăng ký').fill('3');
  await reg.getByTestId('target-add').click();
  await rows
    .nth(1)
    .getByLabel('Nội dung đăng ký')
    .fill('100% đảng viên, người lao động đăng ký ít nhất một sáng kiến, cải tiến kỹ thuật');
  await reg.getByLabel('Ghi chú').fill('Đăng ký của Đảng bộ Công ty');
  await reg.getByTestId('registration-submit').click();
  await expect(sp.getByTestId('my-registration').getByTestId('registration-status')).toHaveText('Chờ duyệt');

  // ---- the Board returns it with a reason ----
  await page.goto(`${driveUrl}?tab=registrations`);
  const regCard = page.locator(`[data-testid="registration-card"][data-unit="${MY_UNIT}"]`);
  await expect(regCard.getByTestId('registration-status')).toHaveText('Chờ duyệt');
  await expect(regCard.getByTestId('target-item')).toHaveCount(2);
  await expect(regCard).toContainText('Chỉ tiêu: Số công trình, sản phẩm chào mừng · Đăng ký: 3 công trình');
  await regCard.getByTestId('registration-return').click();
  const ret = page.getByTestId('return-form');
  await ret.getByRole('button', { name: 'Trả lại' }).click();
  await expect(ret.getByText('Trả lại đăng ký cần ghi lý do.')).toBeVisible();
  await ret.getByLabel('Lý do trả lại').fill('Đề nghị ghi rõ tên từng công trình chào mừng.');
  await ret.getByRole('button', { name: 'Trả lại' }).click();
  await expect(ret).toBeHidden();
  await expect(regCard.getByTestId('registration-status')).toHaveText('Bị trả lại');
  await expect(regCard.getByTestId('registration-review-note')).toHaveText(
    'Lý do trả lại: Đề nghị ghi rõ tên từng công trình chào mừng.',
  );
  await dismissNotices(page);
  await screenshot(page, 'emulation-registrations-desktop');

  // ---- the secretary reads the reason and registers again ----
  await sp.reload();
  await expect(sp.getByTestId('registration-returned')).toContainText('Đề nghị ghi rõ tên từng công trình chào mừng.');
  await expect(sp.getByTestId('my-registration').getByTestId('registration-status')).toHaveText('Bị trả lại');
  const reg2 = sp.getByTestId('registration-form');
  await expect(reg2.getByTestId('target-row')).toHaveCount(2);
  await reg2
    .getByTestId('target-row')
    .nth(0)
    .getByLabel('Nội dung đăng ký')
    .fill('Hoàn thành 03 công trình chào mừng: nhà văn hóa công nhân, xưởng may số 3, bếp ăn ca');
  await dismissNotices(sp);
  await sp.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await screenshot(sp, 'emulation-register-phone');
  await reg2.getByRole('button', { name: 'Gửi lại đăng ký' }).click();
  await expect(sp.getByTestId('my-registration').getByTestId('registration-status')).toHaveText('Chờ duyệt');

  // ---- the Board accepts it ----
  await page.reload();
  await page
    .getByTestId('review-list')
    .getByText(/^Chờ duyệt \(\d+\)$/)
    .click();
  await expect(regCard).toContainText('nhà văn hóa công nhân');
  await regCard.getByTestId('registration-accept').click();
  await expect(page.getByTestId('registrations-empty')).toBeVisible();
  await page
    .getByTestId('review-list')
    .getByText(/^Đã chấp nhận \(\d+\)$/)
    .click();
  await expect(regCard.getByTestId('registration-status')).toHaveText('Đã chấp nhận');

  await sp.reload();
  await expect(sp.getByTestId('registration-accepted')).toBeVisible();
  await expect(sp.getByTestId('registration-form')).toHaveCount(0);
  // the unit reports its results through the reporting form of the drive's template
  await sp.getByTestId('tab-results').click();
  const link = sp.getByTestId('report-results-link');
  await expect(link).toHaveAttribute('href', new RegExp(`/reporting/form\\?.*templateId=${template.id}`));
  await expect(link).toHaveAttribute('href', new RegExp(`unitId=${units.mine}`));
  await expect(link).toHaveAttribute('href', new RegExp(`periodId=campaign(%3A|:)${TEMPLATE_CODE}`));

  // ---- results reported by three units (the secretary for their own; the administrator for two others) ----
  const secretaryApi = await apiAs(baseURL, 'demo.coso');
  const admin = await apiAs(baseURL, 'demo.quantri');
  const periodId = `campaign:${TEMPLATE_CODE}`;
  const report = (api: Api, unit: string, works: number, ideas: number) =>
    api.send(
      'POST',
      '/api/reporting/reports/submit',
      {
        templateId: template.id,
        unitId: unit,
        periodId,
        values: [
          { indicatorId: ind.CT, value: works },
          { indicatorId: ind.SK, value: ideas },
        ],
      },
      200,
    );
  await report(secretaryApi, units.mine, 4, 6);
  await report(admin, units.dongHung, 4, 2);
  await report(admin, units.songTra, 2, 1);

  // ---- the Board sets the criteria and scores by hand ----
  await page.goto(`${driveUrl}?tab=results`);
  await expect(page.getByTestId('ranking-empty')).toHaveText('Chưa có tiêu chí chấm điểm nên chưa xếp hạng được.');
  await page.getByTestId('criteria-edit').click();
  const cf = page.getByTestId('criteria-form');
  const crit = cf.getByTestId('criterion-row');
  await crit.nth(0).getByTestId('criterion-indicator').click();
  await page.getByRole('option', { name: 'Số công trình, sản phẩm chào mừng (công trình)' }).click();
  await crit.nth(0).getByLabel('Trọng số').fill('50');
  await cf.getByTestId('criterion-add').click();
  await crit.nth(1).getByTestId('criterion-indicator').click();
  await page.getByRole('option', { name: 'Số sáng kiến, cải tiến kỹ thuật (sáng kiến)' }).click();
  await crit.nth(1).getByLabel('Tên tiêu chí').fill('Sáng kiến, cải tiến kỹ thuật');
  await crit.nth(1).getByLabel('Trọng số').fill('30');
  await cf.getByTestId('criterion-add').click();
  await crit.nth(2).getByText('Khối chấm điểm').click();
  await crit.nth(2).getByLabel('Tên tiêu chí').fill('Tổ chức phát động, tuyên truyền');
  await crit.nth(2).getByLabel('Trọng số').fill('20');
  await expect(cf.getByTestId('criteria-weight-total')).toHaveText('Tổng trọng số: 100');
  await cf.getByRole('button', { name: 'Lưu' }).click();
  await expect(cf).toBeHidden();
  await expect(page.getByTestId('criterion')).toHaveCount(3);

  const rankRow = (name: string) => page.locator(`[data-testid="ranking-row"][data-unit="${name}"]`);
  await rankRow(DONG_HUNG).getByTestId('score-open').click();
  const sf = page.getByTestId('score-form');
  await sf.getByTestId('score-input').fill('11');
  await sf.getByRole('button', { name: 'Lưu' }).click();
  await expect(sf.getByText('Điểm tối đa của tiêu chí là 10.')).toBeVisible();
  await sf.getByTestId('score-input').fill('10');
  await sf.getByRole('button', { name: 'Lưu' }).click();
  await expect(sf).toBeHidden();
  await rankRow(MY_UNIT).getByTestId('score-open').click();
  await sf.getByTestId('score-input').fill('8');
  await sf.getByRole('button', { name: 'Lưu' }).click();
  await expect(sf).toBeHidden();

  // CS02: 50×4/4 + 30×6/6 + 20×8/10 = 96; Đông Hưng: 50 + 30×2/6 + 20 = 80; Sông Trà: 25 + 5 = 30
  const ranked = page.getByTestId('ranking-row');
  await expect(ranked.nth(0)).toHaveAttribute('data-unit', MY_UNIT);
  await expect(ranked.nth(1)).toHaveAttribute('data-unit', DONG_HUNG);
  await expect(ranked.nth(2)).toHaveAttribute('data-unit', SONG_TRA);
  await expect(ranked.nth(0).getByTestId('total')).toHaveText('96/100');
  await expect(ranked.nth(1).getByTestId('total')).toHaveText('80/100');
  await expect(ranked.nth(2).getByTestId('total')).toHaveText('30/100');
  await expect(ranked.nth(0).getByTestId('rank')).toHaveText('1');
  await expect(ranked.nth(0).getByTestId('result').first()).toHaveText('Kết quả: 4');
  await expect(ranked).toHaveCount(chosen);
  // criteria cannot change once scored by hand
  await expect(page.getByTestId('criteria-edit')).toHaveCount(0);
  await dismissNotices(page);
  await screenshot(page, 'emulation-ranking-desktop');

  // ---- the secretary sees the ranking on the phone, their unit first ----
  await sp.reload();
  const phoneRows = sp.getByTestId('ranking-row');
  await expect(phoneRows.nth(0)).toHaveAttribute('data-unit', MY_UNIT);
  await expect(phoneRows.nth(0).getByTestId('total')).toHaveText('96');
  await expect(sp.getByTestId('score-open')).toHaveCount(0);
  await screenshot(sp, 'emulation-ranking-phone');

  // ---- the Board closes the drive: the ranking is final ----
  await page.getByTestId('drive-close').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(page.getByTestId('drive-status').first()).toHaveText('Đã kết thúc');
  await expect(page.getByText('Phong trào đã kết thúc: thứ hạng đã chốt.')).toBeVisible();
  await expect(page.getByTestId('score-open')).toHaveCount(0);
  const closed = await board.get(`/api/emulation/drives/${driveId}`);
  expect(closed.status).toBe('closed');

  for (const api of [board, secretaryApi, admin]) await api.ctx.dispose();
  await staff.context.close();
  await secretary.context.close();
});

test('a viewer reads the drives without the buttons that change them; an unknown drive says so', async ({
  browser,
}) => {
  const viewer = await asUser(browser, 'demo.xem', phone);
  const page = viewer.page;
  await openNav(page, 'Thi đua', 'phone');
  await expect(page.getByRole('heading', { name: 'Phong trào thi đua' })).toBeVisible();
  await expect(page.getByTestId('drive-launch')).toHaveCount(0);
  const first = page.getByTestId('drive-card').first();
  await expect(first).toBeVisible();
  await first.getByTestId('drive-link').click();
  await expect(page.getByTestId('drive-overview')).toBeVisible();
  await expect(page.getByTestId('drive-close')).toHaveCount(0);
  await expect(page.getByTestId('drive-reopen')).toHaveCount(0);
  await screenshot(page, 'emulation-drive-viewer-phone');
  await page.getByTestId('tab-registrations').click();
  await expect(page.getByTestId('registrations-readonly')).toBeVisible();
  await page.getByTestId('tab-results').click();
  await expect(page.getByTestId('drive-results')).toBeVisible();
  await expect(page.getByTestId('criteria-edit')).toHaveCount(0);
  await expect(page.getByTestId('score-open')).toHaveCount(0);
  await expect(page.getByTestId('report-results')).toHaveCount(0);

  await page.goto('/emulation/00000000-0000-7000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy phong trào thi đua.');
  await viewer.context.close();
});
