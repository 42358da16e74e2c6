import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, asUser, desktop, phone, screenshot } from './support.ts';
import { apiAs, isoFromNow, workersOf } from './api.ts';

/**
 * The umpire's phone and the public pages (issue 14): the referee assigns the demo umpire to a
 * match on the umpires' board; the umpire scores it point by point on a 390 px phone, with an
 * undo; a public page open with no sign-in shows each point without reloading; the phone loses
 * its connection, scores on, is even closed, and the points reach the server once when it is back.
 */
const MY_UNIT = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `TT-${suffix}`;
const UMPIRE = 'Bùi Văn Cường'; // demo.trongtai

test('an umpire scores a match point by point on a phone, offline too, and the public page follows live', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;

  // ---- a tournament with one match between two workers of a unit, on a court (set up through the API) ----
  const api = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const { unitId, workers: current } = await workersOf(api, MY_UNIT);
  const men = current.filter((p) => p.gender === 'male');
  const women = current.filter((p) => p.gender === 'female');
  const [players, kind] = men.length >= 2 ? [men, 'MS'] : [women, 'WS'];
  const day = isoFromNow(30);
  const t = await api.send('POST', '/api/tournaments', {
    code: CODE,
    name: `Giải cầu lông trọng tài ${suffix}`,
    venue: 'Nhà thi đấu tỉnh',
    startsOn: day,
    endsOn: day,
    entryDeadline: isoFromNow(20),
    courts: [{ name: 'Sân 1', hours: [{ day, from: '07:30', to: '11:30' }] }],
  });
  const ev = await api.send('POST', `/api/tournaments/${t.id}/events`, {
    code: 'DON',
    name: 'Đơn',
    kind,
    format: 'knockout',
  });
  for (const p of players.slice(0, 2))
    await api.send('POST', `/api/tournaments/${t.id}/entries`, { eventId: ev.id, unitId, personIds: [p.id] });
  for (const e of (await api.get(`/api/tournaments/${t.id}/entries`)).items)
    await api.send('POST', `/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' });
  const draw = await api.send('POST', `/api/tournaments/${t.id}/events/${ev.id}/draw`, { randomSeed: CODE });
  const matchId = draw.matches[0].id as string;
  await api.send('POST', `/api/tournaments/${t.id}/order-of-play`);

  // ---- the referee assigns the umpire on the umpires' board ----
  const office = await asUser(browser, 'demo.vanphong', desktop);
  await office.page.goto(`/tournaments/${t.id}?tab=umpires`);
  const board = office.page.getByTestId('umpires-board');
  await expect(board).toContainText('Sân 1');
  await board.getByTestId('umpire-select').click();
  await office.page.getByRole('option', { name: UMPIRE }).click();
  await expect(board.getByTestId('umpire-select')).toHaveValue(UMPIRE);
  await screenshot(office.page, 'tournament-umpires-desktop');
  await office.page.setViewportSize(phone);
  await screenshot(office.page, 'tournament-umpires-phone');

  // ---- anyone follows the tournament's page, with no sign-in ----
  const visitor = await browser.newContext({ viewport: desktop });
  const pub = await visitor.newPage();
  await pub.goto(`/giai-dau/${CODE}`);
  const onPublic = pub.locator(`li[data-match="${matchId}"] [data-score]`).first();
  await expect(onPublic).toHaveText('');
  await pub.evaluate(() => {
    (window as unknown as { kept: boolean }).kept = true;
  });

  // ---- the umpire scores on a phone ----
  const umpire = await asUser(browser, 'demo.trongtai', phone);
  const up = umpire.page;
  await up.goto(`/tournaments/${t.id}?tab=matches`);
  await up.getByTestId('match-score-live').click();
  await expect(up.getByTestId('umpire-start')).toBeVisible();
  await screenshot(up, 'tournament-umpire-start-phone');
  await up.getByTestId('umpire-begin').click();
  await expect(up.getByTestId('umpire-server')).toBeVisible();
  for (const side of ['a', 'a', 'a', 'b', 'b']) await up.getByTestId(`umpire-point-${side}`).click();
  await up.getByTestId('umpire-undo').click();
  await expect(up.getByTestId('umpire-score-a')).toHaveText('3');
  await expect(up.getByTestId('umpire-score-b')).toHaveText('1');
  await expect(up.getByTestId('umpire-sync')).toHaveText('Đã gửi hết');
  await screenshot(up, 'tournament-umpire-phone');
  // The public page shows it without reloading.
  await expect(onPublic).toHaveText('3-1');
  expect(await pub.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);

  // ---- the connection drops: points are kept on the phone, even when the page is closed ----
  await umpire.context.setOffline(true);
  await up.getByTestId('umpire-point-a').click();
  await up.getByTestId('umpire-point-a').click();
  await expect(up.getByTestId('umpire-sync')).toContainText('2 điểm chờ gửi');
  await expect(up.getByTestId('umpire-score-a')).toHaveText('5');
  await screenshot(up, 'tournament-umpire-offline-phone');
  await up.getByTestId('umpire-point-b').click();
  await expect(up.getByTestId('umpire-sync')).toContainText('3 điểm chờ gửi');
  await up.close();
  await umpire.context.setOffline(false);
  // Reopened when the connection is back: what was kept is sent, once.
  const again = await umpire.context.newPage();
  await again.goto(`/tournaments/${t.id}/matches/${matchId}/score`);
  await expect(again.getByTestId('umpire-score-a')).toHaveText('5');
  await expect(again.getByTestId('umpire-score-b')).toHaveText('2');
  await expect(again.getByTestId('umpire-sync')).toHaveText('Đã gửi hết');
  await expect(onPublic).toHaveText('5-2');
  // Offline again, without closing: sent as soon as the connection returns.
  await umpire.context.setOffline(true);
  await again.getByTestId('umpire-point-a').click();
  await expect(again.getByTestId('umpire-sync')).toContainText('1 điểm chờ gửi');
  await umpire.context.setOffline(false);
  await expect(again.getByTestId('umpire-sync')).toHaveText('Đã gửi hết', { timeout: 15_000 });
  await expect(onPublic).toHaveText('6-2');
  const log = await api.get(`/api/tournaments/${t.id}/matches/${matchId}/rallies`);
  expect(log.ops.map((o: { seq: number }) => o.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(new Set(log.ops.map((o: { id: string }) => o.id)).size).toBe(11);
  expect(log.state.score).toEqual([6, 2]);

  // ---- the public page on a phone, the court board on a big screen, both without JavaScript too ----
  await screenshot(pub, 'tournament-public-desktop');
  await pub.setViewportSize(phone);
  await screenshot(pub, 'tournament-public-phone');
  await pub.goto(`/giai-dau/${CODE}/san`);
  await expect(pub.locator(`[data-match="${matchId}"] [data-point="0"]`)).toHaveText('6');
  await pub.setViewportSize({ width: 1600, height: 900 });
  await screenshot(pub, 'tournament-court-board-desktop');
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const plain = await noScript.newPage();
  await plain.goto(`/giai-dau/${CODE}`);
  await expect(plain.locator(`li[data-match="${matchId}"] [data-score]`).first()).toHaveText('6-2');
  await plain.goto('/giai-dau');
  await expect(plain.getByRole('link', { name: `Giải cầu lông trọng tài ${suffix}` })).toBeVisible();
  await screenshot(plain, 'tournament-public-list-phone');
  await noScript.close();
  await visitor.close();
  await api.ctx.dispose();
});
