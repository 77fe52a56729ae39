/**
 * The calendar feed is valid iCalendar as a calendar app reads it (issue 11: `DTSTART;TZID=...`
 * with no VTIMEZONE block, which RFC 5545 requires and Outlook refuses). The feed is parsed with
 * ical.js, a real parser: every TZID used has a VTIMEZONE whose rules give the zone's offset in
 * summer and in winter, and each event starts at the instant it was stored at.
 */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { coachingLogAttendees, coachingLogs, districts } from '../db/schema/index.ts';
import { renderFeed } from '../services/calendar/feed.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp } from '../test/harness.ts';

const t = useTestApp();
const ZONE = 'America/Chicago';
/** A session in daylight time (10:00 CDT) and one in standard time (09:00 CST). */
const SUMMER = '2026-07-15T15:00:00.000Z';
const WINTER = '2026-11-20T15:00:00.000Z';
let token = '';
let path = '';
const logIds: string[] = [];

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db);
  await db.update(districts).set({ timeZone: ZONE }).where(eq(districts.id, district.id));
  const school = (await buildOrgUnit(db, district.id)).id;
  const teacher = await buildUser(db, district.id, 'staff', { orgUnitId: school });
  const coach = await buildUser(db, district.id, 'coach', { orgUnitId: school, caseload: [teacher.personId] });
  for (const at of [SUMMER, WINTER, new Date(Date.now() + 2 * 86_400_000).toISOString()]) {
    const [log] = await db
      .insert(coachingLogs)
      .values({
        districtId: district.id,
        coachPersonId: coach.personId,
        status: 'scheduled',
        startsAt: new Date(at),
        durationMinutes: 30,
        activity: 'modeling',
      })
      .returning();
    await db.insert(coachingLogAttendees).values({ districtId: district.id, logId: log!.id, personId: teacher.personId });
    logIds.push(log!.id);
  }
  const created = await (await signIn(t.app, teacher.email)).post('/api/calendar/feed');
  expect(created.statusCode, created.body).toBe(201);
  path = new URL(created.json().url).pathname;
  token = /\/([^/]+)\.ics$/.exec(path)![1]!;
});

/** The feed parsed: its VTIMEZONEs by TZID, its events, and every TZID its properties use. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = new Map(root.getAllSubcomponents('vtimezone').map((z) => [String(z.getFirstPropertyValue('tzid')), new ICAL.Timezone(z)]));
  const used = new Set<string>();
  const visit = (c: ICAL.Component) => {
    for (const p of c.getAllProperties()) {
      const tzid = p.getParameter('tzid');
      if (tzid) used.add(String(tzid));
    }
    c.getAllSubcomponents().forEach(visit);
  };
  visit(root);
  const events = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  return { zones, used, events };
}

/** The zone's offset from UTC in seconds at an instant, from the runtime's time zone database. */
function offsetSeconds(zone: string, at: Date) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
}

describe('the iCalendar feed', () => {
  it('declares a VTIMEZONE with the rules of every TZID it uses, and each event starts at its instant', async () => {
    const text = await renderFeed(t.database, token, 'https://trellis.example.org', new Date('2026-07-01T12:00:00Z'));
    const { zones, used, events } = parse(text!);
    expect([...used]).toEqual([ZONE]);
    expect([...zones.keys()]).toEqual([ZONE]);
    const zone = zones.get(ZONE)!;
    for (const instant of [SUMMER, WINTER]) {
      const local = ICAL.Time.fromJSDate(new Date(instant), true);
      expect(zone.utcOffset(local), instant).toBe(offsetSeconds(ZONE, new Date(instant)));
    }
    const starts = Object.fromEntries(events.map((e) => [e.uid.split('@')[0], e.startDate]));
    expect(starts[`coaching-${logIds[0]}`]!.toString()).toBe('2026-07-15T10:00:00');
    expect(starts[`coaching-${logIds[1]}`]!.toString()).toBe('2026-11-20T09:00:00');
    for (const [i, instant] of [SUMMER, WINTER].entries()) {
      const start = starts[`coaching-${logIds[i]}`]!;
      expect(start.zone.tzid).toBe(ZONE);
      expect(start.toJSDate().toISOString()).toBe(instant);
    }
  });

  it('serves the same over HTTP', async () => {
    const res = await anonymous(t.app).get(path);
    expect(res.statusCode).toBe(200);
    const { zones, used, events } = parse(res.body);
    expect(events.length).toBeGreaterThan(0);
    expect([...used].filter((tzid) => !zones.has(tzid))).toEqual([]);
    expect(zones.has(ZONE)).toBe(true);
  });
});
