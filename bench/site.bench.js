// The public website (issue 17): the home page and an article served by Kyniem (rendered, kept
// for a few seconds, checked against the website's version on every request) against the same
// bytes served as a static file by the same process, both loaded the same way. Also the pages'
// weight on a phone, and that a publish shows on the very next request.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load, repoRoot, signIn, startKyniem, table } from './lib.js';

const WARM_UP_S = 2;
const DURATION_S = 8;
const CONNECTIONS = 10;
const kb = (n) => (n / 1024).toFixed(1);

const kyniem = await startKyniem();
const staticDir = path.join(repoRoot, 'dist/web/__bench-site');
const rows = [];
const lines = [];
try {
  const home = await (await fetch(`${kyniem.url}/`)).text();
  const slug = /href="\/tin-tuc\/([a-z0-9-]+)"/.exec(home)?.[1];
  if (!slug) throw new Error('the home page lists no article');
  fs.mkdirSync(staticDir, { recursive: true });
  const ratios = [];
  for (const target of [
    { name: 'home', path: '/' },
    { name: 'article', path: `/tin-tuc/${slug}` },
  ]) {
    const res = await fetch(`${kyniem.url}${target.path}`);
    if (res.status !== 200) throw new Error(`${target.path}: ${res.status}`);
    const body = await res.text();
    fs.writeFileSync(path.join(staticDir, `${target.name}.html`), body);
    const kUrl = `${kyniem.url}${target.path}`;
    const sUrl = `${kyniem.url}/app/__bench-site/${target.name}.html`;
    const check = await fetch(sUrl);
    if (check.status !== 200 || (await check.text()) !== body) throw new Error(`${sUrl} does not serve the same bytes`);
    await load(kUrl, { connections: CONNECTIONS, duration: WARM_UP_S });
    await load(sUrl, { connections: CONNECTIONS, duration: WARM_UP_S });
    // Two halves each, interleaved, so that a change in the machine's other load falls on both.
    const half = { connections: CONNECTIONS, duration: DURATION_S / 2 };
    const k = [];
    const s = [];
    for (let i = 0; i < 2; i++) {
      k.push(await load(kUrl, half));
      s.push(await load(sUrl, half));
    }
    const mean = (xs) => xs.reduce((n, x) => n + x.reqPerSec, 0) / xs.length;
    const ratio = mean(k) / mean(s);
    ratios.push(ratio);
    rows.push([`Kyniem GET ${target.path}`, Math.round(mean(k)), k[1].p50, Buffer.byteLength(body)]);
    rows.push([`static file, same process, same bytes`, Math.round(mean(s)), s[1].p50, Buffer.byteLength(body)]);
    lines.push(
      `bench site-${target.name}: ${ratio.toFixed(2)} of the static file (${Math.round(mean(k))} against ${Math.round(mean(s))} req/s)`,
    );
  }
  lines.unshift(
    `bench site: ${Math.min(...ratios).toFixed(2)} of the static file's throughput (the lower of the home page and an article; goal ≥ 0.5)`,
  );

  // A publish shows on the next request: unpublish the article, read the home page, publish it again.
  const { cookie, csrfToken } = await signIn(kyniem.url);
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const list = await (
    await fetch(`${kyniem.url}/api/website/articles?status=published&pageSize=50`, { headers })
  ).json();
  const article = list.items.find((a) => a.slug === slug);
  if (!article) throw new Error(`article ${slug} not found through the API`);
  const step = async (name) => {
    const r = await fetch(`${kyniem.url}/api/website/articles/${article.id}/${name}`, { method: 'POST', headers });
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${await r.text()}`);
  };
  await step('unpublish');
  const gone = !(await (await fetch(`${kyniem.url}/`)).text()).includes(`/tin-tuc/${slug}"`);
  await step('publish');
  const back = (await (await fetch(`${kyniem.url}/`)).text()).includes(`/tin-tuc/${slug}"`);
  lines.push(
    `bench site-fresh: ${gone && back ? 'yes' : 'NO'}, an unpublished article leaves the home page on the next request and comes back when published`,
  );
  if (!(gone && back)) throw new Error('the home page did not follow a publish');

  // Weight on a phone (390 px wide, 2 device pixels per CSS pixel): HTML with its inline CSS, no
  // script, compressed; the article adds the cover in the size and format a phone picks (AVIF).
  const homeGz = gzipSync(await (await fetch(`${kyniem.url}/`)).text()).length;
  const articleHtml = await (await fetch(`${kyniem.url}/tin-tuc/${slug}`)).text();
  const scripts = (articleHtml.match(/<script src=/g) ?? []).length + (home.match(/<script src=/g) ?? []).length;
  const avif = /<source type="image\/avif" srcset="([^"]+)"/.exec(articleHtml)?.[1] ?? '';
  const candidates = avif
    .split(',')
    .map((c) => c.trim().split(/\s+/))
    .map(([url, w]) => ({ url, w: Number.parseInt(w, 10) }))
    .sort((a, b) => a.w - b.w);
  const chosen = candidates.find((c) => c.w >= 780) ?? candidates.at(-1);
  const cover = chosen ? (await (await fetch(`${kyniem.url}${chosen.url}`)).arrayBuffer()).byteLength : 0;
  const articleGz = gzipSync(articleHtml).length;
  lines.push(
    `bench site-weight: home ${kb(homeGz)} KB (goal ≤ 50 KB), article ${kb(articleGz)} KB + cover ${kb(cover)} KB (${chosen?.w ?? 0} px AVIF) = ${kb(articleGz + cover)} KB on a phone (goal ≤ 150 KB); ${scripts} scripts`,
  );
  console.log(table(['what', 'req/s', 'p50 ms', 'bytes'], rows));
} finally {
  fs.rmSync(staticDir, { recursive: true, force: true });
  await kyniem.stop();
  fs.rmSync(kyniem.dataDir, { recursive: true, force: true });
}
for (const l of lines) console.log(l);
