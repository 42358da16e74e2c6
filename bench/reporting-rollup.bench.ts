// Reporting (ADR 11): the live totals against the plain GROUP BY over the raw values, at national
// scale, on SQLite and on PostgreSQL in the same run.
//
// Per database: a fresh database with 10,000 units in four levels (1 → 10 → 100 → 9,889), 50
// indicators (sum, average, a few `last`), one monthly template and, for 2019-01 … 2019-12, one
// submitted report per grassroots unit per month (≈ 6 million values), written with set-based
// INSERT … SELECT; `report_totals` built once with set-based SQL to what the live path keeps,
// checked against `subtreeTotalsFromValues` on a sample (the run stops if they differ); then
// ANALYZE on both databases (the SQLite GROUP BY plan without it is printed). A few
// hundred December reports are left out of the bulk load and arrive later through `saveReport`
// and `withLiveTotals` (timed against inserting the same 50 raw rows), after which the sample is
// checked again. Then "these 10 indicators, this unit's subtree, this range" is asked through
// `subtreeTotals` and through `subtreeTotalsFromValues`, interleaved, for the root, provinces,
// districts and grassroots units and a month, a quarter, Feb–Aug and the year.
//
// Prints per database `bench reporting-rollup [db]: <median of GROUP BY ms / live ms>x`,
// `bench reporting-submit [db]: <live submit ms / raw insert ms>x`, and at the end
// `bench reporting-rollup: <the smaller speed-up>x`.
//
// Run: node --import tsx bench/reporting-rollup.bench.ts [--scale=0.1] [--db=sqlite|postgres] [--by-group]
//        [--seconds=30 (timing budget of the read mix per database; at least 3 rounds)] [--submits=60]
// PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (skipped when unreachable).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { openDatabase, type DatabaseHandle, type DialectName } from '../src/server/platform/db/database.ts';
import type { Database } from '../src/server/platform/db/tables.ts';
import { newId } from '../src/server/platform/db/ids.ts';
import { startPlatform, stopPlatform, type Platform } from '../src/server/platform/platform.ts';
import { createLogger } from '../src/server/platform/logging/logger.ts';
import { unitSearchFields } from '../src/server/modules/organisation/repo.ts';
import { systemCaller } from '../src/server/modules/organisation/access.ts';
import { createIndicator } from '../src/server/modules/reporting/indicators.ts';
import { createTemplate } from '../src/server/modules/reporting/templates.ts';
import { saveReport, scopeOf } from '../src/server/modules/reporting/submissions.ts';
import { decompose } from '../src/server/modules/reporting/periods.ts';
import {
  groupSetTotals,
  subtreeTotals,
  subtreeTotalsFromValues,
  withLiveTotals,
  type TotalLine,
  type TotalsScope,
} from '../src/server/modules/reporting/totals.ts';
import { indicatorInput, templateInput } from '../src/server/modules/reporting/schema.ts';
import { monthsOf, periodsBetween, parentsOf } from '../src/common/periods.ts';

// ---------------------------------------------------------------------------------------------
// Options and shape

const option = (name: string, fallback: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3) ?? fallback;
const scale = Number(option('scale', '1'));
const onlyDb = option('db', 'both');
const budgetSeconds = Number(option('seconds', '30'));
const submitsWanted = Number(option('submits', '60'));
// --by-group: also the breakdown by a group set (its GROUP BY reference can take minutes on SQLite at full scale)
const withByGroup = process.argv.includes('--by-group');
if (!(scale > 0 && scale <= 2)) throw new Error(`--scale must be in (0, 2]: ${option('scale', '1')}`);
if (!['both', 'sqlite', 'postgres'].includes(onlyDb)) throw new Error(`--db must be sqlite or postgres: ${onlyDb}`);
if (!(budgetSeconds > 0) || !(submitsWanted >= 5)) throw new Error('--seconds must be > 0 and --submits at least 5');

const UNITS = Math.max(40, Math.round(10_000 * scale));
const PROVINCES = Math.max(2, Math.round(10 * Math.sqrt(scale)));
const DISTRICTS = Math.max(PROVINCES * 2, Math.round(100 * Math.sqrt(scale)));
const LEAVES = UNITS - 1 - PROVINCES - DISTRICTS;
const INDICATORS = 50;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, '0')}`);
const WARMUP_SUBMITS = 3;
const SUBMITS = Math.max(5, Math.min(submitsWanted, Math.floor(LEAVES / 4 / 3) - WARMUP_SUBMITS));
const WITHHELD = 3 * (SUBMITS + WARMUP_SUBMITS); // grassroots units whose December report arrives through the live path
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Indicator k (1…50): every tenth is `last` (a head count), k ≡ 3, 7 (mod 10) `average` (a percentage), the rest `sum`. */
type Agg = 'sum' | 'average' | 'last';
const aggOf = (k: number): Agg => (k % 10 === 0 ? 'last' : k % 10 === 3 || k % 10 === 7 ? 'average' : 'sum');
const kindCode = { sum: 0, average: 1, last: 2 } as const;
/** The value grassroots unit n reports for indicator k in month m; the SQL below computes the same. */
function valueOf(n: number, k: number, m: number): number {
  const h = n * 7919 + k * 104729 + m * 1299709;
  const agg = aggOf(k);
  return agg === 'average' ? 50 + (h % 101) / 2 : agg === 'last' ? 20 + (h % 300) : h % 50;
}
const valueSql = (m: number) => {
  const h = sql`(b.no * 7919 + i.no * 104729 + ${sql.lit(m)} * 1299709)`;
  return sql`case i.kind when 1 then 50 + (${h} % 101) / 2.0 when 2 then 20 + (${h} % 300) else ${h} % 50 end`;
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const ms = (t: number) => performance.now() - t;
const fmtMs = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const fmtN = (n: number) => n.toLocaleString('en-US');
const log = (line: string) => console.log(line);
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const median = (values: number[]) => percentile(values, 0.5);
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function table(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) =>
    `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [line(headers), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}
let seed = 20191231;
const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// A fresh database of each kind

type Opened = { handle: DatabaseHandle; where: string; cleanup: () => Promise<void> };

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

