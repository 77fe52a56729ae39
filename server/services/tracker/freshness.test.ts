import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { schoolTrackerSummary } from '../../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../../test/factories.ts';
import { signIn, useTestApp, type Client } from '../../test/harness.ts';
import { refreshSummariesAtStart } from './freshness.ts';
import { buildObservation, buildObservationWorld, isoDay, type ObservationWorld } from '../../test/fixtures/tracker.ts';

const t = useTestApp();
let world: ObservationWorld;
let schools: string[];
let observationId: string;
let hr: Client;
let principal: Client;

type SchoolRow = { schoolId: string; teachers: number; overdueFeedback: number; asOf: string | null };
const districtView = async (): Promise<SchoolRow[]> => (await hr.get('/api/tracker/district')).json().schools;

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  world = await buildObservationWorld(db, districtId);
  schools = [];
  for (let i = 0; i < 3; i++) {
    const school = (await buildOrgUnit(db, districtId, { name: `School ${i}` })).id;
    schools.push(school);
    await buildUser(db, districtId, 'staff', { orgUnitId: school });
  }
  const leader = await buildUser(db, districtId, 'school_leader', { orgUnitId: schools[0]! });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: schools[0]! });
  observationId = (
    await buildObservation(db, world, {
      teacherId: teacher.personId,
      observerId: leader.personId,
      orgUnitId: schools[0]!,
      levels: [2],
      feedbackDueOn: isoDay(-1),
    })
  ).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  principal = await signIn(t.app, leader.email);
});

describe('school summaries (issue 11)', () => {
  it('are computed at start for every school nobody opened, so the district view never starts at zeros', async () => {
    const before = await t.database.db.select().from(schoolTrackerSummary).where(eq(schoolTrackerSummary.districtId, world.districtId));
    expect(before).toEqual([]);
    await refreshSummariesAtStart(t.database, t.app.jobs);
    await t.app.jobs.settled();
    const rows = await districtView();
    expect(rows.map((s) => s.schoolId)).toEqual(expect.arrayContaining(schools));
    for (const row of rows) expect(row.asOf).not.toBeNull();
    expect(rows.find((s) => s.schoolId === schools[0])).toMatchObject({ teachers: 2, overdueFeedback: 1 });
    expect(rows.find((s) => s.schoolId === schools[1])).toMatchObject({ teachers: 1 });
  });

  it('follow a write at once: feedback held clears the overdue count without waiting for the stale check', async () => {
    const res = await principal.post(`/api/observations/${observationId}/feedback`, { held: true });
    expect(res.statusCode).toBe(200);
    await t.app.jobs.settled();
    expect((await districtView()).find((s) => s.schoolId === schools[0])).toMatchObject({ overdueFeedback: 0 });
  });
});
