import type { Context } from 'hono';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { principalForToken, sessionTokenIn } from '../../platform/auth/sessions.ts';
import { attachFiles, readStoredFile, saveUpload } from '../../platform/files/store.ts';
import { withUploadSlot } from '../../platform/files/slots.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * The website's images (ADR 24). An upload goes through the platform's files first (its kind read
 * from the bytes, then decoded and written again by sharp without Exif, XMP, IPTC or comments);
 * from that clean original a few widths are made, once, each as AVIF, WebP and JPEG, and kept with
 * their sizes. They are served at `/anh/<id>/<width>.<avif|webp|jpg>`: to anyone, with a year's
 * cache, once an article that shows the image is published; before that only to those who read the
 * website's articles (their session), never cached.
 */
export const IMAGE_FILES = 'website.image';
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
export const IMAGE_FORMATS = [
  { format: 'avif', ext: 'avif', mediaType: 'image/avif' },
  { format: 'webp', ext: 'webp', mediaType: 'image/webp' },
  { format: 'jpeg', ext: 'jpg', mediaType: 'image/jpeg' },
] as const;
export type ImageOut = { id: string; width: number; height: number; src: string; widths: number[] };

const imageUrl = (id: string, width: number, ext: string) => `/anh/${id}/${width}.${ext}`;

/** The widths made for an original of this width: the standard ones below it, and at least one. */
export function widthsFor(original: number): number[] {
  const below = IMAGE_WIDTHS.filter((w) => w <= original);
  return below.length > 0 ? [...below] : [original];
}

/** Uploads an image for an article: checked, stripped, resized once; answers its default address. */
export async function uploadImage(
  platform: Platform,
  caller: Caller,
  bytes: Uint8Array,
  name: string | null,
): Promise<ImageOut> {
  return withUploadSlot(caller.actor.userId, async () => {
    const stored = await saveUpload(platform, caller.actor, bytes, name, { allowed: ['png', 'jpeg', 'webp'] });
    const file = await readStoredFile(platform, caller, stored.id);
    const { default: sharp } = await import('sharp');
    const meta = await sharp(file.content).metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    const variants: { width: number; height: number; format: string; media_type: string; content: Buffer }[] = [];
    for (const w of widthsFor(width)) {
      const h = Math.max(1, Math.round((height * w) / width));
      for (const f of IMAGE_FORMATS) {
        const resized = sharp(file.content).resize(w, h, { fit: 'fill' });
        const out =
          f.format === 'avif'
            ? resized.avif({ quality: 50, effort: 2 })
            : f.format === 'webp'
              ? resized.webp({ quality: 75 })
              : resized.jpeg({ quality: 80, mozjpeg: true, progressive: true });
        variants.push({
          width: w,
          height: h,
          format: f.format,
          media_type: f.mediaType,
          content: await out.toBuffer(),
        });
      }
    }
    const now = platform.clock();
    const id = newId(now.getTime());
    await platform.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('website_images')
        .values({
          id,
          file_id: stored.id,
          width,
          height,
          created_by: caller.actor.userId,
          created_at: now.toISOString(),
        })
        .execute();
      for (const v of variants)
        await tx
          .insertInto('website_image_variants')
          .values({ image_id: id, ...v, size: v.content.length })
          .execute();
      await attachFiles(tx, caller.actor, [stored.id], { type: IMAGE_FILES, id });
      await recordAudit(
        tx,
        caller.actor,
        {
          action: 'website.image.upload',
          entityType: 'website_image',
          entityId: id,
          after: { fileId: stored.id, name: stored.name, width, height, variants: variants.length },
        },
        now,
      );
    });
    const widths = widthsFor(width);
    const def = widths.includes(960) ? 960 : widths[widths.length - 1];
    return { id, width, height, src: imageUrl(id, def, 'jpg'), widths };
  });
}

/** Which of these ids are images of the website. */
export async function existingImages(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)].filter((i) => /^[0-9a-f-]{36}$/.test(i));
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('website_images').select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

export type ImageInfo = { id: string; width: number; height: number; widths: { width: number; height: number }[] };

/** Each image's size and the widths made for it. */
export async function imageInfo(db: Db, ids: readonly string[]): Promise<Map<string, ImageInfo>> {
  const out = new Map<string, ImageInfo>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('website_images')
    .select(['id', 'width', 'height'])
    .where('id', 'in', unique)
    .execute();
  const variants = await db
    .selectFrom('website_image_variants')
    .select(['image_id', 'width', 'height'])
    .where('image_id', 'in', unique)
    .where('format', '=', 'jpeg')
    .orderBy('width')
    .execute();
  for (const r of rows) out.set(r.id, { id: r.id, width: r.width, height: r.height, widths: [] });
  for (const v of variants) out.get(v.image_id)?.widths.push({ width: v.width, height: v.height });
  return out;
}

/** An image's sources for a `<picture>`: AVIF, WebP, then the JPEG fallback near 960 px. */
export function pictureOf(info: ImageInfo) {
  const srcset = (ext: string) => info.widths.map((w) => `${imageUrl(info.id, w.width, ext)} ${w.width}w`).join(', ');
  const fallback = info.widths.find((w) => w.width >= 960) ?? info.widths[info.widths.length - 1];
  return {
    width: fallback.width,
    height: fallback.height,
    sources: [
      { type: 'image/avif' as const, srcset: srcset('avif') },
      { type: 'image/webp' as const, srcset: srcset('webp') },
      { type: 'image/jpeg' as const, srcset: srcset('jpg') },
    ],
    fallback: imageUrl(info.id, fallback.width, 'jpg'),
  };
}

const PUBLISHED = ['published'];

/** `/anh/:id/:file` — the site route (registered as the module's `site`). */
export function registerImageRoute(app: {
  get: (path: string, h: (c: Context<AppEnv>) => Promise<Response>) => unknown;
}) {
  app.get('/anh/:id/:file', async (c) => {
    const platform = c.get('platform');
    const id = c.req.param('id') ?? '';
    const m = /^(\d{2,4})\.(avif|webp|jpg)$/.exec(c.req.param('file') ?? '');
    const notFound = () => c.text('Không tìm thấy ảnh / Image not found', 404);
    if (!m || !/^[0-9a-f-]{36}$/.test(id)) return notFound();
    const format = IMAGE_FORMATS.find((f) => f.ext === m[2])!;
    const variant = await platform.db
      .selectFrom('website_image_variants')
      .select(['content', 'media_type', 'size'])
      .where('image_id', '=', id)
      .where('width', '=', Number(m[1]))
      .where('format', '=', format.format)
      .executeTakeFirst();
    if (!variant) return notFound();
    const published = await platform.db
      .selectFrom('website_article_images as ai')
      .innerJoin('website_articles as a', 'a.id', 'ai.article_id')
      .select('a.id')
      .where('ai.image_id', '=', id)
      .where('a.status', 'in', PUBLISHED)
      .limit(1)
      .executeTakeFirst();
    if (!published) {
      const token = sessionTokenIn(c.req.header('cookie'));
      const principal = token
        ? await principalForToken(
            platform.db,
            token,
            { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours },
            platform.clock(),
          )
        : null;
      if (
        !principal ||
        !(holdsAnywhere(principal.grants, 'website.read') || holdsAnywhere(principal.grants, 'website.write'))
      )
        return notFound();
    }
    return new Response(new Uint8Array(variant.content) as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': variant.media_type,
        'content-length': String(variant.size),
        // The bytes behind an address never change (a new image is a new id).
        'cache-control': published ? 'public, max-age=31536000, immutable' : 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
        'cross-origin-resource-policy': 'same-origin',
      },
    });
  });
}
