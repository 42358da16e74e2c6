/** @jsxImportSource hono/jsx */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { vietnamDay } from '../../../../common/dates.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import type { Platform } from '../../../platform/platform.ts';
import { siteFrame } from '../../../site/frame.ts';
import { type PageMeta, type SiteSection, SitePage } from '../../../site/layout.tsx';
import { registerSiteNotFound } from '../../../site/notFound.ts';
import { PageCache, type RenderedPage, renderedPage, sendPage } from '../../../site/respond.ts';
import { shareImage } from '../../../site/shareImage.ts';
import { href, langOf, type Lang, siteWords } from '../../../site/words.ts';
import { publishedPieces } from '../../publicity/index.ts';
import { type PublicProgrammeOut, publishedCeremony } from '../../ceremony/index.ts';
import { eventJsonLd } from '../../../site/structuredData.ts';
import { publicDocuments } from '../../office/index.ts';
import { type PublicRollSummary, publicRolls } from '../../honours/index.ts';
import { publicProfile } from '../../organisation/index.ts';
import { publicPlans, publicPlanTimeline } from '../../plans/index.ts';
import { CEREMONY_PATH, type PublicEvent, publicEvents } from './events.ts';
import {
  About,
  type Anniversary,
  AnniversaryBand,
  DocumentList,
  EventList,
  homeStyle,
  PlanList,
  PlanTimeline,
  PressByMonth,
  PressList,
  Programme,
  programmeLiveScript,
  programmeStyle,
  RollList,
  timelineStyle,
} from './pages.tsx';
import { sitemapXml, robotsTxt } from './sitemap.ts';
import { pageWords } from './words.ts';
import {
  articleCategories,
  articlesFeed,
  publishedArticle,
  publishedArticles,
  searchPublishedArticles,
  websiteVersion,
} from '../index.ts';
import { ArticleGrid, ArticleView, Categories, newsStyle } from './news.tsx';
import { Pager } from '../../../site/layout.tsx';

/**
 * The public website's own pages (issue 17), server-rendered for anyone and readable without
 * JavaScript: `/` (the anniversary, news, events, the roll of honour), `/su-kien` (every event)
 * and a ceremony's published programme, `/ke-hoach` (the issued plans and their progress),
 * `/gioi-thieu`, `/robots.txt`, `/sitemap.xml`, the shared picture, and the "not found" page.
 * The tournament and the roll of honour have their own pages in their modules, in the same frame.
 * Pages are kept rendered for a few seconds (`PageCache`).
 */
type Page = {
  meta: PageMeta;
  section?: SiteSection;
  style?: string;
  body: unknown;
  status?: 200 | 404;
  query?: string;
  frameHosts?: string[];
  /** Scripts this page alone loads (the ceremony's live programme) and their data attributes. */
  scripts?: string[];
  bodyData?: Record<string, string>;
};

const cache = new PageCache(5_000);
const feedCache = new PageCache(60_000, 4);

async function render(c: Context<AppEnv>, page: Page): Promise<RenderedPage> {
  const platform = c.get('platform');
  return renderedPage(
    <SitePage
      meta={page.meta}
      frame={await siteFrame(platform)}
      origin={platform.config.publicUrl}
      section={page.section}
      style={page.style}
      query={page.query}
      scripts={page.scripts}
      bodyData={page.bodyData}
    >
      {page.body}
    </SitePage>,
    page.status ?? 200,
    page.frameHosts,
  );
}

/** A page built by `build` for this address and language, kept for a few seconds. */
function sitePage(build: (platform: Platform, lang: Lang, c: Context<AppEnv>) => Promise<Page | null>) {
  return async (c: Context<AppEnv>) => {
    const lang = langOf(c.req.query('lang'));
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const page = await cache.page(key, await websiteVersion(c.get('platform').db), async () =>
      render(c, (await build(c.get('platform'), lang, c)) ?? notFoundPage(lang, c.req.path)),
    );
    return sendPage(c, page);
  };
}

function notFoundPage(lang: Lang, path: string): Page {
  const w = siteWords[lang];
  return {
    status: 404,
    meta: { lang, title: w.notFound, description: w.notFoundText, path, noindex: true },
    body: (
      <>
        <h1>{w.notFound}</h1>
        <p class="lead">{w.notFoundText}</p>
        <p>
          <a href={lang === 'en' ? '/?lang=en' : '/'}>{w.backHome}</a>
        </p>
      </>
    ),
  };
}

