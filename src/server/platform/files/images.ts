import type { Sharp } from 'sharp';

/**
 * Images are decoded, not trusted by their signature, and stored re-encoded: the pixels only, turned
 * upright by their orientation, without Exif (GPS position, camera, owner), XMP, IPTC or comments,
 * and without anything appended after the image. sharp (libvips) loads with the first image, not at
 * start-up (ADR 1). A picture larger than `MAX_IMAGE_PIXELS` is refused before it is decoded, so a
 * small file that claims to be 50,000 × 50,000 pixels cannot fill the memory.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

const load = async (bytes: Uint8Array): Promise<Sharp> => {
  const { default: sharp } = await import('sharp');
  return sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true });
};

const formats = { png: 'png', jpeg: 'jpeg', webp: 'webp' } as const;
export type ImageFormat = keyof typeof formats;

/** The format the bytes decode as (their header read by libvips), or null if they are no image it accepts. */
export async function decodedFormat(bytes: Uint8Array): Promise<ImageFormat | null> {
  try {
    const meta = await (await load(bytes)).metadata();
    if (!meta.width || !meta.height || meta.width * meta.height > MAX_IMAGE_PIXELS) return null;
    return (Object.keys(formats) as ImageFormat[]).find((f) => f === meta.format) ?? null;
  } catch {
    return null;
  }
}

/**
 * The image decoded in full and written again in its own format, with no metadata kept; null when
 * the pixels cannot be decoded (a damaged or forged file).
 */
export async function reencodeImage(bytes: Uint8Array, format: ImageFormat): Promise<Uint8Array | null> {
  try {
    const image = (await load(bytes)).rotate();
    const out =
      format === 'png'
        ? image.png({ compressionLevel: 9 })
        : format === 'jpeg'
          ? image.jpeg({ quality: 90, mozjpeg: true })
          : image.webp({ quality: 90 });
    return new Uint8Array(await out.toBuffer());
  } catch {
    return null;
  }
}
