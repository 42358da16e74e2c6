/**
 * The one headless Chromium (Debian's, never a downloaded one) that prints PDFs for this
 * process. Launched on first use, shared by every call, closed after a spell of idleness or by
 * `closeDocumentBrowser()` at shutdown. If it dies, the next call launches a new one.
 * Pages are kept and reused: opening a page costs far more than printing one.
 */
// Loaded on first print, so a server that never prints a PDF never loads Playwright.
import type { Browser, BrowserContext, Page } from 'playwright-core';

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Chromium is; `KYNIEM_CHROMIUM` points elsewhere when it is not Debian's. */
export function chromiumPath(): string {
  return process.env.KYNIEM_CHROMIUM || '/usr/bin/chromium';
}

const idleCloseMs = 60_000;
/** Pages printing at once; more calls wait their turn rather than swamp the browser. */
const maxPages = 4;

type Pool = { browser: Browser; context: BrowserContext; idle: Page[] };

let launching: Promise<Pool> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let busy = 0;
const waiting: Array<() => void> = [];

async function pool(): Promise<Pool> {
  if (!launching) {
    const started = import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: chromiumPath(), args: launchArgs, headless: true }))
      .then(async (browser) => {
        browser.on('disconnected', () => {
          if (launching === started) launching = null;
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        return { browser, context, idle: [] };
      });
    launching = started;
    started.catch(() => {
      if (launching === started) launching = null;
    });
  }
  return launching;
}

async function acquire(): Promise<void> {
  if (busy >= maxPages) await new Promise<void>((resolve) => waiting.push(resolve));
  busy++;
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
}

function release(): void {
  busy--;
  waiting.shift()?.();
  if (busy === 0 && waiting.length === 0) {
    idleTimer = setTimeout(() => void closeDocumentBrowser(), idleCloseMs);
    idleTimer.unref();
  }
}

/**
 * Runs `work` with a page of the shared browser. The page goes back to the pool afterwards, so
 * `work` must leave nothing behind that the next user could see (set the content, print).
 */
export async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  await acquire();
  try {
    const p = await pool();
    const page = p.idle.pop() ?? (await p.context.newPage());
    let ok = false;
    try {
      const result = await work(page);
      ok = true;
      return result;
    } finally {
      if (ok && launching && (await launching) === p && !page.isClosed()) p.idle.push(page);
      else await page.close().catch(() => {});
    }
  } finally {
    release();
  }
}

/** Closes the shared browser, if one is running. Safe to call at any time, more than once. */
export async function closeDocumentBrowser(): Promise<void> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const current = launching;
  launching = null;
  if (!current) return;
  const p = await current.catch(() => null);
  await p?.browser.close().catch(() => {});
}
