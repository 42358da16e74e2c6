import { escapeHtml } from '../../../../common/text.ts';
import { vietnamDay } from '../../../../common/dates.ts';
import type { Platform } from '../../../platform/platform.ts';
import { publicRolls } from '../../honours/index.ts';
import { publicPlans } from '../../plans/index.ts';
import { type SiteSection, sectionPaths } from '../../../site/layout.tsx';
import { publicEvents } from './events.ts';
import { publishedArticles } from '../index.ts';

/**
 * `/sitemap.xml` (sitemaps.org 0.9): the site's sections, every event, roll of honour and issued
 * plan, each with its English version as an alternate; and `/robots.txt`, which keeps crawlers
 * out of the app and the API and names the sitemap.
 */
type Entry = { path: string; lastmod?: string };

/** The sections whose pages this module serves (news and documents join with their pages). */
const sitemapSections: readonly SiteSection[] = [
  'home',
  'news',
  'events',
  'plan',
  'honours',
  'press',
  'documents',
  'about',
];

export async function sitemapEntries(platform: Platform): Promise<Entry[]> {
  const day = vietnamDay(platform.clock());
  const [events, rolls, plans] = await Promise.all([
    publicEvents(platform, day),
    publicRolls(platform),
    publicPlans(platform),
  ]);
  const articles: Entry[] = [];
  for (let page = 1; ; page++) {
    const found = await publishedArticles(platform.db, { page, pageSize: 100 });
    articles.push(...found.items.map((a) => ({ path: `/tin-tuc/${a.slug}`, lastmod: a.publishedAt })));
    if (found.items.length < 100 || page * 100 >= found.total) break;
  }
  return [
    ...articles,
    ...sitemapSections.map((s) => ({ path: sectionPaths[s] })),
    ...events.map((e) => ({ path: e.path })),
    ...rolls.map((r) => ({ path: `/vinh-danh/${encodeURIComponent(r.code)}`, lastmod: r.decision.date })),
    ...plans.map((p) => ({ path: `/ke-hoach/${p.slug}`, lastmod: p.issuedOn })),
  ];
}

export async function sitemapXml(platform: Platform, extra: readonly Entry[] = []): Promise<string> {
  const origin = platform.config.publicUrl;
  const entries = [...(await sitemapEntries(platform)), ...extra];
  const urls = entries.map((e) => {
    const loc = escapeHtml(`${origin}${e.path}`);
    const en = escapeHtml(`${origin}${e.path}${e.path.includes('?') ? '&' : '?'}lang=en`);
    return (
      `<url><loc>${loc}</loc>${e.lastmod ? `<lastmod>${escapeHtml(e.lastmod.slice(0, 10))}</lastmod>` : ''}` +
      `<xhtml:link rel="alternate" hreflang="vi" href="${loc}"/>` +
      `<xhtml:link rel="alternate" hreflang="en" href="${en}"/></url>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nDisallow: /app/\nDisallow: /api/\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
