import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignCoacheeInput, AssignGroupInput } from '../../../common/schemas/caseloads.ts';
import type { EndPeriodInput } from '../../../common/schemas/teams.ts';
import type { Executor } from '../../db/client.ts';
import { caseloadMembers, orgUnits, teamMembers } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canAssignCoaching, canManageAnyTeams, canManageTeamsAt } from '../../policies/teams.ts';
import { recordAudit } from '../audit.ts';
import { districtToday, invalid } from '../coaching/refs.ts';
import { OBSERVED_ROLES } from '../../../common/observation.ts';
import { covers, holdsOn, overlaps, type Period } from '../teams/periods.ts';
import { loadPeopleWithUnits, peopleByRoleInSchool } from '../teams/people.ts';
import { checkPeriod } from '../teams/write.ts';
import { loadTeamRow } from '../teams/load.ts';
import { assignments, presentAssignment } from './load.ts';

function requireAssigner(ctx: Ctx) {
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only HR, admins and school leaders assign caseloads');
}

/** Current and future assignments of these coachees to this coach (to check overlaps against). */
export async function pairsOf(db: Executor, districtId: string, coachPersonId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(caseloadMembers)
    .where(
      and(
        eq(caseloadMembers.districtId, districtId),
        eq(caseloadMembers.active, true),
        eq(caseloadMembers.coachPersonId, coachPersonId),
        inArray(caseloadMembers.personId, personIds),
      ),
    );
}

/**
 * Writes assignments of coachees to a coach with their audit rows (inside the caller's
 * transaction). A coachee the coach already has for an overlapping period is skipped when the
 * held period covers the new one (nothing changes), otherwise refused (`refuse`: 409) or counted.
 */
export async function insertAssignments(
  ctx: Ctx,
  tx: Executor,
  coachPersonId: string,
  personIds: string[],
  period: Period,
  onOverlap: 'refuse' | 'count',
) {
  const held = await pairsOf(tx, ctx.actor.districtId, coachPersonId, personIds);
  let unchanged = 0;
  let refused = 0;
  const values = [];
  for (const personId of new Set(personIds)) {
    if (personId === coachPersonId) continue;
    const clash = held.find((h) => h.personId === personId && overlaps(h, period));
    if (clash && covers(clash, period)) {
      unchanged++;
      continue;
    }
    if (clash) {
      if (onOverlap === 'refuse') {
        throw invalidState('This coach already has this coachee for overlapping dates', {
          code: 'overlapping_assignment',
          assignmentId: clash.id,
        });
      }
      refused++;
      continue;
    }
    values.push({ districtId: ctx.actor.districtId, coachPersonId, personId, ...period, createdBy: ctx.actor.userId });
  }
  const inserted = values.length ? await tx.insert(caseloadMembers).values(values).returning() : [];
  await recordAudit(
    tx,
    ctx,
    inserted.map((row) => ({ action: 'caseload.assign', entityType: 'caseload_member', entityId: row.id, after: row })),
  );
  return { added: inserted.length, unchanged, refused, ids: inserted.map((r) => r.id) };
}

async function resolvePeriod(ctx: Ctx, input: { startsOn?: string; endsOn?: string | null }): Promise<Period> {
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const period = { startsOn: input.startsOn ?? today, endsOn: input.endsOn ?? null };
  checkPeriod(period);
  return period;
}

/** The coach and coachees must be active people of the district (404) the caller may assign (403 for a leader outside their schools). */
async function requireAssignable(ctx: Ctx, coachPersonId: string, personIds: string[]) {
  const found = await loadPeopleWithUnits(ctx.db, ctx.actor.districtId, [coachPersonId, ...personIds]);
  const coach = found.get(coachPersonId);
  if (!coach) throw notFound('Coach');
  for (const id of personIds) {
    const person = found.get(id);
    if (!person) throw notFound('Person');
    if (!canAssignCoaching(ctx.actor, coach.units, person.units)) throw notFound('Person');
  }
}

