/** The website module's row types, merged into the one `Database` (ADR 13, ADR 24). */
export interface WebsiteCategoriesTable {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string;
  position: number;
}

export interface WebsiteArticlesTable {
  id: string;
  /** Vietnamese without diacritics; fixed once the article has been published */
  slug: string;
  title: string;
  summary: string;
  /** the editor's HTML, sanitised on the server on every save (ADR 24) */
  body_html: string;
  /** title, summary, body text and tags folded (no diacritics, lower case): the search key */
  search_folded: string;
  cover_image_id: string | null;
  /** required with a cover: what the picture shows, for those who cannot see it */
  cover_alt: string | null;
  cover_caption: string | null;
  category_id: string;
  /** JSON {slug,name}[] */
  tags_json: string;
  author: string;
  /** JSON string[]: plan activities and units covered */
  activity_ids_json: string;
  unit_ids_json: string;
  /** draft | submitted | approved | returned | scheduled | published | unpublished */
  status: string;
  review_comment: string | null;
  /** the revision the reviewer approved last (what changed since is shown) */
  approved_revision: number | null;
  scheduled_for: string | null;
  published_at: string | null;
  /** set at the first publication; the slug is kept from then on */
  first_published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** the last revision's number */
  revision: number;
}

export interface WebsiteArticleTagsTable {
  article_id: string;
  slug: string;
  name: string;
  position: number;
}

export interface WebsiteRevisionsTable {
  id: string;
  article_id: string;
  number: number;
  title: string;
  summary: string;
  body_html: string;
  saved_by: string | null;
  saved_by_name: string;
  saved_at: string;
}

/** The workflow's steps, with who and when (and the reviewer's comment). */
export interface WebsiteEventsTable {
  id: string;
  article_id: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  revision: number;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

/** An uploaded image: its original (a platform file, re-encoded without metadata) and its size. */
export interface WebsiteImagesTable {
  id: string;
  file_id: string;
  width: number;
  height: number;
  created_by: string | null;
  created_at: string;
}

/** The sizes made once at upload: each width as AVIF, WebP and JPEG. */
export interface WebsiteImageVariantsTable {
  image_id: string;
  width: number;
  height: number;
  format: string;
  media_type: string;
  size: number;
  content: Uint8Array;
}

/** Images an article shows (its cover and those in its body), kept on every save. */
export interface WebsiteArticleImagesTable {
  article_id: string;
  image_id: string;
}

/** One row: raised on every change to what the public sees (`websiteVersion`). */
export interface WebsiteStateTable {
  id: string;
  version: number;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    website_categories: WebsiteCategoriesTable;
    website_articles: WebsiteArticlesTable;
    website_article_tags: WebsiteArticleTagsTable;
    website_revisions: WebsiteRevisionsTable;
    website_events: WebsiteEventsTable;
    website_images: WebsiteImagesTable;
    website_image_variants: WebsiteImageVariantsTable;
    website_article_images: WebsiteArticleImagesTable;
    website_state: WebsiteStateTable;
  }
}
