import { expect, test } from '@playwright/test';
import {
  ADMIN_PASSWORD,
  desktop,
  phone,
  resetAdminLanguage,
  screenshot,
  screenshotViewport,
  signIn,
} from './support.ts';

test.beforeEach(async ({ request }) => {
  await resetAdminLanguage(request);
});

test('a wrong password gives a clear Vietnamese message and changes nothing', async ({ page }) => {
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
  await expect(page).toHaveURL(/\/sign-in/);

  // An empty form is answered in the page, before anything is sent.
  await page.locator('input[name="username"]').fill('');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Hãy nhập tên đăng nhập.')).toBeVisible();
});

test('too many wrong passwords say how many seconds to wait, in Vietnamese', async ({ page }) => {
  await page.goto('/sign-in');
  const username = page.locator('input[name="username"]');
  const password = page.locator('input[name="password"]');
  const submit = page.getByRole('button', { name: 'Đăng nhập' });
  // Another name than admin's, so the other journeys can still sign in.
  for (let i = 0; i < 5; i++) {
    await username.fill('nguoi.la');
    await password.fill(`sai-mat-khau-${i}`);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submit.click();
    expect((await answered).status()).toBe(401);
    await expect(page.getByTestId('sign-in-error')).toContainText('không đúng');
  }
  await password.fill('sai-mat-khau-5');
  await submit.click();
  await expect(page.getByTestId('sign-in-error')).toContainText(/Hãy thử lại sau \d+ giây\./);
  await expect(submit).toBeDisabled();
  await screenshot(page, 'sign-in-too-many-desktop');
});

test('sign in, the home page in Vietnamese, switch to English, sign out', async ({ page }) => {
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await signIn(page);

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('greeting')).toHaveText(/^Chào buổi (sáng|chiều|tối), Quản trị hệ thống$/);
  await expect(page.getByRole('heading', { name: 'Hệ thống đang lưu giữ' })).toBeVisible();
  await expect(page.getByTestId('overview-accounts')).toContainText('Tài khoản người dùng');
  const nav = page.getByTestId('navbar');
  await expect(nav.getByRole('link', { name: 'Trang chủ' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tài khoản' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Nhật ký thay đổi' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'What the system holds' })).toBeVisible();
  await expect(page.getByTestId('greeting')).toHaveText(/^Good (morning|afternoon|evening), Quản trị hệ thống$/);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, 'home-english-desktop');

  // The choice was saved to the account: a fresh load still speaks English.
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'What the system holds' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator('input[name="username"]')).toBeVisible();

  // Signed out means signed out: the home page sends us back.
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the navigation opens from the burger and closes after choosing a screen', async ({ page }) => {
    await signIn(page);
    const homeLink = page.getByTestId('navbar').getByRole('link', { name: 'Trang chủ' });
    const accountsLink = page.getByTestId('navbar').getByRole('link', { name: 'Tài khoản' });
    await expect(homeLink).not.toBeInViewport();
    await page.getByTestId('nav-burger').click();
    await expect(homeLink).toBeInViewport();
    // the menu is longer than a phone's screen now: it scrolls to its lower entries
    await accountsLink.scrollIntoViewIfNeeded();
    await expect(accountsLink).toBeInViewport();
    await accountsLink.click();
    await expect(page).toHaveURL(/\/accounts$/);
    await expect(page.getByRole('heading', { name: 'Tài khoản người dùng' })).toBeVisible();
    await expect(accountsLink).not.toBeInViewport();
  });
});

