import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { asUser, desktop, phone, screenshot } from './support.ts';
import { apiAs, isoFromNow, workersOf } from './api.ts';

/**
 * Groups then knockout as one event (issue 14) in the browser: the Office sets the event up with
 * two groups of three and two going on from each; the group matches are played; the last group
 * result, entered on a phone, draws the knockout, and the Office's draw tab shows the bracket
 * without reloading (group winners at the top and bottom lines). Each match card offers its score
 * sheet as a PDF.
 */
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const UNITS = ['Đảng bộ Công ty Cổ phần May Kiến Xương Xanh', 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng'];

test('groups then knockout: the last group result draws the knockout, live on the Office’s screen', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const baseURL = test.info().project.use.baseURL!;
  const api = await apiAs(baseURL, 'demo.vanphong');
  // Three workers of one gender from each of two units.
  const byUnit: { unitId: string; men: string[]; women: string[] }[] = [];
  for (const name of UNITS) {
    const { unitId, workers: current } = await workersOf(api, name);
    byUnit.push({
      unitId,
      men: current.filter((p) => p.gender === 'male').map((p) => p.id),
      women: current.filter((p) => p.gender === 'female').map((p) => p.id),
    });
  }
  const menEnough = byUnit.every((u) => u.men.length >= 3);
  const kind = menEnough ? 'MS' : 'WS';
  for (const u of byUnit)
    expect((menEnough ? u.men : u.women).length, 'three workers of one gender').toBeGreaterThanOrEqual(3);

  const t = await api.post('/api/tournaments', {
    code: `GK-${suffix}`,
    name: `Giải vòng bảng ${suffix}`,
    venue: 'Nhà thi đấu tỉnh',
    startsOn: isoFromNow(30),
    endsOn: isoFromNow(31),
    entryDeadline: isoFromNow(20),
    courts: [{ name: 'Sân 1', hours: [{ day: isoFromNow(30), from: '07:30', to: '17:30' }] }],
  });
  const ev = await api.post(`/api/tournaments/${t.id}/events`, {
    code: 'VB',
    name: menEnough ? 'Đơn nam' : 'Đơn nữ',
    kind,
    format: 'groups_knockout',
    groupCount: 2,
    qualifiersPerGroup: 2,
    entriesPerUnit: 3,
  });
  for (const u of byUnit)
    for (const id of (menEnough ? u.men : u.women).slice(0, 3))
      await api.post(`/api/tournaments/${t.id}/entries`, { eventId: ev.id, unitId: u.unitId, personIds: [id] });
  for (const e of (await api.get(`/api/tournaments/${t.id}/entries`)).items)
    await api.post(`/api/tournaments/${t.id}/entries/${e.id}/decision`, { decision: 'confirm' });
  const draw = await api.post(`/api/tournaments/${t.id}/events/${ev.id}/draw`, { randomSeed: `GK-${suffix}` });
  // The group matches on the court; the knockout will be put after them when it is drawn.
  await api.post(`/api/tournaments/${t.id}/order-of-play`, {});
  const order = new Map<string, number>();
  for (const g of draw.groups) for (const [i, e] of g.entries()) order.set(e.entryId, i);
  const groupMatches = draw.matches.filter((m: { stage: string }) => m.stage === 'group');
  expect(groupMatches).toHaveLength(6);
  const games = (aWins: boolean) =>
    aWins
      ? [
          [21, 12],
          [21, 14],
        ]
      : [
          [12, 21],
          [14, 21],
        ];
  const aWins = (m: { sides: { entryId: string }[] }) =>
    order.get(m.sides[0].entryId)! < order.get(m.sides[1].entryId)!;
  for (const m of groupMatches.slice(0, 5))
    await api.post(`/api/tournaments/${t.id}/matches/${m.id}/result`, { games: games(aWins(m)) });

  // ---- the Office watches the draw tab: the knockout is still to come ----
  const office = await asUser(browser, 'demo.vanphong', desktop);
  const page = office.page;
  await page.goto(`/tournaments/${t.id}?tab=draw`);
  await expect(page.getByTestId('draw-knockout-state')).toContainText('sẽ được bốc tự động');
  await expect(page.getByTestId('draw-algorithm')).toContainText('bản 1');
  await expect(page.getByTestId('draw-groups')).toBeVisible();
  await screenshot(page, 'tournament-groups-knockout-before-desktop');

  // ---- the last group result, on a phone; each match card offers its score sheet ----
  const umpire = await asUser(browser, 'demo.vanphong', phone);
  const up = umpire.page;
  await up.goto(`/tournaments/${t.id}?tab=matches`);
  const last = groupMatches[5];
  const card = up.locator(`[data-testid="match-card"][data-code="${last.code}"]`);
  const [sheet] = await Promise.all([up.waitForEvent('download'), card.getByTestId('match-score-sheet').click()]);
  expect(
    fs
      .readFileSync(await sheet.path())
      .subarray(0, 4)
      .toString(),
  ).toBe('%PDF');
  await card.getByTestId('match-record').click();
  const form = up.getByTestId('result-form');
  const g = games(aWins(last));
  await form.getByTestId('game-1-a').fill(String(g[0][0]));
  await form.getByTestId('game-1-b').fill(String(g[0][1]));
  await form.getByTestId('game-2-a').fill(String(g[1][0]));
  await form.getByTestId('game-2-b').fill(String(g[1][1]));
  await form.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(form).toHaveCount(0);
  // the knockout's first round appears among the matches
  await expect(up.getByRole('heading', { name: 'Bán kết' })).toBeVisible();
  await expect(up.getByTestId('match-card')).toHaveCount(9);
  await screenshot(up, 'tournament-groups-knockout-matches-phone');

  // ---- the Office's screen shows the knockout without reloading: group winners on the top and bottom lines ----
  await expect(page.getByTestId('draw-knockout-state')).toContainText('bốc từ kết quả vòng bảng');
  const winners = draw.groups.map((gr: { label: string }[]) => gr[0].label);
  await expect(page.getByTestId('draw-knockout-state')).toBeVisible();
  for (const w of winners) await expect(page.getByText(w).first()).toBeVisible();
  // The draw log names the groups kept apart, never the draw's own keys.
  const log = page.getByTestId('draw-log');
  await expect(log).toContainText('tách khỏi người cùng Bảng');
  await expect(log).not.toContainText('group-');
  await screenshot(page, 'tournament-groups-knockout-desktop');
  await page.setViewportSize(phone);
  await screenshot(page, 'tournament-groups-knockout-draw-phone');
  // The order of play shows the knockout's matches on the court, after the groups.
  await page.goto(`/tournaments/${t.id}?tab=order`);
  await expect(page.getByText('R1-1').first()).toBeVisible();
  const planned = (await api.get(`/api/tournaments/${t.id}/order-of-play`)).items as {
    code: string;
    start: string;
    end: string;
  }[];
  const groupsEnd = Math.max(...planned.filter((i) => i.code.startsWith('G')).map((i) => Date.parse(i.end)));
  const knockout = planned.filter((i) => i.code.startsWith('R'));
  expect(knockout).toHaveLength(3);
  for (const k of knockout) expect(Date.parse(k.start), `${k.code} after the groups`).toBeGreaterThanOrEqual(groupsEnd);
  await screenshot(page, 'tournament-groups-knockout-order-phone');
  await page.setViewportSize(desktop);
  await screenshot(page, 'tournament-groups-knockout-order-desktop');

  await umpire.context.close();
  await office.context.close();
  await api.ctx.dispose();
});
