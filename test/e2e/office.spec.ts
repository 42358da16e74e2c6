import { expect, test } from '@playwright/test';
import { asUser, desktop, openNav, phone, screenshot } from './support.ts';

/**
 * The office network in the browser (issue 18): the Office numbers a document and sends it to
 * three grassroots units found from its "Nơi nhận" lines; a grassroots secretary opens the unit's
 * inbox on a phone and acknowledges receipt; the Office's receipt board shows it without reloading.
 */
const UNITS = [
  'Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà',
  'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh', // demo.coso's unit (CS02)
  'Chi bộ Công ty TNHH Giày Hoa Lư Việt Nam',
];
const SUMMARY = `V/v báo cáo kết quả đợt thi đua cao điểm ${Date.now().toString(36).slice(-5)}`;

test('the Office issues a document to three units; a secretary acknowledges it on a phone; the board follows live', async ({
  browser,
}) => {
  const office = await asUser(browser, 'demo.vanphong', desktop);
  const p = office.page;
  await openNav(p, 'Văn bản đi', 'desktop');
  await expect(p.getByTestId('office-outgoing')).toContainText('01-KH/ĐUK'); // the seed's plan, issued by the demo
  await screenshot(p, 'office-outgoing-desktop');

  await p.getByTestId('office-issue').click();
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('Ngày ban hành').fill('15/07/2019');
  await dialog.getByTestId('office-summary').fill(SUMMARY);
  await dialog.getByTestId('office-signer').fill('Trần Hữu Nam');
  await dialog.getByTestId('office-recipients').fill([...UNITS.map((u) => `- ${u};`), '- Lưu: Văn phòng.'].join('\n'));
  await dialog.getByTestId('office-resolve').click();
  const resolved = dialog.getByTestId('office-resolved');
  for (const u of UNITS) await expect(resolved.getByRole('checkbox', { name: u })).toBeChecked();
  await expect(resolved).toContainText('Sẽ gửi tới 3 đơn vị');
  await screenshot(p, 'office-issue-desktop');
  await dialog.getByRole('button', { name: 'Cấp số và gửi' }).click();

  await expect(p).toHaveURL(/\/office\/outgoing\/[0-9a-f-]+$/);
  await expect(p.getByTestId('office-board-row')).toHaveCount(3);
  await expect(p.getByTestId('office-board-count')).toHaveText('0/3 đơn vị đã nhận');
  const title = await p.getByRole('heading', { level: 1 }).or(p.locator('h2').first()).first().textContent();
  const symbol = /(\d+-CV\/ĐUK)/.exec(title ?? '')?.[1];
  expect(symbol, `the board's title: ${title}`).toBeTruthy();

  // the secretary, on a phone
  const secretary = await asUser(browser, 'demo.coso', phone);
  const s = secretary.page;
  await openNav(s, 'Hộp thư đơn vị', 'phone');
  const item = s.locator(`[data-testid="office-inbox-item"][data-symbol="${symbol}"]`);
  await expect(item).toContainText(SUMMARY);
  // only what was sent to the unit: the seed plan went to the grassroots units too, nothing else
  for (const other of await s.getByTestId('office-inbox-item').all())
    expect(await other.getAttribute('data-symbol')).toMatch(/-(CV|KH)\/ĐUK$/);
  await screenshot(s, 'office-inbox-phone');
  await item.getByTestId('office-inbox-ack').click();
  await expect(item).toContainText('Đã nhận');
  await screenshot(s, 'office-inbox-acknowledged-phone');

  // the Office's board, never reloaded, shows the unit's acknowledgement
  const row = p.locator(`[data-testid="office-board-row"][data-unit="${UNITS[1]}"]`);
  await expect(row.getByTestId('office-board-ack')).not.toContainText('Chưa xác nhận', { timeout: 15_000 });
  await expect(p.getByTestId('office-board-count')).toHaveText('1/3 đơn vị đã nhận');
  await screenshot(p, 'office-board-desktop');

  // the incoming register with its assignments, and the board on a phone
  await openNav(p, 'Văn bản đến', 'desktop');
  await expect(p.getByTestId('office-incoming')).toContainText('Quá hạn');
  await screenshot(p, 'office-incoming-desktop');
  await p.setViewportSize(phone);
  await screenshot(p, 'office-incoming-phone');

  await secretary.context.close();
  await office.context.close();
});
