// `npm run bench`: runs every bench/*.bench.js (and *.bench.ts through tsx) one after another,
// then repeats their `bench …:` lines; exits non-zero when one of them fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.bench\.(js|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

function runOne(file) {
  return new Promise((resolve) => {
    const args = file.endsWith('.ts') ? ['--import', 'tsx', path.join(dir, file)] : [path.join(dir, file)];
    const started = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code, signal) =>
      resolve({
        file,
        code,
        signal,
        seconds: (Date.now() - started) / 1000,
        lines: out.split('\n').filter((l) => l.startsWith('bench ')),
      }),
    );
  });
}

const results = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  results.push(await runOne(file));
}

console.log('\n=== summary');
for (const r of results) {
  const ok = r.code === 0;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${r.file} (${r.seconds.toFixed(1)} s)${ok ? '' : ` exit ${r.code ?? r.signal}`}`,
  );
  for (const line of r.lines) console.log(`     ${line}`);
}
if (files.length === 0 || results.some((r) => r.code !== 0)) process.exitCode = 1;
