import { expect, test } from '@playwright/test';
import { apiAs } from './api.ts';
import { asUser, desktop, expectNoHorizontalOverflow, phone, screenshot } from './support.ts';

/**
 * The festival's entry form and round set-up in the browser (issue 15): the demo grassroots
 * secretary (demo.coso) enters an act on a 390 px phone — a performer of the unit's own people, a
 * backing track uploaded whose length the phone and the server read from the file — and sees it
 * returned with the organisers' reason; the organisers (demo.vanphong) accept one act and return
 * another from their desktop, set up the exchange night (criteria, panel with a head judge,
 * method, tie-break, the order drawn by lot), then change the method and draw again. The public
 * pages are read with JavaScript off: nothing of the results before certification, the demo
 * festival's certified ranking and prizes after.
 */
const suffix = Date.now().toString(36).slice(-5).toUpperCase();

/** A real WAV: 8 kHz mono 16-bit, `seconds` of a quiet 440 Hz tone. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const n = rate * seconds;
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 3000), 44 + i * 2);
  return b;
}

test('a unit enters its acts on a phone; the organisers decide and set up the round; the public page keeps results secret until certified', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL!;
  const office = await apiAs(baseURL, 'demo.vanphong');
  const code = `LH-${suffix}`;
  const festival = await office.send('POST', '/api/festivals', { code, name: `Liên hoan Tiếng hát ${suffix}` }, 201);

  // ---- the unit enters an act with a backing track, on a phone ----
  const unit = await asUser(browser, 'demo.coso', phone);
  const up = unit.page;
  await up.goto(`/festivals/${festival.id}`);
  await up.getByTestId('enter-act').click();
  const form = up.getByTestId('festival-entry-form');
  await expect(form).toBeVisible();
  await form.getByTestId('entry-performer').click();
  await up.getByRole('option').first().click();
  await form.getByTestId('entry-song').fill('Tự nguyện');
  await form.getByTestId('entry-composer').fill('Trương Quốc Khánh');
  await form.getByTestId('entry-genre').fill('Ca khúc cách mạng');
  await form.getByText('Nhạc nền', { exact: true }).click();
  const chooser = up.waitForEvent('filechooser');
  await form.getByTestId('track-add').click();
  await (await chooser).setFiles({ name: 'Tự nguyện (beat).wav', mimeType: 'audio/wav', buffer: wav(12) });
  // The phone read the length from the file and put it in the declared duration.
  await expect(form.getByTestId('track-chosen')).toContainText('0:12');
  await expect(form.getByTestId('entry-seconds')).toHaveValue('12');
  await form.getByTestId('entry-minutes').fill('4');
  await screenshot(up, 'festival-entry-phone');
  await form.getByTestId('entry-submit').click();
  await expect(up.getByTestId('my-entry')).toHaveCount(1);
  await expect(up.getByTestId('my-entry')).toContainText('Chờ duyệt');
  await expect(up.getByTestId('my-entry')).toContainText('nhạc nền 0:12');
  // The server read the same length from the stored file.
  const entries = (await office.get(`/api/festivals/${festival.id}/entries`)).items;
  expect(entries.map((e: { trackSeconds: number | null }) => e.trackSeconds)).toEqual([12]);

  // A second act, live, sent from the same form.
  await form.getByTestId('entry-performer').click();
  await up.getByRole('option').nth(1).click();
  await form.getByTestId('entry-song').fill('Khát vọng tuổi trẻ');
  await form.getByTestId('entry-composer').fill('Vũ Hoàng');
  await form.getByText('Nhạc sống', { exact: true }).click();
  await form.getByTestId('entry-submit').click();
  await expect(up.getByTestId('my-entry')).toHaveCount(2);
  await expectNoHorizontalOverflow(up);

  // ---- the organisers accept one and return the other with a reason ----
  const organiser = await asUser(browser, 'demo.vanphong', desktop);
  const op = organiser.page;
  await op.goto(`/festivals/${festival.id}`);
  const rows = op.getByTestId('festival-entry');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Tự nguyện' }).getByTestId('entry-track')).toContainText('0:12');
  await rows.filter({ hasText: 'Tự nguyện' }).getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(rows.filter({ hasText: 'Tự nguyện' })).toContainText('Đã chấp nhận');
  const other = rows.filter({ hasText: 'Khát vọng tuổi trẻ' });
  await other.getByPlaceholder('Lý do trả lại').fill('Đơn vị đã có một tiết mục đơn ca; đề nghị chọn tốp ca.');
  await other.getByRole('button', { name: 'Trả lại' }).click();
  await expect(other).toContainText('Trả lại');
  await screenshot(op, 'festival-entries-desktop');
  // The unit's phone hears it live: the reason is there without reloading.
  await expect(up.getByTestId('return-reason')).toContainText('đề nghị chọn tốp ca');
  await screenshot(up, 'festival-entry-returned-phone');

  // ---- the organisers set up the exchange night ----
  await op.getByTestId('new-round').click();
  await op.getByTestId('round-name').fill(`Đêm giao lưu ${suffix}`);
  await op.getByTestId('round-date').fill('19/08/2019');
  await op.getByTestId('round-venue').fill('Cung Văn hóa Lao động tỉnh Thái Bình');
  await expect(op.getByTestId('criterion-row')).toHaveCount(4);
  await expect(op.getByTestId('weight-total')).toHaveText('Tổng trọng số: 100');
  await op.getByTestId('method-median').check();
  await op.getByTestId('tie-break').focus();
  await op.keyboard.type('Giọng');
  await op.getByRole('option', { name: 'Giọng hát' }).click();
  await op.keyboard.press('Escape');
  const judgeRows = op.getByTestId('judge-row');
  await judgeRows.first().getByTestId('judge-account').click();
  await op.getByRole('option', { name: 'Ngô Thị Phương Thảo' }).click();
  await expect(judgeRows.first().getByTestId('judge-name')).toHaveValue('Ngô Thị Phương Thảo');
  await op.getByTestId('add-judge').click();
  await judgeRows.nth(1).getByTestId('judge-name').fill('Nghệ sĩ Ưu tú Trần Minh');
  await op.getByTestId('round-seed').fill(`BOC-THAM-${suffix}`);
  await screenshot(op, 'festival-round-setup-desktop');
  await op.getByTestId('round-save').click();
  await expect(op).toHaveURL(/\/festival-rounds\/[0-9a-f-]+$/);
  const roundId = op.url().split('/').pop()!;
  const made = await office.get(`/api/festival-rounds/${roundId}`);
  expect(made).toMatchObject({
    kind: 'exchange',
    heldOn: '2019-08-19',
    method: 'median',
    tieBreak: ['giong-hat'],
    orderSeed: `BOC-THAM-${suffix}`,
  });
  expect(made.criteria.map((c: { name: string; weight: number }) => [c.name, c.weight])).toEqual([
    ['Giọng hát', 40],
    ['Biểu diễn', 30],
    ['Chọn bài', 15],
    ['Trang phục', 15],
  ]);
  expect(
    made.judges.map((j: { name: string; head: boolean; userId: string | null }) => [j.name, j.head, !!j.userId]),
  ).toEqual([
    ['Ngô Thị Phương Thảo', true, true],
    ['Nghệ sĩ Ưu tú Trần Minh', false, false],
  ]);
  expect(made.order).toHaveLength(1); // only the accepted act

  // ---- before the first lock: the method changes and the order is drawn again ----
  await op.getByTestId('round-setup').click();
  await expect(op.getByTestId('order-card')).toContainText(`BOC-THAM-${suffix}`);
  await op.getByTestId('order-seed').fill(`LAN-HAI-${suffix}`);
  await op.getByTestId('order-draw').click();
  await expect(op.getByTestId('order-card')).toContainText(`LAN-HAI-${suffix}`);
  await op.getByTestId('method-zscore').check();
  await screenshot(op, 'festival-round-edit-desktop');
  await op.getByTestId('round-save').click();
  await expect(op).toHaveURL(/\/festival-rounds\/[0-9a-f-]+$/);
  expect((await office.get(`/api/festival-rounds/${roundId}`)).method).toBe('zscore');

  // The set-up screen on a phone.
  const office390 = await asUser(browser, 'demo.vanphong', phone);
  await office390.page.goto(`/festival-rounds/${roundId}/setup`);
  await expect(office390.page.getByTestId('round-save')).toBeVisible();
  await expect(office390.page.getByTestId('judge-row')).toHaveCount(2);
  await screenshot(office390.page, 'festival-round-setup-phone');

  // ---- the public pages, without JavaScript ----
  const reader = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const pp = await reader.newPage();
  const res = await pp.goto(`/hoi-dien/${code}`);
  expect(res?.status()).toBe(200);
  await expect(pp).toHaveTitle(`Liên hoan Tiếng hát ${suffix} – Đảng bộ khối Doanh nghiệp tỉnh Thái Bình`);
  await expect(pp.getByText('Kết quả được công bố sau khi Trưởng ban giám khảo chứng nhận.').first()).toBeVisible();
  await expect(pp.locator('[data-results]')).toHaveCount(0);
  await expect(pp.getByText('Tự nguyện')).toBeVisible();
  await expect(pp.getByText('Khát vọng tuổi trẻ')).toHaveCount(0); // returned: not public
  await pp.goto('/hoi-dien/LHTH2019');
  await expect(pp.locator('[data-results] tbody tr')).toHaveCount(8);
  await expect(pp.locator('[data-results]')).toContainText('Giải A');
  await expect(pp.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/hoi-dien\/LHTH2019$/);
  await expect(pp.locator('meta[property="og:title"]')).toHaveAttribute('content', /Liên hoan/);
  const ld = JSON.parse((await pp.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld).toMatchObject({ '@type': 'Event', startDate: '2019-08-19' });
  await screenshot(pp, 'festival-public-phone');
  await pp.setViewportSize(desktop);
  await screenshot(pp, 'festival-public-desktop');
  await pp.goto('/hoi-dien');
  await expect(pp.getByRole('link', { name: `Liên hoan Tiếng hát ${suffix}` })).toBeVisible();
  await screenshot(pp, 'festivals-public-desktop');

  for (const c of [unit, organiser, office390]) await c.context.close();
  await reader.close();
  await office.ctx.dispose();
});

test('a closed round’s set-up reads as it was judged: the acts in order, the criteria and weights, the panel, the link to the results', async ({
  browser,
}) => {
  const baseURL = test.info().project.use.baseURL!;
  const office = await apiAs(baseURL, 'demo.vanphong');
  const festivals = await office.get('/api/festivals');
  const demo = festivals.items.find((f: { code: string }) => f.code === 'LHTH2019');
  const round = await office.get(`/api/festival-rounds/${demo.rounds[0].id}`);
  expect(round.status).toBe('certified');

  for (const [viewport, name] of [
    [desktop, 'desktop'],
    [phone, 'phone'],
  ] as const) {
    const organiser = await asUser(browser, 'demo.vanphong', viewport);
    const op = organiser.page;
    await op.goto(`/festival-rounds/${round.id}/setup`);
    await expect(op.getByTestId('setup-closed-notice')).toContainText('Vòng thi đã khép');
    // the acts in their performance order, each criterion with its weight, every judge: nothing to edit
    const order = op.getByTestId('order-list');
    for (const slot of round.order as { position: number; song: string }[])
      await expect(order).toContainText(`${slot.position}. ${slot.song}`);
    await expect(op.getByTestId('criterion-row')).toHaveCount(round.criteria.length);
    for (const c of round.criteria as { name: string; weight: number }[])
      await expect(op.getByTestId('criterion-row').filter({ hasText: c.name })).toContainText(String(c.weight));
    await expect(op.getByTestId('judge-row')).toHaveCount(round.judges.length);
    await expect(op.getByTestId('panel-card')).toContainText('Trưởng ban');
    await expect(op.getByTestId('round-save')).toHaveCount(0);
    await expect(op.getByTestId('order-draw')).toHaveCount(0);
    await expect(op.locator('input:not([disabled])')).toHaveCount(0);
    await expectNoHorizontalOverflow(op);
    await screenshot(op, `festival-round-setup-closed-${name}`);
    // the results, one step away
    await op.getByTestId('setup-results-link').click();
    await expect(op).toHaveURL(new RegExp(`/festival-rounds/${round.id}$`));
    await expect(op.getByTestId('round-status')).toHaveAttribute('data-status', 'certified');
    await organiser.context.close();
  }
  await office.ctx.dispose();
});
