import sanitizeHtml from 'sanitize-html';
import { escapeHtml, fold, slugify as slugifyText } from '../../../common/text.ts';
export { videoEmbedUrl } from '../../../common/video.ts';

/**
 * What an article's body may hold (ADR 24): the allow-list given to sanitize-html, run on the
 * server on every save. Headings (an h1 becomes an h2: the page's h1 is the title), paragraphs,
 * lists, quotes, links (http, https, mailto; opened with rel="noopener noreferrer nofollow" when
 * they leave the site), images only from the website's own image store (`/anh/<id>/<width>.<ext>`,
 * an image that exists), and video only as an iframe of YouTube's no-cookie player or Vimeo's
 * player. Everything else — scripts, styles, event handlers, `javascript:` and `data:` addresses,
 * forms, other iframes — is dropped, with the text of scripts and styles.
 */
export const IMAGE_SRC = /^\/anh\/([0-9a-f-]{36})\/(\d{2,4})\.(jpg|webp|avif)$/;
const VIDEO_SRC = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{6,20}$/,
  /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}$/,
];

/** Plain text (titles, tags, captions, alt text): any markup removed, entities read back, NFC, one line. */
export function plainText(value: string): string {
  const stripped = sanitizeHtml(value, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(stripped).normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

export { escapeHtml };

/**
 * The body as it is stored: sanitised by the allow-list. `imageExists` says which of the website's
 * images may be shown (an address naming any other is dropped with its tag).
 */
export function sanitizeBody(html: string, imageExists: (id: string) => boolean): string {
  const clean = sanitizeHtml(html.normalize('NFC'), {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'ul',
      'ol',
      'li',
      'blockquote',
      'a',
      'img',
      'figure',
      'figcaption',
      'iframe',
      'hr',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title'],
      iframe: ['src', 'title', 'allowfullscreen'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedIframeHostnames: ['www.youtube-nocookie.com', 'player.vimeo.com'],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template'],
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const external = /^https?:/i.test(href);
        const out: Record<string, string> = { href };
        if (attribs.title) out.title = plainText(attribs.title);
        if (external) {
          out.rel = 'noopener noreferrer nofollow';
          out.target = '_blank';
        }
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => ({
        tagName,
        attribs: {
          src: attribs.src ?? '',
          alt: plainText(attribs.alt ?? ''),
          ...(attribs.title ? { title: plainText(attribs.title) } : {}),
        },
      }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: { src: attribs.src ?? '', title: plainText(attribs.title ?? 'Video'), allowfullscreen: '' },
      }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') {
        const m = IMAGE_SRC.exec(frame.attribs.src ?? '');
        return !m || !imageExists(m[1]);
      }
      if (frame.tag === 'iframe') return !VIDEO_SRC.some((r) => r.test(frame.attribs.src ?? ''));
      if (frame.tag === 'a') return !frame.attribs.href;
      return false;
    },
  });
  return clean.trim();
}

/** The image ids a (sanitised) body shows. */
export function imageIdsIn(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) {
    const id = IMAGE_SRC.exec(m[1])?.[1];
    if (id) ids.add(id);
  }
  return [...ids];
}

/** A (sanitised) body's text: tags become spaces, entities are read back. */
export function bodyText(html: string): string {
  const withBreaks = html.replace(/<img\b[^>]*\btitle="([^"]*)"[^>]*>/g, ' $1 ');
  return decodeEntities(withBreaks.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The search key of an article: its title, summary, body text and tags, folded. */
export function searchKey(a: { title: string; summary: string; bodyHtml: string; tags: string[] }): string {
  return fold([a.title, a.summary, bodyText(a.bodyHtml), a.tags.join(' ')].join(' \u2022 '));
}

/** "Giải cầu lông Công nhân 2019" → "giai-cau-long-cong-nhan-2019". */
export function slugify(value: string, max = 80): string {
  return slugifyText(value, max) || 'bai-viet';
}
