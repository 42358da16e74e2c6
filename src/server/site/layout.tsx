/** @jsxImportSource hono/jsx */
import { type Child, createContext, type FC } from 'hono/jsx';
import type { Platform } from '../platform/platform.ts';
import { type SiteFrame, siteContext } from './frame.ts';
import { siteStyle } from './style.ts';
import { href, type Lang, siteWords } from './words.ts';

/** The sections of the site, in the menu's order; a page names the one it belongs to. */
export const siteSections = ['home', 'news', 'events', 'plan', 'honours', 'press', 'documents', 'about'] as const;
export type SiteSection = (typeof siteSections)[number];
export const sectionPaths: Record<SiteSection, string> = {
  home: '/',
  news: '/tin-tuc',
  events: '/su-kien',
  plan: '/ke-hoach',
  honours: '/vinh-danh',
  press: '/bao-chi',
  documents: '/van-ban',
  about: '/gioi-thieu',
};

/** The default picture shared when a page has none of its own (made by `shareImage.ts`). */
export const SHARE_IMAGE = { path: '/anh-chia-se.png', width: 1200, height: 630 };

export type PageMeta = {
  lang: Lang;
  /** The page's own title; the organisation's name is added after it. */
  title: string;
  description: string;
  /** The page's path without the language (`/tin-tuc/abc`): the canonical address is built from it. */
  path: string;
  type?: 'website' | 'article';
  image?: { url: string; width: number; height: number; alt: string } | null;
  /** Structured data (schema.org), written as JSON-LD. */
  jsonLd?: object | readonly object[];
  /** Pages that must not be indexed (search results, not found). */
  noindex?: boolean;
  publishedAt?: string;
  modifiedAt?: string;
};

export type SitePageProps = {
  meta: PageMeta;
  frame: SiteFrame;
  /** The site's address (KYNIEM_PUBLIC_URL), for canonical and shared addresses. */
  origin: string;
  section?: SiteSection;
  /** A module's own rules, after the site's style sheet. */
  style?: string;
  /** Scripts this page alone needs (e.g. the live results), deferred. */
  scripts?: readonly string[];
  bodyClass?: string;
  /** Attributes for the live script (data-live and the like). */
  bodyData?: Record<string, string>;
  query?: string;
  children?: unknown;
};