async function openFresh(kind: DialectName): Promise<Opened> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-bench-rollup-'));
    const file = path.join(dir, 'kyniem.db');
    const handle = await openDatabase({ kind: 'sqlite', file });
    return { handle, where: file, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_rollup_${randomBytes(5).toString('hex')}`;
  const handle = await openDatabase({ kind: 'postgres', url: postgresUrl, schema, poolSize: 4 });
  return {
    handle,
    where: `schema ${schema}`,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The dataset

type Unit = {
  id: string;
  parentId: string | null;
  depth: number;
  level: 'root' | 'province' | 'district' | 'grassroots';
  ancestors: string[];
  no: number;
};
type Dataset = {
  templateId: string;
  scope: TotalsScope;
  indicatorIds: string[];
  root: Unit;
  provinces: Unit[];
  districts: Unit[];
  leaves: Unit[];
  byId: Map<string, Unit>;
  pools: { raw: Unit[]; live: Unit[]; save: Unit[] };
  seconds: number;
  counts: { values: number; totals: number; submissions: number };
  size: string;
};

const SUBMITTED_AT = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { at: `${next}-03T02:00:00.000Z`, on: `${next}-03` };
};

async function generate(platform: Platform, kind: DialectName, tag: string): Promise<Dataset> {
  const db = platform.db;
  const anyDb = db as unknown as Kysely<any>;
  const started = performance.now();
  let lastPrint = 0;
  const progress = (what: string, force = true) => {
    if (!force && performance.now() - lastPrint < 5000) return;
    lastPrint = performance.now();
    log(`  [${tag}] ${what} (${(ms(started) / 1000).toFixed(1)} s)`);
  };
  const sqlite = platform.database.sqlite;
  const sqliteDefaults = sqlite
    ? { cache: sqlite.pragma('cache_size', { simple: true }), sync: sqlite.pragma('synchronous', { simple: true }) }
    : null;
  if (sqlite) {
    // loading only: a page cache the size of the data (the build reads the values unit by unit,
    // and they lie month by month) and no fsync; the app's settings are back before anything is timed
    sqlite.pragma('cache_size = -3000000');
    sqlite.pragma('synchronous = OFF');
  }

  // Units: root → provinces → districts → grassroots, in registry order (a district's units
  // together, as an import creates them)
  const now = new Date();
  const at = now.toISOString();
  const units: Unit[] = [];
  const byIdAll = new Map<string, Unit>();
  const unitRows: Database['units'][] = [];
  const places = [
    'Hà Nội',
    'Hải Phòng',
    'Thái Bình',
    'Nghệ An',
    'Đà Nẵng',
    'Khánh Hòa',
    'Đắk Lắk',
    'TP Hồ Chí Minh',
    'Cần Thơ',
    'Cà Mau',
    'Lào Cai',
    'Quảng Ninh',
  ];
  const make = (
    code: string,
    unitKind: string,
    name: string,
    parent: Unit | null,
    level: Unit['level'],
    no = 0,
  ): Unit => {
    const u: Unit = {
      id: newId(),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      level,
      ancestors: parent ? [...parent.ancestors, parent.id] : [],
      no,
    };
    units.push(u);
    byIdAll.set(u.id, u);
    unitRows.push({
      id: u.id,
      code,
      kind: unitKind,
      name,
      short_name: null,
      ...unitSearchFields(name, null, code),
      parent_id: u.parentId,
      depth: u.depth,
      position: 0,
      address: null,
      phone: null,
      email: null,
      website: null,
      tax_code: null,
      workers: null,
      note: null,
      valid_from: '2004-09-06',
      valid_to: null,
      is_demo: 0,
      created_at: at,
      updated_at: at,
    });
    return u;
  };
  const root = make('TW', 'bloc', 'Đảng bộ Khối toàn quốc', null, 'root');
  const provinces = Array.from({ length: PROVINCES }, (_, i) =>
    make(`T${i + 1}`, 'agency', `Đảng bộ ${places[i % places.length]} ${i + 1}`, root, 'province'),
  );
  const districts = Array.from({ length: DISTRICTS }, (_, i) =>
    make(
      `H${i + 1}`,
      'board',
      `Đảng bộ huyện số ${i + 1}`,
      provinces[Math.floor((i * PROVINCES) / DISTRICTS)],
      'district',
    ),
  );
  const leaves = Array.from({ length: LEAVES }, (_, i) =>
    make(
      `CS${i + 1}`,
      i % 2 ? 'grassroots_cell' : 'grassroots_committee',
      `${i % 2 ? 'Chi bộ' : 'Đảng bộ'} Công ty số ${i + 1}`,
      districts[Math.floor((i * DISTRICTS) / LEAVES)],
      'grassroots',
      i + 1,
    ),
  );
  await db.transaction().execute(async (tx) => {
    for (const c of chunks(unitRows, 400)) await tx.insertInto('units').values(c).execute();
    const closure = units.flatMap((u) =>
      [u.id, ...[...u.ancestors].reverse()].map((a, d) => ({ ancestor_id: a, descendant_id: u.id, depth: d })),
    );
    for (const c of chunks(closure, 2000)) await tx.insertInto('unit_closure').values(c).execute();
    const versions = unitRows.map((r) => ({
      id: newId(),
      unit_id: r.id,
      parent_id: r.parent_id,
      name: r.name,
      short_name: null,
      search_folded: r.search_folded,
      sort_key: r.sort_key,
      valid_from: r.valid_from,
      valid_to: null,
      operation_id: null,
    }));
    for (const c of chunks(versions, 1000)) await tx.insertInto('unit_versions').values(c).execute();
  });
  progress(`${fmtN(units.length)} units (${PROVINCES} provinces, ${DISTRICTS} districts, ${fmtN(LEAVES)} grassroots)`);

  // Indicators and the monthly template, through the module
  const caller = systemCaller('bench');
  const indicatorIds: string[] = [];
  for (let k = 1; k <= INDICATORS; k++) {
    const agg = aggOf(k);
    const created = await createIndicator(
      platform,
      caller,
      indicatorInput.parse({
        code: `CT${String(k).padStart(2, '0')}`,
        name: `Chỉ tiêu ${k}`,
        valueType: agg === 'average' ? 'percentage' : 'integer',
        aggregation: agg,
        unit: agg === 'average' ? '%' : 'người',
      }),
    );
    indicatorIds.push(created.id);
  }
  const template = await createTemplate(
    platform,
    caller,
    templateInput.parse({
      code: 'BC-THANG',
      name: 'Báo cáo tháng',
      periodType: 'monthly',
      regime: 'calendar',
      sections: chunks(indicatorIds, 10).map((ids, s) => ({
        key: `S${s + 1}`,
        title: `Phần ${s + 1}`,
        items: ids.map((id, j) => ({ indicatorId: id, required: j === 0 })),
      })),
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell'] },
      countsOn: 'submitted',
    }),
  );
  const { scope } = await scopeOf(platform, template);

  // Helper tables for the set-based load (dropped at the end of it)
  await anyDb.schema
    .createTable('bench_leaf')
    .addColumn('no', 'integer', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().unique())
    .execute();
  await anyDb.schema
    .createTable('bench_indicator')
    .addColumn('indicator_id', 'text', (c) => c.primaryKey())
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'integer', (c) => c.notNull())
    .addColumn('agg', 'text', (c) => c.notNull())
    .execute();
  await anyDb.schema
    .createTable('bench_period')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('aggregate', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bench_period_pk', ['month', 'aggregate'])
    .execute();
  for (const c of chunks(leaves, 2000))
    await anyDb
      .insertInto('bench_leaf')
      .values(c.map((u) => ({ no: u.no, unit_id: u.id })))
      .execute();
  await anyDb
    .insertInto('bench_indicator')
    .values(
      indicatorIds.map((id, i) => ({ indicator_id: id, no: i + 1, kind: kindCode[aggOf(i + 1)], agg: aggOf(i + 1) })),
    )
    .execute();
  // a month counts in itself and in its quarter, half-year and year (periods.ts rollUpPeriods); the longer ones:
  await anyDb
    .insertInto('bench_period')
    .values(MONTHS.flatMap((m) => parentsOf(m).map((a) => ({ month: m, aggregate: a }))))
    .execute();

  // December of a few hundred units, spread over the tree, is left for the live path
  const step = Math.floor(LEAVES / WITHHELD);
  const withheld = Array.from({ length: WITHHELD }, (_, i) => leaves[i * step + (i % Math.max(1, step))]);
  const withheldIds = new Set(withheld.map((u) => u.id));
  const pools = {
    raw: withheld.filter((_, i) => i % 3 === 0),
    live: withheld.filter((_, i) => i % 3 === 1),
    save: withheld.filter((_, i) => i % 3 === 2),
  };

  // Bulk-load practice (what pg_restore does): the value indexes are built once after the load
  // instead of row by row, with the same definitions as the migration. SQLite's primary keys are
  // part of its tables and stay; PostgreSQL's go and come back as constraints.
  const gen = async (tx: Kysely<Database>) => {
    if (kind === 'postgres') await sql`set local synchronous_commit = off`.execute(tx);
  };
  await anyDb.schema.dropIndex('report_values_unit_idx').execute();
  if (kind === 'postgres') {
    await sql`alter table report_values drop constraint report_values_pk`.execute(db);
    await sql`alter table report_totals drop constraint report_totals_pk`.execute(db);
  }

  // Reports, month by month as they arrive: the submissions, then their 50 values each
  const expectedValues = (LEAVES * 12 - WITHHELD) * INDICATORS;
  let values = 0;

  for (const [mi, month] of MONTHS.entries()) {
    const { at: submittedAt, on: submittedOn } = SUBMITTED_AT(month);
    for (const batch of chunks(leaves, 2000)) {
      const reporting = batch.filter((u) => !(mi === 11 && withheldIds.has(u.id)));
      await db.transaction().execute(async (tx) => {
        await gen(tx);
        const rows = reporting.map((u) => ({
          id: newId(),
          template_id: template.id,
          unit_id: u.id,
          period_id: month,
          status: 'submitted',
          counted: 1,
          version: 1,
          submitted_at: submittedAt,
          submitted_on: submittedOn,
          submitted_by: null,
          decided_at: null,
          decided_by: null,
          return_reason: null,
          reopened_until: null,
          is_demo: 0,
          created_at: submittedAt,
          updated_at: submittedAt,
        }));
        for (const c of chunks(rows, 1000)) await tx.insertInto('report_submissions').values(c).execute();
        const res = await sql`
          insert into report_values (submission_id, template_id, unit_id, period_id, indicator_id, breakdown_key, num_value, text_value, comment)
          select s.id, s.template_id, s.unit_id, s.period_id, i.indicator_id, '', ${valueSql(mi + 1)}, null, null
          from report_submissions s
          join bench_leaf b on b.unit_id = s.unit_id
          cross join bench_indicator i
          where s.template_id = ${template.id} and s.period_id = ${month} and b.no between ${batch[0].no} and ${batch.at(-1)!.no}`.execute(
          tx,
        );
        values += Number(res.numAffectedRows ?? 0);
      });
    }
    progress(`values ${fmtN(values)} / ${fmtN(expectedValues)} (${month})`);
  }
  if (values !== expectedValues) throw new Error(`${tag}: ${values} values inserted, ${expectedValues} expected`);
  await db.transaction().execute(async (tx) => {
    if (kind === 'postgres') {
      await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
      await sql`alter table report_values add constraint report_values_pk primary key (submission_id, indicator_id, breakdown_key)`.execute(
        tx,
      );
    }
    await (tx as unknown as Kysely<any>).schema
      .createIndex('report_values_unit_idx')
      .on('report_values')
      .columns(['template_id', 'unit_id', 'period_id'])
      .execute();
  });
  progress('value indexes built');

  // Planner statistics. Kyniem never runs ANALYZE on SQLite; without statistics SQLite drives the
  // GROUP BY from report_values_unit_idx on template_id alone, i.e. it reads every value of the
  // template whatever the subtree. Shown once here, then ANALYZE (as PostgreSQL's autovacuum does),
  // so that the build below and the GROUP BY timed later get their best plan.
  if (sqlite) {
    // the same SQL as subtreeTotalsFromValues, prepared on the raw connection: a statement prepared
    // through Kysely now would stay in the statement cache with this plan after the ANALYZE
    const probe = groupBySql(
      db,
      template.id,
      leaves[Math.floor(LEAVES / 2)].id,
      ['2019-06'],
      indicatorIds.slice(0, 10),
    );
    const t = performance.now();
    sqlite.prepare(probe.sql).all(...probe.parameters);
    const took = ms(t);
    noStatsNote = `SQLite without ANALYZE: the GROUP BY for one grassroots unit and one month took ${fmtMs(took)} ms (${planOf(sqlite, db, template.id, leaves[0].id, ['2019-06'], indicatorIds.slice(0, 10))})`;
    progress(noStatsNote);
  }
  await analyze(platform, [
    'units',
    'unit_closure',
    'report_submissions',
    'report_values',
    'bench_leaf',
    'bench_indicator',
    'bench_period',
  ]);
  if (sqlite)
    progress(
      `analyzed; GROUP BY plan now: ${planOf(sqlite, db, template.id, leaves[0].id, ['2019-06'], indicatorIds.slice(0, 10))}`,
    );
  else progress('analyzed');

  // report_totals, set-based, exactly as the live path keeps them:
  // 1. each reporting unit's own contribution to every period its reports roll up to
  //    (sum/average: sum and count of its values in the period; last: its latest value there, count 1):
  //    for its month that is the value itself, count 1; for the quarter, half-year and year a GROUP BY
  // 2. level by level from the bottom, every unit's totals added into its parent's
  // every bulk-loaded report is submitted and counted, so the build reads the values alone
  const uncounted = await db
    .selectFrom('report_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('template_id', '=', template.id)
    .where('counted', '!=', 1)
    .executeTakeFirstOrThrow();
  if (Number(uncounted.n) !== 0) throw new Error(`${tag}: ${uncounted.n} bulk-loaded reports are not counted`);
  const roomToSort = async (tx: Kysely<Database>) => {
    await gen(tx);
    if (kind === 'postgres') await sql`set local work_mem = '256MB'`.execute(tx);
  };
  // only grassroots units report here, so a unit's totals are its own contribution (grassroots) or
  // the sum of its children's totals (every level above), and no row is written twice
  const reporters = await db.selectFrom('report_submissions').select('unit_id').distinct().execute();
  if (reporters.some((r) => byIdAll.get(r.unit_id)?.level !== 'grassroots'))
    throw new Error(`${tag}: a unit above the grassroots reports`);
  let totals = 0;
  const addedTotals = (res: { numAffectedRows?: bigint }) => (totals += Number(res.numAffectedRows ?? 0));
  const leafBatches = chunks(leaves, 500);
  for (const [bi, batch] of leafBatches.entries()) {
    const ids = sql.join(batch.map((u) => u.id));
    await db.transaction().execute(async (tx) => {
      await roomToSort(tx);
      addedTotals(
        await sql`
          insert into report_totals (template_id, unit_id, period_id, indicator_id, breakdown_key, sum, count)
          select v.template_id, v.unit_id, v.period_id, v.indicator_id, v.breakdown_key, v.num_value, 1
          from report_values v
          join bench_indicator i on i.indicator_id = v.indicator_id
          where v.template_id = ${template.id} and v.unit_id in (${ids}) and v.num_value is not null and i.agg in ('sum', 'average', 'last')`.execute(
          tx,
        ),
      );
      addedTotals(
        await sql`
          insert into report_totals (template_id, unit_id, period_id, indicator_id, breakdown_key, sum, count)
          select v.template_id, v.unit_id, p.aggregate, v.indicator_id, v.breakdown_key, sum(cast(v.num_value as double precision)), count(v.num_value)
          from report_values v
          join bench_indicator i on i.indicator_id = v.indicator_id
          join bench_period p on p.month = v.period_id
          where v.template_id = ${template.id} and v.unit_id in (${ids}) and v.num_value is not null and i.agg in ('sum', 'average')
          group by v.template_id, v.unit_id, p.aggregate, v.indicator_id, v.breakdown_key`.execute(tx),
      );
      addedTotals(
        await sql`
          insert into report_totals (template_id, unit_id, period_id, indicator_id, breakdown_key, sum, count)
          select template_id, unit_id, aggregate, indicator_id, breakdown_key, num_value, 1
          from (
            select v.template_id, v.unit_id, p.aggregate, v.indicator_id, v.breakdown_key, v.num_value,
                   row_number() over (partition by v.unit_id, p.aggregate, v.indicator_id, v.breakdown_key order by v.period_id desc) as rn
            from report_values v
            join bench_indicator i on i.indicator_id = v.indicator_id
            join bench_period p on p.month = v.period_id
            where v.template_id = ${template.id} and v.unit_id in (${ids}) and v.num_value is not null and i.agg = 'last'
          ) latest
          where rn = 1`.execute(tx),
      );
    });
    progress(
      `totals of the reporting units ${fmtN(totals)} (${fmtN(Math.min(LEAVES, (bi + 1) * 500))} of ${fmtN(LEAVES)} units)`,
      bi === leafBatches.length - 1,
    );
  }
  // statistics for report_totals before reading it back (without them both databases scan every row of the template)
  await analyze(platform, ['report_totals']);
  const maxDepth = Math.max(...units.map((u) => u.depth));
  for (let depth = maxDepth; depth >= 1; depth--) {
    const parents = [...new Set(units.filter((u) => u.depth === depth).map((u) => u.parentId!))];
    const perParent = units.filter((u) => u.depth === depth).length / parents.length;
    // SQLite walks report_totals' primary key in groups of parents; PostgreSQL, which has no index
    // on report_totals until the end of the load, hashes the whole level in one statement
    for (const group of kind === 'postgres' ? [parents] : chunks(parents, Math.max(1, Math.floor(1000 / perParent)))) {
      await db.transaction().execute(async (tx) => {
        await roomToSort(tx);
        addedTotals(
          await sql`
          insert into report_totals (template_id, unit_id, period_id, indicator_id, breakdown_key, sum, count)
          select t.template_id, u.parent_id, t.period_id, t.indicator_id, t.breakdown_key, sum(cast(t.sum as double precision)), sum(t.count)
          from units u
          join report_totals t on t.template_id = ${template.id} and t.unit_id = u.id
          where u.parent_id in (${sql.join(group)})
          group by t.template_id, u.parent_id, t.period_id, t.indicator_id, t.breakdown_key`.execute(tx),
        );
      });
    }
    progress(`totals ${fmtN(totals)} (up to depth ${depth - 1})`);
  }
  for (const t of ['bench_leaf', 'bench_indicator', 'bench_period']) await anyDb.schema.dropTable(t).execute();
  if (kind === 'postgres') {
    await db.transaction().execute(async (tx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
      await sql`alter table report_totals add constraint report_totals_pk primary key (template_id, unit_id, period_id, indicator_id, breakdown_key)`.execute(
        tx,
      );
    });
    progress('report_totals primary key built');
  }

  if (kind === 'postgres') {
    // what autovacuum does to a freshly loaded table: statistics and the visibility map
    for (const t of ['units', 'unit_closure', 'report_submissions', 'report_values', 'report_totals'])
      await sql`vacuum analyze ${sql.table(t)}`.execute(db);
    progress('vacuum analyze');
  } else {
    await analyze(platform, ['report_totals']);
    progress('analyze report_totals');
  }
  if (sqlite && sqliteDefaults) {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma(`cache_size = ${Number(sqliteDefaults.cache)}`);
    sqlite.pragma(`synchronous = ${Number(sqliteDefaults.sync)}`);
  }
  const seconds = ms(started) / 1000;
  const count = async (t: 'report_values' | 'report_totals' | 'report_submissions') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = {
    values: await count('report_values'),
    totals: await count('report_totals'),
    submissions: await count('report_submissions'),
  };
  let size: string;
  if (sqlite) size = `${(fs.statSync(platform.database.file!).size / 2 ** 30).toFixed(2)} GiB file`;
  else {
    const r = await sql<{
      v: string;
      t: string;
    }>`select pg_size_pretty(pg_total_relation_size('report_values')) as v, pg_size_pretty(pg_total_relation_size('report_totals')) as t`.execute(
      db,
    );
    size = `report_values ${r.rows[0].v}, report_totals ${r.rows[0].t}`;
  }
  return {
    templateId: template.id,
    scope,
    indicatorIds,
    root,
    provinces,
    districts,
    leaves,
    byId: byIdAll,
    pools,
    seconds,
    counts,
    size,
  };
}

let noStatsNote: string | null = null;

/**
 * ANALYZE of the given tables. On SQLite a full one: a sampled ANALYZE (`analysis_limit`, what
 * `PRAGMA optimize` runs) reads the first rows of report_values_unit_idx, takes template_id for
 * selective and leaves the GROUP BY on its full scan.
 */
async function analyze(platform: Platform, tables: string[]) {
  const sqlite = platform.database.sqlite;
  if (sqlite) sqlite.pragma('analysis_limit = 0');
  for (const t of tables) {
    if (sqlite) sqlite.exec(`analyze ${t}`);
    else await sql`analyze ${sql.table(t)}`.execute(platform.db);
  }
}

/** The SQLite plan of subtreeTotalsFromValues, on one line. */
function planOf(
  sqlite: NonNullable<DatabaseHandle['sqlite']>,
  db: Kysely<Database>,
  templateId: string,
  unitId: string,
  months: string[],
  indicatorIds: string[],
): string {
  const compiled = groupBySql(db, templateId, unitId, months, indicatorIds);
  const rows = sqlite.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[];
  return rows.map((r) => r.detail).join('; ');
}

/** The SQL and parameters subtreeTotalsFromValues runs. */
function groupBySql(
  db: Kysely<Database>,
  templateId: string,
  unitId: string,
  months: string[],
  indicatorIds: string[],
) {
  let q = db
    .selectFrom('report_values as v')
    .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'v.unit_id')
    .select([
      'v.indicator_id',
      'v.breakdown_key',
      (eb) => eb.fn.sum<number>('v.num_value').as('sum'),
      (eb) => eb.fn.count<number>('v.num_value').as('count'),
    ])
    .where('c.ancestor_id', '=', unitId)
    .where('v.template_id', '=', templateId)
    .where('v.period_id', 'in', months)
    .where('s.counted', '=', 1)
    .where('v.num_value', 'is not', null);
  if (indicatorIds.length) q = q.where('v.indicator_id', 'in', indicatorIds);
  const compiled = q.groupBy(['v.indicator_id', 'v.breakdown_key']).compile();
  return { sql: compiled.sql, parameters: compiled.parameters as unknown[] };
}

// ---------------------------------------------------------------------------------------------
// Holding the live totals to the GROUP BY

type Checked = { comparisons: number };

/** `last` over a range, from the raw values: the latest piece anyone reported in, each unit's latest value there. */
async function lastReference(
  db: Kysely<Database>,
  ds: Dataset,
  unitId: string,
  from: string,
  to: string,
  lastIds: string[],
) {
  const pieces = decompose({ periodType: 'monthly' }, from, to);
  const pieceOf = new Map(pieces.flatMap((p, i) => monthsOf(p).map((m) => [m, i] as const)));
  const rows = await db
    .selectFrom('report_values as v')
    .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'v.unit_id')
    .select(['v.unit_id', 'v.period_id', 'v.indicator_id', 'v.breakdown_key', 'v.num_value'])
    .where('c.ancestor_id', '=', unitId)
    .where('v.template_id', '=', ds.templateId)
    .where('v.period_id', 'in', periodsBetween(from, to))
    .where('v.indicator_id', 'in', lastIds)
    .where('s.counted', '=', 1)
    .where('v.num_value', 'is not', null)
    .execute();
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.indicator_id}\u0000${r.breakdown_key}`;
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const out = new Map<string, { sum: number; count: number }>();
  for (const [k, list] of byKey) {
    const top = list.reduce((m, r) => Math.max(m, pieceOf.get(r.period_id)!), -1);
    const latest = new Map<string, { period: string; value: number }>();
    for (const r of list) {
      if (pieceOf.get(r.period_id) !== top) continue;
      const seen = latest.get(r.unit_id);
      if (!seen || seen.period < r.period_id)
        latest.set(r.unit_id, { period: r.period_id, value: Number(r.num_value) });
    }
    out.set(k, { sum: [...latest.values()].reduce((a, x) => a + x.value, 0), count: latest.size });
  }
  return out;
}

