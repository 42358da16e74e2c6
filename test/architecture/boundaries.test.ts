import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries of ADR 17, kept by a test: a module imports another only through that
 * module's public entry (`modules/<name>/index.ts`), names no table another module owns (nor a
 * platform table, but for the few reads listed below with their reason), and the platform imports
 * no module. Table ownership comes from the migrations that create the tables.
 */
const root = resolve(import.meta.dirname, '../..');
const server = join(root, 'src/server');
const modulesDir = join(server, 'modules');
const platformDir = join(server, 'platform');

const rel = (file: string) => relative(root, file).split(sep).join('/');
const isTest = (file: string) => file.endsWith('.test.ts');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const moduleNames = readdirSync(modulesDir).filter((n) => statSync(join(modulesDir, n)).isDirectory());
const moduleOf = (file: string): string | null => {
  const inside = relative(modulesDir, file);
  if (inside.startsWith('..')) return null;
  return inside.split(sep)[0];
};
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every module specifier a file imports or re-exports: static, `import type`, `export … from`, and dynamic `import()`. */
function importsOf(text: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?(['"])([^'"\n]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
  ];
  for (const re of patterns)
    for (const m of text.matchAll(re)) out.push({ spec: m[2], line: lineAt(text, m.index + m[0].indexOf(m[1])) });
  return out;
}

/** The tables a file names: in Kysely calls (`selectFrom('units as u')`, `innerJoin('unit_closure as c', …)`, `sql.table`) and in sql`` templates. */
function tablesNamedIn(text: string): { table: string; line: number }[] {
  const out: { table: string; line: number }[] = [];
  const call =
    /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|using|selectAll|table|id)\(\s*(\[[^\]]*\]|(['"])[^'"\n]*\2)/g;
  for (const m of text.matchAll(call))
    for (const lit of m[1].matchAll(/(['"])([A-Za-z_][\w]*)(?:\s+as\s+\w+)?\1/g))
      out.push({ table: lit[2], line: lineAt(text, m.index + lit.index) });
  for (const m of text.matchAll(/\bsql(?:<[^`;]*?>)?`((?:[^`\\]|\\.)*)`/gs))
    for (const t of m[1].matchAll(/\b(?:from|join|into|update|table)\s+"?([A-Za-z_]\w*)/gi))
      out.push({ table: t[1], line: lineAt(text, m.index + (m[0].length - m[1].length - 1) + t.index) });
  return out;
}

/** Table → owner (a module folder name, or 'platform'), from the migrations that create the tables. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  const claim = (file: string, owner: string) => {
    for (const m of readFileSync(file, 'utf8').matchAll(/\.createTable\(\s*(['"])(\w+)\1/g)) owners.set(m[2], owner);
  };
  for (const file of tsFiles(join(platformDir, 'db/migrations'))) {
    const named = /^\d+_(\w+)\.ts$/.exec(basename(file))?.[1];
    if (!named || isTest(file)) continue;
    claim(file, moduleNames.includes(named) ? named : 'platform');
  }
  for (const file of tsFiles(modulesDir)) if (!isTest(file)) claim(file, moduleOf(file)!);
  return owners;
}

/**
 * Platform tables a module reads or writes on purpose, each with its reason. Nothing else of the
 * platform's is touched by a module but through the platform's functions. An entry nobody uses
 * any more fails the test, so the list stays short and true.
 */
const allowed: { module: string; table: string; file?: string; why: string }[] = [
  { module: 'accounts', table: 'users', why: 'the accounts module is the administration of the platform’s accounts' },
  { module: 'accounts', table: 'role_grants', why: 'it grants and withdraws the roles of those accounts' },
  { module: 'audit', table: 'audit_log', why: 'the audit module is the reader of the trail the platform writes' },
  {
    module: 'organisation',
    table: 'users',
    why: 'an account’s link to its person (users.person_id) is the organisation’s to set and read (people, demo accounts, mail contact)',
  },
  {
    module: 'system',
    table: 'jobs',
    file: 'routes.ts',
    why: 'the system screen lists the job queue for the administrator',
  },
  {
    module: 'system',
    table: 'jobs',
    file: 'module.ts',
    why: 'the home page counts the background jobs for the administrator',
  },
];

const compositionRoot = ['app.ts', 'main.ts', 'bootstrap.ts', 'demo.ts'].map((f) => join(server, f));

describe('module boundaries (ADR 17)', () => {
  it('finds the modules and the owners of their tables', () => {
    const owners = tableOwners();
    expect(moduleNames).toContain('organisation');
    expect(owners.get('units')).toBe('organisation');
    expect(owners.get('users')).toBe('platform');
    expect(owners.get('report_totals')).toBe('reporting');
  });

  it('a module imports another only through its public entry, index.ts', () => {
    const problems: string[] = [];
    for (const file of tsFiles(modulesDir)) {
      if (isTest(file)) continue;
      const own = moduleOf(file);
      for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const other = moduleOf(target);
        if (other === null || other === own) continue;
        if (target !== join(modulesDir, other, 'index.ts'))
          problems.push(
            `${rel(file)}:${line}: imports ${spec}, inside the ${other} module; import from ../${other}/index.ts (the module's public entry) instead`,
          );
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every module has a public entry', () => {
    const missing = moduleNames.filter((m) => {
      try {
        return !statSync(join(modulesDir, m, 'index.ts')).isFile();
      } catch {
        return true;
      }
    });
    expect(missing.map((m) => `src/server/modules/${m}/index.ts is missing`)).toEqual([]);
  });

  it('a module names no table of another module, and only the listed platform tables', () => {
    const owners = tableOwners();
    const used = new Set<(typeof allowed)[number]>();
    const problems: string[] = [];
    for (const file of tsFiles(modulesDir)) {
      if (isTest(file)) continue;
      const own = moduleOf(file)!;
      const inModule = relative(join(modulesDir, own), file).split(sep).join('/');
      for (const { table, line } of tablesNamedIn(readFileSync(file, 'utf8'))) {
        const owner = owners.get(table);
        if (owner === undefined || owner === own) continue;
        const entry = allowed.find(
          (a) => a.module === own && a.table === table && (a.file === undefined || a.file === inModule),
        );
        if (entry) {
          used.add(entry);
          continue;
        }
        problems.push(
          owner === 'platform'
            ? `${rel(file)}:${line}: names the platform's table ${table}; use the platform's functions (or add a reasoned entry to the allow-list in this test)`
            : `${rel(file)}:${line}: names ${table}, a table of the ${owner} module; ask ${owner} through ../${owner}/index.ts instead`,
        );
      }
    }
    for (const a of allowed)
      if (!used.has(a))
        problems.push(
          `allow-list: ${a.module}${a.file ? `/${a.file}` : ''} no longer names ${a.table}; remove the entry from test/architecture/boundaries.test.ts`,
        );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the platform imports no module (only the composition root composes them)', () => {
    const problems: string[] = [];
    for (const file of tsFiles(platformDir)) {
      if (isTest(file)) continue;
      for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        if (moduleOf(target) !== null)
          problems.push(
            `${rel(file)}:${line}: the platform imports ${spec}, a module; modules plug into the platform, not the reverse`,
          );
        else if (compositionRoot.includes(target))
          problems.push(
            `${rel(file)}:${line}: the platform imports ${spec}, the composition root, which imports every module`,
          );
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the scanners see what they must (imports of every form, tables in calls and in sql)', () => {
    const source = [
      "import { a } from '../organisation/units.ts';",
      "import type {\n  B,\n  C } from '../plans/sources.ts';",
      "export * from '../reporting/totals.ts';",
      "const m = await import('../honours/roll.ts');",
      "db.selectFrom('units as u').innerJoin('unit_closure as c', 'c.descendant_id', 'u.id')",
      "db.selectFrom(['unit_groups', 'people as p'])",
      'sql`select 1 from unit_versions v join "positions" p on true`',
    ].join('\n');
    expect(importsOf(source).map((i) => [i.spec, i.line])).toEqual([
      ['../organisation/units.ts', 1],
      ['../plans/sources.ts', 4],
      ['../reporting/totals.ts', 5],
      ['../honours/roll.ts', 6],
    ]);
    expect(tablesNamedIn(source).map((t) => [t.table, t.line])).toEqual([
      ['units', 7],
      ['unit_closure', 7],
      ['unit_groups', 8],
      ['people', 8],
      ['unit_versions', 9],
      ['positions', 9],
    ]);
  });
});
