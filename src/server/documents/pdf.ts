/** Prints an official document to PDF: the HTML layout, through the shared Chromium, on A4. */
import { withPage } from './browser.ts';
import { toHtml } from './html.ts';
import type { OfficialDocument } from './model.ts';

/**
 * Prints a self-contained HTML page (no network: everything inline) to PDF. The page's own
 * `@page` rules give the paper size, the margins and the page numbers.
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  return withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    return Buffer.from(pdf);
  });
}

export async function toPdf(doc: OfficialDocument): Promise<Buffer> {
  return htmlToPdf(toHtml(doc));
}