async function verify(
  db: Kysely<Database>,
  ds: Dataset,
  units: Unit[],
  ranges: [string, string][],
  tag: string,
  d: Checked,
) {
  const aggregation = (id: string) => ds.scope.indicators.get(id)!.aggregation;
  const lastIds = ds.indicatorIds.filter((id) => aggregation(id) === 'last');
  const fail = (what: string): never => {
    throw new Error(`[${tag}] live totals differ from the GROUP BY over the raw values: ${what}`);
  };
  for (const u of units) {
    for (const [from, to] of ranges) {
      const where = `${u.level} ${u.id} ${from}…${to}`;
      const live = await subtreeTotals(db, ds.scope, u.id, from, to);
      const liveBy = new Map(live.map((l) => [`${l.indicatorId}\u0000${l.breakdownKey}`, l]));
      const months = periodsBetween(from, to);
      const raw = (await subtreeTotalsFromValues(db, ds.templateId, u.id, months)).filter(
        (r) => aggregation(r.indicatorId) !== 'last',
      );
      for (const r of raw) {
        const l =
          liveBy.get(`${r.indicatorId}\u0000${r.breakdownKey}`) ??
          fail(`${where}: no live total for indicator ${r.indicatorId}`);
        if (l.count !== r.count || Math.abs(l.sum - r.sum) > 1e-6)
          fail(`${where}: indicator ${r.indicatorId}: ${l.sum}/${l.count} live, ${r.sum}/${r.count} GROUP BY`);
        d.comparisons++;
      }
      const liveAdditive = live.filter((l) => aggregation(l.indicatorId) !== 'last');
      if (liveAdditive.length !== raw.length)
        fail(`${where}: ${liveAdditive.length} live totals, ${raw.length} from the raw values`);
      const ref = await lastReference(db, ds, u.id, from, to, lastIds);
      const liveLast = live.filter((l) => aggregation(l.indicatorId) === 'last');
      if (liveLast.length !== ref.size)
        fail(`${where}: ${liveLast.length} live 'last' totals, ${ref.size} from the raw values`);
      for (const l of liveLast) {
        const r =
          ref.get(`${l.indicatorId}\u0000${l.breakdownKey}`) ??
          fail(`${where}: 'last' ${l.indicatorId} not in the raw values`);
        if (l.count !== r.count || Math.abs(l.sum - r.sum) > 1e-6)
          fail(`${where}: 'last' ${l.indicatorId}: ${l.sum}/${l.count} live, ${r.sum}/${r.count} from the raw values`);
        d.comparisons++;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Submitting a report: raw rows, withLiveTotals, saveReport

/** Where a path's time goes: every query's time (compile, round trip, result) by statement and table. */
function queryProfiler() {
  const open = new WeakMap<object, { t: number; label: string }>();
  const byLabel = new Map<string, { ms: number; n: number }>();
  const tableOf = (n: any): string =>
    n?.kind === 'AliasNode' ? tableOf(n.node) : n?.kind === 'TableNode' ? n.table.identifier.name : '?';
  const labelOf = (node: RootOperationNode): string => {
    const n = node as any;
    switch (node.kind) {
      case 'SelectQueryNode':
        return `select ${tableOf(n.from?.froms?.[0])}${n.joins?.length ? ` + ${n.joins.length} join${n.joins.length > 1 ? 's' : ''}` : ''}`;
      case 'InsertQueryNode':
        return `${n.onConflict ? 'upsert' : 'insert'} ${tableOf(n.into)}`;
      case 'UpdateQueryNode':
        return `update ${tableOf(n.table)}`;
      case 'DeleteQueryNode':
        return `delete ${tableOf(n.from?.froms?.[0])}`;
      default:
        return node.kind;
    }
  };
  const state = { on: false };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (state.on) open.set(args.queryId, { t: performance.now(), label: labelOf(args.node) });
      return args.node;
    },
    async transformResult(args) {
      const o = open.get(args.queryId);
      if (o) {
        const e = byLabel.get(o.label) ?? { ms: 0, n: 0 };
        e.ms += performance.now() - o.t;
        e.n++;
        byLabel.set(o.label, e);
      }
      return args.result;
    },
  };
  /** The biggest items, per submit. */
  const summary = (submits: number, top = 5) =>
    [...byLabel.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(
        ([label, e]) =>
          `${label} ${fmtMs(e.ms / submits)} ms${e.n / submits > 1.5 ? ` (${Math.round(e.n / submits)}×)` : ''}`,
      )
      .join(', ');
  const total = () => [...byLabel.values()].reduce((a, e) => a + e.ms, 0);
  return { plugin, summary, total, state };
}

const DECEMBER = '2019-12';

function reportValues(ds: Dataset, u: Unit) {
  return ds.indicatorIds.map((id, i) => ({ indicatorId: id, breakdownKey: '', value: valueOf(u.no, i + 1, 12) }));
}
function valueRows(ds: Dataset, u: Unit, submissionId: string) {
  return reportValues(ds, u).map((v) => ({
    submission_id: submissionId,
    template_id: ds.templateId,
    unit_id: u.id,
    period_id: DECEMBER,
    indicator_id: v.indicatorId,
    breakdown_key: '',
    num_value: v.value,
    text_value: null,
    comment: null,
  }));
}

async function measureSubmit(platform: Platform, ds: Dataset) {
  const db = platform.db;
  const now = platform.clock();
  const draft = (u: Unit) => ({
    id: newId(),
    template_id: ds.templateId,
    unit_id: u.id,
    period_id: DECEMBER,
    status: 'draft',
    counted: 0,
    version: 1,
    submitted_at: null,
    submitted_on: null,
    submitted_by: null,
    decided_at: null,
    decided_by: null,
    return_reason: null,
    reopened_until: null,
    is_demo: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  const drafts = new Map<string, string>();
  await db.transaction().execute(async (tx) => {
    for (const u of [...ds.pools.raw, ...ds.pools.live]) {
      const row = draft(u);
      drafts.set(u.id, row.id);
      await tx.insertInto('report_submissions').values(row).execute();
    }
  });
  const caller = systemCaller('bench');
  const samples = { raw: [] as number[], live: [] as number[], save: [] as number[] };
  // the live and saveReport paths run with a query profiler (a few microseconds a query)
  const liveProfile = queryProfiler();
  const saveProfile = queryProfiler();
  const liveDb = db.withPlugin(liveProfile.plugin);
  const savePlatform: Platform = { ...platform, db: db.withPlugin(saveProfile.plugin) };
  const variants = {
    raw: async (u: Unit) => {
      const rows = valueRows(ds, u, drafts.get(u.id)!);
      const t = performance.now();
      await db.transaction().execute((tx) => tx.insertInto('report_values').values(rows).execute());
      return ms(t);
    },
    live: async (u: Unit) => {
      const id = drafts.get(u.id)!;
      const rows = valueRows(ds, u, id);
      const t = performance.now();
      await liveDb.transaction().execute((tx) =>
        withLiveTotals(tx, ds.scope, u.id, DECEMBER, async () => {
          await tx.insertInto('report_values').values(rows).execute();
          await tx
            .updateTable('report_submissions')
            .set({
              status: 'submitted',
              counted: 1,
              version: 2,
              submitted_at: now.toISOString(),
              submitted_on: '2020-01-02',
              updated_at: now.toISOString(),
            })
            .where('id', '=', id)
            .execute();
        }),
      );
      return ms(t);
    },
    save: async (u: Unit) => {
      const t = performance.now();
      const form = await saveReport(
        savePlatform,
        caller,
        { templateId: ds.templateId, unitId: u.id, periodId: DECEMBER, values: reportValues(ds, u) },
        { submit: true },
      );
      const took = ms(t);
      if (form.submission?.status !== 'submitted' || !form.submission.counted)
        throw new Error(`saveReport did not submit ${u.id}: ${JSON.stringify(form.submission)}`);
      return took;
    },
  };
  const names = ['raw', 'live', 'save'] as const;
  for (let i = 0; i < SUBMITS + WARMUP_SUBMITS; i++) {
    liveProfile.state.on = saveProfile.state.on = i >= WARMUP_SUBMITS;
    for (let j = 0; j < 3; j++) {
      const name = names[(i + j) % 3];
      const took = await variants[name](ds.pools[name][i]);
      if (i >= WARMUP_SUBMITS) samples[name].push(took);
    }
  }
  // the raw rows become a counted report too, through the live path (not timed): the dataset is complete
  for (const u of ds.pools.raw) {
    await db.transaction().execute((tx) =>
      withLiveTotals(tx, ds.scope, u.id, DECEMBER, async () => {
        await tx
          .updateTable('report_submissions')
          .set({
            status: 'submitted',
            counted: 1,
            version: 2,
            submitted_on: '2020-01-02',
            updated_at: now.toISOString(),
          })
          .where('id', '=', drafts.get(u.id)!)
          .execute();
      }),
    );
  }
  liveProfile.state.on = saveProfile.state.on = false;
  const n = SUBMITS;
  const where = {
    live: `queries ${fmtMs(liveProfile.total() / n)} of ${fmtMs(samples.live.reduce((a, x) => a + x, 0) / samples.live.length)} ms: ${liveProfile.summary(n)}`,
    save: `queries ${fmtMs(saveProfile.total() / n)} of ${fmtMs(samples.save.reduce((a, x) => a + x, 0) / samples.save.length)} ms: ${saveProfile.summary(n, 6)}`,
  };
  return { ...samples, where };
}

// ---------------------------------------------------------------------------------------------
// The read mix

const RANGES: { label: string; from: string; to: string }[] = [
  { label: 'month', from: '2019-06', to: '2019-06' },
  { label: 'quarter', from: '2019-04', to: '2019-06' },
  { label: 'Feb–Aug', from: '2019-02', to: '2019-08' },
  { label: 'year', from: '2019-01', to: '2019-12' },
];
type Sample = { level: Unit['level']; range: string; live: number; groupBy: number };

async function measureRollup(platform: Platform, ds: Dataset, tag: string) {
  const db = platform.db;
  const additive = ds.indicatorIds.filter((id) => ds.scope.indicators.get(id)!.aggregation !== 'last');
  const sets = [additive.slice(0, 10), additive.slice(10, 20), additive.slice(20, 30)];
  const pick = (list: Unit[], n: number) =>
    Array.from(
      { length: Math.min(n, list.length) },
      (_, i) => list[Math.floor((i * list.length) / Math.min(n, list.length))],
    );
  const byLevel: [Unit['level'], Unit[]][] = [
    ['root', [ds.root]],
    ['province', pick(ds.provinces, 3)],
    ['district', pick(ds.districts, 3)],
    ['grassroots', pick(ds.leaves, 3)],
  ];
  const samples: Sample[] = [];
  const check = (
    live: TotalLine[],
    raw: { indicatorId: string; breakdownKey: string; sum: number; count: number }[],
    where: string,
  ) => {
    if (live.length !== raw.length)
      throw new Error(`[${tag}] ${where}: ${live.length} live lines, ${raw.length} GROUP BY lines`);
    for (const r of raw) {
      const l = live.find((x) => x.indicatorId === r.indicatorId && x.breakdownKey === r.breakdownKey);
      if (!l || l.count !== r.count || Math.abs(l.sum - r.sum) > 1e-6) {
        throw new Error(
          `[${tag}] ${where}: indicator ${r.indicatorId}: live ${l?.sum}/${l?.count}, GROUP BY ${r.sum}/${r.count}`,
        );
      }
    }
  };
  const started = performance.now();
  let rounds = 0;
  for (let round = -1; round < 200; round++) {
    if (round >= 3 && ms(started) / 1000 > budgetSeconds) break;
    const pairs = shuffle(
      byLevel.flatMap(([level, list]) =>
        RANGES.map((r) => ({ level, unit: list[Math.max(0, round) % list.length], range: r })),
      ),
    );
    for (const [i, p] of pairs.entries()) {
      const ids = sets[Math.max(0, round) % sets.length];
      const months = periodsBetween(p.range.from, p.range.to);
      let live: TotalLine[] = [];
      let raw: Awaited<ReturnType<typeof subtreeTotalsFromValues>> = [];
      let tLive = 0;
      let tGroupBy = 0;
      const runLive = async () => {
        const t = performance.now();
        live = await subtreeTotals(db, ds.scope, p.unit.id, p.range.from, p.range.to, ids);
        tLive = ms(t);
      };
      const runGroupBy = async () => {
        const t = performance.now();
        raw = await subtreeTotalsFromValues(db, ds.templateId, p.unit.id, months, ids);
        tGroupBy = ms(t);
      };
      if ((round + i) % 2) {
        await runLive();
        await runGroupBy();
      } else {
        await runGroupBy();
        await runLive();
      }
      check(live, raw, `${p.level} ${p.range.label}`);
      if (round >= 0) samples.push({ level: p.level, range: p.range.label, live: tLive, groupBy: tGroupBy });
    }
    if (round >= 0) rounds++;
  }
  return { samples, rounds, seconds: ms(started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// By group set: the totals "by ownership" of a subtree from the live totals, against the GROUP BY
// over the raw values joined to the groups

const GROUPS = 5;
const ranges2 = (of: (range: string) => { live: number; groupBy: number }[]) =>
  ['month', 'year']
    .map((r) => `${r}: ${fmtMs(median(of(r).map((x) => x.live)))} / ${fmtMs(median(of(r).map((x) => x.groupBy)))}`)
    .join('   ');

async function measureByGroup(platform: Platform, ds: Dataset, tag: string) {
  const db = platform.db;
  const at = new Date().toISOString();
  // every grassroots unit in one of five ownership groups (enterprises carry the groups)
  const setId = newId();
  const groupIds = Array.from({ length: GROUPS }, () => newId());
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('group_sets')
      .values({ id: setId, code: 'bench-ownership', name: 'Loại hình sở hữu', position: 0, created_at: at })
      .execute();
    await tx
      .insertInto('groups')
      .values(
        groupIds.map((id, i) => ({
          id,
          set_id: setId,
          code: `g${i + 1}`,
          name: `Nhóm ${i + 1}`,
          name_folded: `nhom ${i + 1}`,
          position: i,
          created_at: at,
        })),
      )
      .execute();
    for (const c of chunks(ds.leaves, 2000))
      await tx
        .insertInto('unit_groups')
        .values(c.map((u) => ({ unit_id: u.id, set_id: setId, group_id: groupIds[u.no % GROUPS] })))
        .execute();
  });
  await analyze(platform, ['unit_groups', 'groups']);
  const additive = ds.indicatorIds.filter((id) => ds.scope.indicators.get(id)!.aggregation !== 'last').slice(0, 10);
  const reference = (unitId: string, months: string[]) =>
    db
      .selectFrom('report_values as v')
      .innerJoin('report_submissions as s', 's.id', 'v.submission_id')
      .innerJoin('unit_closure as c', 'c.descendant_id', 'v.unit_id')
      .innerJoin('unit_groups as g', (j) => j.onRef('g.unit_id', '=', 'v.unit_id').on('g.set_id', '=', setId))
      .select([
        'g.group_id',
        'v.indicator_id',
        (eb) => eb.fn.sum<number>('v.num_value').as('sum'),
        (eb) => eb.fn.count<number>('v.num_value').as('count'),
      ])
      .where('c.ancestor_id', '=', unitId)
      .where('v.template_id', '=', ds.templateId)
      .where('v.period_id', 'in', months)
      .where('s.counted', '=', 1)
      .where('v.indicator_id', 'in', additive)
      .groupBy(['g.group_id', 'v.indicator_id'])
      .execute();
  const units: [string, Unit][] = [
    ['root', ds.root],
    ['province', ds.provinces[0]],
    ['district', ds.districts[0]],
  ];
  const ranges = [RANGES[0], RANGES[3]];
  const samples: { level: string; range: string; live: number; groupBy: number }[] = [];
  const started = performance.now();
  for (let round = -1; round < 50; round++) {
    if (round >= 2 && ms(started) / 1000 > budgetSeconds / 2) break;
    for (const [level, unit] of units) {
      for (const range of ranges) {
        let t = performance.now();
        const live = (await groupSetTotals(db, ds.scope, unit.id, setId, range.from, range.to, additive)).groups;
        const tLive = ms(t);
        t = performance.now();
        const raw = await reference(unit.id, periodsBetween(range.from, range.to));
        const tGroupBy = ms(t);
        if (process.env.BENCH_TRACE)
          log(`    by group ${level} ${range.label}: ${fmtMs(tLive)} / ${fmtMs(tGroupBy)} ms`);
        for (const r of raw) {
          const lines =
            live.find((g) => g.groupId === r.group_id)?.lines.filter((l) => l.indicatorId === r.indicator_id) ?? [];
          const sum = lines.reduce((a, l) => a + l.sum, 0);
          const count = lines.reduce((a, l) => a + l.count, 0);
          if (count !== Number(r.count) || Math.abs(sum - Number(r.sum)) > 1e-6)
            throw new Error(
              `[${tag}] by group ${level} ${range.label}: group ${r.group_id} indicator ${r.indicator_id}: live ${sum}/${count}, GROUP BY ${r.sum}/${r.count}`,
            );
        }
        if (live.find((g) => g.groupId === null)?.lines.length)
          throw new Error(`[${tag}] by group ${level} ${range.label}: values outside every group`);
        if (round >= 0) samples.push({ level, range: range.label, live: tLive, groupBy: tGroupBy });
      }
    }
  }
  return { samples, seconds: ms(started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// One database, start to end

type Result = { kind: DialectName; speedUp: number; submitRatio: number };
let cleanupNow: (() => Promise<void>) | null = null;

async function runOn(kind: DialectName): Promise<Result> {
  const tag = kind;
  const opened = await openFresh(kind);
  let platform: Platform | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    if (platform) await stopPlatform(platform).catch(() => {});
    else await opened.handle.close().catch(() => {});
    await opened.cleanup();
  };
  cleanupNow = cleanup;
  try {
    const clock = new Date('2020-01-02T03:00:00Z'); // December's reports are due on 5 January
    platform = await startPlatform(
      loadConfig({ LOG_LEVEL: 'silent', KYNIEM_PASSWORD_COST: '10', DATA_DIR: os.tmpdir() }),
      { database: opened.handle, clock: () => clock, logger: createLogger('silent') },
    );
    log(`reporting-rollup [${tag}]: generating in ${opened.where}`);
    const ds = await generate(platform, kind, tag);
    log(
      `reporting-rollup [${tag}]: generated ${fmtN(UNITS)} units, ${fmtN(ds.counts.submissions)} reports, ${fmtN(ds.counts.values)} values, ${fmtN(ds.counts.totals)} totals rows in ${ds.seconds.toFixed(1)} s (${ds.size})`,
    );

    const d: Checked = { comparisons: 0 };
    // The sample: a province, districts, grassroots units (some with December still to come) over
    // five ranges, and the root over the year (the most expensive GROUP BY; every timed question
    // below is checked against its GROUP BY too, the root's included)
    const someWithheld = [ds.pools.raw[0], ds.pools.live[0], ds.pools.save[0], ds.pools.save.at(-1)!];
    const ranges: [string, string][] = [
      ['2019-01', '2019-01'],
      ['2019-04', '2019-06'],
      ['2019-02', '2019-08'],
      ['2019-10', '2019-12'],
      ['2019-01', '2019-12'],
    ];
    const year: [string, string][] = [['2019-01', '2019-12']];
    const sample = [
      ds.provinces[0],
      ...ds.districts.slice(0, 2),
      ...ds.leaves.slice(0, 3),
      ...someWithheld.slice(0, 2),
    ];
    let t = performance.now();
    await verify(platform.db, ds, sample, ranges, tag, d);
    await verify(platform.db, ds, [ds.root], year, tag, d);
    log(
      `  verified the bulk-built totals: ${fmtN(d.comparisons)} lines (${sample.length} units × ${ranges.length} ranges, the root × the year) equal to the GROUP BY (${(ms(t) / 1000).toFixed(1)} s)`,
    );

    t = performance.now();
    const submits = await measureSubmit(platform, ds);
    log(`  ${fmtN(WITHHELD)} December reports submitted through the live path (${(ms(t) / 1000).toFixed(1)} s)`);
    const chains = [...new Set(someWithheld.flatMap((u) => [u, ...u.ancestors.slice(1).map((a) => ds.byId.get(a)!)]))];
    t = performance.now();
    const before = d.comparisons;
    await verify(
      platform.db,
      ds,
      chains,
      [
        ['2019-12', '2019-12'],
        ['2019-10', '2019-12'],
        ['2019-01', '2019-12'],
      ],
      tag,
      d,
    );
    await verify(platform.db, ds, [ds.root], year, tag, d);
    const values = Number(
      (
        await platform.db
          .selectFrom('report_values')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (values !== LEAVES * 12 * INDICATORS)
      throw new Error(`[${tag}] ${values} values after the submits, ${LEAVES * 12 * INDICATORS} expected`);
    const after = [...chains, ds.root];
    log(
      `  verified again after the live submits: ${fmtN(d.comparisons - before)} lines of ${after.length} units equal; ${fmtN(values)} values (${(ms(t) / 1000).toFixed(1)} s)`,
    );

    const rollup = await measureRollup(platform, ds, tag);
    const ratios = rollup.samples.map((s) => s.groupBy / s.live);
    const speedUp = median(ratios);
    log(
      `  read mix: ${rollup.rounds} rounds × ${RANGES.length * 4} questions (1 unit of each level × 4 ranges, 10 indicators, interleaved) in ${rollup.seconds.toFixed(1)} s; median ms, live / GROUP BY (speed-up):`,
    );
    const levels: Unit['level'][] = ['root', 'province', 'district', 'grassroots'];
    log(
      table(
        ['', ...RANGES.map((r) => r.label)],
        levels.map((level) => [
          level,
          ...RANGES.map((r) => {
            const s = rollup.samples.filter((x) => x.level === level && x.range === r.label);
            return `${fmtMs(median(s.map((x) => x.live)))} / ${fmtMs(median(s.map((x) => x.groupBy)))} (${median(s.map((x) => x.groupBy / x.live)).toFixed(0)}x)`;
          }),
        ]),
      ),
    );
    if (kind === 'sqlite' && noStatsNote) log(`  (after ANALYZE; ${noStatsNote})`);
    const live = rollup.samples.map((s) => s.live);
    const groupBy = rollup.samples.map((s) => s.groupBy);
    log(`bench reporting-rollup [${tag}]: ${speedUp.toFixed(1)}x`);
    log(
      `  live (subtreeTotals)             p50 ${fmtMs(median(live))} ms  p95 ${fmtMs(percentile(live, 0.95))} ms  (n=${live.length})`,
    );
    log(
      `  GROUP BY (subtreeTotalsFromValues) p50 ${fmtMs(median(groupBy))} ms  p95 ${fmtMs(percentile(groupBy, 0.95))} ms`,
    );

    const byGroup = withByGroup ? await measureByGroup(platform, ds, tag) : null;
    if (byGroup) {
      const groupRatio = median(byGroup.samples.map((x) => x.groupBy / x.live));
      log(`bench reporting-by-group [${tag}]: ${groupRatio.toFixed(1)}x`);
      log(
        `  ${fmtN(ds.leaves.length)} grassroots units in ${GROUPS} groups; the root, a province, a district × a month and the year, 10 indicators, each answer checked against the GROUP BY (${byGroup.seconds.toFixed(1)} s); median ms, by group / GROUP BY:`,
      );
      for (const [level] of [['root'], ['province'], ['district']]) {
        const of = (r: string) => byGroup.samples.filter((x) => x.level === level && x.range === r);
        log(`    ${level.padEnd(9)} ${ranges2(of)}`);
      }
      const bg = byGroup.samples.map((x) => x.live);
      log(
        `  by group (groupSetTotals)        p50 ${fmtMs(median(bg))} ms  p95 ${fmtMs(percentile(bg, 0.95))} ms  (n=${bg.length})`,
      );
    }

    const submitRatio = median(submits.live) / median(submits.raw);
    log(`bench reporting-submit [${tag}]: ${submitRatio.toFixed(1)}x`);
    log(
      `  50 raw rows into report_values, one transaction        p50 ${fmtMs(median(submits.raw))} ms  p95 ${fmtMs(percentile(submits.raw, 0.95))} ms  (n=${submits.raw.length})`,
    );
    log(
      `  the same + status change inside withLiveTotals         p50 ${fmtMs(median(submits.live))} ms  p95 ${fmtMs(percentile(submits.live, 0.95))} ms`,
    );
    log(
      `  saveReport(submit): the whole service (history, audit, form)  p50 ${fmtMs(median(submits.save))} ms  p95 ${fmtMs(percentile(submits.save, 0.95))} ms  (${(median(submits.save) / median(submits.raw)).toFixed(1)}x raw)`,
    );
    log(`  where the time goes, mean per submit: withLiveTotals: ${submits.where.live}`);
    log(`                                        saveReport: ${submits.where.save}`);
    return { kind, speedUp, submitRatio };
  } finally {
    await cleanup();
    cleanupNow = null;
  }
}

// ---------------------------------------------------------------------------------------------

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`\n${signal}: cleaning up`);
    void (cleanupNow ?? (async () => {}))().finally(() => process.exit(130));
  });
}

log(
  `reporting-rollup: scale ${scale}: ${fmtN(UNITS)} units, ${INDICATORS} indicators, 12 months, ${fmtN(LEAVES * 12 * INDICATORS)} values; ${SUBMITS} timed submits of each kind`,
);
const results: Result[] = [];
let failed = false;
for (const kind of ['sqlite', 'postgres'] as const) {
  if (onlyDb !== 'both' && onlyDb !== kind) continue;
  if (kind === 'postgres') {
    const why = await postgresReachable();
    if (why) {
      log(`reporting-rollup [postgres]: skipped, PostgreSQL at ${postgresUrl} is unreachable (${why})`);
      continue;
    }
  }
  try {
    results.push(await runOn(kind));
  } catch (err) {
    failed = true;
    console.error(`reporting-rollup [${kind}] FAILED: ${(err as Error).stack ?? err}`);
  }
}
if (results.length && !failed) log(`bench reporting-rollup: ${Math.min(...results.map((r) => r.speedUp)).toFixed(1)}x`);
process.exit(failed || !results.length ? 1 : 0);
