/**
 * Permission matrix tested: signed out -> 401; completion, drill-down and ratings: HR and admins
 * the district, a principal their school only (another school's drill-down 404), a teacher or coach
 * 403, another district's admin 404; history: the person, their principal and HR see it, a
 * colleague or another district 404; downloads: whoever may read the plan, others 404.
 * Then: completion counts follow status changes; overdue check-ins; keyset paging; the PDF is a PDF
 * and the Word file holds the person's name with Spanish labels for a Spanish reader.
 */
import { inflateRawSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { performancePlans, planRatings } from '../db/schema/index.ts';
import { refreshCompletion } from '../services/performance/completion.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { buildPerformanceWorld, buildPlan, type PerformanceWorld } from '../test/fixtures/performance.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let world: PerformanceWorld;
const ids: Record<string, string> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  world = await buildPerformanceWorld(db, districtId);
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm' });
  const oak = await buildOrgUnit(db, districtId, { name: 'Oak' });
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const colleague = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const coach = await buildUser(db, districtId, 'coach', { orgUnitId: palm.id });
  const hr = await buildUser(db, districtId, 'hr');
  const outsider = await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin');
  const oakPerson = await buildPerson(db, districtId, { orgUnitId: oak.id, givenName: 'Olga', familyName: 'Oakes' });
  const palmPeople = await Promise.all(
    ['Adams', 'Baker', 'Cruz'].map((familyName) => buildPerson(db, districtId, { orgUnitId: palm.id, familyName })),
  );
  const plan = await buildPlan(db, world, {
    personId: teacher.personId,
    evaluatorPersonId: principal.personId,
    orgUnitId: palm.id,
    status: 'reviewed',
  });
  await db
    .update(performancePlans)
    .set({ overallLabel: 'Effective', nextCheckInOn: '2020-01-01', reviewSummary: 'Strong year' })
    .where(eq(performancePlans.id, plan.id));
  await db
    .insert(planRatings)
    .values({ districtId, planId: plan.id, itemId: world.competencies[0]!.id, rater: 'evaluator', levelScore: 3 });
  for (const p of palmPeople) await buildPlan(db, world, { personId: p.id, evaluatorPersonId: principal.personId, orgUnitId: palm.id });
  const oakPlan = await buildPlan(db, world, { personId: oakPerson.id, evaluatorPersonId: null, orgUnitId: oak.id, status: 'signed' });
  Object.assign(ids, {
    palm: palm.id,
    oak: oak.id,
    plan: plan.id,
    oakPlan: oakPlan.id,
    teacher: teacher.personId,
    oakPerson: oakPerson.id,
  });
  for (const [k, u] of Object.entries({ principal, teacher, colleague, coach, hr, outsider })) as[k] = await signIn(t.app, u.email);
});

const completion = (c: Client) => c.get(`/api/performance/cycles/${world.cycleId}/completion`);
const peopleOf = (c: Client, query: string) => c.get(`/api/performance/cycles/${world.cycleId}/completion/people?${query}`);

