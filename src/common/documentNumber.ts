/**
 * "45-KH/ĐUK" as a document writes its number and symbol → the number "45" and the issuer's
 * suffix "ĐUK" (the type's code in between, KH, comes from the document type). A draft's blank
 * number ("-KH/ĐUK") gives an empty number; anything that is not in that form stays the number
 * as written, with no suffix.
 */
export function splitDocumentNumber(raw: string | null | undefined): {
  number: string | null;
  symbolSuffix: string | null;
} {
  const m = /^([^-/]*)-[^-/]*\/(.+)$/u.exec((raw ?? '').trim());
  if (!m) return { number: raw?.trim() ? raw.trim() : null, symbolSuffix: null };
  return { number: m[1].trim() || null, symbolSuffix: m[2].trim() || null };
}
