/**
 * Test data for the tracker, profile and home tests: written straight to the tables (the services
 * that normally fill them belong to other slices and have their own tests).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  actionSteps,
  careerPathways,
  coachingLogAttendees,
  coachingLogs,
  competencyLatest,
  districts,
  evidence,
  observationScores,
  observationTypes,
  observations,
  orgUnits,
  pathwaySteps,
  roleAssignments,
  rubricCriteria,
  rubrics,
  scaleLevels,
  scales,
  schoolTerms,
} from '../../db/schema/index.ts';
import { buildFrameworkVersion } from '../rubrics/fixtures.ts';

export const isoDay = (offsetDays = 0, from = new Date()) => {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
};

export interface ObservationWorld {
  districtId: string;
  scaleLevels: { id: string; label: string; levelScore: number; proficient: boolean }[];
  competencies: { id: string; humanCode: string; fullStatement: string }[];
  scoredTypeId: string;
  walkthroughTypeId: string;
  rubricId: string;
  criteria: { id: string; itemId: string }[];
}

/**
 * A published framework with `competencies` competencies, a 4-level scale (top two proficient), a
 * teacher role rubric over them, a term around today and the two observation types.
 */
export async function buildObservationWorld(db: Db, districtId: string, opts: { competencies?: number } = {}): Promise<ObservationWorld> {
  // Dates below are relative to today in UTC: the district counts days in UTC too.
  await db.update(districts).set({ timeZone: 'UTC' }).where(eq(districts.id, districtId));
  const [scale] = await db.insert(scales).values({ districtId, name: 'Four levels' }).returning();
  const levels = [
    { label: 'Distinguished', levelScore: 4, proficient: true },
    { label: 'Proficient', levelScore: 3, proficient: true },
    { label: 'Developing', levelScore: 2, proficient: false },
    { label: 'Beginning', levelScore: 1, proficient: false },
  ];
  const levelRows = await db
    .insert(scaleLevels)
    .values(levels.map((l, position) => ({ districtId, scaleId: scale!.id, position, ...l })))
    .returning();
  const version = await buildFrameworkVersion(db, districtId, { status: 'published', domains: 1, perDomain: opts.competencies ?? 3, scaleId: scale!.id });
  const [pathway] = await db.insert(careerPathways).values({ districtId, name: 'Teaching', category: 'instructional' }).returning();
  const [step] = await db.insert(pathwaySteps).values({ districtId, pathwayId: pathway!.id, position: 0, title: 'Teacher', staffRole: 'teacher', responsibilityLevel: 1 }).returning();
  const [rubric] = await db
    .insert(rubrics)
    .values({ districtId, versionId: version.versionId, stepId: step!.id, scaleId: scale!.id, caseIdentifier: randomUUID(), title: 'Teacher rubric' })
    .returning();
  const criteria = await db
    .insert(rubricCriteria)
    .values(version.competencies.map((c, position) => ({ districtId, rubricId: rubric!.id, itemId: c.id, caseIdentifier: randomUUID(), position })))
    .returning();
  await db.insert(schoolTerms).values({ districtId, name: 'This term', schoolYear: '2026-27', startsOn: isoDay(-60), endsOn: isoDay(60) });
  const [scored] = await db.insert(observationTypes).values({ districtId, name: 'Scored observation', kind: 'scored', countsTowardRequirement: true }).returning();
  const [walk] = await db.insert(observationTypes).values({ districtId, name: 'Walkthrough', kind: 'walkthrough', lookFors: ['Objective posted'] }).returning();
  return {
    districtId,
    scaleLevels: levelRows.map((l) => ({ id: l.id, label: l.label, levelScore: l.levelScore, proficient: l.proficient })),
    competencies: version.competencies,
    scoredTypeId: scored!.id,
    walkthroughTypeId: walk!.id,
    rubricId: rubric!.id,
    criteria: criteria.map((c) => ({ id: c.id, itemId: c.itemId! })),
  };
}

/** A team (department) under a school; people get a role in it to be on that team. */
export async function buildTeam(db: Db, districtId: string, schoolId: string, name: string) {
  const [team] = await db.insert(orgUnits).values({ districtId, name, type: 'department', parentId: schoolId }).returning();
  return team!;
}

