import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { foldForSearch } from '../../../common/search.ts';
import type { CoveredPeople, FidelityCheck, StartFidelityCheckInput } from '../../../common/schemas/fidelity.ts';
import { fidelityChecks, initiativeSchools, observations, orgUnits, people, roleAssignments } from '../../db/schema/index.ts';
import { qualified } from '../../db/qualified.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidField, invalidState, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canRunAnyFidelityCheck, canRunFidelityCheck, type FidelityCheckerScope } from '../../policies/fidelity.ts';
import { isGuest } from '../../policies/implementation.ts';
import { recordAudit } from '../audit.ts';
import { markDashboardStale } from '../dashboards/freshness.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { districtTimeZone } from '../calendar/load.ts';
import { loadInitiative, type InitiativeRow } from '../implementation/initiative.ts';
import { personNameSql } from '../observations/access.ts';
import { todayIn } from '../school-calendar/context.ts';
import { checkViewOf } from './checks.ts';
import { coveredRolesOf, coveredSchoolOf, loadCheckerScope, loadSubject } from './subject.ts';
import { ensureFidelityType, isToolCurrent, loadTool, RETIRED_TOOL_MESSAGE } from './tool.ts';

/** The initiative, for someone who may start fidelity checks on it (a guest: 404; no one to check: 403). */
async function loadForChecking(ctx: Ctx, initiativeId: string): Promise<{ initiative: InitiativeRow; scope: FidelityCheckerScope }> {
  const initiative = await loadInitiative(ctx, initiativeId);
  if (isGuest(ctx.actor)) throw notFound('Initiative');
  const scope = await loadCheckerScope(ctx.db, ctx.actor, initiative.id);
  if (!canRunAnyFidelityCheck(ctx.actor, scope))
    throw forbidden('Coaches, school implementation team members, school leaders, HR and administrators run fidelity checks');
  return { initiative, scope };
}

/**
 * POST /api/initiatives/:id/fidelity/checks: a draft observation of kind `fidelity` of a covered
 * staff member, on the initiative's current fidelity tool (its rubric and scale), for development
 * (never evaluation); it is then edited and published through the observation routes.
 */
export async function startFidelityCheck(ctx: Ctx, initiativeId: string, input: StartFidelityCheckInput): Promise<FidelityCheck> {
  const { actor } = ctx;
  const { initiative, scope } = await loadForChecking(ctx, initiativeId);
  const [person] = await ctx.db
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(and(eq(people.id, input.observedPersonId), eq(people.districtId, actor.districtId)));
  if (!person) throw notFound('Person');
  const subject = await loadSubject(ctx.db, initiative, person.id);
  if (!canRunFidelityCheck(actor, subject, scope)) throw notFound('Person');

  if (!initiative.fidelityRubricId) throw invalidState('This initiative has no fidelity tool yet; choose one on the fidelity driver first');
  if (!(await isToolCurrent(ctx.db, initiative, initiative.fidelityRubricId)))
    throw invalidState(RETIRED_TOOL_MESSAGE, { reason: 'tool_retired' });
  const tool = await loadTool(ctx.db, actor.districtId, initiative.fidelityRubricId);
  if (!tool) throw invalidState('The fidelity tool has no components or no scale to score on yet');

  const school = person.active ? await coveredSchoolOf(ctx.db, initiative, person.id) : null;
  if (!school) throw invalidField('observedPersonId', 'not covered staff of this initiative (a covered role at a school it covers)');

  const observedOn = input.observedOn ?? todayIn(await districtTimeZone(ctx, actor.districtId));
  const typeId = await ensureFidelityType(ctx.db, actor.districtId);
  const observationId = await ctx.db.transaction(async (tx) => {
    const [obs] = await tx
      .insert(observations)
      .values({
        districtId: actor.districtId,
        typeId,
        kind: 'fidelity',
        purpose: 'development',
        observedPersonId: person.id,
        observerPersonId: actor.personId,
        orgUnitId: school,
        rubricId: tool.rubricId,
        scaleId: tool.scaleId,
        observedOn,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        durationMinutes: input.durationMinutes ?? 30,
        classLabel: input.classLabel ?? null,
        updatedByUserId: actor.userId,
      })
      .returning();
    const [check] = await tx
      .insert(fidelityChecks)
      .values({
        districtId: actor.districtId,
        observationId: obs!.id,
        initiativeId: initiative.id,
        rubricId: tool.rubricId,
        personId: person.id,
        orgUnitId: school,
        checkedOn: observedOn,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'observation.create', entityType: 'observation', entityId: obs!.id, after: obs });
    await recordAudit(tx, ctx, { action: 'fidelity_check.start', entityType: 'fidelity_check', entityId: check!.id, after: check });
    await markDashboardStale(tx, actor.districtId, [initiative.id]);
    return obs!.id;
  });
  return checkViewOf(ctx.db, actor.districtId, observationId);
}

/**
 * GET /api/initiatives/:id/fidelity/people: the covered staff the caller may check (the start form's
 * picker), by name, searchable. HR and admins: everyone covered; others: their schools, caseload,
 * coaching pairs and schools whose implementation team they sit on.
 */
export async function listCoveredPeople(ctx: Ctx, initiativeId: string, query: { q?: string; limit: number }): Promise<CoveredPeople> {
  const { actor } = ctx;
  const { initiative, scope } = await loadForChecking(ctx, initiativeId);
  const where: SQL[] = [
    eq(roleAssignments.districtId, actor.districtId),
    inArray(roleAssignments.role, coveredRolesOf(initiative)),
    currentAssignment()!,
    eq(people.active, true),
    ne(people.id, actor.personId),
  ];
  for (const term of foldForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    where.push(sql`${people.searchText} like ${`%${term}%`}`);
  }
  if (!isHrOrAdmin(actor)) {
    const schools = [...new Set([...actor.leaderOrgUnitIds, ...actor.coachOrgUnitIds, ...scope.teamOrgUnitIds])];
    const paired = sql`exists (select 1 from initiative_coaching ic where ic.initiative_id = ${initiative.id}
      and ic.coach_person_id = ${actor.personId} and ic.person_id = ${qualified(people.id)}
      and ic.starts_on <= current_date and (ic.ends_on is null or ic.ends_on >= current_date))`;
    const mine: SQL[] = [paired];
    if (schools.length > 0) mine.push(inArray(roleAssignments.orgUnitId, schools));
    if (actor.caseloadPersonIds.length > 0) mine.push(inArray(people.id, actor.caseloadPersonIds));
    where.push(or(...mine)!);
  }
  const rows = await ctx.db
    .selectDistinctOn([people.familyName, people.givenName, people.id], {
      id: people.id,
      name: personNameSql(people),
      schoolId: orgUnits.id,
      schoolName: orgUnits.name,
    })
    .from(roleAssignments)
    .innerJoin(
      initiativeSchools,
      and(eq(initiativeSchools.orgUnitId, roleAssignments.orgUnitId), eq(initiativeSchools.initiativeId, initiative.id)),
    )
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(and(...where))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(query.limit);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, school: { id: r.schoolId, name: r.schoolName } })),
    total: rows.length,
  };
}
