import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn } from '../../../../test/support/client.ts';
import { type Bomb, zipBombs } from '../../../../test/support/zipBombs.ts';
import { buildTemplate, buildUnit } from '../../../../test/support/factories.ts';
import { UPLOAD_SLOTS_PER_USER } from './slots.ts';

/** Every route that takes an archive, and the content type it is sent with. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const targets = [
  { path: '/api/files?name=bao-cao.xlsx', type: 'application/octet-stream' },
  { path: '/api/organisation/imports?kind=people&fileName=nhan-su.xlsx', type: XLSX },
  { path: '/api/plans/import/preview', type: DOCX },
  { path: '/api/reporting/form.xlsx/preview', type: XLSX }, // its query is added once the form exists
];
/** What a refused bomb may answer: refused as a bomb, or not a file of the kind wanted, or too big a body. */
const refusals = new Set([
  'ARCHIVE_REFUSED',
  'FILE_TYPE_REFUSED',
  'NOT_XLSX',
  'IMPORT_CORRUPT_DOCX',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * Bombs of every kind (test/support/zipBombs.ts: deflate bombs with honest and lying headers, many
 * entries, overlapping entries, a bomb inside a package, an impossible ratio), sent all at once
 * from several accounts to every route that takes an archive: each is refused, none is a 5xx, the
 * server answers afterwards, and the process's memory stays within tens of MB.
 */
describeEachDatabase('zip bombs, concurrently', (kind) => {
  const env = useTestEnv(kind);
  let bombs: Bomb[];
  const clients: Client[] = [];
  let timer: NodeJS.Timeout;
  const peak = { rss: 0, heap: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };

  beforeAll(async () => {
    bombs = await zipBombs();
    const unit = await buildUnit(env().platform);
    const template = await buildTemplate(env().platform);
    targets[3].path = `/api/reporting/form.xlsx/preview?templateId=${template.id}&unitId=${unit.id}&periodId=2019-08`;
    for (let i = 0; i < 6; i++) {
      const u = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
      clients.push(await signIn(env().app, u.username, u.password));
    }
  }, 60_000);
  afterAll(() => clearInterval(timer));

  const send = (client: Client, target: (typeof targets)[number], bomb: Bomb) =>
    env().app.request(target.path, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': target.type },
      body: bomb.bytes,
    }) as Promise<Response>;

  it('refuses every bomb on every route, all sent at once, and stays up within bounded memory', async () => {
    globalThis.gc?.();
    const base = process.memoryUsage();
    timer = setInterval(sample, 2);
    let pending = targets.flatMap((target) => bombs.map((bomb) => ({ target, bomb })));
    const answers: { kind: string; path: string; status: number; code: string }[] = [];
    let sent = 0;
    let busy = 0;
    for (let wave = 0; pending.length && wave < 50; wave++) {
      sent += pending.length;
      const results = await Promise.all(
        pending.map(async (p, i) => {
          const res = await send(clients[i % clients.length], p.target, p.bomb);
          const body = (await res.json()) as { error?: { code: string } };
          return { p, status: res.status, code: body.error?.code ?? '', retry: res.headers.get('retry-after') };
        }),
      );
      pending = [];
      for (const r of results) {
        if (r.status === 429) {
          expect(r.code).toBe('TOO_MANY_UPLOADS');
          expect(r.retry).toBe('2');
          busy++;
          pending.push(r.p);
        } else answers.push({ kind: r.p.bomb.kind, path: r.p.target.path, status: r.status, code: r.code });
      }
    }
    clearInterval(timer);
    sample();
    expect(pending).toEqual([]);
    expect(answers).toHaveLength(targets.length * bombs.length);
    for (const a of answers) {
      expect(a.status, `${a.kind} → ${a.path}: ${a.code}`).toBeGreaterThanOrEqual(400);
      expect(a.status, `${a.kind} → ${a.path}: ${a.code}`).toBeLessThan(500);
      expect(refusals, `${a.kind} → ${a.path}`).toContain(a.code);
    }
    // The archive check itself answered on every route (not only the body limit or the first bytes).
    for (const t of targets)
      expect(
        answers.some((a) => a.path === t.path && a.code === 'ARCHIVE_REFUSED'),
        t.path,
      ).toBe(true);
    expect((await env().app.request('/api/health')).status).toBe(200);

    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const figures = {
      database: kind,
      bombsSent: sent,
      answeredBusy: busy,
      bombKinds: bombs.length,
      routes: targets.length,
      rssBeforeMb: mb(base.rss),
      rssPeakMb: mb(peak.rss),
      heapPeakGrowthMb: mb(peak.heap - base.heapUsed),
      buffersPeakGrowthMb: mb(peak.external - base.external),
    };
    console.log(`zip bombs: ${JSON.stringify(figures)}`);
    // Each bomb unpacks to 16 MB–1 GB; all of them at once cost the process less than 200 MB more.
    expect(peak.rss - base.rss).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it(`one account gets at most ${UPLOAD_SLOTS_PER_USER} uploads checked at once; the rest are told to retry`, async () => {
    const slow = bombs.find((b) => b.kind === 'deflate bomb, lying just under the limit')!;
    const results = await Promise.all(Array.from({ length: 6 }, () => send(clients[0], targets[0], slow)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6 - UPLOAD_SLOTS_PER_USER - 1);
    expect(statuses.every((s) => s === 429 || s === 400)).toBe(true);
  }, 60_000);
});
