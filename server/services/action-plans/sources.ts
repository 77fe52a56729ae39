import { and, eq, inArray } from 'drizzle-orm';
import { SOURCE_REF_FIELD_NAMES, SOURCE_REF_FIELDS, type ActionSourceKind } from '../../../common/action-plans.ts';
import type { ActionSource } from '../../../common/schemas/action-plans.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentItems,
  frameworkItems,
  implementationDecisions,
  implementationMeetings,
  initiatives,
  orgUnits,
  outcomeMeasures,
  outcomePeriods,
  pdsaCycles,
  type ActionSourceRef,
} from '../../db/schema/index.ts';
import type { ActionPlanRow } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { invalidField } from '../../lib/errors.ts';
import { assertProfileItems } from '../implementation/initiative.ts';
import type { ImplementationTeamRow } from '../implementation/teams/load.ts';
import { assessmentItemFacts, sourceFitsTeam, surveyResultFacts, surveyResultLabel, type SourceField } from './data-sources.ts';

/**
 * The record an action plan item's problem was defined from, checked by kind against the plan's team
 * and initiative (a 400 naming the field at fault otherwise), and labelled for reading.
 *
 * To add a kind: list it in common/action-plans.ts (ACTION_SOURCE_KINDS, and SOURCE_REF_FIELDS if it
 * names more than one id), give it a checker here (the record is of the caller's district, one the
 * caller may read, and of the plan's team or initiative) and a label in `sourceLabels`.
 */

/** The plan a source is checked against, with its team. */
export interface SourceTarget {
  plan: ActionPlanRow;
  team: ImplementationTeamRow;
}
type SourceChecker = (ctx: Ctx, target: SourceTarget, source: ActionSource & { id: string }, db: Executor) => Promise<void>;

const FIELD = 'source.id';
const bodyField: SourceField = (name) => `source.${name}`;
const notOurs = (kind: string) => invalidField(FIELD, `not a ${kind.replace('_', ' ')} of this plan's team or initiative`);

/** A checker for a source named by its id alone: `found` says whether it is the plan's. */
const byId =
  (found: (ctx: Ctx, plan: ActionPlanRow, id: string, db: Executor) => Promise<boolean>, kind: string): SourceChecker =>
  async (ctx, { plan }, source, db) => {
    if (!(await found(ctx, plan, source.id, db))) throw notOurs(kind);
  };

export const SOURCE_CHECKERS: Record<Exclude<ActionSourceKind, 'manual'>, SourceChecker> = {
  /** A PDSA cycle of the plan's initiative. */
  pdsa_cycle: byId(async (ctx, plan, id, db) => {
    if (!plan.initiativeId) return false;
    const [row] = await db
      .select({ id: pdsaCycles.id })
      .from(pdsaCycles)
      .where(and(eq(pdsaCycles.id, id), eq(pdsaCycles.districtId, ctx.actor.districtId), eq(pdsaCycles.initiativeId, plan.initiativeId)));
    return Boolean(row);
  }, 'pdsa_cycle'),
  /** A decision taken at a meeting of the plan's team. */
  implementation_decision: byId(async (ctx, plan, id, db) => {
    const [row] = await db
      .select({ id: implementationDecisions.id })
      .from(implementationDecisions)
      .innerJoin(
        implementationMeetings,
        and(
          eq(implementationMeetings.id, implementationDecisions.meetingId),
          eq(implementationMeetings.districtId, implementationDecisions.districtId),
        ),
      )
      .where(
        and(
          eq(implementationDecisions.id, id),
          eq(implementationDecisions.districtId, ctx.actor.districtId),
          eq(implementationMeetings.teamId, plan.teamId),
        ),
      );
    return Boolean(row);
  }, 'implementation_decision'),
  /** A component (framework item) of the practice profile of the plan's initiative. */
  fidelity_component: byId(async (ctx, plan, id, db) => {
    if (!plan.initiativeId) return false;
    const [initiative] = await db
      .select()
      .from(initiatives)
      .where(and(eq(initiatives.id, plan.initiativeId), eq(initiatives.districtId, ctx.actor.districtId)));
    if (!initiative?.profileVersionId) return false;
    await assertProfileItems(ctx, initiative, [id], FIELD, db);
    return true;
  }, 'fidelity_component'),
  /** A scored item of an administration by the plan's team or held at its org unit (data-sources.ts). */
  assessment_item: async (ctx, { team }, source, db) => {
    const facts = await assessmentItemFacts(ctx, source, bodyField, db);
    if (!sourceFitsTeam(team, facts))
      throw invalidField('source.administrationId', "not an administration of this plan's team or of its school");
  },
  /** A shown outcome value of the plan's team's school, or of any school for a district team (data-sources.ts). */
  survey_result: async (ctx, { team }, source, db) => {
    const facts = await surveyResultFacts(ctx, source, bodyField, db);
    if (!sourceFitsTeam(team, facts)) throw invalidField('source.orgUnitId', "not the school of this plan's team");
  },
};

