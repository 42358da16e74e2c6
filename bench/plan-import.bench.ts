// Plan import: drafting the seed plan from its text (decode, outline, dates, responsibilities,
// milestones, schema check), against reading the same bytes into a string and NFC-normalising it
// in the same run: the least any import has to do. Rounds alternate so the machine's other work
// falls on both alike; each figure is the median round.
//   node --import tsx bench/plan-import.bench.ts
import fs from 'node:fs';
import path from 'node:path';
import { importPlanDocument } from '../src/server/modules/plans/import/importPlan.ts';

const seedFile = ['seed', '../shared/seed', '/work/shared/seed']
  .map((dir) => path.resolve(dir, 'ke-hoach-ky-niem-15-nam.vi.txt'))
  .find((file) => fs.existsSync(file));
if (!seedFile) {
  console.error('bench plan-import: needs seed/ke-hoach-ky-niem-15-nam.vi.txt');
  process.exit(1);
}
const bytes = fs.readFileSync(seedFile);

const ROUNDS = 9;
const IMPORTS = 40;
const READS = 4000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let sink = 0;
function readAndNormalise(): number {
  const started = performance.now();
  for (let i = 0; i < READS; i++)
    sink += new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC').length;
  return (performance.now() - started) / READS;
}

async function draftSeed(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < IMPORTS; i++) {
    const draft = await importPlanDocument(bytes);
    if (draft.activities.length !== 29) throw new Error(`expected 29 activities, got ${draft.activities.length}`);
    sink += draft.milestones.length;
  }
  return (performance.now() - started) / IMPORTS;
}

// warm up both paths (JIT, regular expressions, zod)
readAndNormalise();
await draftSeed();

const imports: number[] = [];
const reads: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  imports.push(await draftSeed());
  reads.push(readAndNormalise());
}
const importMs = median(imports);
const readMs = median(reads);
if (sink < 0) console.log(sink);
console.log(
  `bench plan-import: ${importMs.toFixed(2)} ms (${Math.round(importMs / readMs)}× of reading and NFC-normalising the same text in the same run)`,
);
