import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { qualified } from '../../../db/qualified.ts';
import { people, roleAssignments } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import { canRaiseConcern } from '../../../policies/performance.ts';
import { currentAssignment } from '../../auth/current-assignment.ts';
import { currentOrgUnitsOf } from '../../observations/role-rubric.ts';

/**
 * Who sees a concern or an improvement plan (policies/performance.ts canReadConcern): the person,
 * who raised or owns it, leaders of the person's current schools, HR and admins. Coaches as
 * coaches never do: nothing here looks at caseloads or coaching records.
 */

/** The person's current org units (for the policy). */
export async function orgUnitsOfPerson(db: Executor, districtId: string, personId: string): Promise<string[]> {
  return (await currentOrgUnitsOf(db, districtId, [personId])).get(personId) ?? [];
}

/** May the actor act on the person's record as a supervisor (HR, admin, a leader of their school)? */
export const supervises = (ctx: Ctx, personId: string, orgUnitIds: string[]) => canRaiseConcern(ctx.actor, personId, orgUnitIds);

/**
 * SQL: the rows (person column, owner column) the actor may see in lists, matching canReadConcern.
 * `hiddenFromPerson`: an extra condition under which the person does not see their own row (drafts).
 */
export function visibleTo(ctx: Ctx, personCol: AnyPgColumn, ownerCol: AnyPgColumn, hiddenFromPerson?: SQL): SQL | undefined {
  if (isHrOrAdmin(ctx.actor)) return undefined;
  const me = ctx.actor.personId;
  const own = hiddenFromPerson ? and(eq(personCol, me), sql`not (${hiddenFromPerson})`) : eq(personCol, me);
  const leads = ctx.actor.leaderOrgUnitIds;
  const inMySchools = leads.length
    ? sql`exists (select 1 from ${roleAssignments} where ${qualified(roleAssignments.personId)} = ${qualified(personCol)} and ${inArray(roleAssignments.orgUnitId, leads)} and ${currentAssignment()})`
    : undefined;
  return or(own, eq(ownerCol, me), inMySchools ? and(inMySchools, ne(personCol, me)) : undefined);
}

/** Display names of people, by id. */
export async function namesOf(db: Executor, districtId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, unique)));
  return new Map(rows.map((p) => [p.id, `${p.preferredName ?? p.givenName} ${p.familyName}`]));
}
