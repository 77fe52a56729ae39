import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { performanceCycles } from '../../../db/schema/index.ts';
import type { JobPayload } from '../../../jobs/definitions.ts';
import type { JobRun, JobSender } from '../../../jobs/queue.ts';
import { populateCycle } from './populate.ts';

/** The `performance-cycle` job: opens a cycle (status `opening`) or syncs an open one with the roster. */
export async function performanceCycleJob(deps: { database: Database }, payload: JobPayload<'performance-cycle'>, run: JobRun) {
  const db = deps.database.forDistrict(payload.districtId);
  const audit = { requestId: run.id, actor: { userId: payload.userId, districtId: payload.districtId } };
  await populateCycle(db, audit, payload.cycleId, payload.action);
}

/** One waiting job per cycle: a second send while one waits adds nothing. */
export const cycleJobKey = (cycleId: string) => `performance-cycle:${cycleId}`;

/**
 * After a roster import is applied: a sync job for every open cycle of the district, so newcomers
 * get a plan and leavers' plans are marked (their records kept).
 */
export async function syncOpenCycles(database: Database, jobs: JobSender, districtId: string, userId: string | null) {
  const db = database.forDistrict(districtId);
  const open = await db
    .select({ id: performanceCycles.id })
    .from(performanceCycles)
    .where(and(eq(performanceCycles.districtId, districtId), eq(performanceCycles.status, 'open')));
  for (const cycle of open) {
    const id = await jobs.send(
      'performance-cycle',
      { districtId, cycleId: cycle.id, userId, action: 'sync' },
      { singletonKey: cycleJobKey(cycle.id) },
    );
    if (id) await db.update(performanceCycles).set({ openJobId: id }).where(eq(performanceCycles.id, cycle.id));
  }
}
