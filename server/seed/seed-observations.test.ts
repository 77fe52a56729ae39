import { and, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { seedDemoDistrict } from './seed.ts';

describe('demo observations and coaching', () => {
  let database: Database;
  let districtId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoDistrict(database.db);
    const [district] = await database.db.select().from(s.districts).where(eq(s.districts.slug, 'sunshine'));
    districtId = district!.id;
    for (const who of ['teacher', 'principal', 'coach']) {
      const [user] = await database.db
        .select()
        .from(s.users)
        .where(eq(s.users.email, `${who}@sunshine.example`));
      ids[who] = user!.personId;
    }
  }, 120_000);
  afterAll(() => database?.close());
  const db = () => database.db;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

  it('has a school calendar whose current term contains today, non-negotiables and the default types', async () => {
    const terms = await db().select().from(s.schoolTerms).where(eq(s.schoolTerms.districtId, districtId));
    expect(terms.some((t) => t.startsOn <= today && today <= t.endsOn)).toBe(true);
    const closed = await db().select().from(s.nonSchoolDays).where(eq(s.nonSchoolDays.districtId, districtId));
    expect(closed.some((d) => d.label === 'Thanksgiving break')).toBe(true);
    expect(closed.some((d) => d.kind === 'staff_day')).toBe(true);
    const [settings] = await db().select().from(s.districtSettings).where(eq(s.districtSettings.districtId, districtId));
    expect(settings).toMatchObject({ scoredObservationsPerTerm: 2, feedbackWithinSchoolDays: 2 });
    expect(settings!.observationFrameworkId).toBeTruthy();
    const types = await db().select().from(s.observationTypes).where(eq(s.observationTypes.districtId, districtId));
    // 'fidelity': the system type of the literacy initiative's fidelity checks (services/fidelity/tool.ts).
    expect(types.map((t) => t.kind).sort()).toEqual(['fidelity', 'scored', 'walkthrough']);
    const library = await db().select().from(s.actionStepLibrary).where(eq(s.actionStepLibrary.districtId, districtId));
    expect(library.length).toBeGreaterThanOrEqual(20);
    expect(library.every((step) => step.itemId && step.practicePrompt)).toBe(true);
  });

  it('has published observations and drafts, overdue feedback, upcoming ones and action steps in every status', async () => {
    const all = await db().select().from(s.observations).where(eq(s.observations.districtId, districtId));
    expect(all.filter((o) => o.status === 'published').length).toBeGreaterThan(300);
    expect(all.some((o) => o.status === 'draft' && o.observedOn < today)).toBe(true);
    expect(all.filter((o) => o.status === 'draft' && o.scheduledAt && o.scheduledAt > new Date()).length).toBeGreaterThan(5);
    expect(all.some((o) => o.purpose === 'development' && o.kind === 'scored' && o.status === 'published')).toBe(true);
    const overdue = all.filter((o) => o.status === 'published' && !o.feedbackHeldAt && o.feedbackDueOn! < today);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.some((o) => o.observerPersonId === ids.principal)).toBe(true);
    const statuses = await db()
      .selectDistinct({ status: s.actionSteps.status })
      .from(s.actionSteps)
      .where(eq(s.actionSteps.districtId, districtId));
    expect(statuses.map((r) => r.status).sort()).toEqual(['assigned', 'mastered', 'practicing']);
    // Some teachers have no scored observation this term.
    const teachers = await db()
      .select({ id: s.roleAssignments.personId })
      .from(s.roleAssignments)
      .where(and(eq(s.roleAssignments.districtId, districtId), eq(s.roleAssignments.role, 'teacher')));
    const scored = new Set(all.filter((o) => o.kind === 'scored' && o.status === 'published').map((o) => o.observedPersonId));
    expect(teachers.filter((t) => !scored.has(t.id)).length).toBeGreaterThan(5);
  });

  it('keeps evidence, revisions and latest levels consistent with the published scores', async () => {
    const published = db()
      .select({ id: s.observations.id })
      .from(s.observations)
      .where(and(eq(s.observations.districtId, districtId), eq(s.observations.status, 'published'), ne(s.observations.kind, 'fidelity')));
    const scores = await db().$count(s.observationScores, inArray(s.observationScores.observationId, published));
    const evidence = await db().$count(s.evidence, and(eq(s.evidence.districtId, districtId), eq(s.evidence.source, 'observation')));
    expect(evidence).toBe(scores);
    // Fidelity checks write evidence of their own source, never evaluation evidence.
    const fidelity = db()
      .select({ id: s.observations.id })
      .from(s.observations)
      .where(and(eq(s.observations.districtId, districtId), eq(s.observations.status, 'published'), eq(s.observations.kind, 'fidelity')));
    expect(await db().$count(s.evidence, and(eq(s.evidence.districtId, districtId), eq(s.evidence.source, 'fidelity_check')))).toBe(
      await db().$count(s.observationScores, inArray(s.observationScores.observationId, fidelity)),
    );
    const revisions = await db().$count(s.observationRevisions, eq(s.observationRevisions.districtId, districtId));
    expect(revisions).toBe(
      await db().$count(s.observations, and(eq(s.observations.districtId, districtId), eq(s.observations.status, 'published'))),
    );
    // Each latest level is the newest published score of that person, item and purpose.
    const mismatches = (await db().execute(sql`
      select l.person_id from competency_latest l
      join lateral (
        select sc.scale_level_id from observation_scores sc join observations o on o.id = sc.observation_id
        where o.status = 'published' and o.observed_person_id = l.person_id and sc.item_id = l.item_id and o.purpose = l.purpose
        order by o.scheduled_at desc limit 1
      ) newest on true
      where l.district_id = ${districtId} and newest.scale_level_id is distinct from l.scale_level_id`)) as { rows: unknown[] };
    expect(mismatches.rows).toEqual([]);
    // Every rubric competency is scored on a published scored observation.
    const [one] = await db()
      .select()
      .from(s.observations)
      .where(and(eq(s.observations.districtId, districtId), eq(s.observations.status, 'published'), eq(s.observations.kind, 'scored')))
      .limit(1);
    const criteria = await db().$count(s.rubricCriteria, eq(s.rubricCriteria.rubricId, one!.rubricId!));
    expect(await db().$count(s.observationScores, eq(s.observationScores.observationId, one!.id))).toBe(criteria);
  });

  it('gives the demo teacher a published observation with action steps, a reply, an upcoming event and notifications', async () => {
    const mine = await db().select().from(s.observations).where(eq(s.observations.observedPersonId, ids.teacher!));
    const withSteps = await db().select().from(s.actionSteps).where(eq(s.actionSteps.personId, ids.teacher!));
    expect(mine.filter((o) => o.status === 'published').length).toBeGreaterThanOrEqual(2);
    expect(withSteps.length).toBeGreaterThanOrEqual(2);
    expect(await db().$count(s.observationReplies, eq(s.observationReplies.authorPersonId, ids.teacher!))).toBeGreaterThanOrEqual(1);
    expect(mine.some((o) => o.scheduledAt && o.scheduledAt > new Date())).toBe(true);
    expect(
      await db().$count(s.notifications, and(eq(s.notifications.personId, ids.teacher!), isNull(s.notifications.readAt))),
    ).toBeGreaterThanOrEqual(2);
  });

  it('gives the coaches plans (one for a group), cycles in every phase, rated and shared sessions, and one coach behind plan', async () => {
    const plans = await db().select().from(s.coachingPlans).where(eq(s.coachingPlans.districtId, districtId));
    const members = await db().select().from(s.coachingPlanMembers).where(eq(s.coachingPlanMembers.districtId, districtId));
    expect(plans.filter((p) => p.coachPersonId === ids.coach).length).toBeGreaterThanOrEqual(4);
    expect(plans.some((p) => members.filter((m) => m.planId === p.id).length > 1)).toBe(true);
    const phases = await db()
      .selectDistinct({ phase: s.coachingCycles.phase })
      .from(s.coachingCycles)
      .where(eq(s.coachingCycles.districtId, districtId));
    expect(phases.map((p) => p.phase).sort()).toEqual(['complete', 'identify', 'improve', 'learn']);
    const attendees = await db().select().from(s.coachingLogAttendees).where(eq(s.coachingLogAttendees.districtId, districtId));
    expect(attendees.some((a) => a.helpfulness)).toBe(true);
    expect(attendees.some((a) => a.sharedAt)).toBe(true);
    const logs = await db().select().from(s.coachingLogs).where(eq(s.coachingLogs.districtId, districtId));
    const inTwoWeeks = new Date(Date.now() + 15 * 86_400_000);
    expect(
      logs.some((l) => l.coachPersonId === ids.coach && l.status === 'scheduled' && l.startsAt > new Date() && l.startsAt < inTwoWeeks),
    ).toBe(true);
    // Delivered per plan: the lagging coach holds far fewer sessions per plan than the demo coach.
    const heldPerPlan = (coach: string) => {
      const own = plans.filter((p) => p.coachPersonId === coach);
      return logs.filter((l) => l.status === 'held' && own.some((p) => p.id === l.planId)).length / own.length;
    };
    const others = [...new Set(plans.map((p) => p.coachPersonId))].filter((c) => c !== ids.coach);
    expect(Math.min(...others.map(heldPerPlan))).toBeLessThan(heldPerPlan(ids.coach!) / 2);
    expect(logs.filter((l) => l.status === 'held').every((l) => l.notes.length > 0)).toBe(true);
    expect(
      await db().$count(
        s.coachingLogs,
        and(eq(s.coachingLogs.districtId, districtId), lt(s.coachingLogs.startsAt, new Date()), eq(s.coachingLogs.status, 'scheduled')),
      ),
    ).toBe(0);
  });

  it('tags every walkthrough look-for and gives Palm Grove months of walkthroughs for the report', async () => {
    const [type] = await db()
      .select()
      .from(s.observationTypes)
      .where(and(eq(s.observationTypes.districtId, districtId), eq(s.observationTypes.kind, 'walkthrough')));
    expect(Object.keys(type!.lookForItems).sort()).toEqual([...type!.lookFors].sort());
    const [palm] = await db()
      .select()
      .from(s.orgUnits)
      .where(and(eq(s.orgUnits.districtId, districtId), eq(s.orgUnits.name, 'Palm Grove Elementary')));
    const walks = await db()
      .select({ day: s.observations.observedOn })
      .from(s.observations)
      .where(
        and(
          eq(s.observations.districtId, districtId),
          eq(s.observations.orgUnitId, palm!.id),
          eq(s.observations.kind, 'walkthrough'),
          eq(s.observations.status, 'published'),
        ),
      );
    expect(new Set(walks.map((w) => w.day.slice(0, 7))).size).toBeGreaterThanOrEqual(4);
  });

  it('records the past plan reviews but one of the demo coach’s, which is overdue; the teacher has one to acknowledge', async () => {
    const plans = await db().select().from(s.coachingPlans).where(eq(s.coachingPlans.districtId, districtId));
    const reviews = await db().select().from(s.coachingPlanReviews).where(eq(s.coachingPlanReviews.districtId, districtId));
    expect(reviews.length).toBeGreaterThan(0);
    const unreviewed = plans.flatMap((p) =>
      p.reviewDates.filter((d) => d < today && !reviews.some((r) => r.planId === p.id && r.reviewDate === d)).map(() => p),
    );
    expect(unreviewed.map((p) => p.coachPersonId)).toEqual([ids.coach]);
    expect(reviews.every((r) => r.plannedSessions > 0)).toBe(true);
    const teacherPlans = await db().select().from(s.coachingPlanMembers).where(eq(s.coachingPlanMembers.personId, ids.teacher!));
    expect(reviews.some((r) => teacherPlans.some((m) => m.planId === r.planId) && !r.acknowledgedAt)).toBe(true);
  });
});
