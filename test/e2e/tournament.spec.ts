import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, asUser, desktop, openNav, phone, screenshot, vietnamDmy } from './support.ts';
import { apiAs, workersOf } from './api.ts';

/**
 * The Bloc's badminton tournament (issue 14) in the browser: the Office sets it up and adds an
 * event, a grassroots secretary enters two of the unit's workers on a phone, the Office confirms
 * them with a seed, draws, and a result is recorded on a phone after the Law 7 check refused an
 * impossible score.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh'; // demo.coso's unit (CS02)
const OTHER_UNIT = 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng';
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `CL-${suffix}`;
const NAME = `Giải cầu lông công nhân viên chức Khối ${suffix}`;

/** A day `n` days from today as dd/mm/yyyy (the entry deadline must not have passed). */
function dayFromNow(n: number): string {
  return vietnamDmy(n);
}

async function dismissNotices(page: Page) {
  for (const button of await page.locator('.mantine-Notification-root button').all())
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  await page.mouse.move(1, 400);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8_000 });
}

/** Picks a person in a searchable people select by typing part of the name. */
async function pickPerson(page: Page, select: ReturnType<Page['getByTestId']>, name: string) {
  await select.click();
  await select.fill(name.split(' ').slice(-2).join(' '));
  await page.getByRole('option', { name }).click();
  await expect(select).toHaveValue(name);
}

