/**
 * The website module's public entry (ADR 17): what the public site (src/server/site) and other
 * modules may use. Published articles only; every function takes the database.
 */
export {
  articleCategories,
  type PublicArticle,
  type PublicArticleSummary,
  type PublicImage,
  publishedArticle,
  publishedArticles,
  searchPublishedArticles,
  websiteVersion,
} from './publicArticles.ts';
export { articlesFeed } from './feed.ts';
