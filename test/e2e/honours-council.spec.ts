import { expect, test, type Page } from '@playwright/test';
import { apiAs } from './api.ts';
import { ADMIN_PASSWORD, asUser, desktop, phone, screenshot } from './support.ts';

/**
 * The Council's secret ballot in the browser, on the demo campaign TV-15NAM-2019: the Office's
 * secretary opens a session (roster, rules fixed beforehand), marks attendance and opens a round
 * with one seat; a Council member votes on a phone from "awaiting your vote", reviews and confirms,
 * and a second ballot is refused; the secretary, who sits as Thư ký and does not vote (nor count in
 * the quorum), enters an absent member's written vote and closes the box; the chair, who made the counting key on her phone, decrypts the totals there — a
 * tie across the seat — her receipt is in the published list, and the secretary opens the further
 * round between the tied; the minutes download. The journey makes its own session, so it does not depend on what other
 * journeys did with the demo data, and leaves no round open and nobody selected.
 */
const suffix = Date.now().toString(36).slice(-5);
const SESSION_TITLE = `Phiên họp xét chọn tập thể tiêu biểu (E2E ${suffix})`;
const MEMBER = 'Phạm Thị Thu Hằng'; // demo.hoidong
const SECRETARY = 'Lê Thị Hồng Nhung'; // demo.vanphong
const ABSENT = `Nguyễn Văn Vắng ${suffix}`;

/** Closes the "done" notices, so that a screenshot shows the page beneath them. */
async function closeNotices(page: Page) {
  for (const close of await page.locator('.mantine-Notification-root button').all())
    await close.click({ timeout: 2_000 }).catch(() => undefined);
  await page.mouse.move(1, 300);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8_000 });
}

/** Picks an account on the roster by name from the searchable list. */
async function addMember(page: Page, name: string) {
  const add = page.getByTestId('roster-add');
  await add.click();
  await add.fill(name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByTestId('roster-row').filter({ hasText: name })).toBeVisible();
}