test('the Office sets up a tournament, a unit enters two workers on a phone, the Office draws and a result is recorded', async ({
  browser,
}) => {
  // Two document downloads (Chromium prints the PDF, the .docx is built) ride on a machine shared by several runs.
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL!;

  // ---- whom the unit may enter: its people with a current position in the unit or its enterprise ----
  const secretaryApi = await apiAs(baseURL, 'demo.coso');
  const { workers } = await workersOf(secretaryApi, MY_UNIT);
  const men = workers.filter((w) => w.gender === 'male');
  const women = workers.filter((w) => w.gender === 'female');
  const [players, kindLabel, gender] =
    men.length >= women.length ? [men, 'Đơn nam', 'male'] : [women, 'Đơn nữ', 'female'];
  expect(players.length, 'two workers of one gender in the unit').toBeGreaterThanOrEqual(2);
  await secretaryApi.ctx.dispose();

  // ---- the Office sets up the tournament ----
  const office = await asUser(browser, 'demo.vanphong', desktop);
  const page = office.page;
  await openNav(page, 'Giải đấu', 'desktop');
  await page.getByTestId('tournament-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('tournament-code').fill(CODE);
  await dialog.getByTestId('tournament-name').fill(NAME);
  await dialog.getByTestId('tournament-venue').fill('Nhà thi đấu tỉnh');
  await dialog.getByLabel('Ngày bắt đầu').fill(dayFromNow(30));
  await dialog.getByLabel('Ngày kết thúc').fill(dayFromNow(31));
  await dialog.getByLabel('Hạn đăng ký').fill(dayFromNow(20));
  await dialog.getByTestId('court-day').first().fill(dayFromNow(30));
  await dialog.getByTestId('court-add').click();
  await expect(dialog.getByTestId('court-row')).toHaveCount(2);
  await dialog.getByTestId('court-day').nth(1).fill(dayFromNow(30));
  await dialog.getByText('Sân thi đấu và giờ mở sân theo ngày').click();
  await expect(page.locator('.mantine-DateInput-dropdown, .mantine-Popover-dropdown')).toHaveCount(0);
  await screenshot(page, 'tournament-create-desktop');
  await dialog.getByRole('button', { name: 'Lập giải', exact: true }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  const tournamentUrl = page.url();

  // ---- and adds an event ----
  await page.getByTestId('event-add').click();
  const ev = page.getByRole('dialog');
  await ev.getByTestId('event-kind').click();
  await page.getByRole('option', { name: kindLabel, exact: true }).click();
  await ev.getByTestId('event-code').fill('DON');
  await ev.getByTestId('event-name').fill(kindLabel);
  await ev.getByRole('button', { name: 'Thêm nội dung', exact: true }).click();
  await expect(page.getByTestId('event-card')).toContainText(kindLabel);
  await dismissNotices(page);

  // ---- the grassroots secretary enters two workers on a phone ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  const sp = secretary.page;
  await openNav(sp, 'Giải đấu', 'phone');
  await sp.locator(`[data-testid="tournament-card"][data-code="${CODE}"]`).getByTestId('tournament-link').click();
  await expect(sp.getByRole('heading', { name: NAME })).toBeVisible();
  await screenshot(sp, 'tournament-page-phone');
  await sp.getByTestId('tab-entries').click();
  await expect(sp).toHaveURL(/tab=entries/);
  const form = sp.getByTestId('entry-form');
  await expect(form).toContainText(MY_UNIT);
  // nobody chosen: said beside the field
  await form.getByTestId('entry-submit').click();
  await expect(form.getByText('Hãy chọn nội dung và ít nhất một vận động viên.')).toBeVisible();
  await pickPerson(sp, form.getByTestId('entry-player'), players[0]!.fullName);
  await screenshot(sp, 'tournament-entry-phone');
  await form.getByTestId('entry-submit').click();
  await expect(sp.getByTestId('entry-list')).toContainText(players[0]!.fullName);
  // the same worker again: the server refuses and says why, on the field
  await pickPerson(sp, form.getByTestId('entry-player'), players[0]!.fullName);
  await form.getByTestId('entry-submit').click();
  await expect(form.locator('.mantine-InputWrapper-error')).toBeVisible();
  await screenshot(sp, 'tournament-entry-refused-phone');
  await pickPerson(sp, form.getByTestId('entry-player'), players[1]!.fullName);
  await form.getByTestId('entry-submit').click();
  await expect(sp.getByTestId('entry-card')).toHaveCount(2);
  await expect(sp.getByTestId('entry-status').first()).toHaveText('Chờ duyệt');
  await dismissNotices(sp);
  await screenshot(sp, 'tournament-entries-phone');
  // the same form on a desktop
  await sp.setViewportSize(desktop);
  await screenshot(sp, 'tournament-entry-desktop');

  // ---- a third entry, from another unit (which has no demo account of its own: the administrator
  // enters it; the route wants tournament.enter, which the organisers' role does not hold): the
  // draw of three has a bye ----
  const officeApi = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const other = await workersOf(officeApi, OTHER_UNIT);
  const third = other.workers.find((w) => w.gender === gender);
  expect(third, `a ${gender} worker of ${OTHER_UNIT}`).toBeTruthy();
  const tournament = (await officeApi.get('/api/tournaments')).items.find((x: { code: string }) => x.code === CODE);
  const eventId = (await officeApi.get(`/api/tournaments/${tournament.id}`)).events[0].id;
  await officeApi.post(
    `/api/tournaments/${tournament.id}/entries`,
    {
      eventId,
      unitId: other.unitId,
      personIds: [third!.id],
    },
    201,
  );
  await officeApi.ctx.dispose();

  // ---- the Office confirms them and draws (three entries: no seed, as at most a quarter may be seeded) ----
  await page.goto(`${tournamentUrl}?tab=entries`);
  const cards = page.getByTestId('entry-card');
  await expect(cards).toHaveCount(3);
  await screenshot(page, 'tournament-entries-desktop');
  await cards.nth(0).getByTestId('entry-confirm').click();
  await expect(cards.nth(0).getByTestId('entry-status')).toHaveText('Đã xác nhận');
  await cards.nth(1).getByTestId('entry-confirm').click();
  await expect(cards.nth(1).getByTestId('entry-status')).toHaveText('Đã xác nhận');
  await cards.nth(2).getByTestId('entry-confirm').click();
  await expect(cards.nth(2).getByTestId('entry-status')).toHaveText('Đã xác nhận');
  await page.getByTestId('tab-draw').click();
  await page.getByTestId('draw-seed').fill(`e2e-${suffix}`);
  await page.getByRole('button', { name: 'Bốc thăm', exact: true }).click();
  await expect(page.getByTestId('draw-bracket')).toBeVisible();
  await expect(page.getByTestId('draw-random-seed')).toHaveText(`e2e-${suffix}`);
  await expect(page.getByTestId('draw-facts')).toContainText('Lần bốc 1');
  await expect(page.getByTestId('draw-bracket')).toContainText(players[0]!.fullName);
  await expect(page.getByTestId('draw-bracket')).toContainText(players[1]!.fullName);
  await expect(page.getByTestId('draw-bracket')).toContainText(third!.fullName);
  await expect(page.getByTestId('draw-bye')).toHaveText('miễn đấu');
  await dismissNotices(page);
  await screenshot(page, 'tournament-draw-desktop');
  // the draw sheet, downloaded from its button: a PDF naming the drawn players
  const [drawSheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-draw-pdf').click()]);
  expect(drawSheet.suggestedFilename()).toBe('so-do-thi-dau.pdf');
  expect(
    fs
      .readFileSync(await drawSheet.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // the order of play over the two courts: the final placed, and next on its court
  await page.getByTestId('tab-order').click();
  await page.getByTestId('order-plan').click();
  await expect(page.getByTestId('order-table')).toContainText('R1-');
  await expect(page.getByTestId('order-next')).toContainText('Sân 1');
  await dismissNotices(page);
  await screenshot(page, 'tournament-order-desktop');

  // the Office keeps the matches open on the desktop while the result is recorded on a phone
  await page.getByTestId('tab-matches').click();
  await expect(page.getByTestId('match-card')).toHaveCount(3);
  await expect(page.getByTestId('match-score')).toHaveCount(0);

  // ---- a result, on a phone: an impossible score is refused with the Law 7 reason, then recorded ----
  const umpire = await asUser(browser, 'demo.vanphong', phone);
  const up = umpire.page;
  await up.goto(`${tournamentUrl}?tab=matches`);
  // the one first-round match played (the other side of the draw has a bye)
  await expect(up.getByTestId('match-record')).toHaveCount(1);
  const code = await up
    .getByTestId('match-card')
    .filter({ has: up.getByTestId('match-record') })
    .getAttribute('data-code');
  const match = up.locator(`[data-testid="match-card"][data-code="${code}"]`);
  await screenshot(up, 'tournament-matches-before-phone');
  await match.getByTestId('match-record').click();
  const result = up.getByTestId('result-form');
  await result.getByTestId('game-1-a').fill('22');
  await result.getByTestId('game-1-b').fill('21');
  await result.getByTestId('game-2-a').fill('21');
  await result.getByTestId('game-2-b').fill('15');
  await result.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(result.getByTestId('result-problem')).toContainText('22-21 chưa kết thúc ván');
  await screenshot(up, 'tournament-result-phone');
  await result.getByTestId('game-1-a').fill('23');
  await result.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(result).toHaveCount(0);
  await expect(match.getByTestId('match-score')).toHaveText('23-21, 21-15');
  await dismissNotices(up);
  await screenshot(up, 'tournament-matches-phone');

  // the desktop follows live: the Office's page shows the result without reloading
  const onDesktop = page.locator(`[data-testid="match-card"][data-code="${code}"]`);
  await expect(onDesktop.getByTestId('match-score')).toHaveText('23-21, 21-15');
  // the final is now ready: its winner and the bye's holder meet
  await expect(page.getByTestId('match-record')).toHaveCount(2);
  await onDesktop.getByTestId('match-record').click();
  await screenshot(page, 'tournament-result-desktop');
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-standings').click();
  await expect(page.getByTestId('standings-medals')).toContainText('Huy chương vàng');
  // the results and prize list in the Party's format, as a Word file (a zip)
  const [results] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-results-docx').click(),
  ]);
  expect(results.suggestedFilename()).toBe('thong-bao-ket-qua.docx');
  expect(
    fs
      .readFileSync(await results.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await expect(page.getByTestId('download-certificates')).toBeVisible();
  await screenshot(page, 'tournament-standings-desktop');
  await page.getByTestId('tab-participation').click();
  await expect(page.getByTestId('participation')).toContainText('3 lượt đăng ký');
  await screenshot(page, 'tournament-participation-desktop');
  await page.getByTestId('tab-events').click();
  await screenshot(page, 'tournament-page-desktop');

  await umpire.context.close();
  await secretary.context.close();
  await office.context.close();
});
