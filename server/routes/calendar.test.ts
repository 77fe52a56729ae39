/**
 * Permission matrix of /api/calendar: signed out 401; own calendar for everyone; another person's
 * for their school leader, HR and admins; anyone else (another teacher, a coach, a leader of another
 * school, another district) 404. The feed file needs no session; unknown or revoked tokens 404.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { coachingLogAttendees, coachingLogs, observations, observationTypes, users } from '../db/schema/index.ts';
import { ensureDefaultObservationTypes } from '../services/settings/observation-types.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const clients: Record<string, Client> = {};
const people: Record<string, { id: string; name: string }> = {};
let observationId = '';
const SECRET_NOTES = 'Private: talked about the hard week at home';

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  const school = (await buildOrgUnit(db, districtId)).id;
  const otherSchool = (await buildOrgUnit(db, districtId)).id;
  const make = async (key: string, access: Parameters<typeof buildUser>[2], orgUnitId?: string, caseload?: string[]) => {
    const user = await buildUser(db, districtId, access, { orgUnitId, caseload });
    people[key] = { id: user.personId, name: `${user.person.givenName} ${user.person.familyName}` };
    clients[key] = await signIn(t.app, user.email);
    return user;
  };
  const teacher = await make('teacher', 'staff', school);
  await db.update(users).set({ locale: 'es' }).where(eq(users.id, teacher.id));
  await make('otherTeacher', 'staff', school);
  await make('principal', 'school_leader', school);
  await make('otherPrincipal', 'school_leader', otherSchool);
  await make('coach', 'coach', school, [teacher.personId]);
  await make('hr', 'hr', school);
  const other = (await buildDistrict(db, 'Other')).id;
  clients.outsider = await signIn(t.app, (await buildUser(db, other, 'district_admin')).email);

  await ensureDefaultObservationTypes(db, districtId);
  const [type] = await db.select().from(observationTypes).where(eq(observationTypes.districtId, districtId)).limit(1);
  const [row] = await db
    .insert(observations)
    .values({
      districtId,
      typeId: type!.id,
      kind: 'scored',
      purpose: 'evaluation',
      observedPersonId: people.teacher!.id,
      observerPersonId: people.principal!.id,
      orgUnitId: school,
      observedOn: '2026-11-10',
      scheduledAt: new Date('2026-11-10T14:00:00Z'),
      durationMinutes: 45,
      classLabel: 'Secret class label',
      feedbackMeetingAt: new Date('2026-11-12T20:15:00Z'),
    })
    .returning();
  observationId = row!.id;
  const [log] = await db
    .insert(coachingLogs)
    .values({
      districtId,
      coachPersonId: people.coach!.id,
      status: 'scheduled',
      startsAt: new Date('2026-11-11T15:00:00Z'),
      durationMinutes: 30,
      activity: 'modeling',
      notes: SECRET_NOTES,
    })
    .returning();
  await db.insert(coachingLogAttendees).values({ districtId, logId: log!.id, personId: people.teacher!.id });
});

const range = 'from=2026-11-01&to=2026-11-30';

describe('calendar permission matrix', () => {
  it('401 signed out; 400 for a range over 100 days or backwards', async () => {
    expect((await anonymous(t.app).get(`/api/calendar?${range}`)).statusCode).toBe(401);
    expect((await clients.teacher!.get('/api/calendar?from=2026-01-01&to=2026-06-30')).statusCode).toBe(400);
    expect((await clients.teacher!.get('/api/calendar?from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
  });

  it('shows the observed teacher who observes them, never the content; the observer sees the type', async () => {
    const res = await clients.teacher!.get(`/api/calendar?${range}`);
    expect(res.statusCode).toBe(200);
    const events = res.json().events as {
      kind: string;
      role: string;
      typeName: string | null;
      with: string[];
      link: string | null;
      activity: string | null;
    }[];
    expect(events.map((e) => e.kind)).toEqual(['observation', 'coaching_session', 'feedback_meeting']);
    const observation = events[0]!;
    expect(observation).toMatchObject({ role: 'observed', typeName: null, with: [people.principal!.name], link: null });
    expect(res.body).not.toContain('Secret class label');
    expect(res.body).not.toContain(SECRET_NOTES);
    expect(events[1]).toMatchObject({ role: 'attendee', activity: 'modeling', with: [people.coach!.name] });

    const mine = (await clients.principal!.get(`/api/calendar?${range}`)).json();
    expect(mine.events[0]).toMatchObject({
      role: 'observer',
      typeName: 'Scored observation',
      with: [people.teacher!.name],
      link: `/observations/${observationId}`,
    });
    const coach = (await clients.coach!.get(`/api/calendar?${range}`)).json();
    expect(coach.events).toHaveLength(1);
    expect(JSON.stringify(coach)).not.toContain(SECRET_NOTES);
  });

  it('lets the school leader, HR and admins open a calendar in their scope; others get 404', async () => {
    const url = `/api/calendar?personId=${people.teacher!.id}&${range}`;
    for (const reader of ['principal', 'hr']) {
      const res = await clients[reader]!.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json().events.every((e: { link: string | null }) => e.link === null)).toBe(true);
    }
    for (const stranger of ['otherTeacher', 'otherPrincipal', 'coach', 'outsider']) {
      expect((await clients[stranger]!.get(url)).statusCode).toBe(404);
    }
  });
});

describe('calendar feed', () => {
  it('serves the events as iCalendar in the user language, rotates and revokes', async () => {
    const teacher = clients.teacher!;
    expect((await teacher.get('/api/calendar/feed')).json()).toEqual({ active: false, createdAt: null });
    const created = await teacher.post('/api/calendar/feed');
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url);
    expect((await teacher.get('/api/calendar/feed')).json().active).toBe(true);

    // The feed covers 30 days back: move the events near today for the check.
    const db = t.database.db;
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await db.update(observations).set({ scheduledAt: soon, feedbackMeetingAt: null }).where(eq(observations.id, observationId));
    const feed = await anonymous(t.app).get(url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const body = feed.body.replace(/\r\n /g, '');
    expect(body).toMatch(/^BEGIN:VCALENDAR/);
    expect(body).toContain('END:VCALENDAR');
    expect(body).toContain(`UID:observation-${observationId}@`);
    expect(body).toContain(`SUMMARY:Observación con ${people.principal!.name}`);
    expect(body).toMatch(/DTSTART;TZID=America\/New_York:\d{8}T\d{6}/);
    expect(body).not.toContain('Secret class label');
    // Stable UIDs: the same on the next read.
    expect((await anonymous(t.app).get(url.pathname)).body.match(/UID:[^\r\n]+/g)).toEqual(feed.body.match(/UID:[^\r\n]+/g));

    // Rotating revokes the old URL; revoking the new one leaves none.
    const rotated = new URL((await teacher.post('/api/calendar/feed')).json().url);
    expect((await anonymous(t.app).get(url.pathname)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(rotated.pathname)).statusCode).toBe(200);
    expect((await teacher.request('DELETE', '/api/calendar/feed')).json().active).toBe(false);
    expect((await anonymous(t.app).get(rotated.pathname)).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/calendar/feed/not-a-real-token-at-all-xxxxxxxx.ics')).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/calendar/feed')).statusCode).toBe(401);
  });
});
