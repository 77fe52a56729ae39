/**
 * The demo district's observation and coaching term, relative to the seed date: school calendar and
 * non-negotiables, observation types, an action-step library, observations (scored and walkthroughs,
 * published and drafts, overdue feedback, people missing their scored observation, upcoming ones),
 * action steps in every status, evidence and latest levels consistent with the published scores,
 * coaching plans, cycles and sessions, and a few notifications for the demo teacher. Rows are built
 * in memory and written with bulk inserts inside the seed's transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { OBSERVED_ROLES } from '../../common/observation.ts';
import { currentAssignment } from '../services/auth/current-assignment.ts';
import { zonedInstant } from '../../common/clock.ts';
import { observationFrameworkId, publishedObservationVersionId, roleRubricForRole } from '../services/observations/role-rubric.ts';
import { todayIn } from '../services/school-calendar/context.ts';
import { ensureDefaultObservationTypes } from '../services/settings/observation-types.ts';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { buildObservations, type BuildContext, type DemoPerson, type DemoRubric, type DemoSchool } from './seed-observations-build.ts';
import { plusDays, demoSchoolCalendar, schoolDaysIn } from './seed-observations-calendar.ts';
import { buildCoaching } from './seed-observations-coaching.ts';
import { ACTION_STEPS } from './seed-observations-data.ts';
import { SCHOOLS } from './seed-data.ts';

export interface SeedObservationsOptions {
  districtId: string;
  /** The seed's "now" (tests pin it); the district's today is derived from it. */
  now?: Date;
  /** The demo accounts' e-mail domain (default sunshine.example). */
  emailDomain?: string;
}

