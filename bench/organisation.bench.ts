// Organisation: 10,000 units in a four-level tree on SQLite. Times searching (`GET /api/units?q=`)
// against listing one page (`GET /api/units?parentId=`) in the same run, through the whole HTTP
// stack in-process, and prints `bench organisation-search: <search ms / list ms>`.
// Run: node --import tsx bench/organisation.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { startPlatform, stopPlatform } from '../src/server/platform/platform.ts';
import { createLogger } from '../src/server/platform/logging/logger.ts';
import { createApp } from '../src/server/app.ts';
import { insertUser } from '../src/server/platform/auth/users.ts';
import { systemActor } from '../src/server/platform/audit/record.ts';
import { insertUnit } from '../src/server/modules/organisation/units.ts';
import type { UnitKind } from '../src/server/modules/organisation/kinds.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-bench-org-'));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', KYNIEM_PASSWORD_COST: '10' });
const platform = await startPlatform(config, { logger: createLogger('silent') });
const app = createApp(platform, { webDir: null });

const places = [
  'Thái Bình',
  'Đông Hưng',
  'Tiền Hải',
  'Kiến Xương',
  'Vũ Thư',
  'Hưng Hà',
  'Quỳnh Phụ',
  'Thái Thụy',
  'Diêm Điền',
  'Trà Lý',
  'Kỳ Bá',
  'Phúc Khánh',
];
const trades = [
  'May',
  'Cơ khí',
  'Xây dựng',
  'Thực phẩm',
  'Vận tải',
  'Gốm sứ',
  'Điện tử',
  'Thương mại',
  'Môi trường',
  'Viễn thông',
  'Dệt',
  'Giày',
];
const forms = ['Công ty Cổ phần', 'Công ty TNHH', 'Công ty TNHH MTV', 'Hợp tác xã'];
const name = (i: number) =>
  `${forms[i % forms.length]} ${trades[(i >> 2) % trades.length]} ${places[(i * 7) % places.length]} ${i}`;

// 1 bloc → 20 → 400 → 9,579: 10,000 units.
const started = performance.now();
const now = new Date();
let made = 0;
await platform.db.transaction().execute(async (tx) => {
  const add = async (kind: UnitKind, unitName: string, parentId: string | null) => {
    made++;
    return (await insertUnit(tx, { code: `U${made}`, kind, name: unitName, parentId, validFrom: '2004-09-06' }, now))
      .id;
  };
  const root = await add('bloc', 'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình', null);
  const level1: string[] = [];
  for (let i = 0; i < 20; i++) level1.push(await add('grassroots_committee', `Đảng bộ ${name(i)}`, root));
  const level2: string[] = [];
  for (let i = 0; i < 400; i++) level2.push(await add('sub_cell', `Chi bộ ${name(1000 + i)}`, level1[i % 20]));
  for (let i = 0; made < 10_000; i++) await add('enterprise', name(5000 + i), level2[i % 400]);
});
const loadSeconds = (performance.now() - started) / 1000;

await platform.db.transaction().execute((tx) =>
  insertUser(
    tx,
    platform.passwords,
    {
      username: 'bench',
      displayName: 'Bench',
      password: 'bench-password',
      grants: [{ role: 'viewer', unitId: null }],
    },
    systemActor('bench'),
    new Date(),
  ),
);
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0];
const rootId = (await platform.db.selectFrom('units').select('id').where('code', '=', 'U1').executeTakeFirstOrThrow())
  .id;

async function time(url: string, runs = 60) {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < runs + 5; i++) {
    const t = performance.now();
    const res = await app.request(url, { headers: { cookie } });
    const body = (await res.json()) as { total: number };
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 5) samples.push(performance.now() - t);
    total = body.total;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.floor(samples.length * 0.95)], total };
}

const list = await time(`/api/units?parentId=${rootId}&page=1&pageSize=50`);
const listAll = await time('/api/units?page=1&pageSize=50');
const search = await time(`/api/units?q=${encodeURIComponent('co khi dong hung')}&page=1&pageSize=50`);
const searchRare = await time(`/api/units?q=${encodeURIComponent('tien hai 7777')}&page=1&pageSize=50`);

const fmt = (r: { median: number; p95: number; total: number }) =>
  `median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, ${r.total} matches`;
console.log(`organisation: ${made} units loaded in ${loadSeconds.toFixed(1)} s (SQLite)`);
console.log(`  list one page of a unit's children   ${fmt(list)}`);
console.log(`  list one page of the whole registry  ${fmt(listAll)}`);
console.log(`  search q="co khi dong hung"          ${fmt(search)}`);
console.log(`  search q="tien hai 7777"             ${fmt(searchRare)}`);
console.log(`bench organisation-search: ${(search.median / list.median).toFixed(2)}`);

await stopPlatform(platform);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
