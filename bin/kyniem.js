#!/usr/bin/env node
// The `kyniem` command. It runs the server compiled into dist/server when that was built from the
// sources as they are now, and otherwise the TypeScript sources through tsx's loader (ADR 1);
// `serve --build-if-missing` (npm start) compiles it first when it is missing or stale, and
// KYNIEM_SOURCES=1 runs the sources whatever dist/server holds.
import { pathToFileURL } from 'node:url';
import { buildServer, freshServerEntry } from '../scripts/build-server.js';

const argv = process.argv.slice(2);
const fromSources = process.env.KYNIEM_SOURCES === '1';
let entry = fromSources ? null : freshServerEntry();
if (!entry && !fromSources && argv[0] === 'serve' && argv.includes('--build-if-missing')) {
  try {
    entry = await buildServer();
  } catch (err) {
    // The sources still run: a failed build costs start-up time, not the start.
    process.stderr.write(`Không build được máy chủ / the server build failed, running the sources: ${err.message}\n`);
  }
}
if (entry) {
  const { run } = await import(pathToFileURL(entry).href);
  await run(argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import('../src/cli/main.ts');
  await run(argv);
}