describe('performance views permission matrix', () => {
  it('401 signed out, 403 for staff and coaches, 404 for another district', async () => {
    expect((await anonymous(t.app).get(`/api/performance/cycles/${world.cycleId}/completion`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/performance/plans/${ids.plan}/export.pdf`)).statusCode).toBe(401);
    for (const who of ['teacher', 'coach']) {
      expect((await completion(as[who]!)).statusCode).toBe(403);
      expect((await peopleOf(as[who]!, 'missing=signature')).statusCode).toBe(403);
      expect((await as[who]!.get(`/api/performance/cycles/${world.cycleId}/ratings`)).statusCode).toBe(403);
    }
    expect((await completion(as.outsider!)).statusCode).toBe(404);
    expect((await as.outsider!.get(`/api/performance/cycles/${world.cycleId}/ratings`)).statusCode).toBe(404);
    expect((await as.outsider!.get(`/api/people/${ids.teacher}/performance-history`)).statusCode).toBe(404);
    expect((await as.outsider!.get(`/api/performance/plans/${ids.plan}/export.pdf`)).statusCode).toBe(404);
  });

  it('a principal sees only their school; another school in the drill-down is 404', async () => {
    const res = await completion(as.principal!);
    expect(res.statusCode).toBe(200);
    expect(res.json().district).toBe(false);
    expect(res.json().rows.map((r: { orgUnitId: string }) => r.orgUnitId)).toEqual([ids.palm]);
    expect((await peopleOf(as.principal!, `orgUnitId=${ids.oak}&missing=review`)).statusCode).toBe(404);
    const all = (await peopleOf(as.principal!, 'missing=review')).json();
    expect(all.items.every((p: { orgUnitId: string }) => p.orgUnitId === ids.palm)).toBe(true);
    const ratings = (await as.principal!.get(`/api/performance/cycles/${world.cycleId}/ratings?by=school`)).json();
    expect(ratings.groups.map((g: { id: string }) => g.id)).toEqual([ids.palm]);
    expect((await as.principal!.get(`/api/performance/plans/${ids.oakPlan}/export.pdf`)).statusCode).toBe(404);
  });

  it('history: the person, their principal and HR; a colleague 404', async () => {
    for (const who of ['teacher', 'principal', 'hr']) {
      const res = await as[who]!.get(`/api/people/${ids.teacher}/performance-history`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().items).toMatchObject([{ planId: ids.plan, schoolYear: '2026-27', status: 'reviewed', overallLabel: 'Effective' }]);
    }
    expect((await as.colleague!.get(`/api/people/${ids.teacher}/performance-history`)).statusCode).toBe(404);
    expect((await as.colleague!.get(`/api/performance/plans/${ids.plan}/export.docx`)).statusCode).toBe(404);
  });
});

describe('completion view', () => {
  it('counts per school and phase, with overdue check-ins, and follows status changes', async () => {
    const view = (await completion(as.hr!)).json();
    expect(view.district).toBe(true);
    const palm = view.rows.find((r: { orgUnitId: string }) => r.orgUnitId === ids.palm);
    expect(palm).toMatchObject({ plans: 4, selfAssessed: 1, signed: 1, reviewed: 1, checkInsOverdue: 1 });
    expect(view.total).toMatchObject({ plans: 5, signed: 2 });

    const db = t.database.db;
    await db.update(performancePlans).set({ status: 'acknowledged', acknowledgedAt: new Date() }).where(eq(performancePlans.id, ids.plan!));
    await refreshCompletion(db, world.districtId, world.cycleId, ids.palm);
    const after = (await completion(as.hr!)).json().rows.find((r: { orgUnitId: string }) => r.orgUnitId === ids.palm);
    expect(after.acknowledged).toBe(1);
  });

  it('drills to who has not self-assessed, by name, two at a time', async () => {
    const first = (await peopleOf(as.hr!, `orgUnitId=${ids.palm}&missing=self_assessment&limit=2`)).json();
    expect(first.items.map((p: { name: string }) => p.name.split(' ')[1])).toEqual(['Adams', 'Baker']);
    const second = (await peopleOf(as.hr!, `orgUnitId=${ids.palm}&missing=self_assessment&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { name: string }) => p.name.split(' ')[1])).toEqual(['Cruz']);
    expect(second.nextCursor).toBeNull();
    const overdue = (await peopleOf(as.hr!, 'missing=check_in')).json();
    expect(overdue.items.map((p: { planId: string }) => p.planId)).toEqual([ids.plan]);
    expect((await peopleOf(as.hr!, 'missing=signature&cursor=nonsense')).statusCode).toBe(400);
  });

  it('rating distribution: per school against the district, small groups flagged', async () => {
    const res = (await as.hr!.get(`/api/performance/cycles/${world.cycleId}/ratings?by=evaluator`)).json();
    expect(res.district.reviewed).toBe(1);
    expect(res.district.competencies[world.competencies[0]!.id]).toEqual({ '3': 1 });
    expect(res.groups).toHaveLength(1);
    expect(res.groups[0]).toMatchObject({ small: true, reviewed: 1 });
  });
});

/** The text of one entry of a zip file (enough of the format for a DOCX). */
function zipEntry(zip: Buffer, name: string): string | null {
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip.readUInt32LE(i) !== 0x04034b50) continue;
    const method = zip.readUInt16LE(i + 8);
    const size = zip.readUInt32LE(i + 18);
    const nameLength = zip.readUInt16LE(i + 26);
    const extra = zip.readUInt16LE(i + 28);
    if (zip.toString('utf8', i + 30, i + 30 + nameLength) !== name) continue;
    const data = zip.subarray(i + 30 + nameLength + extra, i + 30 + nameLength + extra + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  return null;
}

describe('plan downloads', () => {
  it('a PDF for the person', async () => {
    const res = await as.teacher!.get(`/api/performance/plans/${ids.plan}/export.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('a Word file in Spanish for a Spanish reader, with the person and the review', async () => {
    const res = await as.principal!.request('GET', `/api/performance/plans/${ids.plan}/export.docx`, undefined, {
      'accept-language': 'es',
    });
    expect(res.statusCode).toBe(200);
    const xml = zipEntry(res.rawPayload, 'word/document.xml');
    expect(xml).not.toBeNull();
    expect(xml).toContain('Person-');
    expect(xml).toContain('Plan de desempeño y evaluación');
    expect(xml).toContain('Calificaciones por competencia');
    expect(xml).toContain('Strong year');
  });
});
