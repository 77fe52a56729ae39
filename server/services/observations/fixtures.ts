/**
 * Test and benchmark fixtures: a district's published observation framework with a teacher role
 * rubric of `competencies` criteria on a four-level scale (level 0 highest; 0 and 1 proficient),
 * written straight to the tables, and the district's observation types.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { careerPathways, observationTypes, pathwaySteps, rubricCriteria, rubricDescriptors, rubrics, scaleLevels, scales } from '../../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../../test/factories.ts';
import { buildFrameworkVersion } from '../rubrics/fixtures.ts';

export interface ObservationFixture {
  versionId: string;
  rubricId: string;
  scaleId: string;
  /** Highest first. */
  levels: { id: string; label: string; levelScore: number; proficient: boolean }[];
  criteria: { id: string; itemId: string }[];
  /** A competency of the version that is not in the teacher's rubric. */
  outsideItemId: string;
  scoredTypeId: string;
  walkthroughTypeId: string;
}

export async function buildObservationFixture(db: Db, districtId: string, opts: { competencies?: number; staffRole?: string } = {}): Promise<ObservationFixture> {
  const competencies = opts.competencies ?? 4;
  const [scale] = await db.insert(scales).values({ districtId, name: 'Four levels' }).returning();
  const labels = ['Distinguished', 'Proficient', 'Developing', 'Unsatisfactory'];
  const levels = await db
    .insert(scaleLevels)
    .values(labels.map((label, position) => ({ districtId, scaleId: scale!.id, position, label, levelScore: 4 - position, proficient: position <= 1 })))
    .returning();
  levels.sort((a, b) => a.position - b.position);
  const version = await buildFrameworkVersion(db, districtId, { status: 'published', domains: 2, perDomain: Math.ceil(competencies / 2) + 1, scaleId: scale!.id });
  const [pathway] = await db.insert(careerPathways).values({ districtId, name: `Teaching ${randomUUID().slice(0, 4)}`, category: 'instructional' }).returning();
  const [step] = await db
    .insert(pathwaySteps)
    .values({ districtId, pathwayId: pathway!.id, position: 0, title: 'Teacher', staffRole: opts.staffRole ?? 'teacher', responsibilityLevel: 1 })
    .returning();
  const [rubric] = await db
    .insert(rubrics)
    .values({ districtId, versionId: version.versionId, stepId: step!.id, scaleId: scale!.id, caseIdentifier: randomUUID(), title: 'Teacher rubric' })
    .returning();
  const picked = version.competencies.slice(0, competencies);
  const criteria = await db
    .insert(rubricCriteria)
    .values(picked.map((c, position) => ({ districtId, rubricId: rubric!.id, itemId: c.id, caseIdentifier: randomUUID(), position })))
    .returning();
  criteria.sort((a, b) => a.position - b.position);
  await db.insert(rubricDescriptors).values(
    criteria.flatMap((c) =>
      levels.map((l) => ({
        districtId,
        criterionId: c.id,
        scaleLevelId: l.id,
        caseIdentifier: randomUUID(),
        position: l.position,
        quality: l.label,
        levelScore: l.levelScore,
        description: `${l.label}: what this looks like in the classroom`,
      })),
    ),
  );
  const types = await db
    .insert(observationTypes)
    .values([
      { districtId, name: 'Scored observation', kind: 'scored', countsTowardRequirement: true, defaultDurationMinutes: 45 },
      { districtId, name: 'Walkthrough', kind: 'walkthrough', lookFors: ['Learning target posted', 'Students talk more'], defaultDurationMinutes: 15 },
    ])
    .returning();
  return {
    versionId: version.versionId,
    rubricId: rubric!.id,
    scaleId: scale!.id,
    levels: levels.map((l) => ({ id: l.id, label: l.label, levelScore: Number(l.levelScore), proficient: l.proficient })),
    criteria: criteria.map((c) => ({ id: c.id, itemId: c.itemId! })),
    outsideItemId: version.competencies[competencies]!.id,
    scoredTypeId: types.find((t) => t.kind === 'scored')!.id,
    walkthroughTypeId: types.find((t) => t.kind === 'walkthrough')!.id,
  };
}

/** The people of an observation test: a teacher in school A and everyone around them. */
export async function buildObservationWorld(db: Db, opts: { competencies?: number } = {}) {
  const district = await buildDistrict(db);
  const districtId = district.id;
  const schoolA = await buildOrgUnit(db, districtId, { name: 'School A' });
  const schoolB = await buildOrgUnit(db, districtId, { name: 'School B' });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: schoolA.id });
  const otherTeacher = await buildUser(db, districtId, 'staff', { orgUnitId: schoolA.id });
  const teacherB = await buildUser(db, districtId, 'staff', { orgUnitId: schoolB.id });
  const leader = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolA.id });
  const leader2 = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolA.id });
  const leaderB = await buildUser(db, districtId, 'school_leader', { orgUnitId: schoolB.id });
  const coach = await buildUser(db, districtId, 'coach', { orgUnitId: schoolA.id, caseload: [teacher.personId] });
  const coach2 = await buildUser(db, districtId, 'coach', { orgUnitId: schoolA.id, caseload: [otherTeacher.personId] });
  const hr = await buildUser(db, districtId, 'hr');
  const admin = await buildUser(db, districtId, 'district_admin');
  const other = await buildDistrict(db, 'Other district');
  const outsider = await buildUser(db, other.id, 'district_admin');
  /** A teacher with no user (observed, never signs in). */
  const unsigned = await buildPerson(db, districtId, { orgUnitId: schoolA.id });
  const fixture = await buildObservationFixture(db, districtId, opts);
  return { districtId, schoolA, schoolB, teacher, otherTeacher, teacherB, leader, leader2, leaderB, coach, coach2, hr, admin, outsider, unsigned, fixture };
}
