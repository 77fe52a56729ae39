import { and, eq, isNull } from 'drizzle-orm';
import { isLowScore, scaleMax } from '../../../common/assessments.ts';
import type { SourceRefField } from '../../../common/action-plans.ts';
import type { AssessmentItemFacts, DataSourceFacts, DataSourceQuery, SurveyResultFacts } from '../../../common/schemas/action-plans.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentItems,
  assessmentScores,
  assessmentSections,
  assessmentVersions,
  outcomePeriods,
  outcomeValues,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, invalidField } from '../../lib/errors.ts';
import { canReadSchoolDashboard } from '../../policies/outcomes.ts';
import { loadAdministration } from '../assessments/administrations.ts';
import type { ImplementationTeamRow } from '../implementation/teams/load.ts';
import { dashboardReach, loadOutcomeSettings } from '../outcomes/access.ts';
import { loadMeasure } from '../outcomes/measures.ts';
import { figure } from '../outcomes/suppress.ts';
import { loadSchool } from '../outcomes/values.ts';

/**
 * The data an action plan item's problem can be defined from, beyond the team's own records: a
 * scored item of an assessment administration, and a school's outcome value in a period (the
 * survey-style aggregates of the outcomes import). Each is read only as far as the caller may read
 * it, and an outcome value under the district's minimum count is never used nor echoed.
 *
 * Every refusal is a 400 naming the field at fault; `field` says how the caller named it
 * (`source.id` in an item's body, `id` in the from-source query).
 */

export type SourceField = (name: 'id' | SourceRefField) => string;
type Ref = { id: string; administrationId?: string | null; orgUnitId?: string | null; periodId?: string | null };

/** Runs a loader that answers 404, turning its not-found into a 400 naming the field. */
async function orInvalid<T>(load: Promise<T>, path: string, message: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalidField(path, message);
    throw error;
  }
}

/**
 * Item `id` of administration `administrationId`: an administration of the district the caller may
 * read, an item of the version it used, and a consensus score recorded for it.
 */
export async function assessmentItemFacts(ctx: Ctx, ref: Ref, field: SourceField, db: Executor = ctx.db): Promise<AssessmentItemFacts> {
  if (!ref.administrationId) throw invalidField(field('administrationId'), 'name the administration the item was scored at');
  const { loaded, row } = await orInvalid(
    loadAdministration(ctx, ref.administrationId, db),
    field('administrationId'),
    'not an administration of this district that you may read',
  );
  const districtId = ctx.actor.districtId;
  const [item] = await db
    .select({ text: assessmentItems.text, section: assessmentSections.title })
    .from(assessmentItems)
    .innerJoin(
      assessmentSections,
      and(eq(assessmentSections.id, assessmentItems.sectionId), eq(assessmentSections.districtId, assessmentItems.districtId)),
    )
    .where(and(eq(assessmentItems.id, ref.id), eq(assessmentItems.districtId, districtId), eq(assessmentItems.versionId, row.versionId)));
  if (!item) throw invalidField(field('id'), "not an item of this administration's version");
  const [[score], [version]] = await Promise.all([
    db
      .select()
      .from(assessmentScores)
      .where(
        and(
          eq(assessmentScores.districtId, districtId),
          eq(assessmentScores.administrationId, row.id),
          eq(assessmentScores.itemId, ref.id),
        ),
      ),
    db
      .select({ scalePoints: assessmentVersions.scalePoints, targetPct: assessmentVersions.targetPct })
      .from(assessmentVersions)
      .where(and(eq(assessmentVersions.districtId, districtId), eq(assessmentVersions.id, row.versionId))),
  ]);
  if (!score) throw invalidField(field('id'), 'this item has no consensus score yet');
  const max = scaleMax(version!.scalePoints);
  const point = version!.scalePoints.find((p) => p.value === score.value);
  return {
    kind: 'assessment_item',
    id: ref.id,
    administrationId: row.id,
    label: item.text,
    administration: {
      id: row.id,
      title: row.title,
      heldOn: row.heldOn,
      instrument: loaded.instrumentName,
      team: row.teamId ? { id: row.teamId, name: loaded.teamName ?? '' } : null,
      orgUnit: { id: row.orgUnitId, name: loaded.orgUnitName },
    },
    item,
    score: { value: score.value, label: point?.label ?? String(score.value), note: score.note },
    scaleMax: max,
    targetPct: version!.targetPct,
    low: isLowScore(score.value, max, version!.targetPct),
  };
}

