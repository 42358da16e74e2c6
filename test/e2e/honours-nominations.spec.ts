import { minimalPdf } from '../support/files.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { asUser, desktop, openNav, phone, screenshot, screenshotViewport, vietnamDmy } from './support.ts';

/**
 * The honours (II.4) from the campaign to a screened nomination, in the browser: the Propaganda
 * Board sets up a campaign whose window is open today (the demo's closed on 20/7/2019), the
 * grassroots secretary nominates the unit, is told what the dossier lacks, has a file that only
 * calls itself a PDF refused, uploads the rest and submits; the Board screens it eligible and the
 * campaign's counts move. Desktop and phone screenshots of the campaign, the nomination and the
 * screening form.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `TV-E2E-${suffix}`;
const NAME = `Tôn vinh tập thể, cá nhân, sản phẩm tiêu biểu (đợt thử ${suffix})`;
const CRITERIA = [
  'Tổ chức cơ sở đảng xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm 2018',
  'Doanh nghiệp hoàn thành vượt mức kế hoạch sản xuất kinh doanh năm 2018',
];

const pdf = (title: string) => Buffer.from(minimalPdf(title));
// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
// An executable's header under a PDF's name: the server reads the bytes, not the name.
const notPdf = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff, 0x00, 0x00]),
]);

const dmy = vietnamDmy;

/** Chooses a file through the upload button of one part of the dossier. */
async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`dossier-upload-${kind}`).click();
  await (await chooser).setFiles(file);
}

const slot = (page: Page, kind: string): Locator => page.locator(`[data-testid="dossier-slot"][data-kind="${kind}"]`);
const count = (page: Page, status: string): Locator =>
  page
    .locator('[data-testid="category-card"][data-kind="collective"]')
    .locator(`[data-testid="category-count"][data-status="${status}"]`);

async function dismissNotices(page: Page) {
  for (const button of await page.locator('.mantine-Notification-root button').all())
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  await page.mouse.move(1, 400);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8_000 });
}