test('the Council votes by encrypted secret ballot: a member on a phone, the chair decrypts the totals, a tie goes to a further round', async ({
  browser,
}) => {
  test.setTimeout(240_000); // the ballot is encrypted and the totals decrypted in the browser: slower on a loaded machine
  const baseURL = test.info().project.use.baseURL!;

  // ---- an absent member, so that the secretary has a written vote to enter ----
  const admin = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const council = (await admin.get(`/api/units?q=${encodeURIComponent('Hội đồng thi đua')}&pageSize=10`)).items[0];
  await admin.post(
    '/api/accounts',
    {
      username: `e2e.hoidong.${suffix}`,
      displayName: ABSENT,
      password: `Vang-${suffix}-2019!`,
      grants: [{ role: 'council_member', unitId: council.id }],
    },
    201,
  );
  const campaign = (await admin.get('/api/honours/campaigns?pageSize=100')).items.find(
    (c: { code: string }) => c.code === 'TV-15NAM-2019',
  );
  expect(campaign, 'the demo campaign').toBeTruthy();
  await admin.ctx.dispose();

  // ---- the secretary opens the session ----
  const sec = await asUser(browser, 'demo.vanphong', desktop);
  const page = sec.page;
  await page.goto(`/honours/${campaign.id}?tab=council`);
  await page.getByTestId('session-open').click();
  const form = page.getByTestId('session-form');
  await form.locator('textarea[name="title"]').fill(SESSION_TITLE);
  await form.getByLabel('Ngày họp').fill('26/07/2019');
  await form.getByLabel('Ngày họp').press('Tab');
  await addMember(page, MEMBER);
  await addMember(page, SECRETARY);
  await addMember(page, ABSENT);
  // the first member picked chairs; the Office's account can only be the Thư ký
  await expect(page.getByTestId('roster-row').filter({ hasText: MEMBER }).getByTestId('roster-role')).toHaveValue(
    'Chủ tịch',
  );
  await expect(page.getByTestId('roster-row').filter({ hasText: SECRETARY }).getByTestId('roster-role')).toHaveValue(
    'Thư ký',
  );
  await page.getByTestId('rule-quorum').click();
  await page.getByRole('option', { name: 'Ít nhất 1/2 số thành viên' }).click();
  await page.getByTestId('rule-base').click();
  await page.getByRole('option', { name: 'Số thành viên có quyền biểu quyết có mặt' }).click();
  await page.getByTestId('rule-written').check();
  await screenshot(page, 'honours-council-open-session-desktop');
  await form.getByRole('button', { name: 'Mở phiên họp' }).click();
  await expect(page).toHaveURL(/\/honours\/sessions\//);
  await expect(page.getByRole('heading', { name: SESSION_TITLE })).toBeVisible();
  const sessionUrl = page.url();

  // ---- attendance and the quorum, live ----
  const quorum = page.getByTestId('attendance').getByTestId('quorum');
  await expect(quorum).toHaveAttribute('data-met', 'no');
  const member = (name: string) => page.getByTestId('roster-member').filter({ hasText: name });
  // the secretary sits as Thư ký and does not vote: present, she makes no quorum
  await expect(member(SECRETARY)).toContainText('Thư ký · Không biểu quyết');
  await member(ABSENT).getByText('Vắng mặt').click();
  await expect(member(ABSENT)).toHaveAttribute('data-attendance', 'absent');
  await member(SECRETARY).getByText('Có mặt').click();
  await expect(member(SECRETARY)).toHaveAttribute('data-attendance', 'present');
  await expect(quorum).toHaveAttribute('data-met', 'no');
  await expect(quorum).toContainText('Thành viên biểu quyết có mặt 0/2 · cần ít nhất 1');
  await member(MEMBER).getByText('Có mặt').click();
  await expect(quorum).toHaveAttribute('data-met', 'yes');
  await expect(quorum).toContainText('Thành viên biểu quyết có mặt 1/2 · cần ít nhất 1');

  // ---- the chair makes the counting key on her phone; the secretary cannot open a round before ----
  await expect(page.getByTestId('ballot-key')).toHaveAttribute('data-set', 'no');
  await expect(page.getByTestId('round-needs-key')).toBeVisible();
  await expect(page.getByTestId('round-open')).toBeDisabled();
  await expect(page.getByTestId('ballot-key-make')).toHaveCount(0); // the secretary holds no key
  const mem = await asUser(browser, 'demo.hoidong', phone);
  const m = mem.page;
  await m.goto(sessionUrl);
  await m.getByTestId('ballot-key-make').click();
  await expect(m.getByTestId('ballot-key-here')).toBeVisible();
  await closeNotices(m);
  await m.getByTestId('ballot-key').scrollIntoViewIfNeeded();
  await screenshot(m, 'honours-council-key-phone');
  // the secretary's page learns of it live
  await expect(page.getByTestId('ballot-key')).toHaveAttribute('data-set', 'yes');
  await expect(page.getByTestId('ballot-key')).toContainText(MEMBER);

  // ---- a round on two of the eligible collectives, one seat ----
  await page.getByTestId('round-open').click();
  const roundForm = page.getByTestId('round-form');
  const nominees = roundForm.getByTestId('round-nominee');
  expect(await nominees.count()).toBeGreaterThanOrEqual(2);
  for (let i = (await nominees.count()) - 1; i >= 2; i--) await nominees.nth(i).locator('input').uncheck();
  const names = [
    await nominees.nth(0).locator('label').first().innerText(),
    await nominees.nth(1).locator('label').first().innerText(),
  ];
  await roundForm.getByTestId('round-seats').fill('1');
  await roundForm.getByRole('button', { name: 'Mở vòng bỏ phiếu' }).click();
  const roundCard = page.getByTestId('round-card').first();
  await expect(roundCard).toHaveAttribute('data-status', 'open');
  await expect(roundCard.getByTestId('round-progress')).toContainText('Đã bỏ phiếu: 0/2');
  const roundId = (await roundCard.getAttribute('data-round'))!;

  // ---- the member votes on a phone, from what awaits their vote ----
  // the same ballot opened on a second screen that then loses touch (its refreshes fail), so it
  // still offers the ballot after the member has voted elsewhere
  const second = await mem.context.newPage();
  await second.goto(`/honours/rounds/${roundId}`);
  await expect(second.getByTestId('ballot-line')).toHaveCount(2);
  await second.route(`**/api/honours/rounds/${roundId}`, (route) => route.abort());
  await m.goto(`/honours/${campaign.id}`);
  const waiting = m.locator(`[data-testid="my-open-round"][data-round="${roundId}"]`);
  await expect(waiting).toBeVisible();
  await screenshot(m, 'honours-council-my-rounds-phone');
  await waiting.getByTestId('my-open-round-vote').click();
  await expect(m).toHaveURL(new RegExp(`/honours/rounds/${roundId}`));
  await expect(m.getByTestId('ballot-line')).toHaveCount(2);
  await m.getByTestId('ballot-review-button').click();
  await expect(m.getByTestId('ballot-missing')).toContainText('Còn 2 hồ sơ chưa chọn ý kiến');
  for (const line of await m.getByTestId('ballot-line').all()) await line.getByText('Đồng ý', { exact: true }).click();
  await screenshot(m, 'honours-council-ballot-phone');
  await m.getByTestId('ballot-review-button').click();
  await expect(m.getByTestId('review-line')).toHaveCount(2);
  await expect(m.getByTestId('ballot-review')).toContainText('Đồng ý: 2 · Không đồng ý: 0 · Không biểu quyết: 0');
  await closeNotices(m);
  await screenshot(m, 'honours-council-ballot-review-phone');
  const sealStarted = Date.now();
  await m.getByTestId('ballot-confirm').click();
  await expect(m.getByTestId('ballot-voted')).toContainText('Đã bỏ phiếu');
  // encrypted and proved in the browser, checked by the server: the whole step, as the member waits it
  console.log(`honours ballot: 2 nominees encrypted, proved and checked in ${Date.now() - sealStarted} ms (phone)`);
  await expect(m.getByTestId('ballot-receipt')).toHaveAttribute('data-counted', 'pending');
  const receipt = (await m.getByTestId('ballot-receipt').locator('code').innerText()).trim();
  expect(receipt).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  await expect(m.getByTestId('round-progress')).toContainText('Đã bỏ phiếu: 1/2');
  // the secretary's session page, open all along, counts the ballot live (server-sent events, no reload)
  await expect(roundCard.getByTestId('round-progress')).toContainText('Đã bỏ phiếu: 1/2');
  // nothing awaits them any more
  await m.goto(`/honours/${campaign.id}`);
  await expect(m.getByTestId('campaign-tabs')).toBeVisible();
  await expect(m.getByTestId('my-open-rounds')).toHaveCount(0);

  // the ballot still open in the other tab: a second vote is refused, in words
  for (const line of await second.getByTestId('ballot-line').all())
    await line.getByText('Không đồng ý', { exact: true }).click();
  await second.getByTestId('ballot-review-button').click();
  await second.getByTestId('ballot-confirm').click();
  await expect(second.getByTestId('ballot-already')).toContainText('Đồng chí đã bỏ phiếu ở vòng này rồi');
  await second.close();

  // ---- the secretary, who has no ballot, enters the absent member's written vote, closes and counts ----
  await page.getByTestId('round-ballot-link').click();
  await expect(page).toHaveURL(new RegExp(`/honours/rounds/${roundId}`));
  await expect(page.getByTestId('round-progress')).toContainText('Đã bỏ phiếu: 1/2');
  await expect(page.getByTestId('absentee').filter({ hasText: ABSENT })).toBeVisible();
  await expect(page.getByTestId('ballot-review-button')).toHaveCount(0);
  await closeNotices(page);
  await screenshot(page, 'honours-council-ballot-desktop');
  await page.getByTestId('absentee').filter({ hasText: ABSENT }).getByTestId('written-enter').click();
  const dialog = page.getByRole('dialog');
  for (const line of await dialog.getByTestId('ballot-line').all())
    await line.getByText('Không đồng ý', { exact: true }).click();
  await dialog.getByTestId('ballot-review-button').click();
  await dialog.getByTestId('ballot-confirm').click();
  await expect(page.getByTestId('absentee').filter({ hasText: ABSENT })).toContainText('Đã nhập phiếu');
  await expect(page.getByTestId('round-progress')).toContainText('Đã bỏ phiếu: 2/2');
  await page.getByTestId('round-close').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();

  // the box is closed: the secretary waits; the chair decrypts the totals on her phone
  await expect(page.getByTestId('round-counting')).toContainText('Chờ Chủ tịch Hội đồng giải mã kết quả');
  await expect(page.getByTestId('round-decrypt')).toHaveCount(0);
  await m.goto(`/honours/rounds/${roundId}`);
  await expect(m.getByTestId('round-counting')).toContainText('2 phiếu đã mã hoá');
  await closeNotices(m);
  await screenshot(m, 'honours-council-decrypt-phone');
  const decryptStarted = Date.now();
  await m.getByTestId('round-decrypt').click();
  await expect(m.getByTestId('tally')).toBeVisible();
  console.log(`honours count: totals decrypted, proved and checked in ${Date.now() - decryptStarted} ms (phone)`);
  // her receipt is in the published list
  await expect(m.getByTestId('ballot-receipt')).toHaveAttribute('data-counted', 'yes');
  await expect(m.getByTestId('ballot-receipt')).toContainText(receipt);

  // the tally, on the secretary's page live: one approval each of the one voting member present, more than half needed, one seat: tied
  const tally = page.getByTestId('tally');
  await expect(tally).toBeVisible();
  await expect(tally.getByTestId('tally-line')).toHaveCount(2);
  for (const name of names)
    await expect(tally.getByTestId('tally-line').filter({ hasText: name }).getByTestId('outcome')).toHaveAttribute(
      'data-outcome',
      'tied',
    );
  await expect(tally.getByTestId('tally-line').first()).toContainText('1');
  await expect(tally.getByTestId('tally-tied')).toHaveText('2');
  await expect(tally.getByTestId('tally-voted')).toHaveText('2');
  await expect(tally).toContainText('có 1 phiếu bằng văn bản');
  await closeNotices(page);
  await screenshot(page, 'honours-council-tally-desktop');

  // the member sees the result on the phone once the round is counted
  await expect(m.getByTestId('tally-line')).toHaveCount(2);
  await screenshot(m, 'honours-council-tally-phone');

  // ---- the session page: the count, and the further round between the tied ----
  await page.goto(sessionUrl);
  await expect(page.getByTestId('round-card').first().getByTestId('tally')).toBeVisible();
  await closeNotices(page);
  await screenshot(page, 'honours-council-session-desktop');
  await page.getByTestId('further-round').click();
  await expect(page.getByTestId('round-card')).toHaveCount(2);
  const further = page.getByTestId('round-card').first();
  await expect(further).toHaveAttribute('data-status', 'open');
  await expect(further).toContainText('Vòng 2');
  await expect(page.getByTestId('further-round')).toHaveCount(0);

  await m.goto(sessionUrl);
  await expect(m.getByTestId('round-card')).toHaveCount(2);
  await screenshot(m, 'honours-council-session-phone');

  // the member declares a conflict of interest for herself, and is left out of that nominee's vote
  const conflicts = m.getByTestId('conflicts');
  await conflicts.getByLabel('Hồ sơ').click();
  await m.getByRole('option', { name: names[0], exact: true }).click();
  await conflicts.getByLabel('Lý do (không bắt buộc)').fill('Nguyên công tác tại đơn vị');
  await conflicts.getByRole('button', { name: 'Khai báo' }).click();
  await expect(conflicts.getByTestId('conflict')).toContainText(`${MEMBER} — ${names[0]}`);
  await m.getByTestId('round-card').first().getByTestId('round-ballot-link').click();
  await expect(m.getByTestId('ballot-line')).toHaveCount(1);
  await expect(m.getByTestId('ballot-excluded')).toContainText(names[0]);
  await expect(m.getByTestId('ballot-line')).toContainText(names[1]);
  await closeNotices(m);
  await screenshot(m, 'honours-council-ballot-excluded-phone');

  // nobody is chosen by this journey: the further round closes without ballots, the chair counts an
  // empty box (its shortfall shows)
  await further.getByTestId('round-close').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await expect(page.getByTestId('round-card').first()).toHaveAttribute('data-status', 'counting');
  await m.goto(sessionUrl);
  await m.getByTestId('round-card').first().getByTestId('round-decrypt').click();
  await expect(page.getByTestId('round-card').first()).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('round-card').first().getByTestId('tally-shortfall')).toHaveText('1');

  // ---- the minutes ----
  const download = page.waitForEvent('download');
  await page.getByTestId('minutes-docx').click();
  const docx = await download;
  expect(docx.suggestedFilename()).toBe('bien-ban.docx');
  const bytes = await (await docx.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 2).toString()).toBe('PK');

  await Promise.all([sec.context.close(), mem.context.close()]);
});
