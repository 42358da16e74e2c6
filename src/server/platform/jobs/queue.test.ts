import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, postgresUrl } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { createMemoryEventBus } from '../events/events.ts';
import { createLogger } from '../logging/logger.ts';
import { JobQueue, retryDelayMs, type JobHandler } from './queue.ts';

const LOCK_MS = 5 * 60 * 1000;

describeEachDatabase('job queue', (kind) => {
  const env = useTestEnv(kind);
  const extraHandles: DatabaseHandle[] = [];
  let typeSeq = 0;
  const newType = () => `test.job${++typeSeq}`;

  afterEach(async () => {
    for (const h of extraHandles.splice(0)) await h.close();
  });

  function queue(handlers: Record<string, JobHandler>, db = env().platform.db) {
    const q = new JobQueue(db, kind, createMemoryEventBus(), createLogger('silent'), () => env().clock.now);
    for (const [type, h] of Object.entries(handlers)) q.register(type, h);
    return q;
  }
  const job = (id: string) =>
    env().platform.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs an enqueued job once with its payload, and marks it done', async () => {
    const type = newType();
    const seen: unknown[] = [];
    const q = queue({ [type]: async (payload, ctx) => void seen.push({ payload, attempt: ctx.attempt }) });
    const id = await q.enqueue(type, { unit: 'Đảng ủy Khối', n: 15 });
    expect(id).toBeTruthy();
    expect(await q.runDue()).toBe(1);
    expect(seen).toEqual([{ payload: { unit: 'Đảng ủy Khối', n: 15 }, attempt: 1 }]);
    expect(await job(id!)).toMatchObject({ status: 'done', attempts: 1, locked_by: null, locked_until: null });
    expect((await job(id!)).finished_at).toBeTruthy();
    expect(await q.runDue()).toBe(0);
  });

  it('waits for run_at, and leaves types it has no handler for', async () => {
    const type = newType();
    const other = newType();
    const q = queue({ [type]: async () => {} });
    const later = new Date(env().clock.now.getTime() + 60_000);
    const id = await q.enqueue(type, {}, { runAt: later });
    const foreign = await q.enqueue(other, {});
    expect(await q.runDue()).toBe(0);
    env().clock.advance(60_000);
    expect(await q.runDue()).toBe(1);
    expect((await job(id!)).status).toBe('done');
    expect((await job(foreign!)).status).toBe('queued');
  });

  it('retries a failing job with growing back-off, then gives up after max attempts', async () => {
    const type = newType();
    let calls = 0;
    const q = queue({
      [type]: async () => {
        calls++;
        throw new Error(`failure ${calls}`);
      },
    });
    const id = (await q.enqueue(type, {}, { maxAttempts: 3 }))!;
    const t0 = env().clock.now.getTime();

    expect(await q.runDue()).toBe(1);
    let row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'failure 1', locked_by: null });
    expect(Date.parse(row.run_at)).toBe(t0 + retryDelayMs(1));

    expect(await q.runDue()).toBe(0); // not before the back-off is over
    env().clock.advance(retryDelayMs(1) - 1);
    expect(await q.runDue()).toBe(0);
    env().clock.advance(1);
    expect(await q.runDue()).toBe(1);
    row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, last_error: 'failure 2' });
    expect(Date.parse(row.run_at) - env().clock.now.getTime()).toBe(retryDelayMs(2));
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    env().clock.advance(retryDelayMs(2));
    expect(await q.runDue()).toBe(1);
    row = await job(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'failure 3' });
    expect(row.finished_at).toBeTruthy();
    env().clock.advance(retryDelayMs(10));
    expect(await q.runDue()).toBe(0);
    expect(calls).toBe(3);
    expect(retryDelayMs(100)).toBe(60 * 60 * 1000); // capped at an hour
  });

  it('succeeds on a retry after failing once', async () => {
    const type = newType();
    let calls = 0;
    const q = queue({
      [type]: async () => {
        if (++calls === 1) throw new Error('transient');
      },
    });
    const id = (await q.enqueue(type, {}))!;
    await q.runDue();
    env().clock.advance(retryDelayMs(1));
    await q.runDue();
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, last_error: 'transient' });
  });

  it('keeps at most one job per dedupe key', async () => {
    const type = newType();
    const q = queue({ [type]: async () => {} });
    const key = `${type}:2019-06-10T08`;
    const first = await q.enqueue(type, { n: 1 }, { dedupeKey: key });
    const second = await q.enqueue(type, { n: 2 }, { dedupeKey: key });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    await q.runDue();
    expect(await q.enqueue(type, { n: 3 }, { dedupeKey: key })).toBeNull();
    const rows = await env().platform.db.selectFrom('jobs').selectAll().where('type', '=', type).execute();
    expect(rows.length).toBe(1);
    expect(JSON.parse(rows[0].payload)).toEqual({ n: 1 });
    // Jobs without a key are never merged.
    expect(await q.enqueue(type, {})).toBeTruthy();
    expect(await q.enqueue(type, {})).toBeTruthy();
  });

  it('has no job from a transaction that rolled back, and the job from one that committed', async () => {
    const type = newType();
    const q = queue({ [type]: async () => {} });
    await expect(
      env()
        .platform.db.transaction()
        .execute(async (tx) => {
          await q.enqueue(type, { kept: false }, {}, tx);
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    expect(await env().platform.db.selectFrom('jobs').select('id').where('type', '=', type).execute()).toEqual([]);
    expect(await q.runDue()).toBe(0);

    await env()
      .platform.db.transaction()
      .execute(async (tx) => {
        await q.enqueue(type, { kept: true }, {}, tx);
      });
    expect(await q.runDue()).toBe(1);
  });

  it('takes again a job whose worker died, once its lock has run out', async () => {
    const type = newType();
    const dead = queue({ [type]: async () => {} });
    const alive: string[] = [];
    const q = queue({ [type]: async (_p, ctx) => void alive.push(`${ctx.jobId}#${ctx.attempt}`) });
    const id = (await q.enqueue(type, {}))!;
    const claimed = await dead.claim(); // claimed, then the worker "dies" without finishing
    expect(claimed?.id).toBe(id);
    expect((await job(id)).status).toBe('running');

    expect(await q.runDue()).toBe(0);
    env().clock.advance(LOCK_MS - 1000);
    expect(await q.runDue()).toBe(0);
    env().clock.advance(2000);
    expect(await q.runDue()).toBe(1);
    expect(alive).toEqual([`${id}#2`]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('gives each of 200 jobs to exactly one of 4 workers claiming at the same time', async () => {
    const type = newType();
    const handles =
      kind === 'postgres'
        ? await Promise.all(
            [0, 1, 2, 3].map(() =>
              openDatabase({
                kind: 'postgres',
                url: postgresUrl,
                schema: env().platform.database.postgres!.schema,
                poolSize: 3,
              }),
            ),
          )
        : [];
    extraHandles.push(...handles);
    const runs: { worker: number; id: string }[] = [];
    const workers = [0, 1, 2, 3].map((w) =>
      queue(
        {
          [type]: async (_p, ctx) => {
            runs.push({ worker: w, id: ctx.jobId });
            await new Promise((r) => setImmediate(r));
          },
        },
        // On PostgreSQL each worker has its own pool, as separate processes would.
        kind === 'postgres' ? handles[w].db : env().platform.db,
      ),
    );
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push((await workers[0].enqueue(type, { i }))!);

    const queued = async () =>
      Number(
        (
          await env()
            .platform.db.selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('type', '=', type)
            .where('status', '!=', 'done')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await Promise.all(
      workers.map(async (q) => {
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          if ((await q.runDue(10)) > 0) continue;
          if ((await queued()) === 0) return;
          // Others still hold jobs: let them run (a loop of promises alone would starve them).
          await new Promise((r) => setTimeout(r, 1));
        }
        const left = await env()
          .platform.db.selectFrom('jobs')
          .select(['status', 'attempts', 'locked_by', 'last_error'])
          .where('type', '=', type)
          .where('status', '!=', 'done')
          .execute();
        throw new Error(`workers did not finish: ${JSON.stringify(left.slice(0, 5))} (${left.length})`);
      }),
    );

    expect(runs.length).toBe(200);
    expect(new Set(runs.map((r) => r.id))).toEqual(new Set(ids));
    expect(new Set(runs.map((r) => r.worker)).size).toBeGreaterThan(1);
    const rows = await env().platform.db.selectFrom('jobs').selectAll().where('type', '=', type).execute();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });
});
