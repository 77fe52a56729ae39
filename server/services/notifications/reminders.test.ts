/**
 * The daily reminders job on the school calendar, as a district runs it: for given days, who gets
 * which reminder (in the inbox, and by e-mail per their preferences and language), nothing on a
 * weekend or holiday (a reminder whose day falls on one comes the school day before), nothing twice
 * when the job runs again. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../common/observation.ts';
import {
  actionSteps,
  coachingPlanMembers,
  coachingPlanReviews,
  coachingPlans,
  districtSettings,
  nonSchoolDays,
  notifications,
  observations,
  observationTypes,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.ts';
import { addDays, todayIn } from '../../../common/clock.ts';
import { remindersJobId } from '../../jobs/digest-schedule.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../../test/factories.ts';
import { signIn, useTestApp } from '../../test/harness.ts';
import { sendReminders } from './reminders.ts';

const t = useTestApp({ PUBLIC_URL: 'https://trellis.example' }, { smtp: true });

// A fortnight from now (the digest gathers what was stored in the last month): Thu, Fri, (Sat, Sun),
// Mon a holiday, Tue the due day, Wed, Thu.
const monday = addDays(todayIn('UTC'), 7 + ((8 - new Date().getUTCDay()) % 7));
const [THU, FRI, SAT, HOLIDAY, DUE, WED, THU2, FRI2] = [3, 4, 5, 7, 8, 9, 10, 11].map((n) => addDays(monday, n)) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

type Person = Awaited<ReturnType<typeof buildUser>>;
let districtId: string;
let observer: Person;
let teacher: Person;
let coach: Person;
let teamLead: Person;
let principal: Person;
let superintendent: Person;
let coObserver: Person;
let otherTeacher: Person;
let observationId: string;
let stepId: string;
let planId: string;

async function choose(p: Person, deliveries: Partial<Record<NotificationKind, string>>) {
  const client = await signIn(t.app, p.email);
  const current = (await client.get('/api/me/notification-preferences')).json();
  const res = await client.request('PUT', '/api/me/notification-preferences', {
    deliveries: { ...current.deliveries, ...deliveries },
    version: current.version,
  });
  expect(res.statusCode).toBe(200);
}

/** Runs the day's reminders job (a new job each time, as a second process or a retry would). */
async function runDay(day: string, id: string = randomUUID()) {
  await t.app.jobs.send('reminders', { districtId, day }, { id });
  await t.app.jobs.settled();
  await t.app.mailer.settled();
}

