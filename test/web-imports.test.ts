import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web app takes its response and request types from the server's zod schemas (ADR 14), but
 * never the server's code: a web file may name src/server only in `import type` / `export type`,
 * which the build erases. `import { type X }` is not enough — with verbatimModuleSyntax it keeps
 * the import, and Vite would bundle the server module for its side effects.
 */
const webRoot = path.resolve('src/web');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every import or re-export of a module (static, side-effect only, dynamic) with what it pulls in. */
function importsOf(source: string): { statement: string; specifier: string; typeOnly: boolean }[] {
  const out: { statement: string; specifier: string; typeOnly: boolean }[] = [];
  const statics = /(?:^|[;\n])\s*((import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"])/g;
  for (const m of source.matchAll(statics)) {
    if (m[2] === 'export' && !/\sfrom\s/.test(m[1])) continue;
    out.push({ statement: m[1].replace(/\s+/g, ' '), specifier: m[4], typeOnly: Boolean(m[3]) });
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    // `typeof import('…')` in a type position is erased too.
    const before = source.slice(Math.max(0, m.index - 7), m.index);
    out.push({ statement: m[0], specifier: m[1], typeOnly: /typeof\s$/.test(before) });
  }
  return out;
}

const reachesServer = (file: string, specifier: string) =>
  specifier.startsWith('.') && path.resolve(path.dirname(file), specifier).startsWith(path.resolve('src/server'));

describe('web imports from the server', () => {
  it('tells a type-only import from one that pulls code in', () => {
    const found = importsOf(
      [
        "import type { Plan } from '../../../server/modules/plans/schema.ts';",
        "import { type Unit, unitSchema } from '../../../server/modules/organisation/schema.ts';",
        "import '../../../server/app.ts';",
        "export type { Drive } from '../../../server/modules/emulation/schema.ts';",
        "export { x } from '../../../server/x.ts';",
        "const m = await import('../../../server/y.ts'); type T = typeof import('../../../server/z.ts');",
      ].join('\n'),
    );
    expect(found.map((f) => [f.specifier.split('/').pop(), f.typeOnly])).toEqual([
      ['schema.ts', true],
      ['schema.ts', false],
      ['app.ts', false],
      ['schema.ts', true],
      ['x.ts', false],
      ['y.ts', false],
      ['z.ts', true],
    ]);
  });

  it('names src/server only in `import type` and `export type`, so the build carries no server code', () => {
    const offending: string[] = [];
    let typed = 0;
    for (const file of sourceFiles(webRoot)) {
      for (const imp of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (!reachesServer(file, imp.specifier)) continue;
        if (imp.typeOnly) typed++;
        else offending.push(`${path.relative(process.cwd(), file)}: ${imp.statement}`);
      }
    }
    expect(offending).toEqual([]);
    expect(typed, 'the web api files take their types from the server schemas').toBeGreaterThan(0);
  });
});