export async function addRole(db: Db, districtId: string, personId: string, orgUnitId: string, role = 'teacher') {
  await db.insert(roleAssignments).values({ districtId, personId, orgUnitId, role, isPrimary: false });
}

export interface ObservationSpec {
  teacherId: string;
  observerId: string;
  orgUnitId: string;
  observedOn?: string;
  purpose?: 'evaluation' | 'development';
  kind?: 'scored' | 'walkthrough';
  status?: 'draft' | 'published';
  /** Scale level index (0 = top) per competency index; scored observations only. */
  levels?: number[];
  feedbackDueOn?: string | null;
  feedbackHeld?: boolean;
}

/** An observation with its scores, and for published ones the evidence and competency_latest rows (as publishing writes them). */
export async function buildObservation(db: Db, world: ObservationWorld, spec: ObservationSpec) {
  const { districtId } = world;
  const kind = spec.kind ?? 'scored';
  const status = spec.status ?? 'published';
  const observedOn = spec.observedOn ?? isoDay(-3);
  const purpose = spec.purpose ?? 'evaluation';
  const [obs] = await db
    .insert(observations)
    .values({
      districtId,
      typeId: kind === 'scored' ? world.scoredTypeId : world.walkthroughTypeId,
      kind,
      purpose,
      observedPersonId: spec.teacherId,
      observerPersonId: spec.observerId,
      orgUnitId: spec.orgUnitId,
      rubricId: kind === 'scored' ? world.rubricId : null,
      observedOn,
      status,
      revision: status === 'published' ? 1 : 0,
      publishedAt: status === 'published' ? new Date(`${observedOn}T15:00:00Z`) : null,
      feedbackDueOn: status === 'published' ? (spec.feedbackDueOn === undefined ? isoDay(5) : spec.feedbackDueOn) : null,
      feedbackHeldAt: spec.feedbackHeld ? new Date(`${observedOn}T18:00:00Z`) : null,
    })
    .returning();
  const levels = kind === 'scored' ? (spec.levels ?? []) : [];
  for (const [i, levelIndex] of levels.entries()) {
    const criterion = world.criteria[i]!;
    const level = world.scaleLevels[levelIndex]!;
    await db.insert(observationScores).values({
      districtId,
      observationId: obs!.id,
      criterionId: criterion.id,
      itemId: criterion.itemId,
      scaleLevelId: level.id,
      levelScore: level.levelScore,
    });
    if (status !== 'published') continue;
    await db.insert(evidence).values({
      districtId,
      personId: spec.teacherId,
      itemId: criterion.itemId,
      scaleLevelId: level.id,
      levelScore: level.levelScore,
      source: 'observation',
      sourceId: obs!.id,
      observedAt: new Date(`${observedOn}T15:00:00Z`),
    });
    const latest = { observationId: obs!.id, scaleLevelId: level.id, levelScore: level.levelScore, proficient: level.proficient, observedOn };
    await db
      .insert(competencyLatest)
      .values({ districtId, personId: spec.teacherId, itemId: criterion.itemId, purpose, ...latest })
      .onConflictDoUpdate({ target: [competencyLatest.personId, competencyLatest.itemId, competencyLatest.purpose], set: latest });
  }
  return obs!;
}

export async function buildActionStep(db: Db, districtId: string, personId: string, status: 'assigned' | 'practicing' | 'mastered' = 'assigned', observationId?: string) {
  const [step] = await db
    .insert(actionSteps)
    .values({ districtId, personId, title: `Step ${randomUUID().slice(0, 4)}`, status, dueOn: isoDay(10), observationId: observationId ?? null })
    .returning();
  return step!;
}

/** A coaching session with its attendees (`daysFromToday` negative: in the past). */
export async function buildCoachingLog(db: Db, districtId: string, coachId: string, attendeeIds: string[], status: 'held' | 'scheduled' = 'held', daysFromToday = -2) {
  const startsAt = new Date(Date.now() + daysFromToday * 86_400_000);
  const [log] = await db.insert(coachingLogs).values({ districtId, coachPersonId: coachId, status, startsAt, durationMinutes: 30, activity: 'feedback', notes: 'Private notes' }).returning();
  await db.insert(coachingLogAttendees).values(attendeeIds.map((personId) => ({ districtId, logId: log!.id, personId })));
  return log!;
}