/** Each person's reminders as `kind:entity:due`, sorted. */
async function inbox(p: Person) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.districtId, districtId), eq(notifications.personId, p.personId!)));
  return rows.map((r) => `${r.kind}:${r.entityId}:${r.dueOn}`).sort();
}

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const network = await buildOrgUnit(db, districtId, { name: 'North network', type: 'network' });
  const school = await buildOrgUnit(db, districtId, { parentId: network.id });
  observer = await buildUser(db, districtId, 'school_leader');
  teacher = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
  otherTeacher = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
  coach = await buildUser(db, districtId, 'coach', { orgUnitId: school.id });
  teamLead = await buildUser(db, districtId, 'coach', { orgUnitId: school.id });
  principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: school.id });
  // An instructional superintendent leads the school's network, so the school too.
  superintendent = await buildUser(db, districtId, 'school_leader', { orgUnitId: network.id });
  coObserver = await buildUser(db, districtId, 'school_leader');
  await db.update(users).set({ locale: 'es' }).where(eq(users.id, observer.id));
  await db.insert(nonSchoolDays).values({ districtId, day: HOLIDAY, kind: 'holiday', label: 'Spring holiday' });

  const [type] = await db.insert(observationTypes).values({ districtId, name: 'Formal', kind: 'scored' }).returning();
  const [obs] = await db
    .insert(observations)
    .values({
      districtId,
      typeId: type!.id,
      kind: 'scored',
      purpose: 'evaluation',
      observedPersonId: teacher.personId!,
      observerPersonId: observer.personId!,
      coObserverPersonId: coObserver.personId!,
      observedOn: THU,
      status: 'published',
      revision: 1,
      publishedAt: new Date(`${THU}T15:00:00Z`),
      feedbackDueOn: DUE,
    })
    .returning();
  observationId = obs!.id;
  // Feedback already held: never reminded.
  await db.insert(observations).values({
    districtId,
    typeId: type!.id,
    kind: 'scored',
    purpose: 'evaluation',
    observedPersonId: otherTeacher.personId!,
    observerPersonId: observer.personId!,
    observedOn: THU,
    status: 'published',
    revision: 1,
    feedbackDueOn: DUE,
    feedbackHeldAt: new Date(`${FRI}T15:00:00Z`),
  });

  // Due on the holiday: reminded the school day before it (Friday).
  const [step] = await db
    .insert(actionSteps)
    .values({ districtId, personId: teacher.personId!, title: 'Wait time', dueOn: HOLIDAY, status: 'practicing' })
    .returning();
  stepId = step!.id;
  await db.insert(actionSteps).values({ districtId, personId: otherTeacher.personId!, title: 'Done', dueOn: HOLIDAY, status: 'mastered' });

  const [plan] = await db
    .insert(coachingPlans)
    .values({
      districtId,
      coachPersonId: coach.personId!,
      title: 'Questioning',
      reviewDates: [addDays(monday, -60), DUE],
      startsOn: addDays(monday, -90),
      endsOn: addDays(monday, 90),
    })
    .returning();
  planId = plan!.id;
  await db.insert(coachingPlanMembers).values({ districtId, planId, personId: teacher.personId! });
  // The January review is recorded; it is never overdue.
  await db.insert(coachingPlanReviews).values({
    districtId,
    planId,
    reviewDate: addDays(monday, -60),
    plannedSessions: 4,
    deliveredSessions: 4,
    followed: 'yes',
    decision: 'continue',
    recordedByPersonId: coach.personId!,
  });
  const [team] = await db.insert(teams).values({ districtId, schoolId: school.id, kind: 'coaching', name: 'Coaches' }).returning();
  await db.insert(teamMembers).values([
    { districtId, teamId: team!.id, personId: teamLead.personId!, role: 'lead', startsOn: '2020-01-01' },
    { districtId, teamId: team!.id, personId: coach.personId!, role: 'member', startsOn: '2020-01-01' },
  ]);

  await choose(observer, { feedback_due: 'immediately', feedback_overdue: 'immediately' });
  await choose(teacher, { action_step_due: 'off' });
}, 60_000);

