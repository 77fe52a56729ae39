/**
 * Scores from another district (issue 10, finding 1): a draft save naming another district's rubric
 * criterion or scale level is refused, so publishing puts nothing of that district on the teacher's
 * competency profile and that district can still delete its criterion.
 * Permission matrix of these endpoints: server/routes/observations.test.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidence, frameworkVersions, observationScores } from '../db/schema/index.ts';
import { buildObservationFixture, buildObservationWorld, type ObservationFixture } from '../test/fixtures/observations.ts';
import { buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let other: ObservationFixture;
let leader: Client;
let otherHr: Client;

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  // The other district's framework is a draft its HR still edits.
  other = await buildObservationFixture(t.database.db, w.outsider.districtId);
  await t.database.db
    .update(frameworkVersions)
    .set({ status: 'draft', publishedAt: null })
    .where(eq(frameworkVersions.id, other.versionId));
  leader = await signIn(t.app, w.leader.email);
  otherHr = await signIn(t.app, (await buildUser(t.database.db, w.outsider.districtId, 'hr')).email);
}, 60_000);

async function start() {
  const res = await leader.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const put = (id: string, body: unknown) => leader.request('PUT', `/api/observations/${id}/draft`, body);

describe('scores naming another district’s rubric', () => {
  it('refuses another district’s criterion, and another district’s level on an own criterion', async () => {
    const obs = await start();
    const foreign = await put(obs.id, {
      version: obs.version,
      scores: [{ criterionId: other.criteria[0]!.id, scaleLevelId: other.levels[0]!.id }],
    });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('scores.0.criterionId');
    const foreignLevel = await put(obs.id, {
      version: obs.version,
      scores: [{ criterionId: w.fixture.criteria[0]!.id, scaleLevelId: other.levels[0]!.id }],
    });
    expect(foreignLevel.statusCode, foreignLevel.body).toBe(400);
    expect(foreignLevel.json().error.details[0].path).toBe('scores.0.scaleLevelId');
    expect(await t.database.db.select().from(observationScores).where(eq(observationScores.observationId, obs.id))).toEqual([]);
  });

  it('publishing leaves nothing of the other district on the profile, and that district deletes its criterion', async () => {
    const obs = await start();
    const own = { criterionId: w.fixture.criteria[0]!.id, scaleLevelId: w.fixture.levels[0]!.id };
    const attack = await put(obs.id, {
      version: obs.version,
      scores: [own, { criterionId: other.criteria[1]!.id, scaleLevelId: other.levels[1]!.id }],
    });
    // Refused, the observer saves their own score; accepted (the hole), publishing carries the foreign one.
    const saved = attack.statusCode === 200 ? attack : await put(obs.id, { version: obs.version, scores: [own] });
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await leader.post(`/api/observations/${obs.id}/publish`, { version: saved.json().version });
    expect(published.statusCode, published.body).toBe(200);

    const profile = (await leader.get(`/api/people/${w.teacher.personId}/competency-profile`)).json();
    const otherItems = new Set(other.criteria.map((c) => c.itemId));
    expect(profile.competencies.length).toBeGreaterThan(0);
    expect(profile.competencies.filter((c: { itemId: string }) => otherItems.has(c.itemId))).toEqual([]);
    const rows = await t.database.db.select().from(evidence).where(eq(evidence.personId, w.teacher.personId));
    expect(rows.filter((e) => otherItems.has(e.itemId))).toEqual([]);

    const removed = await otherHr.request('DELETE', `/api/rubric-criteria/${other.criteria[1]!.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
  });
});
