// Plans: the dashboard by unit (`GET /api/plans/{id}/dashboard/units`, one page of 50 units with
// what each owes and what is late) on a plan whose three activities go to every grassroots unit,
// with 200 and with 10,000 grassroots units, in the same run, through the whole HTTP stack on
// SQLite. Prints `bench plans-dashboard: <10,000-unit ms / 200-unit ms>`.
// Run: node --import tsx bench/plans-dashboard.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { startPlatform, stopPlatform, type Platform } from '../src/server/platform/platform.ts';
import { createLogger } from '../src/server/platform/logging/logger.ts';
import { createApp } from '../src/server/app.ts';
import { insertUser } from '../src/server/platform/auth/users.ts';
import { systemActor } from '../src/server/platform/audit/record.ts';
import { insertUnit } from '../src/server/modules/organisation/units.ts';
import { systemCaller } from '../src/server/modules/organisation/access.ts';
import { createPlan } from '../src/server/modules/plans/plans.ts';
import { addReport } from '../src/server/modules/plans/progress.ts';
import { createPlanInput } from '../src/server/modules/plans/schema.ts';

async function setUp(units: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kyniem-bench-plans-${units}-`));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', KYNIEM_PASSWORD_COST: '10' });
  let now = new Date('2019-06-10T03:00:00Z');
  const platform: Platform = await startPlatform(config, { logger: createLogger('silent'), clock: () => now });
  const app = createApp(platform, { webDir: null });
  const ids: string[] = [];
  const boards: string[] = [];
  await platform.db.transaction().execute(async (tx) => {
    const root = (
      await insertUnit(
        tx,
        { code: 'DBK', kind: 'bloc', name: 'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình', validFrom: '2004-09-06' },
        now,
      )
    ).id;
    for (let i = 0; i < 5; i++)
      boards.push(
        (
          await insertUnit(
            tx,
            { code: `B${i}`, kind: 'board', name: `Ban ${i}`, parentId: root, validFrom: '2004-09-06' },
            now,
          )
        ).id,
      );
    for (let i = 0; i < units; i++) {
      ids.push(
        (
          await insertUnit(
            tx,
            {
              code: `CS${i}`,
              kind: i % 2 ? 'grassroots_cell' : 'grassroots_committee',
              name: `Đảng bộ Công ty số ${i}`,
              parentId: root,
              validFrom: '2004-09-06',
            },
            now,
          )
        ).id,
      );
    }
  });
  const activities = Array.from({ length: 30 }, (_, i) => ({
    ref: `A${i + 1}`,
    section: `II.${(i % 4) + 1}`,
    title: `Nhiệm vụ ${i + 1}`,
    leadUnitIds: i < 3 ? ids : [boards[i % 5]],
    coordinatingUnitIds: i < 3 ? [] : [boards[(i + 1) % 5]],
    start: '2019-06-15',
    due: i % 2 ? '2019-07-30' : '2019-08-30',
  }));
  const plan = await createPlan(
    platform,
    systemCaller('bench'),
    createPlanInput.parse({ header: { title: 'Kế hoạch thử', date: '2019-06-10' }, activities }),
  );
  const first = (
    await platform.db
      .selectFrom('plan_activities')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('ref', '=', 'A1')
      .executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < Math.min(units, 100); i++)
    await addReport(platform, systemCaller('bench'), first, {
      text: 'Xong',
      percent: 100,
      doneOn: '2019-06-10',
      unitId: ids[i],
      figure: null,
    });
  now = new Date('2019-08-01T03:00:00Z');
  await platform.db.transaction().execute((tx) =>
    insertUser(
      tx,
      platform.passwords,
      {
        username: 'bench',
        displayName: 'Bench',
        password: 'bench-password',
        grants: [{ role: 'bloc_leader', unitId: null }],
      },
      systemActor('bench'),
      now,
    ),
  );
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return { platform, app, cookie, planId: plan.id, dir };
}

async function time(env: Awaited<ReturnType<typeof setUp>>, url: string, runs = 40) {
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t = performance.now();
    const res = await env.app.request(url, { headers: { cookie: env.cookie } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    if (body.items.length === 0) throw new Error(`${url}: empty page`);
    if (i >= 5) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const small = await setUp(200);
const large = await setUp(10_000);
const results: Record<string, number> = {};
for (const [label, env] of [
  ['200', small],
  ['10000', large],
] as const) {
  results[`${label} units, page 1`] = await time(env, `/api/plans/${env.planId}/dashboard/units?page=1&pageSize=50`);
  results[`${label} units, page 3`] = await time(env, `/api/plans/${env.planId}/dashboard/units?page=3&pageSize=50`);
  results[`${label} units, late only`] = await time(
    env,
    `/api/plans/${env.planId}/dashboard/units?lateOnly=1&pageSize=50`,
  );
}
for (const [k, v] of Object.entries(results)) console.log(`  ${k}: ${v.toFixed(2)} ms (median)`);
const ratio = results['10000 units, page 1'] / results['200 units, page 1'];
console.log(`bench plans-dashboard: ${ratio.toFixed(2)}`);
for (const env of [small, large]) {
  await stopPlatform(env.platform);
  fs.rmSync(env.dir, { recursive: true, force: true });
}
