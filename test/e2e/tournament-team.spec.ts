import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, asUser, desktop, phone, screenshot } from './support.ts';
import { apiAs, isoFromNow, workersOf } from './api.ts';

/**
 * A team event (issue 14, ADR 35) in the browser: the Office adds a team event with its tie format,
 * a grassroots secretary enters the unit's team on a phone, the Office confirms and draws, the
 * captains' line-ups are given (the unit's on its phone), the first rubber is scored point by point
 * on the umpire's phone, the second entered as games, the tie is decided, and the public page shows
 * the tie with its rubbers.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh'; // demo.coso's unit (CS02)
const OTHER_UNIT = 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng';
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `DD-${suffix}`;
const NAME = `Giải cầu lông đồng đội ${suffix}`;

async function dismissNotices(page: Page) {
  for (const button of await page.locator('.mantine-Notification-root button').all())
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  await page.mouse.move(1, 400);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8_000 });
}

async function pickPerson(page: Page, select: ReturnType<Page['getByTestId']>, name: string) {
  await select.click();
  await select.fill(name.split(' ').slice(-2).join(' '));
  await page.getByRole('option', { name }).click();
  await expect(select).toHaveValue(name);
}

async function pickOption(page: Page, select: ReturnType<Page['getByTestId']>, name: string) {
  await select.click();
  await page.getByRole('option', { name, exact: true }).click();
  await expect(select).toHaveValue(name);
}

test('a team event: the Office sets it up, a unit enters its team on a phone, line-ups and rubbers decide the tie, the public page shows it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL!;

  // ---- who may play: two workers of one gender in each of two units ----
  const admin = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const mine = await workersOf(admin, MY_UNIT);
  const other = await workersOf(admin, OTHER_UNIT);
  const gender = (['male', 'female'] as const).find(
    (g) =>
      mine.workers.filter((w) => w.gender === g).length >= 2 && other.workers.filter((w) => w.gender === g).length >= 2,
  );
  expect(gender, 'two workers of one gender in each unit').toBeTruthy();
  const [singles, doubles] = gender === 'male' ? ['Đơn nam', 'Đôi nam'] : ['Đơn nữ', 'Đôi nữ'];
  const ours = mine.workers.filter((w) => w.gender === gender).slice(0, 2);
  const theirs = other.workers.filter((w) => w.gender === gender).slice(0, 2);
  const t = await admin.post('/api/tournaments', {
    code: CODE,
    name: NAME,
    venue: 'Nhà thi đấu tỉnh',
    startsOn: isoFromNow(30),
    endsOn: isoFromNow(31),
    entryDeadline: isoFromNow(20),
    courts: [{ name: 'Sân 1', hours: [{ day: isoFromNow(30), from: '07:30', to: '17:00' }] }],
  });
  const tournamentUrl = `/app/tournaments/${t.id}`;

  // ---- the Office adds the team event: three rubbers (two singles, a doubles), teams of 2 to 4 ----
  const office = await asUser(browser, 'demo.vanphong', desktop);
  const page = office.page;
  await page.goto(tournamentUrl);
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await page.getByTestId('event-add').click();
  const ev = page.getByRole('dialog');
  await ev.getByTestId('event-kind').click();
  await page.getByRole('option', { name: 'Đồng đội', exact: true }).click();
  await ev.getByTestId('event-code').fill('DD');
  await ev.getByTestId('event-name').fill('Đồng đội');
  const format = ev.getByTestId('tie-format');
  await expect(format).toBeVisible();
  // From the usual five to three: an even number is refused before sending.
  await format.getByRole('button', { name: 'Bỏ', exact: true }).nth(4).click();
  await expect(ev.getByTestId('tie-needed')).toContainText('phải lẻ');
  await format.getByRole('button', { name: 'Bỏ', exact: true }).nth(3).click();
  await pickOption(page, ev.getByTestId('tie-rubber-1'), singles);
  await pickOption(page, ev.getByTestId('tie-rubber-2'), singles);
  await pickOption(page, ev.getByTestId('tie-rubber-3'), doubles);
  await expect(ev.getByTestId('tie-needed')).toHaveText('thắng 2/3 trận là thắng lượt');
  await ev.getByTestId('tie-roster-min').fill('2');
  await ev.getByTestId('tie-roster-max').fill('4');
  await screenshot(page, 'tournament-team-event-desktop');
  await ev.getByRole('button', { name: 'Thêm nội dung', exact: true }).click();
  await expect(page.getByTestId('event-tie-format')).toContainText('thắng 2/3 trận là thắng lượt');
  await dismissNotices(page);

  // ---- the unit enters its team on a phone ----
  const secretary = await asUser(browser, 'demo.coso', phone);
  const sp = secretary.page;
  await sp.goto(`${tournamentUrl}?tab=entries`);
  const form = sp.getByTestId('entry-form');
  await expect(form).toContainText(MY_UNIT);
  await expect(form.getByTestId('entry-player')).toHaveCount(2);
  await pickPerson(sp, form.getByTestId('entry-player').nth(0), ours[0]!.fullName);
  await pickPerson(sp, form.getByTestId('entry-player').nth(1), ours[1]!.fullName);
  await screenshot(sp, 'tournament-team-entry-phone');
  await form.getByTestId('entry-submit').click();
  await expect(sp.getByTestId('entry-card')).toHaveCount(1);
  await dismissNotices(sp);

  // the other unit's team (no demo account of its own: the administrator enters it)
  const eventId = (await admin.get(`/api/tournaments/${t.id}`)).events[0].id;
  await admin.post(`/api/tournaments/${t.id}/entries`, {
    eventId,
    unitId: other.unitId,
    personIds: theirs.map((w) => w.id),
  });

  // ---- the Office confirms both teams and draws: one tie ----
  await page.goto(`${tournamentUrl}?tab=entries`);
  const cards = page.getByTestId('entry-card');
  await expect(cards).toHaveCount(2);
  for (const i of [0, 1]) {
    await cards.nth(i).getByTestId('entry-confirm').click();
    await expect(cards.nth(i).getByTestId('entry-status')).toHaveText('Đã xác nhận');
  }
  await page.getByTestId('tab-draw').click();
  await page.getByTestId('draw-seed').fill(`team-${suffix}`);
  await page.getByRole('button', { name: 'Bốc thăm', exact: true }).click();
  await expect(page.getByTestId('draw-random-seed')).toHaveText(`team-${suffix}`);
  await dismissNotices(page);

  // ---- line-ups: the unit gives its own on the phone ----
  const draw = await admin.get(`/api/tournaments/${t.id}/events/${eventId}/draw`);
  const tie = draw.matches.find((m: { walkThrough: boolean }) => !m.walkThrough);
  const entries = (await admin.get(`/api/tournaments/${t.id}/entries?eventId=${eventId}`)).items as {
    id: string;
    unit: { id: string };
  }[];
  const ourEntry = entries.find((e) => e.unit.id === mine.unitId)!.id;
  const ourSide = tie.sides[0].entryId === ourEntry ? 'a' : 'b';
  const ourLabel = tie.sides[ourSide === 'a' ? 0 : 1].label as string;
  const theirSide = ourSide === 'a' ? 'b' : 'a';
  await sp.goto(`${tournamentUrl}?tab=matches`);
  const phoneTie = sp.locator(`[data-testid="match-card"][data-code="${tie.code}"]`);
  await expect(phoneTie.getByTestId('tie-rubber')).toHaveCount(3);
  await phoneTie.getByTestId(`lineup-${ourSide}`).click();
  const lineup = sp.getByTestId('lineup-form');
  // One player in both singles: refused, with the rule named.
  await pickOption(sp, lineup.getByTestId('lineup-1-1'), ours[0]!.fullName);
  await pickOption(sp, lineup.getByTestId('lineup-2-1'), ours[0]!.fullName);
  await pickOption(sp, lineup.getByTestId('lineup-3-1'), ours[0]!.fullName);
  await pickOption(sp, lineup.getByTestId('lineup-3-2'), ours[1]!.fullName);
  await lineup.getByRole('button', { name: 'Gửi đội hình' }).click();
  await expect(lineup.getByTestId('lineup-problems')).toContainText('tối đa một trận đơn và một trận đôi');
  await screenshot(sp, 'tournament-team-lineup-phone');
  await pickOption(sp, lineup.getByTestId('lineup-2-1'), ours[1]!.fullName);
  await lineup.getByRole('button', { name: 'Gửi đội hình' }).click();
  await expect(lineup).toHaveCount(0);
  await dismissNotices(sp);

  // ---- the Office gives the other line-up and scores the rubbers ----
  await page.goto(`${tournamentUrl}?tab=matches`);
  const deskTie = page.locator(`[data-testid="match-card"][data-code="${tie.code}"]`);
  await deskTie.getByTestId(`lineup-${theirSide}`).click();
  const theirLineup = page.getByTestId('lineup-form');
  await pickOption(page, theirLineup.getByTestId('lineup-1-1'), theirs[0]!.fullName);
  await pickOption(page, theirLineup.getByTestId('lineup-2-1'), theirs[1]!.fullName);
  await pickOption(page, theirLineup.getByTestId('lineup-3-1'), theirs[0]!.fullName);
  await pickOption(page, theirLineup.getByTestId('lineup-3-2'), theirs[1]!.fullName);
  await theirLineup.getByRole('button', { name: 'Gửi đội hình' }).click();
  await expect(theirLineup).toHaveCount(0);
  await dismissNotices(page);
  await expect(deskTie.getByTestId('tie-rubber').first()).toContainText(ours[0]!.fullName);
  const [win, lose] =
    ourSide === 'a'
      ? [
          ['21', '15'],
          ['15', '21'],
        ]
      : [
          ['15', '21'],
          ['21', '15'],
        ];

  // ---- the first rubber point by point on the umpire's phone (the Office's, 390 px) ----
  const courtside = await asUser(browser, 'demo.vanphong', phone);
  const up = courtside.page;
  await up.goto(`${tournamentUrl}?tab=matches`);
  await up.locator(`[data-testid="match-card"][data-code="${tie.code}"]`).getByTestId('match-score-live').click();
  // The phone opens on the next rubber to play, its players by name.
  await expect(up).toHaveURL(/rubber=1/);
  await expect(up.getByTestId('umpire-tie-score')).toContainText('0–0');
  await expect(up.getByTestId('umpire-start')).toContainText(ours[0]!.fullName);
  await screenshot(up, 'tournament-team-umpire-start-phone');
  await up.getByTestId('umpire-begin').click();
  const us = `umpire-point-${ourSide}`;
  const them = `umpire-point-${theirSide}`;
  await up.getByTestId(them).click();
  await up.getByTestId('umpire-undo').click();
  for (let i = 0; i < 11; i++) await up.getByTestId(us).click();
  await expect(up.getByTestId('umpire-call')).toContainText('Nghỉ giữa ván');
  await expect(up.getByTestId(`umpire-score-${ourSide}`)).toHaveText('11');
  await expect(up.getByTestId(`umpire-score-${theirSide}`)).toHaveText('0');
  await expect(up.getByTestId('umpire-server')).toContainText(ours[0]!.fullName);
  await expect(up.getByTestId('umpire-sync')).toHaveText('Đã gửi hết');
  await screenshot(up, 'tournament-team-umpire-phone');
  for (let i = 0; i < 31; i++) await up.getByTestId(us).click();
  await expect(up.getByTestId('umpire-finish')).toBeVisible();
  await expect(up.getByTestId('umpire-sync')).toHaveText('Đã gửi hết');
  await up.getByTestId('umpire-finish').click();
  // Recorded as the rubber's result; the phone moves on to the second rubber.
  await expect(up).toHaveURL(/rubber=2/);
  await expect(up.getByTestId('umpire-tie-score')).toContainText(ourSide === 'a' ? '1–0' : '0–1');
  await expect(up.getByTestId('umpire-start')).toContainText(ours[1]!.fullName);
  await screenshot(up, 'tournament-team-umpire-next-phone');
  await courtside.context.close();
  await expect(deskTie.locator('[data-testid="tie-rubber"][data-number="1"]')).toContainText(
    ourSide === 'a' ? '21-0, 21-0' : '0-21, 0-21',
  );

  // ---- the second rubber's games entered afterwards at the desk ----
  for (const n of [2]) {
    await deskTie.locator(`[data-testid="tie-rubber"][data-number="${n}"]`).getByTestId('rubber-record').click();
    const result = page.getByTestId('result-form');
    await result.getByTestId('game-1-a').fill(win[0]!);
    await result.getByTestId('game-1-b').fill(win[1]!);
    await result.getByTestId('game-2-a').fill('22');
    await result.getByTestId('game-2-b').fill('21');
    await result.getByRole('button', { name: 'Ghi kết quả' }).click();
    // 22-21 is not a finished game: refused before sending, with the Law 7 reason.
    await expect(result.getByTestId('result-problem')).toContainText('22-21');
    await screenshot(page, 'tournament-team-rubber-desktop');
    await result.getByTestId('game-2-a').fill(win[0]!);
    await result.getByTestId('game-2-b').fill(win[1]!);
    await result.getByRole('button', { name: 'Ghi kết quả' }).click();
    await expect(result).toHaveCount(0);
  }
  void lose;
  // Two rubbers of three: the tie is decided, the third is not played.
  await expect(deskTie.locator('[data-testid="tie-rubber"][data-number="3"]')).toContainText('không thi đấu');
  await expect(deskTie.getByTestId('tie-rubbers')).toContainText(ourSide === 'a' ? '2–0' : '0–2');
  await dismissNotices(page);
  await screenshot(page, 'tournament-team-matches-desktop');
  // the phone follows live
  await expect(phoneTie.locator('[data-testid="tie-rubber"][data-number="3"]')).toContainText('không thi đấu');
  await screenshot(sp, 'tournament-team-matches-phone');
  await page.getByTestId('tab-standings').click();
  await expect(page.getByTestId('standings-medals')).toContainText(ourLabel);

  // ---- the public page, without signing in ----
  const visitor = await browser.newContext({ viewport: desktop });
  const pub = await visitor.newPage();
  await pub.goto(`/giai-dau/${CODE}`);
  const item = pub.locator(`[data-match="${tie.id}"]`);
  await expect(item.locator('ol.rubbers li')).toHaveCount(3);
  await expect(item.locator('ol.rubbers')).toContainText(`${singles} 1`);
  await expect(item.locator('ol.rubbers')).toContainText(ours[0]!.fullName);
  await expect(item.locator('ol.rubbers')).toContainText('không thi đấu');
  await screenshot(pub, 'tournament-team-public-desktop');
  await pub.setViewportSize(phone);
  await screenshot(pub, 'tournament-team-public-phone');

  await visitor.close();
  await admin.ctx.dispose();
  await secretary.context.close();
  await office.context.close();
});
