import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { performanceCompletion, performancePlans } from '../../db/schema/index.ts';

/**
 * Recounts the completion summary of one cycle's school (or of every school when `orgUnitId` is
 * undefined) from its plans. Call it in the same transaction as any write that changes a plan's
 * status timestamps, school or `leftOn`; the HR completion view reads only these rows.
 * People who left (`leftOn` set) are not counted.
 */
export async function refreshCompletion(db: Executor, districtId: string, cycleId: string, orgUnitId?: string | null): Promise<void> {
  const p = performancePlans;
  const school =
    orgUnitId === undefined ? sql`true` : orgUnitId === null ? sql`${p.orgUnitId} is null` : sql`${p.orgUnitId} = ${orgUnitId}`;
  const scope =
    orgUnitId === undefined
      ? sql`true`
      : orgUnitId === null
        ? sql`performance_completion.org_unit_id is null`
        : sql`performance_completion.org_unit_id = ${orgUnitId}`;
  await db.execute(sql`delete from ${performanceCompletion} where performance_completion.cycle_id = ${cycleId} and ${scope}`);
  await db.execute(sql`
    insert into ${performanceCompletion} (district_id, cycle_id, org_unit_id, plans, self_assessed, submitted, signed, reviewed, acknowledged, no_rubric)
    select ${districtId}, ${p.cycleId}, ${p.orgUnitId}, count(*)::int,
      count(${p.selfAssessedAt})::int, count(${p.submittedAt})::int, count(${p.signedAt})::int,
      count(${p.reviewedAt})::int, count(${p.acknowledgedAt})::int,
      count(*) filter (where ${p.cycleRubricId} is null)::int
    from ${p}
    where ${p.districtId} = ${districtId} and ${p.cycleId} = ${cycleId} and ${p.leftOn} is null and ${school}
    group by ${p.cycleId}, ${p.orgUnitId}`);
}
