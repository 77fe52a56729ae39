/**
 * One clock (common/clock.ts) in what the server writes: the session's district zone for the web
 * app, notification e-mails with the time in the district's zone, named, in the reader's language,
 * and the calendar with the district's non-school days. Permission matrix: the routes used here are
 * covered by coaching.test.ts and calendar.test.ts; signed out they answer 401 (checked once).
 */
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districts, nonSchoolDays, notifications, outboxEmails, users } from '../db/schema/index.ts';
import { anonymous, useTestApp } from '../test/harness.ts';
import { coachingWorld, postOk, sessionBody, type CoachingWorld } from '../test/fixtures/coaching.ts';

const t = useTestApp();
let w: CoachingWorld;
/** Tuesday, January 12, 2027, 4:00 PM in Chicago (CST, UTC-6). */
const STARTS_AT = '2027-01-12T22:00:00.000Z';

beforeAll(async () => {
  w = await coachingWorld(t);
  const db = t.database.db;
  await db.update(districts).set({ timeZone: 'America/Chicago' }).where(eq(districts.id, w.districtId));
  await db.update(users).set({ locale: 'es' }).where(eq(users.personId, w.ids.peer));
  await db.insert(nonSchoolDays).values([
    { districtId: w.districtId, day: '2027-01-18', kind: 'holiday', label: 'Martin Luther King Jr. Day' },
    { districtId: w.districtId, day: '2027-02-15', kind: 'holiday', label: "Presidents' Day" },
  ]);
});

describe('one clock on the server', () => {
  it("the session names the district's time zone", async () => {
    expect((await anonymous(t.app).get('/api/auth/session')).statusCode).toBe(401);
    const me = (await w.coachee.get('/api/auth/session')).json().user;
    expect(me.district.timeZone).toBe('America/Chicago');
  });

  it("a scheduled session's e-mail gives the district time with its zone, in each reader's language", async () => {
    const log = await postOk(
      w.coach,
      '/api/coaching/logs',
      sessionBody([w.ids.coachee, w.ids.peer], { status: 'scheduled', startsAt: STARTS_AT, notes: '' }),
    );
    // The bell keeps the instant and shows it in the district's zone (web/app/format.ts).
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, log.id), eq(notifications.personId, w.ids.coachee)));
    expect(told!.params.date).toBe(STARTS_AT);
    const mails = await t.database.db
      .select()
      .from(outboxEmails)
      .where(like(outboxEmails.body, `%${log.id}%`));
    const text = mails.map((m) => `${m.subject}\n${m.body}`.replace(/\s/g, ' '));
    expect(text).toHaveLength(2);
    expect(text.some((m) => m.includes('Coaching session on Jan 12, 2027, 4:00 PM CST'))).toBe(true);
    expect(text.some((m) => m.includes('12 ene 2027, 16:00 GMT-6'))).toBe(true);
    expect(text.join('\n')).not.toContain('2027-01-12');
  });

  it("the calendar carries the district's non-school days in its range", async () => {
    const res = await w.coachee.get('/api/calendar?from=2027-01-01&to=2027-01-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().timeZone).toBe('America/Chicago');
    expect(res.json().nonSchoolDays).toEqual([
      { id: expect.any(String), day: '2027-01-18', kind: 'holiday', label: 'Martin Luther King Jr. Day' },
    ]);
  });
});
