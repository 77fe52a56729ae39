import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { ObservationSnapshot } from '../../../common/schemas/observations.ts';
import type { Executor } from '../../db/client.ts';
import { qualified } from '../../db/qualified.ts';
import {
  evidence,
  fidelityChecks,
  fidelityLatest,
  fidelityMonthly,
  initiatives,
  observationRevisions,
  observationScores,
  rubricCriteria,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { invalidField } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { markDashboardStale } from '../dashboards/freshness.ts';
import { observedAtOf } from '../evidence/observations.ts';
import { loadTool } from './tool.ts';

/**
 * What publishing (or revising) a fidelity check writes, inside the observation's transaction: the
 * check's score (share of the tool's maximum) and whether it is at the initiative's threshold, the
 * person's latest check, the school's monthly sums per component (a revision takes the old scores out
 * and puts the new ones in) and evidence of source `fidelity_check` (never evaluation evidence).
 */

type Scored = { itemId: string; scaleLevelId: string; levelScore: number | null };

/** 400 naming `scores` unless every component of the tool is scored (a check scores the whole tool). */
export async function assertEveryComponentScored(db: Executor, rubricId: string | null, scored: number): Promise<void> {
  if (!rubricId) return;
  const [row] = await db
    .select({ n: count() })
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.rubricId, rubricId), isNotNull(rubricCriteria.itemId)));
  const total = Number(row?.n ?? 0);
  if (scored < total) throw invalidField('scores', `score every component of the fidelity tool (${scored} of ${total} scored)`);
}

/** First day of the month of a district-local day. */
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface Delta {
  itemId: string;
  month: string;
  checks: number;
  sumPct: number;
  present: number;
}

function addScores(
  deltas: Map<string, Delta>,
  day: string,
  scores: { itemId: string | null; levelScore: number | null }[],
  max: number,
  sign: 1 | -1,
) {
  const month = monthOf(day);
  for (const s of scores) {
    if (!s.itemId) continue;
    const key = `${s.itemId}|${month}`;
    const d = deltas.get(key) ?? { itemId: s.itemId, month, checks: 0, sumPct: 0, present: 0 };
    const level = s.levelScore ?? 0;
    d.checks += sign;
    d.sumPct = round2(d.sumPct + sign * ((level / max) * 100));
    d.present += sign * (level >= max ? 1 : 0);
    deltas.set(key, d);
  }
}

/**
 * Called by services/observations/publish.ts for an observation of kind `fidelity`, after its
 * content is written. `previousRevision`: the revision a revise replaced (0 on first publish).
 * `changed`: the scores to append as evidence (all on publish, the changed ones on a revision).
 */
export async function recordFidelityPublish(
  tx: Executor,
  ctx: Ctx,
  observation: { id: string; districtId: string; observedPersonId: string; observedOn: string },
  previousRevision: number,
  changed: Scored[],
): Promise<void> {
  const { districtId } = observation;
  const [check] = await tx
    .select()
    .from(fidelityChecks)
    .where(and(eq(fidelityChecks.observationId, observation.id), eq(fidelityChecks.districtId, districtId)))
    .for('update');
  if (!check) return;
  const tool = await loadTool(tx, districtId, check.rubricId);
  if (!tool) return;
  const [initiative] = await tx
    .select({ thresholdPct: initiatives.fidelityThresholdPct })
    .from(initiatives)
    .where(eq(initiatives.id, check.initiativeId));
  const scores = (
    await tx
      .select({ itemId: observationScores.itemId, scaleLevelId: observationScores.scaleLevelId, levelScore: observationScores.levelScore })
      .from(observationScores)
      .where(eq(observationScores.observationId, observation.id))
  ).map((s) => ({ ...s, levelScore: s.levelScore === null ? null : Number(s.levelScore) }));
  const sum = scores.reduce((acc, s) => acc + (s.levelScore ?? 0), 0);
  const scorePct = round2((sum / (tool.criteria.length * tool.maxLevelScore)) * 100);
  const atFidelity = scorePct >= initiative!.thresholdPct;
  const [updated] = await tx
    .update(fidelityChecks)
    .set({ scorePct, atFidelity, checkedOn: observation.observedOn, updatedAt: new Date() })
    .where(eq(fidelityChecks.id, check.id))
    .returning();

  if (check.orgUnitId) {
    const deltas = new Map<string, Delta>();
    if (previousRevision > 0) {
      const [before] = await tx
        .select({ snapshot: observationRevisions.snapshot })
        .from(observationRevisions)
        .where(and(eq(observationRevisions.observationId, observation.id), eq(observationRevisions.revision, previousRevision)));
      const snapshot = before?.snapshot as unknown as ObservationSnapshot | undefined;
      if (snapshot) addScores(deltas, snapshot.observedOn, snapshot.scores, tool.maxLevelScore, -1);
    }
    addScores(deltas, observation.observedOn, scores, tool.maxLevelScore, 1);
    const rows = [...deltas.values()].filter((d) => d.checks !== 0 || d.sumPct !== 0 || d.present !== 0);
    if (rows.length > 0) {
      await tx
        .insert(fidelityMonthly)
        .values(
          rows.map((d) => ({
            districtId,
            initiativeId: check.initiativeId,
            orgUnitId: check.orgUnitId!,
            itemId: d.itemId,
            month: d.month,
            checks: d.checks,
            sumPct: d.sumPct,
            present: d.present,
          })),
        )
        .onConflictDoUpdate({
          target: [fidelityMonthly.initiativeId, fidelityMonthly.orgUnitId, fidelityMonthly.itemId, fidelityMonthly.month],
          set: {
            checks: sql`${qualified(fidelityMonthly.checks)} + excluded.checks`,
            sumPct: sql`${qualified(fidelityMonthly.sumPct)} + excluded.sum_pct`,
            present: sql`${qualified(fidelityMonthly.present)} + excluded.present`,
          },
        });
    }
  }

  // The person's latest published check (newest day, then newest published) on this initiative.
  await tx.execute(sql`insert into ${fidelityLatest}
      (district_id, initiative_id, person_id, org_unit_id, check_id, checked_on, score_pct, at_fidelity)
    select c.district_id, c.initiative_id, c.person_id, c.org_unit_id, c.id, c.checked_on, c.score_pct, c.at_fidelity
    from ${fidelityChecks} c join observations o on o.id = c.observation_id
    where c.district_id = ${districtId} and c.initiative_id = ${check.initiativeId} and c.person_id = ${check.personId}
      and o.status = 'published' and c.score_pct is not null
    order by c.checked_on desc, o.published_at desc nulls last, c.id desc
    limit 1
    on conflict (initiative_id, person_id) do update set org_unit_id = excluded.org_unit_id, check_id = excluded.check_id,
      checked_on = excluded.checked_on, score_pct = excluded.score_pct, at_fidelity = excluded.at_fidelity`);

  if (changed.length > 0) {
    await tx.insert(evidence).values(
      changed.map((s) => ({
        districtId,
        personId: observation.observedPersonId,
        itemId: s.itemId,
        scaleLevelId: s.scaleLevelId,
        levelScore: s.levelScore,
        source: 'fidelity_check',
        sourceId: observation.id,
        observedAt: observedAtOf(observation.observedOn),
        recordedByUserId: ctx.actor.userId,
      })),
    );
  }
  await recordAudit(tx, ctx, {
    action: 'fidelity_check.score',
    entityType: 'fidelity_check',
    entityId: check.id,
    before: check,
    after: updated,
  });
  await markDashboardStale(tx, districtId, [check.initiativeId]);
}
