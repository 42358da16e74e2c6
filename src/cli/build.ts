import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** `npm start` on a fresh clone: build the web app once if dist/web is missing. */
export async function ensureWebBuilt(): Promise<void> {
  if (fs.existsSync(path.resolve('dist/web/index.html'))) return;
  process.stderr.write('Đang build ứng dụng web / building the web app…\n');
  const vite = path.resolve('node_modules/.bin/vite');
  const r = spawnSync(vite, ['build'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