/** Same sequence every run: a small deterministic generator. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function insertAll<T extends Parameters<Executor['insert']>[0]>(tx: Executor, table: T, values: T['$inferInsert'][]) {
  for (let i = 0; i < values.length; i += 1000) await tx.insert(table).values(values.slice(i, i + 1000) as never);
}

export async function seedObservations(tx: Executor, options: SeedObservationsOptions) {
  const { districtId } = options;
  const now = options.now ?? new Date();
  const [district] = await tx.select({ timeZone: s.districts.timeZone }).from(s.districts).where(eq(s.districts.id, districtId));
  const timeZone = district!.timeZone;
  const today = todayIn(timeZone, now);
  const calendar = demoSchoolCalendar(today);
  const random = generator(20261124);
  const at = (day: string, hours: number, minutes = 0) => zonedInstant(timeZone, day, hours, minutes);

  // Calendar, non-negotiables, observation types.
  await tx.insert(s.schoolTerms).values(calendar.terms.map((t) => ({ districtId, ...t })));
  await tx.insert(s.nonSchoolDays).values(calendar.nonSchoolDays.map((d) => ({ districtId, ...d })));
  const frameworkId = await observationFrameworkId(tx, districtId);
  await tx
    .insert(s.districtSettings)
    .values({ districtId, scoredObservationsPerTerm: 2, feedbackWithinSchoolDays: 2, observationFrameworkId: frameworkId })
    .onConflictDoNothing();
  await ensureDefaultObservationTypes(tx, districtId);
  const typeRows = await tx
    .select()
    .from(s.observationTypes)
    .where(and(eq(s.observationTypes.districtId, districtId), eq(s.observationTypes.active, true)));
  const typeOf = (kind: 'scored' | 'walkthrough') => {
    const row = typeRows.find((t) => t.kind === kind)!;
    return { id: row.id, kind, durationMinutes: row.defaultDurationMinutes ?? (kind === 'scored' ? 45 : 15), lookFors: row.lookFors };
  };

  // Staff of the schools.
  const staff = await tx
    .select({
      id: s.people.id,
      givenName: s.people.givenName,
      familyName: s.people.familyName,
      role: s.roleAssignments.role,
      orgUnitId: s.roleAssignments.orgUnitId,
      code: s.orgUnits.identifier,
      userId: s.users.id,
      email: s.users.email,
    })
    .from(s.roleAssignments)
    .innerJoin(s.people, eq(s.people.id, s.roleAssignments.personId))
    .innerJoin(s.orgUnits, eq(s.orgUnits.id, s.roleAssignments.orgUnitId))
    .leftJoin(s.users, eq(s.users.personId, s.people.id))
    .where(and(eq(s.roleAssignments.districtId, districtId), eq(s.orgUnits.type, 'school'), currentAssignment()))
    .orderBy(s.people.sourcedId);
  const person = (row: (typeof staff)[number]): DemoPerson => ({
    id: row.id,
    role: row.role,
    orgUnitId: row.orgUnitId,
    name: `${row.givenName} ${row.familyName}`,
    userId: row.userId,
  });
  const schools: DemoSchool[] = SCHOOLS.map((school, index) => {
    const here = staff.filter((r) => r.code === school.code);
    return {
      id: here[0]?.orgUnitId ?? '',
      index,
      level: school.level,
      leaders: here.filter((r) => r.role === 'principal' || r.role === 'assistant_principal').map(person),
      coach: here.filter((r) => r.role === 'coach').map(person)[0] ?? null,
      observed: here.filter((r) => (OBSERVED_ROLES as readonly string[]).includes(r.role)).map(person),
    };
  }).filter((school) => school.id && school.leaders.length);
  const byEmail = (email: string) => staff.find((r) => r.email === email)?.id ?? '';
  const domain = options.emailDomain ?? 'sunshine.example';
  const special = { teacher: byEmail(`teacher@${domain}`), principal: byEmail(`principal@${domain}`), coach: byEmail(`coach@${domain}`) };

  // Rubrics of the observed roles, their scales, and the published version's competencies.
  const rubrics = new Map<string, DemoRubric | null>();
  for (const role of OBSERVED_ROLES) {
    const ref = await roleRubricForRole(tx, districtId, role);
    if (!ref) {
      rubrics.set(role, null);
      continue;
    }
    const criteria = await tx
      .select({ id: s.rubricCriteria.id, itemId: s.rubricCriteria.itemId, code: s.frameworkItems.humanCode })
      .from(s.rubricCriteria)
      .innerJoin(s.frameworkItems, eq(s.frameworkItems.id, s.rubricCriteria.itemId))
      .where(eq(s.rubricCriteria.rubricId, ref.rubricId))
      .orderBy(s.rubricCriteria.position);
    rubrics.set(role, {
      rubricId: ref.rubricId,
      scaleId: ref.scaleId!,
      criteria: criteria.map((c) => ({ id: c.id, itemId: c.itemId!, code: c.code ?? '' })),
    });
  }
  const scaleIds = [...new Set([...rubrics.values()].filter((r) => r).map((r) => r!.scaleId))];
  const levelRows = scaleIds.length ? await tx.select().from(s.scaleLevels).where(inArray(s.scaleLevels.scaleId, scaleIds)) : [];
  const versionId = await publishedObservationVersionId(tx, districtId);
  const items = versionId
    ? await tx
        .select({ id: s.frameworkItems.id, code: s.frameworkItems.humanCode })
        .from(s.frameworkItems)
        .where(and(eq(s.frameworkItems.versionId, versionId), eq(s.frameworkItems.retired, false)))
    : [];
  const itemByCode = new Map(items.filter((i) => i.code).map((i) => [i.code!, i.id]));

  // The action-step library.
  const library = ACTION_STEPS.map((step) => ({
    id: crypto.randomUUID(),
    code: step.code,
    itemId: itemByCode.get(step.code) ?? null,
    title: step.title,
    practicePrompt: step.practicePrompt,
  }));
  await tx.insert(s.actionStepLibrary).values(library.map(({ code: _code, ...row }) => ({ districtId, ...row })));

  // Caseloads: the demo coach's (already in the roster), the second school's coach (behind plan), the third's.
  const existing = await tx
    .select({ personId: s.caseloadMembers.personId })
    .from(s.caseloadMembers)
    .where(and(eq(s.caseloadMembers.districtId, districtId), eq(s.caseloadMembers.coachPersonId, special.coach)));
  const teachersOf = (school: DemoSchool | undefined) => school?.observed.filter((p) => p.role === 'teacher') ?? [];
  const coaches = [
    {
      school: schools[0],
      coachees: teachersOf(schools[0]).filter((p) => existing.some((e) => e.personId === p.id)),
      existing: true,
      lagging: false,
      group: true,
    },
    { school: schools[1], coachees: teachersOf(schools[1]).slice(0, 6), existing: false, lagging: true, group: false },
    { school: schools[2], coachees: teachersOf(schools[2]).slice(0, 5), existing: false, lagging: false, group: false },
  ]
    .filter((c) => c.school?.coach && c.coachees.length)
    .map((c) => ({ ...c, school: c.school!, coach: c.school!.coach! }));
  const coachOf = new Map(coaches.flatMap((c) => c.coachees.map((p) => [p.id, c.coach] as const)));

  const windowStart = [plusDays(calendar.term.startsOn, 14), plusDays(today, -84)].sort()[1]!;
  const ctx: BuildContext = {
    districtId,
    today,
    closed: calendar.closed,
    now,
    random,
    at,
    pastDays: schoolDaysIn(windowStart, plusDays(today, -1), calendar.closed),
    nextDays: schoolDaysIn(plusDays(today, 1), plusDays(today, 14), calendar.closed),
    rubricFor: (role) => rubrics.get(role) ?? null,
    levelsOf: (scaleId) =>
      levelRows.filter((l) => l.scaleId === scaleId).map((l) => ({ id: l.id, levelScore: Number(l.levelScore), proficient: l.proficient })),
    types: { scored: typeOf('scored'), walkthrough: typeOf('walkthrough') },
    library,
    itemByCode,
    feedbackWithinSchoolDays: 2,
    coachOf,
    special,
  };
  const obs = buildObservations(ctx, schools);
  const coaching = buildCoaching({ ctx, coaches, termStartsOn: calendar.term.startsOn, yearEndsOn: calendar.terms[1]!.endsOn });

  // competency_latest: the newest published score per person, item and purpose.
  const purposeOf = new Map(obs.observations.map((o) => [o.id!, o]));
  const latest = new Map<string, typeof s.competencyLatest.$inferInsert & { at: number }>();
  const proficient = new Map(levelRows.map((l) => [l.id, l.proficient]));
  for (const e of obs.evidence) {
    const o = purposeOf.get(e.sourceId!)!;
    const key = `${e.personId}|${e.itemId}|${o.purpose}`;
    const when = e.observedAt.getTime();
    if ((latest.get(key)?.at ?? -1) >= when) continue;
    latest.set(key, {
      districtId,
      personId: e.personId,
      itemId: e.itemId,
      purpose: o.purpose,
      observationId: o.id!,
      scaleLevelId: e.scaleLevelId,
      levelScore: e.levelScore,
      proficient: proficient.get(e.scaleLevelId!) ?? false,
      observedOn: o.observedOn,
      at: when,
    });
  }

  await insertAll(tx, s.observations, obs.observations);
  await insertAll(tx, s.observationNotes, obs.notes);
  await insertAll(tx, s.observationScores, obs.scores);
  await insertAll(tx, s.observationRevisions, obs.revisions);
  await insertAll(tx, s.observationReplies, obs.replies);
  await insertAll(tx, s.actionSteps, obs.actionSteps);
  await insertAll(tx, s.actionStepChecks, obs.checks);
  await insertAll(tx, s.evidence, obs.evidence);
  await insertAll(
    tx,
    s.competencyLatest,
    [...latest.values()].map(({ at: _at, ...row }) => row),
  );
  await insertAll(tx, s.caseloadMembers, coaching.caseload);
  await insertAll(tx, s.coachingPlans, coaching.plans);
  await insertAll(tx, s.coachingPlanMembers, coaching.members);
  await insertAll(tx, s.coachingCycles, coaching.cycles);
  await insertAll(tx, s.coachingLogs, coaching.logs);
  await insertAll(tx, s.coachingLogAttendees, coaching.attendees);
  await insertAll(tx, s.coachingPlanReviews, coaching.reviews);

  // A few notifications for the demo teacher (the newest unread).
  const notes: (typeof s.notifications.$inferInsert)[] = [];
  // Days as ISO dates and times as instants, as the services store them: readers see them in their language.
  const date = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());
  obs.teacher.published.forEach((o, i, list) => {
    const path = `/observations/${o.id}`;
    notes.push({
      districtId,
      personId: special.teacher,
      kind: 'observation_published',
      entityType: 'observation',
      entityId: o.id,
      params: { observer: o.observer.name, date: date(o.day), path },
      createdAt: at(o.day, 17, 55),
      readAt: i < list.length - 1 ? at(o.day, 19) : null,
    });
  });
  const step = obs.teacher.steps[obs.teacher.steps.length - 1];
  if (step)
    notes.push({
      districtId,
      personId: special.teacher,
      kind: 'action_step_assigned',
      entityType: 'action_step',
      entityId: step.id,
      params: { author: step.author.name, title: step.title, due: date(step.dueOn), path: '/observations' },
      createdAt: new Date(now.getTime() - 2 * 86_400_000),
    });
  const next = coaching.teacherNext;
  if (next)
    notes.push({
      districtId,
      personId: special.teacher,
      kind: 'coaching_session_scheduled',
      entityType: 'coaching_log',
      entityId: next.id,
      params: { coach: next.coach.name, date: date(next.startsAt), activity: next.activity, path: '/coaching' },
      createdAt: new Date(now.getTime() - 86_400_000),
    });
  if (notes.length) await tx.insert(s.notifications).values(notes);

  return {
    today,
    term: calendar.term.name,
    observations: obs.observations.length,
    scores: obs.scores.length,
    evidence: obs.evidence.length,
    actionSteps: obs.actionSteps.length,
    coachingLogs: coaching.logs.length,
  };
}
