import type { Db } from '../../platform/db/database.ts';
import { publishedArticle, publishedArticles } from './publicArticles.ts';

/**
 * The latest published articles as RSS 2.0 or Atom 1.0, written by the `feed` package (which
 * escapes every text and wraps the content). The body is the sanitised public body with absolute
 * image addresses. The package loads at the first feed, not at start-up.
 */
export const FEED_SIZE = 20;

export async function articlesFeed(db: Db, siteUrl: string, format: 'rss' | 'atom'): Promise<string> {
  const { Feed } = await import('feed');
  const site = siteUrl.replace(/\/+$/, '');
  const { items } = await publishedArticles(db, { page: 1, pageSize: FEED_SIZE });
  const feed = new Feed({
    title: 'Đảng bộ Khối Doanh nghiệp tỉnh Thái Bình — Tin tức',
    description: 'Tin hoạt động, gương điển hình và thông báo của Đảng bộ Khối',
    id: `${site}/`,
    link: `${site}/`,
    language: 'vi',
    copyright: 'Đảng ủy Khối Doanh nghiệp tỉnh Thái Bình',
    updated: items[0] ? new Date(items[0].publishedAt) : new Date(0),
    generator: false,
    feedLinks: { rss: `${site}/rss.xml`, atom: `${site}/atom.xml` },
  });
  for (const s of items) {
    const full = await publishedArticle(db, s.slug);
    if (!full) continue;
    const link = `${site}/tin-tuc/${s.slug}`;
    feed.addItem({
      title: s.title,
      id: link,
      link,
      description: s.summary,
      content: full.bodyHtml
        .replace(/(src|srcset)="\/anh\//g, `$1="${site}/anh/`)
        .replace(/, \/anh\//g, `, ${site}/anh/`),
      date: new Date(full.updatedAt),
      published: new Date(s.publishedAt),
      author: [{ name: s.author }],
      category: [
        { name: s.category.name, term: s.category.slug },
        ...s.tags.map((t) => ({ name: t.name, term: t.slug })),
      ],
      ...(s.cover ? { image: { url: `${site}${s.cover.fallback}`, type: 'image/jpeg' } } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
