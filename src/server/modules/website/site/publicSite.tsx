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
import { langOf, type Lang, siteWords } from '../../../site/words.ts';
import { publicProgramme } from '../../ceremony/index.ts';
import { publicRolls } from '../../honours/index.ts';
import { publicProfile } from '../../organisation/index.ts';
import { publicPlans, publicPlanTimeline } from '../../plans/index.ts';
import { CEREMONY_PATH, publicEvents } from './events.ts';
import {
  About,
  type Anniversary,
  AnniversaryBand,
  EventList,
  homeStyle,
  PlanList,
  PlanTimeline,
  Programme,
  RollList,
  timelineStyle,
} from './pages.tsx';
import { sitemapXml, robotsTxt } from './sitemap.ts';
import { pageWords } from './words.ts';

/**
 * The public website's own pages (issue 17), server-rendered for anyone and readable without
 * JavaScript: `/` (the anniversary, news, events, the roll of honour), `/su-kien` (every event)
 * and a ceremony's published programme, `/ke-hoach` (the issued plans and their progress),
 * `/gioi-thieu`, `/robots.txt`, `/sitemap.xml`, the shared picture, and the "not found" page.
 * The tournament and the roll of honour have their own pages in their modules, in the same frame.
 * Pages are kept rendered for a few seconds (`PageCache`).
 */
type Page = { meta: PageMeta; section?: SiteSection; style?: string; body: unknown; status?: 200 | 404 };

const cache = new PageCache(5_000);

async function render(c: Context<AppEnv>, page: Page): Promise<RenderedPage> {
  const platform = c.get('platform');
  return renderedPage(
    <SitePage
      meta={page.meta}
      frame={await siteFrame(platform)}
      origin={platform.config.publicUrl}
      section={page.section}
      style={page.style}
    >
      {page.body}
    </SitePage>,
    page.status ?? 200,
  );
}

/** A page built by `build` for this address and language, kept for a few seconds. */
function sitePage(build: (platform: Platform, lang: Lang, c: Context<AppEnv>) => Promise<Page | null>) {
  return async (c: Context<AppEnv>) => {
    const lang = langOf(c.req.query('lang'));
    const key = `${c.req.path}|${lang}`;
    const page = await cache.page(key, '', async () =>
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

async function anniversaryOf(platform: Platform): Promise<Anniversary> {
  const day = today(platform);
  const [profile, events, rolls, plans] = await Promise.all([
    publicProfile(platform, day),
    publicEvents(platform, day),
    publicRolls(platform),
    publicPlans(platform),
  ]);
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

export function registerPublicSite(app: OpenAPIHono<AppEnv>): void {
  app.get(
    '/',
    sitePage(async (platform, lang) => {
      const w = pageWords[lang];
      const [a, events, rolls] = await Promise.all([
        anniversaryOf(platform),
        publicEvents(platform, today(platform)),
        publicRolls(platform),
      ]);
      const name = a.profile?.name ?? '';
      return {
        section: 'home',
        style: homeStyle,
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
              </section>
            </div>
          </>
        ),
      };
    }),
  );

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

  app.get(
    `${CEREMONY_PATH}/:code`,
    sitePage(async (platform, lang, c) => {
      const w = pageWords[lang];
      const code = c.req.param('code') ?? '';
      if (!/^[A-Za-z0-9_.-]{1,40}$/.test(code)) return null;
      const p = await publicProgramme(platform, code).catch(() => null);
      if (!p) return null;
      const origin = platform.config.publicUrl;
      return {
        section: 'events',
        style: timelineStyle,
        meta: {
          lang,
          title: p.name,
          description: w.programmeDescription(p.name, p.eventDate, p.venue),
          path: `${CEREMONY_PATH}/${encodeURIComponent(p.code)}`,
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'Event',
            name: p.name,
            startDate: `${p.eventDate}T${p.start}:00+07:00`,
            eventStatus: 'https://schema.org/EventScheduled',
            eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
            location: { '@type': 'Place', name: p.venue, address: p.venue },
            url: `${origin}${CEREMONY_PATH}/${encodeURIComponent(p.code)}`,
          },
        },
        body: <Programme p={p} lang={lang} />,
      };
    }),
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
