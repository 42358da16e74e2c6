/**
 * The one headless Chromium (Debian's, never a downloaded one) that prints PDFs for this
 * process. Launched on first use, shared by every call, closed after a spell of idleness or by
 * `closeDocumentBrowser()` at shutdown. If it dies, the next call launches a new one.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

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

let launching: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let busy = 0;
const waiting: Array<() => void> = [];

async function browser(): Promise<Browser> {
  if (!launching) {
    const started = chromium
      .launch({ executablePath: chromiumPath(), args: launchArgs, headless: true })
      .then((b) => {
        b.on('disconnected', () => {
          if (launching === started) launching = null;
        });
        return b;
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

/** Runs `work` with a fresh page of the shared browser, and closes the page afterwards. */
export async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  await acquire();
  try {
    const b = await browser();
    const page = await b.newPage();
    try {
      return await work(page);
    } finally {
      await page.close().catch(() => {});
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
  const b = await current.catch(() => null);
  await b?.close().catch(() => {});
}
