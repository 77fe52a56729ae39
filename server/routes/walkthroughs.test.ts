/**
 * Permission matrix: signed out 401; a school of another district 404; coaches and staff 403; a
 * school leader reads their school only (another school 404). Then the shares on a small fixture
 * (a look-for never seen is 0%, a month without walkthroughs is absent, not 0), by term, the
 * competency tags (another district's item refused, nothing changes) and walkthrough evidence.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidence, observations, schoolTerms } from '../db/schema/index.ts';
import { buildObservationFixture, buildObservationWorld } from '../test/fixtures/observations.ts';
import { buildOrgUnit } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let c: Record<'hr' | 'leader' | 'leaderB' | 'coach' | 'teacher' | 'outsider', Client>;
let foreignSchoolId: string;
let foreignItemId: string;
const LT = 'Learning target posted';
const ST = 'Students talk more';
const range = 'from=2026-08-01&to=2026-12-31';

async function walkthrough(orgUnitId: string, observedOn: string, seen: [boolean | null, boolean | null], status = 'published') {
  await t.database.db.insert(observations).values({
    districtId: w.districtId,
    typeId: w.fixture.walkthroughTypeId,
    kind: 'walkthrough',
    purpose: 'development',
    observedPersonId: w.teacher.personId,
    observerPersonId: w.leader.personId,
    orgUnitId,
    observedOn,
    status,
    lookForResults: [
      { lookFor: LT, seen: seen[0], comment: null },
      { lookFor: ST, seen: seen[1], comment: null },
    ],
  });
}

beforeAll(async () => {
  const db = t.database.db;
  w = await buildObservationWorld(db);
  foreignSchoolId = (await buildOrgUnit(db, w.outsider.districtId)).id;
  foreignItemId = (await buildObservationFixture(db, w.outsider.districtId)).criteria[0]!.itemId;
  c = {
    hr: await signIn(t.app, w.hr.email),
    leader: await signIn(t.app, w.leader.email),
    leaderB: await signIn(t.app, w.leaderB.email),
    coach: await signIn(t.app, w.coach.email),
    teacher: await signIn(t.app, w.teacher.email),
    outsider: await signIn(t.app, w.outsider.email),
  };
  const A = w.schoolA.id;
  await walkthrough(A, '2026-09-05', [true, false]);
  await walkthrough(A, '2026-09-20', [true, false]);
  await walkthrough(A, '2026-11-10', [false, false]);
  // Not counted: a draft, a look-for left unmarked, another school.
  await walkthrough(A, '2026-10-01', [true, true], 'draft');
  await walkthrough(A, '2026-11-12', [null, false]);
  await walkthrough(w.schoolB.id, '2026-10-15', [true, true]);
  await db
    .insert(schoolTerms)
    .values({ districtId: w.districtId, name: 'Fall 2026', schoolYear: '2026-27', startsOn: '2026-08-15', endsOn: '2026-12-18' });
}, 60_000);

describe('walkthrough report: who may', () => {
  it('401 signed out, 403 coaches and staff, 404 another school or district', async () => {
    expect((await anonymous(t.app).get(`/api/walkthroughs/report?school=${w.schoolA.id}`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/walkthroughs/look-for-tags')).statusCode).toBe(401);
    for (const who of [c.coach, c.teacher]) expect((await who.get(`/api/walkthroughs/report?school=${w.schoolA.id}`)).statusCode).toBe(403);
    expect((await c.leaderB.get(`/api/walkthroughs/report?school=${w.schoolA.id}`)).statusCode).toBe(404);
    expect((await c.hr.get(`/api/walkthroughs/report?school=${foreignSchoolId}`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/walkthroughs/report?school=${w.schoolA.id}`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/walkthroughs/report?school=${w.schoolA.id}`)).statusCode).toBe(200);
    expect((await c.hr.get(`/api/walkthroughs/report?period=week`)).statusCode).toBe(400);
    expect((await c.hr.get(`/api/walkthroughs/report?from=2026-12-01&to=2026-11-01`)).statusCode).toBe(400);
  });
});

describe('walkthrough report: shares', () => {
  it('gives per look-for the share of walkthroughs that saw it, per month; empty months absent', async () => {
    const res = await c.leader.get(`/api/walkthroughs/report?school=${w.schoolA.id}&${range}&period=month`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.walkthroughs).toBe(4);
    expect(r.periods.map((p: { key: string; walkthroughs: number }) => [p.key, p.walkthroughs])).toEqual([
      ['2026-09', 2],
      ['2026-11', 2],
    ]);
    const [lt, st] = r.lookFors;
    expect(lt).toMatchObject({ lookFor: LT, seen: 2, looked: 3 });
    expect(lt.share).toBeCloseTo(2 / 3);
    expect(lt.byPeriod).toEqual([
      { period: '2026-09', seen: 2, looked: 2, share: 1 },
      { period: '2026-11', seen: 0, looked: 1, share: 0 },
    ]);
    expect(st).toMatchObject({ lookFor: ST, seen: 0, looked: 4, share: 0 });
    expect(st.byPeriod.map((p: { period: string }) => p.period)).toEqual(['2026-09', '2026-11']);
  });

  it('groups by school term, and HR sees the whole district', async () => {
    const term = (await c.leader.get(`/api/walkthroughs/report?school=${w.schoolA.id}&${range}&period=term`)).json();
    expect(term.periods.map((p: { label: string; walkthroughs: number }) => [p.label, p.walkthroughs])).toEqual([['Fall 2026', 4]]);
    const all = (await c.hr.get(`/api/walkthroughs/report?${range}`)).json();
    expect(all.walkthroughs).toBe(5);
    expect(all.periods.map((p: { key: string }) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});

describe('look-for competency tags', () => {
  it('tags a look-for to a competency of the published framework; another district item 404, unchanged', async () => {
    const list = (await c.hr.get('/api/walkthroughs/look-for-tags')).json();
    const type = list.items.find((i: { id: string }) => i.id === w.fixture.walkthroughTypeId);
    const itemId = w.fixture.criteria[0]!.itemId;
    expect(list.competencies.map((x: { id: string }) => x.id)).toContain(itemId);
    const url = `/api/walkthroughs/types/${type.id}/look-for-tags`;
    expect((await c.leader.request('PUT', url, { version: type.version, tags: [{ lookFor: LT, itemId }] })).statusCode).toBe(403);
    const foreign = await c.hr.request('PUT', url, { version: type.version, tags: [{ lookFor: LT, itemId: foreignItemId }] });
    expect(foreign.statusCode).toBe(404);
    const unknown = await c.hr.request('PUT', url, { version: type.version, tags: [{ lookFor: 'Not a look-for', itemId }] });
    expect(unknown.statusCode).toBe(400);
    expect(
      (await c.outsider.request('PUT', url, { version: type.version, tags: [{ lookFor: LT, itemId: foreignItemId }] })).statusCode,
    ).toBe(404);
    const ok = await c.hr.request('PUT', url, { version: type.version, tags: [{ lookFor: LT, itemId }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().tags.find((x: { lookFor: string }) => x.lookFor === LT).competency.id).toBe(itemId);
    expect((await c.hr.request('PUT', url, { version: type.version, tags: [] })).statusCode).toBe(409);
    const report = (await c.leader.get(`/api/walkthroughs/report?school=${w.schoolA.id}&${range}`)).json();
    expect(report.lookFors[0].competency.id).toBe(itemId);
    expect(report.lookFors[1].competency).toBeNull();
  });

  it('records evidence for seen, tagged look-fors only when the district turns it on', async () => {
    const db = t.database.db;
    const itemId = w.fixture.criteria[0]!.itemId;
    const publishSeen = async () => {
      const start = await c.leader.post('/api/observations', {
        typeId: w.fixture.walkthroughTypeId,
        observedPersonId: w.otherTeacher.personId,
        observedOn: '2026-11-20',
      });
      expect(start.statusCode, start.body).toBe(201);
      const put = await c.leader.request('PUT', `/api/observations/${start.json().id}/draft`, {
        version: start.json().version,
        lookForResults: [
          { lookFor: LT, seen: true, comment: null },
          { lookFor: ST, seen: true, comment: null },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await c.leader.post(`/api/observations/${start.json().id}/publish`, { version: put.json().version })).statusCode).toBe(200);
      return db
        .select()
        .from(evidence)
        .where(and(eq(evidence.sourceId, start.json().id), eq(evidence.districtId, w.districtId)));
    };
    expect(await publishSeen()).toEqual([]);
    const settings = (await c.hr.get('/api/settings/non-negotiables')).json();
    expect(settings.walkthroughEvidence).toBe(false);
    const { scoredObservationsPerTerm, feedbackWithinSchoolDays, observationFrameworkId, version } = settings;
    const put = await c.hr.request('PUT', '/api/settings/non-negotiables', {
      scoredObservationsPerTerm,
      feedbackWithinSchoolDays,
      observationFrameworkId,
      version,
      walkthroughEvidence: true,
    });
    expect(put.statusCode, put.body).toBe(200);
    const rows = await publishSeen();
    expect(rows.map((r) => [r.itemId, r.source, r.personId, r.scaleLevelId])).toEqual([
      [itemId, 'walkthrough', w.otherTeacher.personId, null],
    ]);
  });

  it('on a published edit, appends evidence only for a tagged look-for newly seen', async () => {
    const db = t.database.db;
    const start = await c.leader.post('/api/observations', {
      typeId: w.fixture.walkthroughTypeId,
      observedPersonId: w.otherTeacher.personId,
      observedOn: '2026-11-24',
    });
    const put = await c.leader.request('PUT', `/api/observations/${start.json().id}/draft`, {
      version: start.json().version,
      lookForResults: [
        { lookFor: LT, seen: false, comment: null },
        { lookFor: ST, seen: true, comment: null },
      ],
    });
    const published = await c.leader.post(`/api/observations/${start.json().id}/publish`, { version: put.json().version });
    expect(published.statusCode, published.body).toBe(200);
    const rowsOf = () =>
      db
        .select()
        .from(evidence)
        .where(and(eq(evidence.sourceId, start.json().id), eq(evidence.districtId, w.districtId)));
    expect(await rowsOf()).toEqual([]);
    const seenNow = [
      { lookFor: LT, seen: true, comment: null },
      { lookFor: ST, seen: true, comment: null },
    ];
    const revised = await c.leader.post(`/api/observations/${start.json().id}/revise`, {
      version: published.json().version,
      reason: 'Saw the target on the board',
      lookForResults: seenNow,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect((await rowsOf()).map((r) => r.itemId)).toEqual([w.fixture.criteria[0]!.itemId]);
    // Revised again with the same look-for still seen: no second row.
    const again = await c.leader.post(`/api/observations/${start.json().id}/revise`, {
      version: revised.json().version,
      reason: 'Typo',
      glows: 'Thanks',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await rowsOf()).toHaveLength(1);
  });
});