test('a unit nominates with its dossier, is told what is missing, submits, and the Board screens it eligible', async ({
  browser,
}) => {
  test.setTimeout(120_000);

  // ---- the Propaganda Board sets up a campaign open today, following the demo drive ----
  const board = await asUser(browser, 'demo.tuyengiao', desktop);
  let page = board.page;
  await openNav(page, 'Tôn vinh', 'desktop');
  await expect(page).toHaveURL(/\/honours$/);
  await expect(page.locator('[data-testid="campaign-card"][data-code="TV-15NAM-2019"]')).toBeVisible();
  await page.getByTestId('campaign-create').click();
  const form = page.getByTestId('campaign-form');
  await form.getByLabel('Tên đợt tôn vinh').fill(NAME);
  await form.getByLabel('Mã đợt').fill(CODE);
  await form.getByLabel('Ngày bắt đầu nhận hồ sơ').fill(dmy(-5));
  await form.getByLabel('Hạn nộp hồ sơ').fill(dmy(20));
  await form.getByTestId('campaign-drive').click();
  await page.getByRole('option', { name: /^TD-15NAM — / }).click();
  const collective = form.locator('[data-testid="campaign-category"][data-kind="collective"]');
  for (const [i, text] of CRITERIA.entries()) {
    await collective.getByTestId('criterion-add').click();
    await collective.getByRole('textbox', { name: `Tiêu chí ${i + 1}`, exact: true }).fill(text);
  }
  await collective.getByLabel('Minh chứng cần có').first().fill('Quyết định xếp loại tổ chức cơ sở đảng');
  // the second is checked by the system too: the unit founded at least 5 years before the deadline
  await collective.getByTestId('criterion-check').nth(1).click();
  await page.getByRole('option', { name: 'Số năm thành lập của đơn vị' }).click();
  await screenshotViewport(page, 'honours-create-desktop');
  await form.getByRole('button', { name: 'Lập đợt' }).click();
  await expect(page).toHaveURL(/\/honours\/[0-9a-f-]{36}$/);
  const campaignUrl = page.url();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(page.getByTestId('campaign-phase')).toHaveText('Đang nhận hồ sơ');
  await expect(page.getByTestId('campaign-deadline')).toHaveText('Còn 20 ngày nhận hồ sơ');
  await expect(
    page.locator('[data-testid="category-card"][data-kind="collective"]').getByTestId('category-criteria'),
  ).toContainText(CRITERIA[0]);
  await expect(
    page.locator('[data-testid="category-card"][data-kind="collective"]').getByTestId('criterion-check'),
  ).toHaveText('Hệ thống kiểm tra: đơn vị thành lập từ 5 năm trở lên');

  // ---- the grassroots secretary nominates the unit: a draft, with a summary too short ----
  const unit = await asUser(browser, 'demo.coso', desktop);
  page = unit.page;
  await page.goto(`${campaignUrl}?tab=nominations`);
  await expect(page.getByTestId('nominations-empty')).toBeVisible();
  await page.getByTestId('nominate').click();
  const nominate = page.getByTestId('nominate-form');
  await expect(nominate.getByTestId('nominate-unit')).toHaveText(MY_UNIT);
  await expect(nominate.getByTestId('nominate-category')).toHaveValue('Tập thể xuất sắc tiêu biểu');
  await nominate.getByTestId('nominate-nominee').click();
  await page.getByRole('option', { name: MY_UNIT }).click();
  await nominate.getByTestId('nominate-summary').fill('Thành tích tốt.');
  await nominate.getByRole('button', { name: 'Lập hồ sơ' }).click();
  await expect(page).toHaveURL(/\/honours\/nominations\/[0-9a-f-]{36}$/);
  const nominationUrl = page.url();
  await expect(page.getByRole('heading', { name: MY_UNIT })).toBeVisible();
  await expect(page.getByTestId('nomination-status')).toHaveText('Đang lập');
  // what is missing is named before anything is sent, and again when the server refuses
  await expect(page.getByTestId('missing-item')).toHaveText([
    'Tóm tắt thành tích (ít nhất 20 ký tự)',
    'Tờ trình đề nghị',
    'Báo cáo thành tích',
    'Biên bản họp xét của đơn vị',
  ]);
  await page.getByTestId('nomination-submit').click();
  const refused = page.getByTestId('submit-refused');
  await expect(refused.getByRole('listitem')).toHaveText([
    'Hồ sơ còn thiếu: Tóm tắt thành tích (ít nhất 20 ký tự).',
    'Hồ sơ còn thiếu: Tờ trình đề nghị.',
    'Hồ sơ còn thiếu: Báo cáo thành tích.',
    'Hồ sơ còn thiếu: Biên bản họp xét của đơn vị.',
  ]);

  // ---- the dossier: a file that is not what its name says is refused, in Vietnamese ----
  await upload(page, 'achievement_report', {
    name: 'bao-cao-thanh-tich.pdf',
    mimeType: 'application/pdf',
    buffer: notPdf,
  });
  await expect(slot(page, 'achievement_report').getByTestId('file-problem')).toHaveText(
    /^bao-cao-thanh-tich\.pdf: Loại tệp không được chấp nhận \(kiểm tra theo nội dung, không theo tên\)\. Chấp nhận: PDF, PNG/,
  );
  await expect(slot(page, 'achievement_report')).toHaveAttribute('data-present', 'no');
  await upload(page, 'cover_submission', {
    name: 'to-trinh.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('To trinh'),
  });
  await expect(slot(page, 'cover_submission')).toHaveAttribute('data-present', 'yes');
  await upload(page, 'achievement_report', {
    name: 'bao-cao-thanh-tich.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Bao cao thanh tich'),
  });
  await expect(slot(page, 'achievement_report').getByTestId('dossier-file')).toContainText('bao-cao-thanh-tich.pdf');
  await expect(slot(page, 'achievement_report').getByTestId('file-problem')).toHaveCount(0);
  await expect(page.getByTestId('submit-refused')).toHaveCount(0);
  await expect(page.getByTestId('missing-item')).toHaveText([
    'Tóm tắt thành tích (ít nhất 20 ký tự)',
    'Biên bản họp xét của đơn vị',
  ]);
  await dismissNotices(page);
  await screenshot(page, 'honours-nomination-desktop');
  await upload(page, 'review_minutes', { name: 'bien-ban-hop-xet.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('missing-item')).toHaveText(['Tóm tắt thành tích (ít nhất 20 ký tự)']);
  await page
    .getByTestId('summary-input')
    .fill(
      'Đảng bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ; doanh thu năm 2018 tăng 18%, việc làm ổn định cho 2.100 lao động.',
    );
  await page.getByTestId('summary-save').click();
  await expect(page.getByTestId('dossier-complete')).toBeVisible();
  await page.getByTestId('nomination-submit').click();
  await expect(page.getByTestId('nomination-status')).toHaveText('Chờ thẩm định');
  await expect(page.getByTestId('nomination-submit')).toHaveCount(0);
  await expect(page.getByTestId('history-event')).toHaveCount(5); // created, three files, submitted
  // the unit's results in the drive, beside the nomination
  await expect(page.getByTestId('nomination-emulation').getByTestId('emulation-rank')).toContainText(
    /Xếp thứ \d+\/\d+ đơn vị|Chưa được xếp hạng/,
  );

  // the campaign counts it, awaiting screening
  await page.goto(campaignUrl);
  await expect(count(page, 'submitted')).toHaveText('Chờ thẩm định: 1');
  await expect(page.getByTestId('category-qualified').first()).toContainText('0/15');

  // ---- on a phone: the campaign and the nomination ----
  const unitPhone = await asUser(browser, 'demo.coso', phone);
  await unitPhone.page.goto(campaignUrl);
  await expect(count(unitPhone.page, 'submitted')).toBeVisible();
  await screenshot(unitPhone.page, 'honours-campaign-phone');
  await unitPhone.page.goto(`${campaignUrl}?tab=nominations`);
  await expect(unitPhone.page.locator(`[data-testid="nomination-card"][data-nominee="${MY_UNIT}"]`)).toBeVisible();
  await screenshot(unitPhone.page, 'honours-nominations-phone');
  await unitPhone.page.goto(nominationUrl);
  await expect(unitPhone.page.getByTestId('nomination-status')).toHaveText('Chờ thẩm định');
  await screenshot(unitPhone.page, 'honours-nomination-phone');
  await unitPhone.context.close();

  // ---- the Board screens it against each criterion: eligible ----
  page = board.page;
  await page.goto(`${campaignUrl}?tab=nominations`);
  await expect(page.locator(`[data-testid="nomination-row"][data-nominee="${MY_UNIT}"]`)).toHaveAttribute(
    'data-status',
    'submitted',
  );
  await page
    .locator(`[data-testid="nomination-row"][data-nominee="${MY_UNIT}"]`)
    .getByTestId('nomination-link')
    .click();
  await expect(page).toHaveURL(nominationUrl);
  const screening = page.getByTestId('screening-form');
  await expect(screening.getByTestId('screening-criterion')).toHaveCount(2);
  await expect(screening.getByTestId('screening-criterion').nth(1).getByTestId('check-outcome')).toHaveAttribute(
    'data-outcome',
    'met',
  );
  await expect(screening.getByTestId('screening-criterion').nth(1).getByTestId('check-outcome')).toContainText(
    `Theo dữ liệu hệ thống: đạt. ${MY_UNIT} thành lập ngày 15/03/2006`,
  );
  // eligible with a required criterion not met is refused at once
  await screening.getByTestId('screening-criterion').nth(0).getByText('Đạt', { exact: true }).click();
  await screening.getByTestId('screening-criterion').nth(1).getByText('Không đạt', { exact: true }).click();
  await screening.getByTestId('screening-eligible').check();
  await screening.getByTestId('screening-save').click();
  await expect(screening.getByText(`Không đạt tiêu chí bắt buộc: ${CRITERIA[1]}.`)).toBeVisible();
  await screening.getByTestId('screening-criterion').nth(1).getByText('Đạt', { exact: true }).click();
  await screening
    .getByTestId('screening-criterion')
    .nth(1)
    .getByLabel('Ghi chú tiêu chí 2')
    .fill('Doanh thu 2018 tăng 18% (báo cáo tài chính đã kiểm toán)');
  await screening.getByLabel('Nhận xét').fill('Hồ sơ đầy đủ, đạt các tiêu chí.');
  await screenshot(page, 'honours-screening-desktop');
  await screening.getByTestId('screening-save').click();
  await expect(page.getByTestId('nomination-status')).toHaveText('Đủ điều kiện');
  await expect(page.getByTestId('history-event').last()).toHaveAttribute('data-action', 'eligible');

  // the screening form on a phone
  const boardPhone = await asUser(browser, 'demo.tuyengiao', phone);
  await boardPhone.page.goto(nominationUrl);
  await boardPhone.page.getByTestId('screening-form').scrollIntoViewIfNeeded();
  await expect(boardPhone.page.getByTestId('screening-form').getByTestId('screening-criterion')).toHaveCount(2);
  await screenshotViewport(boardPhone.page, 'honours-screening-phone');
  await boardPhone.context.close();

  // ---- the campaign's counts have moved: one eligible collective of 15 ----
  await page.goto(campaignUrl);
  await expect(count(page, 'eligible')).toHaveText('Đủ điều kiện: 1');
  await expect(count(page, 'submitted')).toHaveCount(0);
  await expect(page.getByTestId('category-qualified').first()).toContainText('1/15');
  await dismissNotices(page);
  await screenshot(page, 'honours-campaign-desktop');

  await board.context.close();
  await unit.context.close();
});
