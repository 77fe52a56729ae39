import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  districtSettings,
  frameworkVersions,
  frameworks,
  pathwaySteps,
  roleAssignments,
  rubrics,
  stepPlacements,
} from '../../db/schema/index.ts';
import { currentAssignment } from '../auth/current-assignment.ts';

/** The rubric a person is observed against, with the version and scale it belongs to. */
export interface RoleRubricRef {
  rubricId: string;
  versionId: string;
  stepId: string;
  scaleId: string | null;
  staffRole: string;
}

/**
 * The framework scored observations use: the district's setting, else the first active framework
 * (by creation) that has a published version.
 */
export async function observationFrameworkId(db: Executor, districtId: string): Promise<string | null> {
  const [settings] = await db
    .select({ id: districtSettings.observationFrameworkId })
    .from(districtSettings)
    .where(eq(districtSettings.districtId, districtId));
  if (settings?.id) return settings.id;
  const [first] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, frameworks.id))
    .where(and(eq(frameworks.districtId, districtId), eq(frameworks.active, true), eq(frameworkVersions.status, 'published')))
    .orderBy(asc(frameworks.createdAt))
    .limit(1);
  return first?.id ?? null;
}

/** The published version of the observation framework, or null when there is none. */
export async function publishedObservationVersionId(db: Executor, districtId: string): Promise<string | null> {
  const frameworkId = await observationFrameworkId(db, districtId);
  if (!frameworkId) return null;
  const [version] = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, 'published')))
    .orderBy(desc(frameworkVersions.versionNumber))
    .limit(1);
  return version?.id ?? null;
}

/** The role rubric for a roster role (common/roles.ts) in the published observation framework. */
export async function roleRubricForRole(db: Executor, districtId: string, staffRole: string): Promise<RoleRubricRef | null> {
  const versionId = await publishedObservationVersionId(db, districtId);
  if (!versionId) return null;
  const [row] = await db
    .select({
      rubricId: rubrics.id,
      versionId: rubrics.versionId,
      stepId: pathwaySteps.id,
      scaleId: rubrics.scaleId,
      staffRole: pathwaySteps.staffRole,
    })
    .from(rubrics)
    .innerJoin(pathwaySteps, eq(pathwaySteps.id, rubrics.stepId))
    .where(
      and(
        eq(rubrics.districtId, districtId),
        eq(rubrics.versionId, versionId),
        eq(pathwaySteps.staffRole, staffRole),
        eq(pathwaySteps.active, true),
      ),
    )
    .orderBy(asc(pathwaySteps.responsibilityLevel), asc(pathwaySteps.position))
    .limit(1);
  return row ? { ...row, stepId: row.stepId, staffRole: row.staffRole ?? staffRole } : null;
}

/** The rubric of the career step a person stands on today, in the published observation framework. */
export async function stepRubricForPerson(db: Executor, districtId: string, personId: string): Promise<RoleRubricRef | null> {
  const versionId = await publishedObservationVersionId(db, districtId);
  if (!versionId) return null;
  const [row] = await db
    .select({
      rubricId: rubrics.id,
      versionId: rubrics.versionId,
      stepId: pathwaySteps.id,
      scaleId: rubrics.scaleId,
      staffRole: pathwaySteps.staffRole,
    })
    .from(stepPlacements)
    .innerJoin(pathwaySteps, eq(pathwaySteps.id, stepPlacements.stepId))
    .innerJoin(rubrics, and(eq(rubrics.stepId, pathwaySteps.id), eq(rubrics.versionId, versionId)))
    .where(
      and(
        eq(stepPlacements.districtId, districtId),
        eq(stepPlacements.personId, personId),
        lte(stepPlacements.startDate, sql`current_date`),
        or(isNull(stepPlacements.endDate), gte(stepPlacements.endDate, sql`current_date`)),
      ),
    )
    .orderBy(desc(stepPlacements.startDate))
    .limit(1);
  return row ? { ...row, staffRole: row.staffRole ?? '' } : null;
}

/**
 * The rubric a person is observed against: their career step's, when they stand on one that has a
 * rubric in the published observation framework; only then the one for their primary current role
 * (else any current role). Null when the district has none for them.
 */
export async function roleRubricForPerson(db: Executor, districtId: string, personId: string): Promise<RoleRubricRef | null> {
  const byStep = await stepRubricForPerson(db, districtId, personId);
  if (byStep) return byStep;
  const roles = await db
    .select({ role: roleAssignments.role, isPrimary: roleAssignments.isPrimary })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), eq(roleAssignments.personId, personId), currentAssignment()))
    .orderBy(desc(roleAssignments.isPrimary));
  for (const { role } of roles) {
    const rubric = await roleRubricForRole(db, districtId, role);
    if (rubric) return rubric;
  }
  return null;
}

/** Current org units of people (for the policies' school scope), keyed by person. */
export async function currentOrgUnitsOf(db: Executor, districtId: string, personIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows = await db
    .select({ personId: roleAssignments.personId, orgUnitId: roleAssignments.orgUnitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.personId, personIds), currentAssignment()));
  for (const row of rows) result.get(row.personId)?.push(row.orgUnitId);
  return result;
}
