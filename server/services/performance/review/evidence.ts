import { sql } from 'drizzle-orm';
import type { EvidenceAtHand } from '../../../../common/schemas/performance-review.ts';
import type { Executor } from '../../../db/client.ts';
import type { SnapshotCriterion } from '../../../db/schema/index.ts';
import type { Cycle } from './header.ts';
import type { PlanRow } from '../access.ts';

/** The first and last day of the cycle's phases: the dates the review's evidence is drawn from. */
export function cycleDates(cycle: Cycle): { from: string | null; to: string | null } {
  if (cycle.phases.length === 0) return { from: null, to: null };
  return {
    from: cycle.phases.map((p) => p.startsOn).sort()[0]!,
    to: cycle.phases
      .map((p) => p.endsOn)
      .sort()
      .at(-1)!,
  };
}

interface Row {
  item_id: string;
  source: string;
  source_id: string | null;
  observed_at: string | Date;
  level_score: string | number | null;
  label: string | null;
}

/**
 * The evidence at hand per competency of the plan's rubric, within the cycle's dates: the scores of
 * evaluation observations (a revised observation counts once, its latest), how many walkthroughs saw
 * the practice, and the person's self-assessment on this plan. Coaching (development observations,
 * coaching logs) never feeds a review.
 */
export async function evidenceAtHand(
  db: Executor,
  row: PlanRow,
  criteria: SnapshotCriterion[],
  dates: { from: string | null; to: string | null },
): Promise<Map<string, EvidenceAtHand>> {
  const result = new Map<string, EvidenceAtHand>(criteria.map((c) => [c.itemId, { observations: [], walkthroughs: 0, selfRating: null }]));
  if (criteria.length === 0) return result;
  const ids = sql.join(
    criteria.map((c) => sql`${c.itemId}`),
    sql`, `,
  );
  const within = dates.from && dates.to ? sql`and e.observed_at >= ${dates.from}::date and e.observed_at < (${dates.to}::date + 1)` : sql``;
  const rows = (await db.execute(sql`
    select * from (
      select distinct on (e.item_id, e.source, coalesce(e.source_id, e.id))
        e.item_id, e.source, e.source_id, e.observed_at, e.level_score, sl.label
      from evidence e
      left join scale_levels sl on sl.id = e.scale_level_id and sl.district_id = e.district_id
      where e.district_id = ${row.districtId} and e.person_id = ${row.personId} and e.item_id in (${ids})
        and e.source in ('observation', 'walkthrough') ${within}
        and (e.source <> 'observation' or exists (
          select 1 from observations o where o.id = e.source_id and o.district_id = e.district_id and o.purpose = 'evaluation'))
      order by e.item_id, e.source, coalesce(e.source_id, e.id), e.created_at desc
    ) x order by x.observed_at`)) as unknown as { rows: Row[] };
  for (const r of rows.rows) {
    const at = result.get(r.item_id)!;
    if (r.source === 'walkthrough') at.walkthroughs += 1;
    else
      at.observations.push({
        observedAt: new Date(r.observed_at).toISOString(),
        levelScore: r.level_score === null ? null : Number(r.level_score),
        label: r.label,
        sourceId: r.source_id,
      });
  }
  const self = (await db.execute(sql`
    select r.item_id, r.scale_level_id, r.level_score, r.comment from plan_ratings r
    where r.district_id = ${row.districtId} and r.plan_id = ${row.id} and r.rater = 'self'`)) as unknown as {
    rows: { item_id: string; scale_level_id: string | null; level_score: string | number | null; comment: string }[];
  };
  for (const s of self.rows) {
    const at = result.get(s.item_id);
    const criterion = criteria.find((c) => c.itemId === s.item_id);
    if (!at) continue;
    at.selfRating = {
      levelScore: s.level_score === null ? null : Number(s.level_score),
      label: criterion?.levels.find((l) => l.scaleLevelId === s.scale_level_id)?.label ?? null,
      comment: s.comment,
    };
  }
  return result;
}