/** How an outcome value source reads wherever it is listed (names only, never the figure). */
export const surveyResultLabel = (measure: string, school: string, period: string) => `${measure} · ${school} · ${period}`;

/**
 * The value of measure `id` at school `orgUnitId` in period `periodId`: a measure and a period of
 * the district, a school whose outcomes the caller may read, and a school-wide value (not one
 * teacher's) with at least the district's minimum count. A missing and a suppressed value are
 * refused alike, naming `periodId`, and neither the value nor its count is in the message.
 */
export async function surveyResultFacts(ctx: Ctx, ref: Ref, field: SourceField, db: Executor = ctx.db): Promise<SurveyResultFacts> {
  if (!ref.orgUnitId) throw invalidField(field('orgUnitId'), 'name the school');
  if (!ref.periodId) throw invalidField(field('periodId'), 'name the period');
  const districtId = ctx.actor.districtId;
  const measure = await orInvalid(loadMeasure(ctx, ref.id, db), field('id'), 'not an outcome measure of this district');
  const school = await orInvalid(loadSchool(ctx, ref.orgUnitId, db), field('orgUnitId'), 'not a school of this district');
  if (!canReadSchoolDashboard(ctx.actor, school.id, await dashboardReach(ctx, db)))
    throw invalidField(field('orgUnitId'), 'not a school whose outcomes you may read');
  const [period] = await db
    .select({ id: outcomePeriods.id, label: outcomePeriods.label })
    .from(outcomePeriods)
    .where(and(eq(outcomePeriods.id, ref.periodId), eq(outcomePeriods.districtId, districtId)));
  if (!period) throw invalidField(field('periodId'), 'not an outcome period of this district');
  const [{ minCount }, [value]] = await Promise.all([
    loadOutcomeSettings(db, districtId),
    db
      .select({ value: outcomeValues.value, count: outcomeValues.count })
      .from(outcomeValues)
      .where(
        and(
          eq(outcomeValues.districtId, districtId),
          eq(outcomeValues.measureId, measure.id),
          eq(outcomeValues.periodId, period.id),
          eq(outcomeValues.orgUnitId, school.id),
          isNull(outcomeValues.personId),
        ),
      ),
  ]);
  const shown = value ? figure(value.value, value.count, minCount) : null;
  if (!shown || shown.suppressed || shown.value === null || shown.count === null)
    throw invalidField(
      field('periodId'),
      `no value of this measure is shown for this school in this period (none, or one for fewer than ${minCount} students)`,
    );
  return {
    kind: 'survey_result',
    id: measure.id,
    orgUnitId: school.id,
    periodId: period.id,
    label: surveyResultLabel(measure.name, school.name, period.label),
    measure: { id: measure.id, name: measure.name, unit: measure.unit, higherIsBetter: measure.higherIsBetter },
    school,
    period,
    value: shown.value,
    count: shown.count,
  };
}

/** The facts of a data source named by a query or a body. */
export function dataSourceFacts(ctx: Ctx, q: DataSourceQuery, field: SourceField, db: Executor = ctx.db): Promise<DataSourceFacts> {
  return q.kind === 'assessment_item' ? assessmentItemFacts(ctx, q, field, db) : surveyResultFacts(ctx, q, field, db);
}

/**
 * Whether a team's plan may take the source. An assessment item: an administration by the team, or
 * one held at the team's org unit (a solo practice self-review at its school, another team's review
 * there). An outcome value: the team of the value's school, or a district team (any school's).
 */
export function sourceFitsTeam(team: Pick<ImplementationTeamRow, 'id' | 'kind' | 'orgUnitId'>, facts: DataSourceFacts): boolean {
  if (facts.kind === 'assessment_item')
    return facts.administration.team?.id === team.id || facts.administration.orgUnit.id === team.orgUnitId;
  return team.kind === 'district' || team.orgUnitId === facts.orgUnitId;
}
