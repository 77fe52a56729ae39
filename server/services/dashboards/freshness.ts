/**
 * Fresh dashboard figures after a change. The writes that change an initiative's figures (a stage
 * move, a fidelity check scored, training sessions and attendance, a coaching session held, coaching
 * assignments, driver plans, the schools covered) mark its stored summary stale inside their own
 * transaction: one indexed UPDATE of at most a few rows, nothing computed. The next district
 * dashboard read computes each marked initiative afresh before answering (dashboards.ts), so it
 * shows the change; unmarked summaries are read as stored and refreshed in the background once older
 * than STALE_AFTER_MS (time alone moves some figures: upcoming sessions, the coaching window).
 *
 * The mark is `stale_since = clock_timestamp()`; a summary is stale while `stale_since >=
 * refreshed_at`, and a refresh stores the time it began reading as `refreshed_at` (summary.ts), so a
 * change committed while a refresh is reading keeps its mark. An initiative never summarised has no
 * row to mark: its first read computes it anyway. Outcome imports rewrite the stored outcomes at once
 * (`refreshDistrictOutcomes`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** Marks these initiatives' stored dashboard figures stale (inside the write's transaction). */
export async function markDashboardStale(db: Executor, districtId: string, initiativeIds: readonly string[]): Promise<void> {
  const ids = [...new Set(initiativeIds)];
  if (ids.length === 0) return;
  await db.execute(sql`update dashboard_initiative_summaries set stale_since = clock_timestamp()
    where dashboard_initiative_summaries.district_id = ${districtId}
      and dashboard_initiative_summaries.initiative_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
}

/**
 * Marks stale the initiatives a subquery names (one `initiative_id` column): for a write that
 * reaches initiatives only through other records, such as a coaching session through the
 * initiatives' coaching assignments of its coach and attendees.
 */
export async function markDashboardStaleWhere(db: Executor, districtId: string, initiativeIds: SQL): Promise<void> {
  await db.execute(sql`update dashboard_initiative_summaries set stale_since = clock_timestamp()
    where dashboard_initiative_summaries.district_id = ${districtId}
      and dashboard_initiative_summaries.initiative_id in (${initiativeIds})`);
}

/**
 * Marks stale the initiatives whose coaching dosage counts this coaching session: those assigning
 * its coach to one of its attendees.
 */
export async function markCoachingLogStale(db: Executor, districtId: string, logId: string): Promise<void> {
  await markDashboardStaleWhere(
    db,
    districtId,
    sql`select ic.initiative_id from initiative_coaching ic
      join coaching_logs l on l.coach_person_id = ic.coach_person_id and l.district_id = ic.district_id
      join coaching_log_attendees la on la.log_id = l.id and la.person_id = ic.person_id
      where l.id = ${logId} and l.district_id = ${districtId}`,
  );
}