/** Checks the source against the plan; a 400 naming the field (`source.id`, `source.administrationId`...) when it is missing, stray or not the plan's. */
export async function assertSource(ctx: Ctx, target: SourceTarget, source: ActionSource, db: Executor = ctx.db): Promise<void> {
  const wanted: readonly string[] = SOURCE_REF_FIELDS[source.kind];
  const stray = SOURCE_REF_FIELD_NAMES.find((name) => source[name] && !wanted.includes(name));
  if (stray) throw invalidField(`source.${stray}`, `a ${source.kind.replace('_', ' ')} source names no ${stray}`);
  if (source.kind === 'manual') {
    if (source.id) throw invalidField(FIELD, 'a manual source names no record');
    return;
  }
  if (!source.id) throw invalidField(FIELD, 'name the record the problem comes from');
  await SOURCE_CHECKERS[source.kind](ctx, target, { ...source, id: source.id }, db);
}

/** The ids besides `id` to keep with an item (null for a kind that names one id). */
export function sourceRefOf(source: ActionSource): ActionSourceRef | null {
  const names = SOURCE_REF_FIELDS[source.kind];
  if (names.length === 0) return null;
  return Object.fromEntries(names.map((name) => [name, source[name]]));
}

interface StoredSource {
  kind: string;
  id: string | null;
  ref: ActionSourceRef | null;
}

/** The key a source's label is found under. */
export const sourceKey = (s: StoredSource) => [s.kind, s.id, s.ref?.administrationId, s.ref?.orgUnitId, s.ref?.periodId].join(':');

/**
 * Labels for sources, by `sourceKey`: a cycle's title, a decision's text, a component's statement,
 * an assessment item's text, an outcome value's measure, school and period (never its figure).
 */
export async function sourceLabels(db: Executor, districtId: string, sources: StoredSource[]): Promise<Map<string, string>> {
  const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const ids = (kind: string) => distinct(sources.filter((s) => s.kind === kind).map((s) => s.id));
  const surveys = sources.filter((s) => s.kind === 'survey_result' && s.id);
  const named = async <T extends { id: string; label: string }>(wanted: string[], query: (wanted: string[]) => Promise<T[]>) =>
    new Map((wanted.length ? await query(wanted) : []).map((r) => [r.id, r.label]));
  const [cycles, decisions, components, items, measures, schools, periods] = await Promise.all([
    named(ids('pdsa_cycle'), (w) =>
      db
        .select({ id: pdsaCycles.id, label: pdsaCycles.title })
        .from(pdsaCycles)
        .where(and(eq(pdsaCycles.districtId, districtId), inArray(pdsaCycles.id, w))),
    ),
    named(ids('implementation_decision'), (w) =>
      db
        .select({ id: implementationDecisions.id, label: implementationDecisions.text })
        .from(implementationDecisions)
        .where(and(eq(implementationDecisions.districtId, districtId), inArray(implementationDecisions.id, w))),
    ),
    named(ids('fidelity_component'), (w) =>
      db
        .select({ id: frameworkItems.id, label: frameworkItems.fullStatement })
        .from(frameworkItems)
        .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, w))),
    ),
    named(ids('assessment_item'), (w) =>
      db
        .select({ id: assessmentItems.id, label: assessmentItems.text })
        .from(assessmentItems)
        .where(and(eq(assessmentItems.districtId, districtId), inArray(assessmentItems.id, w))),
    ),
    named(ids('survey_result'), (w) =>
      db
        .select({ id: outcomeMeasures.id, label: outcomeMeasures.name })
        .from(outcomeMeasures)
        .where(and(eq(outcomeMeasures.districtId, districtId), inArray(outcomeMeasures.id, w))),
    ),
    named(distinct(surveys.map((s) => s.ref?.orgUnitId)), (w) =>
      db
        .select({ id: orgUnits.id, label: orgUnits.name })
        .from(orgUnits)
        .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, w))),
    ),
    named(distinct(surveys.map((s) => s.ref?.periodId)), (w) =>
      db
        .select({ id: outcomePeriods.id, label: outcomePeriods.label })
        .from(outcomePeriods)
        .where(and(eq(outcomePeriods.districtId, districtId), inArray(outcomePeriods.id, w))),
    ),
  ]);
  const byKind: Record<string, Map<string, string>> = {
    pdsa_cycle: cycles,
    implementation_decision: decisions,
    fidelity_component: components,
    assessment_item: items,
  };
  const labels = new Map<string, string>();
  for (const s of sources) {
    if (!s.id) continue;
    if (s.kind !== 'survey_result') {
      const label = byKind[s.kind]?.get(s.id);
      if (label !== undefined) labels.set(sourceKey(s), label);
      continue;
    }
    const [measure, school, period] = [measures.get(s.id), schools.get(s.ref?.orgUnitId ?? ''), periods.get(s.ref?.periodId ?? '')];
    if (measure && school && period) labels.set(sourceKey(s), surveyResultLabel(measure, school, period));
  }
  return labels;
}
