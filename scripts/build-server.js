#!/usr/bin/env node
// The server compiled once into dist/server (ADR 1): esbuild bundles src/cli/main.ts and what it
// imports, the packages too, into ES modules; lazy imports (documents, Excel, the PostgreSQL
// driver, mail, zip) are split into chunks loaded at first use. Left to node_modules: the native
// SQLite driver, and the big libraries only documents use (loaded at first use as they are). `kyniem` runs the bundle when it was built from the sources
// as they are now, and the TypeScript through tsx otherwise; `npm start` builds it when missing
// or stale. `node scripts/build-server.js` builds it now.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const serverDir = path.join(root, 'dist', 'server');
const manifestFile = path.join(serverDir, 'build.json');
/** Raised when the options below change, so that an older bundle counts as stale. */
const BUILD_FORMAT = 2;
/** What a bundle depends on besides the sources it was built from. */
const alsoDependsOn = ['scripts/build-server.js', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** Not bundled: a native addon, optional native code, and what only documents load, at first use. */
const external = ['better-sqlite3', 'pg-native', 'playwright-core', 'docx', 'exceljs'];
/** Files no build refers to any more are removed once this old (a running server may still load its chunks). */
const PRUNE_AFTER_MS = 7 * 24 * 3600_000;

const stampOf = (file) => {
  const st = fs.statSync(path.join(root, file));
  return `${st.size}:${st.mtimeMs}`;
};

/** The bundle's entry when it was built from the sources as they are now, otherwise null. */
export function freshServerEntry() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
  if (manifest.format !== BUILD_FORMAT) return null;
  for (const [file, stamp] of Object.entries(manifest.inputs)) {
    try {
      if (stampOf(file) !== stamp) return null;
    } catch {
      return null;
    }
  }
  const entry = path.join(serverDir, manifest.entry);
  return fs.existsSync(entry) ? entry : null;
}

/**
 * Two modules find files beside their source through `import.meta.url` (the seed plan, the
 * version in package.json). In the bundle it names the bundle's file, so each is rewritten to
 * the source file's own URL, worked out from where the bundle lies (dist/server stays beside
 * src). Other `import.meta` properties are refused rather than silently wrong.
 */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const other = /import\.meta\.(?!url\b)\w+/.exec(text);
      if (other)
        throw new Error(`${path.relative(root, args.path)}: ${other[0]} is not supported in the server bundle`);
      const fromBundle = path.relative(serverDir, args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) sourceFiles(rel, out);
    else out.push(rel);
  }
  return out;
}

/** Writes a file whole or not at all, so that a process starting meanwhile never reads half of it. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Builds the bundle and returns its entry. Safe to run from several processes at once. */
export async function buildServer() {
  const { build } = await import('esbuild');
  // Stamps taken before esbuild reads the sources: a file changed during the build is stale after it.
  const before = new Map();
  for (const file of [...sourceFiles('src'), ...alsoDependsOn]) before.set(file, stampOf(file));
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Bundled CommonJS packages call require() for node's own modules.
    banner: {
      js: "import { createRequire as kyniemCreateRequire } from 'node:module';\nconst require = kyniemCreateRequire(import.meta.url);",
    },
    splitting: true,
    outdir: serverDir,
    // Every file is named by its content: a rebuild never changes a file a running server may still import.
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceImportMeta],
  });
  fs.mkdirSync(serverDir, { recursive: true });
  const written = new Set(['build.json']);
  let entry = null;
  for (const file of result.outputFiles) {
    const name = path.relative(serverDir, file.path);
    written.add(name);
    if (!fs.existsSync(file.path)) writeAtomically(file.path, file.contents);
    const output = result.metafile.outputs[path.relative(root, file.path).split(path.sep).join('/')];
    if (output?.entryPoint === 'src/cli/main.ts' && name.endsWith('.js')) entry = name;
  }
  if (!entry) throw new Error('the server build produced no entry');
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...alsoDependsOn]) {
    if (file.includes('node_modules/')) continue;
    inputs[file] = before.get(file) ?? 'new';
  }
  writeAtomically(manifestFile, `${JSON.stringify({ format: BUILD_FORMAT, entry, inputs }, null, 1)}\n`);
  const now = Date.now();
  for (const name of fs.readdirSync(serverDir)) {
    const file = path.join(serverDir, name);
    if (!written.has(name) && now - fs.statSync(file).mtimeMs > PRUNE_AFTER_MS) fs.rmSync(file, { force: true });
  }
  return path.join(serverDir, entry);
}

/** The bundle's entry, built first when it is missing or stale. */
export async function ensureServerBuilt() {
  return freshServerEntry() ?? buildServer();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const entry = await buildServer();
  process.stdout.write(`${path.relative(root, entry)}\n`);
}
