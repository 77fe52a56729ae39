/**
 * Keeping the district view's school summaries current from the start (issue 11: it showed
 * "0 teachers, 0 observed" for every school nobody had opened yet):
 * - at start, every school without a summary, or with one older than STALE_AFTER_MS or of another
 *   term, is queued as a `tracker-summary` job (server/jobs/), which refreshes one school per
 *   event-loop turn (summary.ts);
 * - the writes that change a school's figures (publishing or revising an observation, its feedback
 *   meeting, action steps, coaching sessions) queue a job for the schools of the people they
 *   concern, so the view catches up seconds after the write instead of at the next stale check.
 * The district view shows a school with no summary yet as not computed, never as zeros.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { OBSERVED_ROLES } from '../../../common/observation.ts';
import type { Database } from '../../db/client.ts';
import { districts, orgUnits, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { loadTrackerContext } from './context.ts';
import type { JobSender } from '../../jobs/queue.ts';
import { isStale, storedSummaries } from './summary.ts';

/** Queues a job per district whose schools' summaries are missing or stale; resolves once queued. */
export async function refreshSummariesAtStart(database: Database, jobs: JobSender): Promise<void> {
  const all = await database.db.select({ id: districts.id }).from(districts);
  for (const { id } of all) {
    const db = database.forDistrict(id);
    const context = await loadTrackerContext(db, id);
    const stored = await storedSummaries(db, id);
    const stale = stored
      .filter((s) => isStale(s.summary?.refreshedAt, s.summary?.termId ?? null, context.term?.id ?? null))
      .map((s) => s.id);
    if (stale.length) await jobs.send('tracker-summary', { districtId: id, schoolIds: stale });
  }
}

/**
 * After a write that changes these people's tracker rows: queues a job refreshing the schools where
 * they hold a current observed role (a team's school for a team member). The write has committed:
 * a queue that cannot take the job is logged, not failed (the stale check catches up).
 */
export async function summariesChangedFor(ctx: Ctx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const districtId = ctx.actor.districtId;
  const rows = await ctx.db
    .selectDistinct({ schoolId: sql<string>`case when ${orgUnits.type} = 'school' then ${orgUnits.id} else ${orgUnits.parentId} end` })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        eq(roleAssignments.districtId, districtId),
        inArray(roleAssignments.personId, personIds),
        inArray(roleAssignments.role, [...OBSERVED_ROLES]),
        currentAssignment(),
      ),
    );
  const schoolIds = rows.map((r) => r.schoolId).filter((id): id is string => id !== null);
  if (schoolIds.length === 0) return;
  await ctx.jobs
    .send('tracker-summary', { districtId, schoolIds })
    .catch((err: unknown) => ctx.log.warn({ err }, 'tracker summary refresh not queued'));
}