/** JSON inside <script>: no "</script>" or "<!--" can end or change the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function absoluteUrl(origin: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A public page: head with its title, description, canonical and shared tags, the site's header and menu, the page, the footer. */
export const SitePage: FC<SitePageProps> = ({
  meta,
  frame,
  origin,
  section,
  style,
  scripts,
  bodyClass,
  bodyData,
  query,
  children,
}) => {
  const w = siteWords[meta.lang];
  const canonical = absoluteUrl(origin, href(meta.path, meta.lang));
  const title = meta.path === '/' ? `${meta.title}` : `${meta.title} – ${frame.name}`;
  const image = meta.image ?? {
    url: SHARE_IMAGE.path,
    width: SHARE_IMAGE.width,
    height: SHARE_IMAGE.height,
    alt: frame.name,
  };
  const imageUrl = absoluteUrl(origin, image.url);
  const ld = meta.jsonLd ? (Array.isArray(meta.jsonLd) ? meta.jsonLd : [meta.jsonLd]) : [];
  const data = Object.fromEntries(Object.entries(bodyData ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <html lang={meta.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang="vi" href={absoluteUrl(origin, meta.path)} />
        <link rel="alternate" hreflang="en" href={absoluteUrl(origin, href(meta.path, 'en'))} />
        <link rel="alternate" type="application/rss+xml" title={w.feeds} href="/rss.xml" />
        <link rel="alternate" type="application/atom+xml" title={w.feeds} href="/atom.xml" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta property="og:site_name" content={frame.name} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={meta.lang === 'vi' ? 'vi_VN' : 'en_GB'} />
        <meta property="og:image" content={imageUrl} />
        <meta property="og:image:width" content={String(image.width)} />
        <meta property="og:image:height" content={String(image.height)} />
        <meta property="og:image:alt" content={image.alt} />
        {meta.publishedAt ? <meta property="article:published_time" content={meta.publishedAt} /> : null}
        {meta.modifiedAt ? <meta property="article:modified_time" content={meta.modifiedAt} /> : null}
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        <meta name="twitter:image" content={imageUrl} />
        <meta name="twitter:image:alt" content={image.alt} />
        <style dangerouslySetInnerHTML={{ __html: siteStyle + (style ?? '') }} />
        {ld.map((item) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(item) }} />
        ))}
        {(scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class={bodyClass} data-lang={meta.lang} {...data}>
        <a class="skip" href="#content">
          {w.skip}
        </a>
        <header class="site">
          <div class="masthead wrap">
            <a class="brand" href={href('/', meta.lang)}>
              <span class="mark" aria-hidden="true">
                ★
              </span>
              <span>
                <small>{w.portal}</small>
                {frame.name}
              </span>
            </a>
            <div class="tools">
              <search>
                <form class="search" method="get" action="/tim-kiem">
                  <label class="skip" for="site-search">
                    {w.search}
                  </label>
                  <input
                    id="site-search"
                    type="search"
                    name="q"
                    value={query ?? ''}
                    placeholder={w.searchPlaceholder}
                  />
                  {meta.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
                  <button type="submit">{w.search}</button>
                </form>
              </search>
              <nav aria-label={w.language}>
                {meta.lang === 'vi' ? (
                  <span aria-current="true">Tiếng Việt</span>
                ) : (
                  <a href={meta.path} hreflang="vi" lang="vi">
                    Tiếng Việt
                  </a>
                )}
                {' · '}
                {meta.lang === 'en' ? (
                  <span aria-current="true">English</span>
                ) : (
                  <a href={href(meta.path, 'en')} hreflang="en" lang="en">
                    English
                  </a>
                )}
              </nav>
              <a href="/app/">{w.signIn}</a>
            </div>
          </div>
          <nav class="sections" aria-label={w.menu}>
            <ul>
              {siteSections.map((s) => (
                <li>
                  <a href={href(sectionPaths[s], meta.lang)} aria-current={s === section ? 'page' : undefined}>
                    {w[s]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content" class="wrap">
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <div>
              <p>
                <strong>{frame.name}</strong>
              </p>
              {frame.address ? <p>{frame.address}</p> : null}
              {frame.phone ? <p>☎ {frame.phone}</p> : null}
              {frame.email ? (
                <p>
                  <a href={`mailto:${frame.email}`}>{frame.email}</a>
                </p>
              ) : null}
            </div>
            <div>
              <p>
                <a href={href('/gioi-thieu', meta.lang)}>
                  {w.about} · {w.contact}
                </a>
              </p>
              <p>
                <a href="/rss.xml">{w.feeds}</a> · <a href="/sitemap.xml">{w.sitemap}</a>
              </p>
              <p>
                <a href="/app/">{w.signIn}</a>
              </p>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
};

/** Page numbers as links; nothing when everything fits on one page. */
export const Pager: FC<{
  lang: Lang;
  page: number;
  total: number;
  pageSize: number;
  path: (page: number) => string;
}> = ({ lang, page, total, pageSize, path }) => {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const w = siteWords[lang];
  return (
    <nav class="pages" aria-label={w.pages}>
      {page > 1 ? (
        <a href={href(path(page - 1), lang)} rel="prev">
          {w.previous}
        </a>
      ) : (
        <span />
      )}
      <span class="muted">{w.page(page, pages)}</span>
      {page < pages ? (
        <a href={href(path(page + 1), lang)} rel="next">
          {w.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
};

/** A responsive picture: AVIF and WebP where the browser takes them, JPEG otherwise; sized, lazy below the fold. */
export type PictureSource = { type: string; srcset: string };
export const Picture: FC<{
  image: { alt: string; width: number; height: number; sources: readonly PictureSource[]; fallback: string };
  sizes: string;
  eager?: boolean;
}> = ({ image, sizes, eager }) => (
  <picture>
    {image.sources.map((s) => (
      <source type={s.type} srcset={s.srcset} sizes={sizes} />
    ))}
    <img
      src={image.fallback}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      {...(eager ? { fetchpriority: 'high' } : {})}
    />
  </picture>
);

/**
 * The frame and the site's address for a module's public page (the tournament, the roll of
 * honour, the festival): its handler provides them once (`siteContext`), its layout reads them
 * and renders `SitePage`.
 */
export type SiteContextValue = { frame: SiteFrame; origin: string };
export const SiteContext = createContext<SiteContextValue>({
  frame: { name: 'Kyniem', address: null, phone: null, email: null },
  origin: '',
});

/** A module's public page as a document: its content inside the site's frame for this platform. */
export async function siteDocument(platform: Platform, node: Child): Promise<string> {
  return `<!doctype html>${String(<SiteContext.Provider value={await siteContext(platform)}>{node}</SiteContext.Provider>)}`;
}
