/**
 * A minimal pull tokenizer for the XML inside a .docx (WordprocessingML is machine-written,
 * well-formed, without DTDs): start and end tags with attributes, and text with entities decoded.
 */
export type XmlToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const token =
  /<(\/)?([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/)?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|([^<]+)/g;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function* tokenizeXml(xml: string): Generator<XmlToken> {
  token.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    if (m[2]) {
      if (m[1]) {
        yield { type: 'close', name: m[2] };
        continue;
      }
      const attrs: Record<string, string> = {};
      if (m[3]) for (const a of m[3].matchAll(attribute)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      yield { type: 'open', name: m[2], attrs, selfClosing: Boolean(m[4]) };
      if (m[4]) yield { type: 'close', name: m[2] };
    } else if (m[5] !== undefined) yield { type: 'text', text: m[5] };
    else if (m[6] !== undefined) yield { type: 'text', text: decodeEntities(m[6]) };
  }
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}
