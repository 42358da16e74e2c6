import { expect, test } from '@playwright/test';
import { asUser, desktop, phone, screenshot } from './support.ts';

/**
 * The festival's papers from the round page of the demo's certified exchange night: the head
 * judge has the blank and filled sheets, the minutes and the decision, not the certificates; the
 * organisers have the certificates too; the decision downloads from its button.
 */
test('the head judge and the organisers download the round’s papers from its page', async ({ browser }) => {
  test.setTimeout(180_000);
  const judge = await asUser(browser, 'demo.giamkhao', desktop);
  const list = (await (await judge.page.request.get('/api/festivals')).json()) as {
    items: { name: string; rounds: { id: string }[] }[];
  };
  const roundId = list.items.find((f) => f.name.startsWith('Liên hoan Tiếng hát'))!.rounds[0].id;
  await judge.page.goto(`/festival-rounds/${roundId}`);
  const card = judge.page.getByTestId('round-documents');
  await expect(card).toBeVisible();
  for (const id of ['sheets-blank', 'sheets-filled', 'minutes-docx', 'minutes-pdf', 'decision-docx', 'decision-pdf'])
    await expect(card.getByTestId(`download-${id}`)).toBeVisible();
  await expect(card.getByTestId('download-certificates')).toHaveCount(0);
  const [file] = await Promise.all([
    judge.page.waitForEvent('download'),
    card.getByTestId('download-decision-pdf').click(),
  ]);
  expect(file.suggestedFilename()).toBe('quyet-dinh-trao-giai.pdf');
  await card.scrollIntoViewIfNeeded();
  await screenshot(judge.page, 'festival-docs-head-desktop');
  await judge.context.close();

  const office = await asUser(browser, 'demo.vanphong', phone);
  await office.page.goto(`/festival-rounds/${roundId}`);
  await expect(office.page.getByTestId('download-certificates')).toBeVisible();
  await screenshot(office.page, 'festival-docs-organiser-phone');
  await office.context.close();
});
