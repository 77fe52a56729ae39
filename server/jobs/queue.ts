import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { JOB_NAMES, JOB_PAYLOADS, PermanentJobError, RETRY_POLICIES, type JobName, type JobPayload } from './definitions.ts';
import { pgBossDb } from './pg-boss-db.ts';

type Log = {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

/** What a handler learns about its job besides the payload. */
export interface JobRun {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, run: JobRun) => Promise<void>;

/** The part of the queue services use: enqueue a job (after their write committed). */
export interface JobSender {
  send<N extends JobName>(name: N, payload: JobPayload<N>, opts?: SendOptions): Promise<string | null>;
}

export interface SendOptions {
  /** While a job with this key waits, sending another with the same key adds nothing. */
  singletonKey?: string;
  /** Seconds to wait before the job may run. */
  startAfterSeconds?: number;
  /** The job's id: a job with this id already sent (waiting, run or failed) makes this send add nothing. */
  id?: string;
}

export interface JobQueueOptions {
  /** How often each queue is polled when idle (a send in this process wakes it at once). */
  pollMs?: number;
  /** Overrides every queue's first retry wait (tests: 0). */
  retryDelaySeconds?: number;
  /** false: enqueue only, run nothing (a web-only process; tests of a restart). */
  work?: boolean;
}

/** The schema pg-boss keeps its tables in (created and migrated by pg-boss itself at start). */
export const JOBS_SCHEMA = 'pgboss';
const DAY = 24 * 60 * 60;

/**
 * The background job queue: pg-boss over the app's own database (PostgreSQL, or the embedded
 * PGlite through pg-boss's `db` adapter), so jobs survive restarts and, with several processes on
 * one PostgreSQL, each job is taken by one of them (`FOR UPDATE SKIP LOCKED`). Each process polls
 * each queue and runs one job of it at a time; failures are retried with a doubling wait, then
 * kept as failed (listed to admins, who may retry them) for 30 days.
 */
export class JobQueue implements JobSender {
  private boss?: PgBoss;
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly busy = new Map<JobName, Promise<void>>();
  private readonly timers = new Map<JobName, NodeJS.Timeout>();
  private stopped = true;
  private readonly pollMs: number;
  /** pg-boss's way into the database, as the owner (services/jobs/store.ts reads the job tables with it). */
  readonly sql: PgBoss.Db;

  constructor(
    private readonly database: Database,
    private readonly log: Log,
    private readonly opts: JobQueueOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 2_000;
    this.sql = pgBossDb(database);
  }

  /** Registers the handler of a kind of job (before `start`). */
  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  async start(): Promise<void> {
    const boss = new PgBoss({
      db: this.sql,
      schema: JOBS_SCHEMA,
      schedule: false,
      archiveCompletedAfterSeconds: 7 * DAY,
      archiveFailedAfterSeconds: 30 * DAY,
      deleteAfterDays: 90,
    });
    boss.on('error', (err: unknown) => this.log.error({ err }, 'job queue maintenance failed'));
    await boss.start();
    for (const name of JOB_NAMES) {
      const policy = RETRY_POLICIES[name];
      const retryDelay = this.opts.retryDelaySeconds ?? policy.retryDelaySeconds;
      // pg-boss's backoff waits at least a second; without a delay, retries follow at once.
      const options = { name, retryLimit: policy.retryLimit, retryDelay, retryBackoff: retryDelay > 0, expireInSeconds: 60 * 60 };
      // Created once; updated at each start, so a changed retry policy applies to new jobs.
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    }
    this.boss = boss;
    // The embedded database has one process (lockfile): a job left active was cut off by a stop.
    if (this.database.kind === 'pglite') await this.requeueInterrupted();
    if (this.opts.work === false) return;
    this.stopped = false;
    for (const name of this.handlers.keys()) this.poll(name);
  }

  /** Stops taking jobs, waits for those running, and closes pg-boss (the database stays open). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.busy.values()]);
    await this.boss?.stop({ graceful: false, close: false, wait: true });
    this.boss = undefined;
  }

  async send<N extends JobName>(name: N, payload: JobPayload<N>, opts: SendOptions = {}): Promise<string | null> {
    const data = JOB_PAYLOADS[name].parse(payload) as object;
    if (!this.boss) throw new Error('The job queue is not running');
    const id = await this.boss.send(name, data, {
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.id ? { id: opts.id } : {}),
      ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
    });
    if (!opts.startAfterSeconds) this.wake(name);
    return id;
  }

  /** Puts failed jobs back in the queue (retries counted anew); returns how many were failed. */
  async retry(name: JobName, ids: string[]): Promise<void> {
    if (!this.boss) throw new Error('The job queue is not running');
    await this.boss.retry(name, ids);
    this.wake(name);
  }

  /**
   * Resolves once no job is due and none runs in this process (tests, scripts): what was sent
   * before, and what those jobs sent in turn, has run (or failed).
   */
  async settled(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.busy.values()]);
      const { rows } = await this.sql.executeSql(
        `select count(*)::int as due from ${JOBS_SCHEMA}.job where state in ('created', 'retry') and start_after <= now() and name = any($1::text[])`,
        [[...this.handlers.keys()]],
      );
      if (Number((rows[0] as { due: number }).due) === 0 && this.busy.size === 0) return;
      for (const name of this.handlers.keys()) this.wake(name);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Looks for due jobs of this queue now rather than at the next poll. */
  wake(name: JobName): void {
    if (this.stopped || !this.handlers.has(name)) return;
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
    this.poll(name);
  }

  private poll(name: JobName): void {
    if (this.stopped || this.busy.has(name)) return;
    const run = this.drain(name)
      .catch((err: unknown) => this.log.error({ err, queue: name }, 'the job worker failed; it tries again at the next poll'))
      .finally(() => {
        this.busy.delete(name);
        if (this.stopped) return;
        const timer = setTimeout(() => this.poll(name), this.pollMs);
        timer.unref();
        this.timers.set(name, timer);
      });
    this.busy.set(name, run);
  }

  private async drain(name: JobName): Promise<void> {
    while (!this.stopped && this.boss) {
      const [job] = await this.boss.fetch<object>(name, { batchSize: 1, includeMetadata: true });
      if (!job) return;
      await this.runJob(name, job);
    }
  }

  private async runJob(name: JobName, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    const boss = this.boss!;
    try {
      const parsed = JOB_PAYLOADS[name].safeParse(job.data);
      if (!parsed.success) throw new PermanentJobError('The job carries a payload it cannot run with');
      const started = Date.now();
      this.log.debug({ queue: name, jobId: job.id, retryCount: job.retryCount }, 'job started');
      await this.handlers.get(name)!(parsed.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
      await boss.complete(name, job.id);
      this.log.info({ queue: name, jobId: job.id, retryCount: job.retryCount, ms: Date.now() - started }, 'job done');
    } catch (err) {
      const message = safeMessage(err);
      const permanent = err instanceof PermanentJobError;
      this.log.warn({ queue: name, jobId: job.id, retryCount: job.retryCount, permanent, error: message }, 'job failed');
      // pg-boss retries while retry_count < retry_limit: a permanent failure uses up its retries.
      if (permanent)
        await this.sql.executeSql(`update ${JOBS_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [name, job.id]);
      await boss.fail(name, job.id, { message });
    }
  }

  /** Jobs active when the only process stopped: due again now, as a retry. */
  private async requeueInterrupted(): Promise<void> {
    await this.sql.executeSql(
      `update ${JOBS_SCHEMA}.job set state = 'retry', start_after = now(), retry_limit = greatest(retry_limit, retry_count + 1) where state = 'active'`,
      [],
    );
  }
}

/**
 * What the job's record and the admin screen may say about an error: a database error's code and
 * short message (never its detail, which quotes rows), else the error's own message; no stack.
 */
export function safeMessage(err: unknown): string {
  for (let e = err as Record<string, unknown> | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return `database error ${e.code}: ${String(e.message ?? '').slice(0, 200)}`;
  }
  if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`.slice(0, 300);
  return 'unknown error';
}
