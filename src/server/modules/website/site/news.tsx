/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { formatDmy } from '../../../../common/dates.ts';
import { Picture } from '../../../site/layout.tsx';
import { href, type Lang } from '../../../site/words.ts';
import type { PublicArticle, PublicArticleSummary } from '../index.ts';
import { pageWords } from './words.ts';

/** The news pages' content: article cards, an article, the search results. */
const dayOf = (iso: string) => formatDmy(iso.slice(0, 10));

export const newsStyle = `
.card .meta{margin:0;font-size:14px;color:#5f564d}
.card p.sum{margin:4px 0 0;color:#3b342e;font-size:16px}
.cats{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 16px}
.cats a{padding:3px 10px;border:1px solid #e4dccd;border-radius:999px;background:#fff;text-decoration:none;font-size:15px}
.cats a[aria-current]{background:#a4161a;border-color:#a4161a;color:#fff}
article.post{max-width:780px}
article.post .meta{color:#5f564d;font-size:15px;margin:0 0 12px}
article.post figure{margin:16px 0}
article.post figure img{display:block;width:100%;height:auto;border-radius:8px}
article.post figcaption{font-size:14px;color:#5f564d;margin-top:6px;font-style:italic}
.prose{font-size:18px;line-height:1.65;overflow-wrap:break-word}
.prose h2{border:0;margin:26px 0 8px}
.prose blockquote{margin:16px 0;padding:6px 16px;border-left:4px solid #a4161a;background:#fff;color:#3b342e}
.prose iframe{width:100%;aspect-ratio:16/9;height:auto;border:0}
.tags{margin:20px 0}
mark{background:#ffe08a}
`;

export const ArticleCard: FC<{ a: PublicArticleSummary; lang: Lang; eager?: boolean }> = ({ a, lang, eager }) => (
  <article class="card">
    {a.cover ? <Picture image={a.cover} sizes="(max-width: 640px) 100vw, 380px" eager={eager} /> : null}
    <div class="body">
      <p class="meta">
        <a href={href(`/tin-tuc/chuyen-muc/${a.category.slug}`, lang)}>{a.category.name}</a> ·{' '}
        <time datetime={a.publishedAt}>{dayOf(a.publishedAt)}</time>
      </p>
      <h3>
        <a href={href(`/tin-tuc/${a.slug}`, lang)}>{a.title}</a>
      </h3>
      <p class="sum">{a.summary}</p>
    </div>
  </article>
);

export const ArticleGrid: FC<{ items: PublicArticleSummary[]; lang: Lang; empty: string; eagerFirst?: boolean }> = ({
  items,
  lang,
  empty,
  eagerFirst,
}) =>
  items.length === 0 ? (
    <p class="muted">{empty}</p>
  ) : (
    <div class="grid">
      {items.map((a, i) => (
        <ArticleCard a={a} lang={lang} eager={eagerFirst && i === 0} />
      ))}
    </div>
  );

export const Categories: FC<{
  cats: { slug: string; name: string; count: number }[];
  current?: string;
  lang: Lang;
}> = ({ cats, current, lang }) => (
  <nav class="cats" aria-label={pageWords[lang].categories}>
    <a href={href('/tin-tuc', lang)} aria-current={current === undefined ? 'page' : undefined}>
      {pageWords[lang].allNews}
    </a>
    {cats
      .filter((c) => c.count > 0)
      .map((c) => (
        <a href={href(`/tin-tuc/chuyen-muc/${c.slug}`, lang)} aria-current={c.slug === current ? 'page' : undefined}>
          {c.name} ({c.count})
        </a>
      ))}
  </nav>
);

export const ArticleView: FC<{ a: PublicArticle; lang: Lang; related: PublicArticleSummary[] }> = ({
  a,
  lang,
  related,
}) => {
  const w = pageWords[lang];
  return (
    <>
      <p class="crumbs">
        <a href={href('/tin-tuc', lang)}>{w.news}</a> ›{' '}
        <a href={href(`/tin-tuc/chuyen-muc/${a.category.slug}`, lang)}>{a.category.name}</a>
      </p>
      <article class="post">
        <h1>{a.title}</h1>
        <p class="meta">
          {w.byAuthor(a.author)} · <time datetime={a.publishedAt}>{dayOf(a.publishedAt)}</time>
        </p>
        <p class="lead">{a.summary}</p>
        {a.cover ? (
          <figure>
            <Picture image={a.cover} sizes="(max-width: 800px) 100vw, 780px" eager />
            {a.cover.caption ? <figcaption>{a.cover.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div class="prose" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        {a.tags.length > 0 ? (
          <p class="tags">
            {w.tags}:{' '}
            {a.tags.map((t) => (
              <a class="tag" href={href(`/tin-tuc/the/${t.slug}`, lang)}>
                {t.name}
              </a>
            ))}
          </p>
        ) : null}
      </article>
      {related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">{w.related}</h2>
          <ArticleGrid items={related} lang={lang} empty="" />
        </section>
      ) : null}
    </>
  );
};
