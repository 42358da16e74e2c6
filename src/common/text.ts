/** Vietnamese text helpers used on both sides: NFC storage, diacritic-free search keys, ordering. */

export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** "Tuyên giáo" → "tuyen giao"; "Đảng" → "dang". The key stored beside a name for searching. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare two strings the way a Vietnamese reader orders them. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Text made safe inside HTML or XML, in content and in quoted attributes (& < > " ' as entities). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escape LIKE wildcards in a folded search term (used with `escape '\'`). */
export function likeContains(foldedTerm: string): string {
  return `%${foldedTerm.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** "Giải cầu lông công nhân 2019" → "giai-cau-long-cong-nhan-2019": an address segment without diacritics. */
export function slugify(value: string, maxLength = 80): string {
  const slug = fold(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}
