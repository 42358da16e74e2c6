import { escapeHtml } from '../../common/text.ts';
import sharp from 'sharp';

/**
 * The picture shared with a page that has none of its own (Open Graph, 1200×630): the
 * organisation's name on the site's red, drawn as SVG and rendered to PNG by sharp once per
 * process and name.
 */
const made = new Map<string, Promise<Buffer>>();

/** Splits a name into lines of at most `width` characters, on spaces. */
function lines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = out.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

export function shareImage(name: string, subtitle: string): Promise<Buffer> {
  const key = `${name}\u0000${subtitle}`;
  let image = made.get(key);
  if (!image) {
    const title = lines(name.toLocaleUpperCase('vi'), 26)
      .slice(0, 3)
      .map((l, i) => `<text x="600" y="${300 + i * 74}" text-anchor="middle">${escapeHtml(l)}</text>`)
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#a4161a"/>
<rect x="0" y="560" width="1200" height="70" fill="#8a1216"/>
<circle cx="600" cy="150" r="62" fill="#ffd25a"/>
<polygon fill="#a4161a" points="600,104 611,138 647,138 618,159 629,193 600,172 571,193 582,159 553,138 589,138"/>
<g font-family="Liberation Sans, Arial, sans-serif" font-weight="700" font-size="58" fill="#ffffff">${title}</g>
<text x="600" y="606" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="28" fill="#ffd25a">${escapeHtml(subtitle)}</text>
</svg>`;
    image = sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
    made.set(key, image);
  }
  return image;
}
