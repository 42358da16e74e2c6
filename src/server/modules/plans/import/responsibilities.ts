import { capitalise, tidy } from './folding.ts';
import { clauseWords, key, notUnits, unitHeads } from './lexicon.ts';

/**
 * Who leads and who coordinates a piece of work, from how Vietnamese plans say it:
 *   "Giao cho Hội Cựu chiến binh khối chủ trì tổ chức"       lead
 *   "Ban Tuyên giáo Đảng ủy Khối:" (a heading over duties)      lead of each duty below it
 *   "Các tổ chức cơ sở đảng trực thuộc phát động …"              lead (the subject of the sentence)
 *   "phối hợp với Đoàn TNCS Hồ Chí Minh Thành phố và …"          coordinating
 *   "Đơn vị chủ trì: …", "Đơn vị phối hợp: …"                     labelled
 * Names come back as written, tidied (spaces, trailing punctuation, a capital first letter).
 */

export type Responsibilities = {
  lead: string[];
  coordinating: string[];
  leadSource: 'assigned' | 'subject' | 'label' | 'heading' | null;
};

const boundary = (k: string, at: number) => at >= k.length || !/[\p{L}\p{N}]/u.test(k[at]);

function startsWord(k: string, at: number, words: string): boolean {
  return k.startsWith(words, at) && boundary(k, at + words.length) && (at === 0 || !/[\p{L}\p{N}]/u.test(k[at - 1]));
}

function skipSpaces(k: string, at: number): number {
  while (at < k.length && /\s/.test(k[at])) at++;
  return at;
}

/** The unit head at `at` ("Ban Tuyên giáo", "các đoàn thể", "Hội CCB"): where its words end, or -1. */
export function unitHeadAt(text: string, k: string, at: number): number {
  let p = at;
  let plural = false;
  for (const prefix of ['các ', 'những ', 'toàn thể ', 'tất cả các ']) {
    if (k.startsWith(prefix, p)) {
      p = skipSpaces(k, p + prefix.length);
      plural = true;
      break;
    }
  }
  for (const head of unitHeads) {
    if (!startsWord(k, p, head.words)) continue;
    if (notUnits.some((n) => n.length > head.words.length && startsWord(k, p, n))) return -1;
    if (head.capital && !plural && text[p] === k[p]) return -1;
    return p + head.words.length;
  }
  return -1;
}

