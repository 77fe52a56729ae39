import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, people, roleAssignments } from '../../db/schema/index.ts';
import { currentAssignment } from '../auth/current-assignment.ts';

export interface PersonRef {
  id: string;
  name: string;
}

export interface ComputedEvaluator {
  evaluator: PersonRef | null;
  primaryOrgUnitName: string | null;
}

const nameOf = (p: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`;

/**
 * The default primary evaluator of each person: the principal of their primary school (the school
 * of their primary current role, else of any current role); for the principal themselves, or a
 * school without one, the leader of the school's network. Null for people in no school.
 */
export async function computedEvaluators(db: Executor, districtId: string, personIds: string[]): Promise<Map<string, ComputedEvaluator>> {
  const result = new Map<string, ComputedEvaluator>(personIds.map((id) => [id, { evaluator: null, primaryOrgUnitName: null }]));
  if (personIds.length === 0) return result;
  const schoolRoles = await db
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      schoolId: orgUnits.id,
      schoolName: orgUnits.name,
      networkId: orgUnits.parentId,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        eq(roleAssignments.districtId, districtId),
        inArray(roleAssignments.personId, personIds),
        currentAssignment(),
        eq(orgUnits.type, 'school'),
      ),
    )
    .orderBy(desc(roleAssignments.isPrimary), asc(orgUnits.name));
  const schoolOf = new Map<string, (typeof schoolRoles)[number]>();
  for (const r of schoolRoles) if (!schoolOf.has(r.personId)) schoolOf.set(r.personId, r);
  const unitIds = [...new Set([...schoolOf.values()].flatMap((s) => (s.networkId ? [s.schoolId, s.networkId] : [s.schoolId])))];
  const leaders = unitIds.length
    ? await db
        .select({
          orgUnitId: roleAssignments.orgUnitId,
          role: roleAssignments.role,
          id: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          preferredName: people.preferredName,
        })
        .from(roleAssignments)
        .innerJoin(people, eq(people.id, roleAssignments.personId))
        .where(
          and(
            eq(roleAssignments.districtId, districtId),
            inArray(roleAssignments.orgUnitId, unitIds),
            inArray(roleAssignments.role, ['principal', 'instructional_superintendent']),
            currentAssignment(),
            eq(people.active, true),
          ),
        )
        .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    : [];
  const leaderOf = (unitId: string | null, role: string, not: string) =>
    leaders.find((l) => l.orgUnitId === unitId && l.role === role && l.id !== not);
  for (const [personId, school] of schoolOf) {
    const principal = school.role === 'principal' ? undefined : leaderOf(school.schoolId, 'principal', personId);
    const found = principal ?? leaderOf(school.networkId, 'instructional_superintendent', personId);
    result.set(personId, { evaluator: found ? { id: found.id, name: nameOf(found) } : null, primaryOrgUnitName: school.schoolName });
  }
  return result;
}

export { nameOf };
