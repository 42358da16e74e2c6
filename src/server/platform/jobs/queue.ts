import os from 'node:os';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, JobsTable } from '../db/tables.ts';
import type { DialectName } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { EventBus } from '../events/events.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * A job queue kept in the database, so a single server needs nothing else and several app
 * processes on PostgreSQL share it safely: a job is claimed by one UPDATE … RETURNING whose
 * inner SELECT uses FOR UPDATE SKIP LOCKED, so two workers never take the same job. A job whose
 * worker died is taken again once its lock runs out. Failures are retried with back-off.
 */
export type JobContext = { jobId: string; attempt: number; logger: Logger };
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

export type EnqueueOptions = {
  runAt?: Date;
  maxAttempts?: number;
  /** At most one job with this key exists; enqueueing it again does nothing. */
  dedupeKey?: string;
};

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

const LOCK_MS = 5 * 60 * 1000;
const WAKE_TOPIC = 'jobs.enqueued';

export function retryDelayMs(attempt: number): number {
  return Math.min(60 * 60 * 1000, 10_000 * 2 ** Math.max(0, attempt - 1));
}

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${os.hostname()}:${process.pid}:${newId().slice(-6)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
    private readonly pollMs = 2000,
  ) {}

  register(type: string, handler: JobHandler): void {
    if (this.handlers.has(type)) throw new Error(`job handler for ${type} registered twice`);
    this.handlers.set(type, handler);
  }

  /** Adds a job; pass the caller's transaction so that the job exists only if the change commits. */
  async enqueue(
    type: string,
    payload: unknown,
    options: EnqueueOptions = {},
    tx: Transaction<Database> | Kysely<Database> = this.db,
  ): Promise<string | null> {
    const now = this.clock().toISOString();
    const id = newId();
    const inserted = await tx
      .insertInto('jobs')
      .values({
        id,
        type,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        run_at: (options.runAt ?? this.clock()).toISOString(),
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        dedupe_key: options.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) void this.events.publish(WAKE_TOPIC, { type }).catch(() => {});
    return inserted?.id ?? null;
  }

  /** Takes the next due job for this worker, or nothing. */
  async claim(): Promise<JobsTable | null> {
    const now = this.clock();
    const nowIso = now.toISOString();
    const types = [...this.handlers.keys()];
    if (types.length === 0) return null;
    const row = await this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: this.workerId,
        locked_until: new Date(now.getTime() + LOCK_MS).toISOString(),
        attempts: sql`attempts + 1`,
        updated_at: nowIso,
      })
      .where('id', '=', (eb) => {
        let next = eb
          .selectFrom('jobs')
          .select('id')
          .where('type', 'in', types)
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_at', '<=', nowIso)]),
              w.and([w('status', '=', 'running'), w('locked_until', '<', nowIso)]),
            ]),
          )
          .orderBy('run_at')
          .limit(1);
        if (this.dialect === 'postgres') next = next.forUpdate().skipLocked();
        return next;
      })
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Runs due jobs one after another until none is left or `limit` ran; returns how many ran. */
  async runDue(limit = 100): Promise<number> {
    let ran = 0;
    while (ran < limit && !this.stopping) {
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      ran++;
    }
    return ran;
  }

  private async execute(job: JobsTable): Promise<void> {
    const handler = this.handlers.get(job.type)!;
    const logger = this.logger.child({ job: job.id, jobType: job.type });
    const finishedAt = () => this.clock().toISOString();
    try {
      await handler(JSON.parse(job.payload), { jobId: job.id, attempt: job.attempts, logger });
      await this.db
        .updateTable('jobs')
        .set({
          status: 'done',
          finished_at: finishedAt(),
          updated_at: finishedAt(),
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.workerId)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      logger.warn(final ? 'job failed for good' : 'job failed, will retry', { err, attempt: job.attempts });
      await this.db
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'queued',
          run_at: final ? job.run_at : new Date(this.clock().getTime() + retryDelayMs(job.attempts)).toISOString(),
          last_error: message.slice(0, 2000),
          finished_at: final ? finishedAt() : null,
          updated_at: finishedAt(),
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.workerId)
        .execute();
    }
  }

  /** Starts polling (and waking on enqueue events) in this process. */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    const tick = () => {
      if (this.running || this.stopping) return;
      this.running = this.runDue()
        .then(() => undefined)
        .catch((err) => this.logger.error('job worker error', { err }))
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(tick, this.pollMs);
    this.timer.unref();
    this.unsubscribe = this.events.subscribe(WAKE_TOPIC, tick);
    tick();
  }

  /** Stops taking new jobs and waits for the one under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running;
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.status as JobStatus] = Number(r.n);
    return out;
  }
}
