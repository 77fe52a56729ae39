import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competencyLatest, evidence, observationScores, observations, scaleLevels } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';

/**
 * Evidence from observations. Each published score becomes one row of the append-only `evidence`
 * log (source 'observation', sourceId = the observation): a revision appends new rows and never
 * touches the old ones. `competency_latest` (the tracker's per person/item/purpose latest level) is
 * derived, and recomputed for the affected items from the published scores.
 */

/** When a score was observed: the observation's day, at noon UTC (the same calendar day across the Americas). */
export const observedAtOf = (observedOn: string) => new Date(`${observedOn}T12:00:00Z`);

export interface PublishedScore {
  itemId: string;
  scaleLevelId: string;
  levelScore: number | null;
}

/** Appends one evidence row per score of the observation (one bulk insert). */
export async function appendObservationEvidence(
  tx: Executor,
  ctx: Ctx,
  observation: { id: string; districtId: string; observedPersonId: string; observedOn: string },
  scores: PublishedScore[],
): Promise<void> {
  if (scores.length === 0) return;
  await tx.insert(evidence).values(
    scores.map((s) => ({
      districtId: observation.districtId,
      personId: observation.observedPersonId,
      itemId: s.itemId,
      scaleLevelId: s.scaleLevelId,
      levelScore: s.levelScore,
      source: 'observation',
      sourceId: observation.id,
      observedAt: observedAtOf(observation.observedOn),
      recordedByUserId: ctx.actor.userId,
    })),
  );
}

/**
 * Recomputes the person's latest level per item for one purpose from their published observations'
 * scores (newest observedOn, then newest published), for `itemIds` only: one delete, one insert.
 */
export async function recomputeCompetencyLatest(
  tx: Executor,
  districtId: string,
  personId: string,
  purpose: string,
  itemIds: string[],
): Promise<void> {
  const items = [...new Set(itemIds)];
  if (items.length === 0) return;
  await tx
    .delete(competencyLatest)
    .where(
      and(
        eq(competencyLatest.districtId, districtId),
        eq(competencyLatest.personId, personId),
        eq(competencyLatest.purpose, purpose),
        inArray(competencyLatest.itemId, items),
      ),
    );
  await tx.execute(sql`insert into ${competencyLatest}
      (district_id, person_id, item_id, purpose, observation_id, scale_level_id, level_score, proficient, observed_on)
    select distinct on (s.item_id) o.district_id, o.observed_person_id, s.item_id, o.purpose, o.id, s.scale_level_id, s.level_score,
      coalesce(l.proficient, false), o.observed_on
    from ${observationScores} s
    join ${observations} o on o.id = s.observation_id
    left join ${scaleLevels} l on l.id = s.scale_level_id
    where o.district_id = ${districtId} and o.observed_person_id = ${personId} and o.purpose = ${purpose} and o.status = 'published'
      and s.item_id in (${sql.join(
        items.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    order by s.item_id, o.observed_on desc, o.published_at desc nulls last, o.id`);
}
