/**
 * The demo's fit review: installed once however often the seed runs, readable through the API as
 * three coaching models side by side with notes and one recommendation of each kind, and ready for
 * HR to adopt the recommended model into exploration.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FitReviewDetail } from '../../common/schemas/fit-reviews.ts';
import { fitReviews } from '../db/schema/index.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { installFitReviewDemo, type FitReviewDemoInput } from './seed-fit-review.ts';

const t = useTestApp();
let w: AssessmentWorld;
let input: FitReviewDemoInput;

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  input = {
    team: { id: w.districtTeam.id, orgUnitId: w.districtUnit.id },
    facilitatorPersonId: w.districtMember.personId,
    noteTakerPersonId: w.facilitatorA.personId,
    votingPersonIds: [w.memberA.personId],
    createdByUserId: w.hr.id,
    heldOn: '2026-02-10',
  };
}, 90_000);

describe('installFitReviewDemo', () => {
  it('writes the review once: three coaching models side by side, one of each recommendation, adoptable', async () => {
    const first = await installFitReviewDemo(t.database.db, w.districtId, input);
    const again = await installFitReviewDemo(t.database.db, w.districtId, input);
    expect(again.reviewId).toBe(first.reviewId);
    const [n] = await t.database.db.select({ n: count() }).from(fitReviews).where(eq(fitReviews.districtId, w.districtId));
    expect(n!.n).toBe(1);

    const member = await signIn(t.app, w.districtMember.email);
    const review = (await member.get(`/api/assessments/fit-reviews/${first.reviewId}`)).json() as FitReviewDetail;
    expect(review.status).toBe('decided');
    expect(review.candidates.map((c) => [c.name, c.recommendation])).toEqual([
      ['Instructional coaching', 'adopt'],
      ['Peer coaching cycles', 'adapt'],
      ['Video-based coaching', 'do_not_adopt'],
    ]);
    expect(review.candidates.every((c) => c.rationale && c.administration.status === 'closed')).toBe(true);
    expect(review.comparison.sections.map((s) => s.title)).toEqual(['Need', 'Fit', 'Capacity', 'Evidence', 'Supports', 'Usability']);
    expect(review.comparison.sections.every((s) => s.cells.every((c) => c.scored === 2 && c.notes.length === 1))).toBe(true);
    expect(review.comparison.total.every((c) => c.pct !== null)).toBe(true);

    const hr = await signIn(t.app, w.hr.email);
    const c = review.candidates[0]!;
    const adopted = await hr.post(`/api/assessments/fit-reviews/${review.id}/candidates/${c.id}/adopt`, { version: c.version });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect((adopted.json() as FitReviewDetail).candidates[0]!.initiative?.name).toBe('Instructional coaching');
  });
});
