import { describe, expect, it } from 'vitest';

// Every message file of the web app: the shell's (this folder) and each module's
// (modules/<name>/i18n), read as they are on disk.
const files = import.meta.glob<{ default: unknown }>(['./*.json', '../../modules/*/i18n/*.json'], { eager: true });
const moduleFolders = Object.keys(import.meta.glob('../../modules/*/module.tsx'));

/** Each part (the shell, or a module) with its two files. */
const parts = new Map<string, { vi?: unknown; en?: unknown }>();
for (const [path, file] of Object.entries(files)) {
  const match = /^(?:\.\/|\.\.\/\.\.\/modules\/(\w+)\/i18n\/)(\w+)\.json$/.exec(path);
  if (!match) throw new Error(`unexpected message file ${path}`);
  const part = match[1] ?? 'app';
  const lang = match[2] as 'vi' | 'en';
  parts.set(part, { ...parts.get(part), [lang]: file.default });
}

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
  it('are the shell’s and one pair per module', () => {
    expect([...parts.keys()]).toContain('app');
    for (const folder of moduleFolders) {
      const name = /modules\/(\w+)\/module\.tsx$/.exec(folder)![1];
      expect(parts.has(name), `modules/${name} has no i18n/vi.json and en.json`).toBe(true);
    }
    for (const [part, { vi, en }] of parts) {
      expect(vi, `${part}: vi.json`).toBeDefined();
      expect(en, `${part}: en.json`).toBeDefined();
    }
  });

  it('never define one key in two places (they merge into one tree)', () => {
    const owner = new Map<string, string>();
    for (const [part, { vi }] of parts) {
      for (const key of leaves(vi).keys()) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${part}`).toBeUndefined();
        owner.set(key, part);
      }
    }
  });

  for (const [part, { vi, en }] of parts) {
    describe(part, () => {
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
        const withMarks = [...viLeaves.values()].filter((t) =>
          /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i.test(String(t)),
        );
        expect(withMarks.length / viLeaves.size).toBeGreaterThan(0.8);
      });
    });
  }
});
