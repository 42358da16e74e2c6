import type { LineBlock } from './blocks.ts';
import { isoDate } from './dates.ts';
import { tidy } from './folding.ts';
import { key, otherTypes, planTypes } from './lexicon.ts';
import { readMarker } from './outline.ts';

/**
 * The top of a Party document (Hướng dẫn 36-HD/VPTW): superior body, issuing body, "*", the
 * number and symbol, "ĐẢNG CỘNG SẢN VIỆT NAM", place and date, the document type and its title.
 * In plain text the two header columns may share a line, separated by tabs or runs of spaces.
 */
export type Header = {
  superiorBody: string | null;
  issuingBody: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  dateText: string | null;
  type: string | null;
  title: string | null;
  line: number | null;
};

export type Heading = { index: number; type: string; plan: boolean; rest: string };

const types = [...planTypes.map((t) => ({ t, plan: true })), ...otherTypes.map((t) => ({ t, plan: false }))].sort(
  (a, b) => b.t.length - a.t.length,
);

/** The line holding the document type ("KẾ HOẠCH"), among the first lines. */
export function findHeading(lines: LineBlock[]): Heading | null {
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const text = lines[i].text.trim();
    if (readMarker(text)) continue;
    for (const { t, plan } of types) {
      const exactCase = text.startsWith(t);
      const alone = key(text.replace(/[\s.:]+$/, '')) === key(t);
      if ((exactCase || alone) && (text.length === t.length || /[\s:.,]/.test(text[t.length]))) {
        // "KẾ HOẠCH tổ chức …" has its title on the same line
        return { index: i, type: t, plan, rest: tidy(text.slice(t.length)) };
      }
    }
  }
  return null;
}

export const cells = (line: string) =>
  line
    // a draft leaves the number and the day blank: "Số:     -KH/ĐUK", "ngày    tháng 6"
    .replace(/(Số\s*:?)[ \t]{2,}(?=\S)/u, '$1 ')
    .replace(/(ngày|tháng)[ \t]{2,}(?=tháng|năm)/gu, '$1 … ')
    .split(/\t+|\s{3,}/)
    .map((c) => c.trim())
    .filter(Boolean);

const placeDate = /^(.{2,60}?),\s*ngày\s+(\d{1,2}|[.…_\s]*)\s*tháng\s+(\d{1,2}|[.…_\s]*)\s*năm\s+(\d{4})/iu;
const numberLine = /^Số\s*[:.]?\s*(.*)$/u;
const symbol = /^(\d*\s*[-–]?\s*[A-ZĐ]{1,8}\/[A-ZĐ0-9\-–]{1,16})$/u;
const nationalTitle =
  /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/iu;
const legalWords = /^(Căn cứ|Thực hiện|Thi hành|Chấp hành|Theo|Triển khai|Được sự|Trên cơ sở|Nhằm|Để)(?=[\s,:]|$)/u;

export function readPlaceDate(text: string): { place: string; date: string | null; dateText: string } | null {
  const m = placeDate.exec(text.trim());
  if (!m) return null;
  const day = Number(m[2]);
  const month = Number(m[3]);
  const date = m[2].trim() && m[3].trim() ? isoDate(Number(m[4]), month, day) : null;
  return { place: tidy(m[1]), date, dateText: tidy(m[0]) };
}

/**
 * Reads the header from the lines before the heading, the heading, and the title lines after it.
 * Returns where the title ends, so that the body can start there.
 */
export function readHeader(lines: LineBlock[], heading: Heading | null): { header: Header; bodyStart: number } {
  const header: Header = {
    superiorBody: null,
    issuingBody: null,
    number: null,
    place: null,
    date: null,
    dateText: null,
    type: null,
    title: null,
    line: null,
  };
  const before = heading ? lines.slice(0, heading.index) : lines.slice(0, firstBodyLine(lines));
  const bodies: string[] = [];
  for (const line of before) {
    for (const cell of cells(line.text)) {
      const pd = readPlaceDate(cell);
      if (pd) {
        Object.assign(header, { place: pd.place, date: pd.date, dateText: pd.dateText });
        continue;
      }
      const n = numberLine.exec(cell);
      if (n) {
        header.number = n[1].replace(/[\s;,.]+$/, '').replace(/\s+/g, '') || null;
        continue;
      }
      if (symbol.test(cell)) {
        header.number = cell.replace(/\s+/g, '');
        continue;
      }
      if (nationalTitle.test(cell) || /^[*\-–_=.\s]+$/.test(cell)) continue;
      if (cell === cell.toLocaleUpperCase('vi') && /\p{Lu}/u.test(cell)) bodies.push(cell);
    }
  }
  if (bodies.length === 1) header.issuingBody = bodies[0];
  else if (bodies.length > 1) {
    header.superiorBody = bodies[0];
    header.issuingBody = bodies.slice(1).join(' ');
  }
  if (!heading) return { header, bodyStart: before.length };

  header.type = heading.type;
  header.line = lines[heading.index].line;
  const title: string[] = heading.rest ? [heading.rest] : [];
  let i = heading.index + 1;
  for (; i < lines.length && title.length < 4; i++) {
    const text = lines[i].text.trim();
    if (/^[*\-–_=.\s]+$/.test(text)) {
      if (title.length) {
        i++;
        break;
      }
      continue;
    }
    if (readMarker(text) || readPlaceDate(text)) break;
    if (!title.length && legalWords.test(text) && text.length > 120) break;
    if (
      title.length &&
      !/^[\p{Ll}(]/u.test(text) &&
      (legalWords.test(text) || lines[i].afterBreak || text.length > 120)
    )
      break;
    title.push(text);
  }
  // a place-and-date line under the title (some documents put it there)
  for (let j = i; j < Math.min(lines.length, i + 2) && !header.date; j++) {
    const pd = readPlaceDate(lines[j].text);
    if (pd) {
      Object.assign(header, { place: pd.place, date: pd.date, dateText: pd.dateText });
      i = j + 1;
    }
  }
  header.title = title.length ? tidy(title.join(' ')) : null;
  return { header, bodyStart: i };
}

function firstBodyLine(lines: LineBlock[]): number {
  const i = lines.findIndex((l) => readMarker(l.text) || legalWords.test(l.text.trim()));
  return Math.max(i, 0);
}
