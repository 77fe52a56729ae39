/**
 * A fit review across candidate programs: a team scores each candidate with the fit instrument
 * through its own administration, reads the candidates side by side section by section with the
 * notes, records its recommendations and decides; adopting a recommended candidate starts the
 * initiative at exploration with the review's administration attached, once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationDetail } from '../../common/schemas/assessments.ts';
import type { FitReviewDetail, FitReviewList } from '../../common/schemas/fit-reviews.ts';
import type { SchoolStageList } from '../../common/schemas/initiative-stages.ts';
import { auditLog } from '../db/schema/index.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { fitBase, fitVersion, makeReview, recommend } from '../test/fixtures/fit-reviews.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
let fit: Awaited<ReturnType<typeof fitVersion>>;
let hr: Client;
let facilitator: Client;
let leader: Client;

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  fit = await fitVersion(t.database.db, w.districtId);
  [hr, facilitator, leader] = await Promise.all([
    signIn(t.app, w.hr.email),
    signIn(t.app, w.facilitatorA.email),
    signIn(t.app, w.leaderA.email),
  ]);
}, 90_000);

/** Scores every item of a candidate's administration, item i getting `values[i]`, the first item of each section with a note. */
async function scoreCandidate(administrationId: string, values: number[]) {
  const a = (await facilitator.get(`/api/assessments/administrations/${administrationId}`)).json() as AdministrationDetail;
  const items = a.content.sections.flatMap((s) => s.items.map((item, i) => ({ item, note: i === 0 ? `${s.title} note` : '' })));
  for (const [i, { item, note }] of items.entries()) {
    const res = await facilitator.request('PUT', `/api/assessments/administrations/${administrationId}/scores/${item.id}`, {
      value: values[i],
      note,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('fit reviews', () => {
  it('scores three candidates side by side, records the recommendations and adopts one into exploration', async () => {
    let review = await makeReview(facilitator, w, fit.versionId, [
      'Instructional coaching',
      'Peer coaching cycles',
      'Video-based coaching',
    ]);
    expect(review.candidates.map((c) => c.name)).toEqual(['Instructional coaching', 'Peer coaching cycles', 'Video-based coaching']);
    expect(review.abilities).toEqual({ edit: true, addCandidate: true, decide: false, reopen: false });
    // Each candidate has its own administration of the review's version, attended by the team.
    const first = (
      await facilitator.get(`/api/assessments/administrations/${review.candidates[0]!.administration.id}`)
    ).json() as AdministrationDetail;
    expect(first.versionId).toBe(fit.versionId);
    expect(first.team?.id).toBe(w.schoolTeam.id);
    expect(first.abilities.score).toBe(true);
    expect(first.fitCandidate).toEqual({
      reviewId: review.id,
      reviewTitle: review.title,
      candidateId: review.candidates[0]!.id,
      name: 'Instructional coaching',
    });

    await scoreCandidate(review.candidates[0]!.administration.id, [5, 5, 4, 4, 4, 4, 5, 5, 4, 4, 4, 4]);
    await scoreCandidate(review.candidates[1]!.administration.id, [4, 4, 5, 5, 3, 3, 2, 2, 3, 3, 2, 2]);
    review = (await leader.get(`${fitBase}/${review.id}`)).json() as FitReviewDetail;
    const c = review.comparison;
    expect(c.sections.map((s) => s.title)).toEqual(['Need', 'Fit', 'Capacity', 'Evidence', 'Supports', 'Usability']);
    expect(c.sections[0]!.cells.map((x) => x.pct)).toEqual([100, 80, null]);
    expect(c.sections[0]!.cells[0]).toMatchObject({ sum: 10, max: 10, scored: 2, items: 2, notes: ['Need note'] });
    expect(c.sections[0]!.cells[2]).toMatchObject({ scored: 0, items: 2, notes: [] });
    expect(c.total.map((x) => x.candidateId)).toEqual(review.candidates.map((x) => x.id));
    expect(c.total[0]).toMatchObject({ sum: 52, max: 60, scored: 12 });
    expect(c.targetPct).toBe(70);
    // The school's leader reads it and may not adopt; nothing is ranked or chosen by the system.
    expect(review.candidates.every((x) => x.recommendation === null && !x.abilities.adopt && !x.abilities.edit)).toBe(true);

    review = await recommend(facilitator, review, 0, 'adopt', 'Strongest on need and evidence.');
    review = await recommend(facilitator, review, 1, 'adapt', 'Adapt: write down its core parts first.');
    expect(review.abilities.decide).toBe(false);
    review = await recommend(facilitator, review, 2, 'do_not_adopt', 'Families have not agreed to classroom video.');
    expect(review.candidates[0]).toMatchObject({ recommendation: 'adopt', rationale: 'Strongest on need and evidence.' });
    expect(review.candidates[0]!.recommendedBy).toBeTruthy();
    const decided = await facilitator.post(`${fitBase}/${review.id}/status`, { status: 'decided', version: review.version });
    expect(decided.statusCode, decided.body).toBe(200);
    review = decided.json() as FitReviewDetail;
    expect(review.status).toBe('decided');
    expect(review.decidedAt).toBeTruthy();

    // The facilitator may not adopt (it creates an initiative); HR adopts the candidate recommended to adopt.
    const asHr = (await hr.get(`${fitBase}/${review.id}`)).json() as FitReviewDetail;
    expect(asHr.candidates.map((x) => x.abilities.adopt)).toEqual([true, true, false]);
    const adoptPath = (i: number) => `${fitBase}/${review.id}/candidates/${review.candidates[i]!.id}/adopt`;
    expect((await facilitator.post(adoptPath(0), { version: review.candidates[0]!.version })).statusCode).toBe(403);
    const adopted = await hr.post(adoptPath(0), { version: review.candidates[0]!.version });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const after = adopted.json() as FitReviewDetail;
    const initiative = after.candidates[0]!.initiative!;
    expect(initiative.name).toBe('Instructional coaching');
    expect(after.initiatives).toEqual([initiative]);

    const created = (await hr.get(`/api/initiatives/${initiative.id}`)).json() as { need: string; purpose: string; partnerName: string };
    expect(created).toMatchObject({ need: review.need, purpose: review.need, partnerName: 'Instructional coaching Ltd' });
    const stages = (await hr.get(`/api/initiatives/${initiative.id}/stages`)).json() as SchoolStageList;
    expect(stages.items.find((s) => s.orgUnitId === w.schoolA.id)?.stage).toBe('exploration');
    const scored = (
      await hr.get(`/api/assessments/administrations/${review.candidates[0]!.administration.id}`)
    ).json() as AdministrationDetail;
    expect(scored.initiativeId).toBe(initiative.id);
    const listed = (await hr.get(`${fitBase}?initiativeId=${initiative.id}`)).json() as FitReviewList;
    expect(listed.items.map((i) => i.id)).toEqual([review.id]);

    // Adopting twice, or a candidate recommended not to adopt: 409, and no second initiative.
    const twice = await hr.post(adoptPath(0), { version: after.candidates[0]!.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('invalid_state');
    const notAdoptable = await hr.post(adoptPath(2), { version: after.candidates[2]!.version });
    expect(notAdoptable.statusCode).toBe(409);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.districtId, w.districtId), inArray(auditLog.action, ['initiative.create', 'fit_candidate.adopt'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['fit_candidate.adopt', 'initiative.create']);
  });

  it('adopts a district review at the district level, with the name and purpose given', async () => {
    const res = await hr.post(fitBase, {
      title: 'District review',
      need: 'Coach retention',
      orgUnitId: w.districtUnit.id,
      teamId: null,
      versionId: fit.versionId,
    });
    expect(res.statusCode, res.body).toBe(200);
    let review = res.json() as FitReviewDetail;
    expect(review.team).toBeNull();
    review = (await hr.post(`${fitBase}/${review.id}/candidates`, { name: 'Coaching academy' })).json() as FitReviewDetail;
    // Without a team, the person who started the review scores alone.
    const a = (await hr.get(`/api/assessments/administrations/${review.candidates[0]!.administration.id}`)).json() as AdministrationDetail;
    expect(a.soloPerson?.id).toBe(w.hr.personId);
    review = await recommend(hr, review, 0, 'adapt');
    const adopted = await hr.post(`${fitBase}/${review.id}/candidates/${review.candidates[0]!.id}/adopt`, {
      version: review.candidates[0]!.version,
      name: 'Coaching academy (adapted)',
      purpose: 'Keep our coaches',
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const initiative = (adopted.json() as FitReviewDetail).candidates[0]!.initiative!;
    const created = (await hr.get(`/api/initiatives/${initiative.id}`)).json() as {
      name: string;
      purpose: string;
      partnerName: string | null;
    };
    expect(created).toMatchObject({ name: 'Coaching academy (adapted)', purpose: 'Keep our coaches', partnerName: null });
    const stages = (await hr.get(`/api/initiatives/${initiative.id}/stages`)).json() as SchoolStageList;
    expect(stages.items.map((s) => [s.isDistrict, s.stage])).toEqual([[true, 'exploration']]);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const body = { title: 'Review', orgUnitId: w.schoolA.id, teamId: w.schoolTeam.id, versionId: fit.versionId };
    const field = async (b: Record<string, unknown>, as: Client = hr) => {
      const res = await as.post(fitBase, b);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().error.details as { path: string | string[] }[]).map((d) => [d.path].flat().join('.'));
    };
    expect(await field({ ...body, versionId: w.drivers.versionId })).toEqual(['versionId']);
    expect(await field({ ...body, versionId: w.otherDrivers.versionId })).toEqual(['versionId']);
    const draft = await hr.post(`/api/assessments/instruments/${fit.instrumentId}/draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(await field({ ...body, versionId: draft.json().id })).toEqual(['versionId']);
    expect(await field({ ...body, orgUnitId: w.schoolB.id })).toEqual(['orgUnitId']);
    expect(await field({ ...body, teamId: w.otherTeam.id, orgUnitId: w.otherUnit.id })).toEqual(['orgUnitId']);
    expect(await field({ ...body, title: '' })).toEqual(['title']);

    const review = await makeReview(hr, w, fit.versionId, ['One']);
    const c = review.candidates[0]!;
    const rec = await hr.request('PUT', `${fitBase}/${review.id}/candidates/${c.id}/recommendation`, {
      recommendation: 'maybe',
      version: c.version,
    });
    expect(rec.statusCode).toBe(400);
    expect(rec.json().error.details[0].path).toBe('recommendation');
    const kind = await hr.post(`${fitBase}/${review.id}/candidates`, { name: 'Two', kind: 'software' });
    expect(kind.statusCode).toBe(400);

    // A candidate of another review is not found under this one.
    const other = await makeReview(hr, w, fit.versionId, ['Elsewhere'], 'Another review');
    const stranger = other.candidates[0]!;
    expect(
      (await hr.patch(`${fitBase}/${review.id}/candidates/${stranger.id}`, { notes: 'x', version: stranger.version })).statusCode,
    ).toBe(404);
    expect((await hr.post(`${fitBase}/${review.id}/candidates/${stranger.id}/adopt`, { version: stranger.version })).statusCode).toBe(404);
  });

  it('answers a stale version with 409 and the current review, and keeps a decided review as it is', async () => {
    let review = await makeReview(facilitator, w, fit.versionId, ['A', 'B']);
    const renamed = await facilitator.patch(`${fitBase}/${review.id}`, { title: 'Renamed', version: review.version });
    expect(renamed.statusCode).toBe(200);
    const stale = await facilitator.patch(`${fitBase}/${review.id}`, { need: 'Other', version: review.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Renamed');
    review = renamed.json() as FitReviewDetail;

    const c = review.candidates[0]!;
    const edited = await facilitator.patch(`${fitBase}/${review.id}/candidates/${c.id}`, {
      name: 'A prime',
      notes: 'Asked for a demo',
      version: c.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const admin = (await facilitator.get(`/api/assessments/administrations/${c.administration.id}`)).json() as AdministrationDetail;
    expect(admin.title).toBe('A prime');
    const staleCandidate = await facilitator.patch(`${fitBase}/${review.id}/candidates/${c.id}`, { notes: 'x', version: c.version });
    expect(staleCandidate.statusCode).toBe(409);
    expect(staleCandidate.json().error.details.current.candidates[0].notes).toBe('Asked for a demo');
    review = edited.json() as FitReviewDetail;

    const early = await facilitator.post(`${fitBase}/${review.id}/status`, { status: 'decided', version: review.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');
    review = await recommend(facilitator, review, 0, 'adopt');
    review = await recommend(facilitator, review, 1, 'do_not_adopt');
    review = (
      await facilitator.post(`${fitBase}/${review.id}/status`, { status: 'decided', version: review.version })
    ).json() as FitReviewDetail;
    expect(review.abilities).toMatchObject({ edit: false, addCandidate: false, reopen: true });
    const late = await facilitator.post(`${fitBase}/${review.id}/candidates`, { name: 'C' });
    expect(late.statusCode).toBe(409);
    const lateRec = await facilitator.request('PUT', `${fitBase}/${review.id}/candidates/${review.candidates[1]!.id}/recommendation`, {
      recommendation: 'adapt',
      version: review.candidates[1]!.version,
    });
    expect(lateRec.statusCode).toBe(409);
    const reopened = await facilitator.post(`${fitBase}/${review.id}/status`, { status: 'open', version: review.version });
    expect(reopened.statusCode).toBe(200);
    review = reopened.json() as FitReviewDetail;
    review = await recommend(facilitator, review, 1, 'adapt');
    expect(review.candidates[1]!.recommendation).toBe('adapt');
    // The second candidate's administration was staffed like the first one.
    const second = (
      await facilitator.get(`/api/assessments/administrations/${review.candidates[1]!.administration.id}`)
    ).json() as AdministrationDetail;
    expect(second.attendees.map((a) => a.role).sort()).toEqual(admin.attendees.map((a) => a.role).sort());
  });
});
