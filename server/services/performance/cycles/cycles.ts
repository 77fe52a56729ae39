import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateCycleInput, UpdateCycleInput } from '../../../../common/schemas/performance-cycles.ts';
import type { Executor } from '../../../db/client.ts';
import { performanceCycles } from '../../../db/schema/index.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { canManagePerformance } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';
import { cycleJobKey } from './job.ts';
import { canonicalPopulation, populationKey } from './population.ts';
import { countsOf, presentCycle, presentSummary, type CycleRow } from './present.ts';
import { checkReferences, isUniqueViolation } from './validate.ts';

type Jobs = Pick<JobQueue, 'sql'>;

function requireManager(ctx: Ctx) {
  if (!canManagePerformance(ctx.actor)) throw forbidden();
}

/** The cycle of the caller's district, else 404. */
async function loadCycle(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<CycleRow> {
  const [row] = await db
    .select()
    .from(performanceCycles)
    .where(and(eq(performanceCycles.id, id), eq(performanceCycles.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Cycle');
  return row;
}

/** 409 with a sentence a person can act on: the cycle that already covers these people this year. */
async function duplicate(ctx: Ctx, input: { schoolYear: string }, key: string) {
  const [taken] = await ctx.db
    .select()
    .from(performanceCycles)
    .where(
      and(
        eq(performanceCycles.districtId, ctx.actor.districtId),
        eq(performanceCycles.schoolYear, input.schoolYear),
        eq(performanceCycles.populationKey, key),
      ),
    );
  return new AppError('conflict', `There is already a ${input.schoolYear} cycle for this population ("${taken?.title ?? ''}")`, {
    current: taken ? presentSummary(taken) : null,
  });
}

const fields = (input: CreateCycleInput) => {
  const population = canonicalPopulation(input.population);
  return {
    title: input.title,
    schoolYear: input.schoolYear,
    population,
    populationKey: populationKey(population),
    phases: input.phases,
    checkInDates: input.checkInDates,
    ratingMethod: input.ratingMethod,
  };
};

/** HR's list of cycles, newest year first, with completion counts. */
export async function listCycles(ctx: Ctx) {
  requireManager(ctx);
  const rows = await ctx.db
    .select()
    .from(performanceCycles)
    .where(eq(performanceCycles.districtId, ctx.actor.districtId))
    .orderBy(desc(performanceCycles.schoolYear), desc(performanceCycles.createdAt));
  const counts = await countsOf(
    ctx.db,
    ctx.actor.districtId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentSummary(r, counts.get(r.id))) };
}

export async function getCycle(ctx: Ctx, jobs: Jobs, id: string) {
  requireManager(ctx);
  return presentCycle(ctx.db, jobs, await loadCycle(ctx, id));
}

/** A draft cycle; a second cycle for the same population and school year is 409. */
export async function createCycle(ctx: Ctx, jobs: Jobs, input: CreateCycleInput) {
  requireManager(ctx);
  await checkReferences(ctx.db, ctx.actor.districtId, input);
  const values = fields(input);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(performanceCycles)
        .values({ districtId: ctx.actor.districtId, ...values, createdBy: ctx.actor.userId })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'performance_cycle.create',
        entityType: 'performance_cycle',
        entityId: created!.id,
        after: created,
      });
      return created!;
    });
    return presentCycle(ctx.db, jobs, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw await duplicate(ctx, input, values.populationKey);
    throw err;
  }
}

/** Changes a draft (only a draft: an opened cycle's people hold plans made from it); 409 on a stale version. */
export async function updateCycle(ctx: Ctx, jobs: Jobs, id: string, input: z.infer<typeof UpdateCycleInput>) {
  requireManager(ctx);
  const before = await loadCycle(ctx, id);
  if (before.status !== 'draft') throw invalidState('Only a draft cycle can be changed');
  if (before.version !== input.version) throw conflict(await presentCycle(ctx.db, jobs, before));
  await checkReferences(ctx.db, ctx.actor.districtId, input);
  const values = fields(input);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [after] = await tx
        .update(performanceCycles)
        .set({ ...values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(performanceCycles.id, id), eq(performanceCycles.version, input.version), eq(performanceCycles.status, 'draft')))
        .returning();
      // Changed since the check above: the job queue cannot be read inside this transaction (PGlite).
      if (!after) throw conflict(presentSummary(before));
      await recordAudit(tx, ctx, { action: 'performance_cycle.update', entityType: 'performance_cycle', entityId: id, before, after });
      return after;
    });
    return presentCycle(ctx.db, jobs, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw await duplicate(ctx, input, values.populationKey);
    throw err;
  }
}

/** Sends the cycle's job (after its state change committed) and remembers its id on the cycle. */
async function sendJob(ctx: Ctx, cycleId: string, action: 'open' | 'sync') {
  const payload = { districtId: ctx.actor.districtId, cycleId, userId: ctx.actor.userId, action };
  const jobId = await ctx.jobs.send('performance-cycle', payload, { singletonKey: cycleJobKey(cycleId) });
  if (jobId) await ctx.db.update(performanceCycles).set({ openJobId: jobId }).where(eq(performanceCycles.id, cycleId));
}

/**
 * Opens a draft (or an opening whose job failed): the cycle turns `opening` and a job makes the
 * plans, reporting progress on the cycle; it turns `open` when done. 409 on a stale version.
 */
export async function openCycle(ctx: Ctx, jobs: Jobs, id: string, version: number) {
  requireManager(ctx);
  const before = await presentCycle(ctx.db, jobs, await loadCycle(ctx, id));
  if (!before.abilities.open) throw invalidState('This cycle is already open or being opened');
  if (before.version !== version) throw conflict(before);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(performanceCycles)
      .set({ status: 'opening', version: sql`${performanceCycles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(performanceCycles.id, id), eq(performanceCycles.version, version)))
      .returning();
    if (!after) throw conflict(before);
    await recordAudit(tx, ctx, {
      action: 'performance_cycle.start_open',
      entityType: 'performance_cycle',
      entityId: id,
      after: { status: 'opening' },
    });
  });
  await sendJob(ctx, id, 'open');
  return presentCycle(ctx.db, jobs, await loadCycle(ctx, id));
}

/** Adds newcomers to an open cycle and marks the plans of people who left (as a job). */
export async function syncCycle(ctx: Ctx, jobs: Jobs, id: string) {
  requireManager(ctx);
  const row = await loadCycle(ctx, id);
  if (row.status !== 'open') throw invalidState('Only an open cycle can be synced with the roster');
  await sendJob(ctx, id, 'sync');
  return presentCycle(ctx.db, jobs, await loadCycle(ctx, id));
}

/** Closes an open cycle: its plans stay readable; no one is added any more. 409 on a stale version. */
export async function closeCycle(ctx: Ctx, jobs: Jobs, id: string, version: number) {
  requireManager(ctx);
  const before = await loadCycle(ctx, id);
  if (before.status !== 'open') throw invalidState('Only an open cycle can be closed');
  if (before.version !== version) throw conflict(await presentCycle(ctx.db, jobs, before));
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(performanceCycles)
      .set({ status: 'closed', version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(performanceCycles.id, id), eq(performanceCycles.version, version), eq(performanceCycles.status, 'open')))
      .returning();
    if (!after) throw conflict(presentSummary(before));
    await recordAudit(tx, ctx, {
      action: 'performance_cycle.close',
      entityType: 'performance_cycle',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    return after;
  });
  return presentCycle(ctx.db, jobs, row);
}

export { loadCycle };