test('an administrator creates an account; its user must change the generated password', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('navbar').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');

  // The server's field message appears under the field it is about.
  await dialog.getByLabel('Tên đăng nhập').fill('sai tên');
  await dialog.getByLabel('Họ và tên').fill('Nguyễn Văn Tuyên');
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(dialog.getByText('Tên đăng nhập gồm 3–64 ký tự')).toBeVisible();
  await screenshot(page, 'create-account-error-desktop');

  await dialog.getByLabel('Tên đăng nhập').fill('tuyen.nv');
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const generated = (await dialog.getByTestId('generated-password').textContent())?.trim() ?? '';
  expect(generated.length).toBeGreaterThanOrEqual(8);
  await dialog.getByRole('button', { name: 'Xong' }).click();

  // Search ignores diacritics.
  await page.getByPlaceholder(/Tìm theo/).fill('tuyen');
  await expect(page.getByTestId('accounts-table')).toContainText('Nguyễn Văn Tuyên');
  await expect(page.getByTestId('accounts-table')).not.toContainText('Quản trị hệ thống');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await signIn(page, 'tuyen.nv', generated);
  await expect(page.getByRole('heading', { name: 'Cần đổi mật khẩu' })).toBeVisible();
  await screenshot(page, 'forced-change-password-desktop');
  await page.getByLabel('Mật khẩu hiện tại').fill(generated);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2019');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2019');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByTestId('greeting')).toContainText('Nguyễn Văn Tuyên');
  // Without roles the user sees no screen they may not use.
  const nav = page.getByTestId('navbar');
  await expect(nav.getByRole('link', { name: 'Trang chủ' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tài khoản' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Nhật ký thay đổi' })).toHaveCount(0);
});

for (const [size, viewport] of [
  ['desktop', desktop],
  ['phone', phone],
] as const) {
  test.describe(`screenshots (${size})`, () => {
    test.use({ viewport });

    test(`every screen fits and is saved at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.locator('input[name="username"]')).toBeVisible();
      await screenshot(page, `sign-in-${size}`);

      await signIn(page, 'admin', ADMIN_PASSWORD);
      await expect(page.getByTestId('overview-accounts')).toBeVisible();
      await screenshot(page, `home-${size}`);

      if (size === 'phone') {
        await page.getByTestId('nav-burger').click();
        await expect(page.getByTestId('navbar').getByRole('link', { name: 'Trang chủ' })).toBeInViewport();
        await screenshot(page, `nav-open-${size}`);
        await page.getByTestId('nav-burger').click();
      }

      await page.goto('/accounts');
      const list = page.getByTestId(size === 'phone' ? 'accounts-cards' : 'accounts-table');
      await expect(list.getByText('Quản trị hệ thống').first()).toBeVisible();
      await screenshot(page, `accounts-${size}`);
      await list.getByText('Quản trị hệ thống').first().click();
      await expect(page.getByText('Vai trò và phạm vi')).toBeVisible();
      await screenshot(page, `account-drawer-${size}`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await expect(page.getByRole('dialog').getByLabel('Họ và tên')).toBeVisible();
      await screenshotViewport(page, `create-account-${size}`);
      await page.keyboard.press('Escape');

      await page.goto('/audit');
      await expect(page.getByTestId('audit-entry').first()).toBeVisible();
      if (size === 'phone') {
        await page.getByRole('button', { name: 'Bộ lọc' }).click();
        await expect(page.getByLabel('Từ ngày')).toBeVisible();
        await screenshotViewport(page, `audit-filters-${size}`);
        await page.getByRole('button', { name: 'Bộ lọc' }).click();
      }
      if (size === 'desktop') {
        // Dates are typed the Vietnamese way; a range with nothing in it says so.
        await page.getByLabel('Từ ngày').fill('01/01/2100');
        await page.getByLabel('Từ ngày').press('Tab');
        await page.getByRole('button', { name: 'Lọc', exact: true }).click();
        await expect(page.getByText('Không có bản ghi nào khớp với bộ lọc.')).toBeVisible();
        await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
        await expect(page.getByTestId('audit-entry').first()).toBeVisible();
      }
      const created = page.getByTestId('audit-entry').filter({ hasText: 'Tạo tài khoản' }).first();
      await created.getByRole('button').click();
      await expect(created.getByText('Trước', { exact: true })).toBeVisible();
      await screenshot(page, `audit-${size}`);
      await created.scrollIntoViewIfNeeded();
      await screenshotViewport(page, `audit-entry-${size}`);

      await page.goto('/change-password');
      await expect(page.getByLabel('Mật khẩu hiện tại')).toBeVisible();
      await screenshot(page, `change-password-${size}`);
    });
  });
}
