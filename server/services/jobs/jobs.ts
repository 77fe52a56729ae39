import { eq } from 'drizzle-orm';
import type { BackgroundJob, JOB_KINDS, JOB_STATES, JobList } from '../../../common/schemas/jobs.ts';
import type { z } from 'zod';
import { districts } from '../../db/schema/index.ts';
import type { JobName } from '../../jobs/definitions.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canManageJobs, jobAbilities } from '../../policies/jobs.ts';
import { recordAudit } from '../audit.ts';
import { districtJob, districtJobs, type StoredJob } from './store.ts';

const PAGE = 100;

function present(ctx: Ctx, job: StoredJob): BackgroundJob {
  const state = job.state as (typeof JOB_STATES)[number];
  return {
    id: job.id,
    kind: job.name as (typeof JOB_KINDS)[number],
    state,
    attempts: job.startedAt ? job.retryCount + 1 : 0,
    maxAttempts: job.retryLimit + 1,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.completedAt,
    runAfter: job.startAfter,
    error: job.error,
    abilities: jobAbilities(ctx.actor, job),
  };
}

/** The district's recent background jobs (district admins), with why each failed one failed. */
export async function listJobs(ctx: Ctx, queue: JobQueue, query: { state?: 'failed' }): Promise<z.infer<typeof JobList>> {
  if (!canManageJobs(ctx.actor)) throw forbidden();
  const rows = await districtJobs(queue.sql, ctx.actor.districtId, { failedOnly: query.state === 'failed', limit: PAGE });
  const [district] = await ctx.db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  return { items: rows.map((row) => present(ctx, row)), timeZone: district?.timeZone ?? 'UTC' };
}

/** Puts a failed job of the district back in the queue, with its retries counted anew; audited. */
export async function retryJob(ctx: Ctx, queue: JobQueue, id: string): Promise<BackgroundJob> {
  if (!canManageJobs(ctx.actor)) throw forbidden();
  const job = await districtJob(queue.sql, ctx.actor.districtId, id);
  if (!job) throw notFound('Job');
  if (job.state !== 'failed') throw invalidState('Only a failed job can be retried', present(ctx, job));
  await queue.retry(job.name as JobName, [id]);
  await recordAudit(ctx.db, ctx, {
    action: 'job.retry',
    entityType: 'job',
    entityId: id,
    before: { state: job.state, error: job.error },
    after: { kind: job.name },
  });
  const retried = await districtJob(queue.sql, ctx.actor.districtId, id);
  return present(ctx, retried ?? job);
}
