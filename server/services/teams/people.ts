import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PersonRef } from '../../../common/schemas/teams.ts';
import type { Executor } from '../../db/client.ts';
import { qualified } from '../../db/qualified.ts';
import { people, roleAssignments } from '../../db/schema/index.ts';
import { currentAssignment } from '../auth/current-assignment.ts';

/** Active people of the district by id, with the org units of their current roles (missing ids absent). */
export async function loadPeopleWithUnits(
  db: Executor,
  districtId: string,
  ids: string[],
): Promise<Map<string, PersonRef & { units: string[] }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      units: sql<string[]>`coalesce((select array_agg(ra.org_unit_id::text) from role_assignments ra
        where ra.district_id = ${qualified(people.districtId)} and ra.person_id = ${qualified(people.id)} and ra.active
          and (ra.begin_date is null or ra.begin_date <= current_date) and (ra.end_date is null or ra.end_date >= current_date)), '{}')`,
    })
    .from(people)
    .where(and(eq(people.districtId, districtId), eq(people.active, true), inArray(people.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Finds people of the district by what a CSV names them with: e-mail (any case), staff number or
 * roster id. Keys that match nobody, or more than one person, are absent.
 */
export async function findPeopleByKeys(db: Executor, districtId: string, keys: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.map((k) => k.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const wantedParam = sql.param(wanted);
  const rows = await db
    .select({
      id: people.id,
      email: sql<string | null>`lower(${people.email})`,
      identifier: sql<string | null>`lower(${people.identifier})`,
      sourcedId: sql<string | null>`lower(${people.sourcedId})`,
    })
    .from(people)
    .where(
      and(
        eq(people.districtId, districtId),
        eq(people.active, true),
        // One array parameter, not three lists of one parameter per key: a 120-row CSV sent 720
        // parameters and the plan took longer than the scan (issue 12 bench, bench/caseloads.ts).
        sql`(lower(${people.email}) = any(${wantedParam}::text[]) or lower(${people.identifier}) = any(${wantedParam}::text[]) or lower(${people.sourcedId}) = any(${wantedParam}::text[]))`,
      ),
    );
  const found = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const key of [row.email, row.identifier, row.sourcedId]) {
      if (key && wanted.includes(key)) found.set(key, (found.get(key) ?? new Set()).add(row.id));
    }
  }
  return new Map([...found].filter(([, ids]) => ids.size === 1).map(([key, ids]) => [key, [...ids][0]!]));
}

/** People holding a current role of one of `roles` in the school (or a unit under it). */
export async function peopleByRoleInSchool(db: Executor, districtId: string, schoolId: string, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .innerJoin(
      people,
      and(eq(people.id, roleAssignments.personId), eq(people.districtId, roleAssignments.districtId), eq(people.active, true)),
    )
    .where(
      and(
        eq(roleAssignments.districtId, districtId),
        inArray(roleAssignments.role, roles),
        currentAssignment(),
        sql`${qualified(roleAssignments.orgUnitId)} in (select u.id from org_units u where u.district_id = ${districtId} and (u.id = ${schoolId} or u.parent_id = ${schoolId}))`,
      ),
    );
  return rows.map((r) => r.personId);
}
