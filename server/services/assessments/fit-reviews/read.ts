import { and, asc, count, desc, eq, exists, inArray, ne } from 'drizzle-orm';
import { FIT_REVIEW_LIMITS, type FitCandidateKind, type FitRecommendation, type FitReviewStatus } from '../../../../common/fit-reviews.ts';
import type {
  FitCandidate,
  FitCell,
  FitComparison,
  FitReviewDetail,
  FitReviewList,
  FitReviewListQuery,
  FitReviewSummary,
} from '../../../../common/schemas/fit-reviews.ts';
import type { AssessmentSection } from '../../../../common/schemas/assessments.ts';
import {
  assessmentAdministrations,
  assessmentScores,
  fitCandidates,
  fitReviews,
  implementationTeams,
  initiatives,
  orgUnits,
  people,
  users,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { isHrOrAdmin } from '../../../policies/app.ts';
import { canReadAssessments } from '../../../policies/assessments.ts';
import { canAdoptFitCandidate, canEditFitReview } from '../../../policies/fit-reviews.ts';
import { personName } from '../administrations.ts';
import { loadReach, versionSections } from '../load.ts';
import { resultsOf } from '../scoring.ts';
import { fitAccess, loadFitReview, readableFitReviews, selectFitReviews, type LoadedFitReview } from './load.ts';

/**
 * Reading fit reviews: one review with its candidates and the side-by-side comparison (rows are the
 * instrument's sections, columns the candidates: what each scored, never a rank or a winner), and
 * the list of reviews the caller may read.
 */

async function candidateRows(ctx: Ctx, reviewIds: string[]) {
  if (reviewIds.length === 0) return [];
  return ctx.db
    .select({
      c: fitCandidates,
      administration: {
        id: assessmentAdministrations.id,
        status: assessmentAdministrations.status,
        totalPct: assessmentAdministrations.totalPct,
        results: assessmentAdministrations.results,
      },
      initiativeName: initiatives.name,
      recommender: { givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
    })
    .from(fitCandidates)
    .innerJoin(
      assessmentAdministrations,
      and(
        eq(assessmentAdministrations.id, fitCandidates.administrationId),
        eq(assessmentAdministrations.districtId, fitCandidates.districtId),
      ),
    )
    .leftJoin(initiatives, and(eq(initiatives.id, fitCandidates.initiativeId), eq(initiatives.districtId, fitCandidates.districtId)))
    .leftJoin(users, and(eq(users.id, fitCandidates.recommendedBy), eq(users.districtId, fitCandidates.districtId)))
    .leftJoin(people, and(eq(people.id, users.personId), eq(people.districtId, users.districtId)))
    .where(and(eq(fitCandidates.districtId, ctx.actor.districtId), inArray(fitCandidates.reviewId, reviewIds)))
    .orderBy(asc(fitCandidates.position));
}
type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];

/** The consensus notes of each administration's items, by administration and item. */
async function scoreNotes(ctx: Ctx, administrationIds: string[]) {
  const rows = administrationIds.length
    ? await ctx.db
        .select({ administrationId: assessmentScores.administrationId, itemId: assessmentScores.itemId, note: assessmentScores.note })
        .from(assessmentScores)
        .where(
          and(
            eq(assessmentScores.districtId, ctx.actor.districtId),
            inArray(assessmentScores.administrationId, administrationIds),
            ne(assessmentScores.note, ''),
          ),
        )
    : [];
  return new Map(rows.map((r) => [`${r.administrationId}:${r.itemId}`, r.note]));
}

/** The side-by-side table: each section's figures per candidate, with the notes recorded on its items. */
function comparison(
  sections: AssessmentSection[],
  candidates: CandidateRow[],
  notes: Map<string, string>,
  targetPct: number | null,
): FitComparison {
  const results = candidates.map((c) => ({ id: c.c.id, admId: c.administration.id, r: resultsOf(c.administration.results, sections) }));
  return {
    targetPct,
    sections: sections.map((s) => ({
      key: s.key,
      title: s.title,
      cells: results.map(({ id, admId, r }): FitCell => {
        const figures = r.sections.find((x) => x.key === s.key) ?? { sum: 0, max: 0, pct: null, scored: 0, items: s.items.length };
        const said = s.items.map((i) => notes.get(`${admId}:${i.id}`)).filter((n): n is string => Boolean(n));
        return {
          candidateId: id,
          sum: figures.sum,
          max: figures.max,
          pct: figures.pct,
          scored: figures.scored,
          items: figures.items,
          notes: said,
        };
      }),
    })),
    total: results.map(({ id, r }) => ({ candidateId: id, ...r.total })),
  };
}

function summaryOf(l: LoadedFitReview, candidates: CandidateRow[]): FitReviewSummary {
  const r = l.r;
  return {
    id: r.id,
    title: r.title,
    status: r.status as FitReviewStatus,
    orgUnit: { id: r.orgUnitId, name: l.orgUnitName },
    team: r.teamId ? { id: r.teamId, name: l.teamName ?? '' } : null,
    instrument: { id: r.instrumentId, name: l.instrumentName },
    versionNumber: l.versionNumber,
    candidates: candidates.length,
    initiatives: candidates.flatMap((c) => (c.c.initiativeId ? [{ id: c.c.initiativeId, name: c.initiativeName ?? '' }] : [])),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

/** GET /api/assessments/fit-reviews/:id */
export async function fitReviewView(ctx: Ctx, id: string): Promise<FitReviewDetail> {
  const { loaded, row, reach } = await loadFitReview(ctx, id);
  const [sections, candidates] = await Promise.all([
    versionSections(ctx.db, ctx.actor.districtId, row.versionId),
    candidateRows(ctx, [id]),
  ]);
  const notes = await scoreNotes(
    ctx,
    candidates.map((c) => c.administration.id),
  );
  const edit = canEditFitReview(ctx.actor, fitAccess(row), reach);
  const open = row.status === 'open';
  const { candidates: _count, ...summary } = summaryOf(loaded, candidates);
  return {
    ...summary,
    need: row.need,
    versionId: row.versionId,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    candidates: candidates.map((c): FitCandidate => ({
      id: c.c.id,
      position: c.c.position,
      name: c.c.name,
      kind: c.c.kind as FitCandidateKind,
      vendor: c.c.vendor,
      notes: c.c.notes,
      administration: {
        id: c.administration.id,
        status: c.administration.status as 'open' | 'closed',
        totalPct: c.administration.totalPct,
      },
      recommendation: c.c.recommendation as FitRecommendation | null,
      rationale: c.c.rationale,
      recommendedBy: c.recommender?.givenName ? personName(c.recommender) : null,
      recommendedAt: c.c.recommendedAt?.toISOString() ?? null,
      initiative: c.c.initiativeId ? { id: c.c.initiativeId, name: c.initiativeName ?? '' } : null,
      adoptedAt: c.c.adoptedAt?.toISOString() ?? null,
      version: c.c.version,
      abilities: {
        edit: edit && open,
        recommend: edit && open && c.c.initiativeId === null,
        adopt: canAdoptFitCandidate(ctx.actor, c.c),
      },
    })),
    comparison: comparison(sections, candidates, notes, loaded.targetPct),
    abilities: {
      edit: edit && open,
      addCandidate: edit && open && candidates.length < FIT_REVIEW_LIMITS.candidates,
      decide: edit && open && candidates.length > 0 && candidates.every((c) => c.c.recommendation !== null),
      reopen: edit && !open,
    },
  };
}

/** The teams the caller may start a review for: every active team for HR and admins, else the teams they facilitate. */
async function teamsToStartFor(ctx: Ctx, facilitated: string[]): Promise<FitReviewList['abilities']['teams']> {
  const hr = isHrOrAdmin(ctx.actor);
  if (!hr && facilitated.length === 0) return [];
  const rows = await ctx.db
    .select({ id: implementationTeams.id, name: implementationTeams.name, orgUnitId: orgUnits.id, orgUnitName: orgUnits.name })
    .from(implementationTeams)
    .innerJoin(orgUnits, and(eq(orgUnits.id, implementationTeams.orgUnitId), eq(orgUnits.districtId, implementationTeams.districtId)))
    .where(
      and(
        eq(implementationTeams.districtId, ctx.actor.districtId),
        eq(implementationTeams.active, true),
        hr ? undefined : inArray(implementationTeams.id, facilitated),
      ),
    )
    .orderBy(asc(implementationTeams.name));
  return rows.map((r) => ({ id: r.id, name: r.name, orgUnit: { id: r.orgUnitId, name: r.orgUnitName } }));
}

/** GET /api/assessments/fit-reviews: newest first; by the initiative a candidate started. */
export async function listFitReviews(ctx: Ctx, q: FitReviewListQuery): Promise<FitReviewList> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Fit reviews');
  const reach = await loadReach(ctx);
  const r = fitReviews;
  const where = and(
    eq(r.districtId, ctx.actor.districtId),
    readableFitReviews(ctx, reach),
    q.initiativeId
      ? exists(
          ctx.db
            .select({ one: fitCandidates.id })
            .from(fitCandidates)
            .where(
              and(
                eq(fitCandidates.districtId, r.districtId),
                eq(fitCandidates.reviewId, r.id),
                eq(fitCandidates.initiativeId, q.initiativeId),
              ),
            ),
        )
      : undefined,
  );
  const facilitated = reach.memberships.filter((m) => m.role === 'facilitator').map((m) => m.teamId);
  const [rows, [total], teams] = await Promise.all([
    selectFitReviews(ctx.db, where).orderBy(desc(r.createdAt), desc(r.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(r).where(where),
    teamsToStartFor(ctx, facilitated),
  ]);
  const candidates = await candidateRows(
    ctx,
    rows.map((l) => l.r.id),
  );
  return {
    items: rows.map((l) =>
      summaryOf(
        l,
        candidates.filter((c) => c.c.reviewId === l.r.id),
      ),
    ),
    total: total?.n ?? 0,
    abilities: { teams, withoutTeam: isHrOrAdmin(ctx.actor) },
  };
}