/** Assigns one coachee to a coach (a coachee may have several coaches; the same coach twice overlapping: 409). */
export async function assignCoachee(ctx: Ctx, input: z.infer<typeof AssignCoacheeInput>) {
  requireAssigner(ctx);
  if (input.coachPersonId === input.personId) throw invalid('personId', 'A coach cannot coach themselves');
  await requireAssignable(ctx, input.coachPersonId, [input.personId]);
  const period = await resolvePeriod(ctx, input);
  const { ids } = await ctx.db.transaction((tx) => insertAssignments(ctx, tx, input.coachPersonId, [input.personId], period, 'refuse'));
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  const rows = await assignments(
    ctx.db,
    ctx.actor.districtId,
    and(eq(caseloadMembers.coachPersonId, input.coachPersonId), eq(caseloadMembers.personId, input.personId)),
  );
  const row = rows.find((r) => ids.includes(r.row.id)) ?? rows.find((r) => overlaps(r.row, period))!;
  const units = await loadPeopleWithUnits(ctx.db, ctx.actor.districtId, [input.coachPersonId, input.personId]);
  return presentAssignment(ctx, row, today, units);
}

/** Assigns a team's current members, or everyone teaching in a school, to a coach. */
export async function assignGroup(ctx: Ctx, input: z.infer<typeof AssignGroupInput>) {
  requireAssigner(ctx);
  const districtId = ctx.actor.districtId;
  const period = await resolvePeriod(ctx, input);
  let schoolId: string;
  let personIds: string[];
  if (input.teamId) {
    const team = await loadTeamRow(ctx, input.teamId);
    schoolId = team.schoolId;
    const members = await ctx.db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.districtId, districtId), eq(teamMembers.teamId, team.id)));
    personIds = members.filter((m) => holdsOn(m, period.startsOn)).map((m) => m.personId);
  } else {
    schoolId = input.schoolId!;
    const [school] = await ctx.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, schoolId), eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school')));
    if (!school || !canManageTeamsAt(ctx.actor, schoolId)) throw notFound('School');
    personIds = await peopleByRoleInSchool(ctx.db, districtId, schoolId, [...OBSERVED_ROLES]);
  }
  if (!canManageTeamsAt(ctx.actor, schoolId)) throw notFound('Team');
  const coach = (await loadPeopleWithUnits(ctx.db, districtId, [input.coachPersonId])).get(input.coachPersonId);
  if (!coach) throw notFound('Coach');
  if (!canAssignCoaching(ctx.actor, coach.units, [schoolId])) throw notFound('Coach');
  const { added, unchanged, refused } = await ctx.db.transaction((tx) =>
    insertAssignments(ctx, tx, input.coachPersonId, personIds, period, 'count'),
  );
  return { added, unchanged, refused };
}

/** Ends an assignment on a day (default today): the row and every coaching record stay. */
export async function endAssignment(ctx: Ctx, id: string, input: z.infer<typeof EndPeriodInput>) {
  requireAssigner(ctx);
  const districtId = ctx.actor.districtId;
  const [row] = await ctx.db
    .select()
    .from(caseloadMembers)
    .where(and(eq(caseloadMembers.id, id), eq(caseloadMembers.districtId, districtId)));
  if (!row) throw notFound('Assignment');
  await requireAssignable(ctx, row.coachPersonId, [row.personId]);
  const { today } = await districtToday(ctx.db, districtId);
  const units = await loadPeopleWithUnits(ctx.db, districtId, [row.coachPersonId, row.personId]);
  const current = async (db: Executor = ctx.db) =>
    presentAssignment(ctx, (await assignments(db, districtId, eq(caseloadMembers.id, id)))[0]!, today, units);
  if (row.version !== input.version) throw conflict(await current());
  if (row.endsOn !== null && row.endsOn <= today) throw invalidState('This assignment has already ended', { code: 'already_ended' });
  const endsOn = input.endsOn ?? today;
  if (endsOn <= row.startsOn)
    throw new AppError('validation_failed', 'The end must come after the start', [{ path: 'endsOn', message: 'before start' }]);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(caseloadMembers)
      .set({ endsOn, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(caseloadMembers.id, id), eq(caseloadMembers.districtId, districtId), eq(caseloadMembers.version, row.version)))
      .returning();
    if (!updated) throw conflict(await current(tx));
    await recordAudit(tx, ctx, { action: 'caseload.end', entityType: 'caseload_member', entityId: id, before: row, after: updated });
  });
  return current();
}
