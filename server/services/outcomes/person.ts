import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import type { PersonOutcomes } from '../../../common/schemas/outcomes.ts';
import type { Executor } from '../../db/client.ts';
import { evaluatorAssignments, initiativeCoaching, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { isGuest } from '../../policies/implementation.ts';
import { canReadPersonOutcomes, type OutcomeSubject } from '../../policies/outcomes.ts';
import { districtToday } from '../coaching/refs.ts';
import { computedEvaluators } from '../evaluators/computed.ts';
import { personNameSql } from '../observations/access.ts';
import { loadOutcomeSettings } from './access.ts';
import { figure } from './suppress.ts';

interface ValueRow {
  measure_id: string;
  key: string;
  name: string;
  unit: string;
  higher_is_better: boolean;
  period_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  org_unit_id: string;
  school: string;
  value: number;
  count: number;
}

/** The person's primary evaluator for the school year: HR's choice where there is one, else the computed default. */
async function evaluatorOf(db: Executor, districtId: string, personId: string, today: string): Promise<string | null> {
  const [assigned] = await db
    .select({ evaluatorPersonId: evaluatorAssignments.evaluatorPersonId })
    .from(evaluatorAssignments)
    .where(
      and(
        eq(evaluatorAssignments.districtId, districtId),
        eq(evaluatorAssignments.personId, personId),
        eq(evaluatorAssignments.schoolYear, schoolYearOf(today)),
      ),
    );
  if (assigned?.evaluatorPersonId) return assigned.evaluatorPersonId;
  return (await computedEvaluators(db, districtId, [personId])).get(personId)?.evaluator?.id ?? null;
}

/** Who the rule needs to know about the person; the evaluator and coaches are looked up only when they decide. */
async function subjectOf(ctx: Ctx, personId: string): Promise<OutcomeSubject> {
  const { districtId, personId: self } = ctx.actor;
  const subject: OutcomeSubject = { districtId, personId, evaluatorPersonId: null, initiativeCoachIds: [] };
  if (personId === self || isHrOrAdmin(ctx.actor) || ctx.actor.caseloadPersonIds.includes(personId)) return subject;
  const { today } = await districtToday(ctx.db, districtId);
  const coaches = await ctx.db
    .selectDistinct({ id: initiativeCoaching.coachPersonId })
    .from(initiativeCoaching)
    .where(
      and(
        eq(initiativeCoaching.districtId, districtId),
        eq(initiativeCoaching.personId, personId),
        lte(initiativeCoaching.startsOn, today),
        or(isNull(initiativeCoaching.endsOn), gt(initiativeCoaching.endsOn, today)),
      ),
    );
  return {
    ...subject,
    evaluatorPersonId: await evaluatorOf(ctx.db, districtId, personId, today),
    initiativeCoachIds: coaches.map((c) => c.id),
  };
}

/**
 * GET /api/outcomes/people/:id: a teacher's own outcome values, measure by measure and period by
 * period, for the teacher, their evaluator, their coaches, HR and admins (others 403; a person of
 * another district 404). Only where the district keeps per-teacher values; a figure under the
 * minimum count arrives suppressed, as everywhere.
 */
export async function personOutcomes(ctx: Ctx, personId: string): Promise<PersonOutcomes> {
  const { districtId } = ctx.actor;
  const [person] = await ctx.db
    .select({ id: people.id, name: personNameSql(people) })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, districtId)));
  if (!person || isGuest(ctx.actor)) throw notFound('Person');
  if (!canReadPersonOutcomes(ctx.actor, await subjectOf(ctx, person.id)))
    throw forbidden('Only the teacher, their evaluator, their coaches, HR and admins read a teacher’s outcome values');
  const settings = await loadOutcomeSettings(ctx.db, districtId);
  const shell = { person, perTeacherAllowed: settings.perTeacherAllowed, minCount: settings.minCount, measures: [] };
  if (!settings.perTeacherAllowed) return shell;
  const rows = (
    (await ctx.db.execute(sql`
      select v.measure_id, m.key, m.name, m.unit, m.higher_is_better, v.period_id, p.label, p.starts_on::text as starts_on,
        p.ends_on::text as ends_on, v.org_unit_id, o.name as school, v.value::float8 as value, v.count
      from outcome_values v
      join outcome_measures m on m.id = v.measure_id
      join outcome_periods p on p.id = v.period_id
      join org_units o on o.id = v.org_unit_id
      where v.district_id = ${districtId} and v.person_id = ${person.id}
      order by m.name, m.id, p.starts_on, p.label, o.name, o.id`)) as unknown as { rows: ValueRow[] }
  ).rows;
  const measures = new Map<string, PersonOutcomes['measures'][number]>();
  for (const r of rows) {
    const m = measures.get(r.measure_id) ?? {
      measureId: r.measure_id,
      key: r.key,
      name: r.name,
      unit: r.unit,
      higherIsBetter: Boolean(r.higher_is_better),
      points: [],
    };
    m.points.push({
      period: { id: r.period_id, label: r.label, startsOn: r.starts_on, endsOn: r.ends_on },
      school: { id: r.org_unit_id, name: r.school },
      ...figure(Number(r.value), Number(r.count), settings.minCount),
    });
    measures.set(r.measure_id, m);
  }
  return { ...shell, measures: [...measures.values()] };
}