const today = (platform: Platform) => vietnamDay(platform.clock());

/** The home page's band, from the events and rolls the page reads anyway. */
async function anniversaryOf(
  platform: Platform,
  day: string,
  events: PublicEvent[],
  rolls: PublicRollSummary[],
): Promise<Anniversary> {
  const [profile, plans] = await Promise.all([publicProfile(platform, day), publicPlans(platform)]);
  const ceremonies = events.filter((e) => e.kind === 'ceremony');
  const ceremony = ceremonies.find((e) => e.state !== 'past') ?? ceremonies.at(-1) ?? null;
  let plan: Anniversary['plan'] = null;
  if (plans[0]) {
    const t = await publicPlanTimeline(platform, plans[0].slug);
    if (t)
      plan = {
        slug: t.slug,
        total: t.activities.length,
        done: t.activities.filter((a) => a.status === 'done_on_time' || a.status === 'done_late').length,
      };
  }
  return {
    profile,
    today: day,
    ceremony,
    honoured: rolls.reduce((n, r) => n + r.count, 0),
    events: events.length,
    plan,
  };
}

async function ceremonyPage(platform: Platform, lang: Lang, p: PublicProgrammeOut): Promise<Page> {
  const w = pageWords[lang];
  const path = `${CEREMONY_PATH}/${encodeURIComponent(p.code)}`;
  const description = w.programmeDescription(p.name, p.eventDate, p.venue);
  const frame = await siteFrame(platform);
  return {
    section: 'events',
    style: timelineStyle + programmeStyle,
    scripts: [`${CEREMONY_PATH}/truc-tiep.js`],
    bodyData: { live: `/api/public/ceremonies/${encodeURIComponent(p.code)}/live` },
    meta: {
      lang,
      title: p.name,
      description,
      path,
      jsonLd: eventJsonLd({
        name: p.name,
        description,
        origin: platform.config.publicUrl,
        path,
        startDay: p.eventDate,
        startTime: p.start,
        endTime: p.end,
        venue: p.venue,
        organiser: frame.name,
      }),
    },
    body: <Programme p={p} lang={lang} />,
  };
}

