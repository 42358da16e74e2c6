import type { Block } from './blocks.ts';

/**
 * The numbered outline of a plan's body. Numbering styles are not tied to levels: whichever style
 * comes first is the outer one, as a reader takes it ("I-" then "1." then "-" then "+"; or "1."
 * then "a)" then "-"). A line without a marker continues the line above when it starts in lower
 * case or the line above did not end its sentence; otherwise it is a paragraph of its own.
 */
export type MarkerKind = 'roman' | 'arabic' | 'multilevel' | 'letter' | 'upper-letter' | 'dash' | 'plus' | 'bullet';

export type OutlineNode = {
  kind: MarkerKind | 'paragraph' | 'table' | 'root';
  /** the marker as written ("II-", "1.", "a)", "-") or null */
  marker: string | null;
  /** the label used in paths: "II", "1", "a" */
  label: string | null;
  text: string;
  line: number;
  rows?: string[][];
  children: OutlineNode[];
  parent: OutlineNode | null;
};

type Marker = { kind: MarkerKind; marker: string; label: string; rest: string };

const patterns: [MarkerKind, RegExp][] = [
  ['roman', /^(?:(?:PHẦN|Phần|MỤC|Mục)\s+)?([IVXL]{1,6})\s*[.\-–):]\s*(?=\S)/u],
  ['multilevel', /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\D)/u],
  ['arabic', /^(\d{1,2})\s*[.\-–)]\s*(?=[^\d\s/.])/u],
  ['letter', /^([a-zđ])\s*[).]\s+(?=\S)/u],
  ['upper-letter', /^([A-HJ-KM-UWYZĐ])\s*[).]\s+(?=\S)/u],
  ['plus', /^\+\s*(?=\S)/u],
  ['dash', /^[-–—]\s*(?=[^\s\-–—])/u],
  ['bullet', /^[•·▪●○◦■□*]\s*(?=\S)/u],
];

export function readMarker(line: string): Marker | null {
  const text = line.trim();
  if (/^[-–—_=*.\s]+$/.test(text)) return null; // separators: "-----", "***"
  for (const [kind, re] of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const marker = m[0].trim();
    const label = kind === 'dash' || kind === 'plus' || kind === 'bullet' ? marker : (m[1] ?? marker);
    return { kind, marker, label, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

function levelKey(m: Marker): string {
  return m.kind === 'multilevel' ? `multilevel:${m.label.split('.').length}` : m.kind;
}

const endsSentence = /[.:;!?…]["”)]?$|\/\.$/;

export function buildOutline(blocks: Block[]): OutlineNode {
  const root: OutlineNode = { kind: 'root', marker: null, label: null, text: '', line: 0, children: [], parent: null };
  const stack: { key: string; node: OutlineNode }[] = [];
  let last: OutlineNode | null = null;
  const top = () => (stack.length ? stack[stack.length - 1].node : root);
  const attach = (node: OutlineNode, parent: OutlineNode) => {
    node.parent = parent;
    parent.children.push(node);
  };

  for (const block of blocks) {
    if (block.kind === 'table') {
      const node: OutlineNode = {
        kind: 'table',
        marker: null,
        label: null,
        text: '',
        line: block.line,
        rows: block.rows,
        children: [],
        parent: null,
      };
      attach(node, top());
      last = null;
      continue;
    }
    const marker = readMarker(block.text);
    if (!marker) {
      const text = block.text.trim();
      const continues =
        last &&
        (/^[\p{Ll}(]/u.test(text) || (!block.afterBreak && last.text.length >= 60 && !endsSentence.test(last.text)));
      if (continues && last) {
        last.text = `${last.text} ${text}`;
        continue;
      }
      const node: OutlineNode = {
        kind: 'paragraph',
        marker: null,
        label: null,
        text,
        line: block.line,
        children: [],
        parent: null,
      };
      attach(node, top());
      last = node;
      continue;
    }
    const k = levelKey(marker);
    let at = stack.findIndex((s) => s.key === k);
    // a roman numeral after letters ("i)" style is rare): "I-" always returns to the top
    if (at < 0 && marker.kind === 'roman') at = 0;
    if (at >= 0) stack.length = at;
    const node: OutlineNode = {
      kind: marker.kind,
      marker: marker.marker,
      label: marker.label,
      text: marker.rest,
      line: block.line,
      children: [],
      parent: null,
    };
    attach(node, top());
    stack.push({ key: k, node });
    last = node;
  }
  return root;
}

/** "II.1" for the "1." under "II-"; dashes and paragraphs have no place in a path. */
export function pathOf(node: OutlineNode): string {
  const labels: string[] = [];
  for (let n: OutlineNode | null = node; n && n.kind !== 'root'; n = n.parent) {
    if (n.label && n.kind !== 'dash' && n.kind !== 'plus' && n.kind !== 'bullet') labels.unshift(n.label);
  }
  return labels.join('.');
}

/** All text of a node and what is below it, one line per item, markers kept for the reader. */
export function fullText(node: OutlineNode, depth = 0): string {
  const own = depth === 0 ? node.text : `${node.marker ? `${node.marker} ` : ''}${node.text}`;
  const rows = node.rows ? node.rows.map((r) => r.join(' | ')) : [];
  return [own, ...rows, ...node.children.map((c) => fullText(c, depth + 1))].filter(Boolean).join('\n');
}

export const isEnumerated = (n: OutlineNode) =>
  n.kind === 'roman' ||
  n.kind === 'arabic' ||
  n.kind === 'multilevel' ||
  n.kind === 'letter' ||
  n.kind === 'upper-letter';
export const isListItem = (n: OutlineNode) => n.kind === 'dash' || n.kind === 'plus' || n.kind === 'bullet';
