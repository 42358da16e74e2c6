/**
 * A file name as a person gave it, made safe to store and to send back in Content-Disposition:
 * NFC, no folders ("../../etc/passwd" → "passwd"), no control or reserved characters, no
 * leading dots, at most 120 characters, and the extension of what the bytes really are.
 * The name is only ever a label: files are stored and found by id.
 */
export function safeFileName(given: string | null | undefined, extension: string): string {
  const base = (given ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim().replace(/[.\s]+$/, '') || 'tep';
  const chars = [...stem];
  const short = chars.length > 110 ? chars.slice(0, 110).join('').trim() : stem;
  return `${short}.${extension}`;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987), so every browser gets the Vietnamese name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
