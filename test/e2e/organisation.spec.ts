import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import {
  desktop,
  phone,
  resetAdminLanguage,
  screenshot,
  screenshotViewport,
  signIn,
  openNav,
  DEMO_PASSWORD,
} from './support.ts';

test.beforeEach(async ({ request }) => {
  await resetAdminLanguage(request);
});

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test.describe(`organisation (${size})`, () => {
    test.use({ viewport });

    test(`browse the tree, find "tuyen giao", see who is in charge, people, the matrix at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      await signIn(page, 'demo.lanhdao', DEMO_PASSWORD);
      await expect(page.getByTestId('overview-units')).toBeVisible();
      await page.getByTestId('overview-units').click();
      await expect(page).toHaveURL(/\/units$/);
      await expect(page.getByRole('heading', { name: 'Cây đơn vị' })).toBeVisible();

      // The Bloc opens by itself; a grassroots committee opens on demand (its children are fetched then).
      const tree = page.getByTestId('unit-tree');
      await expect(tree.getByRole('link', { name: 'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình' })).toBeVisible();
      await expect(tree.getByRole('link', { name: 'Cơ quan Đảng ủy Khối', exact: true })).toBeVisible();
      const children = page.waitForResponse(
        (r) => r.url().includes('/api/units?') && /parentId=[0-9a-f]/.test(r.url()),
      );
      await tree.getByRole('button', { name: 'Mở Cơ quan Đảng ủy Khối' }).click();
      await children;
      await expect(tree.getByRole('link', { name: 'Ban Tuyên giáo Đảng ủy Khối' })).toBeVisible();
      await screenshot(page, `organisation-tree-${size}`);

      // Search without diacritics.
      await page.getByTestId('unit-search').fill('tuyen giao');
      const results = page.getByTestId('unit-results');
      await expect(results.getByRole('link', { name: 'Ban Tuyên giáo Đảng ủy Khối' })).toBeVisible();
      await expect(results).toContainText('Ban tham mưu');
      await screenshot(page, `organisation-search-${size}`);

      await results.getByRole('link', { name: 'Ban Tuyên giáo Đảng ủy Khối' }).click();
      await expect(page.getByTestId('unit-title')).toHaveText('Ban Tuyên giáo Đảng ủy Khối');
      await expect(page.getByTestId('unit-details')).toContainText('BTG');
      await expect(page.getByTestId('unit-details')).toContainText('Ban tham mưu');
      await expect(page.getByTestId('unit-people')).toContainText('Đặng Quốc Huy');
      await expect(page.getByTestId('unit-history')).toContainText('Thành lập');
      await screenshot(page, `organisation-unit-${size}`);

      // A grassroots unit shows the committee member in charge of it.
      await page.goto('/units');
      await page.getByTestId('unit-search').fill('may kien xuong');
      await page
        .getByTestId('unit-results')
        .getByRole('link', { name: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh' })
        .click();
      const inCharge = page.getByTestId('unit-in-charge');
      await expect(inCharge.getByRole('link')).not.toHaveCount(0);
      const member = (await inCharge.getByRole('link').first().textContent())?.trim() ?? '';
      expect(member.length).toBeGreaterThan(3);
      await screenshot(page, `organisation-grassroots-${size}`);

      // The member's page lists the unit among those in their charge.
      await inCharge.getByRole('link').first().click();
      await expect(page.getByTestId('person-name')).toHaveText(member);
      await expect(page.getByTestId('person-in-charge')).toContainText('May Kiến Xương');
      await screenshot(page, `organisation-person-${size}`);

      await openNav(page, 'Nhân sự', size);
      await expect(page.getByRole('heading', { name: 'Nhân sự' })).toBeVisible();
      await page.getByTestId('people-search').fill('dang quoc huy');
      await expect(page.getByTestId('people-list').getByRole('link', { name: 'Đặng Quốc Huy' })).toBeVisible();
      await page.getByTestId('people-search').fill('');
      await expect(page.getByTestId('people-list').getByRole('link')).toHaveCount(25);
      await screenshot(page, `organisation-people-${size}`);

      await openNav(page, 'Phân công phụ trách', size);
      await expect(page.getByRole('heading', { name: 'Phân công phụ trách cơ sở' })).toBeVisible();
      await expect(page.getByTestId(size === 'phone' ? 'in-charge-list' : 'in-charge-matrix')).toContainText(member);
      await screenshot(page, `organisation-in-charge-${size}`);
    });
  });
}

test('a grassroots secretary edits their own unit; another unit is refused in Vietnamese', async ({ page }) => {
  await signIn(page, 'demo.coso', DEMO_PASSWORD);
  await page.goto('/units');
  await page.getByTestId('unit-search').fill('may kien xuong');
  await page
    .getByTestId('unit-results')
    .getByRole('link', { name: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh' })
    .click();
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  const form = page.getByTestId('unit-form');
  await form.getByLabel('Điện thoại').fill('0227 3 888 999');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('unit-details')).toContainText('0227 3 888 999');

  await page.goto('/units');
  await page.getByTestId('unit-search').fill('tuyen giao');
  await page.getByTestId('unit-results').getByRole('link', { name: 'Ban Tuyên giáo Đảng ủy Khối' }).click();
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  await form.getByLabel('Điện thoại').fill('0227 000 000');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toContainText('Bạn không có quyền thực hiện thao tác này.');
  await screenshotViewport(page, 'organisation-edit-refused-desktop');
});

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test(`an Excel file with a broken row shows every problem and imports nothing (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Ngày thành lập']);
    ws.addRow([`E2E${size}1`, 'Chi bộ Công ty Thử Nghiệm', 'Chi bộ cơ sở', 'DBK', '15/07/2019']);
    ws.addRow([`E2E${size}2`, 'Chi bộ Ngày Sai', 'Chi bộ cơ sở', 'DBK', '31/02/2019']);
    ws.addRow([`E2E${size}3`, '', 'Loại không có', 'KHONG-CO', '01/01/2020']);
    const file = path.join(os.tmpdir(), `kyniem-e2e-broken-${size}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    await signIn(page);
    await page.goto('/units');
    await page.getByRole('button', { name: 'Excel' }).click();
    await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect(dialog.getByTestId('import-invalid')).toBeVisible();
    const problems = dialog.getByTestId('import-problems');
    await expect(problems).toContainText('Ngày thành lập');
    await expect(problems.getByRole('row').filter({ hasText: /^3/ })).not.toHaveCount(0);
    await expect(problems.getByRole('row').filter({ hasText: /^4/ })).not.toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Xác nhận nhập' })).toBeDisabled();
    await screenshotViewport(page, `organisation-import-preview-${size}`);

    // Nothing was imported.
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-search').fill('thu nghiem');
    await expect(page.getByText('Không có đơn vị nào khớp với “thu nghiem”.')).toBeVisible();
  });
}

test('the roles editor picks a unit by name and the accounts list shows unit names', async ({ page }) => {
  await signIn(page);
  await page.goto('/accounts');
  const table = page.getByTestId('accounts-table');
  // demo.coso's role covers its own grassroots committee, shown by name rather than id.
  const row = table.getByRole('row').filter({ hasText: 'demo.coso' });
  await expect(row).toContainText('Đảng bộ Công ty Cổ phần May Kiến Xương Xanh');
  await row.click();
  const unit = page.getByTestId('grant-unit').first();
  await expect(unit).toHaveValue('Đảng bộ Công ty Cổ phần May Kiến Xương Xanh');
  await unit.fill('tuyen giao');
  await expect(page.getByRole('option', { name: 'Ban Tuyên giáo Đảng ủy Khối' })).toBeVisible();
  await screenshotViewport(page, 'organisation-account-unit-picker-desktop');
  await page.getByRole('option', { name: 'Ban Tuyên giáo Đảng ủy Khối' }).click();
  await expect(unit).toHaveValue('Ban Tuyên giáo Đảng ủy Khối');
});

test('a grassroots secretary adds a person, finds them without diacritics, corrects the birth year and deletes them', async ({
  page,
}) => {
  await page.setViewportSize(desktop);
  // The Bloc leader's role reads the organisation but does not change it: no add, edit or delete.
  await signIn(page, 'demo.lanhdao', DEMO_PASSWORD);
  await page.goto('/people');
  await expect(page.getByTestId('people-list').getByRole('link').first()).toBeVisible();
  await expect(page.getByTestId('person-create')).toHaveCount(0);
  await page.getByTestId('people-list').getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sửa thông tin' })).toHaveCount(0);
  await page.context().clearCookies();

  // A grassroots secretary (unit.edit) manages the people of their own unit.
  await page.goto('/sign-in');
  await signIn(page, 'demo.coso', DEMO_PASSWORD);
  await page.goto('/people');
  await page.getByTestId('person-create').click();
  const form = page.getByTestId('person-form');
  // The server's own message shows beside the field it is about.
  await form.getByRole('button', { name: 'Thêm người' }).click();
  await expect(form.getByLabel('Họ và tên')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveCount(0);

  await form.getByLabel('Họ và tên').fill('Lê Thị Ánh Tuyết');
  await expect(form.getByLabel('Họ và tên')).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('combobox', { name: 'Giới tính' }).click();
  await page.getByRole('option', { name: 'Nữ', exact: true }).click();
  await form.getByLabel('Năm sinh').fill('1988');
  await form.getByLabel('Ngày vào Đảng').fill('15/03/2012');
  await form.getByLabel('Năm sinh').click();
  await form.getByLabel('Sinh hoạt đảng tại').fill('may kien xuong');
  await page.getByRole('option', { name: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh' }).click();
  await form.getByLabel('Điện thoại').fill('0912 345 678');
  await screenshot(page, 'organisation-person-form-desktop');
  await form.getByRole('button', { name: 'Thêm người' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText('Đã thêm người.')).toBeVisible();
  await expect(page.getByTestId('person-name')).toHaveText('Lê Thị Ánh Tuyết');
  const details = page.getByTestId('person-details');
  await expect(details).toContainText('15/03/2012');
  await expect(details).toContainText('Đảng bộ Công ty Cổ phần May Kiến Xương Xanh');

  await page.goto('/people');
  await page.getByTestId('people-search').fill('anh tuyet');
  await page.getByTestId('people-list').getByRole('link', { name: 'Lê Thị Ánh Tuyết' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Lê Thị Ánh Tuyết');

  // On a phone the form fills the screen.
  await page.setViewportSize(phone);
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  await expect(form.getByLabel('Họ và tên')).toHaveValue('Lê Thị Ánh Tuyết');
  await form.getByLabel('Năm sinh').fill('1990');
  await screenshotViewport(page, 'organisation-person-form-phone');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText('Đã lưu thông tin người.')).toBeVisible();
  await expect(details).toContainText('1990');

  await page.getByRole('button', { name: 'Xóa người' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Xóa Lê Thị Ánh Tuyết');
  await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByText('Đã xóa Lê Thị Ánh Tuyết.')).toBeVisible();
  await page.getByTestId('people-search').fill('anh tuyet');
  await expect(page.getByTestId('people-list').getByRole('link', { name: 'Lê Thị Ánh Tuyết' })).toHaveCount(0);
});

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test(`a grassroots secretary sees a person of another unit as a name and positions, without contacts (${size})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, 'demo.coso', DEMO_PASSWORD);
    await page.goto('/units');
    await page.getByTestId('unit-search').fill('tuyen giao');
    await page.getByTestId('unit-results').getByRole('link', { name: 'Ban Tuyên giáo Đảng ủy Khối' }).click();
    const person = page.waitForResponse((r) => /\/api\/people\/[0-9a-f-]+$/.test(r.url()));
    await page.getByTestId('unit-people').getByRole('link', { name: 'Đặng Quốc Huy' }).first().click();
    const card = await (await person).json();
    // The server sends no contact or personal detail of a person outside the secretary's units (ADR 21).
    expect(card.limited).toBe(true);
    expect([card.phone, card.email, card.address, card.note, card.birthYear, card.partyJoinedOn]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    await expect(page.getByTestId('person-name')).toHaveText('Đặng Quốc Huy');
    await expect(page.getByTestId('person-limited')).toContainText('ngoài phạm vi của bạn');
    await expect(page.getByTestId('person-positions')).toContainText('Ban Tuyên giáo');
    await expect(page.getByTestId('person-details')).not.toContainText('Điện thoại');
    await expect(page.getByTestId('person-accounts')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sửa thông tin' })).toHaveCount(0);
    await screenshot(page, `organisation-person-limited-${size}`);
  });
}
