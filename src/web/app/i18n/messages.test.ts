import { describe, expect, it } from 'vitest';
import vi from './vi.json';
import en from './en.json';

/** Every leaf of a message file as "dotted.key" → text. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree)) {
      for (const [leaf, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(leaf, text);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the web app message files', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('hold exactly the same keys in Vietnamese and English', () => {
    expect(
      [...viLeaves.keys()].filter((k) => !enLeaves.has(k)),
      'keys missing from en.json',
    ).toEqual([]);
    expect(
      [...enLeaves.keys()].filter((k) => !viLeaves.has(k)),
      'keys missing from vi.json',
    ).toEqual([]);
  });

  it('hold only non-empty text', () => {
    for (const [key, text] of [...viLeaves, ...enLeaves]) {
      expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, text] of viLeaves) {
      expect(placeholders(String(text)), key).toEqual(placeholders(String(enLeaves.get(key) ?? '')));
    }
  });

  it('store Vietnamese in NFC, with its diacritics', () => {
    for (const [key, text] of viLeaves) expect(String(text), key).toBe(String(text).normalize('NFC'));
    const withMarks = [...viLeaves.values()].filter((t) => /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i.test(String(t)));
    expect(withMarks.length / viLeaves.size).toBeGreaterThan(0.8);
  });
});
