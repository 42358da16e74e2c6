// Cold start to ready (spawn → GET /api/health 200) on an empty data directory and on an existing
// one, and resident memory at idle, each against a bare node:http process measured in the same run.
// Kyniem runs as `npm start` runs it, compiled into dist/server (ADR 1); the same start from the
// TypeScript sources through tsx (KYNIEM_SOURCES=1, what `kyniem` does when dist/server is stale)
// is timed beside it.
import fs from 'node:fs';
import { median, rssMiB, sleep, startBare, startKyniem, table, tempDir } from './lib.js';

const RUNS = 5;
const IDLE_S = 5;

const fresh = [];
const existing = [];
const sources = [];
const bare = [];
const dirs = [];
const existingDir = tempDir('kyniem-bench-existing-');
dirs.push(existingDir);

async function timeStart(start) {
  const server = await start();
  const ms = server.readyMs;
  const exit = await server.stop();
  if (exit.code !== 0) throw new Error(`did not stop cleanly: ${JSON.stringify(exit)}\n${server.stderr()}`);
  return ms;
}

try {
  // The existing data directory: the first start as `npm start` does it (migrations, first
  // administrator, demo data), timed once.
  const firstWithDemo = await timeStart(() => startKyniem({ dataDir: existingDir }));
  // Interleaved, so that the machine's other work falls on all alike. The empty-directory
  // runs leave the demo data out (KYNIEM_DEMO=0): they time the server's own start.
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeStart(() => startBare()));
    const dir = tempDir('kyniem-bench-fresh-');
    dirs.push(dir);
    fresh.push(await timeStart(() => startKyniem({ dataDir: dir, env: { KYNIEM_DEMO: '0' } })));
    existing.push(await timeStart(() => startKyniem({ dataDir: existingDir })));
    sources.push(await timeStart(() => startKyniem({ dataDir: existingDir, env: { KYNIEM_SOURCES: '1' } })));
  }

  const idleKyniem = await startKyniem({ dataDir: existingDir });
  const idleSources = await startKyniem({ dataDir: existingDir, env: { KYNIEM_SOURCES: '1' } });
  const idleBare = await startBare();
  let kyniemMiB;
  let sourcesMiB;
  let bareMiB;
  try {
    await sleep(IDLE_S * 1000);
    kyniemMiB = rssMiB(idleKyniem.child.pid);
    sourcesMiB = rssMiB(idleSources.child.pid);
    bareMiB = rssMiB(idleBare.child.pid);
  } finally {
    await idleKyniem.stop();
    await idleSources.stop();
    await idleBare.stop();
  }

  const m = { fresh: median(fresh), existing: median(existing), sources: median(sources), bare: median(bare) };
  const fmt = (xs) => xs.map((x) => Math.round(x)).join(' ');
  console.log(`\nspawn → ready, ${RUNS} runs each (ms), SQLite; resident memory after ${IDLE_S} s idle\n`);
  console.log(
    table(
      ['', 'median ms', 'runs ms', 'idle MiB'],
      [
        ['Kyniem, empty data directory, with demo data', '', fmt([firstWithDemo]), ''],
        ['Kyniem, empty data directory (KYNIEM_DEMO=0)', Math.round(m.fresh), fmt(fresh), ''],
        ['Kyniem, existing data directory (demo data)', Math.round(m.existing), fmt(existing), kyniemMiB.toFixed(1)],
        ['the same from the sources through tsx', Math.round(m.sources), fmt(sources), sourcesMiB.toFixed(1)],
        ['bare node:http (node -e)', Math.round(m.bare), fmt(bare), bareMiB.toFixed(1)],
      ],
    ),
  );
  console.log('');
  console.log(
    `bench startup: ${(m.fresh / m.bare).toFixed(1)} × bare node:http on an empty data directory, ${(m.existing / m.bare).toFixed(1)} × on an existing one ` +
      `(Kyniem ${Math.round(m.fresh)} ms / ${Math.round(m.existing)} ms; bare ${Math.round(m.bare)} ms; medians of ${RUNS})`,
  );
  console.log(
    `bench startup-sources: ${(m.sources / m.bare).toFixed(1)} × bare node:http on an existing data directory through tsx, ` +
      `${(m.sources / m.existing).toFixed(1)} × the compiled server (${Math.round(m.sources)} ms)`,
  );
  console.log(
    `bench idle-memory: ${kyniemMiB.toFixed(1)} MiB (${(kyniemMiB / bareMiB).toFixed(2)} of bare node:http at ${bareMiB.toFixed(1)} MiB)`,
  );
} finally {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