export function registerPublicSite(app: OpenAPIHono<AppEnv>): void {
  app.get(
    '/',
    sitePage(async (platform, lang) => {
      const w = pageWords[lang];
      const day = today(platform);
      const [events, rolls, news, press] = await Promise.all([
        publicEvents(platform, day),
        publicRolls(platform),
        publishedArticles(platform.db, { page: 1, pageSize: 6 }),
        publishedPieces(platform.db, { limit: 6 }),
      ]);
      const a = await anniversaryOf(platform, day, events, rolls);
      const name = a.profile?.name ?? '';
      return {
        section: 'home',
        style: homeStyle + newsStyle,
        meta: {
          lang,
          title: w.homeTitle(name),
          description: w.homeDescription(name),
          path: '/',
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name,
            url: platform.config.publicUrl,
            potentialAction: {
              '@type': 'SearchAction',
              target: `${platform.config.publicUrl}/tim-kiem?q={q}`,
              'query-input': 'required name=q',
            },
          },
        },
        body: (
          <>
            <AnniversaryBand a={a} lang={lang} />
            <section aria-labelledby="news">
              <h2 id="news">{w.latestNews}</h2>
              <ArticleGrid items={news.items} lang={lang} empty={w.noNews} eagerFirst />
              {news.total > news.items.length ? (
                <p>
                  <a href={lang === 'en' ? '/tin-tuc?lang=en' : '/tin-tuc'}>{w.allNews}</a>
                </p>
              ) : null}
            </section>
            <div class="two">
              <section aria-labelledby="events">
                <h2 id="events">{w.events}</h2>
                <EventList events={events.slice(0, 5)} lang={lang} />
                {events.length > 5 ? (
                  <p>
                    <a href={lang === 'en' ? '/su-kien?lang=en' : '/su-kien'}>{w.allEvents}</a>
                  </p>
                ) : null}
              </section>
              <section aria-labelledby="rolls">
                <h2 id="rolls">{w.rolls}</h2>
                <RollList rolls={rolls} lang={lang} />
                <h2 id="press">{w.pressShort}</h2>
                <PressList pieces={press.slice(0, 5)} lang={lang} />
                {press.length > 5 ? (
                  <p>
                    <a href={href('/bao-chi', lang)}>{w.allPress}</a>
                  </p>
                ) : null}
              </section>
            </div>
          </>
        ),
      };
    }),
  );

  const PAGE_SIZE = 12;
  const pageNo = (c: Context<AppEnv>) => {
    const n = Number(c.req.query('trang') ?? '1');
    return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
  };
  const listPage =
    (path: string, current: string | undefined, title: string, description: string) =>
    async (
      platform: Platform,
      lang: Lang,
      c: Context<AppEnv>,
      found: { items: Parameters<typeof ArticleGrid>[0]['items']; total: number },
    ): Promise<Page> => {
      const w = pageWords[lang];
      const n = pageNo(c);
      return {
        section: 'news',
        style: newsStyle,
        meta: {
          lang,
          title: n > 1 ? `${title} – ${siteWords[lang].page(n, Math.ceil(found.total / PAGE_SIZE))}` : title,
          description,
          path: n > 1 ? `${path}?trang=${n}` : path,
        },
        body: (
          <>
            <h1>{title}</h1>
            <Categories cats={await articleCategories(platform.db)} current={current} lang={lang} />
            <ArticleGrid items={found.items} lang={lang} empty={w.noNews} eagerFirst />
            <Pager
              lang={lang}
              page={n}
              total={found.total}
              pageSize={PAGE_SIZE}
              path={(p) => (p > 1 ? `${path}?trang=${p}` : path)}
            />
          </>
        ),
      };
    };

  app.get(
    '/tin-tuc',
    sitePage(async (platform, lang, c) => {
      const w = pageWords[lang];
      const found = await publishedArticles(platform.db, { page: pageNo(c), pageSize: PAGE_SIZE });
      return listPage('/tin-tuc', undefined, w.news, w.newsDescription)(platform, lang, c, found);
    }),
  );
  app.get(
    '/tin-tuc/chuyen-muc/:slug',
    sitePage(async (platform, lang, c) => {
      const slug = c.req.param('slug') ?? '';
      const cat = (await articleCategories(platform.db)).find((x) => x.slug === slug);
      if (!cat) return null;
      const found = await publishedArticles(platform.db, { category: slug, page: pageNo(c), pageSize: PAGE_SIZE });
      return listPage(`/tin-tuc/chuyen-muc/${slug}`, slug, cat.name, `${cat.name}: ${pageWords[lang].newsDescription}`)(
        platform,
        lang,
        c,
        found,
      );
    }),
  );
  app.get(
    '/tin-tuc/the/:slug',
    sitePage(async (platform, lang, c) => {
      const slug = c.req.param('slug') ?? '';
      if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
      const found = await publishedArticles(platform.db, { tag: slug, page: pageNo(c), pageSize: PAGE_SIZE });
      const name = found.items[0]?.tags.find((t) => t.slug === slug)?.name;
      if (!name) return null;
      const w = pageWords[lang];
      return listPage(`/tin-tuc/the/${slug}`, undefined, w.tag(name), w.tagDescription(name))(platform, lang, c, found);
    }),
  );
  app.get(
    '/tin-tuc/:slug',
    sitePage(async (platform, lang, c) => {
      const slug = c.req.param('slug') ?? '';
      if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
      const a = await publishedArticle(platform.db, slug);
      if (!a) return null;
      const origin = platform.config.publicUrl;
      const related = (await publishedArticles(platform.db, { category: a.category.slug, page: 1, pageSize: 4 })).items
        .filter((r) => r.slug !== a.slug)
        .slice(0, 3);
      const press = await publishedPieces(platform.db, { activityIds: a.activityIds, limit: 5 });
      const image = a.cover
        ? { url: a.cover.fallback, width: a.cover.width, height: a.cover.height, alt: a.cover.alt }
        : null;
      const frame = await siteFrame(platform);
      return {
        section: 'news',
        style: newsStyle,
        meta: {
          lang,
          title: a.title,
          description: a.summary,
          path: `/tin-tuc/${a.slug}`,
          type: 'article',
          image,
          publishedAt: a.publishedAt,
          modifiedAt: a.updatedAt,
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: a.title,
            description: a.summary,
            datePublished: a.publishedAt,
            dateModified: a.updatedAt,
            author: [{ '@type': 'Person', name: a.author }],
            publisher: {
              '@type': 'Organization',
              name: frame.name,
              logo: { '@type': 'ImageObject', url: `${origin}/anh-chia-se.png` },
            },
            mainEntityOfPage: `${origin}/tin-tuc/${a.slug}`,
            ...(image ? { image: [`${origin}${image.url}`] } : {}),
            articleSection: a.category.name,
            keywords: a.tags.map((t) => t.name).join(', '),
            inLanguage: 'vi',
          },
        },
        // the video players the sanitiser let into the body (ADR 24), and no other frame
        frameHosts: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'].filter((h) =>
          a.bodyHtml.includes(`src="${h}/`),
        ),
        body: (
          <>
            <ArticleView a={a} lang={lang} related={related} />
            {press.length ? (
              <section aria-labelledby="press">
                <h2 id="press">{pageWords[lang].alsoInPress}</h2>
                <PressList pieces={press} lang={lang} />
              </section>
            ) : null}
          </>
        ),
      };
    }),
  );
  app.get(
    '/tim-kiem',
    sitePage(async (platform, lang, c) => {
      const w = pageWords[lang];
      const q = (c.req.query('q') ?? '').normalize('NFC').trim().slice(0, 200);
      const n = pageNo(c);
      const found = q
        ? await searchPublishedArticles(platform.db, q, { page: n, pageSize: PAGE_SIZE })
        : { items: [], total: 0 };
      const path = (p: number) => `/tim-kiem?q=${encodeURIComponent(q)}${p > 1 ? `&trang=${p}` : ''}`;
      return {
        section: undefined,
        style: newsStyle,
        query: q,
        meta: {
          lang,
          title: q ? `${w.searchTitle}: ${q}` : w.searchTitle,
          description: w.searchDescription,
          path: q ? path(n) : '/tim-kiem',
          noindex: true,
        },
        body: (
          <>
            <h1>{w.searchTitle}</h1>
            <form method="get" action="/tim-kiem" class="search" style="margin:8px 0 14px">
              <label for="q" class="skip">
                {w.searchTitle}
              </label>
              <input id="q" type="search" name="q" value={q} placeholder={w.searchHint} />
              {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
              <button type="submit">{w.searchTitle}</button>
            </form>
            <p class="muted">{q ? (found.total ? w.searchFound(found.total, q) : w.searchNone(q)) : w.searchHint}</p>
            <ArticleGrid items={found.items} lang={lang} empty="" />
            <Pager lang={lang} page={n} total={found.total} pageSize={PAGE_SIZE} path={path} />
          </>
        ),
      };
    }),
  );
  const feed = (format: 'rss' | 'atom') => async (c: Context<AppEnv>) => {
    const platform = c.get('platform');
    const version = await websiteVersion(platform.db);
    const xml = await feedCache.page(`feed|${format}`, version, async () => ({
      html: await articlesFeed(platform.db, platform.config.publicUrl, format),
      etag: `W/"${format}-${version}"`,
      status: 200,
    }));
    if (c.req.header('if-none-match') === xml.etag) return c.body(null, 304, { ETag: xml.etag });
    return c.body(xml.html, 200, {
      'Content-Type': format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      ETag: xml.etag,
    });
  };
  app.get('/rss.xml', feed('rss'));
  app.get('/atom.xml', feed('atom'));

  app.get(
    '/su-kien',
    sitePage(async (platform, lang) => {
      const w = pageWords[lang];
      const events = await publicEvents(platform, today(platform));
      return {
        section: 'events',
        meta: { lang, title: w.events, description: w.eventsDescription, path: '/su-kien' },
        body: (
          <>
            <h1>{w.events}</h1>
            <p class="lead">{w.eventsDescription}</p>
            <EventList events={events} lang={lang} />
          </>
        ),
      };
    }),
  );

  // The programme's live script, before the programme's address (whose code could match it).
  app.get(`${CEREMONY_PATH}/truc-tiep.js`, (c) =>
    c.body(programmeLiveScript, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  // A ceremony's published programme, live on the night: kept rendered while neither the site's
  // content nor the ceremony (its version moves with every call of the show) has changed.
  app.get(`${CEREMONY_PATH}/:code`, async (c) => {
    const platform = c.get('platform');
    const lang = langOf(c.req.query('lang'));
    const code = c.req.param('code') ?? '';
    const found = /^[A-Za-z0-9_.-]{1,40}$/.test(code)
      ? await publishedCeremony(platform, code).catch(() => null)
      : null;
    const url = new URL(c.req.url);
    const version = `${await websiteVersion(platform.db)}|${found?.version ?? '-'}`;
    const page = await cache.page(`${url.pathname}${url.search}`, version, async () =>
      render(c, found ? await ceremonyPage(platform, lang, found.programme) : notFoundPage(lang, c.req.path)),
    );
    // revalidated on every visit: a reload shows the show as it stands
    return sendPage(c, page, { maxAge: 0 });
  });

  app.get(
    '/bao-chi',
    sitePage(async (platform, lang) => ({
      section: 'press',
      meta: { lang, title: pageWords[lang].press, description: pageWords[lang].pressDescription, path: '/bao-chi' },
      body: <PressByMonth pieces={await publishedPieces(platform.db)} lang={lang} />,
    })),
  );

  app.get(
    '/ke-hoach',
    sitePage(async (platform, lang) => {
      const w = pageWords[lang];
      return {
        section: 'plan',
        meta: { lang, title: w.plan, description: w.plansDescription, path: '/ke-hoach' },
        body: (
          <>
            <h1>{w.plan}</h1>
            <p class="lead">{w.plansDescription}</p>
            <PlanList plans={await publicPlans(platform)} lang={lang} />
          </>
        ),
      };
    }),
  );

  app.get(
    '/ke-hoach/:slug',
    sitePage(async (platform, lang, c) => {
      const slug = c.req.param('slug') ?? '';
      if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
      const t = await publicPlanTimeline(platform, slug);
      if (!t) return null;
      return {
        section: 'plan',
        style: timelineStyle,
        meta: {
          lang,
          title: pageWords[lang].planTitle(t.kind, t.title),
          description: `${pageWords[lang].planNumber(t.number, t.issuedOn)}. ${pageWords[lang].timeline}.`,
          path: `/ke-hoach/${slug}`,
        },
        body: <PlanTimeline t={t} lang={lang} />,
      };
    }),
  );

  app.get(
    '/van-ban',
    sitePage(async (platform, lang, c) => {
      const w = pageWords[lang];
      const n = pageNo(c);
      const found = await publicDocuments(platform.db, { page: n, pageSize: 20 });
      return {
        section: 'documents',
        style: timelineStyle,
        meta: {
          lang,
          title: w.documents,
          description: w.documentsDescription,
          path: n > 1 ? `/van-ban?trang=${n}` : '/van-ban',
        },
        body: (
          <>
            <h1>{w.documents}</h1>
            <p class="lead">{w.documentsDescription}</p>
            <DocumentList items={found.items} lang={lang} />
            <Pager
              lang={lang}
              page={n}
              total={found.total}
              pageSize={20}
              path={(p) => (p > 1 ? `/van-ban?trang=${p}` : '/van-ban')}
            />
          </>
        ),
      };
    }),
  );

  app.get(
    '/gioi-thieu',
    sitePage(async (platform, lang) => {
      const profile = await publicProfile(platform, today(platform));
      const w = pageWords[lang];
      return {
        section: 'about',
        meta: { lang, title: w.about, description: w.aboutDescription(profile?.name ?? ''), path: '/gioi-thieu' },
        body: <About profile={profile} lang={lang} />,
      };
    }),
  );

  app.get('/anh-chia-se.png', async (c) => {
    const frame = await siteFrame(c.get('platform'));
    const image = await shareImage(frame.name, siteWords.vi.portal);
    return c.body(new Uint8Array(image), 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'public, max-age=86400',
    });
  });
  app.get('/robots.txt', (c) =>
    c.text(robotsTxt(c.get('platform').config.publicUrl), 200, { 'Cache-Control': 'public, max-age=3600' }),
  );
  app.get('/sitemap.xml', async (c) =>
    c.body(await sitemapXml(c.get('platform')), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );

  registerSiteNotFound(async (c) => {
    const lang = langOf(c.req.query('lang'));
    return sendPage(c, await render(c, notFoundPage(lang, c.req.path)));
  });
}
