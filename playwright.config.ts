import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against real Kyniem servers in Debian's Chromium. The caller builds the web
 * app first:
 *   node_modules/.bin/vite build && node_modules/.bin/playwright test
 *
 * The journey files are shared between E2E_WORKERS workers (2 by default; ADR 40). The global
 * setup (test/e2e/global-setup.ts) starts one server per worker, each on its own free port with
 * its own fresh data directory holding the demo data, so a journey that changes the demo data
 * changes it only for the files that run after it on the same worker. The tests of one file run
 * in order on one worker, as before. Playwright loads this file again in every worker with
 * TEST_PARALLEL_INDEX set (0, 1, …; a worker started again after a failure keeps its index), and
 * that index picks the worker's server below.
 */
const requestedWorkers = Math.max(1, Math.floor(Number(process.env.E2E_WORKERS ?? 2)) || 1);

/**
 * How many journey files this run names: `playwright test test/e2e/x.spec.ts` runs one, and then
 * one worker (and one server) is enough. Arguments are matched as Playwright matches its file
 * filters (a regular expression against the file's path, `:line` dropped); an argument that
 * matches no file (an option's value) is not a filter. Counting too few only makes a run slower.
 */
function namedJourneyFiles(): number {
  const dir = path.resolve(import.meta.dirname, 'test/e2e');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => path.join(dir, f));
  const at = process.argv.indexOf('test');
  const filters: RegExp[] = [];
  for (const arg of at < 0 ? [] : process.argv.slice(at + 1)) {
    if (arg.startsWith('-')) continue;
    const pattern = arg.replace(/(:\d+){1,2}$/, '');
    const slashed = pattern.match(/^\/(.*)\/([gi]*)$/);
    try {
      const re = slashed ? new RegExp(slashed[1], slashed[2]) : new RegExp(pattern, 'i');
      if (files.some((f) => re.test(f))) filters.push(re);
    } catch {
      // not a pattern
    }
  }
  return filters.length === 0 ? files.length : files.filter((f) => filters.some((re) => re.test(f))).length;
}

const journeyWorkers = Math.max(1, Math.min(requestedWorkers, namedJourneyFiles()));
const servers = (process.env.KYNIEM_E2E_BASE_URLS ?? '').split(' ').filter(Boolean);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  workers: journeyWorkers,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    // The global setup lists its servers before the workers start; each worker takes its own.
    baseURL: servers[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % Math.max(1, servers.length)],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
