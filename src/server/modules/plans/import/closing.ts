import type { LineBlock } from './blocks.ts';
import { tidy } from './folding.ts';
import { cells } from './header.ts';
import { key } from './lexicon.ts';

/**
 * The end of a Party document: "Nơi nhận:" with one recipient per line, and the signature block
 * ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", the signer's name). The two may sit side by side.
 */
export type Signer = { authority: string | null; position: string | null; name: string | null };

const authority = /^(T\/M|TM\.?|K\/T|KT\.?|T\/L|TL\.?|Q\.|THỪA LỆNH|THAY MẶT|KÝ THAY)\s*\p{Lu}/u;
const personName = /^(\p{Lu}[\p{Ll}]*)(\s+\p{Lu}[\p{Ll}]*){1,5}$/u;
const signatureNote = /^\(?\s*(đã ký|ký(,)? ghi rõ họ tên|ký tên|đóng dấu|ký, đóng dấu|ký và đóng dấu)[^)]*\)?$/iu;

/** Where the closing begins: "Nơi nhận" or the signature block, whichever comes first after the body. */
export function findClosing(lines: LineBlock[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const first = cells(lines[i].text)[0] ?? '';
    if (key(first).startsWith('nơi nhận') || authority.test(first)) return i;
  }
  return lines.length;
}

export function readClosing(lines: LineBlock[]): { recipients: string[]; signer: Signer } {
  const recipients: string[] = [];
  const signer: Signer = { authority: null, position: null, name: null };
  let listing = false;
  for (const line of lines) {
    for (const cell of cells(line.text)) {
      const k = key(cell);
      if (k.startsWith('nơi nhận')) {
        listing = true;
        const rest = cell.replace(/^nơi nhận\s*:?/iu, '').trim();
        if (rest) recipients.push(...recipientItems(rest));
        continue;
      }
      if (authority.test(cell)) {
        signer.authority = tidy(cell);
        continue;
      }
      if (signatureNote.test(cell)) continue;
      if (listing && /^[-+•–]/.test(cell)) {
        recipients.push(...recipientItems(cell));
        continue;
      }
      const upper = cell === cell.toLocaleUpperCase('vi') && /\p{Lu}/u.test(cell);
      if (upper && (signer.authority || !listing)) {
        if (!signer.position) signer.position = tidy(cell);
        else if (signer.authority && /^(K\/T|KT)/.test(signer.authority)) signer.position = tidy(cell);
        else signer.position = `${signer.position} ${tidy(cell)}`;
        continue;
      }
      if (personName.test(cell) && (signer.authority || signer.position)) {
        signer.name = cell.trim();
        continue;
      }
      if (listing && !signer.authority && !signer.position) recipients.push(...recipientItems(cell));
    }
  }
  return { recipients, signer };
}

function recipientItems(cell: string): string[] {
  const item = cell
    .replace(/^[-+•–]\s*/, '')
    .replace(/\s*\.\/\.\s*$/, '')
    .replace(/[\s;,.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return item ? [item] : [];
}
