/**
 * A word-level difference between two texts (an article's revisions, ADR 24): runs of words kept,
 * added or removed, in order. Common beginnings and endings are set aside first, then the longest
 * common subsequence of the words in between; a very long middle (over `MAX_CELLS` comparisons) is
 * shown as one removal and one addition rather than computed.
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_CELLS = 16_000_000;

export function words(text: string): string[] {
  return text.normalize('NFC').split(/\s+/).filter(Boolean);
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], w: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ` ${w}`;
    else parts.push({ kind, text: w });
  };
  for (let i = 0; i < start; i++) push('same', a[i]);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    for (const w of midA) push('removed', w);
    for (const w of midB) push('added', w);
  } else if (n > 0 || m > 0) {
    // lengths of the longest common subsequence of the suffixes
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * width + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * width + j + 1] + 1
            : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        push('same', midA[i]);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
        push('removed', midA[i]);
        i++;
      } else {
        push('added', midB[j]);
        j++;
      }
    }
  }
  for (let i = endA; i < a.length; i++) push('same', a[i]);
  return parts;
}
