import { tidy } from './folding.ts';
import { findDatePhrases } from './dates.ts';
import { key } from './lexicon.ts';

/**
 * A measurable target at the head of a task: "Thành lập mới từ 02 tổ chức cơ sở đảng trở lên"
 * → at least 2, indicator "tổ chức cơ sở đảng thành lập mới"; "Bình chọn 45 tập thể, cá nhân,
 * sản phẩm tiêu biểu" → 45, with the "+ Bình chọn 15 …" lines below as its breakdown.
 */
export type Target = {
  value: number;
  comparator: 'eq' | 'gte' | 'lte';
  /** "%" for a share, else null */
  unit: string | null;
  /** what is counted, as written: "tổ chức cơ sở đảng" */
  noun: string;
  /** what is counted and how: "tổ chức cơ sở đảng thành lập mới" */
  indicator: string;
  text: string;
  breakdown: Omit<Target, 'breakdown'>[];
};

const atLeast = /^(?:từ|ít nhất|tối thiểu|không dưới|không ít hơn|trên)$/;
const atMost = /^(?:không quá|tối đa|dưới|không vượt quá)$/;
const timeNouns = /^(?:năm|tháng|ngày|tuần|quý|giờ|lần thứ|kỳ|khóa|nhiệm kỳ)(?=[\s,.;:]|$)/u;
/** where the counted noun ends */
const nounEnd =
  /\s+(?:trở lên|trở xuống|có|trong|của|để|nhằm|trực thuộc|được|theo|tại|cho|với|vào|đạt|nhân dịp|thuộc|ở|trên|đã)(?=\s|$)|[.;:(]|$/u;

/** The target of a task's first sentence, or null when it names no count. */
export function findTarget(sentence: string): Omit<Target, 'breakdown'> | null {
  const text = sentence.normalize('NFC').replace(/^[-+•*]\s*/, '');
  // a verb phrase of at most five words, then the count: "Thành lập mới từ 02", "Phấn đấu 100%", "Kết nạp 03"
  const m = /^((?:[^\d\s,;:.]+\s+){1,6}?)(\d{1,6}(?:[.,]\d+)?)\s*(%)?\s+(.+)$/u.exec(text);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  let comparator: Target['comparator'] = 'eq';
  let verbWords = words;
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const tail = key(words.slice(-n).join(' '));
    if (atLeast.test(tail)) {
      comparator = 'gte';
      verbWords = words.slice(0, -n);
      break;
    }
    if (atMost.test(tail)) {
      comparator = 'lte';
      verbWords = words.slice(0, -n);
      break;
    }
  }
  const verb = key(verbWords.join(' ')).replace(/^(?:phấn đấu|đảm bảo|bảo đảm)\s*/, '');
  const rest = m[4];
  if (timeNouns.test(key(rest))) return null;
  const cut = nounEnd.exec(rest);
  let nounEndAt = cut ? cut.index : rest.length;
  // "100% đảng viên được học tập": what is counted includes what happens to it
  // "100% đơn vị hoàn thành kế hoạch sản lượng quý III/2019": a share counts those that do something
  if ((cut && /^\s+được$/.test(cut[0])) || m[3]) {
    const clause = rest.slice(0, /[,.;:(]|$/.exec(rest)!.index);
    const date = findDatePhrases(clause)[0];
    nounEndAt = date ? date.index : clause.length;
  }
  const noun = tidy(rest.slice(0, nounEndAt));
  if (!noun || noun.split(/\s+/).length > 12) return null;
  if (cut && /^\s+trở lên/.test(cut[0])) comparator = 'gte';
  if (cut && /^\s+trở xuống/.test(cut[0])) comparator = 'lte';
  const value = Number(m[2].replace(',', '.'));
  const unit = m[3] ? '%' : null;
  const indicator = verb && !/^(?:có|là|đạt|với)$/.test(verb) ? `${noun} ${verb}` : noun;
  return {
    value,
    comparator,
    unit,
    noun,
    indicator,
    text: tidy(text.slice(0, text.length - rest.length + nounEndAt + (cut && /trở/.test(cut[0]) ? cut[0].length : 0))),
  };
}
