// The JavaScript a first visit pays for: builds the web app (vite build into a temporary
// directory), opens /sign-in in Debian's Chromium with no session, and adds up, gzipped, every
// script the page asked for until it was idle (the entry, its modulepreloads, and what it imports
// at start: the Vietnamese messages). The baseline beside it is the whole build's JavaScript.
//   bench web-initial-js: <KB> KB (initial/all = <ratio>, …)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { repoRoot, table, tempDir } from './lib.js';

export const INITIAL_JS_BUDGET_KB = 250;

const gzipKB = (bytes) => zlib.gzipSync(bytes).length / 1024;

function build(outDir) {
  const r = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
}

/** The scripts /sign-in loads in a browser, served from `dist` with the API answering "not signed in". */
async function scriptsOfSignIn(dist) {
  const browser = await chromium.launch({
    executablePath: process.env.KYNIEM_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    headless: true,
  });
  try {
    const page = await browser.newPage();
    const scripts = [];
    await page.route('**/*', async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname.startsWith('/api/')) {
        const error = { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập', messages: { vi: '', en: '' } };
        return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error }) });
      }
      // The app is served under /app/ (src/common/appPaths.ts).
      const inApp = pathname.startsWith('/app/') ? pathname.slice('/app'.length) : pathname;
      const file = path.join(dist, inApp);
      if (inApp !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
        if (pathname.endsWith('.js')) scripts.push(inApp);
        return route.fulfill({ path: file });
      }
      return route.fulfill({ path: path.join(dist, 'index.html'), contentType: 'text/html' });
    });
    await page.goto('http://kyniem.bench/app/sign-in', { waitUntil: 'networkidle' });
    await page.locator('input[type="password"]').waitFor({ state: 'visible' });
    return [...new Set(scripts)];
  } finally {
    await browser.close();
  }
}

export async function measureInitialJs() {
  const dist = tempDir('kyniem-web-');
  try {
    build(dist);
    const loaded = (await scriptsOfSignIn(dist)).map((p) => ({
      file: p.slice(1),
      kb: gzipKB(fs.readFileSync(path.join(dist, p))),
    }));
    const all = fs
      .readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ file: `assets/${f}`, kb: gzipKB(fs.readFileSync(path.join(dist, 'assets', f))) }));
    const sum = (xs) => xs.reduce((s, x) => s + x.kb, 0);
    return { loaded, all, initialKB: sum(loaded), allKB: sum(all) };
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await measureInitialJs();
  const byKB = (a, b) => b.kb - a.kb;
  console.log('scripts /sign-in loads (gzipped):');
  console.log(
    table(
      ['file', 'KB'],
      [...m.loaded].sort(byKB).map((x) => [x.file, x.kb.toFixed(1)]),
    ),
  );
  console.log('\nlargest chunks of the build (gzipped):');
  console.log(
    table(
      ['file', 'KB'],
      [...m.all]
        .sort(byKB)
        .slice(0, 8)
        .map((x) => [x.file, x.kb.toFixed(1)]),
    ),
  );
  console.log(
    `\nbench web-initial-js: ${m.initialKB.toFixed(1)} KB (initial/all = ${(m.initialKB / m.allKB).toFixed(2)}; ` +
      `${m.loaded.length} of ${m.all.length} chunks, all JS ${m.allKB.toFixed(1)} KB; budget ${INITIAL_JS_BUDGET_KB} KB)`,
  );
  if (m.initialKB > INITIAL_JS_BUDGET_KB) {
    console.error(`the sign-in page loads ${m.initialKB.toFixed(1)} KB of JavaScript, over ${INITIAL_JS_BUDGET_KB} KB`);
    process.exitCode = 1;
  }
}
