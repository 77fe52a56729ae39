/**
 * Performance check-in reminders in the daily job: three school days before a check-in (on the
 * district's calendar: weekends and holidays do not count) to the person and their evaluator, once
 * (running again sends nothing); nothing on a non-school day; overdue while not held; e-mail per
 * the person's preferences.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/clock.ts';
import { nonSchoolDays, notifications, performanceCycles, planCheckIns } from '../../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../../test/factories.ts';
import { buildPerformanceWorld, buildPlan } from '../../test/fixtures/performance.ts';
import { signIn, useTestApp } from '../../test/harness.ts';
import { sendReminders } from './reminders.ts';

const t = useTestApp({ PUBLIC_URL: 'https://trellis.example' });

// A Monday a week or two ahead; Tuesday is a holiday; the check-in is on Friday.
const monday = addDays(todayIn('UTC'), 7 + ((8 - new Date().getUTCDay()) % 7));
const [FRI_BEFORE, SAT_BEFORE, MON, HOLIDAY, DUE, NEXT_MON] = [-3, -2, 0, 1, 4, 7].map((n) => addDays(monday, n)) as string[] as [
  string,
  string,
  string,
  string,
  string,
  string,
];

let districtId: string;
let planId: string;
let personId: string;
let evaluatorId: string;
const links = { base: 'https://x', key: null };
const run = (day: string) => sendReminders(t.database.db, districtId, day, links);

async function reminders(kind: string) {
  return t.database.db
    .select({ personId: notifications.personId, dueOn: notifications.dueOn })
    .from(notifications)
    .where(and(eq(notifications.districtId, districtId), eq(notifications.kind, kind)));
}

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const world = await buildPerformanceWorld(db, districtId);
  await db
    .update(performanceCycles)
    .set({ checkInDates: [DUE] })
    .where(eq(performanceCycles.id, world.cycleId));
  await db.insert(nonSchoolDays).values({ districtId, day: HOLIDAY, kind: 'holiday', label: 'Holiday' });
  const school = await buildOrgUnit(db, districtId);
  const person = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
  const evaluator = await buildUser(db, districtId, 'staff', { orgUnitId: school.id });
  personId = person.person.id;
  evaluatorId = evaluator.person.id;
  planId = (await buildPlan(db, world, { personId, evaluatorPersonId: evaluatorId, orgUnitId: school.id, status: 'signed' })).id;
  // The person wants check-in reminders at once; the evaluator keeps the digest default.
  const client = await signIn(t.app, person.email);
  const current = (await client.get('/api/me/notification-preferences')).json();
  const res = await client.request('PUT', '/api/me/notification-preferences', {
    deliveries: { ...current.deliveries, check_in_due: 'immediately' },
    version: current.version,
  });
  expect(res.statusCode).toBe(200);
}, 60_000);

describe('check-in reminders', () => {
  it('come three school days before, to the person and the evaluator, once; never on a non-school day', async () => {
    expect((await run(FRI_BEFORE)).notifications).toBe(0);
    expect(await run(SAT_BEFORE)).toMatchObject({ skipped: 'non_school_day' });
    const first = await run(MON);
    expect(first).toMatchObject({ notifications: 2, emails: 1 });
    expect(await run(MON)).toMatchObject({ notifications: 0, emails: 0 });
    expect(await run(HOLIDAY)).toMatchObject({ skipped: 'non_school_day' });
    const due = await reminders('check_in_due');
    expect(due.map((r) => r.personId).sort()).toEqual([personId, evaluatorId].sort());
    expect(due.every((r) => r.dueOn === DUE)).toBe(true);
  });

  it('are overdue while the check-in is not held, and stop once it is', async () => {
    expect((await run(NEXT_MON)).notifications).toBe(2);
    expect((await reminders('check_in_overdue')).map((r) => r.personId).sort()).toEqual([personId, evaluatorId].sort());
    await t.database.db.insert(planCheckIns).values({ districtId, planId, dueOn: DUE, heldOn: DUE });
    await t.database.db.delete(notifications).where(eq(notifications.kind, 'check_in_overdue'));
    expect((await run(addDays(NEXT_MON, 1))).notifications).toBe(0);
  });
});