const clauseEnd = /[;:.!?()[\]\n"“”]/;

/**
 * A list of unit names starting at `at`: "Báo Thái Bình, Đài PT-TH Thái Bình và các phương tiện
 * thông tin đại chúng viết bài" → three names, ending before "viết bài".
 */
export function readUnitList(text: string, at: number): { names: string[]; end: number } {
  const k = key(text);
  const names: string[] = [];
  let start = skipSpaces(k, at);
  let p = unitHeadAt(text, k, start);
  if (p < 0) return { names, end: at };
  let words = 0;
  for (;;) {
    const q = skipSpaces(k, p);
    const finish = (end: number) => {
      const name = tidyName(text.slice(start, end));
      if (name) names.push(name);
    };
    if (q >= k.length || clauseEnd.test(k[q]) || words > 14) {
      finish(p);
      return { names, end: p };
    }
    let next = -1;
    if (k[q] === ',') next = skipSpaces(k, q + 1);
    else if (startsWord(k, q, 'và')) next = skipSpaces(k, q + 2);
    else if (startsWord(k, q, 'cùng')) next = skipSpaces(k, q + 4);
    if (next >= 0) {
      const head = unitHeadAt(text, k, next);
      // "Các đảng ủy, chi ủy trực thuộc": a lower-case head after a comma qualifies the same name
      if (
        head >= 0 &&
        text[next] === k[next] &&
        !/^(?:các|những|toàn thể|tất cả) /.test(k.slice(next, next + 12)) &&
        /\p{L}/u.test(k[next])
      ) {
        p = head;
        words++;
        continue;
      }
      finish(p);
      if (head < 0) return { names, end: p };
      start = next;
      p = head;
      words = 0;
      continue;
    }
    if (clauseWords.some((w) => startsWord(k, q, w))) {
      finish(p);
      return { names, end: p };
    }
    let e = q;
    while (e < k.length && !/[\s,;:.!?()[\]"“”]/.test(k[e])) e++;
    if (e === q) e = q + 1;
    p = e;
    words++;
  }
}

export function tidyName(value: string): string {
  return capitalise(tidy(value).replace(/\s*[-–]\s*$/, ''));
}

/** A heading that is nothing but unit names ("Ban Tuyên giáo Đảng ủy Khối:"), or null. */
export function headingUnits(text: string): string[] | null {
  const body = text.replace(/\s*:\s*$/, '').trim();
  if (!body || body.length > 160) return null;
  const { names, end } = readUnitList(body, 0);
  if (!names.length) return null;
  return body.slice(end).trim() === '' ? names : null;
}

/** A heading of the form "Ban Tổ chức: chủ trì …" → the names and the duty after the colon. */
export function unitsBeforeColon(text: string): { names: string[]; rest: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 160) return null;
  const names = headingUnits(text.slice(0, colon));
  return names ? { names, rest: text.slice(colon + 1).trim() } : null;
}

function splitLabelled(value: string): string[] {
  return value
    .split(/[,;]|\s+và\s+|\n/)
    .map(tidyName)
    .filter((n) => n && n.length <= 120);
}

const labelLead = /(?:^|[\s;.(])(?:đơn vị|cơ quan|bộ phận|người)?\s*(?:chủ trì|phụ trách|thực hiện)\s*:\s*([^;.\n]+)/iu;
const labelCoordinating = /(?:^|[\s;.(])(?:đơn vị|cơ quan|bộ phận)?\s*phối hợp\s*:\s*([^;.\n]+)/iu;

export function extractResponsibilities(text: string, headingLead: string[] = []): Responsibilities {
  const k = key(text);
  let lead: string[] = [];
  let leadSource: Responsibilities['leadSource'] = null;

  const labelled = labelLead.exec(text);
  if (labelled) {
    lead = splitLabelled(labelled[1]);
    leadSource = 'label';
  }
  if (!lead.length) {
    for (const m of k.matchAll(/(?:^|[^\p{L}])giao(?:\s+nhiệm vụ)?(?:\s+cho)?\s+/gu)) {
      const found = readUnitList(text, m.index + m[0].length).names;
      if (found.length) {
        lead = found;
        leadSource = 'assigned';
        break;
      }
    }
  }
  if (!lead.length) {
    for (const m of k.matchAll(/(?:^|[^\p{L}])do\s+/gu)) {
      const list = readUnitList(text, m.index + m[0].length);
      const after = skipSpaces(k, list.end);
      if (
        list.names.length &&
        ['chủ trì', 'thực hiện', 'phụ trách', 'tổ chức', 'đảm nhiệm'].some((w) => startsWord(k, after, w))
      ) {
        lead = list.names;
        leadSource = 'assigned';
        break;
      }
    }
  }
  if (!lead.length) {
    const list = readUnitList(text, 0);
    const after = skipSpaces(k, list.end);
    if (list.names.length && after < k.length && clauseWords.some((w) => startsWord(k, after, w))) {
      lead = list.names;
      leadSource = 'subject';
    }
  }
  if (!lead.length && headingLead.length) {
    lead = [...headingLead];
    leadSource = 'heading';
  }

  const coordinating: string[] = [];
  const labelledCoordination = labelCoordinating.exec(text);
  if (labelledCoordination) coordinating.push(...splitLabelled(labelledCoordination[1]));
  for (const m of k.matchAll(/phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+|với sự phối hợp của\s+|phối hợp cùng\s+/gu)) {
    coordinating.push(...readUnitList(text, m.index + m[0].length).names);
  }
  const leadKeys = new Set(lead.map(key));
  const seen = new Set<string>();
  const uniqueCoordinating = coordinating.filter((n) => {
    const kk = key(n);
    if (leadKeys.has(kk) || seen.has(kk)) return false;
    seen.add(kk);
    return true;
  });
  return { lead: dedupe(lead), coordinating: uniqueCoordinating, leadSource };
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(key(n)) ? false : (seen.add(key(n)), true)));
}
