#!/usr/bin/env node
// `npm test`: everything, in order — Debian packages if missing, the type check, the linter and
// formatter (Biome), unit and integration tests on SQLite and PostgreSQL (Vitest), the web build, and the browser journeys
// in Debian's Chromium (Playwright). Ends with one line: "tests: N passed, N failed, N skipped",
// after a line "failed: file › test: first line of the error" for each of the first 20 failures.
// The type check, Biome and the web build run side by side (ADR 40): the type check keeps one core
// busy for most of a minute, the other two fit on the second; the test suites each fill both cores
// already and run one after the other.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [];
let failed = false;

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) failed = true;
  return ok;
}

/** Runs steps side by side; each one's output is printed whole when it ends, then the next. */
async function runTogether(list) {
  const results = await Promise.all(
    list.map(
      ({ name, cmd, args }) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (d) => output.push(d));
          child.stderr.on('data', (d) => output.push(d));
          child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
          child.on('close', (code) => {
            const ok = code === 0;
            process.stdout.write(`\n=== ${name}\n${Buffer.concat(output).toString()}`);
            resolve({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
          });
        }),
    ),
  );
  for (const r of results) {
    steps.push(r);
    if (!r.ok) failed = true;
  }
  return results.map((r) => r.ok);
}

fs.rmSync('test-results', { recursive: true, force: true });
fs.mkdirSync('test-results', { recursive: true });

run('system packages', 'bash', ['scripts/system-deps.sh']);
const [, , built] = await runTogether([
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint and format (Biome)', cmd: bin('biome'), args: ['check', '--diagnostic-level=error', '.'] },
  { name: 'web build', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
]);
run('unit and integration tests (SQLite + PostgreSQL)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
if (built) run('browser journeys (Chromium)', bin('playwright'), ['test']);

const counts = { passed: 0, failed: 0, skipped: 0 };
const perDb = { sqlite: { passed: 0, failed: 0 }, postgres: { passed: 0, failed: 0 } };
// The names of what failed, printed last: CI keeps only the summary's tail, and a red run should say
// which test broke (the run of 2026-12-07 said "on PostgreSQL: 1 failed" and nothing more).
const failures = [];
try {
  const v = JSON.parse(fs.readFileSync('test-results/vitest.json', 'utf8'));
  for (const file of v.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const status = t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped';
      counts[status]++;
      const name = [...(t.ancestorTitles ?? []), t.title].join(' ');
      if (status === 'failed') {
        const first = String(t.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .slice(0, 300);
        failures.push(`${path.relative(process.cwd(), file.name)} › ${name}: ${first}`);
      }
      for (const db of ['sqlite', 'postgres']) {
        if (name.includes(`[${db}]`) && status !== 'skipped') perDb[db][status]++;
      }
    }
  }
} catch {
  counts.failed++;
}
let e2e = { passed: 0, failed: 0, skipped: 0 };
try {
  const p = JSON.parse(fs.readFileSync('test-results/e2e.json', 'utf8'));
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message ?? '';
        const first = error
          .replace(/\u001b\[[0-9;]*m/g, '')
          .split('\n')[0]
          .slice(0, 300);
        failures.push(`${spec.file} › ${[...titles, spec.title].filter(Boolean).join(' › ')}: ${first}`);
      }
    }
  };
  for (const suite of p.suites ?? []) walk(suite, []);
  e2e = {
    passed: (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0),
    failed: p.stats?.unexpected ?? 0,
    skipped: p.stats?.skipped ?? 0,
  };
} catch {
  if (built) e2e.failed++;
}

console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`);
console.log(`vitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
console.log(
  `  on SQLite: ${perDb.sqlite.passed} passed, ${perDb.sqlite.failed} failed; on PostgreSQL: ${perDb.postgres.passed} passed, ${perDb.postgres.failed} failed`,
);
console.log(`browser: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const total = {
  passed: counts.passed + e2e.passed,
  failed: counts.failed + e2e.failed + (failed && counts.failed + e2e.failed === 0 ? 1 : 0),
  skipped: counts.skipped + e2e.skipped,
};
for (const f of failures.slice(0, 20)) console.log(`failed: ${f}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