describe('the reminders job', () => {
  it('reminds the school day before a due date, skips weekends and holidays, and flags what is overdue', async () => {
    // Thursday: nothing is due by the next school day (Friday).
    await runDay(THU);
    for (const p of [observer, teacher, coach, teamLead, principal]) expect(await inbox(p)).toEqual([]);

    // Friday is the school day before both Monday (a holiday) and Tuesday.
    await runDay(FRI, remindersJobId(districtId, FRI));
    expect(await inbox(observer)).toEqual([`feedback_due:${observationId}:${DUE}`]);
    // The co-observer shares the feedback meeting, so the reminder too.
    expect(await inbox(coObserver)).toEqual([`feedback_due:${observationId}:${DUE}`]);
    expect(await inbox(teacher)).toEqual([`action_step_due:${stepId}:${HOLIDAY}`, `coaching_review_due:${planId}:${DUE}`].sort());
    expect(await inbox(coach)).toEqual([`coaching_review_due:${planId}:${DUE}`]);
    expect(await inbox(teamLead)).toEqual([]);
    expect(await inbox(principal)).toEqual([]);
    expect(await inbox(otherTeacher)).toEqual([]);

    // E-mail: the observer chose "at once" and reads Spanish; the others get the morning's digest.
    const now = await t.mailbox.take(observer.email);
    expect(now.subject).toMatch(/^Retroalimentación para el \d+ \S+ \d{4}: observación de /);
    expect(now.subject).toContain(teacher.person.familyName);
    expect(now.text).toContain(`https://trellis.example/observations/${observationId}`);
    const coachDigest = await t.mailbox.take(coach.email);
    expect(coachDigest.subject).toBe('Trellis: 1 update for you');
    expect(coachDigest.text).toMatch(/Coaching plan review on \w+ \d+, \d{4}: Questioning/);
    // The teacher turned action-step reminders off: the digest holds only the review.
    const teacherDigest = await t.mailbox.take(teacher.email);
    expect(teacherDigest.text).toContain('Coaching plan review on ');
    expect(teacherDigest.text).not.toContain('Wait time');
  });

  it('sends nothing twice when the job runs again the same day', async () => {
    const before = await t.database.db.select().from(notifications).where(eq(notifications.districtId, districtId));
    await runDay(FRI);
    // Straight through the service too, as a second process would.
    const again = await sendReminders(t.database.forDistrict(districtId), districtId, FRI, { base: 'https://x', key: null });
    expect(again).toEqual({ notifications: 0, emails: 0, skipped: null });
    expect(await t.database.db.select().from(notifications).where(eq(notifications.districtId, districtId))).toHaveLength(before.length);
    for (const p of [observer, teacher, coach]) expect(t.mailbox.to(p.email)).toHaveLength(1);
  });

  it('sends nothing on a weekend or a holiday, nor on the due day itself', async () => {
    const before = await t.database.db.select().from(notifications).where(eq(notifications.districtId, districtId));
    const outcome = await sendReminders(t.database.forDistrict(districtId), districtId, HOLIDAY, { base: 'https://x', key: null });
    expect(outcome).toEqual({ notifications: 0, emails: 0, skipped: 'non_school_day' });
    await runDay(SAT);
    await runDay(HOLIDAY);
    await runDay(DUE);
    expect(await t.database.db.select().from(notifications).where(eq(notifications.districtId, districtId))).toHaveLength(before.length);
  });

  it('the day after: feedback overdue to the observers only, a review overdue to the coach and their leads', async () => {
    await runDay(WED);
    await runDay(THU2);
    expect(await inbox(observer)).toEqual([`feedback_due:${observationId}:${DUE}`, `feedback_overdue:${observationId}:${DUE}`]);
    expect(await inbox(coObserver)).toEqual([`feedback_due:${observationId}:${DUE}`, `feedback_overdue:${observationId}:${DUE}`]);
    expect(await inbox(coach)).toEqual([`coaching_review_due:${planId}:${DUE}`, `coaching_review_overdue:${planId}:${DUE}`]);
    // The team lead of the coach's team, the principal of the coachee's school and its network's superintendent.
    expect(await inbox(teamLead)).toEqual([`coaching_review_overdue:${planId}:${DUE}`]);
    expect(await inbox(principal)).toEqual([`coaching_review_overdue:${planId}:${DUE}`]);
    expect(await inbox(superintendent)).toEqual([`coaching_review_overdue:${planId}:${DUE}`]);
    // The observed teacher is told nothing of overdue feedback, nor of an overdue review.
    expect(await inbox(teacher)).toEqual([`action_step_due:${stepId}:${HOLIDAY}`, `coaching_review_due:${planId}:${DUE}`].sort());
    const overdue = await t.mailbox.take(observer.email);
    expect(overdue.subject).toContain('Retroalimentación vencida');
    expect(t.mailbox.to(observer.email)).toHaveLength(2);
  });

  it('e-mails people without a language in the district’s default language', async () => {
    const db = t.database.db;
    const other = (await buildDistrict(db, 'Distrito')).id;
    await db.insert(districtSettings).values({ districtId: other, defaultLocale: 'es' });
    const owner = await buildUser(db, other, 'staff');
    await db.insert(actionSteps).values({ districtId: other, personId: owner.personId!, title: 'Preguntas', dueOn: FRI2 });
    await t.app.jobs.send('reminders', { districtId: other, day: THU2 });
    await t.app.jobs.settled();
    await t.app.mailer.settled();
    const digest = await t.mailbox.take(owner.email);
    expect(digest.subject).toBe('Trellis: 1 novedad para ti');
    expect(digest.text).toMatch(/Paso de acción para el \d+ \S+ \d{4}: Preguntas/);
  });
});
